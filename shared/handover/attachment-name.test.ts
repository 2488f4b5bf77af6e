import { describe, expect, it } from 'vitest';
import { attachmentNameProblem, attachmentNamesProblem } from './attachment-name';

describe('attachment names', () => {
  it('accept ordinary file names in any script', () => {
    for (const n of ['verklaring.pdf', 'Attestation d’immatriculation (2).jpg', 'Паспорт.png', 'scan 1.tiff', 'a', 'x'.repeat(120)]) {
      expect(attachmentNameProblem(n), n).toBeNull();
    }
  });

  it('refuse names that could leave their folder or hide what they are', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['../etc/passwd', 'separator'],
      ['..', 'dotSegment'],
      ['.', 'edgeCharacter'],
      ['a..b', 'dotSegment'],
      ['/etc/passwd', 'separator'],
      ['C:\\Windows\\x.dll', 'separator'],
      ['C:x', 'reservedCharacter'],
      ['file.txt:stream', 'reservedCharacter'],
      ['\\\\server\\share', 'separator'],
      ['a\u0000b', 'controlCharacter'],
      ['a\nb', 'controlCharacter'],
      ['invoice\u202Efdp.exe', 'controlCharacter'],
      ['zero\u200Bwidth', 'controlCharacter'],
      ['line\u2028sep', 'controlCharacter'],
      ['x'.repeat(121), 'tooLong'],
      ['é'.repeat(130), 'tooLong'],
      ['e\u0301.pdf', 'notNormalised'],
      ['CON', 'reservedName'],
      ['nul.txt', 'reservedName'],
      ['com1.pdf', 'reservedName'],
      ['.bashrc', 'edgeCharacter'],
      ['-rf', 'edgeCharacter'],
      ['report.pdf.', 'edgeCharacter'],
      [' report.pdf', 'edgeCharacter'],
      ['report.pdf ', 'edgeCharacter'],
      ['a<b', 'reservedCharacter'],
      ['a|b', 'reservedCharacter'],
    ];
    for (const [n, problem] of cases) expect(attachmentNameProblem(n), JSON.stringify(n)).toBe(problem);
    expect(attachmentNameProblem(42)).toBe('empty');
  });

  it('refuse two names that clash on a case-insensitive file system', () => {
    expect(attachmentNamesProblem(['Scan.pdf', 'scan.PDF'])).toEqual({ index: 1, problem: 'duplicate' });
    expect(attachmentNamesProblem(['a.pdf', 'b.pdf'])).toBeNull();
    expect(attachmentNamesProblem(['a.pdf', '../b'])).toEqual({ index: 1, problem: 'separator' });
  });
});
