/**
 * The printable case summary (case-summary-pdf.ts): gathers the chosen sections of one person the
 * actor may reach, in the actor's language. The file is named by the case code, never by a name
 * (docs/casework.md); making it is audited with the person's uuid and the section codes.
 *
 * A deadline may carry a `basis` (the legal ground it rests on) besides its `source`; rule tables
 * that have it print it, older ones simply do not.
 */
import { randomUUID } from 'node:crypto';
import { CaseworkRepo } from '../../../db/casework.repo';
import type { Db } from '../../../db/connection';
import { PersonsRepo, type PersonRow } from '../../../db/persons.repo';
import { RemindersRepo } from '../../../db/reminders.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo } from '../../../db/users.repo';
import {
  APPOINTMENT_STATUS_LABELS,
  CASE_SUMMARY_TEXTS as T,
  NOTE_TYPE_LABELS,
  SERVICE_KIND_LABELS,
} from '../../../shared/casework/case-summary-texts';
import { CASE_SUMMARY_NOTES, type CaseSummaryInput, type CaseSummarySection } from '../../../shared/casework/case-summary.schema';
import { formatDate, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Country, Language } from '../../../shared/domain';
import type { OutputFile } from '../../../shared/handover/handover.ipc';
import type { SessionUser } from '../../../shared/ipc/contract';
import { notifiableCaseCode } from '../../../shared/reminders/reminder.types';
import type { TrackView } from '../../../shared/persons/procedure.schema';
import { RULE_TABLES, citationText, quoted, quotesOf, referenceText, ruleSource, type Labels } from '../../../shared/rules/index';
import { toRecord } from '../persons/person-mapping';
import { personSubject, reachablePerson, todayOf } from '../persons/person-access';
import { trackViewsOf } from '../persons/track-derivation';
import type { Clock } from '../ports';
import { taskVisibility } from '../reminders/reminder-sources';
import type { VaultService } from '../vault/vault.service';
import { caseSummaryPdf, dateWithWeekday, type SummaryLine } from './case-summary-pdf';

/** At most this many open tasks are printed (a person with more has a bigger problem than a page). */
const TASKS_MAX = 100;

function eventLabel(country: Country, type: string, language: Language): string {
  const versions = RULE_TABLES[country].events.filter((e) => e.type === type);
  const rule = versions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
  return rule ? rule.label[language] : type;
}

/** A due date's basis when the rules give one: text, or labels per language. */
export function basisText(due: object, language: Language): string | null {
  const basis = (due as { basis?: unknown }).basis;
  if (typeof basis === 'string' && basis.trim()) return basis.trim();
  if (basis && typeof basis === 'object') {
    const text = (basis as Partial<Record<Language, unknown>>)[language];
    if (typeof text === 'string' && text.trim()) return text.trim();
  }
  return null;
}

function keyFacts(row: PersonRow, db: Db, today: CalendarDate, lang: Language): SummaryLine[] {
  const rec = toRecord(row, new PersonsRepo(db).caseworkerName(row.caseworkerId ?? null), today);
  const name = [rec.givenNames, rec.familyName].filter(Boolean).join(' ');
  const dob = rec.dateOfBirth.date ? `${formatDate(rec.dateOfBirth.date)} (${rec.dateOfBirth.precision})` : T.unknown[lang];
  const lines: SummaryLine[] = [
    { text: `${T.caseCode[lang]}: ${rec.caseCode}` },
    { text: `${T.name[lang]}: ${name || '-'}` },
  ];
  if (rec.aliases.length) lines.push({ text: `${T.aliases[lang]}: ${rec.aliases.join(', ')}` });
  lines.push({ text: `${T.dateOfBirth[lang]}: ${dob}` }, { text: T[rec.minorStatus === 'unknown' ? 'dateOfBirthMissing' : rec.minorStatus][lang] });
  if (rec.nationalities.length) lines.push({ text: `${T.nationalities[lang]}: ${rec.nationalities.join(', ')}` });
  if (rec.languages.length) lines.push({ text: `${T.languages[lang]}: ${rec.languages.join(', ')}` });
  lines.push({
    text: `${T.interpreter[lang]}: ${rec.interpreter.needed ? `${T.yes[lang]}${rec.interpreter.language ? ` (${rec.interpreter.language})` : ''}` : T.no[lang]}`,
  });
  if (rec.caseworker) lines.push({ text: `${T.caseworker[lang]}: ${rec.caseworker.displayName}` });
  if (rec.safetyNotes.trim()) lines.push({ text: `${T.safetyNotes[lang]}: ${rec.safetyNotes}`, bold: true });
  return lines;
}

/**
 * A deadline's source on paper: the brochure's words in the reader's language with the Dutch original
 * under them (a page has no "show original"), then the references (docs/legal-rules.md "How the
 * brochure is quoted"). A source that is not the rule's own (another version) is printed as sent.
 */
export function sourceLines(ruleId: string, text: string, lang: Language): SummaryLine[] {
  const source = ruleSource(ruleId);
  if (!source || citationText(source) !== text) return [{ text: `${T.source[lang]}: ${text}`, indent: 3 }];
  const quotes = quotesOf(source);
  const lines: SummaryLine[] = [];
  if (quotes.length > 0) {
    lines.push({ text: quotes.map((q) => quoted(q[lang], lang)).join(' … '), indent: 3 });
    if (lang !== 'nl') lines.push({ text: `${T.originalDutch[lang]}: ${quotes.map((q) => quoted(q.nl, 'nl')).join(' … ')}`, indent: 4 });
  }
  lines.push({ text: `${T.source[lang]}: ${referenceText(source, lang)}`, indent: 3 });
  return lines;
}

