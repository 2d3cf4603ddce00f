/**
 * Puts text on the clipboard; true when it got there. The Clipboard API exists only in secure
 * contexts (HTTPS, localhost), and the console is often opened over plain HTTP inside a company
 * network: there copying the selected `source` with the older execCommand still works. When both
 * fail, `source` stays selected so that the operator can press Ctrl+C themselves.
 */
export async function copyText(text: string, source: HTMLElement | null): Promise<boolean> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- absent outside secure contexts
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, document not focused): try the selection below.
  }
  if (!source) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(source);
  selection.removeAllRanges();
  selection.addRange(range);
  let copied = false;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way to copy without the Clipboard API
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  if (copied) selection.removeAllRanges();
  return copied;
}
