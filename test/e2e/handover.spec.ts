/**
 * Cross-border handover in the real UI: two vaults, a Belgian centre and a
 * Luxembourg assistance service, each in its own browser context on its own test bridge. They exchange
 * key cards and verify each other's fingerprint as staff would over the phone; the Belgian centre
 * records the person's consent, starts a handover, sees the Luxembourg procedure and the checklist,
 * and exports a package; the Luxembourg service, working in French, previews it (nothing written yet), accepts it, opens
 * the new person and saves the receipt; the Belgian centre imports the receipt and sees the handover
 * closed with the day its copy is due for deletion. Files travel as real downloads and uploads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addDays, formatDate, weekdayId, type CalendarDate } from '../../shared/dates/calendar-date';
import { RECEIVING_PROCEDURES } from '../../shared/handover/receiving-procedure';
import { handoverChecklistTemplate } from '../../shared/handover/checklist.templates';
import { en, type Translation } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { beRules } from '../../shared/rules/be.rules';
import { FakeClock } from '../helpers/fake-clock';
import { ADMIN, unlockInUi, untranslatedText } from './fixtures';
import { expect, test } from './two-vaults';

const BE_ORG = 'Centre Esperanza Bruxelles';
const LU_ORG = "Service d'assistance aux victimes Luxembourg";
const LU_ADMIN = { username: 'lea.admin', displayName: 'Léa Admin', password: 'another correct horse battery' } as const;

function withWeekday(date: CalendarDate, t: Translation = en): string {
  return t.dates.withWeekday.replace('{{weekday}}', t.weekdays[weekdayId(date)]).replace('{{date}}', formatDate(date));
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? `{{${k}}}`));

async function pageToday(page: Page): Promise<CalendarDate> {
  return (await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  })) as CalendarDate;
}

async function nav(page: Page, label: string, t: Translation = en) {
  await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('button', { name: label, exact: true }).click();
}

/** Clicks `trigger` and saves the download it starts into `dir`; returns the path and the suggested name. */
async function download(page: Page, trigger: Locator, dir: string): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const name = file.suggestedFilename();
  const path = join(dir, name);
  await file.saveAs(path);
  return { path, name };
}

