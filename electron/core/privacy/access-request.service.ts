/**
 * A person's access request (GDPR Art. 15 right of access, Art. 20 portability): everything the vault
 * holds about one person, as a readable PDF and a machine-readable JSON (docs/access-request.md) in
 * one zip archive with the attachments themselves. Administrators only; audited with the person's
 * random id and the request id. The archive's name holds the request id only, never a name or case
 * code; files inside are named by their ids.
 *
 * Other parts of Passerelle that keep further records about a person (case notes, say) add them
 * with `addSection`: each section is collected in the same read and lands under `additional.<key>`
 * in the JSON and as its own heading in the PDF.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { AttachmentsRepo } from '../../../db/attachments.repo';
import type { Db } from '../../../db/connection';
import { ConsentsRepo } from '../../../db/consents.repo';
import { HandoverImportsRepo, HandoversRepo } from '../../../db/handover.repo';
import { PersonsRepo } from '../../../db/persons.repo';
import { ProcedureRepo } from '../../../db/procedure.repo';
import { auditLog, procedureEvents, staffTasks } from '../../../db/schema';
import { SettingsRepo } from '../../../db/settings.repo';
import { accessRequestSchema, ACCESS_REQUEST_FORMAT, type AccessRequest } from '../../../shared/privacy/access-request.schema';
import type { Clock } from '../ports';
import { Writer, flatten } from '../handover/summary-pdf';
import { toAttachmentMeta } from '../persons/attachment.service';
import { toConsent } from '../persons/consent.service';
import { personSubject, reachablePerson, todayOf } from '../persons/person-access';
import { toRecord } from '../persons/person-mapping';
import type { VaultService } from '../vault/vault.service';

/** A further kind of record about a person, for the access request (see the module comment). */
export interface AccessRequestSection {
  /** The key under `additional` in the JSON, e.g. 'notes'. */
  readonly key: string;
  /** The heading in the PDF. */
  readonly title: string;
  collect(db: Db, personId: string): Record<string, unknown>[];
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tiff',
};

export function accessRequestFileName(requestId: string): string {
  return `access-request-${requestId.replace(/-/g, '').slice(0, 12)}.zip`;
}

export interface AccessRequestArchive {
  fileName: string;
  requestId: string;
  bytes: Uint8Array;
}

const SECTION_TITLES: Record<string, string> = {
  person: 'Record',
  procedures: 'Procedures and their history',
  consents: 'Consents',
  attachments: 'Attachments (the files are in the archive, folder attachments/)',
  handovers: 'Handovers to and from partner organisations',
  tasks: 'Tasks about the person',
  audit: 'Who viewed or changed the record (audit trail)',
};

async function accessRequestPdf(request: AccessRequest, extraTitles: ReadonlyMap<string, string>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const created = new Date(request.createdAt);
  // Metadata carry no personal data: a fixed title and the request id.
  doc.setTitle('Passerelle access request');
  doc.setSubject(`Request ${request.requestId}`);
  doc.setProducer('Passerelle');
  doc.setCreator('Passerelle');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold, `Passerelle access request ${request.requestId} - the file access-request.json in the same archive is the complete, exact copy`);
  w.text('Your data held by this organisation', { size: 16, bold: true, gap: 4 });
  w.text(`${request.controller.name} (${request.controller.country}), made on ${request.createdAt.slice(0, 10)}. This is a copy of everything the organisation's Passerelle vault holds about you (GDPR articles 15 and 20). The file access-request.json holds the same data in a machine-readable form.`, { size: 9, gap: 10 });
  const sections: [string, unknown][] = [
    ['person', request.person],
    ['procedures', request.procedures],
    ['consents', request.consents],
    ['attachments', request.attachments],
    ['handovers', request.handovers],
    ['tasks', request.tasks],
    ...Object.entries(request.additional),
    ['audit', request.audit],
  ];
  for (const [key, value] of sections) {
    w.text(SECTION_TITLES[key] ?? extraTitles.get(key) ?? key, { size: 12, bold: true, gap: 2 });
    const lines = flatten(value);
    if (lines.length === 0 || (Array.isArray(value) && value.length === 0)) w.text('None.', { indent: 12 });
    else for (const line of lines) w.text(line, { indent: 12, size: 9 });
    w.text('', { gap: 6 });
  }
  if (w.replaced) w.text('Some characters could not be printed with this font and are shown without accents or as "?". The JSON file carries the exact text.', { size: 8 });
  return doc.save();
}

