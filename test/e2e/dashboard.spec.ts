/**
 * The deadlines dashboard in the real UI: the home screen after unlock groups the
 * deadlines; an overdue deadline appears in the overdue group and its row opens the right person, with
 * a click and with the keyboard; done and snooze ask for a reason and are audited with the person's uuid
 * only; a task made in the dialog appears in its group; a caseworker has only their own cases; the
 * calendar export is a download without personal data in its name or content.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays, formatDate, weekdayId, type CalendarDate } from '../../shared/dates/calendar-date';
import { en, type Translation } from '../../shared/i18n/en';
import { nl } from '../../shared/i18n/nl';
import type { In } from '../../shared/ipc/contract';
import { previousWorkingDay } from '../../shared/reminders/working-days';
import { DUE_KIND_LABELS } from '../../shared/rules/common.rules';
import { ADMIN, expect, test, unlockInUi, untranslatedText } from './fixtures';

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

const CARLA = { username: 'carla.caseworker', displayName: 'Carla Caseworker', password: 'a long caseworker password', role: 'caseworker' } as const;

/** Today in the page (Europe/Brussels). */
async function pageToday(page: Page): Promise<CalendarDate> {
  return (await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  })) as CalendarDate;
}

function withWeekday(date: CalendarDate, t: Translation = en): string {
  return t.dates.withWeekday.replace('{{weekday}}', t.weekdays[weekdayId(date)]).replace('{{date}}', formatDate(date));
}

/** A person with a Belgian track whose annex 15 was issued on `annex15` (the reflection period ends 45 days later). */
async function personWithReflection(invoke: Fixtures['invoke'], fields: In<'persons.create'>, annex15: CalendarDate) {
  const detail = await invoke('persons.create', fields);
  const track = await invoke('procedure.openTrack', { personId: detail.person.id, country: 'BE' });
  await invoke('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: annex15 } });
  return { person: detail.person, itemId: `procedure:${track.id}:reflectionPeriodEnd` };
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: en.shell.navigation });
}

