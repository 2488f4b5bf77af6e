/**
 * The spreadsheet import through the real services and an encrypted vault: the dry run reports every
 * row and writes nothing; the import writes every valid row in one transaction through the person
 * and procedure services (case codes, rules engine, audit); bad files are refused with their own
 * translated key and write nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { AuditRepo } from '../../../db/audit.repo';
import { isAppError } from '../../../shared/errors';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';
import { nl } from '../../../shared/i18n/nl';
import { MAX_IMPORT_FILE_BYTES, type ImportFile } from '../../../shared/import/import.schema';
import { importMappingSchema, type ImportMappingInput } from '../../../shared/import/mapping.schema';
import { EXAMPLE_HEADERS, EXAMPLE_MAPPING, fileInput, withVbaProject, xlsxOf, type SheetValue } from '../../../test/helpers/spreadsheets';
import { newVault } from '../../../test/helpers/vault';
import type { Core } from '../app-core';
import { checkXlsxArchive, zipEntries } from './zip-guard';

/** Rewrites the uncompressed size of `name` in its local header and its central directory entry. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const isLocal = sig === 0x04034b50;
    const isCentral = sig === 0x02014b50;
    if (!isLocal && !isCentral) continue;
    const nameLength = view.getUint16(i + (isLocal ? 26 : 28), true);
    const nameAt = i + (isLocal ? 30 : 46);
    const same = nameLength === encoded.length && encoded.every((b, k) => out[nameAt + k] === b);
    if (same) view.setUint32(i + (isLocal ? 22 : 24), size, true);
  }
  return out;
}

let v: Awaited<ReturnType<typeof newVault>>;
let core: Core;
beforeEach(async () => {
  v = await newVault();
  core = v.core;
});
afterEach(() => v.cleanup());

const mapping = (over: Partial<ImportMappingInput> = {}) => importMappingSchema.parse({ ...EXAMPLE_MAPPING, ...over });

function snapshot(c: Core) {
  return c.vault.read((db) => ({
    persons: db.$client.prepare('SELECT count(*) AS n FROM persons').get() as { n: number },
    events: db.$client.prepare('SELECT count(*) AS n FROM procedure_events').get() as { n: number },
    audit: new AuditRepo(db).last()?.seq ?? 0,
    settings: db.$client.prepare('SELECT count(*) AS n FROM settings').get() as { n: number },
  }));
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) {
      // Every refusal has its message in the three languages.
      expect(en.errors[e.key]).toBeTruthy();
      expect(nl.errors[e.key]).toBeTruthy();
      expect(fr.errors[e.key]).toBeTruthy();
      return e.key;
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

// Invented persons only. Today is 2026-11-29 (the fake clock).
const ROWS: SheetValue[][] = [
  EXAMPLE_HEADERS,
  ['Ama', 'Kalovoda', '', '14-03-1998', 'vrouw', 'Nigeria', 'Engels; Yoruba', 'nee', 'BE', 'Bijlage 15', '02-09-2026', 'statementMade', '20-09-2026', '', ''],
  ['Ioana', 'Brezavu', 'Nana', '1990-07-01', 'F', 'Roumanie', 'ro', 'non', '', '', '', '', '', '', ''],
  ['', '', '', '01-01-2000', 'M', 'Belgium', '', '', '', '', '', '', '', '', ''],
  ['Tam', 'Vendrolu', '', '31-02-2001', 'man', 'Atlantis', '', '', '', '', '', '', '', '', ''],
  ['Ama', 'Kalovoda', '', '1998-03-14', 'female', 'NG', '', '', '', '', '', '', '', '', ''],
  ['Kofi', 'Mensaro', '', '05-05-1985', 'male', 'Ghana', '', '', 'BE', 'annex15Issued', '01-10-2026', 'reflectionExtended', '15-10-2026', '', ''],
  ['Lia', 'Temura', '', '05-05-1995', 'vrouw', 'Vietnam', '', '', 'Nederland', 'reflectionStarted', '01-08-2026', '', '', '', ''],
];

describe('spreadsheet import service', { timeout: 60_000 }, () => {
  it('the dry run reports every row with its problems and writes nothing', async () => {
    const before = snapshot(core);
    const report = await core.spreadsheetImport.dryRun({ file: fileInput('caseload.xlsx', await xlsxOf(ROWS)), mapping: mapping() });
    expect(snapshot(core)).toEqual(before);
    const codes = (row: number) => report.rows.find((r) => r.row === row)?.problems.map((p) => p.code);
    expect(codes(2)).toEqual([]);
    expect(report.rows[0]?.events).toEqual([
      { event: 1, country: 'BE', type: 'annex15Issued', date: '2026-09-02' },
      { event: 2, country: 'BE', type: 'statementMade', date: '2026-09-20' },
    ]);
    expect(codes(3)).toEqual([]);
    expect(codes(4)).toEqual(['nameMissing']);
    expect(codes(5)).toEqual(['dateImpossible', 'countryUnknown']);
    expect(codes(6)).toEqual(['duplicateInFile']);
    expect(report.rows.find((r) => r.row === 6)?.problems[0]?.otherRow).toBe(2);
    // The Belgian reflection period cannot be extended (brochure §4 BE): the rule's message in three languages.
    const refused = report.rows.find((r) => r.row === 7)?.problems[0];
    expect(refused).toMatchObject({ code: 'eventRefused', event: 2 });
    expect(refused?.rule?.message.nl).toMatch(/\S/);
    expect(refused?.rule?.message.fr).toMatch(/\S/);
    expect(refused?.rule?.source).toMatch(/\S/);
    expect(codes(8)).toEqual([]);
    expect(report.totals).toEqual({ rows: 7, valid: 3, withProblems: 4, emptyRowsSkipped: 0, events: 3 });
  });

  it('imports the valid rows in one transaction with case codes, events through the rules, an audit without names, and remembers the mapping', async () => {
    const result = await core.spreadsheetImport.run({ file: fileInput('caseload.xlsx', await xlsxOf(ROWS)), mapping: mapping() });
    expect(result.imported.map((i) => i.row)).toEqual([2, 3, 8]);
    expect(result.imported.map((i) => i.caseCode)).toEqual(['TES-2026-0001', 'TES-2026-0002', 'TES-2026-0003']);
    const first = core.persons.get({ id: result.imported[0]!.personId });
    expect(first.person).toMatchObject({ givenNames: 'Ama', familyName: 'Kalovoda', gender: 'female', nationalities: ['NG'], languages: ['en', 'yo'] });
    expect(first.person.dateOfBirth).toEqual({ precision: 'exact', date: '1998-03-14' });
    expect(first.tracks).toHaveLength(1);
    expect(first.tracks[0]?.events.map((e) => e.type)).toEqual(['annex15Issued', 'statementMade']);
    expect(first.tracks[0]?.state.phase.id).toBe('be.attestation');
    expect(core.persons.get({ id: result.imported[2]!.personId }).tracks[0]?.country).toBe('NL');

    const entries = core.vault.read((db) => new AuditRepo(db).latest(100));
    const summary = entries.find((e) => e.action === 'person.import');
    expect(JSON.parse(summary?.details ?? '{}')).toMatchObject({ rows: 7, imported: 3, notImported: 4, events: 3 });
    const created = entries.filter((e) => e.action === 'person.create');
    expect(created.map((e) => e.subjectId).sort()).toEqual(result.imported.map((i) => i.personId).sort());
    const text = JSON.stringify(entries);
    for (const word of ['Kalovoda', 'Ama', 'Brezavu', 'Nana', 'Temura', 'caseload', '1998-03-14']) expect(text).not.toContain(word);
    expect(core.audit.verify().ok).toBe(true);

    // The mapping is remembered for this organisation; the next inspection offers it.
    const inspection = await core.spreadsheetImport.inspect({ file: fileInput('caseload.xlsx', await xlsxOf(ROWS)) });
    expect(inspection.remembered).toEqual(mapping());
    expect(inspection.headers).toEqual(EXAMPLE_HEADERS);

    // Imported again: every row is now a duplicate of a person in the vault.
    const again = await core.spreadsheetImport.dryRun({ file: fileInput('caseload.xlsx', await xlsxOf(ROWS)), mapping: mapping() });
    expect(again.rows.find((r) => r.row === 2)?.problems).toEqual([{ code: 'duplicateExisting', caseCode: 'TES-2026-0001' }]);
  });

  it('is all or nothing: a failure while writing leaves no person, event, audit entry or mapping', async () => {
    const before = snapshot(core);
    // The database refuses the Dutch row's event, after the persons were written in the same transaction.
    core.vault.read((db) =>
      db.$client.exec("CREATE TEMP TRIGGER fail_import BEFORE INSERT ON procedure_events WHEN NEW.type = 'reflectionStarted' BEGIN SELECT RAISE(ABORT, 'disk full'); END"),
    );
    await expect(core.spreadsheetImport.run({ file: fileInput('caseload.xlsx', await xlsxOf(ROWS)), mapping: mapping() })).rejects.toThrow('disk full');
    expect(snapshot(core)).toEqual(before);
  });

  it('is for administrators only', async () => {
    await core.users.add({ username: 'coord', displayName: 'Co', role: 'coordinator', password: 'coordinator password' });
    core.vault.lock('manual');
    await core.vault.unlock('coord', 'coordinator password');
    const file = fileInput('caseload.xlsx', await xlsxOf(ROWS));
    for (const call of [
      () => core.spreadsheetImport.inspect({ file }),
      () => core.spreadsheetImport.dryRun({ file, mapping: mapping() }),
      () => core.spreadsheetImport.run({ file, mapping: mapping() }),
    ]) {
      expect(await refusal(call())).toBe('forbidden');
    }
  });
});

describe('bad input: a clear translated message and nothing written', { timeout: 60_000 }, () => {
  const attempt = async (file: ImportFile, over: Partial<ImportMappingInput> = {}) => {
    const before = snapshot(core);
    const key = await refusal(core.spreadsheetImport.run({ file, mapping: mapping(over) }));
    expect(snapshot(core)).toEqual(before);
    return key;
  };

  it('a formula with a saved result gives the result; one without is a problem of its row', async () => {
    const rows: SheetValue[][] = [
      ['Voornaam', 'Familienaam', 'Geboortedatum'],
      ['Ama', { formula: 'UPPER("kalovoda")', result: 'KALOVODA' }, '14-03-1998'],
      ['Kofi', { formula: 'CONCAT("Men","saro")' }, '05-05-1985'],
    ];
    const report = await core.spreadsheetImport.dryRun({
      file: fileInput('f.xlsx', await xlsxOf(rows)),
      mapping: mapping({ columns: { givenNames: 'Voornaam', familyName: 'Familienaam', dateOfBirth: 'Geboortedatum' }, events: [] }),
    });
    expect(report.rows[0]).toMatchObject({ name: 'KALOVODA, Ama', problems: [] });
    expect(report.rows[1]?.problems).toEqual([{ code: 'formulaWithoutResult', cell: 'B3' }]);
  });

  it('merged cells are refused with the range', async () => {
    const rows: SheetValue[][] = [['Voornaam', 'Familienaam'], ['Ama', 'Kalovoda'], ['Kofi', 'Mensaro']];
    expect(await attempt(fileInput('m.xlsx', await xlsxOf(rows, { merge: 'B2:B3' })), { columns: { givenNames: 'Voornaam' }, events: [] })).toBe(
      'importMergedCells',
    );
  });

  it('empty rows are skipped and counted; the rows keep their sheet numbers', async () => {
    const rows: SheetValue[][] = [['Voornaam', 'Familienaam'], ['Ama', 'Kalovoda'], [], [null, '  '], ['Kofi', 'Mensaro'], [], []];
    const report = await core.spreadsheetImport.dryRun({
      file: fileInput('e.xlsx', await xlsxOf(rows)),
      mapping: mapping({ columns: { givenNames: 'Voornaam', familyName: 'Familienaam' }, events: [] }),
    });
    expect(report.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(report.totals.emptyRowsSkipped).toBe(2);
  });

  it('a file over the size cap (50 MB) is refused before it is read', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(big.length).toBeGreaterThan(MAX_IMPORT_FILE_BYTES);
    expect(await attempt(fileInput('big.xlsx', big))).toBe('importFileTooLarge');
  });

  it('a CSV with quotes and line breaks inside fields is read as one record per person', async () => {
    const csv = 'Voornaam;Familienaam;Notities\r\n"Ama";"Kalo""voda";"Nooit bellen via familie;\nalleen via centrum"\r\nKofi;Mensaro;"Spreekt ""Twi"""\n';
    const report = await core.spreadsheetImport.dryRun({
      file: fileInput('q.csv', csv),
      mapping: mapping({ columns: { givenNames: 'Voornaam', familyName: 'Familienaam', safetyNotes: 'Notities' }, events: [] }),
    });
    expect(report.rows.map((r) => [r.row, r.name])).toEqual([
      [2, 'Kalo"voda, Ama'],
      [4, 'Mensaro, Kofi'],
    ]);
    const result = await core.spreadsheetImport.run({
      file: fileInput('q.csv', csv),
      mapping: mapping({ columns: { givenNames: 'Voornaam', familyName: 'Familienaam', safetyNotes: 'Notities' }, events: [] }),
    });
    expect(core.persons.get({ id: result.imported[0]!.personId }).person.safetyNotes).toBe('Nooit bellen via familie;\nalleen via centrum');
  });

  it('a CSV whose quote is never closed is refused with its line', async () => {
    expect(await attempt(fileInput('u.csv', 'Voornaam;Familienaam\nAma;"Kalovoda\nKofi;Mensaro\n'), { columns: { givenNames: 'Voornaam' }, events: [] })).toBe(
      'importCsvMalformed',
    );
  });

  it('a macro-enabled workbook is refused, by its name or by the VBA project inside', async () => {
    const xlsx = await xlsxOf([['Voornaam'], ['Ama']]);
    expect(await attempt(fileInput('caseload.xlsm', xlsx), { columns: { givenNames: 'Voornaam' }, events: [] })).toBe('importMacroFile');
    expect(await attempt(fileInput('caseload.xlsx', withVbaProject(xlsx)), { columns: { givenNames: 'Voornaam' }, events: [] })).toBe('importMacroFile');
  });

  it('a zip bomb is refused from its central directory, before exceljs reads it', async () => {
    // 16 MB of zeros compress about 1,000:1: no sheet's XML does that.
    const bomb = zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await attempt(fileInput('bomb.xlsx', bomb))).toBe('importZipBomb');
  });

  it('a zip bomb whose headers lie about its size is stopped while inflating', async () => {
    const bomb = zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    const lying = declareSize(bomb, 'xl/worksheets/sheet1.xml', 4096);
    expect(zipEntries(lying).find((e) => e.name === 'xl/worksheets/sheet1.xml')?.uncompressedSize).toBe(4096);
    expect(() => checkXlsxArchive(lying)).toThrow(expect.objectContaining({ key: 'importZipBomb' }));
    expect(await attempt(fileInput('bomb.xlsx', lying))).toBe('importZipBomb');
  });

  it('a mapping naming a column the sheet does not have is refused with the column', async () => {
    const xlsx = await xlsxOf([['Voornaam'], ['Ama']]);
    const before = snapshot(core);
    try {
      await core.spreadsheetImport.run({ file: fileInput('c.xlsx', xlsx), mapping: mapping({ columns: { givenNames: 'Prénom' }, events: [] }) });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.key).toBe('importColumnMissing');
      expect(isAppError(e) && e.params).toEqual({ column: 'Prénom' });
    }
    expect(snapshot(core)).toEqual(before);
  });

  it('other files are refused: an old .xls, a text that is no spreadsheet, base64 with foreign characters', async () => {
    expect(await attempt(fileInput('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe('importFileType');
    expect(await attempt(fileInput('notes.pdf', '%PDF-1.7'))).toBe('importFileType');
    expect(await attempt({ fileName: 'a.csv', fileBase64: 'QU*FB' })).toBe('importFileUnreadable');
  });
});
