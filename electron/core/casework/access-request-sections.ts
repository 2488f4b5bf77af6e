/**
 * Notes and appointments in a person's access request (GDPR articles 15 and 20; docs/access-request.md):
 * everything the vault holds about the person, so the casework records join the archive's JSON
 * under `additional.notes` and `additional.appointments`, and the PDF under their own headings.
 */
import { CaseworkRepo } from '../../../db/casework.repo';
import type { AccessRequestSection } from '../privacy/access-request.service';

export const notesAccessSection: AccessRequestSection = {
  key: 'notes',
  title: 'Notes and contact log (corrections included)',
  collect: (db, personId) =>
    new CaseworkRepo(db)
      .notesOf(personId)
      .reverse()
      .map((n) => ({
        id: n.id,
        occurredOn: n.occurredOn,
        type: n.type,
        body: n.body,
        durationMinutes: n.durationMinutes,
        attachmentId: n.attachmentId,
        correctsId: n.correctsId,
        authorId: n.authorId,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
      })),
};

export const appointmentsAccessSection: AccessRequestSection = {
  key: 'appointments',
  title: 'Services and appointments',
  collect: (db, personId) =>
    new CaseworkRepo(db).appointmentsOf(personId).map((a) => ({
      id: a.id,
      serviceKind: a.serviceKind,
      service: a.service,
      date: a.date,
      time: a.time,
      place: a.place,
      interpreterBooked: a.interpreterBooked,
      status: a.status,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    })),
};
