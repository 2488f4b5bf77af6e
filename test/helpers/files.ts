import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir`, recursively. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** Files that contain `marker` in UTF-8, UTF-16LE or UTF-16BE. */
export function filesContaining(dir: string, marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le'), Buffer.from(marker, 'utf16le').swap16()];
  return listFiles(dir).filter((f) => {
    const bytes = readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
}

/** The bytes of the named files, to prove that an operation changed nothing. */
export function fingerprint(dir: string, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    try {
      out[n] = readFileSync(join(dir, n)).toString('base64');
    } catch {
      out[n] = '<absent>';
    }
  }
  return out;
}

export function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}
