// The points POST /api/v2/write stores, in the stand-in's database beside everything else (same commits,
// same group-commit flushes), keyed as InfluxDB keys them: org, bucket, series, time.
import type Database from 'better-sqlite3';
import type { StandinStore } from './store';

/** One point as stored: the series (measurement and sorted tags, as written) at one time, and its fields. */
export interface PointRow {
  seriesKey: string;
  /** Nanoseconds since the epoch. */
  time: bigint;
  /** JSON text: {"<field key>": [type, value]}, integers as decimal text so 64 bits survive. */
  fields: string;
}

export class PointsStore {
  private readonly store: StandinStore;
  private readonly upsert: Database.Statement<[string, string, string, bigint, string]>;
  private readonly list: Database.Statement<[string, string]>;

  constructor(store: StandinStore) {
    this.store = store;
    // A point written again at the same time keeps the fields it had and takes the new values, as in InfluxDB.
    this.upsert = store.db.prepare(
      `INSERT INTO points (org_id, bucket_id, series_key, time, fields) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET fields = json_patch(fields, excluded.fields)`,
    );
    this.list = store.db
      .prepare<[string, string]>(
        `SELECT series_key AS seriesKey, time, fields FROM points WHERE org_id = ? AND bucket_id = ?
         ORDER BY series_key, time`,
      )
      .safeIntegers(true);
  }

  /** Stores a batch in one commit: all of it or, should anything fail, none. */
  write(orgID: string, bucketID: string, points: readonly PointRow[]): void {
    this.store.transaction(() => {
      for (const point of points) this.upsert.run(orgID, bucketID, point.seriesKey, point.time, point.fields);
    });
  }

  /** The points of a bucket, by series then time. */
  read(orgID: string, bucketID: string): PointRow[] {
    return this.list.all(orgID, bucketID) as PointRow[];
  }
}
