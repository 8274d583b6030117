// A rotated token's description says which token it replaces: "<old> (replaces <old ID>)". Rotating a
// replacement again names only the newest predecessor, so descriptions do not grow with every rotation.
const REPLACES = / \(replaces [0-9a-f]{16}\)$/;

export function rotatedDescription(description: string, oldID: string): string {
  const base = description.replace(REPLACES, '').trim();
  const note = `(replaces ${oldID})`;
  return base === '' ? note : `${base} ${note}`;
}
