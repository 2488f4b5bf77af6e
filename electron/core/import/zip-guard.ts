/**
 * An XLSX file is a zip archive: before exceljs (and the JSZip inside it) decompresses anything, the
 * archive's central directory is read with fflate (entry count, declared sizes, compression ratio,
 * a VBA project), then every entry is inflated once in a stream that stops as soon as it yields more
 * than its entry declared or the archive more than the cap. A zip bomb whose headers lie about its
 * sizes is caught there; exceljs only ever sees an archive whose real size is known and bounded.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { AppError } from '../../../shared/errors';

export const ZIP_LIMITS = {
  maxEntries: 2_000,
  /** Everything inflated: a 50,000-row sheet's XML is far below this. */
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  /** Deflate reaches about 1,000:1 on repeated bytes; real sheet XML stays under 100:1. */
  maxEntryRatio: 200,
  /** Small entries (styles, a nearly empty sheet) may compress far better; their ratio is not judged. */
  ratioCheckedAbove: 1024 * 1024,
} as const;

/** Compressed bytes pushed at a time: a lying entry yields at most about 1,000 times this before it is stopped. */
const SLICE = 16 * 1024;

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

function bomb(): AppError {
  return new AppError('VALIDATION', 'importZipBomb', { maxMb: ZIP_LIMITS.maxTotalUncompressedBytes / 1024 / 1024 });
}

/** The central directory's entries; nothing is decompressed. */
export function zipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, compressedSize: f.size, uncompressedSize: f.originalSize });
        if (entries.length > ZIP_LIMITS.maxEntries) throw bomb();
        return false;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', 'importFileUnreadable');
  }
  return entries;
}

/**
 * Refuses a macro-enabled workbook and an archive that would inflate beyond the caps, judged first on
 * the declared sizes, then on what the entries really inflate to.
 */
export function checkXlsxArchive(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  if (entries.length === 0) throw new AppError('VALIDATION', 'importFileUnreadable');
  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) throw new AppError('VALIDATION', 'importMacroFile');
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (declared > ZIP_LIMITS.maxTotalUncompressedBytes) throw bomb();
    if (e.uncompressedSize > ZIP_LIMITS.ratioCheckedAbove && ratio > ZIP_LIMITS.maxEntryRatio) throw bomb();
  }
  const limits = new Map(entries.map((e) => [e.name, e.uncompressedSize]));
  let total = 0;
  let exceeded = false;
  let broken = false;
  const unzip = new Unzip((file) => {
    const limit = limits.get(file.name) ?? 0;
    let inflated = 0;
    file.ondata = (err, chunk) => {
      if (err) {
        broken = true;
        return;
      }
      inflated += chunk.length;
      total += chunk.length;
      if (inflated > limit || total > ZIP_LIMITS.maxTotalUncompressedBytes) {
        exceeded = true;
        file.terminate();
      }
    };
    if (!exceeded) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // In slices, so that a lying entry is stopped after at most one slice more than its limit.
    for (let i = 0; i < bytes.length && !exceeded; i += SLICE) unzip.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
  } catch {
    broken = true;
  }
  if (exceeded) throw bomb();
  if (broken) throw new AppError('VALIDATION', 'importFileUnreadable');
}
