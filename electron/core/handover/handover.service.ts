/**
 * Handovers on the sending side (issue 5 items 3, 4, 6, 7): start a handover of a person to a
 * verified partner in another Benelux country, its checklist generated from the template for that
 * direction, the export of a package (sections chosen, attachments opt-in, the person's consent
 * checked), the printable summary, and the receipt that closes the handover.
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
import { renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { AttachmentsRepo } from '../../../db/attachments.repo';
import { ConsentsRepo, type ConsentRow } from '../../../db/consents.repo';
import type { Db } from '../../../db/connection';
import { HandoversRepo, type HandoverItemRow, type HandoverRow, type SentPackageRow } from '../../../db/handover.repo';
import { PersonsRepo, type PersonRow } from '../../../db/persons.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo } from '../../../db/users.repo';
import { addDays, type CalendarDate } from '../../../shared/dates/calendar-date';
import { foldText } from '../../../shared/directory/merge';
import type { Country } from '../../../shared/domain';
import { AppError, isAppError, type ErrorKey } from '../../../shared/errors';
import { defaultDueDate, handoverChecklistItems, handoverChecklistTemplate } from '../../../shared/handover/checklist.templates';
import {
  DEFAULT_HANDOVER_SECTIONS,
  HANDOVER_PACKAGE_MAX_BYTES,
  HANDOVER_RETENTION_DAYS,
  type HandoverSummary,
  type HandoverView,
  type OutputFile,
  type SentPackageView,
} from '../../../shared/handover/handover.ipc';
import type { Partner } from '../../../shared/handover/key-card.schema';
import type { ConsentCategory, HandoverSection } from '../../../shared/handover/package.schema';
import { REJECTION_MESSAGES } from '../../../shared/handover/reasons';
import { en } from '../../../shared/i18n/en';
import { RECEIVING_PROCEDURES } from '../../../shared/handover/receiving-procedure';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Clock } from '../ports';
import { mayReach, personSubject, reachablePerson, todayOf } from '../persons/person-access';
import type { VaultService } from '../vault/vault.service';
import { decodeFileBase64, encodeFile } from './file-transfer';
import { handoverFactsOf, sectionsOf } from './handover-content';
import { HandoverKeysService, partnerView } from './keys.service';
import { canExchangeWith, type OrganisationKeys } from './org-keys';
import { buildManifest, packageParts, type AttachmentInput, type HandoverContent } from './package';
import { openReceipt, type ReceiptPreview } from './receipt';
import { type PackageInput } from './package-source';
import { summaryPdf } from './summary-pdf';

/** Settings key of the retention of the sender's copy after an accepted receipt, in days. */
export const SETTING_HANDOVER_RETENTION = 'handoverRetentionDays';
/** The attachments of one package, in bytes: base64url makes the file 4/3 as large, under the 96 MiB cap. */
export const HANDOVER_MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

/** A due date the reminders show for a handover (issue 4 reads these through `handoverDeadlines`). */
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

const EXPORT_ERROR_KEYS: Record<string, ErrorKey> = {
  'handover.recipientNotVerified': 'handoverRecipientNotVerified',
  'handover.recipientIsSelf': 'handoverRecipientIsSelf',
  'handover.consentNotCovered': 'handoverConsentNotCovered',
  'handover.unsafeAttachmentName': 'handoverUnsafeAttachmentName',
  'handover.invalidContent': 'handoverInvalidContent',
};

/** The pure parts' VALIDATION `handover.<reason>` errors, with their own message key. */
function withExportMessage(e: unknown): unknown {
  if (isAppError(e) && e.code === 'VALIDATION' && e.details?.reason && EXPORT_ERROR_KEYS[e.details.reason]) {
    return new AppError('VALIDATION', EXPORT_ERROR_KEYS[e.details.reason] as ErrorKey, { categories: '' }, e.details);
  }
  return e;
}

