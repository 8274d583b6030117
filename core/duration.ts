// Durations as people write them in settings and flags: 30m, 24h, 7d, 2w (one number, one unit).

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Milliseconds, or undefined when `text` is not a whole number followed by m, h, d or w. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([mhdw])$/i.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * UNIT_MS[match[2]!.toLowerCase() as keyof typeof UNIT_MS];
  return value > 0 && Number.isSafeInteger(value) ? value : undefined;
}
