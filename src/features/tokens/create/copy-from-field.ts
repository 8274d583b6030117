// Copies a field's text: the async Clipboard API when present and allowed, else the field's own
// selection and execCommand('copy'). If both fail the text is left selected for a manual copy.
export type CopyResult = 'copied' | 'selected';

export async function copyFromField(
  text: string,
  field: HTMLTextAreaElement | HTMLInputElement | null,
): Promise<CopyResult> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return 'copied';
    } catch {
      // Refused (no permission, page not focused, insecure origin): try the older way below.
    }
  }
  if (!field) return 'selected';
  field.focus();
  field.select();
  let copied: boolean;
  try {
    copied = typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    copied = false;
  }
  // Either way the text stays selected, so Ctrl+C works if nothing else did.
  field.select();
  return copied ? 'copied' : 'selected';
}
