/**
 * Brochure quotes in the user's language: a French caseworker reads the rule a Belgian deadline rests on
 * in French, and reveals the Dutch sentence as printed on demand, with the keyboard; a Dutch caseworker
 * reads the original directly (docs/legal-rules.md "How the brochure is quoted").
 */
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/dates/calendar-date';
import { expectAccessible, pageToday, shots, useLanguage, type Invoke } from './casework-helpers';
import { ADMIN, expect, test, TRANSLATIONS, unlockInUi } from './fixtures';

/** A Belgian person whose annex 15 was issued three days ago, opened in `language` after signing in. */
async function openBelgianPerson(page: Page, invoke: Invoke, seedVault: () => Promise<unknown>, language: 'fr' | 'nl'): Promise<void> {
  const t = TRANSLATIONS[language];
  await seedVault();
  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await page.goto('/');
  const today = await pageToday(page);
  const detail = await invoke('persons.create', { givenNames: 'Elira', familyName: 'Vantorre', nationalities: ['AL'] });
  const track = await invoke('procedure.openTrack', { personId: detail.person.id, country: 'BE' });
  await invoke('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: addDays(today, -3) } });
  await invoke('session.lock', {});
  await useLanguage(invoke, language);
  await page.reload();
  await unlockInUi(page, ADMIN, t);
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: t.shell.persons, exact: true }).click();
  await page.getByTestId(`person-row-${detail.person.caseCode}`).click();
}

test('a French caseworker reads the brochure in French and reveals the Dutch original on demand', async ({ page, invoke, seedVault }, testInfo) => {
  test.setTimeout(90_000);
  const t = TRANSLATIONS.fr;
  await openBelgianPerson(page, invoke, seedVault, 'fr');
  // The end of the reflection period rests on brochure §4 BE "Reflectieperiode": "Duur: 45 dagen".
  const source = page.getByTestId('due-source-BE-reflectionPeriodEnd');
  await expect(source.getByTestId('rule-quote')).toHaveText('« Durée : 45 jours »');
  await expect(source).toContainText('brochure §4 BE "Reflectieperiode"');
  await expect(source.getByTestId('rule-quote-original')).toHaveCount(0);
  const show = source.getByRole('button', { name: t.ruleSource.showOriginal });
  await expect(show).toHaveAttribute('aria-expanded', 'false');

  // With the keyboard: focus the disclosure, Enter reveals the sentence as printed, Enter hides it again.
  await show.focus();
  await page.keyboard.press('Enter');
  const hide = source.getByRole('button', { name: t.ruleSource.hideOriginal });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await expect(hide).toBeFocused();
  const original = source.getByTestId('rule-quote-original');
  await expect(original).toHaveText(`${t.ruleSource.original}: “Duur: 45 dagen”`);
  await expect(original).toHaveAttribute('lang', 'nl');
  await expectAccessible(page, 'person page with the Dutch original revealed');
  await source.scrollIntoViewIfNeeded();
  await shots(page, testInfo, 'fr-journey-quote-original');
  await page.keyboard.press('Space');
  await expect(source.getByRole('button', { name: t.ruleSource.showOriginal })).toHaveAttribute('aria-expanded', 'false');
  await expect(source.getByTestId('rule-quote-original')).toHaveCount(0);

  // The entry conditions checklist cites the brochure in French too, each disclosure on its own.
  const checklist = page.getByTestId('checklist-source-be.entryConditions');
  await expect(checklist.getByTestId('rule-quote')).toHaveText('« Trois conditions cumulatives pour ce démarrage »');
  await checklist.getByRole('button', { name: t.ruleSource.showOriginal }).click();
  await expect(checklist.getByTestId('rule-quote-original')).toContainText('“Drie cumulatieve voorwaarden voor deze opstart”');
  await expect(source.getByTestId('rule-quote-original')).toHaveCount(0);

  // The rights of the phase: the annex 15 covers a temporary stay, in French, Dutch on demand.
  const right = page.getByTestId('phase-info-be.info.annex15Stay');
  await expect(right.getByTestId('rule-quote')).toHaveText("« Ce document couvre un séjour temporaire pour l'étranger. »");
  await right.getByRole('button', { name: t.ruleSource.showOriginal }).click();
  await expect(right.getByTestId('rule-quote-original')).toContainText('Dit document dekt een tijdelijk verblijf voor de vreemdeling.');
});

test('a Dutch caseworker reads the brochure as printed, with nothing to reveal', async ({ page, invoke, seedVault }) => {
  await openBelgianPerson(page, invoke, seedVault, 'nl');
  const source = page.getByTestId('due-source-BE-reflectionPeriodEnd');
  await expect(source.getByTestId('rule-quote')).toHaveText('“Duur: 45 dagen”');
  await expect(source.getByRole('button')).toHaveCount(0);
});
