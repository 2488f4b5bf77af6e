/**
 * Team mode on the person page: two browser contexts are two desktops (the test bridge in its client
 * mode, a RemoteRouter over pinned TLS) signed in as two coordinators on one office server on
 * loopback. What a user relies on: a task added on one desktop appears on the other's open person
 * page without a reload; a checklist being filled in on one desktop is not wiped when the other saves
 * the same checklist, and its save then opens the conflict dialog naming who saved first, whose two
 * choices do what they say. The same dialog over a form that is itself a dialog (a note in Dutch, a
 * directory entry in French, a staff member's role, a task on the dashboard): reached by keyboard, no
 * serious axe finding, and Escape closes only the conflict dialog; an event or a "done" sent on an
 * older version is not applied. Run with --workers=1 (docs/team-server.md).
 */
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { en, type Translation } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { nl } from '../../shared/i18n/nl';
import type { PasserelleApi } from '../../shared/ipc/contract';
import { beRules } from '../../shared/rules/be.rules';
import { startTeamServer, type TeamServer } from '../../electron/server/serve';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { silentLogger, systemClock } from '../../electron/core/ports';
import { makeCore, tempDir } from '../helpers/vault';
import { installPasserelleApi } from './bridge/page-api';
import { PAGE_API_OPTIONS, startClientBridge, type ClientBridge } from './bridge/server';
import { expectAccessible, pageToday } from './casework-helpers';
import { unlockInUi, untranslatedText } from './fixtures';

const ADMIN = { username: 'anna.admin', displayName: 'Anna Admin', password: 'correct horse battery staple' };
const CORA = { username: 'cora.coord', displayName: 'Cora Coordinator', password: 'a coordinator password', role: 'coordinator' } as const;
const COLIN = { username: 'colin.coord', displayName: 'Colin Coordinator', password: 'another coordinator password', role: 'coordinator' } as const;
const BRAM = { username: 'bram.admin', displayName: 'Bram Admin', password: 'a second admin password', role: 'admin' } as const;

interface Desktop {
  bridge: ClientBridge;
  context: BrowserContext;
  page: Page;
  problems: string[];
}

const test = base.extend<{ twoDesktops: [Desktop, Desktop] }>({
  twoDesktops: async ({ browser }, use) => {
    const { dir, cleanup } = tempDir('passerelle-team-records-');
    const vaultDir = `${dir}/vault`;
    const core = makeCore(vaultDir, systemClock);
    await core.vault.create({ organisationName: 'Maison Passerelle', country: 'BE', admin: ADMIN });
    for (const user of [CORA, COLIN, BRAM]) await core.users.add(user);
    core.dispose();
    const server = await startTeamServer({
      vaultDir,
      migrationsFolder: MIGRATIONS_DIR,
      host: '127.0.0.1',
      port: 0,
      username: ADMIN.username,
      password: ADMIN.password,
      clock: systemClock,
      logger: silentLogger,
    });
    const desktops = [await openDesktop(browser, server), await openDesktop(browser, server)] as [Desktop, Desktop];
    await use(desktops);
    for (const desktop of desktops) {
      await desktop.context.close();
      await desktop.bridge.close();
    }
    await server.stop();
    cleanup();
    for (const desktop of desktops) expect(desktop.problems, 'the page logged errors').toEqual([]);
  },
});

async function openDesktop(browser: Browser, server: TeamServer): Promise<Desktop> {
  const bridge = await startClientBridge({ server: { url: server.url, fingerprint: server.fingerprint.display } });
  const context = await browser.newContext({ baseURL: bridge.url });
  await context.addInitScript(installPasserelleApi, PAGE_API_OPTIONS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { bridge, context, page, problems };
}

async function signIn(desktop: Desktop, user: { username: string; password: string }, t: Translation = en): Promise<void> {
  await desktop.page.goto('/');
  if (t !== en) await desktop.page.getByRole('combobox', { name: en.language.label }).selectOption(t === nl ? 'nl' : 'fr');
  await unlockInUi(desktop.page, user, t);
  await expect(desktop.page.getByRole('navigation', { name: t.shell.navigation })).toBeVisible();
}

/** A call through the page's own desktop (its bridge, its session on the server). */
async function invokeFromPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ([c, i]) => (globalThis as unknown as { passerelle: PasserelleApi }).passerelle.invoke(c as never, i as never),
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
  return result.value as T;
}

