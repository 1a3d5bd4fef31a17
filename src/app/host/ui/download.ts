/** Saves text as a file through a temporary object URL: the export needs the token, so a plain link cannot fetch it. */
export function saveText(filename: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start the download after this tick.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
