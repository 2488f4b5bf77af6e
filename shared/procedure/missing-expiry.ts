/**
 * A document whose term only its printed expiry gives (the Dutch temporary permit "voor de duur van
 * het opsporings- en vervolgingsonderzoek", brochure NL "Verblijfsvergunning"; the Luxembourg permit
 * for salaried workers, law of 29.08.2008 art. 42) has no computed due date: recorded without that
 * expiry, nothing would ever remind anyone. This finds such a document in a derived track, so the
 * track, the person list and the dashboard can say "no expiry recorded: no reminder" until it is
 * entered. Pure: the rule tables and the engine's state only.
 */
import type { CalendarDate } from '../dates/calendar-date';
import type { Country } from '../domain';
import { RULE_TABLES, type RuleTables } from '../rules/index';
import type { DueKind } from '../rules/rule.types';
import { citationText } from '../rules/source';
import type { TrackState } from './engine';
import type { EventType } from './track.schema';

export interface MissingExpiry {
  /** The due date that would run from the printed expiry. */
  readonly kind: DueKind;
  /** The event that issued the document, and its date. */
  readonly eventType: EventType;
  readonly eventDate: CalendarDate;
  readonly source: string;
}

/** Due rules that have no period of their own: only an entered document expiry dates them. */
function expiryOnlyDues(country: Country, tables: RuleTables) {
  const out: { eventType: string; kind: DueKind; activeIn: readonly string[]; source: string }[] = [];
  for (const event of tables[country].events) {
    for (const due of event.opens ?? []) {
      if (due.acceptsDocumentExpiry && !due.period && !due.sameAs) out.push({ eventType: event.type, kind: due.kind, activeIn: due.activeIn, source: citationText(due.source) });
    }
  }
  return out;
}

/**
 * The document of the current phase recorded without the expiry that alone would date it, or null.
 * Only the latest applied event that issues such a document counts (a later extension with its
 * expiry entered settles it), and only while its due date would show in the current phase.
 */
export function missingDocumentExpiry(state: TrackState, tables: RuleTables = RULE_TABLES): MissingExpiry | null {
  if (state.phase.terminal) return null;
  const dues = expiryOnlyDues(state.country, tables);
  for (let i = state.history.length - 1; i >= 0; i--) {
    const outcome = state.history[i];
    if (!outcome || outcome.refusal) continue;
    const due = dues.find((d) => d.eventType === outcome.type);
    if (!due) continue;
    if (!due.activeIn.includes(state.phase.id)) return null;
    if (state.dueDates.some((d) => d.kind === due.kind)) return null;
    return { kind: due.kind, eventType: outcome.type, eventDate: outcome.date, source: due.source };
  }
  return null;
}
