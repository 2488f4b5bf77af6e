/**
 * Services and referrals with their appointments (docs/casework.md): listed on the person's page and,
 * while planned, on the dashboard (appointment-reminder-source.ts). Same reach as the person
 * (person-access.ts). Audited with the person's and the appointment's uuids and changed field names.
 */
import { randomUUID } from 'node:crypto';
import { CaseworkRepo, type AppointmentRow } from '../../../db/casework.repo';
import type { AppointmentAddInput, AppointmentUpdateInput, AppointmentView } from '../../../shared/casework/appointment.schema';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Db } from '../../../db/connection';
import { personSubject, reachablePerson } from '../persons/person-access';
import type { ReminderService } from '../reminders/reminder.service';
import { checkVersion } from '../record-version';
import type { VaultService } from '../vault/vault.service';

export function toAppointmentView(row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    personId: row.personId,
    serviceKind: row.serviceKind,
    service: row.service,
    date: row.date,
    time: row.time ?? null,
    place: row.place,
    interpreterBooked: row.interpreterBooked,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** The appointment if `actor` may reach its person; NOT_FOUND otherwise. */
function reachableAppointment(db: Db, actor: SessionUser, id: string): AppointmentRow {
  const row = new CaseworkRepo(db).appointment(id);
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  reachablePerson(db, actor, row.personId);
  return row;
}

const FIELDS = ['serviceKind', 'service', 'date', 'time', 'place', 'interpreterBooked', 'status'] as const;

export class AppointmentService {
  constructor(
    private readonly vault: VaultService,
    private readonly reminders: ReminderService,
  ) {}

  list(input: { personId: string }): AppointmentView[] {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      const person = reachablePerson(db, actor, input.personId);
      return new CaseworkRepo(db).appointmentsOf(person.id).map(toAppointmentView);
    });
  }

  add(input: AppointmentAddInput): AppointmentView {
    const actor = this.vault.requireSession();
    const view = this.vault.write(({ db, now, audit }) => {
      const person = reachablePerson(db, actor, input.personId);
      const row: AppointmentRow = {
        id: randomUUID(),
        personId: person.id,
        serviceKind: input.serviceKind,
        service: input.service,
        date: input.date,
        time: input.time,
        place: input.place,
        interpreterBooked: input.interpreterBooked,
        status: input.status,
        createdAt: now,
        createdBy: actor.id,
        updatedAt: now,
        updatedBy: actor.id,
        version: 1,
      };
      new CaseworkRepo(db).insertAppointment(row);
      audit({ ...personSubject(actor, person.id), action: 'appointment.add', details: { appointmentId: row.id } });
      return toAppointmentView(row);
    });
    this.reminders.changed();
    return view;
  }

  update(input: AppointmentUpdateInput): AppointmentView {
    const actor = this.vault.requireSession();
    const view = this.vault.write(({ db, now, audit }) => {
      const row = reachableAppointment(db, actor, input.id);
      checkVersion(db, input.expectedVersion, { version: row.version, changedBy: row.updatedBy ?? null, changedAt: row.updatedAt });
      const changes: Partial<AppointmentRow> = {};
      const fields: string[] = [];
      for (const f of FIELDS) {
        const value = input[f];
        if (value !== undefined && value !== row[f]) {
          Object.assign(changes, { [f]: value });
          fields.push(f);
        }
      }
      const repo = new CaseworkRepo(db);
      if (fields.length === 0) return toAppointmentView(row);
      repo.updateAppointment(row.id, { ...changes, updatedAt: now, updatedBy: actor.id, version: row.version + 1 });
      audit({ ...personSubject(actor, row.personId), action: 'appointment.update', details: { appointmentId: row.id, fields: fields.join(',') } });
      return toAppointmentView(repo.appointment(row.id) as AppointmentRow);
    });
    this.reminders.changed();
    return view;
  }

  remove(input: { id: string }): null {
    const actor = this.vault.requireSession();
    this.vault.write(({ db, audit }) => {
      const row = reachableAppointment(db, actor, input.id);
      new CaseworkRepo(db).deleteAppointment(row.id);
      audit({ ...personSubject(actor, row.personId), action: 'appointment.delete', details: { appointmentId: row.id } });
    });
    this.reminders.changed();
    return null;
  }
}
