/**
 * Daily casework journeys in Dutch, French and English: "Done" on an overdue procedure deadline asks
 * what happened and records the event the rules allow (the deadline then leaves the dashboard, the
 * person list and the person page together), or notes a follow-up that keeps it overdue everywhere;
 * a sharing consent names its partner by picking it from the verified partners (search as you type),
 * and the organisation id is what is stored.
 */
import { addDays } from '../../shared/dates/calendar-date';
import { RULE_TABLES } from '../../shared/rules/index';
import { ADMIN, expect, test, TRANSLATIONS, unlockInUi } from './fixtures';
import { expectAccessible, LANGUAGES, pageToday, shots, useLanguage } from './casework-helpers';

function eventName(type: string, language: 'en' | 'nl' | 'fr'): string {
  const rule = RULE_TABLES.BE.events.filter((e) => e.type === type).at(-1);
  return rule ? rule.label[language] : type;
}

for (const language of LANGUAGES) {
  test(`dashboard Done records the procedure event, or a follow-up that stays overdue (${language})`, async ({ page, bridge, invoke, seedVault }, testInfo) => {
    test.setTimeout(120_000);
    const t = TRANSLATIONS[language];
    await seedVault();
    await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
    await page.goto('/');
    const today = await pageToday(page);
    const make = async (given: string) => {
      const detail = await invoke('persons.create', { givenNames: given, familyName: 'Vantorre' });
      const track = await invoke('procedure.openTrack', { personId: detail.person.id, country: 'BE' });
      await invoke('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: addDays(today, -50) } });
      return { ...detail.person, itemId: `procedure:${track.id}:reflectionPeriodEnd` };
    };
    const a = await make('Elira');
    const b = await make('Mirela');
    await invoke('session.lock', {});
    await useLanguage(invoke, language);
    await page.reload();
    await unlockInUi(page, ADMIN, t);

    // Something happened: the statement, an event the rules allow now.
    const overdue = page.getByTestId('dashboard-group-overdue');
    await overdue.getByTestId(`reminder-row-${a.itemId}`).getByRole('button', { name: new RegExp(`^${t.reminders.markDone}`) }).click();
    const dialog = page.getByRole('dialog', { name: t.casework.doneTitle });
    await expect(dialog.getByRole('radio', { name: t.casework.outcomeEvent })).toBeChecked();
    await dialog.getByRole('combobox', { name: t.procedure.eventType }).selectOption({ label: eventName('statementMade', language) });
    await expectAccessible(page, 'done dialog, event chosen');
    await shots(page, testInfo, `${language}-journey-done-event`);
    await dialog.getByRole('button', { name: t.procedure.record }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId(`reminder-row-${a.itemId}`)).toHaveCount(0);
    const track = (await bridge.core.router.call('persons.get', { id: a.id })) as { ok: true; value: { tracks: { events: { type: string }[] }[] } };
    expect(track.value.tracks[0]?.events.map((e) => e.type)).toEqual(['annex15Issued', 'statementMade']);

    // Nothing happened yet: a dated follow-up; the deadline stays overdue on all three screens.
    await overdue.getByTestId(`reminder-row-${b.itemId}`).getByRole('button', { name: new RegExp(`^${t.reminders.markDone}`) }).click();
    await page.getByRole('dialog', { name: t.casework.doneTitle }).getByRole('radio', { name: t.casework.outcomeFollowUp }).check();
    await page.getByRole('dialog').getByRole('textbox', { name: t.reminders.note }).fill('Called the lawyer');
    await page.getByRole('dialog').getByRole('button', { name: t.casework.followUpConfirm }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const rowB = overdue.getByTestId(`reminder-row-${b.itemId}`);
    await expect(rowB).toBeVisible();
    await expect(rowB.getByTestId('followed-up')).toBeVisible();
    await shots(page, testInfo, `${language}-journey-followed-up`);
    await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.shell.persons, exact: true }).click();
    await expect(page.getByTestId(`person-row-${b.caseCode}`)).toHaveAttribute('data-urgency', 'overdue');
    await page.getByTestId(`person-row-${b.caseCode}`).click();
    await expect(page.getByTestId('person-due-BE-reflectionPeriodEnd').locator('[data-urgency]')).toHaveAttribute('data-urgency', 'overdue');
  });

  test(`a sharing consent names the partner picked from the list (${language})`, async ({ page, bridge, invoke, seedVault }, testInfo) => {
    test.setTimeout(120_000);
    const t = TRANSLATIONS[language];
    await seedVault();
    await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
    // A verified partner in Luxembourg, from its key card (a second vault's card, compared digit by digit).
    const { startBridge } = await import('./bridge/server');
    const lu = await startBridge({});
    try {
      const luCall = async <T,>(channel: string, input: unknown): Promise<T> => {
        const r = await lu.core.router.call(channel as never, input as never);
        if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
        return r.value as T;
      };
      await luCall('vault.setup', { organisationName: 'Service Exemple Lëtzebuerg', country: 'LU', admin: ADMIN });
      const card = await luCall<{ file: { contentBase64: string }; fingerprint: { display: string } }>('keys.card', {});
      const imported = await invoke('partners.import', { fileBase64: card.file.contentBase64 });
      await invoke('partners.verify', { orgId: imported.partner.orgId, fingerprint: card.fingerprint.display });
      const detail = await invoke('persons.create', { givenNames: 'Amani', familyName: 'Oyelaran' });
      await invoke('session.lock', {});
      await useLanguage(invoke, language);
      await page.goto('/');
      await unlockInUi(page, ADMIN, t);
      await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.shell.persons, exact: true }).click();
      await page.getByTestId(`person-row-${detail.person.caseCode}`).click();
      await page.getByTestId('person-section-bar').getByRole('button', { name: t.person.sectionConsents }).click();

      const form = page.getByTestId('consent-form');
      await form.getByRole('combobox', { name: t.consents.kind }).selectOption('sharing');
      const partner = form.getByRole('combobox', { name: t.consents.partner, exact: true });
      await partner.fill('Exemple');
      await page.getByRole('option', { name: 'Service Exemple Lëtzebuerg (LU)' }).click();
      await form.getByRole('checkbox', { name: t.dataCategories.identity }).check();
      await expectAccessible(page, 'consent form with a partner picked');
      await shots(page, testInfo, `${language}-journey-consent`);
      await form.getByRole('button', { name: t.consents.record }).click();
      await expect(page.getByTestId('consents-table')).toContainText('Service Exemple Lëtzebuerg');
      const stored = bridge.core.vault.read((db) => db.$client.prepare('SELECT partner, partner_org_id AS orgId FROM consents').all());
      expect(stored).toEqual([{ partner: 'Service Exemple Lëtzebuerg', orgId: imported.partner.orgId }]);
    } finally {
      await lu.close();
    }
  });
}
