// The browser's stand-ins for file dialogs: a hidden <input type=file> to open and a Blob
// behind an <a download> to save.

/**
 * Asks the user for one file. Must be called from a user gesture (a click handler) before any
 * await, or the browser refuses to show the picker. Resolves null when the user cancels.
 */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    input.setAttribute('aria-hidden', 'true');
    let settled = false;
    const finish = (file: File | null) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => finish(null));
    document.body.append(input);
    input.click();
  });
}

/**
 * The bytes of a file the user picked, or null when the browser cannot read it (moved or
 * deleted since). Bytes, not text: File.text() would turn UTF-16 or Latin-1 into U+FFFD
 * silently, so the caller decodes with core's decodeText, which says what is wrong.
 */
export async function readPickedFile(file: Blob): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** Clicks a hidden download link: the one way a page can hand the user a file. */
export function downloadUrl(fileName: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Offers `text` as a download named `fileName`. */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  downloadUrl(fileName, url);
  // Let the download start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
