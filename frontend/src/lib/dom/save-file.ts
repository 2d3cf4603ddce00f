/** Hands text to the browser as a download, as if a link to a file of that name had been followed. */
export function saveFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click the browser holds the file; the address is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
