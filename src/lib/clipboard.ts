// Copy text in every browser: the async Clipboard API when allowed, else a hidden textarea and execCommand
// (the official page's copy button failed where only one of the two worked: influxdata/influxdb#24051).

function copyWithTextarea(text: string, container: HTMLElement): boolean {
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.style.position = 'fixed';
  textarea.style.opacity = '0';
  textarea.style.pointerEvents = 'none';
  container.appendChild(textarea);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  textarea.focus();
  textarea.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  textarea.remove();
  previous?.focus();
  return copied;
}

/**
 * Resolves true when the text reached the clipboard. `near` should be an element inside any open
 * modal dialog, so the fallback textarea sits inside its focus trap.
 */
export async function copyText(text: string, near?: Element | null): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied (no permission, not focused, insecure origin): fall through to the old way.
    }
  }
  const container = (near?.closest('[role="dialog"]') as HTMLElement | null) ?? document.body;
  return copyWithTextarea(text, container);
}
