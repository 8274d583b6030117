import { describe, expect, it } from 'vitest';
import { activityFileName, activityToCsv } from './activity-export';
import { filtersFromSearch, searchFromFilters, serverFilters } from './activity-filters';
import { matchesActor } from './entry-match';
import { entry } from '../testing/fake-activity';

describe('the actor filter', () => {
  it('matches actors case- and accent-blind', () => {
    const e = entry(1, { actor: { kind: 'pasted-token', person: 'José Núñez' } });
    expect(matchesActor(e, 'jose nun')).toBe(true);
    expect(matchesActor(e, 'maria')).toBe(false);
    expect(matchesActor(e, '  ')).toBe(true);
  });
});

describe('the CSV', () => {
  it('defuses formulas and quotes commas, so a description cannot run in a spreadsheet', () => {
    const csv = activityToCsv([entry(1, { description: '=HYPERLINK("x"),y', note: 'caught up at start' })]);
    const row = csv.replace(/^\uFEFF/, '').split('\r\n')[1];
    expect(row).toContain(`,"'=HYPERLINK(""x""),y",`);
    expect(row?.endsWith(',caught up at start')).toBe(true);
  });

  it('names the file after the org, safely', () => {
    expect(activityFileName('my org/../x', 'jsonl', new Date(2026, 0, 2, 3, 4, 5))).toBe(
      'influxdb-activity-my_org_.._x-20260102-030405.jsonl',
    );
  });
});

describe('the filters in the URL', () => {
  it('round-trips, drops values it does not know, and sends only what the server filters', () => {
    const filters = filtersFromSearch(new URLSearchParams('token=a000000000000c01&action=launch&actor=bob&since=7d'));
    expect(filters).toEqual({ token: 'a000000000000c01', action: '', actor: 'bob', since: '7d' });
    expect(searchFromFilters(filters).toString()).toBe('token=a000000000000c01&actor=bob&since=7d');
    expect(serverFilters(filters)).toEqual({ tokenID: 'a000000000000c01', since: '7d' });
    expect(serverFilters({ ...filters, token: 'ci deploy', action: 'rename' })).toEqual({
      action: 'rename',
      since: '7d',
    });
  });
});
