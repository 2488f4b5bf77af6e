/**
 * Reading spreadsheet files (docs/import.md "Files"): encodings, the delimiter found from the header
 * record, line ends, byte-order marks, and the mapping of rows to person fields and events.
 * Properties generate CSV files with csv-parse's own quoting rules (fields quoted, quotes doubled).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importMappingSchema } from '../../../shared/import/mapping.schema';
import { mapRow, resolveColumns } from '../../../shared/import/row-mapping';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { EXAMPLE_MAPPING, xlsxOf } from '../../../test/helpers/spreadsheets';
import { decodeText, detectDelimiter, readSpreadsheet } from './spreadsheet-file';

const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
const read = (name: string, bytes: Uint8Array) => readSpreadsheet(name, bytes, { headerRow: 1, encoding: 'auto' });

describe('encodings', () => {
  const text = 'Naam;Notities\r\nŒuvre;Schuld 1.200 € bij “de baas” – cœur\r\n';

  it('Windows-1252 bytes 0x80-0x9F (€ œ “ ”) decode to the right characters', async () => {
    const bytes = iconv.encode(text, 'windows-1252');
    expect([...bytes]).toContain(0x80);
    expect(decodeText(bytes, 'auto')).toEqual({ text, encoding: 'windows-1252' });
    const content = await read('c.csv', bytes);
    expect(content.encoding).toBe('windows-1252');
    expect(content.table.rows[0]?.cells).toEqual(['Œuvre', 'Schuld 1.200 € bij “de baas” – cœur']);
  });

  it('UTF-8 with or without a byte-order mark', async () => {
    for (const bytes of [Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])]) {
      const content = await read('c.csv', bytes);
      expect(content.encoding).toBe('utf-8');
      expect(content.table.headers).toEqual(['Naam', 'Notities']);
      expect(content.table.rows[0]?.cells[1]).toBe('Schuld 1.200 € bij “de baas” – cœur');
    }
  });

  it('a file said to be UTF-8 that is not is refused; Windows-1252 can be chosen', async () => {
    const bytes = iconv.encode(text, 'windows-1252');
    await expect(readSpreadsheet('c.csv', bytes, { headerRow: 1, encoding: 'utf-8' })).rejects.toMatchObject({ key: 'importEncoding' });
    expect((await readSpreadsheet('c.csv', bytes, { headerRow: 1, encoding: 'windows-1252' })).table.rows[0]?.cells[0]).toBe('Œuvre');
  });

  it('any text of Windows-1252 characters survives the round trip, and UTF-8 of any text too', () => {
    const cp1252 = fc.string({ unit: fc.constantFrom(...'aéèçëïœŒ€“”‘’–—…ßøÅ ;,"\n'), maxLength: 40 });
    fc.assert(
      fc.property(cp1252, (s) => {
        expect(decodeText(iconv.encode(s, 'windows-1252'), 'windows-1252').text).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(decodeText(Buffer.from(s, 'utf8'), 'auto')).toEqual({ text: s.replace(/^\uFEFF/, ''), encoding: 'utf-8' });
      }),
    );
  });
});

describe('delimiter and line ends', () => {
  it.each([
    ['Naam;Voornaam;Land\n', ';'],
    ['Naam,Voornaam,Land\n', ','],
    ['Naam\tVoornaam\tLand\n', '\t'],
    ['"Naam, familie";Voornaam\n', ';'],
    ['"Nom; famille",Prénom,Pays\n', ','],
    ['Naam\n', ','],
  ])('%j is split on %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });

  it('the delimiter the file was written with is found, whatever the quoted titles hold', () => {
    const title = fc.string({ unit: fc.constantFrom(...'abcé ;,\t"'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.constantFrom(';', ',', '\t'), fc.array(title, { minLength: 2, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (delimiter, titles, eol) => {
        const text = `${titles.map(csvField).join(delimiter)}${eol}${titles.map(() => csvField('x')).join(delimiter)}${eol}`;
        expect(detectDelimiter(text)).toBe(delimiter);
      }),
    );
  });

  it('mixed line ends, quoted line breaks and doubled quotes: every record and its first line', async () => {
    const csv = 'A;B\r\n1;"x\r\ny"\n2;"he said ""hi"""\r3;z\n';
    const content = await read('m.csv', Buffer.from(csv));
    expect(content.table.rows.map((r) => [r.row, r.cells])).toEqual([
      [2, ['1', 'x\ny']],
      [4, ['2', 'he said "hi"']],
      [5, ['3', 'z']],
    ]);
  });

  it('generated tables come back cell for cell', () => {
    const cell = fc.string({ unit: fc.constantFrom(...'ab é€;,"\n\r'), maxLength: 6 });
    return fc.assert(
      fc.asyncProperty(
        fc.constantFrom(';', ','),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        async (delimiter, columns, body) => {
          const headers = ['Een', 'Twee', 'Drie', 'Vier'].slice(0, columns);
          const rows = body.map((r) => r.slice(0, columns)).filter((r) => r.some((c) => c.trim() !== ''));
          fc.pre(rows.length > 0);
          const text = [headers, ...rows].map((r) => r.map(csvField).join(delimiter)).join('\r\n');
          const content = await read('g.csv', Buffer.from(text, 'utf8'));
          expect(content.table.headers).toEqual(headers);
          // Line ends inside a field come back as LF.
          expect(content.table.rows.map((r) => r.cells.map((c) => c ?? ''))).toEqual(rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('mapping rows', () => {
  const today = '2026-11-29' as CalendarDate;
  const noEvents = importMappingSchema.parse({ ...EXAMPLE_MAPPING, events: [] });

  it('an XLSX date cell, a text date and list cells map to the person fields', async () => {
    const headers = ['Voornaam', 'Familienaam', 'Alias', 'Geboortedatum', 'Geslacht', 'Nationaliteit', 'Talen', 'Niet-begeleid'];
    const content = await read('a.xlsx', await xlsxOf([headers, ['Ama', 'Kalovoda', 'Kiki; Ama K.', new Date(Date.UTC(1998, 2, 14)), 'V', 'Nigeria / Ghana', 'Engels, yo', 'ja']]));
    const columns = resolveColumns(content.table.headers, noEvents);
    const row = content.table.rows[0];
    if (!row) throw new Error('no row');
    const mapped = mapRow(row, noEvents, columns, today);
    expect(mapped.problems).toEqual([]);
    expect(mapped.fields).toMatchObject({
      givenNames: 'Ama',
      familyName: 'Kalovoda',
      aliases: ['Kiki', 'Ama K.'],
      dateOfBirth: { precision: 'exact', date: '1998-03-14' },
      gender: 'female',
      nationalities: ['NG', 'GH'],
      languages: ['en', 'yo'],
      unaccompanied: true,
    });
  });

  it('a column title matches without case, accents or extra spaces; a missing one is named', () => {
    const headers = ['  VOORNAAM ', 'familienaam', 'Geboortedatum'];
    const m = importMappingSchema.parse({ ...EXAMPLE_MAPPING, columns: { givenNames: 'Voornaam', familyName: 'Familienaam' }, events: [] });
    expect([...resolveColumns(headers, m).values()]).toEqual([0, 1]);
    expect(() => resolveColumns(['Naam'], m)).toThrow(expect.objectContaining({ key: 'importColumnMissing', params: { column: 'Voornaam' } }));
  });

  it('events: a country for every row, a type by its label, an incomplete event and an unknown type are problems', () => {
    const m = importMappingSchema.parse({
      ...EXAMPLE_MAPPING,
      columns: { familyName: 'Naam' },
      events: [
        { country: { value: 'BE' }, type: { column: 'Stap' }, date: { column: 'Datum' } },
        { country: { column: 'Land' }, type: { column: 'Stap 2' }, date: { column: 'Datum 2' } },
      ],
    });
    const headers = ['Naam', 'Stap', 'Datum', 'Land', 'Stap 2', 'Datum 2'];
    const columns = resolveColumns(headers, m);
    const row = (cells: string[]) => mapRow({ row: 2, cells, formulasWithoutResult: [] }, m, columns, today);
    expect(row(['K', 'Bijlage 15 afgegeven', '02-09-2026', 'Frankrijk', 'reportMade', '03-09-2026']).problems).toEqual([
      { code: 'eventCountryInvalid', event: 2, value: 'Frankrijk', column: 'Land' },
    ]);
    expect(row(['K', 'annexe 15 délivrée', '02-09-2026', 'NL', '', '03-09-2026']).problems).toEqual([{ code: 'eventIncomplete', event: 2 }]);
    expect(row(['K', 'Bijlage 99', '02-09-2026', 'NL', '', '']).problems).toEqual([{ code: 'eventTypeUnknown', event: 1, value: 'Bijlage 99', column: 'Stap' }]);
    expect(row(['K', 'annex15Issued', '02-12-2026', 'NL', '', '']).problems).toEqual([{ code: 'dateInFuture', column: 'Datum', value: '02-12-2026', event: 1 }]);
    expect(row(['K', 'Annex 15 issued', '02-09-2026', 'Nederland', 'aangifte gedaan of andere medewerking aan het strafrechtelijk onderzoek', '03-09-2026']).events).toEqual([
      { event: 1, country: 'BE', type: 'annex15Issued', date: '2026-09-02' },
      { event: 2, country: 'NL', type: 'reportMade', date: '2026-09-03' },
    ]);
  });

  it('a value too long for the person record is a problem named by its field', () => {
    const m = importMappingSchema.parse({ ...EXAMPLE_MAPPING, columns: { familyName: 'Naam' }, events: [] });
    const mapped = mapRow({ row: 3, cells: ['x'.repeat(121)], formulasWithoutResult: [] }, m, resolveColumns(['Naam'], m), today);
    expect(mapped.problems).toEqual([{ code: 'fieldInvalid', field: 'familyName', column: 'Naam' }]);
    expect(mapped.fields).toBeNull();
  });
});