interface Created {
  person: { id: string; caseCode: string };
}

async function openPerson(page: Page, caseCode: string, t: Translation = en): Promise<void> {
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.shell.persons, exact: true }).click();
  await page.getByTestId(`person-row-${caseCode}`).click();
  await expect(page.getByTestId('tasks-panel')).toBeVisible();
}

/**
 * Both desktops signed in (Cora on the first; on the second Colin, or `second`, in its language), a
 * person with a Belgian track, open on both.
 */
async function personOnBoth(
  [one, two]: [Desktop, Desktop],
  second: { user: { username: string; password: string }; t: Translation } = { user: COLIN, t: en },
): Promise<Created & { trackId: string }> {
  await signIn(one, CORA);
  await signIn(two, second.user, second.t);
  const created = await invokeFromPage<Created>(one.page, 'persons.create', { givenNames: 'Ilse', familyName: 'Marchetti' });
  const track = await invokeFromPage<{ id: string }>(one.page, 'procedure.openTrack', { personId: created.person.id, country: 'BE' });
  await openPerson(one.page, created.person.caseCode);
  await openPerson(two.page, created.person.caseCode, second.t);
  await expect.poll(() => two.bridge.eventClients()).toBe(1);
  return { ...created, trackId: track.id };
}

const item = (page: Page, id: string) => page.getByTestId(`checklist-item-${id}`);

