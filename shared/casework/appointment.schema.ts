/**
 * Services and referrals with their appointments: what service the person is referred to (a kind and
 * a short description), the day and time, the place, whether an interpreter is booked, and the
 * status. Planned appointments appear on the dashboard like deadlines (kind 'appointment').
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { expectedVersionSchema, recordVersionSchema } from '../record-version';

export const SERVICE_KINDS = [
  'medical',
  'psychological',
  'legal',
  'police',
  'administration',
  'housing',
  'education',
  'employment',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const serviceKindSchema = z.enum(SERVICE_KINDS);

export const APPOINTMENT_STATUSES = ['planned', 'done', 'cancelled', 'missed'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);

/** 24-hour clock, HH:MM. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'timeOfDay');

const line = (max: number) => z.string().trim().min(1).max(max);

export const appointmentFieldsSchema = z.strictObject({
  serviceKind: serviceKindSchema,
  /** Which service or who: "Dr Peeters, CAW Antwerpen intake". */
  service: line(200),
  date: calendarDateSchema,
  time: timeOfDaySchema.nullable().default(null),
  place: z.string().trim().max(200).default(''),
  interpreterBooked: z.boolean().default(false),
  status: appointmentStatusSchema.default('planned'),
});

export const appointmentAddInputSchema = appointmentFieldsSchema.extend({ personId: z.uuid() });
export type AppointmentAddInput = z.output<typeof appointmentAddInputSchema>;

export const appointmentUpdateInputSchema = z.strictObject({
  id: z.uuid(),
  serviceKind: serviceKindSchema.optional(),
  service: line(200).optional(),
  date: calendarDateSchema.optional(),
  time: timeOfDaySchema.nullable().optional(),
  place: z.string().trim().max(200).optional(),
  interpreterBooked: z.boolean().optional(),
  status: appointmentStatusSchema.optional(),
  expectedVersion: expectedVersionSchema,
});
export type AppointmentUpdateInput = z.output<typeof appointmentUpdateInputSchema>;

export const appointmentListInputSchema = z.strictObject({ personId: z.uuid() });
export const appointmentIdInputSchema = z.strictObject({ id: z.uuid() });

export const appointmentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  serviceKind: serviceKindSchema,
  service: z.string(),
  date: calendarDateSchema,
  time: z.string().nullable(),
  place: z.string(),
  interpreterBooked: z.boolean(),
  status: appointmentStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: recordVersionSchema,
});
export type AppointmentView = z.infer<typeof appointmentSchema>;
