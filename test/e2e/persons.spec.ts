/**
 * Persons and their procedures in the real UI: a Belgian person
 * registered in the form, annex 15 issued today, the reflection deadline 45 days later with its
 * weekday, the statement, phase 2 and the attestation's expiry; the list found by alias and by case
 * code; a caseworker who does not see a person assigned to someone else.
 */
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addDays, addMonths, formatDate, weekdayId, type CalendarDate } from '../../shared/dates/calendar-date';
import type { Translation } from '../../shared/i18n/en';
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import type { In, PasserelleApi } from '../../shared/ipc/contract';
import { beRules } from '../../shared/rules/be.rules';
import { DUE_KIND_LABELS, WARNING_LABELS } from '../../shared/rules/common.rules';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_MEGABYTES } from '../../shared/persons/attachment.schema';
import { loadInventedPersons } from '../../bench/persons.seed';
import { inventedPersons } from '../helpers/invented-persons';
import { ADMIN, expect, test, unlockInUi, untranslatedText } from './fixtures';

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

const CARLA = { username: 'carla.caseworker', displayName: 'Carla Caseworker', password: 'a long caseworker password', role: 'caseworker' } as const;
const BRAM = { username: 'bram.caseworker', displayName: 'Bram Caseworker', password: 'another long password', role: 'caseworker' } as const;

const phase = (id: string) => beRules.phases.find((p) => p.phase === id)!.label;
const event = (type: string) => beRules.events.find((e) => e.type === type)!.label;

/** Today in the page (Europe/Brussels), the day the form proposes for a new event. */
async function pageToday(page: Page): Promise<CalendarDate> {
  const iso = await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
  return iso as CalendarDate;
}

/** "Wednesday 15-07-2026" as the page writes it. */
function withWeekday(date: CalendarDate, t: Translation = en): string {
  return t.dates.withWeekday.replace('{{weekday}}', t.weekdays[weekdayId(date)]).replace('{{date}}', formatDate(date));
}

function invokeFromPage(page: Page, channel: string, input: unknown) {
  return page.evaluate(
    ([c, i]) => (globalThis as unknown as { passerelle: PasserelleApi }).passerelle.invoke(c as never, i as never),
    [channel, input] as const,
  );
}

/** A screenshot of one part of the page, for looking at the UI during development (E2E_SCREENSHOTS). */
async function snapPart(locator: Locator, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await locator.screenshot({ path: join(dir, `persons-${name}.png`) });
}

async function openPersons(page: Page, t: Translation = en) {
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.shell.persons, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.persons.title })).toBeVisible();
}

async function recordEvent(page: Page, country: string, label: string, date?: string) {
  const form = page.getByTestId(`record-event-${country}`);
  await form.getByRole('combobox', { name: en.procedure.eventType }).selectOption({ label });
  if (date !== undefined) await form.getByRole('textbox', { name: en.procedure.eventDate }).fill(date);
  await form.getByRole('button', { name: en.procedure.record }).click();
}

