/**
 * Handover checklist due dates as a source of reminders (the hook in reminder-sources.ts "HOOK FOR
 * ISSUE 5"): the open items of handovers being prepared or sent, with ids
 * `handover:<handoverId>:<checklistItemId>`, the person's case code and the sending country. Done and
 * snoozed live in reminder_dispositions like procedure due dates; ticking the item itself done in the
 * checklist removes it from the source.
 *
 * Who sees what: a caseworker the items of their own cases; "mine" for an administrator or a
 * coordinator: the items they own, and unowned items of persons assigned to them.
 *
 * Also, once a partner accepted the package, the day this organisation's copy of the person's file is
 * due for deletion (kind 'handoverRetentionEnd', id `handover:<handoverId>:retention`): until the
 * record is erased (persons.erase, administrators) or the item marked done (kept on purpose). An
 * administrator sees it under "my cases" too, since erasing is theirs to do.
 */
import { HandoversRepo, type HandoverItemRow, type HandoverRow } from '../../../db/handover.repo';
import type { Db } from '../../../db/connection';
import { PersonsRepo, type PersonRow } from '../../../db/persons.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { mayReach, seesEveryCase } from '../persons/person-access';
import type { DueRange, ReminderSourceProvider, SourceItem, Viewer } from '../reminders/reminder-sources';

/** Channels after which handover due dates may have changed: the notification cache refreshes. */
export const HANDOVER_DEADLINE_CHANNELS: ReadonlySet<string> = new Set([
  'handover.start',
  'handover.updateItem',
  'handover.addItem',
  'handover.cancel',
  'handover.export',
  'handover.importReceipt',
]);

export function handoverItemId(handoverId: string, itemId: string): string {
  return `handover:${handoverId}:${itemId}`;
}

/** The item part of a retention reminder's id; checklist item ids always hold a dot. */
const RETENTION = 'retention';

function retentionItem(h: HandoverRow, dueDate: CalendarDate, person: PersonRow): SourceItem {
  return {
    id: handoverItemId(h.id, RETENTION),
    source: 'handover',
    kind: 'handoverRetentionEnd',
    dueDate,
    country: h.fromCountry,
    caseCode: person.caseCode,
    personId: person.id,
    assigneeId: person.caseworkerId ?? null,
    title: null,
  };
}

function retentionVisible(viewer: Viewer, person: PersonRow): boolean {
  if (!mayReach(viewer.actor, person)) return false;
  return viewer.scope === 'all' || viewer.actor.role === 'admin' || person.caseworkerId === viewer.actor.id;
}

function sourceItem(h: HandoverRow, i: HandoverItemRow, person: PersonRow): SourceItem {
  return {
    id: handoverItemId(h.id, i.itemId),
    source: 'handover',
    kind: 'handover',
    dueDate: i.dueDate,
    country: h.fromCountry,
    caseCode: person.caseCode,
    personId: person.id,
    assigneeId: i.ownerId ?? person.caseworkerId ?? null,
    title: null,
  };
}

function visible(viewer: Viewer, item: HandoverItemRow, person: PersonRow): boolean {
  if (!mayReach(viewer.actor, person)) return false;
  if (viewer.scope === 'all' && seesEveryCase(viewer.actor)) return true;
  if (!seesEveryCase(viewer.actor)) return true; // a caseworker: every item of their own cases
  return item.ownerId === viewer.actor.id || (item.ownerId === null && person.caseworkerId === viewer.actor.id);
}

function open(db: Db, viewer: Viewer): SourceItem[] {
  const persons = new PersonsRepo(db);
  const repo = new HandoversRepo(db);
  const cache = new Map<string, PersonRow | undefined>();
  const personOf = (id: string) => {
    if (!cache.has(id)) cache.set(id, persons.byId(id));
    return cache.get(id);
  };
  const out: SourceItem[] = [];
  for (const { handover, item } of repo.openItems()) {
    const person = personOf(handover.personId);
    if (person && visible(viewer, item, person)) out.push(sourceItem(handover, item, person));
  }
  for (const { handover, deletionDueOn } of repo.retentionDue()) {
    const person = personOf(handover.personId);
    if (person && retentionVisible(viewer, person)) out.push(retentionItem(handover, deletionDueOn, person));
  }
  return out;
}

function inRange(due: CalendarDate, range: DueRange): boolean {
  return (range.from === null || due >= range.from) && (range.to === null || due <= range.to);
}

export const handoverReminderSource: ReminderSourceProvider = {
  source: 'handover',

  list(db, viewer, range) {
    return open(db, viewer).filter((i) => inRange(i.dueDate, range));
  },

  countAfter(db, viewer, after) {
    return open(db, viewer).filter((i) => i.dueDate > after).length;
  },

  get(db, actor: SessionUser, itemId) {
    const match = /^handover:([0-9a-f-]{36}):([A-Za-z0-9._-]+)$/.exec(itemId);
    if (!match) throw new AppError('NOT_FOUND', 'notFound');
    const repo = new HandoversRepo(db);
    const handover = repo.byId(match[1] ?? '');
    const person = handover ? new PersonsRepo(db).byId(handover.personId) : undefined;
    if (!handover || !person || !mayReach(actor, person)) throw new AppError('NOT_FOUND', 'notFound');
    if (match[2] === RETENTION) {
      const due = repo.retentionDue().find((r) => r.handover.id === handover.id);
      if (!due) throw new AppError('NOT_FOUND', 'notFound');
      return retentionItem(handover, due.deletionDueOn, person);
    }
    const item = repo.item(handover.id, match[2] ?? '');
    if (!item) throw new AppError('NOT_FOUND', 'notFound');
    return sourceItem(handover, item, person);
  },
};