test('a task added on one desktop appears on the other desktop’s open person page without a reload', async ({ twoDesktops }) => {
  const [one, two] = twoDesktops;
  await personOnBoth(twoDesktops);
  await two.page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
  // Something typed on the second desktop stays while its list is read again.
  await two.page.getByTestId('person-task-title').fill('Half-typed task');

  await one.page.getByTestId('person-task-title').fill('Book an interpreter for Tuesday');
  await one.page.getByTestId('save-person-task').click();
  await expect(one.page.getByTestId('person-tasks')).toContainText('Book an interpreter for Tuesday');

  await expect(two.page.getByTestId('person-tasks')).toContainText('Book an interpreter for Tuesday', { timeout: 1500 });
  await expect(two.page.getByTestId('person-task-title')).toHaveValue('Half-typed task');
  expect(await two.page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('both fill in the same checklist: the second save opens the conflict dialog; re-apply keeps both answers, reload shows theirs', async ({
  twoDesktops,
}) => {
  const [one, two] = twoDesktops;
  const { person, trackId } = await personOnBoth(twoDesktops);
  const dialog = two.page.getByRole('dialog', { name: en.team.conflictTitle });
  const save = (page: Page) => page.getByTestId('checklist-save-be.entryConditions').click();

  // Colin starts on one condition; Cora answers another and saves first.
  await item(two.page, 'be.entry.cooperation').getByRole('radio', { name: 'Met', exact: true }).check();
  await item(one.page, 'be.entry.breakContact').getByRole('radio', { name: 'Not met', exact: true }).check();
  await save(one.page);
  // Colin's page follows Cora's save, and his unsaved answer is still in the form.
  await expect(item(two.page, 'be.entry.breakContact')).toHaveAttribute('data-status', 'notMet', { timeout: 1500 });
  await expect(item(two.page, 'be.entry.cooperation').getByRole('radio', { name: 'Met', exact: true })).toBeChecked();

  await save(two.page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${CORA.displayName} saved this record on`);
  await expect(dialog.getByRole('button', { name: en.team.conflictReload })).toBeFocused();
  await dialog.getByRole('button', { name: en.team.conflictReapply }).click();
  await expect(dialog).toBeHidden();
  await expect(item(two.page, 'be.entry.cooperation')).toHaveAttribute('data-status', 'met');
  const answers = async () => {
    const detail = await invokeFromPage<{ tracks: { id: string; checklists: { items: { id: string; answer: { status: string } | null }[] }[] }[] }>(
      one.page,
      'persons.get',
      { id: person.id },
    );
    const items = detail.tracks.find((t) => t.id === trackId)?.checklists[0]?.items ?? [];
    return Object.fromEntries(items.map((i) => [i.id, i.answer?.status ?? null]));
  };
  expect(await answers()).toMatchObject({ 'be.entry.breakContact': 'notMet', 'be.entry.cooperation': 'met' });

  // Reload: Colin changes his answer while Cora saves again; he takes her version, his input goes.
  await expect(item(one.page, 'be.entry.cooperation')).toHaveAttribute('data-status', 'met', { timeout: 1500 });
  await item(two.page, 'be.entry.cooperation').getByRole('radio', { name: 'Not met', exact: true }).check();
  await item(one.page, 'be.entry.breakContact').getByRole('radio', { name: 'Met', exact: true }).check();
  await save(one.page);
  await expect(item(two.page, 'be.entry.breakContact')).toHaveAttribute('data-status', 'met', { timeout: 1500 });
  await save(two.page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: en.team.conflictReload }).click();
  await expect(dialog).toBeHidden();
  await expect(item(two.page, 'be.entry.cooperation').getByRole('radio', { name: 'Met', exact: true })).toBeChecked();
  expect(await answers()).toMatchObject({ 'be.entry.breakContact': 'met', 'be.entry.cooperation': 'met' });
});

test('nl: a note changed on two desktops: the conflict dialog over the note form is keyboard-driven and accessible; Escape keeps the typed change, re-apply saves it', async ({
  twoDesktops,
}) => {
  // Two sign-ins, axe and two rounds of the dialog: longer than a single-desktop test.
  test.slow();
  const [one, two] = twoDesktops;
  // A note can be changed by its author only: Cora, on her office desktop and on a second one in Dutch.
  const { person } = await personOnBoth(twoDesktops, { user: CORA, t: nl });
  const occurredOn = await pageToday(one.page);
  const written = { occurredOn, type: 'visit', body: 'Visited the shelter.' };
  const note = await invokeFromPage<{ id: string; version: number }>(one.page, 'notes.add', { personId: person.id, ...written, correctsId: null });
  const notes = two.page.getByRole('region', { name: nl.casework.notes.title });
  await expect(notes.getByTestId('note-body')).toHaveText(written.body, { timeout: 1500 });

  await notes.getByTestId('note').locator('button', { hasText: nl.casework.notes.edit }).click();
  const noteDialog = two.page.getByRole('dialog', { name: nl.casework.notes.editTitle });
  const body = noteDialog.getByRole('textbox', { name: nl.casework.notes.body });
  const mine = 'Visited the shelter with an interpreter.';
  await body.fill(mine);
  // Meanwhile the same note is changed on the first desktop.
  await invokeFromPage(one.page, 'notes.update', { id: note.id, ...written, body: 'Visited the shelter; met the coordinator.', expectedVersion: note.version });

  const conflict = two.page.getByRole('dialog', { name: nl.team.conflictTitle });
  await noteDialog.getByRole('button', { name: nl.casework.notes.save }).press('Enter');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${CORA.displayName} heeft dit dossier opgeslagen op`);
  await expect(conflict.getByRole('button', { name: nl.team.conflictReload })).toBeFocused();
  await two.page.keyboard.press('Tab');
  await expect(conflict.getByRole('button', { name: nl.team.conflictReapply })).toBeFocused();
  await expectAccessible(two.page, 'the conflict dialog over the note form (nl)');
  expect(await untranslatedText(two.page, 'nl')).toEqual([]);

  // Escape closes only the conflict dialog: the note form stays open with what was typed.
  await two.page.keyboard.press('Escape');
  await expect(conflict).toBeHidden();
  await expect(noteDialog).toBeVisible();
  await expect(body).toHaveValue(mine);

  await noteDialog.getByRole('button', { name: nl.casework.notes.save }).press('Enter');
  await expect(conflict).toBeVisible();
  await two.page.keyboard.press('Tab');
  await two.page.keyboard.press('Enter');
  await expect(conflict).toBeHidden();
  await expect(noteDialog).toBeHidden();
  await expect(notes.getByTestId('note-body')).toHaveText(mine);
  const saved = await invokeFromPage<{ id: string; body: string; version: number }[]>(one.page, 'notes.list', { personId: person.id });
  expect(saved).toMatchObject([{ id: note.id, body: mine, version: note.version + 2 }]);
});

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? `{{${k}}}`);

/** The directory, searched for one entry, with that entry's card. */
async function directoryEntry(page: Page, t: Translation, query: string, testId: string) {
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.handoverNav.directory, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.directory.title })).toBeVisible();
  await page.getByRole('searchbox', { name: t.directory.search }).fill(query);
  return page.getByTestId(testId);
}