function receiptRejected(e: unknown): unknown {
  if (isAppError(e) && e.code === 'PACKAGE_REJECTED') {
    const reason = e.details?.reason as keyof typeof REJECTION_MESSAGES | undefined;
    // 'replay' of a receipt has its own words (the package text says "package").
    const text = reason === 'replay' ? en.handoverReasons.receiptReplay : reason && REJECTION_MESSAGES[reason] ? REJECTION_MESSAGES[reason].en : String(e.params?.reason ?? '');
    return new AppError('PACKAGE_REJECTED', 'receiptRejected', { reason: text }, e.details);
  }
  return e;
}

export function packageFileName(packageId: string): string {
  return `handover-${packageId.slice(0, 8)}.handover`;
}

export function summaryFileName(handoverId: string): string {
  return `handover-summary-${handoverId.replace(/-/g, '').slice(0, 8)}.pdf`;
}

/**
 * Whether a consent names this partner: by the organisation id picked when it was recorded; a
 * consent that picked a directory entry or another organisation never names it. Older consents hold
 * only the typed text, matched as the module comment says.
 */
export function consentNamesPartner(consent: Pick<ConsentRow, 'partner' | 'partnerOrgId' | 'partnerContactId'>, partner: Partner): boolean {
  if (consent.partnerOrgId) return consent.partnerOrgId === partner.orgId;
  if (consent.partnerContactId || !consent.partner) return false;
  const text = consent.partner.trim();
  return text.toLowerCase() === partner.orgId || foldText(text) === foldText(partner.card.organisation.name);
}

/** The most recent sharing consent in force on `today` that names the partner, if any. */
export function consentForPartner(rows: readonly ConsentRow[], partner: Partner, today: CalendarDate): ConsentRow | null {
  const inForce = rows.filter(
    (c) => c.kind === 'sharing' && c.givenOn <= today && (!c.withdrawnOn || c.withdrawnOn > today) && consentNamesPartner(c, partner),
  );
  inForce.sort((a, b) => (a.givenOn === b.givenOn ? a.recordedAt.localeCompare(b.recordedAt) : a.givenOn.localeCompare(b.givenOn)));
  return inForce.at(-1) ?? null;
}

/** The categories the chosen content needs and the consent does not list (empty: covered). */
export function missingCategories(consent: ConsentRow, sections: readonly HandoverSection[], withAttachments: boolean): ConsentCategory[] {
  const listed = new Set<string>(consent.categories);
  const needed: ConsentCategory[] = [...sections, ...(withAttachments ? (['attachments'] as const) : [])];
  return needed.filter((c) => !listed.has(c));
}

export interface ExportChoice {
  handoverId: string;
  sections: HandoverSection[];
  attachmentIds: string[];
  note: string | null;
  validityDays: number;
}

interface PreparedExport {
  handover: HandoverRow;
  person: PersonRow;
  content: HandoverContent;
  /** Name, type and size of each chosen attachment (also when their bytes are not read). */
  attachmentMeta: { name: string; mediaType: string; size: number }[];
  sender: OrganisationKeys;
}