test('a Belgian person: annex 15 today, reflection deadline in 45 days, statement, phase 2 and the attestation expiry', async ({
  page,
  seedVault,
  snap,
}) => {
  await seedVault();
  await page.goto('/');
  await unlockInUi(page, ADMIN);
  await openPersons(page);
  await expect(page.getByTestId('person-list-empty')).toHaveText(en.persons.emptyVault);
  const today = await pageToday(page);

  // The form: names, an alias, an exact date of birth; the Belgian procedure opens with the person.
  await page.getByRole('button', { name: en.persons.new }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.personForm.newTitle })).toBeVisible();
  await expect(page.getByTestId('derived-minor-status')).toContainText(en.minorBasis.unknown);
  // Nothing filled in: the contract's own rule asks for a name or an alias, next to the field.
  await page.getByRole('button', { name: en.personForm.create }).click();
  await expect(page.getByText(en.personForm.nameRequired)).toBeVisible();
  await expect(page.getByRole('textbox', { name: en.personForm.familyName })).toBeFocused();

  await page.getByRole('textbox', { name: en.personForm.givenNames }).fill('Elira');
  await page.getByRole('textbox', { name: en.personForm.familyName }).fill('Vantorre');
  const aliases = page.getByRole('combobox', { name: en.personForm.aliases });
  await aliases.fill('Lira V.');
  await aliases.press('Enter');
  await page.getByRole('combobox', { name: en.personForm.dobPrecision }).selectOption({ label: en.dobPrecision.exact });
  await page.getByRole('textbox', { name: en.personForm.dobDate }).fill('12-05-1994');
  await expect(page.getByTestId('derived-minor-status')).toHaveAttribute('data-minor-status', 'adult');
  await page.getByRole('textbox', { name: en.personForm.safetyNotes }).fill('Never contact through relatives.');
  await expect(page.getByRole('checkbox', { name: en.personForm.openTrackNow.replace('{{country}}', en.countries.BE) })).toBeChecked();
  await snap('1-form');
  await page.getByRole('button', { name: en.personForm.create }).click();

  // The person page: case code, name, safety notes, and the Belgian procedure before annex 15.
  await expect(page.getByRole('heading', { level: 1, name: 'Vantorre, Elira' })).toBeVisible();
  const caseCode = (await page.getByTestId('person-case-code').textContent()) ?? '';
  expect(caseCode).toMatch(new RegExp(`^MAI-${today.slice(0, 4)}-0001$`));
  await expect(page.getByRole('note', { name: en.person.safetyNotes })).toContainText('Never contact through relatives.');
  const track = page.getByRole('region', { name: en.procedure.trackTitle.replace('{{country}}', en.countries.BE) });
  await expect(track.getByTestId('phase-BE')).toHaveText(phase('be.detection').en);

  // Annex 15 issued today: the reflection period ends 45 days later, shown with its weekday.
  await recordEvent(page, 'BE', event('annex15Issued').en);
  await expect(track.getByTestId('phase-BE')).toHaveText(phase('be.reflection').en);
  const reflectionEnd = addDays(today, 45);
  const reflection = track.getByTestId('due-BE-reflectionPeriodEnd');
  await expect(reflection).toContainText(withWeekday(reflectionEnd));
  await expect(reflection).toContainText(en.deadline.inDays.replace('{{days}}', '45'));
  await expect(reflection.locator('[data-urgency]')).toHaveAttribute('data-urgency', 'later');
  await expect(track.getByTestId('timeline-BE')).toContainText(`${withWeekday(today)}${event('annex15Issued').en}`);
  await snap('2-annex15');

  // A refused transition: an event dated before the last one, refused with the rule it breaks.
  await recordEvent(page, 'BE', event('statementMade').en, formatDate(addDays(today, -1)));
  const refusal = page.getByTestId('record-event-error-BE');
  await expect(refusal).toHaveAttribute('data-error-code', 'RULE_VIOLATION');
  await expect(refusal).toContainText(`an event may not be dated before the last recorded event (${formatDate(today)})`);
  await expect(refusal).toContainText('Passerelle procedure model');
  await expect(refusal).not.toContainText(/issue \d/);
  await snap('3-refused');

  // The statement today: phase 2, the attestation of immatriculation and its expiry (3 months).
  await recordEvent(page, 'BE', event('statementMade').en, formatDate(today));
  await expect(track.getByTestId('phase-BE')).toHaveText(phase('be.attestation').en);
  await expect(track.getByTestId('phase-BE')).toContainText('Phase 2: attestation of immatriculation');
  await expect(track.getByTestId('due-BE-reflectionPeriodEnd')).toHaveCount(0);
  const attestation = track.getByTestId('due-BE-attestationExpiry');
  await expect(attestation).toContainText(DUE_KIND_LABELS.attestationExpiry.en);
  await expect(attestation).toContainText(withWeekday(addMonths(today, 3)));
  // The checklists of the phase are in their own section of the page.
  await expect(page.getByTestId('checklist-be.evaluationConditions')).toBeVisible();
  await snap('4-phase2');
  await snapPart(page.getByTestId('person-page').locator('> div').nth(1), 'header');
  await snapPart(track, 'track-be');
});

