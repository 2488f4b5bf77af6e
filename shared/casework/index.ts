/** Public API of daily casework: notes and the contact log, appointments, the case summary. */
export * from './note.schema';
export * from './fts-query';
export * from './appointment.schema';
export * from './case-summary.schema';