export class HandoverService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
    private readonly keys: HandoverKeysService,
  ) {}

  private today(): CalendarDate {
    return todayOf(this.clock);
  }

  // ---------------------------------------------------------------- reading

  /** The handover if `actor` may reach its person (NOT_FOUND otherwise, as for persons). */
  private reachable(db: Db, actor: SessionUser, handoverId: string): { handover: HandoverRow; person: PersonRow } {
    const handover = new HandoversRepo(db).byId(handoverId);
    if (!handover) throw new AppError('NOT_FOUND', 'notFound');
    const person = reachablePerson(db, actor, handover.personId);
    return { handover, person };
  }

  private partnerOf(db: Db, orgId: string): Partner {
    const p = this.keys.partner(db, orgId);
    if (!p) throw new AppError('NOT_FOUND', 'notFound');
    return p;
  }

  private packageView(r: SentPackageRow): SentPackageView {
    return {
      packageId: r.packageId,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      sections: r.sections,
      attachmentCount: r.attachmentCount,
      bytes: r.bytes,
      receipt: r.receiptOutcome && r.receiptAt ? { outcome: r.receiptOutcome, reason: r.receiptReason ?? null, at: r.receiptAt } : null,
      closedAt: r.closedAt ?? null,
      deletionDueOn: r.deletionDueOn ?? null,
    };
  }

  private view(db: Db, handover: HandoverRow, person: PersonRow): HandoverView {
    const repo = new HandoversRepo(db);
    const users = new UsersRepo(db);
    const partner = this.partnerOf(db, handover.partnerOrgId);
    const consent = consentForPartner(new ConsentsRepo(db).of(person.id), partner, this.today());
    return {
      id: handover.id,
      personId: person.id,
      caseCode: person.caseCode,
      partner: partnerView(partner),
      from: handover.fromCountry,
      to: handover.toCountry,
      templateId: handover.templateId,
      status: handover.status,
      startedOn: handover.startedOn,
      startedAt: handover.startedAt,
      closedAt: handover.closedAt ?? null,
      receiving: { country: handover.toCountry, points: RECEIVING_PROCEDURES[handover.toCountry].map((p) => ({ label: { ...p.label }, source: p.source })) },
      items: repo.items(handover.id).map((i) => {
        const owner = i.ownerId ? users.byId(i.ownerId) : undefined;
        return {
          itemId: i.itemId,
          kind: i.kind,
          label: i.label,
          source: i.source ?? null,
          ownerRole: i.ownerRole ?? null,
          owner: owner ? { id: owner.id, displayName: owner.displayName } : null,
          dueDate: i.dueDate,
          status: i.status,
          note: i.note,
          doneOn: i.doneOn ?? null,
          updatedAt: i.updatedAt,
        };
      }),
      consent: consent ? { consentId: consent.id, givenOn: consent.givenOn, categories: consent.categories } : null,
      defaultSections: [...DEFAULT_HANDOVER_SECTIONS],
      attachments: new AttachmentsRepo(db)
        .of(person.id)
        .map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, kind: a.kind, sizeBytes: a.sizeBytes })),
      packages: repo.packages(handover.id).map((r) => this.packageView(r)),
    };
  }

  get(input: { handoverId: string }): HandoverView {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      const { handover, person } = this.reachable(db, actor, input.handoverId);
      return this.view(db, handover, person);
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
   * The due dates of open checklist items of handovers being prepared or sent, for the reminders
   * (issue 4). A caseworker gets those of their own cases; administrators and coordinators all.
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
      const partner = this.partnerOf(db, input.partnerOrgId);
      if (!canExchangeWith(partner)) throw new AppError('CONFLICT', 'handoverRecipientNotVerified', undefined, { reason: 'handover.recipientNotVerified' });
      const org = new SettingsRepo(db).organisation();
      if (!org) throw new AppError('CONFLICT', 'keysMissing');
      const own = this.keys.currentKeys(db);
      if (partner.orgId === own.card.organisation.id) throw new AppError('CONFLICT', 'handoverRecipientIsSelf');
      const from = org.country;
      const to = partner.card.organisation.country;
      if (from === to) throw new AppError('CONFLICT', 'handoverSameCountry', undefined, { reason: 'handover.sameCountry' });
      const today = this.today();
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
      return this.view(db, repo.byId(id) as HandoverRow, person);
    });
  }

  private editable(handover: HandoverRow): void {
    if (handover.status === 'closed' || handover.status === 'cancelled') throw new AppError('CONFLICT', 'handoverNotEditable');
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
      const { handover, person } = this.reachable(db, actor, input.handoverId);
      this.editable(handover);
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
        changes.doneOn = input.status === 'open' ? null : this.today();
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
      return this.view(db, repo.byId(handover.id) as HandoverRow, person);
    });
  }

  addItem(input: { handoverId: string; label: string; dueDate: CalendarDate; ownerId: string | null }): HandoverView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const { handover, person } = this.reachable(db, actor, input.handoverId);
      this.editable(handover);
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
      return this.view(db, repo.byId(handover.id) as HandoverRow, person);
    });
  }

  cancel(input: { handoverId: string }): HandoverView {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.vault.write(({ db, now, audit }) => {
      const { handover, person } = this.reachable(db, actor, input.handoverId);
      this.editable(handover);
      const repo = new HandoversRepo(db);
      repo.update(handover.id, { status: 'cancelled', closedAt: now, updatedAt: now });
      audit({ ...personSubject(actor, person.id), action: 'handover.cancel', details: { handoverId: handover.id } });
      return this.view(db, repo.byId(handover.id) as HandoverRow, person);
    });
  }

  // ---------------------------------------------------------------- export

  /**
   * Everything an export needs, checked in one read: the handover (open), the partner (verified,
   * unchanged), the consent (covers the choice and names the partner), the attachments (of this person,
   * within the size cap). Throws the refusal; builds nothing.
   */
  private prepare(db: Db, actor: SessionUser, choice: ExportChoice, forPdf: boolean): PreparedExport {
    const { handover, person } = this.reachable(db, actor, choice.handoverId);
    this.editable(handover);
    const partner = this.partnerOf(db, handover.partnerOrgId);
    if (!canExchangeWith(partner)) throw new AppError('CONFLICT', 'handoverRecipientNotVerified', undefined, { reason: 'handover.recipientNotVerified' });
    const today = this.today();
    const consent = consentForPartner(new ConsentsRepo(db).of(person.id), partner, today);
    if (!consent) throw new AppError('RULE_VIOLATION', 'handoverNoConsent', undefined, { reason: 'handover.noConsent' });
    const missing = missingCategories(consent, choice.sections, choice.attachmentIds.length > 0);
    if (missing.length > 0) {
      throw new AppError('RULE_VIOLATION', 'handoverConsentNotCovered', { categories: missing.join(', ') }, { reason: 'handover.consentNotCovered' });
    }
    const attachments: AttachmentInput[] = [];
    const attachmentMeta: PreparedExport['attachmentMeta'] = [];
    const repo = new AttachmentsRepo(db);
    let total = 0;
    for (const id of choice.attachmentIds) {
      const row = repo.byId(id);
      if (!row || row.personId !== person.id) throw new AppError('NOT_FOUND', 'notFound');
      total += row.sizeBytes;
      if (total > HANDOVER_MAX_ATTACHMENT_BYTES) {
        throw new AppError('VALIDATION', 'handoverTooLarge', { maxMb: HANDOVER_MAX_ATTACHMENT_BYTES / (1024 * 1024) }, { reason: 'handover.tooLarge' });
      }
      attachmentMeta.push({ name: row.fileName, mediaType: row.mediaType, size: row.sizeBytes });
      // The printable summary lists attachments by name only: their bytes are not read for it.
      if (forPdf) continue;
      const bytes = repo.content(id);
      if (!bytes) throw new AppError('NOT_FOUND', 'notFound');
      attachments.push({ name: row.fileName, mediaType: row.mediaType, bytes });
    }
    const created = this.clock.now();
    const content: HandoverContent = {
      recipient: partner,
      purpose: { code: 'handover', note: choice.note },
      senderCaseCode: person.caseCode,
      consent: { givenOn: consent.givenOn, categories: [...consent.categories] },
      sections: sectionsOf(db, person, choice.sections, today),
      attachments,
      createdAt: created,
      expiresAt: new Date(created.getTime() + choice.validityDays * 24 * 60 * 60 * 1000),
    };
    return { handover, person, content, attachmentMeta, sender: this.keys.currentKeys(db) };
  }

  /** Audits a refused export in its own transaction (the export wrote nothing) and rethrows it with its message. */
  private refuseExport(actor: SessionUser, choice: ExportChoice, e: unknown): never {
    const err = withExportMessage(e);
    if (isAppError(err) && err.code !== 'NOT_FOUND' && err.code !== 'LOCKED' && err.code !== 'FORBIDDEN') {
      try {
        this.vault.write(({ db, audit }) => {
          const h = new HandoversRepo(db).byId(choice.handoverId);
          audit({
            actorId: actor.id,
            actorName: actor.username,
            action: 'handover.exportRefused',
            subjectType: h ? 'person' : null,
            subjectId: h?.personId ?? null,
            details: { handoverId: choice.handoverId, reason: err.details?.reason ?? err.key },
          });
        });
      } catch {
        // Locked meanwhile: the refusal itself still reaches the user.
      }
    }
    throw err;
  }

  /** Records an exported package and moves the handover to 'sent'. */
  private recordExport(p: PreparedExport, packageId: string, bytes: number, sections: HandoverSection[]): HandoverView {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.vault.write(({ db, now, audit }) => {
      const repo = new HandoversRepo(db);
      const handover = repo.byId(p.handover.id);
      if (!handover) throw new AppError('NOT_FOUND', 'notFound');
      this.editable(handover);
      const expiresAt = (p.content.expiresAt as Date).toISOString();
      repo.insertSentPackage({
        packageId,
        handoverId: handover.id,
        recipientOrgId: p.content.recipient.orgId,
        recipientFingerprint: p.content.recipient.fingerprint,
        createdAt: p.content.createdAt.toISOString(),
        expiresAt,
        sections,
        attachmentCount: p.content.attachments.length,
        bytes,
        exportedBy: actor.id,
        receiptId: null,
        receiptOutcome: null,
        receiptReason: null,
        receiptAt: null,
        closedAt: null,
        deletionDueOn: null,
      });
      repo.update(handover.id, { status: 'sent', updatedAt: now });
      audit({
        ...personSubject(actor, p.person.id),
        action: 'handover.export',
        details: {
          handoverId: handover.id,
          packageId,
          partnerOrgId: p.content.recipient.orgId,
          sections: sections.join(','),
          attachments: p.content.attachments.length,
          bytes,
        },
      });
      return this.view(db, repo.byId(handover.id) as HandoverRow, p.person);
    });
  }

  /** The package as one file in memory (IPC). */
  async export(choice: ExportChoice): Promise<{ file: OutputFile; packageId: string; expiresAt: string; handover: HandoverView }> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    let prepared: PreparedExport;
    let packageId: string;
    try {
      prepared = this.vault.read((db) => this.prepare(db, actor, choice, false));
      packageId = buildManifest(prepared.content, prepared.sender).packageId;
    } catch (e) {
      this.refuseExport(actor, choice, e);
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const part of packageParts({ ...prepared.content, packageId }, prepared.sender)) {
      size += part.length;
      if (size > HANDOVER_PACKAGE_MAX_BYTES) this.refuseExport(actor, choice, new AppError('VALIDATION', 'handoverTooLarge', { maxMb: HANDOVER_MAX_ATTACHMENT_BYTES / (1024 * 1024) }, { reason: 'handover.tooLarge' }));
      parts.push(part);
    }
    const bytes = Buffer.concat(parts);
    parts.length = 0;
    const handover = this.recordExport(prepared, packageId, bytes.length, choice.sections);
    return { file: encodeFile(packageFileName(packageId), bytes), packageId, expiresAt: (prepared.content.expiresAt as Date).toISOString(), handover };
  }

  /**
   * The package streamed to a file (CLI, bench): written to `<path>.partial`, recorded, then renamed,
   * so a refused or failed export leaves no file behind.
   */
  async exportToFile(choice: ExportChoice, path: string): Promise<{ packageId: string; bytes: number; expiresAt: string }> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    let prepared: PreparedExport;
    let packageId: string;
    try {
      prepared = this.vault.read((db) => this.prepare(db, actor, choice, false));
      packageId = buildManifest(prepared.content, prepared.sender).packageId;
    } catch (e) {
      this.refuseExport(actor, choice, e);
    }
    const partial = `${path}.partial`;
    let size = 0;
    let created = false;
    try {
      // A file handle, not a write stream: every write error is a rejected promise here, never an
      // 'error' event nobody listens to. 'wx': an existing file is never overwritten.
      const fh = await open(partial, 'wx', 0o600).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'EEXIST' ? new AppError('CONFLICT', 'fileExists') : e;
      });
      created = true;
      try {
        for await (const part of packageParts({ ...prepared.content, packageId }, prepared.sender)) {
          size += part.length;
          if (size > HANDOVER_PACKAGE_MAX_BYTES) {
            this.refuseExport(actor, choice, new AppError('VALIDATION', 'handoverTooLarge', { maxMb: HANDOVER_MAX_ATTACHMENT_BYTES / (1024 * 1024) }, { reason: 'handover.tooLarge' }));
          }
          await fh.write(part);
        }
        await fh.sync();
      } finally {
        await fh.close();
      }
      this.recordExport(prepared, packageId, size, choice.sections);
      renameSync(partial, path);
    } catch (e) {
      if (created) rmSync(partial, { force: true });
      throw e;
    }
    return { packageId, bytes: size, expiresAt: (prepared.content.expiresAt as Date).toISOString() };
  }

  /**
   * The printable summary (PDF) of the same minimised content, with this organisation's fingerprint,
   * for police or magistrates without Passerelle. Same checks as an export; audited; the file name
   * carries no personal data.
   */
  async summary(choice: Omit<ExportChoice, 'note' | 'validityDays'>): Promise<OutputFile> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    const full: ExportChoice = { ...choice, note: null, validityDays: 14 };
    let prepared: PreparedExport;
    let org: { name: string; country: Country };
    try {
      prepared = this.vault.read((db) => this.prepare(db, actor, full, true));
      org = prepared.sender.card.organisation;
    } catch (e) {
      this.refuseExport(actor, full, e);
    }
    const bytes = await summaryPdf({
      sender: { name: org.name, country: org.country, fingerprint: prepared.sender.fingerprint.display, fingerprintHex: prepared.sender.fingerprint.hex },
      recipient: { name: prepared.content.recipient.card.organisation.name, country: prepared.content.recipient.card.organisation.country },
      caseCode: prepared.person.caseCode,
      createdAt: prepared.content.createdAt,
      consent: prepared.content.consent,
      sections: prepared.content.sections,
      attachments: prepared.attachmentMeta,
    });
    this.vault.write(({ audit }) =>
      audit({
        ...personSubject(actor, prepared.person.id),
        action: 'handover.summaryPdf',
        details: { handoverId: prepared.handover.id, sections: choice.sections.join(','), attachments: choice.attachmentIds.length },
      }),
    );
    return encodeFile(summaryFileName(prepared.handover.id), bytes);
  }

  // ---------------------------------------------------------------- receipts (sender side)

  retentionDays(db: Db): number {
    const v = new SettingsRepo(db).get(SETTING_HANDOVER_RETENTION);
    return typeof v === 'number' && Number.isInteger(v) ? v : HANDOVER_RETENTION_DAYS.default;
  }

  settings(): { retentionDays: number } {
    this.vault.requireSession();
    return this.vault.read((db) => ({ retentionDays: this.retentionDays(db) }));
  }

  updateSettings(input: { retentionDays: number }): { retentionDays: number } {
    const actor = this.vault.requireRole('admin');
    return this.vault.write(({ db, now, audit }) => {
      new SettingsRepo(db).set(SETTING_HANDOVER_RETENTION, input.retentionDays, now);
      audit({ actorId: actor.id, actorName: actor.username, action: 'handover.settingsUpdate', details: { retentionDays: input.retentionDays } });
      return { retentionDays: input.retentionDays };
    });
  }

  /** Imports the recipient's receipt (base64 over IPC). */
  importReceipt(input: { fileBase64: string }): Promise<HandoverView> {
    this.vault.requireRole('admin', 'coordinator');
    return this.importReceiptFrom(decodeFileBase64(input.fileBase64));
  }

  /**
   * Opens a receipt (openReceipt: signature of the verified partner the package was sent to, the
   * package one of ours, not seen before) and, in one transaction, re-checks the replay and the
   * partner, records the receipt id, closes the package and the handover, and sets the day the
   * sender's copy is due for deletion (accepted receipts: receipt day + retention days). Refusals and
   * the import are audited.
   */
  async importReceiptFrom(input: PackageInput): Promise<HandoverView> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    const lookups = this.vault.read((db) => ({ keys: this.keys.ownKeys(db), partners: new Map(this.keys.partners(db).map((p) => [p.orgId, p])) }));
    let opened: ReceiptPreview;
    try {
      opened = await openReceipt(input, {
        ownKeys: lookups.keys,
        knownPartners: lookups.partners,
        sentPackages: {
          get: (packageId) => this.vault.read((db) => {
            const r = new HandoversRepo(db).sentPackage(packageId);
            return r ? { recipientOrgId: r.recipientOrgId, createdAt: r.createdAt } : undefined;
          }),
        },
        seenReceiptIds: { has: (id) => this.vault.read((db) => new HandoversRepo(db).receiptSeen(id)) },
        now: this.clock.now(),
      });
    } catch (e) {
      const err = receiptRejected(e);
      if (isAppError(err) && err.code === 'PACKAGE_REJECTED') {
        this.vault.write(({ audit }) =>
          audit({ actorId: actor.id, actorName: actor.username, action: 'handover.receiptRefused', details: { reason: err.details?.reason ?? 'malformed' } }),
        );
      }
      throw err;
    }
    const r = opened.receipt;
    return this.vault.write(({ db, now, audit }) => {
      const session = this.vault.requireRole('admin', 'coordinator');
      const repo = new HandoversRepo(db);
      const refuse = (reason: 'replay' | 'senderKeyChanged' | 'unknownPackage') => {
        throw receiptRejected(new AppError('PACKAGE_REJECTED', 'packageRejected', { reason: REJECTION_MESSAGES[reason].en }, { reason }));
      };
      // Re-checked inside the transaction: nothing may have changed while the receipt was being opened.
      if (repo.receiptSeen(r.receiptId)) refuse('replay');
      const partner = this.keys.partner(db, opened.signer.orgId);
      if (!partner || !canExchangeWith(partner) || partner.fingerprint !== opened.signer.fingerprint) refuse('senderKeyChanged');
      const sent = repo.sentPackage(r.packageId);
      if (!sent) return refuse('unknownPackage');
      if (sent.receiptId) throw new AppError('CONFLICT', 'handoverReceiptExists');
      const handover = repo.byId(sent.handoverId);
      if (!handover) return refuse('unknownPackage');
      const accepted = r.outcome === 'accepted';
      repo.insertSeenReceipt(r.receiptId, r.packageId, now);
      repo.updateSentPackage(sent.packageId, {
        receiptId: r.receiptId,
        receiptOutcome: r.outcome,
        receiptReason: r.reason,
        receiptAt: r.at,
        closedAt: now,
        // Counted from the day the receipt is imported here (the day the handover closes).
        deletionDueOn: accepted ? addDays(this.today(), this.retentionDays(db)) : null,
      });
      // An accepted receipt closes the handover; a rejected one leaves it open ('preparing' again) for a new package or a cancellation.
      repo.update(handover.id, accepted ? { status: 'closed', closedAt: now, updatedAt: now } : { status: 'preparing', updatedAt: now });
      audit({
        actorId: session.id,
        actorName: session.username,
        action: 'handover.receiptImport',
        subjectType: 'person',
        subjectId: handover.personId,
        details: { handoverId: handover.id, packageId: r.packageId, receiptId: r.receiptId, outcome: r.outcome, reason: r.reason },
      });
      const person = new PersonsRepo(db).byId(handover.personId) as PersonRow;
      return this.view(db, repo.byId(handover.id) as HandoverRow, person);
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
}