/** Creates a person through the router (as the signed-in user), with a Belgian track and its events. */
async function createPerson(
  invoke: Fixtures['invoke'],
  fields: In<'persons.create'>,
  events: { type: string; date: CalendarDate; documentExpiry?: CalendarDate }[] = [],
) {
  const detail = await invoke('persons.create', fields);
  if (events.length > 0) {
    const track = await invoke('procedure.openTrack', { personId: detail.person.id, country: 'BE' });
    for (const e of events) await invoke('procedure.recordEvent', { trackId: track.id, event: e as In<'procedure.recordEvent'>['event'] });
  }
  return detail.person;
}

test('the list: sorted by next deadline with urgency in words, found by alias and by case code, opened from the keyboard', async ({
  page,
  invoke,
  seedVault,
  snap,
}) => {
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  const today = await pageToday(page);
  const annex15 = 'annex15Issued';
  const adult = { precision: 'exact', date: '1990-03-14' } as const;
  const soon = await createPerson(invoke, { givenNames: 'Nadia', familyName: 'Kowalczyk', aliases: ['Rosa K.'], dateOfBirth: adult }, [
    { type: annex15, date: addDays(today, -40) },
  ]);
  const late = await createPerson(invoke, { givenNames: 'Tomas', familyName: 'Brennet', dateOfBirth: adult }, [{ type: annex15, date: addDays(today, -50) }]);
  const child = await createPerson(invoke, { aliases: ['Little Sun'], dateOfBirth: { precision: 'disputed', date: null } }, [
    { type: annex15, date: addDays(today, -20) },
  ]);
  const noTrack = await createPerson(invoke, { givenNames: 'Oskar', familyName: 'Lindqvist', dateOfBirth: { precision: 'approximate', date: '1980-01-01' } });

  await openPersons(page);
  await expect(page.getByTestId('person-count')).toHaveText(en.persons.found.replace('{{number}}', '4'));
  const grid = page.getByRole('grid');
  const rows = grid.locator('[role="row"][data-person-id]');
  // Next deadline first: overdue, then within 7 days, within 30 days, then no deadline.
  await expect(rows).toHaveCount(4);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))).toEqual(
    [late, soon, child, noTrack].map((p) => `person-row-${p.caseCode}`),
  );
  const lateRow = grid.getByTestId(`person-row-${late.caseCode}`);
  await expect(lateRow).toContainText(en.deadline.urgency.overdue);
  await expect(lateRow).toContainText(en.deadline.overdueDays.replace('{{days}}', '5'));
  await expect(lateRow).toContainText(withWeekday(addDays(today, -5)));
  await expect(grid.getByTestId(`person-row-${soon.caseCode}`)).toContainText(en.deadline.urgency.week);
  await expect(grid.getByTestId(`person-row-${child.caseCode}`)).toContainText(en.deadline.urgency.month);
  await expect(grid.getByTestId(`person-row-${child.caseCode}`)).toContainText(en.minorStatus.presumedMinor);
  await expect(grid.getByTestId(`person-row-${noTrack.caseCode}`)).toContainText(en.persons.noProcedure);
  await snapPart(page.locator('main'), 'list');
  await snap('list');

  // Found by alias, case- and accent-insensitively, as one types.
  const search = page.getByRole('searchbox', { name: en.persons.search });
  await search.fill('rosa');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-testid', `person-row-${soon.caseCode}`);
  await expect(page.getByTestId('person-count')).toHaveText(en.persons.found.replace('{{number}}', '1'));

  // Found by case code, in lower case too.
  await search.fill(child.caseCode.toLowerCase());
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-testid', `person-row-${child.caseCode}`);

  // Keyboard: down into the list, Enter opens the person; back returns to the same row.
  await search.press('ArrowDown');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Little Sun' })).toBeVisible();
  await expect(page.getByTestId('person-minor-status')).toContainText(en.minorBasis.disputed);
  await page.getByRole('button', { name: en.person.back }).click();
  await expect(search).toHaveValue(child.caseCode.toLowerCase());
  await expect(rows.first()).toBeFocused();

  // Nothing found says so.
  await search.fill('zzzz-no-such-person');
  await expect(page.getByTestId('person-list-empty')).toHaveText(en.persons.empty);
  await page.getByRole('button', { name: en.persons.clearFilters }).click();
  await expect(rows).toHaveCount(4);
  await page.getByRole('combobox', { name: en.persons.minor }).selectOption({ label: en.minorStatus.presumedMinor });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-testid', `person-row-${child.caseCode}`);
});

