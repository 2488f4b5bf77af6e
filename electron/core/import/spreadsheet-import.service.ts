/**
 * Bringing an existing caseload in from a spreadsheet (administrators; docs/import.md).
 *
 * - `inspect` reads the file and shows its columns, the first rows and the remembered mapping.
 * - `dryRun` reads every row through the mapping, the person schema, the rules engine and the
 *   duplicate check, and reports each row with its problems. Nothing is written.
 * - `run` does the same analysis, then registers every row without problems in ONE write transaction
 *   through the person and procedure services (case codes, rules engine, audit entries): any failure
 *   rolls the whole import back. Rows with problems are reported, not imported.
 *
 * The audit trail gets one entry per person (its uuid, the import's id) and one summary with counts;
 * never a name, a cell or the file's name.
 */
import { randomUUID } from 'node:crypto';
import { ImportRepo } from '../../../db/import.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import type { Country } from '../../../shared/domain';
import { AppError, isAppError } from '../../../shared/errors';
import type {
  ImportFile,
  ImportInspection,
  ImportReport,
  ImportResult,
  MappedEvent,
  RowProblem,
  RowReport,
} from '../../../shared/import/import.schema';
import { importMappingSchema, type ImportMapping } from '../../../shared/import/mapping.schema';
import { duplicateKey, mapRow, resolveColumns, type MappedRow } from '../../../shared/import/row-mapping';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { PersonFields } from '../../../shared/persons/person.schema';
import { validateNewEvent } from '../../../shared/procedure/engine';
import { RULE_TABLES } from '../../../shared/rules/index';
import { todayOf } from '../persons/person-access';
import { fieldColumns } from '../persons/person-mapping';
import type { PersonService } from '../persons/person.service';
import type { ProcedureService } from '../persons/procedure.service';
import { engineEvent, engineTrack, trackFactsOf } from '../persons/track-derivation';
import type { Clock } from '../ports';
import type { VaultService } from '../vault/vault.service';
import { readSpreadsheet } from './spreadsheet-file';

/** The organisation's last mapping, in the vault's settings table (it holds column titles and words only). */
export const SETTING_IMPORT_MAPPING = 'spreadsheetImportMapping';
const PREVIEW_ROWS = 5;

interface AnalysedRow {
  report: RowReport;
  fields: PersonFields | null;
  /** Events per country, in the order they are recorded. */
  tracks: Map<Country, MappedEvent[]>;
}

function decodeFile(file: ImportFile): Uint8Array {
  // The contract capped the text's length; Buffer ignores characters outside base64, so check them.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.fileBase64)) throw new AppError('VALIDATION', 'importFileUnreadable');
  return Buffer.from(file.fileBase64, 'base64');
}

/** Events of one country in date order; a tie keeps the rule table's procedural order. */
function byCountry(events: readonly MappedEvent[]): Map<Country, MappedEvent[]> {
  const out = new Map<Country, MappedEvent[]>();
  for (const e of events) out.set(e.country, [...(out.get(e.country) ?? []), e]);
  for (const [country, list] of out) {
    const order = RULE_TABLES[country].eventTypes;
    list.sort((a, b) => (a.date === b.date ? order.indexOf(a.type) - order.indexOf(b.type) : a.date < b.date ? -1 : 1));
  }
  return out;
}

/** The rules' verdict on a row's events, with the facts the person would have; problems for the refused ones. */
function ruleProblems(fields: PersonFields, tracks: Map<Country, MappedEvent[]>, today: CalendarDate): RowProblem[] {
  const facts = trackFactsOf(fieldColumns('', fields), today);
  const problems: RowProblem[] = [];
  for (const [country, events] of tracks) {
    const accepted: Parameters<typeof engineEvent>[0][] = [];
    for (const e of events) {
      const candidate = { id: randomUUID(), type: e.type, date: e.date, documentExpiry: null, revocationGround: null };
      try {
        validateNewEvent(engineTrack(country, facts, accepted), engineEvent(candidate));
        accepted.push(candidate);
      } catch (err) {
        if (!isAppError(err)) throw err;
        const params = err.params ?? {};
        const message =
          err.code === 'RULE_VIOLATION'
            ? { en: String(params.rule ?? ''), nl: String(params.rule_nl ?? ''), fr: String(params.rule_fr ?? '') }
            : { en: err.message, nl: err.message, fr: err.message };
        problems.push({ code: 'eventRefused', event: e.event, rule: { message, source: String(params.source ?? '') } });
        // Later events of this country build on the refused one: the first refusal says enough.
        break;
      }
    }
  }
  return problems;
}

