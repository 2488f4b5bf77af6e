/**
 * What every part of the sending side reads the same way: the handover a user may reach (NOT_FOUND
 * otherwise, as for persons), its partner, and the view the screens show. Shared by the checklist
 * workflow (handover.service.ts), the export (handover-export.service.ts) and the receipts
 * (handover-receipts.service.ts).
 */
import { AttachmentsRepo } from '../../../db/attachments.repo';
import { ConsentsRepo } from '../../../db/consents.repo';
import type { Db } from '../../../db/connection';
import { HandoversRepo, type HandoverRow, type SentPackageRow } from '../../../db/handover.repo';
import { type PersonRow } from '../../../db/persons.repo';
import { UsersRepo } from '../../../db/users.repo';
import { type CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import { DEFAULT_HANDOVER_SECTIONS, type HandoverView, type SentPackageView } from '../../../shared/handover/handover.ipc';
import type { Partner } from '../../../shared/handover/key-card.schema';
import { RECEIVING_PROCEDURES } from '../../../shared/handover/receiving-procedure';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Clock } from '../ports';
import { reachablePerson, todayOf } from '../persons/person-access';
import { HandoverKeysService, partnerView } from './keys.service';
import { consentForPartner } from './handover-consent';

export class HandoverReader {
  constructor(
    private readonly clock: Clock,
    private readonly keys: HandoverKeysService,
  ) {}

  today(): CalendarDate {
    return todayOf(this.clock);
  }

  /** The handover if `actor` may reach its person (NOT_FOUND otherwise, as for persons). */
  reachable(db: Db, actor: SessionUser, handoverId: string): { handover: HandoverRow; person: PersonRow } {
    const handover = new HandoversRepo(db).byId(handoverId);
    if (!handover) throw new AppError('NOT_FOUND', 'notFound');
    const person = reachablePerson(db, actor, handover.personId);
    return { handover, person };
  }

  partnerOf(db: Db, orgId: string): Partner {
    const p = this.keys.partner(db, orgId);
    if (!p) throw new AppError('NOT_FOUND', 'notFound');
    return p;
  }

  packageView(r: SentPackageRow): SentPackageView {
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

  view(db: Db, handover: HandoverRow, person: PersonRow): HandoverView {
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

  /** Closed and cancelled handovers are no longer changed or exported. */
  editable(handover: HandoverRow): void {
    if (handover.status === 'closed' || handover.status === 'cancelled') throw new AppError('CONFLICT', 'handoverNotEditable');
  }

}