/** A screenshot of the page (or of one part of it) to $E2E_SCREENSHOTS, for looking at the UI while developing. */
async function shot(target: Page | Locator, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  const path = join(dir, `handover-${name}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}

/** The organisation's own key card: the QR code on screen, the fingerprint, the card saved as a file. */
async function saveOwnCard(page: Page, organisation: string, dir: string, t: Translation = en) {
  await nav(page, t.handoverNav.partners, t);
  await expect(page.getByRole('heading', { level: 1, name: t.partners.title })).toBeVisible();
  const card = page.getByTestId('own-key-card');
  await expect(card.getByTestId('own-card-name')).toHaveText(organisation);
  await expect(card.getByRole('img', { name: fill(t.partners.own.qrLabel, { name: organisation }) })).toBeVisible();
  const fingerprint = (await card.getByTestId('own-fingerprint').getAttribute('data-fingerprint')) ?? '';
  expect(fingerprint).toMatch(/^(\d{5} ){11}\d{5}$/);
  const file = await download(page, card.getByRole('button', { name: t.partners.own.save }), dir);
  expect(file.name).toMatch(/^passerelle-key-card-[0-9a-f]{8}\.json$/);
  return { ...file, fingerprint };
}

/** Imports a partner's card and compares the fingerprint "read out over the phone", group by group. */
async function importAndVerify(page: Page, cardPath: string, partner: string, readOut: string, t: Translation = en) {
  await page.getByTestId('partner-card-file').setInputFiles(cardPath);
  await expect(page.getByTestId('partner-import-outcome')).toHaveAttribute('data-outcome', 'added');
  const dialog = page.getByRole('dialog', { name: fill(t.partners.verify.title, { name: partner }) });
  await expect(dialog).toBeVisible();
  const typed = dialog.getByRole('textbox', { name: t.partners.verify.typed });
  // The dialog opens on the field to type in, so staff can type while listening.
  await expect(typed).toBeFocused();
  const groups = readOut.split(' ');
  // A slip in the third group is caught at once, and the confirmation stays disabled.
  const wrong = [...groups.slice(0, 2), groups[2]!.replace(/\d$/, (d) => String((Number(d) + 1) % 10))].join(' ');
  await typed.fill(wrong);
  await expect(dialog.getByTestId('verify-feedback')).toHaveText(fill(t.partners.verify.groupDiffers, { number: 3 }));
  await expect(dialog.getByRole('button', { name: t.partners.verify.confirm })).toBeDisabled();
  await typed.fill(groups.slice(0, 6).join(' '));
  await expect(dialog.getByTestId('verify-feedback')).toHaveText(fill(t.partners.verify.progress, { matching: 6 }));
  await typed.fill(readOut);
  await expect(dialog.getByTestId('verify-feedback')).toHaveText(t.partners.verify.allMatch);
  await dialog.getByRole('button', { name: t.partners.verify.confirm }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`[data-partner-name="${partner}"]`);
  await expect(row.getByTestId('partner-status')).toHaveText(t.partners.status.verified);
}

test('a Belgian centre hands a person over to a Luxembourg service: cards, verification, export, preview, accept, receipt, closure', async ({
  page,
  partnerPage,
  seedVault,
  invoke,
  partnerInvoke,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-handover-e2e-'));
  try {
    // Two organisations, each with its own vault.
    await seedVault({ organisationName: BE_ORG, country: 'BE' });
    await partnerInvoke('vault.setup', { organisationName: LU_ORG, country: 'LU', admin: LU_ADMIN });
    await partnerInvoke('prefs.set', { language: 'fr' });
    await partnerInvoke('session.lock', {});
    await page.goto('/');
    await unlockInUi(page, ADMIN);
    await partnerPage.goto('/');
    await unlockInUi(partnerPage, LU_ADMIN, fr);
    const today = await pageToday(page);

    // 1. Key cards: each saves its own, imports the other's, and compares fingerprints.
    const beCard = await saveOwnCard(page, BE_ORG, dir);
    const luCard = await saveOwnCard(partnerPage, LU_ORG, dir, fr);
    expect(await untranslatedText(partnerPage, 'fr')).toEqual([]);
    await shot(page, '01-own-card');
    await importAndVerify(page, luCard.path, LU_ORG, luCard.fingerprint);
    await importAndVerify(partnerPage, beCard.path, BE_ORG, beCard.fingerprint, fr);
    await shot(page, '02-partners');

    // The Belgian administrator keeps a copy 45 days after a partner's receipt.
    await nav(page, en.handoverNav.handovers);
    const retention = page.getByRole('textbox', { name: en.handovers.retention.label });
    await retention.fill('45');
    await page.getByRole('button', { name: en.handovers.retention.save }).click();
    await expect(page.getByText(fill(en.handovers.retention.saved, { days: 45 }))).toBeVisible();

    // 2. The person in the Belgian vault, with a procedure history, and their consent recorded in the UI.
    const detail = await invoke('persons.create', {
      givenNames: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: { precision: 'exact', date: '1998-03-14' },
      nationalities: ['NG'],
      languages: ['en'],
      safetyNotes: 'Never contact through the employer.',
    });
    const caseCode = detail.person.caseCode;
    const track = await invoke('procedure.openTrack', { personId: detail.person.id, country: 'BE' });
    await invoke('procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: addDays(today, -3) } });

    await nav(page, en.shell.persons);
    await page.getByTestId(`person-row-${caseCode}`).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Okafor, Amina' })).toBeVisible();
    const consentForm = page.getByTestId('consent-form');
    await consentForm.getByRole('combobox', { name: en.consents.kind }).selectOption({ label: en.consentKinds.sharing });
    // The partner is picked among the verified partners (its organisation id is stored).
    await consentForm.getByRole('combobox', { name: en.consents.partner, exact: true }).fill('assistance aux victimes');
    await page.getByRole('option', { name: `${LU_ORG} (LU)` }).click();
    await consentForm.getByRole('checkbox', { name: en.dataCategories.identity }).check();
    await consentForm.getByRole('checkbox', { name: en.dataCategories.procedure }).check();
    await consentForm.getByRole('button', { name: en.consents.record }).click();
    await expect(page.getByTestId('consents-table')).toContainText(LU_ORG);

    // 3. Start the handover from the person's page: only the verified Luxembourg partner is offered,
    //    with the Luxembourg procedure shown before anything starts.
    await page.getByRole('button', { name: en.handover.person.start }).click();
    await expect(page.getByRole('heading', { level: 1, name: fill(en.handover.start.title, { name: 'Okafor, Amina' }) })).toBeVisible();
    await expect(page.getByRole('combobox', { name: en.handover.start.partner })).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByTestId('start-receiving-procedure')).toContainText(RECEIVING_PROCEDURES.LU[0]!.label.en);
    await shot(page, '03-start');
    await page.getByRole('button', { name: en.handover.start.submit }).click();

    const handover = page.getByTestId('handover-detail');
    await expect(page.getByRole('heading', { level: 1, name: fill(en.handover.detailTitle, { partner: LU_ORG }) })).toBeVisible();
    await expect(handover.getByTestId('handover-status')).toHaveText(en.handover.status.preparing);
    await expect(handover.getByText(fill(en.handover.direction, { from: en.countries.BE, to: en.countries.LU }))).toBeVisible();
    // The checklist for BE -> LU: Luxembourg's identification by the judicial police, due with its weekday.
    const identification = handoverChecklistTemplate('BE', 'LU').items.find((i) => i.id === 'handover.to.LU.identification')!;
    const item = handover.getByTestId('item-handover.to.LU.identification');
    await expect(item).toContainText(identification.label.en);
    await expect(item).toContainText(fill(en.handover.checklist.requirement, { country: en.countries.LU }));
    await expect(item.getByTestId('due-handover.to.LU.identification')).toContainText(withWeekday(addDays(today, identification.dueOffsetDays)));
    // Edit it: an owner, a later due date, and the consent item done.
    await item.getByRole('combobox', { name: fill(en.handover.checklist.ownerOf, { item: identification.label.en }) }).selectOption({ label: ADMIN.displayName });
    const due = item.getByRole('textbox', { name: fill(en.handover.checklist.dueOf, { item: identification.label.en }) });
    await due.fill(formatDate(addDays(today, 8)));
    await due.press('Enter');
    await expect(item.getByTestId('due-handover.to.LU.identification')).toContainText(withWeekday(addDays(today, 8)));
    const consentItem = handover.getByTestId('item-handover.consent');
    await consentItem.getByRole('combobox', { name: /^Status of: / }).selectOption({ label: en.handover.itemStatus.done });
    await expect(consentItem).toHaveAttribute('data-status', 'done');

    // 4. Export: identity is the default; health is not covered by the consent, and says so.
    const exportPanel = handover.getByTestId('export-panel');
    await expect(exportPanel.getByRole('checkbox', { name: en.dataCategories.identity })).toBeChecked();
    await expect(exportPanel.getByTestId('consent-check')).toHaveAttribute('data-result', 'covered');
    await exportPanel.getByRole('checkbox', { name: en.dataCategories.health }).check();
    await expect(exportPanel.getByTestId('consent-check')).toHaveAttribute('data-result', 'notCovered');
    await expect(exportPanel.getByTestId('consent-check')).toContainText(fill(en.handover.export.notCovered, { categories: en.dataCategories.health }));
    await exportPanel.getByRole('checkbox', { name: en.dataCategories.health }).uncheck();
    await exportPanel.getByRole('checkbox', { name: en.dataCategories.procedure }).check();
    await expect(exportPanel.getByTestId('consent-check')).toHaveAttribute('data-result', 'covered');
    expect(await untranslatedText(page, 'en')).toEqual([]);
    await shot(page, '04-export');
    await shot(handover.getByTestId('handover-checklist'), '04a-checklist');
    await shot(exportPanel, '04b-export-panel');
    // Items of the checklist still open: listed, and the export asks for confirmation.
    await exportPanel.getByRole('button', { name: en.handover.export.create }).click();
    const confirmExport = page.getByRole('dialog', { name: en.casework.openItemsTitle });
    await expect(confirmExport.getByTestId('open-items')).toContainText(identification.label.en);
    await expect(confirmExport.getByTestId('open-items').locator('[data-item-id="handover.consent"]')).toHaveCount(0);
    await shot(page, '04c-open-items');
    const pkg = await download(page, confirmExport.getByRole('button', { name: en.casework.exportAnyway }), dir);
    expect(pkg.name).toMatch(/^handover-[0-9a-f]{8}\.handover$/);
    for (const personal of ['Okafor', 'Amina', caseCode]) expect(pkg.name).not.toContain(personal);
    await expect(exportPanel.getByTestId('package-created')).toContainText(pkg.name);
    await expect(handover.getByTestId('handover-status')).toHaveText(en.handover.status.sent);
    await expect(handover.getByTestId('sent-packages')).toContainText(en.handover.packages.waiting);
    const pdf = await download(page, exportPanel.getByRole('button', { name: en.handover.export.pdf }), dir);
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await shot(page, '05-sent');

    // 5. Luxembourg: the preview before anything is written.
    await nav(partnerPage, fr.handoverNav.handovers, fr);
    await partnerPage.getByRole('tab', { name: fr.handovers.incoming }).click();
    await partnerPage.getByTestId('package-file').setInputFiles(pkg.path);
    const preview = partnerPage.getByTestId('import-preview');
    await expect(preview).toBeVisible();
    await expect(partnerPage.getByRole('heading', { name: fr.incoming.previewTitle })).toBeFocused();
    await expect(preview.getByTestId('preview-sender')).toHaveText(BE_ORG);
    await expect(preview.getByTestId('preview-fingerprint')).toHaveAttribute('data-fingerprint', beCard.fingerprint);
    await expect(preview.getByTestId('preview-case-code')).toHaveText(caseCode);
    await expect(preview.getByTestId('preview-section-identity')).toContainText('Okafor');
    await expect(preview.getByTestId('preview-section-safety')).toHaveCount(0);
    const annex15 = beRules.events.find((e) => e.type === 'annex15Issued')!.label;
    await expect(preview.getByTestId('origin-procedure')).toContainText(`${formatDate(addDays(today, -3))} ${annex15.fr}`);
    await expect(preview).toContainText(fr.incoming.noAttachments);
    expect(await untranslatedText(partnerPage, 'fr')).toEqual([]);
    expect(await partnerInvoke('handover.imports', {})).toEqual([]);
    await shot(partnerPage, '06-preview');
    await shot(preview, '06a-preview-part');

    // Accept: the person is created; the receipt is saved; the new person opens.
    await preview.getByRole('button', { name: fr.incoming.accept }).click();
    const outcome = partnerPage.getByTestId('import-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'accepted');
    const receipt = await download(partnerPage, outcome.getByRole('button', { name: fr.incoming.saveReceipt }), dir);
    expect(receipt.name).toMatch(/^receipt-[0-9a-f]{8}\.handover-receipt$/);
    await shot(partnerPage, '07-accepted');

    // The same package again is a replay, refused with its own reason, nothing written.
    await partnerPage.getByTestId('package-file').setInputFiles(pkg.path);
    const refusal = partnerPage.getByTestId('import-refusal');
    await expect(refusal).toHaveAttribute('data-reason', 'replay');
    await expect(refusal).toContainText(fill(fr.errors.packageRejected, { reason: fr.handoverReasons.replay }));
    await expect(refusal).toContainText(fr.incoming.nothingWritten);

    await partnerPage.getByTestId('received-packages').getByRole('button', { name: fr.handover.openPerson }).click();
    await expect(partnerPage.getByRole('heading', { level: 1, name: 'Okafor, Amina' })).toBeVisible();
    const origin = partnerPage.getByTestId('origin-history');
    await expect(origin).toContainText(fill(fr.handover.person.receivedFrom, { sender: BE_ORG, country: fr.countries.BE }));
    await origin.getByRole('button', { name: fr.handover.person.showOrigin }).click();
    await expect(origin.getByTestId('origin-procedure')).toContainText(annex15.fr);
    expect(await untranslatedText(partnerPage, 'fr')).toEqual([]);
    await shot(partnerPage, '08-person');

    // The procedure track from the package's procedure section: prefilled, opened once confirmed.
    const offer = partnerPage.getByTestId('package-track-BE');
    await expect(offer).toContainText(annex15.fr);
    await expect(offer.getByRole('checkbox')).toHaveCount(1);
    await offer.getByRole('button', { name: fill(fr.casework.fromPackageConfirm_one, { country: fr.countries.BE, count: '1' }) }).click();
    await expect(partnerPage.getByTestId('timeline-BE')).toContainText(annex15.fr);
    await expect(partnerPage.getByTestId('package-track-BE')).toHaveCount(0);
    await shot(partnerPage, '08b-track-from-package');

    // 6. Belgium imports the receipt: the handover is closed, and the copy is due for deletion.
    await handover.getByTestId('receipt-file').setInputFiles(receipt.path);
    await expect(handover.getByTestId('handover-status')).toHaveText(en.handover.status.closed);
    const closed = handover.getByTestId('handover-closed');
    await expect(closed).toBeVisible();
    await expect(closed.getByTestId('handover-deletion-due')).toHaveText(fill(en.handover.deletionDue, { date: withWeekday(addDays(today, 45)) }));
    await expect(handover.getByTestId('receipt-outcome')).toHaveText(en.handover.packages.outcome.accepted);
    await shot(page, '09-closed');
    await shot(handover.getByTestId('sent-packages'), '09a-packages');
    await shot(closed, '09b-closed-alert');

    await nav(page, en.handoverNav.handovers);
    await expect(page.getByTestId(`handover-row-${caseCode}`)).toContainText(en.handover.status.closed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('refusals, each with its own reason in the user language', () => {
  const clock = new FakeClock();
  test.use({ bridgeOptions: { clock } });

  test('unverified sender, wrong recipient, tampered, expired, changed keys: refused with their reason, nothing written', async ({
    page,
    partnerPage,
    seedVault,
    invoke,
    partnerInvoke,
  }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-handover-e2e-'));
    try {
      await seedVault({ organisationName: BE_ORG, country: 'BE' });
      await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
      await partnerInvoke('vault.setup', { organisationName: LU_ORG, country: 'LU', admin: LU_ADMIN });
      await partnerInvoke('prefs.set', { language: 'fr' });

      // Belgium verifies Luxembourg; Luxembourg imports Belgium's card but has not compared it yet.
      const beCard = await invoke('keys.card', {});
      const luCard = await partnerInvoke('keys.card', {});
      const lu = await invoke('partners.import', { fileBase64: luCard.file.contentBase64 });
      await invoke('partners.verify', { orgId: lu.partner.orgId, fingerprint: luCard.fingerprint.display });
      const be = await partnerInvoke('partners.import', { fileBase64: beCard.file.contentBase64 });

      const detail = await invoke('persons.create', { givenNames: 'Amina', familyName: 'Okafor' });
      await invoke('consents.record', { personId: detail.person.id, kind: 'sharing', partner: LU_ORG, categories: ['identity'], givenOn: clock.now().toISOString().slice(0, 10) as CalendarDate });
      const started = await invoke('handover.start', { personId: detail.person.id, partnerOrgId: lu.partner.orgId });
      const exported = await invoke('handover.export', { handoverId: started.id, sections: ['identity'] });
      const pkgPath = join(dir, exported.file.fileName);
      const pkg = Buffer.from(exported.file.contentBase64, 'base64');
      writeFileSync(pkgPath, pkg);
      // One character of the manifest's ciphertext changed.
      const tampered = Buffer.from(pkg);
      const at = tampered.indexOf(0x2e, 200) + 5;
      tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
      const tamperedPath = join(dir, 'tampered.handover');
      writeFileSync(tamperedPath, tampered);

      await partnerInvoke('session.lock', {});
      await partnerPage.goto('/');
      await unlockInUi(partnerPage, LU_ADMIN, fr);
      const refusal = partnerPage.getByTestId('import-refusal');
      async function importAtLu(path: string, reason: keyof typeof fr.handoverReasons) {
        await partnerPage.getByTestId('package-file').setInputFiles(path);
        await expect(refusal).toHaveAttribute('data-reason', reason);
        await expect(refusal).toContainText(fill(fr.errors.packageRejected, { reason: fr.handoverReasons[reason] }));
        await expect(partnerPage.getByTestId('import-preview')).toHaveCount(0);
      }
      async function openIncoming() {
        await nav(partnerPage, fr.handoverNav.handovers, fr);
        await partnerPage.getByRole('tab', { name: fr.handovers.incoming }).click();
      }
      await openIncoming();
      await importAtLu(pkgPath, 'unverifiedSender');
      await shot(partnerPage, '10-refused-unverified');

      // The package was made for Luxembourg: Belgium's own vault cannot open it.
      await page.goto('/');
      await nav(page, en.handoverNav.handovers);
      await page.getByRole('tab', { name: en.handovers.incoming }).click();
      await page.getByTestId('package-file').setInputFiles(pkgPath);
      await expect(page.getByTestId('import-refusal')).toHaveAttribute('data-reason', 'wrongRecipient');
      await expect(page.getByTestId('import-refusal')).toContainText(fill(en.errors.packageRejected, { reason: en.handoverReasons.wrongRecipient }));

      await partnerInvoke('partners.verify', { orgId: be.partner.orgId, fingerprint: beCard.fingerprint.display });
      await importAtLu(tamperedPath, 'malformed');

      // Fifteen days later the package has expired (and the silence locked both vaults).
      clock.advance(15 * 24 * 60 * 60 * 1000);
      await unlockInUi(partnerPage, LU_ADMIN, fr);
      await openIncoming();
      await importAtLu(pkgPath, 'expired');

      // Belgium's keys change: the new card waits beside the verified one on Luxembourg's partner
      // page (handovers go on with the verified card) until its fingerprint is compared.
      await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
      const rotated = await invoke('keys.rotate', {});
      const rotatedPath = join(dir, 'rotated.json');
      writeFileSync(rotatedPath, Buffer.from(rotated.file.contentBase64, 'base64'));
      await nav(partnerPage, fr.handoverNav.partners, fr);
      await partnerPage.getByTestId('partner-card-file').setInputFiles(rotatedPath);
      await expect(partnerPage.getByTestId('partner-import-outcome')).toHaveAttribute('data-outcome', 'pending');
      await expect(partnerPage.getByTestId('partner-import-outcome')).toContainText(fill(fr.partners.import.outcome.pending, { name: BE_ORG }));
      const beRow = partnerPage.locator(`[data-partner-name="${BE_ORG}"]`);
      const waiting = partnerPage.getByTestId(`pending-card-${be.partner.orgId}`);
      await expect(waiting).toContainText(fr.partners.pending.title);
      await expect(beRow.getByTestId('partner-status')).toHaveText(fr.partners.status.verified);
      expect(await untranslatedText(partnerPage, 'fr')).toEqual([]);
      await shot(partnerPage, '11-pending-card');

      // Comparing the waiting card's fingerprint makes it Belgium's card.
      await waiting.getByRole('button', { name: fill(fr.partners.pending.compareOf, { name: BE_ORG }) }).click();
      const verifyDialog = partnerPage.getByRole('dialog', { name: fill(fr.partners.verify.title, { name: BE_ORG }) });
      await expect(verifyDialog).toContainText(fill(fr.partners.verify.pendingNote, { name: BE_ORG }));
      await verifyDialog.getByRole('textbox', { name: fr.partners.verify.typed }).fill(rotated.fingerprint.display);
      await verifyDialog.getByRole('button', { name: fr.partners.verify.confirm }).click();
      await expect(waiting).toBeHidden();
      await expect(beRow.getByTestId('partner-status')).toHaveText(fr.partners.status.verified);
      // The package signed with the keys verified before is now refused for its sender's key.
      await openIncoming();
      await importAtLu(pkgPath, 'senderKeyChanged');
      await nav(partnerPage, fr.handoverNav.partners, fr);
      expect(await untranslatedText(partnerPage, 'fr')).toEqual([]);
      expect(await partnerInvoke('handover.imports', {})).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