export class SpreadsheetImportService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
    private readonly persons: PersonService,
    private readonly procedures: ProcedureService,
  ) {}

  /** The mapping this organisation used last, or null. */
  remembered(): ImportMapping | null {
    this.vault.requireRole('admin');
    const stored = this.vault.read((db) => new SettingsRepo(db).get(SETTING_IMPORT_MAPPING));
    const parsed = importMappingSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  }

  async inspect(input: { file: ImportFile; sheet?: string | undefined; headerRow?: number | undefined }): Promise<ImportInspection> {
    this.vault.requireRole('admin');
    const remembered = this.remembered();
    const content = await readSpreadsheet(input.file.fileName, decodeFile(input.file), {
      sheet: input.sheet,
      headerRow: input.headerRow ?? remembered?.headerRow ?? 1,
      encoding: remembered?.encoding ?? 'auto',
    });
    return {
      kind: content.kind,
      sheets: content.sheets,
      sheet: content.sheet,
      encoding: content.encoding,
      delimiter: content.delimiter,
      headers: content.table.headers,
      preview: content.table.rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: r.cells.slice(0, content.table.headers.length) })),
      rowCount: content.table.rows.length,
      remembered,
    };
  }

  private async analyse(file: ImportFile, mapping: ImportMapping): Promise<{ rows: AnalysedRow[]; emptyRowsSkipped: number }> {
    const content = await readSpreadsheet(file.fileName, decodeFile(file), {
      sheet: mapping.sheet,
      headerRow: mapping.headerRow,
      encoding: mapping.encoding,
    });
    const columns = resolveColumns(content.table.headers, mapping);
    const today = todayOf(this.clock);
    const existing = new Map<string, string>();
    for (const p of this.vault.read((db) => new ImportRepo(db).identities())) {
      const key = duplicateKey(p.givenNames, p.familyName, p.dob);
      if (key && !existing.has(key)) existing.set(key, p.caseCode);
    }
    const seen = new Map<string, number>();
    const rows = content.table.rows.map((sheetRow): AnalysedRow => {
      const mapped: MappedRow = mapRow(sheetRow, mapping, columns, today);
      const problems = [...mapped.problems];
      const tracks = byCountry(mapped.events);
      if (mapped.fields) {
        const key = duplicateKey(mapped.fields.givenNames, mapped.fields.familyName, mapped.dateOfBirth);
        if (key) {
          const caseCode = existing.get(key);
          const first = seen.get(key);
          if (caseCode) problems.push({ code: 'duplicateExisting', caseCode });
          else if (first !== undefined) problems.push({ code: 'duplicateInFile', otherRow: first });
          else seen.set(key, mapped.row);
        }
        problems.push(...ruleProblems(mapped.fields, tracks, today));
      }
      return {
        report: { row: mapped.row, name: mapped.name, dateOfBirth: mapped.dateOfBirth, events: mapped.events, problems },
        fields: problems.length === 0 ? mapped.fields : null,
        tracks,
      };
    });
    return { rows, emptyRowsSkipped: content.table.emptyRowsSkipped };
  }

  private report(rows: readonly AnalysedRow[], emptyRowsSkipped: number): ImportReport {
    const valid = rows.filter((r) => r.fields !== null);
    return {
      rows: rows.map((r) => r.report),
      totals: {
        rows: rows.length,
        valid: valid.length,
        withProblems: rows.length - valid.length,
        emptyRowsSkipped,
        events: valid.reduce((n, r) => n + r.report.events.length, 0),
      },
    };
  }

  /** Every row with its problems; nothing is written, not even the mapping. */
  async dryRun(input: { file: ImportFile; mapping: ImportMapping }): Promise<ImportReport> {
    this.vault.requireRole('admin');
    const { rows, emptyRowsSkipped } = await this.analyse(input.file, input.mapping);
    return this.report(rows, emptyRowsSkipped);
  }

  /** Registers every row without problems in one transaction; remembers the mapping. */
  async run(input: { file: ImportFile; mapping: ImportMapping }): Promise<ImportResult> {
    const actor: SessionUser = this.vault.requireRole('admin');
    const { rows, emptyRowsSkipped } = await this.analyse(input.file, input.mapping);
    const report = this.report(rows, emptyRowsSkipped);
    const importId = randomUUID();
    const imported = this.vault.write((ctx) => {
      const done: ImportResult['imported'] = [];
      for (const r of rows) {
        if (!r.fields) continue;
        const person = this.persons.insertIn(ctx, actor, r.fields, null, { importId });
        for (const [country, events] of r.tracks) {
          this.procedures.recordEventsIn(ctx, actor, person, country, events.map((e) => ({ type: e.type, date: e.date })));
        }
        done.push({ row: r.report.row, personId: person.id, caseCode: person.caseCode });
      }
      new SettingsRepo(ctx.db).set(SETTING_IMPORT_MAPPING, input.mapping, ctx.now);
      ctx.audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'person.import',
        details: {
          importId,
          rows: report.totals.rows,
          imported: done.length,
          notImported: report.totals.withProblems,
          events: report.totals.events,
          emptyRowsSkipped,
        },
      });
      return done;
    });
    return { ...report, imported };
  }
}
