/**
 * Files the handover screens read and save. Reading reports progress (a 60 MB package takes a
 * moment); saving goes through the browser's download, which Electron shows as its save dialog and
 * which the end-to-end tests catch as a download. File names never carry personal data.
 */

function readWith<T>(file: Blob, start: (reader: FileReader) => void, done: (reader: FileReader) => T, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => resolve(done(reader));
    start(reader);
  });
}

/** The file's bytes as base64 (without the data-URL prefix). */
export function readFileAsBase64(file: Blob, onProgress?: (percent: number) => void): Promise<string> {
  return readWith(
    file,
    (r) => r.readAsDataURL(file),
    (r) => {
      const text = String(r.result ?? '');
      return text.slice(text.indexOf(',') + 1);
    },
    onProgress,
  );
}

/** The file as UTF-8 text. */
export function readFileAsText(file: Blob, onProgress?: (percent: number) => void): Promise<string> {
  return readWith(file, (r) => r.readAsText(file, 'utf-8'), (r) => String(r.result ?? ''), onProgress);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offers `content` as a download named `fileName` (the user's save dialog in Electron). */
export function saveFile(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the bytes are released.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "2026-11-29", for file names: a date, never a name. */
export function fileDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
