// Plain-text tables for a terminal: cells separated by two spaces, each column as wide as its widest cell,
// no trailing spaces. The CLI prints `influx auth`-style tables with it, the benchmarks their report.
export interface TableOptions {
  /** Columns from this index on are right-aligned (figures); the ones before it are left-aligned. Default: none. */
  rightAlignFrom?: number;
}

/** The table's lines, without line ends; a row shorter than the others gets empty cells. */
export function tableLines(rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  const rightAlignFrom = options.rightAlignFrom ?? Number.POSITIVE_INFINITY;
  // Loops, not Math.max(...): lists of 100k tokens would overflow the argument limit.
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows.map((row) =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return column >= rightAlignFrom ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd(),
  );
}