test('fr: a directory entry corrected on two desktops: the conflict dialog over the contact form; reload closes the form and shows their number', async ({
  twoDesktops,
}) => {
  test.slow();
  const [one, two] = twoDesktops;
  await signIn(one, CORA);
  await signIn(two, COLIN, fr);
  const payokeOne = await directoryEntry(one.page, en, 'payoke', 'contact-be-payoke');
  const payokeTwo = await directoryEntry(two.page, fr, 'payoke', 'contact-be-payoke');
  await expect.poll(() => two.bridge.eventClients()).toBe(1);

  // Colin starts a correction of Payoke's number in French.
  await payokeTwo.getByRole('button', { name: fill(fr.directory.editOf, { name: 'Payoke ASBL' }) }).click();
  const form = two.page.getByRole('dialog', { name: fill(fr.directory.form.editTitle, { name: 'Payoke ASBL' }) });
  await form.getByRole('textbox', { name: fr.directory.fields.phones }).fill('+32 3 201 16 77');

  // Cora corrects it first; Colin's list follows, his form keeps what he typed.
  await payokeOne.getByRole('button', { name: fill(en.directory.editOf, { name: 'Payoke ASBL' }) }).click();
  const formOne = one.page.getByRole('dialog', { name: fill(en.directory.form.editTitle, { name: 'Payoke ASBL' }) });
  await formOne.getByRole('textbox', { name: en.directory.fields.phones }).fill('+32 3 201 16 99');
  await formOne.getByRole('button', { name: en.directory.form.save }).click();
  await expect(formOne).toBeHidden();
  await expect(payokeTwo).toContainText('+32 3 201 16 99', { timeout: 1500 });
  await expect(form.getByRole('textbox', { name: fr.directory.fields.phones })).toHaveValue('+32 3 201 16 77');

  await form.getByRole('button', { name: fr.directory.form.save }).press('Enter');
  const conflict = two.page.getByRole('dialog', { name: fr.team.conflictTitle });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${CORA.displayName} a enregistré cette fiche le`);
  await expect(conflict.getByRole('button', { name: fr.team.conflictReload })).toBeFocused();
  await expectAccessible(two.page, 'the conflict dialog over the contact form (fr)');
  expect(await untranslatedText(two.page, 'fr')).toEqual([]);

  // Reload their version: the form closes, nothing of Colin's is saved, the card shows Cora's number.
  await two.page.keyboard.press('Enter');
  await expect(conflict).toBeHidden();
  await expect(form).toBeHidden();
  await expect(payokeTwo).toContainText('+32 3 201 16 99');
  await expect(payokeTwo).not.toContainText('+32 3 201 16 77');
  const list = await invokeFromPage<unknown>(one.page, 'directory.list', {});
  expect(JSON.stringify(list)).not.toContain('+32 3 201 16 77');
});

test('a staff member’s role changed by two administrators: the conflict dialog over the role dialog; re-apply sets the role chosen last', async ({
  twoDesktops,
}) => {
  test.slow();
  const [one, two] = twoDesktops;
  await signIn(one, ADMIN);
  await signIn(two, BRAM);
  await two.page.getByRole('navigation', { name: en.shell.navigation }).getByRole('button', { name: en.shell.users, exact: true }).click();
  const row = two.page.getByRole('row').filter({ hasText: COLIN.username });
  await expect(row).toContainText(en.roles.coordinator);
  await expect.poll(() => two.bridge.eventClients()).toBe(1);

  // Bram opens Colin's role and chooses administrator; meanwhile Anna makes Colin a caseworker.
  await row.getByRole('button', { name: fill(en.users.changeRoleOf, { username: COLIN.username }) }).click();
  const roleDialog = two.page.getByRole('dialog', { name: fill(en.users.changeRoleTitle, { username: COLIN.username }) });
  await roleDialog.getByRole('combobox', { name: en.users.role }).selectOption({ label: en.roles.admin });
  const users = () => invokeFromPage<{ id: string; username: string; role: string; version: number }[]>(one.page, 'users.list', {});
  const colin = (await users()).find((u) => u.username === COLIN.username);
  if (!colin) throw new Error('Colin is missing');
  await invokeFromPage(one.page, 'users.setRole', { userId: colin.id, role: 'caseworker', expectedVersion: colin.version });
  // Bram's list follows; his dialog keeps his choice.
  await expect(row).toContainText(en.roles.caseworker, { timeout: 1500 });
  await expect(roleDialog.getByRole('combobox', { name: en.users.role })).toHaveValue('admin');

  await roleDialog.getByRole('button', { name: en.users.saveRole }).click();
  const conflict = two.page.getByRole('dialog', { name: en.team.conflictTitle });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${ADMIN.displayName} saved this record on`);
  await expectAccessible(two.page, 'the conflict dialog over the role dialog');
  await conflict.getByRole('button', { name: en.team.conflictReapply }).click();
  await expect(conflict).toBeHidden();
  await expect(roleDialog).toBeHidden();
  await expect(row).toContainText(en.roles.admin);
  expect((await users()).find((u) => u.username === COLIN.username)).toMatchObject({ role: 'admin', version: colin.version + 2 });
});