test('an overdue deadline appears in the overdue group, and its row opens the right person (click and keyboard)', async ({
  page,
  invoke,
  seedVault,
  snap,
}) => {
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  const today = await pageToday(page);
  const overdue = await personWithReflection(invoke, { givenNames: 'Elira', familyName: 'Vantorre' }, addDays(today, -50));
  const soon = await personWithReflection(invoke, { givenNames: 'Tomas', familyName: 'Brennet' }, addDays(today, -40));
  // A deadline on the first Saturday after next week: flagged, with the working day to act by.
  let saturday = addDays(today, 8);
  while (weekdayId(saturday) !== 'saturday') saturday = addDays(saturday, 1);
  const weekend = await personWithReflection(invoke, { givenNames: 'Sami', familyName: 'Weekend' }, addDays(saturday, -45));
  await invoke('session.lock', {});

  await unlockInUi(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: en.home.title.replace('{{name}}', ADMIN.displayName) })).toBeVisible();
  const overdueGroup = page.getByRole('region', { name: en.reminders.groups.overdue });
  const row = overdueGroup.getByTestId(`reminder-row-${overdue.itemId}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(overdue.person.caseCode);
  await expect(row).toContainText('Vantorre, Elira');
  await expect(row).toContainText(DUE_KIND_LABELS.reflectionPeriodEnd.en);
  await expect(row).toContainText(withWeekday(addDays(today, -5)));
  await expect(row).toContainText(en.deadline.overdueDays.replace('{{days}}', '5'));
  await expect(overdueGroup.getByRole('row')).toHaveCount(2); // header and the one deadline
  // The other one is not overdue: due in 5 days, this week or within 30 days.
  await expect(overdueGroup.getByTestId(`reminder-row-${soon.itemId}`)).toHaveCount(0);
  await expect(page.getByTestId(`reminder-row-${soon.itemId}`)).toContainText(en.deadline.inDays.replace('{{days}}', '5'));
  const flag = page.getByTestId(`reminder-row-${weekend.itemId}`).getByTestId('non-working');
  await expect(flag).toHaveText(
    en.reminders.nonWorkingWeekend.replace('{{day}}', 'Saturday').replace('{{date}}', withWeekday(previousWorkingDay(saturday, 'BE'))),
  );
  await snap('1-dashboard');

  // One click on the row opens the person.
  await row.getByText('Vantorre, Elira').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vantorre, Elira' })).toBeVisible();
  await expect(page.getByTestId('person-case-code')).toHaveText(overdue.person.caseCode);
  await snap('2-person');

  // And from the keyboard: Tab to the case code, Enter.
  await nav(page).getByRole('button', { name: en.shell.home, exact: true }).click();
  const openButton = page.getByRole('button', { name: en.reminders.openPerson.replace('{{caseCode}}', soon.person.caseCode) });
  await openButton.focus();
  await expect(openButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Brennet, Tomas' })).toBeVisible();
});

test('done (a follow-up) and snooze ask for a reason, are audited with the person uuid only, and the row can be reopened', async ({
  page,
  bridge,
  invoke,
  seedVault,
  snap,
}) => {
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  const today = await pageToday(page);
  const a = await personWithReflection(invoke, { givenNames: 'Mira', familyName: 'Kalo' }, addDays(today, -50));
  const b = await personWithReflection(invoke, { givenNames: 'Ana', familyName: 'Doru' }, addDays(today, -30));
  await invoke('session.lock', {});
  await unlockInUi(page, ADMIN);

  const rowA = page.getByTestId(`reminder-row-${a.itemId}`);
  const what = DUE_KIND_LABELS.reflectionPeriodEnd.en;
  await rowA.getByRole('button', { name: en.reminders.markDoneOf.replace('{{what}}', what).replace('{{caseCode}}', a.person.caseCode) }).click();
  // A procedure deadline ends with its event: with nothing happened yet, a follow-up keeps it overdue.
  const dialog = page.getByRole('dialog', { name: en.casework.doneTitle });
  await dialog.getByRole('radio', { name: en.casework.outcomeFollowUp }).check();
  await dialog.getByRole('textbox', { name: en.reminders.note }).fill('Lawyer Zyxwv confirmed');
  await snap('1-done-dialog');
  await dialog.getByRole('button', { name: en.casework.followUpConfirm }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rowA.getByTestId('followed-up')).toBeVisible();
  await expect(page.getByTestId('dashboard-group-overdue')).toHaveAttribute('data-total', '1');

  // Snooze: a day after today; the latest day is named in the dialog.
  const rowB = page.getByTestId(`reminder-row-${b.itemId}`);
  await rowB.getByRole('button', { name: en.reminders.snoozeOf.replace('{{what}}', what).replace('{{caseCode}}', b.person.caseCode) }).click();
  const snooze = page.getByRole('dialog', { name: en.reminders.snoozeTitle });
  const until = snooze.getByRole('textbox', { name: en.reminders.snoozeUntil });
  await until.fill(formatDate(today));
  await snooze.getByRole('button', { name: en.reminders.snoozeConfirm }).click();
  await expect(snooze.getByText(en.errors.snoozeInPast)).toBeVisible();
  await until.fill(formatDate(addDays(today, 3)));
  await snooze.getByRole('combobox', { name: en.reminders.reason }).selectOption({ label: en.reminders.snoozeReasons.waitingForAuthority });
  await snap('2-snooze-dialog');
  await snooze.getByRole('button', { name: en.reminders.snoozeConfirm }).click();
  await expect(rowB).toHaveCount(0);

  // The snoozed one is listed as handled, and reopened.
  await page.getByRole('button', { name: en.reminders.showHandled.replace('{{count}}', '1') }).click();
  const handled = page.getByTestId('dashboard-handled');
  await expect(handled.getByTestId(`reminder-row-${b.itemId}`)).toContainText(
    en.reminders.stateSnoozed.replace('{{date}}', withWeekday(addDays(today, 3))),
  );
  await snap('3-handled');
  await handled.getByRole('button', { name: en.reminders.reopenOf.replace('{{what}}', what).replace('{{caseCode}}', b.person.caseCode) }).click();
  await expect(page.locator('[data-testid^="dashboard-group-"]').getByTestId(`reminder-row-${b.itemId}`)).toBeVisible();

  // The audit trail: the action and the person's uuid, nothing else.
  const entries = bridge.core.audit.latest({ limit: 20 }).filter((e) => e.action.startsWith('reminder.'));
  expect(entries.map((e) => [e.action, e.subjectType, e.subjectId])).toEqual([
    ['reminder.reopen', 'person', b.person.id],
    ['reminder.snooze', 'person', b.person.id],
    ['reminder.done', 'person', a.person.id],
  ]);
  const trail = JSON.stringify(bridge.core.vault.read((db) => db.$client.prepare('SELECT * FROM audit_log').all()));
  for (const secret of ['Zyxwv', 'followedUp', 'waitingForAuthority', 'Kalo', a.person.caseCode]) expect(trail).not.toContain(secret);
});

test('a task made in the dialog appears in its group; the calendar export is a download named by date only', async ({
  page,
  invoke,
  seedVault,
  snap,
}) => {
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  const today = await pageToday(page);
  const p = await personWithReflection(invoke, { givenNames: 'Noor', familyName: 'Vey' }, addDays(today, -20));
  await invoke('session.lock', {});
  await unlockInUi(page, ADMIN);
  await expect(page.getByTestId(`reminder-row-${p.itemId}`)).toBeVisible();

  await page.getByRole('button', { name: en.reminders.newTask }).click();
  const dialog = page.getByRole('dialog', { name: en.reminders.task.newTitle });
  await dialog.getByRole('textbox', { name: en.reminders.task.title }).fill('Book an interpreter for the hearing');
  await dialog.getByRole('textbox', { name: en.reminders.task.dueDate }).fill(formatDate(today));
  const person = dialog.getByRole('combobox', { name: en.reminders.task.person });
  await person.fill('Vey');
  await page.getByRole('option', { name: `${p.person.caseCode} · Vey, Noor` }).click();
  await snap('1-task-dialog');
  await dialog.getByRole('button', { name: en.reminders.task.create }).click();
  await expect(dialog).toHaveCount(0);
  const todayGroup = page.getByRole('region', { name: en.reminders.groups.today });
  const taskRow = todayGroup.locator('[data-kind="task"]');
  await expect(taskRow).toContainText(en.reminders.taskWhat.replace('{{title}}', 'Book an interpreter for the hearing'));
  await expect(taskRow).toContainText(p.person.caseCode);
  await expect(taskRow).toContainText('Vey, Noor');
  await snap('2-task-row');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: en.reminders.exportCalendar }).click()]);
  expect(download.suggestedFilename()).toBe(`passerelle-deadlines-${today}.ics`);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toContain(`Reflection period ends: ${p.person.caseCode}`);
  expect(text).toContain(`A task is due: ${p.person.caseCode}`);
  for (const secret of ['Noor', 'Vey', 'interpreter']) expect(text).not.toContain(secret);
});

test('a caseworker has only "my cases" (their own deadlines, no scope switch), here in Dutch with nothing untranslated', async ({
  page,
  invoke,
  seedVault,
  snap,
}) => {
  await seedVault({ users: [CARLA] });
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  const today = await pageToday(page);
  const users = await invoke('users.list', {});
  const carlaId = users.find((u) => u.username === CARLA.username)!.id;
  const mine = await personWithReflection(invoke, { givenNames: 'Ines', familyName: 'Moreau', caseworkerId: carlaId }, addDays(today, -48));
  const other = await personWithReflection(invoke, { givenNames: 'Jonas', familyName: 'Verbeke' }, addDays(today, -48));
  await invoke('tasks.create', { title: 'Bel de advocaat', dueDate: addDays(today, 2), assigneeId: carlaId, personId: mine.person.id });
  await invoke('session.lock', {});
  await invoke('prefs.set', { language: 'nl' });

  await page.reload();
  await unlockInUi(page, CARLA, nl);
  await expect(page.getByTestId('dashboard-scope')).toHaveText(nl.reminders.scopeOnlyMine);
  await expect(page.getByRole('radiogroup', { name: nl.reminders.scope })).toHaveCount(0);
  const row = page.getByTestId(`reminder-row-${mine.itemId}`);
  await expect(row).toContainText(DUE_KIND_LABELS.reflectionPeriodEnd.nl);
  await expect(row).toContainText(nl.deadline.overdueDays.replace('{{days}}', '3'));
  await expect(page.locator('[data-kind="task"]')).toContainText(nl.reminders.taskWhat.replace('{{title}}', 'Bel de advocaat'));
  await expect(page.getByTestId(`reminder-row-${other.itemId}`)).toHaveCount(0);
  await expect(page.getByText('Verbeke')).toHaveCount(0);
  expect(await untranslatedText(page, 'nl')).toEqual([]);
  await snap('caseworker-nl');
});

test('reminder settings: an admin changes the lead times; the desktop preferences say what this build cannot do', async ({
  page,
  invoke,
  seedVault,
  snap,
}) => {
  await seedVault();
  await page.goto('/');
  await unlockInUi(page, ADMIN);
  await nav(page).getByRole('button', { name: en.shell.settings, exact: true }).click();
  const section = page.getByTestId('reminder-settings');
  await expect(section.getByRole('heading', { name: en.reminders.settings.title })).toBeVisible();
  // The test bridge has no desktop notifications and no tray: said, and the switches are off.
  await expect(section.getByTestId('reminder-prefs-unsupported')).toHaveText(en.reminders.settings.unsupported);
  await expect(section.getByRole('switch', { name: en.reminders.settings.tray })).toBeDisabled();

  const reflection = section.getByRole('textbox', { name: DUE_KIND_LABELS.reflectionPeriodEnd.en, exact: true });
  await expect(reflection).toHaveValue('14, 7, 3, 1, 0');
  await reflection.fill('21, 7, x');
  await section.getByRole('button', { name: en.reminders.settings.saveLead }).click();
  await expect(section.getByText(en.reminders.settings.leadInvalid)).toBeVisible();
  await reflection.fill('0 21 7 7');
  await section.getByRole('button', { name: en.reminders.settings.saveLead }).click();
  await expect(reflection).toHaveValue('21, 7, 0');
  await snap('settings');
  expect((await invoke('reminders.settings', {})).leadDays.reflectionPeriodEnd).toEqual([21, 7, 0]);
});
