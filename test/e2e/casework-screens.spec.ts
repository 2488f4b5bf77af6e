/// <reference lib="dom" />
/**
 * Every main screen and dialog of daily casework, in Dutch, French and English, at the window sizes of
 * a laptop (1366x768) and an office screen (1920x1080): axe-core finds no serious or critical
 * accessibility violation on any of them; the person list shows at least 12 rows at 1366x768 with its
 * deadline and minor cells whole; the first screen of a person's page shows what is due and what may
 * happen next; a new vault's home tells the first steps. Screenshots at both sizes are saved when
 * E2E_SCREENSHOTS is set.
 */
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/domain';
import { ADMIN, expect, test, TRANSLATIONS, unlockInUi, untranslatedText } from './fixtures';
import { expectAccessible, LANGUAGES, pageToday, seedCasework, shots, SMALL, useLanguage } from './casework-helpers';

function nav(page: Page, language: Language) {
  return page.getByRole('navigation', { name: TRANSLATIONS[language].shell.navigation });
}

async function closeDialog(page: Page, language: Language) {
  await page.getByRole('dialog').getByRole('button', { name: TRANSLATIONS[language].common.close }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

for (const language of LANGUAGES) {
  test(`main screens and dialogs: no serious accessibility violation, and they fit a laptop (${language})`, async ({ page, invoke, seedVault }, testInfo) => {
    test.setTimeout(240_000);
    const t = TRANSLATIONS[language];
    await page.setViewportSize(SMALL);
    await seedVault();
    await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
    await page.goto('/');
    const today = await pageToday(page);
    const seed = await seedCasework(invoke, today);
    await invoke('session.lock', {});
    await useLanguage(invoke, language);
    await page.reload();

    await expectAccessible(page, 'unlock');
    await shots(page, testInfo, `${language}-unlock`);
    await unlockInUi(page, ADMIN, t);

    // Home: the dashboard.
    await expect(page.getByTestId('dashboard-group-overdue')).toBeVisible();
    await expect(page.getByTestId('dashboard-missing-expiry')).toContainText(t.casework.noExpiry);
    await expectAccessible(page, 'dashboard');
    await shots(page, testInfo, `${language}-dashboard`);
    expect(await untranslatedText(page, language)).toEqual([]);

    // Its dialogs: done on a procedure deadline, snooze, a new task.
    const row = page.getByTestId(`reminder-row-${seed.overdue.itemId}`);
    await row.getByRole('button', { name: new RegExp(`^${t.reminders.markDone}`) }).click();
    await expect(page.getByTestId('procedure-done-dialog').getByRole('combobox').first()).toBeVisible();
    await expectAccessible(page, 'done dialog');
    await shots(page, testInfo, `${language}-done-dialog`);
    await closeDialog(page, language);
    await row.getByRole('button', { name: new RegExp(`^${t.reminders.snooze}`) }).click();
    await expectAccessible(page, 'snooze dialog');
    await closeDialog(page, language);
    await page.getByRole('button', { name: t.reminders.newTask }).click();
    await expectAccessible(page, 'task dialog');
    await closeDialog(page, language);

    // The person list: 12 rows at least at 1366x768, cells whole.
    await nav(page, language).getByRole('button', { name: t.shell.persons, exact: true }).click();
    const grid = page.getByTestId('person-grid');
    await expect(grid.locator('[role="row"][data-person-id]').first()).toBeVisible();
    await expectAccessible(page, 'person list');
    await shots(page, testInfo, `${language}-persons`);
    const visibleRows = await grid.locator('[role="row"][data-person-id]').evaluateAll((rows) => {
      const scroller = document.querySelector('.person-grid-scroll');
      const box = scroller?.getBoundingClientRect();
      return rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return box && b.top >= box.top - 1 && b.bottom <= box.bottom + 1 && b.bottom <= window.innerHeight;
      }).length;
    });
    expect(visibleRows, 'rows fully visible at 1366x768').toBeGreaterThanOrEqual(12);
    // No cell is cut: what each cell holds fits its width (the Dutch deadline, the minor badge).
    await page.getByTestId('person-search').fill('Oyelaran');
    await expect(grid.getByTestId(`person-row-${seed.dutchMinor.caseCode}`)).toBeVisible();
    await shots(page, testInfo, `${language}-persons-minor`);
    const cut = await grid.locator('[role="gridcell"]').evaluateAll((cells) =>
      cells.flatMap((cell) => {
        // Text that ends in an ellipsis (with its whole text as a tooltip) is shortened on purpose.
        const shortened = (el: Element | null): boolean => {
          for (let e = el; e && e !== cell.parentElement; e = e.parentElement) if (getComputedStyle(e).textOverflow === 'ellipsis') return true;
          return false;
        };
        const inner = [cell, ...Array.from(cell.querySelectorAll<HTMLElement>('*'))];
        const overflowing = inner.filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !shortened(el) && !Array.from(el.querySelectorAll('*')).some(shortened));
        return overflowing.length > 0 ? [`${cell.closest('[role="row"]')?.getAttribute('data-testid') ?? ''}: ${overflowing.map((el) => el.className).join(' | ')}: ${cell.textContent ?? ''}`] : [];
      }),
    );
    expect(cut, 'cells whose content is cut').toEqual([]);
    await page.getByTestId('person-search').fill('');

    // The person page: what is due, and what may happen next, on the first screen.
    await grid.getByTestId(`person-row-${seed.overdue.caseCode}`).click();
    await expect(page.getByTestId('person-page')).toBeVisible();
    const due = page.getByTestId('person-due');
    await expect(due).toContainText(t.casework.dueTitle);
    const dueBox = await due.boundingBox();
    expect(dueBox && dueBox.y + dueBox.height, 'what is due ends inside the first screen').toBeLessThanOrEqual(SMALL.height);
    await expect(page.getByTestId('safety-notes')).toBeInViewport();
    await expectAccessible(page, 'person page');
    await shots(page, testInfo, `${language}-person`);
    // The sticky section bar leads to the checklists, still on screen after scrolling.
    const bar = page.getByTestId('person-section-bar');
    await bar.getByRole('button', { name: t.casework.sectionChecklists }).click();
    await expect(page.getByRole('heading', { name: t.casework.sectionChecklists, level: 2 })).toBeInViewport();
    await expect(bar).toBeInViewport();
    await shots(page, testInfo, `${language}-person-checklists`);
    await bar.getByRole('button', { name: t.person.sectionConsents }).click();
    await shots(page, testInfo, `${language}-person-consents`);

    // The person with a permit recorded without its expiry.
    await nav(page, language).getByRole('button', { name: t.shell.persons, exact: true }).click();
    await expect(grid.getByTestId(`person-row-${seed.noExpiry.caseCode}`)).toContainText(t.casework.noExpiry);
    await grid.getByTestId(`person-row-${seed.noExpiry.caseCode}`).click();
    await expect(page.getByTestId('missing-expiry-NL')).toContainText(t.casework.noExpiry);
    await expect(page.getByTestId('person-missing-expiry-NL')).toBeInViewport();
    await expectAccessible(page, 'person page without expiry');
    await shots(page, testInfo, `${language}-person-no-expiry`);

    // The other main screens.
    for (const [name, label] of [
      ['handovers', t.handoverNav.handovers],
      ['partners', t.handoverNav.partners],
      ['directory', t.handoverNav.directory],
      ['users', t.shell.users],
      ['settings', t.shell.settings],
      ['audit', t.shell.audit],
    ] as const) {
      await nav(page, language).getByRole('button', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, name);
      await shots(page, testInfo, `${language}-${name}`);
    }
  });
}

test('a new vault home tells the first steps: add staff, register a person, exchange key cards', async ({ page, seedVault }, testInfo) => {
  await seedVault();
  await page.goto('/');
  await unlockInUi(page, ADMIN);
  const steps = page.getByTestId('first-steps');
  await expect(steps).toBeVisible();
  await expect(steps.getByTestId('first-step-staff')).toContainText(TRANSLATIONS.en.casework.stepStaff);
  await expect(steps.getByTestId('first-step-person')).toContainText(TRANSLATIONS.en.casework.stepPerson);
  await expect(steps.getByTestId('first-step-keys')).toContainText(TRANSLATIONS.en.casework.stepKeys);
  await expectAccessible(page, 'first steps');
  await shots(page, testInfo, 'en-first-steps');
  await steps.getByRole('button', { name: TRANSLATIONS.en.casework.stepPersonButton }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRANSLATIONS.en.personForm.newTitle })).toBeVisible();
});
