/**
 * Handovers on the sending side: start a handover of a person to a verified partner in another
 * Benelux country, its checklist generated from the template for that direction (this file), the
 * export of a package (sections chosen, attachments opt-in, the person's consent checked) and the
 * printable summary (handover-export.service.ts, consent rule in handover-consent.ts), the receipt
 * that closes the handover (handover-receipts.service.ts), and how long the sender's copy is kept
 * (handover-settings.service.ts). What they all read alike is in handover-reader.ts.
 *
 * Who may do what (docs/handover-package.md "In Passerelle"):
 * - start a handover, edit its checklist: administrators, coordinators, and the caseworker assigned
 *   to the person (they prepare the handover of their own case);
 * - export the package, print the summary, import the receipt, cancel: administrators and
 *   coordinators only. Sending a person's file outside the organisation is a decision the
 *   organisation takes above the single case (domain.ts: "coordinator: every case, handovers").
 *
 * The consent rule: the export is refused (RULE_VIOLATION) unless one sharing consent of the person
 * is in force today (given on or before today, not withdrawn on or before today), names the
 * recipient (the partner's organisation id picked when it was recorded; on a consent recorded as
 * free text before partners could be picked, its text equals the name on the partner's verified key
 * card, ignoring case, accents and spacing, or the organisation id), and lists every chosen section, plus
 * 'attachments' when attachments are chosen.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connection';
import { HandoversRepo, type HandoverItemRow, type HandoverRow } from '../../../db/handover.repo';
import { PersonsRepo } from '../../../db/persons.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo } from '../../../db/users.repo';
import { type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Country } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { defaultDueDate, handoverChecklistItems, handoverChecklistTemplate } from '../../../shared/handover/checklist.templates';
import { type HandoverSummary, type HandoverView, type OutputFile } from '../../../shared/handover/handover.ipc';
import type { Clock } from '../ports';
import { mayReach, personSubject, reachablePerson } from '../persons/person-access';
import type { VaultService } from '../vault/vault.service';
import { handoverFactsOf } from './handover-content';
import { HandoverKeysService } from './keys.service';
import { canExchangeWith } from './org-keys';
import { type PackageInput } from './package-source';
import { HandoverReader } from './handover-reader';
import { HandoverExportService, type ExportChoice } from './handover-export.service';
import { HandoverReceiptService } from './handover-receipts.service';
import { HandoverSettingsService } from './handover-settings.service';

export { SETTING_HANDOVER_RETENTION } from './handover-settings.service';
export { HANDOVER_MAX_ATTACHMENT_BYTES, packageFileName, summaryFileName, type ExportChoice } from './handover-export.service';
export { consentForPartner, consentNamesPartner, missingCategories } from './handover-consent';

/** A due date the reminders show for a handover (the reminders read these through `handoverDeadlines`). */
export interface HandoverDeadline {
  /** `<handoverId>:<itemId>`: stable while the item exists. */
  id: string;
  kind: 'handover';
  dueDate: CalendarDate;
  /** The sending country: the organisation's own, where the work is done (its working days apply). */
  country: Country;
  caseCode: string;
  personId: string;
  /** The item's owner (a user id), or null when nobody is named. */
  assigneeId: string | null;
}

/**
 * The sending side as the router and the CLI see it. It runs the checklist workflow itself and hands
 * the export, the receipts and the retention setting to their own services (same inputs, same
 * results, same audit entries).
 */
