/**
 * Attachment names in a handover package. The importing side will store attachments and may one day
 * write them to disk under these names, on Windows, macOS or Linux; a name that could leave its folder,
 * hide its real extension or clash with another must be refused, whoever signed it. Pure, so the export
 * form can check names before a package is made.
 */

export const MAX_ATTACHMENT_NAME_CHARS = 120;
export const MAX_ATTACHMENT_NAME_BYTES = 255;

export const ATTACHMENT_NAME_PROBLEMS = [
  'empty',
  'tooLong',
  'separator',
  'dotSegment',
  'controlCharacter',
  'reservedCharacter',
  'reservedName',
  'edgeCharacter',
  'notNormalised',
  'duplicate',
] as const;
export type AttachmentNameProblem = (typeof ATTACHMENT_NAME_PROBLEMS)[number];

/** Cc controls, Cf format characters (bidi overrides such as U+202E, zero-width characters), lone surrogates, line and paragraph separators. */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
/** Characters Windows refuses in file names, plus ':' (drive letters, NTFS streams). */
const RESERVED_CHARS = /[<>:"|?*]/;
/** Windows device names, with or without an extension. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Null when the name is safe, else the first problem found. */
export function attachmentNameProblem(name: unknown): AttachmentNameProblem | null {
  if (typeof name !== 'string' || name.length === 0) return 'empty';
  if (name.includes('/') || name.includes('\\')) return 'separator';
  if (INVISIBLE_OR_CONTROL.test(name)) return 'controlCharacter';
  if (name.normalize('NFC') !== name) return 'notNormalised';
  if ([...name].length > MAX_ATTACHMENT_NAME_CHARS || new TextEncoder().encode(name).length > MAX_ATTACHMENT_NAME_BYTES) return 'tooLong';
  if (name.includes('..')) return 'dotSegment';
  if (RESERVED_CHARS.test(name)) return 'reservedCharacter';
  if (RESERVED_NAMES.test(name)) return 'reservedName';
  // Leading dot (hidden file, '.' itself), leading dash (read as an option by tools), leading or
  // trailing white space, trailing dot (Windows drops it, so "a.pdf." becomes "a.pdf").
  if (/^[.\-\s]|[.\s]$/u.test(name)) return 'edgeCharacter';
  return null;
}

/** The key two names clash on in a case-insensitive file system. */
export function attachmentNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Checks every name and that no two clash; null when all are safe. */
export function attachmentNamesProblem(names: readonly unknown[]): { index: number; problem: AttachmentNameProblem } | null {
  const seen = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    const problem = attachmentNameProblem(n);
    if (problem) return { index: i, problem };
    const key = attachmentNameKey(n as string);
    if (seen.has(key)) return { index: i, problem: 'duplicate' };
    seen.add(key);
  }
  return null;
}
