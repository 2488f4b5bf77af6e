/**
 * The contract's channel and event names as plain data, with no dependency, so the sandboxed
 * preload can build its allow-list without bundling zod. contract.ts checks at compile time that
 * these lists and the contract agree.
 */
export const CHANNEL_NAMES = [
  'app.status',
  'prefs.get',
  'prefs.set',
  'vault.setup',
  'vault.rotateRecoveryKey',
  'vault.confirmRecoveryKey',
  'session.unlock',
  'session.lock',
  'session.activity',
  'session.recover',
  'users.list',
  'users.add',
  'users.setRole',
  'users.disable',
  'users.changePassword',
  'settings.get',
  'settings.update',
  'audit.list',
  'audit.verify',
  'settings.organisation',
  'settings.updateOrganisation',
  'persons.list',
  'persons.get',
  'persons.create',
  'persons.update',
  'persons.assign',
  'persons.assignees',
  'procedure.openTrack',
  'procedure.recordEvent',
  'procedure.removeEvent',
  'checklists.answer',
  'consents.record',
  'consents.withdraw',
  'attachments.add',
  'attachments.get',
  'attachments.remove',
  'deadlines.upcoming',
  'reminders.dashboard',
  'reminders.markDone',
  'reminders.snooze',
  'reminders.reopen',
  'reminders.settings',
  'reminders.updateSettings',
  'reminders.desktopPrefs',
  'reminders.setDesktopPrefs',
  'reminders.exportCalendar',
  'tasks.list',
  'tasks.create',
  'tasks.update',
  'tasks.delete',
] as const;

export const EVENT_NAMES_LIST = ['session.changed', 'reminders.open'] as const;

/** Prefix of every ipcMain/ipcRenderer channel name. */
export const IPC_PREFIX = 'passerelle:';
export const IPC_EVENT_CHANNEL = 'passerelle:event';
