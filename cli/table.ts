// Plain-text tables: columns left-aligned and separated by two spaces; the last column is not padded.
export interface TableOptions {
  hideHeaders?: boolean;
}

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const lines = options.hideHeaders ? rows : [headers, ...rows];
  if (lines.length === 0) return '';
  // A loop, not Math.max(...): lists of 100k tokens would overflow the argument limit.
  const widths = headers.map(() => 0);
  for (const line of lines) headers.forEach((_, column) => (widths[column] = Math.max(widths[column] ?? 0, (line[column] ?? '').length)));
  return lines
    .map((line) =>
      headers
        .map((_, column) => {
          const cell = line[column] ?? '';
          return column === headers.length - 1 ? cell : cell.padEnd(widths[column] ?? 0);
        })
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
