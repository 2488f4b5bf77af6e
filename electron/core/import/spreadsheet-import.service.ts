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
import { PersonsRepo, type NewPersonRow } from '../../../db/persons.repo';
import { ProcedureRepo, type DueDateRow, type EventRow, type TrackRow } from '../../../db/procedure.repo';
import { NO_DUE_SORT } from '../../../db/schema';
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
import { deriveTrackState, validateNewEvent } from '../../../shared/procedure/engine';
import { RULE_TABLES } from '../../../shared/rules/index';
import { deriveCaseCodePrefix, formatCaseCode } from '../../../shared/persons/case-code';
import { personSubject, todayOf } from '../persons/person-access';
import { fieldColumns } from '../persons/person-mapping';
import { dueDateRows, engineEvent, engineTrack, personDerivedFrom, trackDerivedColumns, trackFactsOf } from '../persons/track-derivation';
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
        // With an event already unreadable, the others would be judged without it: report that first.
        if (!mapped.problems.some((p) => p.event !== undefined)) problems.push(...ruleProblems(mapped.fields, tracks, today));
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

  /**
   * Registers every row without problems in one transaction; remembers the mapping. Each person is
   * built exactly as the person and procedure services build one (person-mapping.ts fieldColumns,
   * the next case codes of the year, every event through the engine's validateNewEvent in date
   * order, the derived state stored as track-derivation.ts stores it), then written in bulk: row by
   * row through the services would take minutes for a caseload of 10,000 (bench/import.bench.ts).
   */
  async run(input: { file: ImportFile; mapping: ImportMapping }): Promise<ImportResult> {
    const actor: SessionUser = this.vault.requireRole('admin');
    const { rows, emptyRowsSkipped } = await this.analyse(input.file, input.mapping);
    const report = this.report(rows, emptyRowsSkipped);
    const importId = randomUUID();
    const today = todayOf(this.clock);
    const year = Number(today.slice(0, 4));
    const valid = rows.filter((r): r is AnalysedRow & { fields: PersonFields } => r.fields !== null);
    const imported = this.vault.write(({ db, now, audit }) => {
      const persons = new PersonsRepo(db);
      const org = new SettingsRepo(db).organisation();
      const prefix = org?.caseCodePrefix ?? deriveCaseCodePrefix(org?.name ?? '');
      const first = valid.length > 0 ? persons.reserveCaseNumbers(year, valid.length) : 1;
      const personRows: NewPersonRow[] = [];
      const trackRows: TrackRow[] = [];
      const eventRows: EventRow[] = [];
      const dueRows: DueDateRow[] = [];
      const done: ImportResult['imported'] = [];
      valid.forEach((r, i) => {
        const caseCode = formatCaseCode(prefix, year, first + i);
        const id = randomUUID();
        const columns = fieldColumns(caseCode, r.fields);
        const facts = trackFactsOf(columns, today);
        const tracks: TrackRow[] = [];
        for (const [country, events] of r.tracks) {
          const trackId = randomUUID();
          const recorded: EventRow[] = [];
          let state = deriveTrackState(engineTrack(country, facts, []));
          for (const e of events) {
            const row: EventRow = {
              id: randomUUID(),
              trackId,
              type: e.type,
              date: e.date,
              documentExpiry: null,
              revocationGround: null,
              recordedAt: now,
              recordedBy: actor.id,
              removedAt: null,
              removedBy: null,
              removalReason: null,
            };
            // The engine again, as procedure.service recordEvent runs it: a refusal here rolls the whole import back.
            state = validateNewEvent(engineTrack(country, facts, recorded), engineEvent(row));
            recorded.push(row);
          }
          const track: TrackRow = { id: trackId, personId: id, country, openedAt: now, openedBy: actor.id, ...trackDerivedColumns(state, now), version: 1, updatedAt: now, updatedBy: actor.id };
          tracks.push(track);
          eventRows.push(...recorded);
          dueRows.push(...dueDateRows(track, state));
        }
        const derived = personDerivedFrom(tracks);
        personRows.push({
          id,
          caseCode,
          ...columns,
          caseworkerId: null,
          createdAt: now,
          createdBy: actor.id,
          updatedAt: now,
          updatedBy: actor.id,
          ...derived,
          nextDueSort: derived.nextDueDate ?? NO_DUE_SORT,
        });
        trackRows.push(...tracks);
        done.push({ row: r.report.row, personId: id, caseCode });
      });
      persons.insertMany(personRows);
      const procedures = new ProcedureRepo(db);
      procedures.insertTracks(trackRows);
      procedures.insertEvents(eventRows);
      procedures.insertDueDates(dueRows);
      // One entry per person (its uuid, the import, counts and codes), as person.create audits one.
      for (const [i, d] of done.entries()) {
        const r = valid[i];
        audit({
          ...personSubject(actor, d.personId),
          action: 'person.create',
          details: { assigned: false, importId, events: r?.report.events.length ?? 0, countries: [...(r?.tracks.keys() ?? [])].join(',') },
        });
      }
      new SettingsRepo(db).set(SETTING_IMPORT_MAPPING, input.mapping, now);
      audit({
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