export class HandoverService {
  private readonly reader: HandoverReader;
  readonly exports: HandoverExportService;
  readonly receipts: HandoverReceiptService;
  readonly retention: HandoverSettingsService;

  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
    private readonly keys: HandoverKeysService,
  ) {
    this.reader = new HandoverReader(clock, keys);
    this.retention = new HandoverSettingsService(vault);
    this.exports = new HandoverExportService(vault, clock, keys, this.reader);
    this.receipts = new HandoverReceiptService(vault, clock, keys, this.reader, this.retention);
  }

  // ---------------------------------------------------------------- reading

  get(input: { handoverId: string }): HandoverView {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      const { handover, person } = this.reader.reachable(db, actor, input.handoverId);
      return this.reader.view(db, handover, person);
    });
  }

  list(input: { personId?: string | undefined; status?: HandoverRow['status'] | 'open' | undefined }): HandoverSummary[] {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      if (input.personId) reachablePerson(db, actor, input.personId);
      const repo = new HandoversRepo(db);
      const persons = new PersonsRepo(db);
      const statuses = input.status === 'open' ? (['preparing', 'sent'] as const) : input.status ? [input.status] : undefined;
      const out: HandoverSummary[] = [];
      for (const h of repo.list({ personId: input.personId, statuses })) {
        const person = persons.byId(h.personId);
        if (!person || !mayReach(actor, person)) continue;
        const open = repo.items(h.id).filter((i) => i.status === 'open');
        const partner = this.keys.partner(db, h.partnerOrgId);
        out.push({
          id: h.id,
          personId: h.personId,
          caseCode: person.caseCode,
          partnerOrgId: h.partnerOrgId,
          partnerName: partner?.card.organisation.name ?? '',
          from: h.fromCountry,
          to: h.toCountry,
          status: h.status,
          startedOn: h.startedOn,
          openItems: open.length,
          nextDue: open.map((i) => i.dueDate).sort()[0] ?? null,
        });
      }
      return out;
    });
  }

  /**
   * The due dates of open checklist items of handovers being prepared or sent, for the reminders.
   * A caseworker gets those of their own cases; administrators and coordinators all.
   */
  handoverDeadlines(): HandoverDeadline[] {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      const persons = new PersonsRepo(db);
      const out: HandoverDeadline[] = [];
      for (const { handover, item } of new HandoversRepo(db).openItems()) {
        const person = persons.byId(handover.personId);
        if (!person || !mayReach(actor, person)) continue;
        out.push({
          id: `${handover.id}:${item.itemId}`,
          kind: 'handover',
          dueDate: item.dueDate,
          country: handover.fromCountry,
          caseCode: person.caseCode,
          personId: person.id,
          assigneeId: item.ownerId ?? null,
        });
      }
      return out;
    });
  }

  // ---------------------------------------------------------------- the workflow

  /** Starts a handover to a verified partner in another country; the checklist comes from the direction's template. */
  start(input: { personId: string; partnerOrgId: string }): HandoverView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const person = reachablePerson(db, actor, input.personId);
      const partner = this.reader.partnerOf(db, input.partnerOrgId);
      if (!canExchangeWith(partner)) throw new AppError('CONFLICT', 'handoverRecipientNotVerified', undefined, { reason: 'handover.recipientNotVerified' });
      const org = new SettingsRepo(db).organisation();
      if (!org) throw new AppError('CONFLICT', 'keysMissing');
      const own = this.keys.currentKeys(db);
      if (partner.orgId === own.card.organisation.id) throw new AppError('CONFLICT', 'handoverRecipientIsSelf');
      const from = org.country;
      const to = partner.card.organisation.country;
      if (from === to) throw new AppError('CONFLICT', 'handoverSameCountry', undefined, { reason: 'handover.sameCountry' });
      const today = this.reader.today();
      const template = handoverChecklistTemplate(from, to);
      const items = handoverChecklistItems(from, to, handoverFactsOf(person, today));
      const id = randomUUID();
      const repo = new HandoversRepo(db);
      repo.insert({
        id,
        personId: person.id,
        partnerOrgId: partner.orgId,
        fromCountry: from,
        toCountry: to,
        templateId: template.id,
        status: 'preparing',
        startedOn: today,
        startedAt: now,
        startedBy: actor.id,
        closedAt: null,
        updatedAt: now,
      });
      // The caseworker owns the caseworker items of their case; coordinator items wait for a coordinator.
      const caseworker = person.caseworkerId ?? null;
      repo.insertItems(
        items.map(
          (t, position): HandoverItemRow => ({
            handoverId: id,
            itemId: t.id,
            position,
            kind: t.kind,
            label: { ...t.label },
            source: t.source,
            ownerRole: t.defaultOwnerRole,
            ownerId: t.defaultOwnerRole === 'caseworker' ? caseworker : actor.role === 'coordinator' ? actor.id : null,
            dueDate: defaultDueDate(t, today),
            status: 'open',
            note: '',
            doneOn: null,
            updatedAt: now,
            updatedBy: actor.id,
          }),
        ),
      );
      audit({
        ...personSubject(actor, person.id),
        action: 'handover.start',
        details: { handoverId: id, partnerOrgId: partner.orgId, from, to, items: items.length },
      });
      return this.reader.view(db, repo.byId(id) as HandoverRow, person);
    });
  }

  private checkOwner(db: Db, userId: string): void {
    const u = new UsersRepo(db).byId(userId);
    if (!u || u.status !== 'active') {
      throw new AppError('VALIDATION', 'caseworkerInvalid', undefined, {
        fields: [{ path: 'ownerId', code: 'invalid_assignee', message: 'Not an active staff member' }],
      });
    }
  }

  updateItem(input: {
    handoverId: string;
    itemId: string;
    ownerId?: string | null | undefined;
    dueDate?: CalendarDate | undefined;
    status?: HandoverItemRow['status'] | undefined;
    note?: string | undefined;
  }): HandoverView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const { handover, person } = this.reader.reachable(db, actor, input.handoverId);
      this.reader.editable(handover);
      const repo = new HandoversRepo(db);
      const item = repo.item(handover.id, input.itemId);
      if (!item) throw new AppError('NOT_FOUND', 'notFound');
      if (input.ownerId) this.checkOwner(db, input.ownerId);
      const changes: Partial<HandoverItemRow> = { updatedAt: now, updatedBy: actor.id };
      const changed: string[] = [];
      if (input.ownerId !== undefined && input.ownerId !== item.ownerId) {
        changes.ownerId = input.ownerId;
        changed.push('owner');
      }
      if (input.dueDate !== undefined && input.dueDate !== item.dueDate) {
        changes.dueDate = input.dueDate;
        changed.push('dueDate');
      }
      if (input.note !== undefined && input.note !== item.note) {
        changes.note = input.note;
        changed.push('note');
      }
      if (input.status !== undefined && input.status !== item.status) {
        changes.status = input.status;
        changes.doneOn = input.status === 'open' ? null : this.reader.today();
        changed.push('status');
      }
      if (changed.length > 0) {
        repo.updateItem(handover.id, item.itemId, changes);
        repo.update(handover.id, { updatedAt: now });
        audit({
          ...personSubject(actor, person.id),
          action: 'handover.itemUpdate',
          details: { handoverId: handover.id, itemId: item.itemId.startsWith('custom.') ? 'custom' : item.itemId, fields: changed.join(','), status: changes.status ?? item.status },
        });
      }
      return this.reader.view(db, repo.byId(handover.id) as HandoverRow, person);
    });
  }

  addItem(input: { handoverId: string; label: string; dueDate: CalendarDate; ownerId: string | null }): HandoverView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const { handover, person } = this.reader.reachable(db, actor, input.handoverId);
      this.reader.editable(handover);
      if (input.ownerId) this.checkOwner(db, input.ownerId);
      const repo = new HandoversRepo(db);
      const position = repo.items(handover.id).length;
      repo.insertItems([
        {
          handoverId: handover.id,
          itemId: `custom.${randomUUID()}`,
          position,
          kind: 'custom',
          label: { en: input.label, nl: input.label, fr: input.label },
          source: null,
          ownerRole: null,
          ownerId: input.ownerId,
          dueDate: input.dueDate,
          status: 'open',
          note: '',
          doneOn: null,
          updatedAt: now,
          updatedBy: actor.id,
        },
      ]);
      repo.update(handover.id, { updatedAt: now });
      audit({ ...personSubject(actor, person.id), action: 'handover.itemAdd', details: { handoverId: handover.id } });
      return this.reader.view(db, repo.byId(handover.id) as HandoverRow, person);
    });
  }

  cancel(input: { handoverId: string }): HandoverView {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.vault.write(({ db, now, audit }) => {
      const { handover, person } = this.reader.reachable(db, actor, input.handoverId);
      this.reader.editable(handover);
      const repo = new HandoversRepo(db);
      repo.update(handover.id, { status: 'cancelled', closedAt: now, updatedAt: now });
      audit({ ...personSubject(actor, person.id), action: 'handover.cancel', details: { handoverId: handover.id } });
      return this.reader.view(db, repo.byId(handover.id) as HandoverRow, person);
    });
  }

  /**
   * The person's handover to this partner that is still open (preparing or sent), or a new one
   * (CLI `handover export`, which names a person and a partner, not a handover).
   */
  openHandoverFor(personId: string, partnerOrgId: string): { handoverId: string; started: boolean } {
    const actor = this.vault.requireSession();
    const existing = this.vault.read((db) => {
      reachablePerson(db, actor, personId);
      return new HandoversRepo(db).list({ personId, statuses: ['preparing', 'sent'] }).find((h) => h.partnerOrgId === partnerOrgId);
    });
    if (existing) return { handoverId: existing.id, started: false };
    return { handoverId: this.start({ personId, partnerOrgId }).id, started: true };
  }

  /** Handover ids of a person's handovers (CLI). */
  idsOf(personId: string): string[] {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      reachablePerson(db, actor, personId);
      return new HandoversRepo(db).list({ personId }).map((h) => h.id);
    });
  }
  // ---------------------------------------------------------------- export, receipts, retention

  export(choice: ExportChoice): ReturnType<HandoverExportService['export']> {
    return this.exports.export(choice);
  }

  exportToFile(choice: ExportChoice, path: string): ReturnType<HandoverExportService['exportToFile']> {
    return this.exports.exportToFile(choice, path);
  }

  summary(choice: Omit<ExportChoice, 'note' | 'validityDays'>): Promise<OutputFile> {
    return this.exports.summary(choice);
  }

  retentionDays(db: Db): number {
    return this.retention.retentionDays(db);
  }

  settings(): { retentionDays: number } {
    return this.retention.settings();
  }

  updateSettings(input: { retentionDays: number }): { retentionDays: number } {
    return this.retention.updateSettings(input);
  }

  importReceipt(input: { fileBase64: string }): Promise<HandoverView> {
    return this.receipts.importReceipt(input);
  }

  importReceiptFrom(input: PackageInput): Promise<HandoverView> {
    return this.receipts.importReceiptFrom(input);
  }
}