test('an event recorded on one desktop while the other fills in the same track’s event form: the conflict dialog; reload shows theirs and empties the form', async ({
  twoDesktops,
}) => {
  test.slow();
  const [one, two] = twoDesktops;
  const { person, trackId } = await personOnBoth(twoDesktops);
  const annex15 = beRules.events.find((e) => e.type === 'annex15Issued')?.label.en ?? 'annex15Issued';
  const formOf = (page: Page) => page.getByTestId('record-event-BE');

  // Colin chooses the annex 15 on his desktop; Cora records it first on hers.
  await formOf(two.page).getByRole('combobox', { name: en.procedure.eventType }).selectOption({ label: annex15 });
  await formOf(one.page).getByRole('combobox', { name: en.procedure.eventType }).selectOption({ label: annex15 });
  await formOf(one.page).getByRole('button', { name: en.procedure.record }).click();
  await expect(one.page.getByTestId('timeline-BE')).toContainText(annex15);
  // Colin's track follows; his form was changed, so it stays on the version he started from.
  await expect(two.page.getByTestId('timeline-BE')).toContainText(annex15, { timeout: 1500 });

  await formOf(two.page).getByRole('button', { name: en.procedure.record }).click();
  const conflict = two.page.getByRole('dialog', { name: en.team.conflictTitle });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${CORA.displayName} saved this record on`);
  await conflict.getByRole('button', { name: en.team.conflictReload }).click();
  await expect(conflict).toBeHidden();
  await expect(formOf(two.page).getByRole('combobox', { name: en.procedure.eventType })).toHaveValue('');
  const detail = await invokeFromPage<{ tracks: { id: string; events: { type: string }[] }[] }>(one.page, 'persons.get', { id: person.id });
  expect(detail.tracks.find((t) => t.id === trackId)?.events.map((e) => e.type)).toEqual(['annex15Issued']);
});

test('a task on the dashboard changed on another desktop while its dialogs are open: re-apply the edit; a stale “done” is not applied', async ({
  twoDesktops,
}) => {
  test.slow();
  const [one, two] = twoDesktops;
  await signIn(one, CORA);
  await signIn(two, COLIN);
  await two.page.getByRole('navigation', { name: en.shell.navigation }).getByRole('button', { name: en.shell.home, exact: true }).click();
  await expect.poll(() => two.bridge.eventClients()).toBe(1);
  const today = await pageToday(one.page);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const inDays = (n: number) => new Date(Date.UTC(year, month - 1, day + n)).toISOString().slice(0, 10);
  type Task = { id: string; title: string; dueDate: string; state: string; version: number };
  const task = await invokeFromPage<Task>(one.page, 'tasks.create', { title: 'Call the lawyer', dueDate: inDays(2), personId: null });
  const tasks = async () => (await invokeFromPage<Task[]>(one.page, 'tasks.list', {})).find((x) => x.id === task.id);
  const edit = two.page.getByRole('button', { name: fill(en.reminders.task.editOf, { title: 'Call the lawyer' }) });
  await expect(edit).toBeVisible({ timeout: 1500 });

  // Colin retitles the task; Cora moves its due date meanwhile.
  await edit.click();
  const taskDialog = two.page.getByRole('dialog', { name: en.reminders.task.editTitle });
  await taskDialog.getByRole('textbox', { name: en.reminders.task.title }).fill('Call the lawyer about the hearing');
  await invokeFromPage(one.page, 'tasks.update', { id: task.id, dueDate: inDays(3), expectedVersion: task.version });
  await taskDialog.getByRole('button', { name: en.reminders.task.save }).click();
  const conflict = two.page.getByRole('dialog', { name: en.team.conflictTitle });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${CORA.displayName} saved this record on`);
  await expectAccessible(two.page, 'the conflict dialog over the task dialog');
  await conflict.getByRole('button', { name: en.team.conflictReapply }).click();
  await expect(conflict).toBeHidden();
  await expect(taskDialog).toBeHidden();
  expect(await tasks()).toMatchObject({ title: 'Call the lawyer about the hearing', version: task.version + 2 });

  // Colin opens "done"; Cora changes the task first: his done is refused, and reload leaves it open.
  const done = two.page.getByRole('button', { name: /^Done: .*Call the lawyer about the hearing/ });
  await expect(done).toBeVisible();
  await done.click();
  const doneDialog = two.page.getByRole('dialog', { name: en.reminders.doneTitle });
  await expect(doneDialog).toBeVisible();
  await invokeFromPage(one.page, 'tasks.update', { id: task.id, title: 'Call the lawyer (hearing moved)', expectedVersion: task.version + 2 });
  await doneDialog.getByRole('button', { name: en.reminders.doneConfirm }).click();
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: en.team.conflictReload }).click();
  await expect(conflict).toBeHidden();
  await expect(doneDialog).toBeHidden();
  await expect(two.page.getByRole('button', { name: fill(en.reminders.task.editOf, { title: 'Call the lawyer (hearing moved)' }) })).toBeVisible();
  expect(await tasks()).toMatchObject({ state: 'open', version: task.version + 3 });
});
