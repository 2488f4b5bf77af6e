/** Pure helpers of person records: case codes, search folding, file names, legal references, schemas. */
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../domain';
import { ATTACHMENT_MAX_BASE64_LENGTH, ATTACHMENT_MAX_BYTES, bytesMatchMediaType, sanitiseFileName } from './attachment.schema';
import { caseCodeSearchPrefix, deriveCaseCodePrefix, formatCaseCode } from './case-code';
import { EXPLOITATION_FORMS, EXPLOITATION_LEGAL_REFERENCES, legalReference } from './exploitation';
import { personCreateSchema } from './person.schema';
import { foldForSearch, personSearchText } from './search-text';

describe('case codes', () => {
  it.each([
    ['Payoke', 'PAY'],
    ['Pag-Asa', 'PAG'],
    ['Sürya', 'SUR'],
    ['CoMensha', 'COM'],
    ['Ö', 'CASE'],
    ['12', 'CASE'],
  ])('derives a prefix from "%s"', (name, prefix) => {
    expect(deriveCaseCodePrefix(name)).toBe(prefix);
  });

  it('formats PREFIX-YEAR-NNNN and grows past 9999', () => {
    expect(formatCaseCode('PAY', 2026, 7)).toBe('PAY-2026-0007');
    expect(formatCaseCode('PAY', 2026, 12345)).toBe('PAY-2026-12345');
  });

  it('treats a search that starts like a case code as a case-code lookup', () => {
    expect(caseCodeSearchPrefix(' pay-2026-00 ')).toBe('PAY-2026-00');
    expect(caseCodeSearchPrefix('PAY-2')).toBe('PAY-2');
    expect(caseCodeSearchPrefix('pay')).toBeNull();
    expect(caseCodeSearchPrefix('anne-marie')).toBeNull();
  });
});

describe('search folding', () => {
  it('removes case and accents, including letters that do not decompose', () => {
    expect(foldForSearch('  Ésmé  ÑÚÑEZ-Øby ')).toBe('esme nunez-oby');
    expect(foldForSearch('Straße Łódź Æsa Œuvre')).toBe('strasse lodz aesa oeuvre');
  });

  it('finds a person by either name order, alias or case code', () => {
    const text = personSearchText({ caseCode: 'PAY-2026-0007', givenNames: 'Zoë', familyName: 'Dúbois', aliases: ['La Rouge'] });
    for (const q of ['zoe dubois', 'dubois zoe', 'la rouge', 'pay-2026-0007', 'ubo']) expect(text.includes(foldForSearch(q))).toBe(true);
  });
});

describe('attachments', () => {
  it('sanitises file names: no folders, no control or reserved characters, no leading dots', () => {
    expect(sanitiseFileName('C:\\Users\\x\\scan 1.pdf')).toBe('scan 1.pdf');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('.hidden')).toBe('hidden');
    expect(sanitiseFileName('a\u0000b\u202Ec<d>.pdf')).toBe('abc_d_.pdf');
    expect(sanitiseFileName('   ')).toBe('attachment');
    const long = sanitiseFileName(`${'x'.repeat(300)}.jpeg`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.jpeg')).toBe(true);
  });

  it('recognises the declared type from the first bytes', () => {
    expect(bytesMatchMediaType(Buffer.from('%PDF-1.7\n'), 'application/pdf')).toBe(true);
    expect(bytesMatchMediaType(Buffer.from('MZ\x90\x00'), 'application/pdf')).toBe(false);
    expect(bytesMatchMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg')).toBe(true);
    expect(bytesMatchMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png')).toBe(true);
  });

  it('sets the base64 limit to the length of a file of exactly the cap', () => {
    expect(ATTACHMENT_MAX_BASE64_LENGTH).toBe(Buffer.alloc(ATTACHMENT_MAX_BYTES).toString('base64').length);
  });
});

describe('forms of exploitation (domain.md §3)', () => {
  it('cites the legal provision of each country, as data', () => {
    expect(legalReference('sexual', 'BE')?.article).toBe('art. 433quinquies §1 1° Sw.');
    expect(legalReference('forcedCriminality', 'BE')?.article).toBe('art. 433quinquies §1 5° Sw.');
    expect(legalReference('labour', 'NL')?.article).toBe('art. 273f Sr');
    expect(legalReference('organRemoval', 'LU')?.article).toBe('art. 382-1 Code pénal');
    // Sale of children: a separate offence in Luxembourg only (domain.md §3).
    expect(legalReference('saleOfChildren', 'BE')).toBeNull();
    expect(legalReference('saleOfChildren', 'NL')).toBeNull();
    expect(legalReference('saleOfChildren', 'LU')).not.toBeNull();
  });

  it('has every form for every country, with a source and labels in nl, fr and en', () => {
    for (const form of EXPLOITATION_FORMS) {
      for (const country of COUNTRIES) {
        const ref = EXPLOITATION_LEGAL_REFERENCES[form][country];
        if (ref === null) continue;
        expect(ref.source).toMatch(/brochure/);
        for (const lang of ['nl', 'fr', 'en'] as const) expect(ref.note[lang].length).toBeGreaterThan(3);
      }
    }
  });
});

describe('person schema', () => {
  it('normalises ISO codes and fills defaults', () => {
    const p = personCreateSchema.parse({ familyName: ' Invented ', nationalities: ['ng'], languages: ['EN'] });
    expect(p).toMatchObject({ familyName: 'Invented', givenNames: '', nationalities: ['NG'], languages: ['en'], dateOfBirth: { precision: 'unknown', date: null } });
  });

  it('accepts a person known only by an alias, and refuses one without any name', () => {
    expect(personCreateSchema.safeParse({ aliases: ['Mimi'] }).success).toBe(true);
    const refused = personCreateSchema.safeParse({});
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['familyName']);
  });
});
