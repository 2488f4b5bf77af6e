/**
 * Public API of reminders. Deliberately NOT re-exported: ./working-days (the date-holidays
 * calendar, several MB with its data): import it from 'shared/reminders/working-days' in the main
 * process and the CLI; the renderer receives the flags with the dashboard rows.
 */
export * from './reminder.types';
export * from './reminder-settings';
export * from './reminder-plan';
export * from './reminder-texts';
export * from './dashboard';
export * from './working-day-calendar';
export * from './epoch-day';