test('a caseworker sees only the persons assigned to them', async ({ page, invoke, seedVault, snap }) => {
  await seedVault({ users: [CARLA, BRAM] });
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  const users = await invoke('users.list', {});
  const id = (username: string) => users.find((u) => u.username === username)!.id;
  const mine = await createPerson(invoke, { givenNames: 'Ines', familyName: 'Moreau', caseworkerId: id(CARLA.username) });
  const theirs = await createPerson(invoke, { givenNames: 'Jonas', familyName: 'Verbeke', aliases: ['Jo V.'], caseworkerId: id(BRAM.username) });
  await invoke('session.lock', {});

  await page.goto('/');
  await unlockInUi(page, CARLA);
  await openPersons(page);
  const rows = page.getByRole('grid').locator('[role="row"][data-person-id]');
  await expect(page.getByTestId('person-count')).toHaveText(en.persons.found.replace('{{number}}', '1'));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-testid', `person-row-${mine.caseCode}`);
  // No caseworker filter: a caseworker's list is their own cases.
  await expect(page.getByRole('combobox', { name: en.persons.caseworker })).toHaveCount(0);
  await snap('caseworker-list');

  // Not by name, alias or case code either.
  const search = page.getByRole('searchbox', { name: en.persons.search });
  for (const text of ['Verbeke', 'Jo V.', theirs.caseCode]) {
    await search.fill(text);
    await expect(page.getByTestId('person-list-empty')).toHaveText(en.persons.empty);
  }
  // And the core answers NOT_FOUND, not FORBIDDEN, when the page asks for it directly.
  const result = await invokeFromPage(page, 'persons.get', { id: theirs.id });
  expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  // A new person of theirs is assigned to them; the form says so.
  await page.getByRole('button', { name: en.persons.new }).click();
  await expect(page.getByText(en.personForm.caseworkerSelf)).toBeVisible();
});

