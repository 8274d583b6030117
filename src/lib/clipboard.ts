// Copy text in every browser: the async Clipboard API when allowed, else a selection and execCommand('copy') (the
// official page's copy button failed where only one of the two worked: influxdata/influxdb#24051).

function copySelection(field: HTMLTextAreaElement | HTMLInputElement): boolean {
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * Resolves true when the text reached the clipboard. With `field` (showing the text), the fallback copies from it and
 * leaves it selected, so Ctrl+C works if nothing else did. Without one, a hidden textarea is placed beside `near`,
 * inside any open dialog's focus trap, and focus goes back where it was.
 */
export async function copyText(
  text: string,
  { field, near }: { field?: HTMLTextAreaElement | HTMLInputElement | null; near?: Element | null } = {},
): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied (no permission, page not focused, insecure origin): fall through to the old way.
    }
  }
  if (field) return copySelection(field);
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.style.cssText = 'position: fixed; opacity: 0; pointer-events: none';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  ((near?.closest('[role="dialog"]') as HTMLElement | null) ?? document.body).appendChild(textarea);
  const copied = copySelection(textarea);
  textarea.remove();
  previous?.focus();
  return copied;
}
