// Hands a file to the user: an <a download> on a Blob URL, which the browser saves and
// Electron answers with its save dialog (no navigation, so the window's lock is not involved).
export function saveFile(filename: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
