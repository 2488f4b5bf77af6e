/**
 * The handover's two safety nets, in Dutch, French and English: exporting a package while checklist
 * items are still open asks for confirmation and lists them; the receiving organisation gets the
 * procedure track opened from the package's procedure section, prefilled, once the user confirms it.
 * Two vaults (a Belgian centre, a Luxembourg service) whose partners are verified beforehand; files
 * travel as real downloads and uploads. Screenshots at both window sizes when E2E_SCREENSHOTS is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addDays } from '../../shared/dates/calendar-date';
import { handoverChecklistTemplate } from '../../shared/handover/checklist.templates';
import type { Translation } from '../../shared/i18n/en';
import { beRules } from '../../shared/rules/be.rules';
import { expectAccessible, LANGUAGES, pageToday, shots } from './casework-helpers';
import { ADMIN, TRANSLATIONS, unlockInUi } from './fixtures';
import { expect, test } from './two-vaults';

const BE_ORG = 'Centre Esperanza Bruxelles';
const LU_ORG = "Service d'assistance aux victimes Luxembourg";
const LU_ADMIN = { username: 'lea.admin', displayName: 'Léa Admin', password: 'another correct horse battery' } as const;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? `{{${k}}}`));

async function nav(page: Page, label: string, t: Translation) {
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: label, exact: true }).click();
}

async function download(page: Page, trigger: Locator, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

for (const language of LANGUAGES) {
  test(`a handover with open checklist items asks before export, and the receiver opens the track from the package (${language})`, async ({
    page,
    partnerPage,
    seedVault,
    invoke,
    partnerInvoke,
  }, testInfo) => {
    test.setTimeout(150_000);
    const t = TRANSLATIONS[language];
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-handover-journey-'));
    try {
      // Two organisations whose key cards were exchanged and verified (the card journey is handover.spec.ts).
      await seedVault({ organisationName: BE_ORG, country: 'BE' });
      await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
      await partnerInvoke('vault.setup', { organisationName: LU_ORG, country: 'LU', admin: LU_ADMIN });
      const luCard = await partnerInvoke('keys.card', {});
      const beCard = await invoke('keys.card', {});
      const lu = await invoke('partners.import', { fileBase64: luCard.file.contentBase64 });
      await invoke('partners.verify', { orgId: lu.partner.orgId, fingerprint: luCard.fingerprint.display });
      const be = await partnerInvoke('partners.import', { fileBase64: beCard.file.contentBase64 });
      await partnerInvoke('partners.verify', { orgId: be.partner.orgId, fingerprint: beCard.fingerprint.display });

      await page.goto('/');
      const today = await pageToday(page);
      // The person, a Belgian track, and the consent to share identity and procedure with the partner.
      const detail = await invoke('persons.create', { givenNames: 'Amina', familyName: 'Okafor', nationalities: ['NG'] });
      const caseCode = detail.person.caseCode;
      const track = await invoke('procedure.openTrack', { personId: detail.person.id, country: 'BE' });
      await invoke('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: addDays(today, -3) } });
      await invoke('consents.record', {
        personId: detail.person.id,
        kind: 'sharing',
        partnerOrgId: lu.partner.orgId,
        categories: ['identity', 'procedure'],
        givenOn: today,
      });
      for (const call of [invoke, partnerInvoke] as const) {
        await call('prefs.set', { language });
        await call('session.lock', {});
      }
      await page.reload();
      await unlockInUi(page, ADMIN, t);
      await partnerPage.goto('/');
      await unlockInUi(partnerPage, LU_ADMIN, t);

      // The Belgian centre starts the handover from the person's page.
      await nav(page, t.shell.persons, t);
      await page.getByTestId(`person-row-${caseCode}`).click();
      await page.getByRole('button', { name: t.handover.person.start }).click();
      await page.getByRole('button', { name: t.handover.start.submit }).click();
      const handover = page.getByTestId('handover-detail');
      await expect(handover.getByTestId('handover-status')).toHaveText(t.handover.status.preparing);

      // Export with the checklist untouched: every open item is listed, the package waits for a yes.
      const openRows = handover.getByTestId('handover-checklist').locator('tr[data-status="open"]');
      await expect(openRows.first()).toBeVisible();
      const open = await openRows.count();
      const exportPanel = handover.getByTestId('export-panel');
      await exportPanel.getByRole('checkbox', { name: t.dataCategories.procedure }).check();
      await expect(exportPanel.getByTestId('consent-check')).toHaveAttribute('data-result', 'covered');
      await exportPanel.getByRole('button', { name: t.handover.export.create }).click();
      const confirm = page.getByRole('dialog', { name: t.casework.openItemsTitle });
      const template = handoverChecklistTemplate('BE', 'LU');
      const listed = confirm.getByTestId('open-items').getByRole('listitem');
      await expect(listed).toHaveCount(open);
      const identification = template.items.find((i) => i.id === 'handover.to.LU.identification');
      await expect(confirm.getByTestId('open-items').locator('[data-item-id="handover.to.LU.identification"]')).toContainText(identification?.label[language] ?? '-');
      await expect(confirm).toContainText(fill(open === 1 ? t.casework.openItemsText_one : t.casework.openItemsText_other, { count: open }));
      await expectAccessible(page, 'open checklist items before export');
      await shots(page, testInfo, `${language}-journey-export-open-items`);
      // Back to the checklist: nothing was exported.
      await confirm.getByRole('button', { name: t.casework.openItemsBack }).click();
      await expect(confirm).toHaveCount(0);
      await expect(handover.getByTestId('handover-status')).toHaveText(t.handover.status.preparing);
      // Asked again, and this time exported anyway.
      await exportPanel.getByRole('button', { name: t.handover.export.create }).click();
      const pkg = await download(page, page.getByRole('dialog', { name: t.casework.openItemsTitle }).getByRole('button', { name: t.casework.exportAnyway }), dir);
      await expect(handover.getByTestId('handover-status')).toHaveText(t.handover.status.sent);

      // Luxembourg receives the package and accepts it.
      await nav(partnerPage, t.handoverNav.handovers, t);
      await partnerPage.getByRole('tab', { name: t.handovers.incoming }).click();
      await partnerPage.getByTestId('package-file').setInputFiles(pkg);
      const preview = partnerPage.getByTestId('import-preview');
      await expect(preview.getByTestId('preview-case-code')).toHaveText(caseCode);
      await preview.getByRole('button', { name: t.incoming.accept }).click();
      await expect(partnerPage.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'accepted');
      await partnerPage.getByTestId('received-packages').getByRole('button', { name: t.handover.openPerson }).click();
      await expect(partnerPage.getByRole('heading', { level: 1, name: 'Okafor, Amina' })).toBeVisible();

      // The procedure track, prefilled from the package's procedure section; opened only on the user's yes.
      const annex15 = beRules.events.find((e) => e.type === 'annex15Issued')?.label[language] ?? '-';
      const offer = partnerPage.getByTestId('package-track-BE');
      await expect(offer).toContainText(annex15);
      await expect(offer.getByRole('checkbox', { name: new RegExp(annex15.replace(/[()]/g, '\\$&')) })).toBeChecked();
      await expect(partnerPage.getByTestId('timeline-BE')).toHaveCount(0);
      await offer.scrollIntoViewIfNeeded();
      await expectAccessible(partnerPage, 'track offered from the package');
      await shots(partnerPage, testInfo, `${language}-journey-track-from-package`);
      await offer.getByRole('button', { name: fill(t.casework.fromPackageConfirm_one, { country: t.countries.BE, count: 1 }) }).click();
      await expect(partnerPage.getByTestId('timeline-BE')).toContainText(annex15);
      await expect(partnerPage.getByTestId('package-track-BE')).toHaveCount(0);
      // 45 days after the annex 15 (brochure §4 BE "Reflectieperiode": "Duur: 45 dagen"), as in Belgium.
      await expect(partnerPage.getByTestId('due-BE-reflectionPeriodEnd')).toHaveAttribute('data-due-date', addDays(today, 42));
      await shots(partnerPage, testInfo, `${language}-journey-track-opened`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
