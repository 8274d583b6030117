// Saves text as a file through a Blob URL and an <a download>: a navigation, not a fetch, so the
// page's Content-Security-Policy (connect-src 'self') does not stand in its way.
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: give them time before it is freed.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
