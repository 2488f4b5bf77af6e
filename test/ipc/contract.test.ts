/**
 * Every IPC channel, through the real router: malformed input gets VALIDATION and changes nothing;
 * calls while locked get LOCKED; a caseworker calling an admin channel gets FORBIDDEN, whatever the
 * body (the session and role are checked before the input); refused calls are in the audit trail.
 * The tables are typed over the contract, so a new channel without a row does not compile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contract, CHANNELS, type Channel, type In } from '../../shared/ipc/contract';
import { AuditRepo } from '../../db/audit.repo';
import { personCreateSchema } from '../../shared/persons/person.schema';
import { refusedCallRecorder } from '../../electron/core/audit/refused-calls';
import { ADMIN, newVault } from '../helpers/vault';
import { fingerprint } from '../helpers/files';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const UUID = '6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81';

/** A well-formed input for each channel (used to reach the access checks). */
const valid: { [C in Channel]: In<C> } = {
  'app.status': {},
  'prefs.get': {},
  'prefs.set': { language: 'fr' },
  'vault.setup': { organisationName: 'Org', country: 'NL', admin: { username: 'root', displayName: 'R', password: 'password password' } },
  'vault.rotateRecoveryKey': { password: 'not the password' },
  'vault.confirmRecoveryKey': {},
  'vault.notices': {},
  'vault.dismissNotices': {},
  'session.unlock': { username: ADMIN.username, password: 'not the password' },
  'session.lock': {},
  'session.activity': {},
  'session.recover': { recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA', username: 'nobody', newPassword: 'password password' },
  'users.list': {},
  'users.add': { username: 'new.user', displayName: 'N', role: 'caseworker', password: 'password password' },
  'users.setRole': { userId: UUID, role: 'coordinator' },
  'users.disable': { userId: UUID },
  'users.changePassword': { currentPassword: 'x', newPassword: 'password password' },
  'users.replacePassword': { currentPassword: 'x', newPassword: 'password password' },
  'settings.get': {},
  'settings.update': { autoLockMinutes: 7 },
  'audit.list': { limit: 10 },
  'audit.verify': {},
  'settings.organisation': {},
  'settings.updateOrganisation': { caseCodePrefix: 'pay' },
  'rules.settings': {},
  'rules.updateSettings': { presumeMinorityWhenInDoubt: false },
  'persons.list': { search: 'maria', country: 'BE', sort: 'nextDeadline', offset: 0, limit: 50 },
  'persons.get': { id: UUID },
  'persons.create': { givenNames: 'Invented', familyName: 'Person', dateOfBirth: { precision: 'exact', date: '2001-02-03' }, nationalities: ['ng'] },
  'persons.update': { id: UUID, familyName: 'Person' },
  'persons.assign': { personId: UUID, caseworkerId: null },
  'persons.erase': { personId: UUID, confirmCaseCode: 'PAY-2026-0001', reason: 'personRequest' },
  'persons.assignees': {},
  'procedure.openTrack': { personId: UUID, country: 'BE' },
  'procedure.recordEvent': { trackId: UUID, event: { type: 'annex15Issued', date: '2026-11-29' } },
  'procedure.removeEvent': { trackId: UUID, eventId: UUID, reason: 'enteredInError' },
  'procedure.recomputations': { personId: null },
  'procedure.acknowledgeRecomputation': { id: UUID },
  'checklists.answer': { trackId: UUID, checklistId: 'be.entryConditions', itemId: 'be.entry.breakContact', status: 'met', date: '2026-11-29' },
  'consents.record': { personId: UUID, kind: 'processing', givenOn: '2026-11-29' },
  'consents.withdraw': { consentId: UUID, withdrawnOn: '2026-11-30' },
  'attachments.add': { personId: UUID, kind: 'other', mediaType: 'application/pdf', fileName: 'scan.pdf', contentBase64: 'JVBERi0xLjQK' },
  'attachments.get': { attachmentId: UUID },
  'attachments.remove': { attachmentId: UUID },
  'deadlines.upcoming': { withinDays: 30, today: '2026-11-29' },
  'reminders.dashboard': { scope: 'all', limits: { overdue: 10 }, includeHandled: true, today: '2026-11-29' },
  'reminders.markDone': { itemId: `task:${UUID}`, reason: 'actionTaken', note: 'Called the lawyer' },
  'reminders.snooze': { itemId: `procedure:${UUID}:reflectionPeriodEnd`, until: '2026-12-01', reason: 'waitingForAuthority' },
  'reminders.reopen': { itemId: `task:${UUID}` },
  'reminders.settings': {},
  'reminders.updateSettings': { leadDays: { reflectionPeriodEnd: [21, 14, 7, 1, 0] } },
  'reminders.desktopPrefs': {},
  'reminders.setDesktopPrefs': { notifications: true, digest: { enabled: true, time: '07:30' }, keepRunningInTray: false },
  'reminders.exportCalendar': { scope: 'mine', withinDays: 90, language: 'nl' },
  'tasks.list': { includeDone: true, limit: 20 },
  'tasks.create': { title: 'Book an interpreter', dueDate: '2026-12-03', assigneeId: UUID, personId: null },
  'tasks.update': { id: UUID, dueDate: '2026-12-04' },
  'tasks.delete': { id: UUID },
  'spreadsheetImport.inspect': { file: { fileName: 'caseload.csv', fileBase64: 'QQ==' } },
  'spreadsheetImport.dryRun': { file: { fileName: 'caseload.csv', fileBase64: 'QQ==' }, mapping: { format: 'passerelle-import-mapping', version: 1 } },
  'spreadsheetImport.run': { file: { fileName: 'caseload.csv', fileBase64: 'QQ==' }, mapping: { format: 'passerelle-import-mapping', version: 1 } },
  'persons.idByCaseCode': { caseCode: 'PAY-2026-0007' },
  'persons.exportList': {},
  'persons.assigneeByUsername': { username: 'somebody' },
  'procedure.recordByCountry': { personId: UUID, country: 'BE', event: { type: 'annex15Issued', date: '2026-12-01' } },
  'reminders.dueOn': { today: '2026-12-07', language: 'en' },
  'reminders.pending': { language: 'nl' },
  'reminders.notified': { ids: ['procedure:x:2026-12-07:3'] },
  'vault.backup': { name: 'nightly-2026-12-07.passerelle-backup' },
  'vault.keyGeneration': {},
  'handover.openFor': { personId: UUID, partnerOrgId: UUID },
  'handover.importIdOfPackage': { packageId: '0123456789abcdef0123456789abcdef' },
  'partners.addVerified': { fileBase64: 'e30=', fingerprint: '12345' },
  'keys.card': {},
  'keys.rotate': {},
  'partners.list': {},
  'partners.import': { fileBase64: 'e30=' },
  'partners.verify': { orgId: UUID, fingerprint: '12345 67890' },
  'partners.remove': { orgId: UUID },
  'partners.removePending': { orgId: UUID, fingerprint: 'a'.repeat(64) },
  'directory.list': { text: 'parket', country: 'BE', category: 'justice' },
  'directory.update': { id: 'be-federaal-parket', fields: { phones: ['+32 2 557 77 11'] } },
  'directory.add': {
    country: 'LU',
    category: 'police',
    name: 'Invented contact point',
    address: null,
    postalAddress: null,
    phones: [],
    faxes: [],
    emails: [],
    websites: [],
    notes: null,
  },
  'directory.setHidden': { id: 'be-federaal-parket', hidden: true },
  'directory.remove': { id: 'user-abc123' },
  'directory.resolveSeedChange': { id: 'be-federaal-parket', field: 'phones', choice: 'keepMine' },
  'handover.list': { personId: UUID, status: 'open' },
  'handover.get': { handoverId: UUID },
  'handover.start': { personId: UUID, partnerOrgId: UUID },
  'handover.updateItem': { handoverId: UUID, itemId: 'handover.consent', status: 'done' },
  'handover.addItem': { handoverId: UUID, label: 'Book the train', dueDate: '2026-12-03' },
  'handover.cancel': { handoverId: UUID },
  'handover.export': { handoverId: UUID, sections: ['identity'], attachmentIds: [], validityDays: 14 },
  'handover.summaryPdf': { handoverId: UUID, sections: ['identity'] },
  'handover.importReceipt': { fileBase64: 'AAAA' },
  'handover.settings': {},
  'handover.updateSettings': { retentionDays: 30 },
  'handover.previewImport': { fileBase64: 'AAAA' },
  'handover.acceptImport': { fileBase64: 'AAAA', caseworkerId: null },
  'handover.declineImport': { fileBase64: 'AAAA' },
  'handover.receipt': { importId: UUID },
  'handover.imports': {},
  'handover.origin': { personId: UUID },
  'statistics.report': { year: 2026 },
  'statistics.export': { year: 2026, country: 'BE', format: 'csv' },
  'statistics.settings': {},
  'statistics.updateSettings': { threshold: 5 },
  'persons.accessRequest': { id: UUID },
  'retention.settings': {},
  'retention.updateSettings': { closedFileYears: 10 },
  'notes.list': { personId: UUID },
  'notes.add': { personId: UUID, occurredOn: '2026-12-01', type: 'meeting', body: 'Intake at the shelter' },
  'notes.update': { id: UUID, occurredOn: '2026-12-01', type: 'phoneCall', body: 'Called back' },
  'notes.search': { text: 'intake' },
  'appointments.list': { personId: UUID },
  'appointments.add': { personId: UUID, serviceKind: 'medical', service: 'GP intake', date: '2026-12-10' },
  'appointments.update': { id: UUID, status: 'done' },
  'appointments.delete': { id: UUID },
  'caseSummary.pdf': { personId: UUID, sections: ['keyFacts'], language: 'nl' },
  'connection.status': {},
  'connection.connect': { url: 'https://192.168.10.5:8443', fingerprint: '12345 '.repeat(12).trim() },
  'connection.confirmCertificate': { fingerprint: '12345 '.repeat(12).trim(), username: 'anna.admin', password: 'a password' },
  'connection.disconnect': {},
};

/** Inputs that must be refused, for each channel, beyond the generic ones below. */
const malformed: { [C in Channel]: unknown[] } = {
  'app.status': [],
  'prefs.get': [],
  'prefs.set': [{ language: 'de' }, { language: null }],
  'vault.setup': [
    { ...valid['vault.setup'], country: 'DE' },
    { ...valid['vault.setup'], admin: { username: 'root', displayName: 'R', password: 'short' } },
    { ...valid['vault.setup'], organisationName: '' },
  ],
  'vault.rotateRecoveryKey': [{ password: '' }, { password: 7 }],
  'vault.confirmRecoveryKey': [],
  'vault.notices': [],
  'vault.dismissNotices': [],
  'session.unlock': [{ username: '', password: 'x' }, { username: 'a', password: 42 }],
  'session.lock': [],
  'session.activity': [],
  'session.recover': [{ ...valid['session.recover'], recoveryKey: 'not-a-key' }],
  'users.list': [],
  'users.add': [
    { ...valid['users.add'], role: 'superuser' },
    { ...valid['users.add'], username: 'Bad Name!' },
    { ...valid['users.add'], password: 'short' },
  ],
  'users.setRole': [{ userId: 'not-a-uuid', role: 'admin' }, { userId: UUID, role: 'root' }],
  'users.disable': [{ userId: 12 }],
  'users.changePassword': [{ currentPassword: 'x', newPassword: 'short' }],
  'users.replacePassword': [{ currentPassword: 'x', newPassword: 'short' }],
  'settings.get': [],
  'settings.update': [{ autoLockMinutes: 0 }, { autoLockMinutes: 61 }, { autoLockMinutes: 2.5 }, { autoLockMinutes: '5' }],
  'audit.list': [{ limit: 0 }, { limit: 100000 }, { limit: 5, beforeSeq: -1 }],
  'audit.verify': [],
  'settings.organisation': [],
  'rules.settings': [],
  'rules.updateSettings': [{}, { presumeMinorityWhenInDoubt: 'no' }, { presumeMinorityWhenInDoubt: 0 }, { presumeMinorityWhenInDoubt: true, extra: 1 }],
  'settings.updateOrganisation': [{ caseCodePrefix: 'P' }, { caseCodePrefix: 'TOOLONG' }, { caseCodePrefix: 'PA1' }, { caseCodePrefix: 'PÄY' }],
  'persons.list': [
    { limit: 0 },
    { limit: 201 },
    { offset: -1 },
    { sort: 'dateOfBirth' },
    { country: 'DE' },
    { phase: 'be.nowhere' },
    { minorStatus: 'child' },
    { caseworkerId: 'someone' },
    { status: 'archived' },
    { search: 'x'.repeat(101) },
    { today: '2026-02-30' },
  ],
  'persons.get': [{ id: 'PAY-2026-0001' }, { id: 7 }],
  'persons.create': [
    {},
    { givenNames: '', familyName: '' },
    { familyName: 'P', dateOfBirth: { precision: 'exact' } },
    { familyName: 'P', dateOfBirth: { precision: 'unknown', date: '2001-01-01' } },
    { familyName: 'P', dateOfBirth: { precision: 'approximate', date: '2001-13-01' } },
    { familyName: 'P', nationalities: ['XX'] },
    { familyName: 'P', nationalities: ['NG', 'ng'] },
    { familyName: 'P', languages: ['klingon'] },
    { familyName: 'P', interpreter: { needed: false, language: 'ar' } },
    { familyName: 'P', gender: 'f' },
    { familyName: 'P', exploitationForms: ['smuggling'] },
    { familyName: 'P', detection: { by: 'neighbour' } },
    { familyName: 'P', guardianships: [{ kind: 'nidos', name: '' }] },
    { familyName: 'P', guardianships: [{ kind: 'guardian', name: 'G', email: 'not-an-email' }] },
    { familyName: 'P', safetyNotes: 'x'.repeat(4001) },
    { familyName: 'P', caseworkerId: 'nobody' },
    { familyName: 'P', caseCode: 'PAY-2026-0001' },
  ],
  'persons.update': [{ familyName: 'P' }, { id: UUID, givenNames: '', familyName: '' }, { id: UUID, familyName: 'P', caseworkerId: UUID }],
  'persons.assign': [{ personId: UUID }, { personId: UUID, caseworkerId: 'x' }],
  'persons.erase': [
    { personId: UUID, reason: 'personRequest' },
    { personId: UUID, confirmCaseCode: '   ', reason: 'personRequest' },
    { personId: UUID, confirmCaseCode: 'PAY-2026-0001', reason: 'boredom' },
    { personId: 'x', confirmCaseCode: 'PAY-2026-0001', reason: 'retentionEnded' },
  ],
  'persons.assignees': [],
  'procedure.openTrack': [{ personId: UUID, country: 'FR' }, { personId: UUID }],
  'procedure.recordEvent': [
    { trackId: UUID, event: { type: 'teleported', date: '2026-11-29' } },
    { trackId: UUID, event: { type: 'annex15Issued', date: '29-11-2026' } },
    { trackId: UUID, event: { type: 'annex15Issued', date: '2026-11-29', documentExpiry: 'soon' } },
    { trackId: UUID, event: { type: 'annex15Issued', date: '2026-11-29', id: 'mine' } },
    { trackId: UUID, type: 'annex15Issued', date: '2026-11-29' },
  ],
  'procedure.removeEvent': [{ trackId: UUID, eventId: UUID }, { trackId: UUID, eventId: UUID, reason: 'because I said so' }],
  'procedure.recomputations': [{}, { personId: 7 }],
  'procedure.acknowledgeRecomputation': [{}, { id: '' }],
  'checklists.answer': [
    { ...valid['checklists.answer'], status: 'yes' },
    { ...valid['checklists.answer'], date: 'today' },
    { ...valid['checklists.answer'], note: 'x'.repeat(2001) },
    { ...valid['checklists.answer'], attachmentId: 'file' },
  ],
  'consents.record': [
    { personId: UUID, kind: 'sharing', givenOn: '2026-11-29' },
    { personId: UUID, kind: 'sharing', partner: 'CoMensha', categories: [], givenOn: '2026-11-29' },
    { personId: UUID, kind: 'processing', partner: 'CoMensha', givenOn: '2026-11-29' },
    { personId: UUID, kind: 'sharing', partner: 'CoMensha', categories: ['everything'], givenOn: '2026-11-29' },
    { personId: UUID, kind: 'processing' },
  ],
  'consents.withdraw': [{ consentId: UUID }, { consentId: UUID, withdrawnOn: '2026-02-29' }],
  'attachments.add': [
    { ...valid['attachments.add'], mediaType: 'application/x-msdownload' },
    { ...valid['attachments.add'], kind: 'passport' },
    { ...valid['attachments.add'], contentBase64: '' },
    { ...valid['attachments.add'], fileName: 42 },
  ],
  'attachments.get': [{ attachmentId: 'a' }],
  'attachments.remove': [{}],
  'deadlines.upcoming': [{ withinDays: -1 }, { withinDays: 3661 }, { withinDays: 30, today: '2026-13-01' }, { withinDays: 1.5 }],
  'reminders.dashboard': [
    { scope: 'everyone' },
    { limits: { overdue: 0 } },
    { limits: { overdue: 1001 } },
    { limits: { later: 5 } },
    { today: '2026-02-30' },
  ],
  'reminders.markDone': [
    { itemId: `task:${UUID}` },
    { itemId: `task:${UUID}`, reason: 'because' },
    { itemId: 'person:PAY-2026-0001', reason: 'actionTaken' },
    { itemId: `task:${UUID}`, reason: 'other', note: 'x'.repeat(201) },
  ],
  'reminders.snooze': [
    { itemId: `task:${UUID}`, reason: 'waitingForPerson' },
    { itemId: `task:${UUID}`, until: 'tomorrow', reason: 'waitingForPerson' },
    { itemId: `task:${UUID}`, until: '2026-12-01', reason: 'bored' },
  ],
  'reminders.reopen': [{ itemId: '' }, { itemId: `task:${UUID} OR 1=1` }],
  'reminders.settings': [],
  'reminders.updateSettings': [
    { leadDays: { reflectionPeriodEnd: [] } },
    { leadDays: { reflectionPeriodEnd: [-1] } },
    { leadDays: { reflectionPeriodEnd: [366] } },
    { leadDays: { reflectionPeriodEnd: [1.5] } },
    { leadDays: { birthday: [7] } },
    { leadDays: { task: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } },
  ],
  'reminders.desktopPrefs': [],
  'reminders.setDesktopPrefs': [
    { ...valid['reminders.setDesktopPrefs'], digest: { enabled: true, time: '25:00' } },
    { ...valid['reminders.setDesktopPrefs'], digest: { enabled: true, time: '7:30' } },
    { notifications: true },
  ],
  'reminders.exportCalendar': [{ withinDays: 0 }, { withinDays: 3661 }, { language: 'de' }, { scope: 'team' }],
  'tasks.list': [{ personId: 'PAY-2026-0001' }, { limit: 0 }],
  'tasks.create': [
    { title: '', dueDate: '2026-12-03' },
    { title: 'x'.repeat(201), dueDate: '2026-12-03' },
    { title: 'Call', dueDate: '03-12-2026' },
    { title: 'Call', dueDate: '2026-12-03', assigneeId: 'me' },
    { title: 'Call', dueDate: '2026-12-03', personId: 'PAY-2026-0001' },
  ],
  'tasks.update': [{ title: 'No id' }, { id: UUID, title: '' }, { id: UUID, dueDate: '2026-02-30' }],
  'tasks.delete': [{ id: 'task-1' }],
  'spreadsheetImport.inspect': [{ file: { fileName: '', fileBase64: 'QQ==' } }, { file: { fileName: 'a.csv', fileBase64: 'A'.repeat(30_000_000) } }],
  'spreadsheetImport.dryRun': [
    { file: { fileName: 'a.csv', fileBase64: 'QQ==' }, mapping: { format: 'other', version: 1 } },
    { file: { fileName: 'a.csv', fileBase64: 'QQ==' }, mapping: { format: 'passerelle-import-mapping', version: 1, columns: { notAField: 'X' } } },
  ],
  'spreadsheetImport.run': [{ file: { fileName: 'a.csv', fileBase64: 'QQ==' }, mapping: { format: 'passerelle-import-mapping', version: 2 } }],
  'persons.idByCaseCode': [{ caseCode: 'not a code' }, { caseCode: 7 }],
  'persons.exportList': [],
  'persons.assigneeByUsername': [{ username: '' }, { username: 'x'.repeat(300) }],
  'procedure.recordByCountry': [{ personId: UUID, country: 'DE', event: { type: 'annex15Issued', date: '2026-12-01' } }, { personId: UUID, country: 'BE', event: { type: 'annex15Issued', date: '2026-02-30' } }],
  'reminders.dueOn': [{ today: '2026-13-01', language: 'en' }, { today: '2026-12-07', language: 'de' }],
  'reminders.pending': [{ language: 'xx' }],
  'reminders.notified': [{ ids: [] }, { ids: [''] }, { ids: Array.from({ length: 501 }, (_, i) => `id${i}`) }],
  'vault.backup': [{ name: '../escape' }, { name: '.hidden' }, { name: 'a/b' }, { name: '' }],
  'vault.keyGeneration': [],
  'handover.openFor': [{ personId: 'x', partnerOrgId: UUID }],
  'handover.importIdOfPackage': [{ packageId: 'XYZ' }],
  'partners.addVerified': [{ fileBase64: '', fingerprint: '1' }, { fileBase64: 'e30=' }],
  'keys.card': [],
  'keys.rotate': [],
  'partners.list': [],
  'partners.import': [{ fileBase64: '' }, { fileBase64: 'A'.repeat(22_000) }, { file: 'e30=' }],
  'partners.verify': [{ orgId: 'acme', fingerprint: '1' }, { orgId: UUID, fingerprint: '' }, { orgId: UUID, fingerprint: '1'.repeat(201) }],
  'partners.remove': [{ orgId: 'acme' }, { orgId: UUID, force: true }],
  'partners.removePending': [{ orgId: UUID }, { orgId: UUID, fingerprint: 'A'.repeat(64) }, { orgId: UUID, fingerprint: '12345 67890' }],
  'directory.list': [{ country: 'DE' }, { category: 'hospitals' }, { text: 'x'.repeat(201) }],
  'directory.update': [
    { id: 'be-federaal-parket', fields: { phones: ['not a phone'] } },
    { id: 'be-federaal-parket', fields: { country: 'NL' } },
    { id: '../etc', fields: {} },
    { id: 'be-federaal-parket', fields: { websites: ['javascript:alert(1)'] } },
  ],
  'directory.add': [
    { ...valid['directory.add'], country: 'FR' },
    { ...valid['directory.add'], name: 'x' },
    { ...valid['directory.add'], id: 'user-mine' },
    { ...valid['directory.add'], emails: ['not-an-email'] },
  ],
  'directory.setHidden': [{ id: 'be-federaal-parket' }, { id: 'be-federaal-parket', hidden: 'yes' }],
  'directory.remove': [{ id: 'USER-ABC' }],
  'directory.resolveSeedChange': [
    { id: 'be-federaal-parket', field: 'country', choice: 'keepMine' },
    { id: 'be-federaal-parket', field: 'phones', choice: 'both' },
  ],
  'handover.list': [{ personId: 'PAY-2026-0001' }, { status: 'lost' }],
  'handover.get': [{ handoverId: 'h1' }],
  'handover.start': [{ personId: UUID }, { personId: UUID, partnerOrgId: 'partner' }],
  'handover.updateItem': [
    { handoverId: UUID, itemId: '' },
    { handoverId: UUID, itemId: 'handover.consent', status: 'finished' },
    { handoverId: UUID, itemId: 'handover.consent', dueDate: '2026-02-30' },
    { handoverId: UUID, itemId: 'handover.consent', note: 'x'.repeat(2001) },
    { handoverId: UUID, itemId: 'handover.consent', ownerId: 'me' },
  ],
  'handover.addItem': [{ handoverId: UUID, label: '', dueDate: '2026-12-03' }, { handoverId: UUID, label: 'Call', dueDate: 'tomorrow' }],
  'handover.cancel': [{ handoverId: 7 }],
  'handover.export': [
    { handoverId: UUID, sections: ['identity', 'identity'] },
    { handoverId: UUID, sections: ['attachments'] },
    { handoverId: UUID, sections: ['everything'] },
    { handoverId: UUID, sections: ['identity'], attachmentIds: ['scan.pdf'] },
    { handoverId: UUID, sections: ['identity'], validityDays: 31 },
    { handoverId: UUID, sections: ['identity'], validityDays: 0 },
    { handoverId: UUID, sections: ['identity'], note: 'x'.repeat(501) },
    { handoverId: UUID },
  ],
  'handover.summaryPdf': [{ handoverId: UUID, sections: ['identity'], note: 'not here' }, { handoverId: UUID, sections: 'identity' }],
  'handover.importReceipt': [{ fileBase64: '' }, { fileBase64: 'A'.repeat(22_000) }],
  'handover.settings': [],
  'handover.updateSettings': [{ retentionDays: 0 }, { retentionDays: 3651 }, { retentionDays: 1.5 }],
  'handover.previewImport': [{ fileBase64: '' }, { fileBase64: 42 }, { path: '/etc/passwd' }],
  'handover.acceptImport': [{ fileBase64: 'AAAA', caseworkerId: 'me' }, { fileBase64: '' }],
  'handover.declineImport': [{ fileBase64: '' }, { fileBase64: 'AAAA', reason: 'expired' }],
  'handover.receipt': [{ importId: 'x' }],
  'handover.imports': [],
  'handover.origin': [{ personId: 'PAY-2026-0001' }],
  'statistics.report': [{ year: 1999 }, { year: 2026.5 }, { year: 2026, country: 'FR' }],
  'statistics.export': [{ year: 2026, format: 'docx' }, { year: 2026 }],
  'statistics.settings': [],
  'statistics.updateSettings': [{ threshold: 4 }, { threshold: 0 }, { threshold: 51 }],
  'persons.accessRequest': [{ id: 'PAY-2026-0001' }],
  'retention.settings': [],
  'retention.updateSettings': [{ closedFileYears: 0 }, { closedFileYears: 2.5 }, {}],
  'notes.list': [{ personId: 'PAY-2026-0001' }],
  'notes.add': [
    { ...valid['notes.add'], type: 'email' },
    { ...valid['notes.add'], body: '   ' },
    { ...valid['notes.add'], occurredOn: '01-12-2026' },
    { ...valid['notes.add'], durationMinutes: 0 },
    { ...valid['notes.add'], durationMinutes: 24 * 60 + 1 },
    { ...valid['notes.add'], correctsId: 'note-1' },
  ],
  'notes.update': [{ ...valid['notes.update'], id: 'note-1' }, { ...valid['notes.update'], body: '' }],
  'notes.search': [{ text: '' }, { text: 'x'.repeat(201) }, { text: 'intake', limit: 101 }],
  'appointments.list': [{ personId: 'PAY-2026-0001' }],
  'appointments.add': [
    { ...valid['appointments.add'], serviceKind: 'spa' },
    { ...valid['appointments.add'], service: '' },
    { ...valid['appointments.add'], time: '25:00' },
    { ...valid['appointments.add'], date: '2026-02-30' },
    { ...valid['appointments.add'], status: 'maybe' },
  ],
  'appointments.update': [{ id: UUID, time: '9h' }, { id: 'a-1' }],
  'appointments.delete': [{ id: 'a-1' }],
  'caseSummary.pdf': [
    { ...valid['caseSummary.pdf'], sections: [] },
    { ...valid['caseSummary.pdf'], sections: ['everything'] },
    { ...valid['caseSummary.pdf'], language: 'de' },
  ],
  'connection.status': [],
  'connection.connect': [{ url: 42, fingerprint: '1' }, { url: 'https://a', fingerprint: '1'.repeat(201) }],
  'connection.confirmCertificate': [{ fingerprint: '1', username: '', password: 'x' }, { fingerprint: '1', username: 'anna', password: '' }],
  'connection.disconnect': [],
};

const GENERIC_BAD: unknown[] = ['a string', 42, [], { unexpectedField: true }];

async function adminVault() {
  const v = await newVault();
  cleanups.push(v.cleanup);
  return v;
}

describe('IPC contract', () => {
  it('has a row in each table for every channel', () => {
    expect(Object.keys(valid).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(malformed).sort()).toEqual([...CHANNELS].sort());
  });

  it('rejects malformed input on every channel with VALIDATION and no side effect', async () => {
    const { core, dir } = await adminVault();
    const audit = () => core.audit.latest({ limit: 1 })[0]?.seq;
    for (const channel of CHANNELS) {
      for (const input of [...GENERIC_BAD, ...malformed[channel]]) {
        const filesBefore = fingerprint(dir, ['vault.db', 'keyslots.json']);
        const seqBefore = audit();
        const result = await core.router.call(channel, input);
        expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION');
          expect(result.error.key).toBe('validation');
        }
        expect(audit()).toBe(seqBefore);
        expect(fingerprint(dir, ['vault.db', 'keyslots.json'])).toEqual(filesBefore);
        expect(core.vault.state()).toBe('unlocked');
      }
    }
  });

  it('names the invalid fields so the UI can show the error beside them', async () => {
    const { core } = await adminVault();
    const result = await core.router.call('users.add', { ...valid['users.add'], password: 'short' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.fields?.map((f) => f.path)).toEqual(['password']);
  });

  it('answers LOCKED on every non-public channel while locked', async () => {
    const { core } = await adminVault();
    core.vault.lock();
    for (const channel of CHANNELS) {
      if (contract[channel].access === 'public') continue;
      const result = await core.router.call(channel, valid[channel]);
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('LOCKED');
    }
  });

  it('answers FORBIDDEN to a caseworker on every admin channel, and the service enforces it too', async () => {
    const { core } = await adminVault();
    await core.users.add({ username: 'case.worker', displayName: 'C', role: 'caseworker', password: 'caseworker pass 1' });
    core.vault.lock();
    await core.vault.unlock('case.worker', 'caseworker pass 1');
    const adminOnly = CHANNELS.filter((c) => {
      const access = contract[c].access;
      return Array.isArray(access) && !(access as readonly string[]).includes('caseworker');
    });
    expect(adminOnly.length).toBeGreaterThan(5);
    for (const channel of adminOnly) {
      const result = await core.router.call(channel, valid[channel]);
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('FORBIDDEN');
    }
    // Services check roles themselves, not only the router.
    expect(() => core.users.list()).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => core.settings.update({ autoLockMinutes: 9 })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('returns NOT_FOUND for a channel outside the contract', async () => {
    const { core } = await adminVault();
    const unknown = await core.router.call('fs.readFile', { path: '/etc/passwd' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND');
  });

  it('routes a full admin flow: status, add, list, set role, settings, audit', async () => {
    const { core } = await adminVault();
    const status = await core.router.call('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'unlocked', organisation: { name: 'Test Centre', country: 'BE' } } });
    const added = await core.router.call('users.add', valid['users.add']);
    expect(added.ok).toBe(true);
    const list = await core.router.call('users.list', {});
    expect(list.ok && (list.value as { username: string }[]).map((u) => u.username)).toEqual([ADMIN.username, 'new.user']);
    const duplicate = await core.router.call('users.add', valid['users.add']);
    expect(duplicate.ok ? 'ok' : duplicate.error.key).toBe('usernameTaken');
    const settings = await core.router.call('settings.update', { autoLockMinutes: 12 });
    expect(settings).toEqual({ ok: true, value: { autoLockMinutes: 12 } });
    const verify = await core.router.call('audit.verify', {});
    expect(verify).toMatchObject({ ok: true, value: { ok: true, firstBrokenSeq: null } });
  });

  describe('order of the checks: session and role before the input', () => {
    async function caseworkerCore() {
      const v = await adminVault();
      const { core } = v;
      await core.users.add({ username: 'case.worker', displayName: 'C', role: 'caseworker', password: 'caseworker pass 1' });
      core.vault.lock();
      await core.vault.unlock('case.worker', 'caseworker pass 1');
      return v;
    }
    const adminOnly = () =>
      CHANNELS.filter((c) => {
        const access = contract[c].access;
        return Array.isArray(access) && !(access as readonly string[]).includes('caseworker');
      });

    it('answers FORBIDDEN, not VALIDATION, to a caseworker on an admin channel with any body', async () => {
      const { core } = await caseworkerCore();
      for (const channel of adminOnly()) {
        for (const input of [...GENERIC_BAD, ...malformed[channel], undefined, null]) {
          const result = await core.router.call(channel, input);
          expect(result.ok ? 'ok' : result.error.code, `${channel} ${JSON.stringify(input)}`).toBe('FORBIDDEN');
          // The refusal says nothing about the input's shape.
          if (!result.ok) expect(result.error.details?.fields).toBeUndefined();
        }
      }
    });

    it('answers LOCKED, not VALIDATION, on every non-public channel while locked, with any body', async () => {
      const { core } = await adminVault();
      core.vault.lock();
      for (const channel of CHANNELS) {
        if (contract[channel].access === 'public') continue;
        for (const input of [...GENERIC_BAD, ...malformed[channel]]) {
          const result = await core.router.call(channel, input);
          expect(result.ok ? 'ok' : result.error.code, `${channel} ${JSON.stringify(input)}`).toBe('LOCKED');
        }
      }
    });

    it('still validates input on public channels while locked, and they keep working', async () => {
      const { core } = await adminVault();
      core.vault.lock();
      expect(await core.router.call('app.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
      const bad = await core.router.call('session.unlock', { username: '', password: 'x' });
      expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION');
      const wrong = await core.router.call('session.unlock', { username: ADMIN.username, password: 'not the password' });
      expect(wrong.ok ? 'ok' : wrong.error.code).toBe('WRONG_CREDENTIALS');
      const unlocked = await core.router.call('session.unlock', { username: ADMIN.username, password: ADMIN.password });
      expect(unlocked.ok).toBe(true);
    });
  });

  describe('refused calls in the audit trail', () => {
    const MARKER = 'ZQX-REFUSED-INPUT-MARKER-5521';
    const refusals = (core: Awaited<ReturnType<typeof adminVault>>['core']) =>
      core.vault
        .read((db) => new AuditRepo(db).latest(1000))
        .filter((r) => r.action === 'access.refused')
        .reverse();

    it('records a FORBIDDEN call with the channel and the user, never the input', async () => {
      const { core } = await adminVault();
      await core.users.add({ username: 'case.worker', displayName: 'C', role: 'caseworker', password: 'caseworker pass 1' });
      core.vault.lock();
      await core.vault.unlock('case.worker', 'caseworker pass 1');
      const result = await core.router.call('users.add', { ...valid['users.add'], displayName: MARKER });
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
      const malformedToo = await core.router.call('audit.list', { limit: MARKER });
      expect(malformedToo.ok ? 'ok' : malformedToo.error.code).toBe('FORBIDDEN');
      const rows = refusals(core);
      expect(rows.map((r) => [r.actorName, JSON.parse(r.details) as unknown])).toEqual([
        ['case.worker', { channel: 'users.add', code: 'FORBIDDEN' }],
        ['case.worker', { channel: 'audit.list', code: 'FORBIDDEN' }],
      ]);
      const me = core.vault.session();
      expect(rows.every((r) => r.actorId === me?.id)).toBe(true);
      expect(JSON.stringify(core.vault.read((db) => [...new AuditRepo(db).iterate()]))).not.toContain(MARKER);
      core.vault.lock();
      await core.vault.unlock(ADMIN.username, ADMIN.password);
      expect(await core.router.call('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    });

    it("records a NOT_FOUND on someone else's record", async () => {
      const { core } = await adminVault();
      const other = await core.users.add({ username: 'other.worker', displayName: 'O', role: 'caseworker', password: 'other worker pass 1' });
      await core.users.add({ username: 'case.worker', displayName: 'C', role: 'caseworker', password: 'caseworker pass 1' });
      const theirs = core.persons.create(personCreateSchema.parse({ givenNames: 'Invented', familyName: 'Person', caseworkerId: other.id }));
      core.vault.lock();
      await core.vault.unlock('case.worker', 'caseworker pass 1');
      const result = await core.router.call('persons.get', { id: theirs.person.id });
      expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
      expect(refusals(core).map((r) => [r.actorName, JSON.parse(r.details) as unknown])).toEqual([['case.worker', { channel: 'persons.get', code: 'NOT_FOUND' }]]);
    });

    it('does not record validation errors or successful calls', async () => {
      const { core } = await adminVault();
      await core.router.call('users.add', { ...valid['users.add'], password: 'short' });
      await core.router.call('users.list', {});
      expect(refusals(core)).toEqual([]);
    });

    it('while locked, a refusal on a public channel is answered and logged without a user, not written', async () => {
      const warnings: unknown[] = [];
      const logger = { info() {}, warn: (event: string, meta?: unknown) => void warnings.push([event, meta]), error() {} };
      let writes = 0;
      const lockedVault = { session: () => null, write: <T>(): T => ((writes += 1), undefined as T) };
      // What the router hands over for a public channel refused while locked: no session.
      refusedCallRecorder(lockedVault, logger)({ channel: 'session.recover', code: 'NOT_FOUND', session: null });
      expect(writes).toBe(0);
      expect(warnings).toEqual([['ipc.refused-while-locked', { channel: 'session.recover', code: 'NOT_FOUND' }]]);
    });
  });
});
