/** Hands a downloaded file to the browser's "save" as if the user had clicked a link to it. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; revoke it once the save has surely started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