/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('the person page in French: document expiry warning, a refusal citing the rule, a checklist answer, attachments and consent', async ({
  page,
  invoke,
  seedVault,
  snap,
}) => {
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await invoke('prefs.set', { language: 'fr' });
  await page.goto('/');
  const today = await pageToday(page);
  const person = await createPerson(invoke, { givenNames: 'Amal', familyName: 'Duarte', dateOfBirth: { precision: 'exact', date: '1988-07-02' } }, [
    { type: 'annex15Issued', date: addDays(today, -10) },
    { type: 'statementMade', date: addDays(today, -5) },
  ]);

  await openPersons(page, fr);
  await page.getByTestId(`person-row-${person.caseCode}`).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Duarte, Amal' })).toBeVisible();
  const track = page.getByRole('region', { name: fr.procedure.trackTitle.replace('{{country}}', fr.countries.BE) });
  await expect(track.getByTestId('phase-BE')).toHaveText(phase('be.attestation').fr);

  // The attestation with the expiry printed on it, 10 days before the computed one: kept, with a warning.
  const computed = addMonths(today, 3);
  const printed = addDays(computed, -10);
  const form = page.getByTestId('record-event-BE');
  await form.getByRole('combobox', { name: fr.procedure.eventType }).selectOption({ label: event('aiIssued').fr });
  await form.getByRole('textbox', { name: fr.procedure.documentExpiry }).fill(formatDate(printed));
  await expect(form.getByText(withWeekday(printed, fr))).toBeVisible();
  await form.getByRole('button', { name: fr.procedure.record }).click();
  await expect(track.getByTestId('due-BE-attestationExpiry')).toContainText(withWeekday(printed, fr));
  await expect(track.getByTestId('warnings-BE')).toContainText(
    WARNING_LABELS.documentExpiryDiffers.fr.replace('{{entered}}', formatDate(printed)).replace('{{computed}}', formatDate(computed)),
  );

  // A refusal, in French, citing the rule and its source.
  await form.getByRole('combobox', { name: fr.procedure.eventType }).selectOption({ label: event('evaluationPositive').fr });
  await form.getByRole('textbox', { name: fr.procedure.eventDate }).fill(formatDate(addDays(today, -30)));
  await form.getByRole('button', { name: fr.procedure.record }).click();
  const refusal = page.getByTestId('record-event-error-BE');
  await expect(refusal).toContainText(`un événement ne peut être daté avant le dernier événement enregistré (${formatDate(today)})`);
  // The rule's source in French too (the app's own procedure model, docs/legal-rules.md).
  await expect(refusal).toContainText('source : modèle de procédure de Passerelle');

  // A condition of the evaluation checklist: nobody assessed it yet (no answer, no date); met, today,
  // saved with the checklist's one button.
  const condition = page.getByTestId('checklist-item-be.evaluation.proceedingsOngoing');
  await expect(condition.getByTestId('checklist-answered')).toHaveText(fr.casework.notAssessed);
  await expect(condition.getByRole('textbox', { name: fr.checklist.date })).toHaveValue('');
  await condition.getByRole('radiogroup', { name: fr.checklist.status.replace('{{number}}', '1') }).getByRole('radio', { name: 'Remplie', exact: true }).check();
  await condition.getByRole('textbox', { name: fr.checklist.note }).fill('Enquête en cours selon le parquet.');
  await page.getByTestId('checklist-save-be.evaluationConditions').click();
  await expect(condition.getByTestId('checklist-answered')).toHaveText(
    fr.checklist.answeredBy.replace('{{name}}', ADMIN.displayName).replace('{{date}}', withWeekday(today, fr)),
  );
  await expect(page.getByTestId('checklist-outcome-be.evaluationConditions')).toHaveAttribute('data-outcome', 'undetermined');

  // Attachments: a scan is added; a file over the cap is refused before it is read.
  const fileInput = page.getByLabel(fr.attachments.file, { exact: true });
  await fileInput.setInputFiles({ name: 'annexe15.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: fr.attachments.upload }).click();
  await expect(page.getByTestId('attachments-table')).toContainText('annexe15.png');
  await expect(page.getByTestId('attachments-table')).toContainText(fr.attachmentKinds.identityDocument);
  // Opened in the page (an image), and saved as a copy with its own name and bytes.
  await page.getByRole('button', { name: fr.attachments.openOf.replace('{{fileName}}', 'annexe15.png') }).click();
  const preview = page.getByRole('dialog', { name: 'annexe15.png' });
  await expect(preview.getByRole('img', { name: 'annexe15.png' })).toBeVisible();
  await preview.getByRole('button', { name: fr.common.close }).click();
  await expect(preview).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: fr.attachments.downloadOf.replace('{{fileName}}', 'annexe15.png') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('annexe15.png');
  const saved = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(PNG)).toBe(true);
  await fileInput.setInputFiles({ name: 'dossier-complet.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x25) });
  await expect(page.getByText(fr.errors.attachmentTooLarge.replace('{{maxMb}}', String(ATTACHMENT_MAX_MEGABYTES)))).toBeVisible();
  await page.getByRole('button', { name: fr.attachments.upload }).click();
  await expect(page.getByTestId('attachments-table').getByRole('row')).toHaveCount(2);

  // Consent to processing.
  await page.getByRole('button', { name: fr.consents.record }).click();
  await expect(page.getByTestId('consents-table')).toContainText(fr.consentKinds.processing);
  await expect(page.getByTestId('consents-table')).toContainText(fr.consents.active);

  expect(await untranslatedText(page, 'fr')).toEqual([]);
  await snap('fr-person');
  await snapPart(track, 'fr-track');
  await snapPart(page.getByRole('region', { name: fr.person.sectionAttachments }), 'fr-attachments');
});

test('the list at scale: only a window of rows in the page, End reaches the last person, search narrows at once', async ({
  page,
  bridge,
  invoke,
  seedVault,
}) => {
  const COUNT = 5_000;
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  const today = await pageToday(page);
  const admin = (await invoke('users.list', {}))[0]!;
  const people = Array.from(inventedPersons(20260601, COUNT, today, 1));
  loadInventedPersons((fn) => bridge.core.vault.write(({ db }) => fn(db)), people, { prefix: 'MAI', today, caseworkerIds: [admin.id] });

  await openPersons(page);
  await page.getByRole('combobox', { name: en.persons.status }).selectOption({ label: en.persons.statusAll });
  await expect(page.getByTestId('person-count')).toHaveText(en.persons.found.replace('{{number}}', new Intl.NumberFormat('en').format(COUNT)));
  const grid = page.getByRole('grid');
  await expect(grid).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  const rows = grid.locator('[role="row"][data-index]');
  expect(await rows.count()).toBeLessThan(60);

  // End: the last person, fetched as its window scrolls into view, focused.
  await rows.first().focus();
  await page.keyboard.press('End');
  const focused = grid.locator('[role="row"]:focus');
  await expect(focused).toHaveAttribute('aria-rowindex', String(COUNT + 1));
  await expect(focused).toHaveAttribute('data-person-id', /.+/);
  expect(await rows.count()).toBeLessThan(60);
  await page.keyboard.press('PageUp');
  await expect(grid.locator('[role="row"]:focus')).not.toHaveAttribute('aria-rowindex', String(COUNT + 1));

  // A search by case code answers with that one person.
  const target = await invoke('persons.list', { search: '', status: 'all', sort: 'caseCode', offset: 1234, limit: 1 });
  const caseCode = target.items[0]!.caseCode;
  await page.getByRole('searchbox', { name: en.persons.search }).fill(caseCode);
  await expect(page.getByTestId('person-count')).toHaveText(en.persons.found.replace('{{number}}', '1'));
  await expect(rows.first()).toHaveAttribute('data-testid', `person-row-${caseCode}`);
});

test('a coordinator edits a person (age in doubt, caseworker) and corrects a wrongly recorded event', async ({ page, invoke, seedVault, snap }) => {
  const COLETTE = { username: 'colette.coord', displayName: 'Colette Coordinator', password: 'a coordinator password', role: 'coordinator' } as const;
  await seedVault({ users: [COLETTE, CARLA] });
  await invoke('session.unlock', { username: COLETTE.username, password: COLETTE.password });
  await page.goto('/');
  const today = await pageToday(page);
  const person = await createPerson(invoke, { givenNames: 'Sana', familyName: 'Okoro', dateOfBirth: { precision: 'exact', date: '1999-10-10' } }, [
    { type: 'annex15Issued', date: addDays(today, -3) },
    { type: 'statementMade', date: addDays(today, -1) },
  ]);

  await openPersons(page);
  await page.getByTestId(`person-row-${person.caseCode}`).click();
  await page.getByRole('button', { name: en.person.edit }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.personForm.editTitle.replace('{{caseCode}}', person.caseCode) })).toBeVisible();
  await expect(page.getByRole('textbox', { name: en.personForm.dobDate })).toHaveValue('10-10-1999');
  await page.getByRole('checkbox', { name: en.personForm.ageInDoubt }).check();
  await expect(page.getByTestId('derived-minor-status')).toContainText(en.minorBasis.ageInDoubt);
  await page.getByRole('combobox', { name: en.personForm.caseworker }).selectOption({ label: `${CARLA.displayName} (${en.roles.caseworker})` });
  await page.getByRole('button', { name: en.personForm.save }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Okoro, Sana' })).toBeVisible();
  await expect(page.getByTestId('person-minor-status')).toContainText(en.minorBasis.ageInDoubt);
  await expect(page.getByText(en.person.caseworker.replace('{{name}}', CARLA.displayName))).toBeVisible();

  // The statement was entered in error: removed with a reason, the track is back in phase 1.
  const track = page.getByRole('region', { name: en.procedure.trackTitle.replace('{{country}}', en.countries.BE) });
  await expect(track.getByTestId('phase-BE')).toHaveText(phase('be.attestation').en);
  await track
    .getByRole('button', { name: en.procedure.removeEventOf.replace('{{event}}', event('statementMade').en).replace('{{date}}', withWeekday(addDays(today, -1))) })
    .click();
  const dialog = page.getByRole('dialog', { name: en.procedure.removeTitle });
  await dialog.getByRole('combobox', { name: en.procedure.removeReason }).selectOption({ label: en.removalReasons.enteredInError });
  await dialog.getByRole('button', { name: en.procedure.removeConfirm }).click();
  await expect(dialog).toHaveCount(0);
  await expect(track.getByTestId('phase-BE')).toHaveText(phase('be.reflection').en);
  await expect(track.getByTestId('due-BE-reflectionPeriodEnd')).toContainText(withWeekday(addDays(today, 42)));
  await expect(track.getByTestId('timeline-BE').locator('li')).toHaveCount(1);
  await snap('edited');

  // The list shows the new status and caseworker.
  await page.getByRole('button', { name: en.person.back }).click();
  const row = page.getByTestId(`person-row-${person.caseCode}`);
  await expect(row).toContainText(en.minorStatus.presumedMinor);
  await expect(row).toContainText(CARLA.displayName);
});

test('an administrator deletes a record for good after typing its case code; a coordinator is not offered it', async ({ page, invoke, seedVault, snap }) => {
  const COLETTE = { username: 'colette.coord', displayName: 'Colette Coordinator', password: 'a coordinator password', role: 'coordinator' } as const;
  await seedVault({ users: [COLETTE] });
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  const gone = await createPerson(invoke, { givenNames: 'Lena', familyName: 'Varga' });
  const kept = await createPerson(invoke, { givenNames: 'Omar', familyName: 'Haddad' });

  await openPersons(page);
  await page.getByTestId(`person-row-${gone.caseCode}`).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Varga, Lena' })).toBeVisible();
  const section = page.getByRole('region', { name: en.personErase.title });
  await section.getByRole('button', { name: en.personErase.open }).click();
  const dialog = page.getByRole('dialog', { name: en.personErase.dialogTitle.replace('{{caseCode}}', gone.caseCode) });
  await expect(dialog).toContainText(en.personErase.backups);
  const confirmField = dialog.getByRole('textbox', { name: en.personErase.confirmLabel.replace('{{caseCode}}', gone.caseCode) });
  await expect(confirmField).toBeFocused();
  const confirm = dialog.getByRole('button', { name: en.personErase.confirm });
  // The button stays off until the case code is typed; another case code does not do.
  await expect(confirm).toBeDisabled();
  await confirmField.fill(kept.caseCode);
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('combobox', { name: en.personErase.reason }).selectOption({ label: en.eraseReasons.personRequest });
  await confirmField.fill(gone.caseCode.toLowerCase());
  await snap('erase-dialog');
  await confirmField.press('Enter');

  // Back on the list, without the record; the trail says why, with the uuid only.
  await expect(page.getByText(en.personErase.done.replace('{{caseCode}}', gone.caseCode))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: en.persons.title })).toBeVisible();
  const rows = page.getByRole('grid').locator('[role="row"][data-person-id]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-testid', `person-row-${kept.caseCode}`);
  const last = (await invoke('audit.list', { limit: 5 })).find((e) => e.action === 'person.erase');
  expect(last).toMatchObject({ subjectType: 'person', subjectId: gone.id });

  // A coordinator sees every case, but deleting one is an administrator's act.
  await invoke('session.lock', {});
  await unlockInUi(page, COLETTE);
  await openPersons(page);
  await page.getByTestId(`person-row-${kept.caseCode}`).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Haddad, Omar' })).toBeVisible();
  await expect(page.getByRole('region', { name: en.personErase.title })).toHaveCount(0);
});
