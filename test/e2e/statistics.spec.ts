/**
 * The Statistics screen and the access request in the real UI, in Dutch, French and English
 * (docs/statistics.md, docs/access-request.md): the year's figures with their charts, small counts
 * shown as "<5" and never present in the page or the exported file, the export a download audited
 * with its parameters; the access request a zip download named without the person's name, with a
 * JSON valid against its schema.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/domain';
import type { Translation } from '../../shared/i18n/en';
import { accessRequestSchema } from '../../shared/privacy/access-request.schema';
import { TABLE_TITLES } from '../../shared/statistics/categories';
import { statisticsReportSchema } from '../../shared/statistics/statistics.schema';
import { ADMIN, expect, test, TRANSLATIONS, unlockInUi, untranslatedText } from './fixtures';

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];

function nav(page: Page, t: Translation) {
  return page.getByRole('navigation', { name: t.shell.navigation });
}

/** Six invented women and two men registered today; six with a Belgian reflection period. */
async function seedPersons(invoke: Fixtures['invoke']) {
  const codes: string[] = [];
  for (let i = 0; i < 8; i++) {
    const detail = await invoke('persons.create', {
      givenNames: `Zelvi${i}`,
      familyName: 'Invented',
      gender: i < 6 ? 'female' : 'male',
      nationalities: ['NG'],
      dateOfBirth: { precision: 'exact', date: '1994-05-01' },
    });
    codes.push(detail.person.caseCode);
    if (i < 6) {
      const track = await invoke('procedure.openTrack', { personId: detail.person.id, country: 'BE' });
      await invoke('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: `${new Date().getFullYear()}-01-10` } });
    }
  }
  return codes;
}

for (const language of LANGUAGES) {
  const t = TRANSLATIONS[language];

  test(`statistics in ${language}: the year's figures with charts, "<5" for small counts, and an audited CSV export`, async ({ page, invoke, seedVault, snap }) => {
    await seedVault();
    await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
    await seedPersons(invoke);
    await invoke('prefs.set', { language });
    await invoke('session.lock', {});
    await page.goto('/');
    await unlockInUi(page, ADMIN, t);
    await nav(page, t).getByRole('button', { name: t.shell.statistics, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.statistics.title })).toBeVisible();
    await expect(page.getByTestId('stat-supported')).toHaveText('8');
    await expect(page.getByTestId('stat-registrations')).toHaveText('8');

    // The sex table: its chart is drawn, the two men are "<5", the total 8.
    const sex = page.getByTestId('stat-table-sex');
    await expect(sex.getByRole('heading', { name: TABLE_TITLES.sex[language] })).toBeVisible();
    await expect(page.getByTestId('stat-chart-sex').locator('svg.recharts-surface').first()).toBeVisible();
    await expect(page.getByTestId('stat-chart-registrations').locator('svg.recharts-surface').first()).toBeVisible();
    const maleRow = sex.getByRole('row', { name: new RegExp(`^${t.genders.male}`) });
    await expect(maleRow.getByRole('cell').last()).toHaveText('<5');
    await expect(sex.getByRole('row').last().getByRole('cell').last()).toHaveText('8');
    // Six reflection periods this year, all running.
    await expect(page.getByTestId('stat-table-reflection').getByRole('row').nth(1).getByRole('cell').last()).toHaveText('6');
    await snap('statistics');
    expect(await untranslatedText(page, language)).toEqual([]);

    // Nothing the page received holds the hidden counts: the report it shows, asked again, has none.
    const report = statisticsReportSchema.parse(await invoke('statistics.report', { year: new Date().getFullYear(), country: null }));
    expect(JSON.stringify(report)).not.toMatch(/"value":[1-4][,}]/);

    const before = (await invoke('audit.list', { limit: 1 }))[0]?.seq ?? 0;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.statistics.exportAs.replace('{{format}}', 'CSV') }).click()]);
    expect(download.suggestedFilename()).toBe(`passerelle-statistics-${new Date().getFullYear()}.csv`);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    for (const line of csv.slice(1)) {
      const count = line.split(',')[3] ?? '';
      expect(count === '<5' || count === 'x' || count === '0' || Number(count) >= 5).toBe(true);
    }
    expect(csv.join('\n')).not.toContain('Zelvi');
    const audit = await invoke('audit.list', { limit: 10 });
    expect(audit.filter((a) => a.seq > before && a.action === 'statistics.export')).toHaveLength(1);
    await expect(page.getByText(t.statistics.exported.replace('{{fileName}}', download.suggestedFilename()))).toBeVisible();
  });

  test(`access request in ${language}: one zip named without the person's name, with the JSON and the PDF`, async ({ page, invoke, seedVault, snap }) => {
    await seedVault();
    await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
    const [code] = await seedPersons(invoke);
    await invoke('prefs.set', { language });
    await invoke('session.lock', {});
    await page.goto('/');
    await unlockInUi(page, ADMIN, t);
    await nav(page, t).getByRole('button', { name: t.shell.persons, exact: true }).click();
    await page.getByTestId(`person-row-${code}`).click();
    const section = page.getByTestId('access-request');
    await expect(section.getByRole('heading', { name: t.accessRequest.title })).toBeVisible();
    await snap('access-request');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: t.accessRequest.create }).click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^access-request-[0-9a-f]{12}\.zip$/);
    expect(name).not.toContain(code ?? '');
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(Object.keys(files).sort()).toEqual(['access-request.json', 'access-request.pdf']);
    const json = accessRequestSchema.parse(JSON.parse(strFromU8(files['access-request.json'] as Uint8Array)));
    expect(json.person).toMatchObject({ caseCode: code, givenNames: 'Zelvi0' });
    expect(json.procedures[0]?.events.map((e) => e.type)).toEqual(['annex15Issued']);
    await expect(page.getByText(t.accessRequest.done.replace('{{fileName}}', name))).toBeVisible();
    expect(await untranslatedText(page, language)).toEqual([]);
    const audit = await invoke('audit.list', { limit: 5 });
    expect(audit.some((a) => a.action === 'person.accessRequest' && a.subjectId === json.person.id)).toBe(true);
  });
}

test('a coordinator sees Statistics, a caseworker does not', async ({ page, seedVault }) => {
  const cora = { username: 'cora.coordinator', displayName: 'Cora', password: 'a long coordinator password', role: 'coordinator' } as const;
  const carl = { username: 'carl.caseworker', displayName: 'Carl', password: 'a long caseworker password', role: 'caseworker' } as const;
  await seedVault({ users: [cora, carl] });
  const t = TRANSLATIONS.en;
  await page.goto('/');
  await unlockInUi(page, cora);
  await expect(nav(page, t).getByRole('button', { name: t.shell.statistics, exact: true })).toBeVisible();
  await nav(page, t).getByRole('button', { name: t.shell.statistics, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.statistics.title })).toBeVisible();
  // Only an administrator may raise the threshold.
  await expect(page.getByTestId('statistics-threshold')).toHaveCount(0);
  await page.getByTestId('lock-button').click();
  await unlockInUi(page, carl);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await expect(nav(page, t).getByRole('button', { name: t.shell.statistics, exact: true })).toHaveCount(0);
});