function procedure(tracks: readonly TrackView[], lang: Language): SummaryLine[] {
  if (tracks.length === 0) return [{ text: T.noTrack[lang] }];
  const lines: SummaryLine[] = [];
  const pick = (l: Labels) => l[lang];
  for (const track of tracks) {
    const phase = track.state.phase;
    lines.push({
      text: `${track.country} - ${T.currentPhase[lang]}: ${pick(phase.label)}${phase.since ? ` (${T.since[lang]} ${formatDate(phase.since)})` : ''}`,
      bold: true,
    });
    if (track.events.length) {
      lines.push({ text: `${T.events[lang]}:`, indent: 1 });
      for (const e of track.events) lines.push({ text: `${formatDate(e.date)}  ${eventLabel(track.country, e.type, lang)}`, indent: 2 });
    }
    lines.push({ text: `${T.deadlines[lang]}:`, indent: 1 });
    if (track.state.dueDates.length === 0) lines.push({ text: T.none[lang], indent: 2 });
    for (const due of track.state.dueDates) {
      lines.push({ text: `${dateWithWeekday(due.dueDate, lang)}  ${pick(due.label)}`, indent: 2 });
      const basis = basisText(due, lang);
      if (basis) lines.push({ text: `${T.basis[lang]}: ${basis}`, indent: 3 });
      lines.push(...sourceLines(due.ruleId, due.source, lang));
    }
  }
  return lines;
}

export class CaseSummaryService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
  ) {}

  private section(db: Db, actor: SessionUser, row: PersonRow, id: CaseSummarySection, lang: Language): SummaryLine[] {
    const today = todayOf(this.clock);
    const users = new UsersRepo(db);
    const nameOf = (userId: string | null | undefined) => (userId ? (users.byId(userId)?.displayName ?? '') : '');
    switch (id) {
      case 'keyFacts':
        return keyFacts(row, db, today, lang);
      case 'procedure':
        return procedure(trackViewsOf(db, row, today), lang);
      case 'tasks':
        return new RemindersRepo(db)
          .tasksDue(null, taskVisibility({ actor, scope: 'all' }), { includeDone: false, personId: row.id, limit: TASKS_MAX })
          .filter((t) => t.state !== 'done')
          .map((t) => ({ text: `${dateWithWeekday(t.dueDate, lang)}  ${t.title}  (${T.assignee[lang]} ${nameOf(t.assigneeId)})` }));
      case 'appointments':
        return new CaseworkRepo(db)
          .appointmentsOf(row.id)
          .reverse()
          .map((a) => ({
            text: [
              `${dateWithWeekday(a.date, lang)}${a.time ? ` ${a.time}` : ''}`,
              `${SERVICE_KIND_LABELS[a.serviceKind][lang]}: ${a.service}`,
              a.place,
              a.interpreterBooked ? T.interpreterBooked[lang] : T.noInterpreter[lang],
              APPOINTMENT_STATUS_LABELS[a.status][lang],
            ]
              .filter(Boolean)
              .join(' - '),
          }));
      case 'notes': {
        const repo = new CaseworkRepo(db);
        const notes = repo.notesOf(row.id, CASE_SUMMARY_NOTES);
        const corrected = repo.corrections(notes.map((n) => n.id));
        return notes.flatMap((n): SummaryLine[] => [
          {
            text: `${formatDate(n.occurredOn)}  ${NOTE_TYPE_LABELS[n.type][lang]}${n.durationMinutes ? ` (${n.durationMinutes} ${T.minutes[lang]})` : ''}  ${T.author[lang]} ${nameOf(n.authorId)}`,
            bold: true,
          },
          ...(n.correctsId ? [{ text: T.correction[lang], indent: 1 }] : []),
          ...(corrected.has(n.id) ? [{ text: T.corrected[lang], indent: 1 }] : []),
          ...n.body.split(/\n+/).map((p) => ({ text: p, indent: 1 })),
        ]);
      }
    }
  }

  async pdf(input: CaseSummaryInput): Promise<OutputFile> {
    const actor = this.vault.requireSession();
    const sections = [...new Set(input.sections)];
    const gathered = this.vault.read((db) => {
      const row = reachablePerson(db, actor, input.personId);
      return {
        row,
        organisation: new SettingsRepo(db).organisation()?.name ?? '',
        sections: sections.map((id) => ({ id, lines: this.section(db, actor, row, id, input.language) })),
      };
    });
    const bytes = await caseSummaryPdf({
      language: input.language,
      organisation: gathered.organisation,
      caseCode: gathered.row.caseCode,
      createdAt: this.clock.now(),
      sections: gathered.sections,
    });
    this.vault.write(({ audit }) =>
      audit({ ...personSubject(actor, gathered.row.id), action: 'caseSummary.pdf', details: { sections: sections.join(',') } }),
    );
    return { fileName: caseSummaryFileName(gathered.row.caseCode), contentBase64: Buffer.from(bytes).toString('base64'), bytes: bytes.length };
  }
}

/** The case code when it has Passerelle's form (never a name); otherwise a random id. */
export function caseSummaryFileName(caseCode: string): string {
  const safe = notifiableCaseCode(caseCode) ?? randomUUID().slice(0, 8);
  return `case-summary-${safe}.pdf`;
}