export class AccessRequestService {
  private readonly sections: AccessRequestSection[] = [];

  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
  ) {}

  addSection(section: AccessRequestSection): void {
    this.sections.push(section);
  }

  /** Everything about one person, as the JSON document (validated against its schema). */
  private collect(db: Db, personId: string, requestId: string, createdAt: string): { request: AccessRequest; files: Zippable } {
    const actor = this.vault.requireRole('admin');
    const row = reachablePerson(db, actor, personId);
    const today = todayOf(this.clock);
    const org = new SettingsRepo(db).organisation();
    const procedureRepo = new ProcedureRepo(db);
    const procedures = procedureRepo.tracksOf(row.id).map((t) => ({
      country: t.country,
      openedAt: t.openedAt,
      phase: t.phaseId,
      closed: t.closed,
      // The whole history, corrected (removed) events included.
      events: db
        .select()
        .from(procedureEvents)
        .where(eq(procedureEvents.trackId, t.id))
        .orderBy(asc(procedureEvents.date), asc(procedureEvents.recordedAt))
        .all()
        .map((e) => ({
          id: e.id,
          type: e.type,
          date: e.date,
          documentExpiry: e.documentExpiry ?? null,
          revocationGround: e.revocationGround ?? null,
          recordedAt: e.recordedAt,
          removedAt: e.removedAt ?? null,
          removalReason: e.removalReason ?? null,
        })),
      checklists: procedureRepo.answers(t.id).map((a) => ({
        checklistId: a.checklistId,
        itemId: a.itemId,
        status: a.status,
        answeredOn: a.answeredOn,
        note: a.note,
        attachmentId: a.attachmentId ?? null,
      })),
    }));
    const files: Zippable = {};
    const attachmentsRepo = new AttachmentsRepo(db);
    const attachments = attachmentsRepo.of(row.id).map((a) => {
      const meta = toAttachmentMeta(a);
      const path = `attachments/${meta.id}.${EXTENSIONS[meta.mediaType] ?? 'bin'}`;
      const content = attachmentsRepo.content(meta.id);
      if (content) files[path] = new Uint8Array(content);
      return {
        id: meta.id,
        kind: meta.kind,
        mediaType: meta.mediaType,
        fileName: meta.fileName,
        sizeBytes: meta.sizeBytes,
        documentDate: meta.documentDate,
        addedAt: meta.addedAt,
        path,
      };
    });
    const handoversRepo = new HandoversRepo(db);
    const sent = handoversRepo.list({ personId: row.id }).map((h) => ({
      id: h.id,
      fromCountry: h.fromCountry,
      toCountry: h.toCountry,
      status: h.status,
      startedOn: h.startedOn,
      closedAt: h.closedAt ?? null,
      checklist: handoversRepo.items(h.id).map((i) => ({
        itemId: i.itemId,
        label: i.label.en,
        status: i.status,
        dueDate: i.dueDate,
        doneOn: i.doneOn ?? null,
        note: i.note,
      })),
      packages: handoversRepo.packages(h.id).map((p) => ({
        createdAt: p.createdAt,
        sections: p.sections,
        attachmentCount: p.attachmentCount,
        receiptOutcome: p.receiptOutcome ?? null,
        receiptAt: p.receiptAt ?? null,
        deletionDueOn: p.deletionDueOn ?? null,
      })),
    }));
    const imported = new HandoverImportsRepo(db).ofPerson(row.id);
    const received = imported
      ? {
          senderName: imported.senderName,
          senderCountry: imported.senderCountry,
          senderCaseCode: imported.senderCaseCode,
          importedAt: imported.importedAt,
          consent: imported.consent,
          origin: imported.origin ?? null,
        }
      : null;
    const tasks = db
      .select()
      .from(staffTasks)
      .where(eq(staffTasks.personId, row.id))
      .orderBy(asc(staffTasks.dueDate))
      .all()
      .map((t) => ({ title: t.title, dueDate: t.dueDate, state: t.state, createdAt: t.createdAt }));
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'person'), eq(auditLog.subjectId, row.id)))
      .orderBy(asc(auditLog.seq))
      .all()
      .map((a) => ({
        seq: a.seq,
        at: a.at,
        actor: a.actorName ?? null,
        action: a.action,
        details: JSON.parse(a.details) as Record<string, string | number | boolean | null>,
      }));
    const additional: Record<string, Record<string, unknown>[]> = {};
    for (const s of this.sections) additional[s.key] = s.collect(db, row.id);
    const request = accessRequestSchema.parse({
      format: ACCESS_REQUEST_FORMAT,
      v: 1,
      requestId,
      createdAt,
      controller: { name: org?.name ?? '', country: org?.country ?? 'BE' },
      person: toRecord(row, new PersonsRepo(db).caseworkerName(row.caseworkerId ?? null), today),
      procedures,
      consents: new ConsentsRepo(db).of(row.id).map(toConsent),
      attachments,
      handovers: { sent, received },
      tasks,
      additional,
      audit,
    });
    return { request, files };
  }

  /** The archive: access-request.json, access-request.pdf, attachments/<id>.<ext>. Audited. */
  async create(input: { id: string }): Promise<AccessRequestArchive> {
    const actor = this.vault.requireRole('admin');
    const requestId = randomUUID();
    const createdAt = this.clock.now().toISOString();
    const { request, files } = this.vault.read((db) => this.collect(db, input.id, requestId, createdAt));
    const pdf = await accessRequestPdf(request, new Map(this.sections.map((s) => [s.key, s.title])));
    const mtime = new Date(createdAt);
    const bytes = zipSync(
      {
        'access-request.json': strToU8(`${JSON.stringify(request, null, 2)}\n`),
        'access-request.pdf': pdf,
        ...files,
      },
      { level: 6, mtime },
    );
    this.vault.write(({ audit }) =>
      audit({
        ...personSubject(actor, request.person.id),
        action: 'person.accessRequest',
        details: { requestId, attachments: request.attachments.length, bytes: bytes.byteLength },
      }),
    );
    return { fileName: accessRequestFileName(requestId), requestId, bytes };
  }
}
