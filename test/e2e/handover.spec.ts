/**
 * Cross-border handover in the real UI (issue 5, "Must show"): two vaults, a Belgian centre and a
 * Luxembourg assistance service, each in its own browser context on its own test bridge. They exchange
 * key cards and verify each other's fingerprint as staff would over the phone; the Belgian centre
 * records the person's consent, starts a handover, sees the Luxembourg procedure and the checklist,
 * and exports a package; the Luxembourg service previews it (nothing written yet), accepts it, opens
 * the new person and saves the receipt; the Belgian centre imports the receipt and sees the handover
 * closed with the day its copy is due for deletion. Files travel as real downloads and uploads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addDays, formatDate, weekdayId, type CalendarDate } from '../../shared/dates/calendar-date';
import { RECEIVING_PROCEDURES } from '../../shared/handover/receiving-procedure';
import { handoverChecklistTemplate } from '../../shared/handover/checklist.templates';
import { en, type Translation } from '../../shared/i18n/en';
import { beRules } from '../../shared/rules/be.rules';
import { ADMIN, unlockInUi } from './fixtures';
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

async function nav(page: Page, label: string) {
  await page.getByRole('navigation', { name: en.shell.navigation }).getByRole('button', { name: label, exact: true }).click();
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
async function saveOwnCard(page: Page, organisation: string, dir: string) {
  await nav(page, en.handoverNav.partners);
  await expect(page.getByRole('heading', { level: 1, name: en.partners.title })).toBeVisible();
  const card = page.getByTestId('own-key-card');
  await expect(card.getByTestId('own-card-name')).toHaveText(organisation);
  await expect(card.getByRole('img', { name: fill(en.partners.own.qrLabel, { name: organisation }) })).toBeVisible();
  const fingerprint = (await card.getByTestId('own-fingerprint').getAttribute('data-fingerprint')) ?? '';
  expect(fingerprint).toMatch(/^(\d{5} ){11}\d{5}$/);
  const file = await download(page, card.getByRole('button', { name: en.partners.own.save }), dir);
  expect(file.name).toMatch(/^passerelle-key-card-[0-9a-f]{8}\.json$/);
  return { ...file, fingerprint };
}

/** Imports a partner's card and compares the fingerprint "read out over the phone", group by group. */
async function importAndVerify(page: Page, cardPath: string, partner: string, readOut: string) {
  await page.getByTestId('partner-card-file').setInputFiles(cardPath);
  await expect(page.getByTestId('partner-import-outcome')).toHaveAttribute('data-outcome', 'added');
  const dialog = page.getByRole('dialog', { name: fill(en.partners.verify.title, { name: partner }) });
  await expect(dialog).toBeVisible();
  const typed = dialog.getByRole('textbox', { name: en.partners.verify.typed });
  const groups = readOut.split(' ');
  // A slip in the third group is caught at once, and the confirmation stays disabled.
  const wrong = [...groups.slice(0, 2), groups[2]!.replace(/\d$/, (d) => String((Number(d) + 1) % 10))].join(' ');
  await typed.fill(wrong);
  await expect(dialog.getByTestId('verify-feedback')).toHaveText(fill(en.partners.verify.groupDiffers, { number: 3 }));
  await expect(dialog.getByRole('button', { name: en.partners.verify.confirm })).toBeDisabled();
  await typed.fill(groups.slice(0, 6).join(' '));
  await expect(dialog.getByTestId('verify-feedback')).toHaveText(fill(en.partners.verify.progress, { matching: 6 }));
  await typed.fill(readOut);
  await expect(dialog.getByTestId('verify-feedback')).toHaveText(en.partners.verify.allMatch);
  await dialog.getByRole('button', { name: en.partners.verify.confirm }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`[data-partner-name="${partner}"]`);
  await expect(row.getByTestId('partner-status')).toHaveText(en.partners.status.verified);
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
    await partnerInvoke('session.lock', {});
    await page.goto('/');
    await unlockInUi(page, ADMIN);
    await partnerPage.goto('/');
    await unlockInUi(partnerPage, LU_ADMIN);
    const today = await pageToday(page);

    // 1. Key cards: each saves its own, imports the other's, and compares fingerprints.
    const beCard = await saveOwnCard(page, BE_ORG, dir);
    const luCard = await saveOwnCard(partnerPage, LU_ORG, dir);
    await shot(page, '01-own-card');
    await importAndVerify(page, luCard.path, LU_ORG, luCard.fingerprint);
    await importAndVerify(partnerPage, beCard.path, BE_ORG, beCard.fingerprint);
    await shot(page, '02-partners');

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
    await consentForm.getByRole('textbox', { name: en.consents.partner }).fill(LU_ORG);
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
    await shot(page, '04-export');
    await shot(handover.getByTestId('handover-checklist'), '04a-checklist');
    await shot(exportPanel, '04b-export-panel');
    const pkg = await download(page, exportPanel.getByRole('button', { name: en.handover.export.create }), dir);
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
    await nav(partnerPage, en.handoverNav.handovers);
    await partnerPage.getByRole('tab', { name: en.handovers.incoming }).click();
    await partnerPage.getByTestId('package-file').setInputFiles(pkg.path);
    const preview = partnerPage.getByTestId('import-preview');
    await expect(preview).toBeVisible();
    await expect(partnerPage.getByRole('heading', { name: en.incoming.previewTitle })).toBeFocused();
    await expect(preview.getByTestId('preview-sender')).toHaveText(BE_ORG);
    await expect(preview.getByTestId('preview-fingerprint')).toHaveAttribute('data-fingerprint', beCard.fingerprint);
    await expect(preview.getByTestId('preview-case-code')).toHaveText(caseCode);
    await expect(preview.getByTestId('preview-section-identity')).toContainText('Okafor');
    await expect(preview.getByTestId('preview-section-safety')).toHaveCount(0);
    const annex15 = beRules.events.find((e) => e.type === 'annex15Issued')!.label.en;
    await expect(preview.getByTestId('origin-procedure')).toContainText(`${formatDate(addDays(today, -3))} ${annex15}`);
    await expect(preview).toContainText(en.incoming.noAttachments);
    expect(await partnerInvoke('handover.imports', {})).toEqual([]);
    await shot(partnerPage, '06-preview');
    await shot(preview, '06a-preview-part');

    // Accept: the person is created; the receipt is saved; the new person opens.
    await preview.getByRole('button', { name: en.incoming.accept }).click();
    const outcome = partnerPage.getByTestId('import-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'accepted');
    const receipt = await download(partnerPage, outcome.getByRole('button', { name: en.incoming.saveReceipt }), dir);
    expect(receipt.name).toMatch(/^receipt-[0-9a-f]{8}\.handover-receipt$/);
    await shot(partnerPage, '07-accepted');

    // The same package again is a replay, refused with its own reason, nothing written.
    await partnerPage.getByTestId('package-file').setInputFiles(pkg.path);
    const refusal = partnerPage.getByTestId('import-refusal');
    await expect(refusal).toHaveAttribute('data-reason', 'replay');
    await expect(refusal).toContainText(fill(en.errors.packageRejected, { reason: en.handoverReasons.replay }));

    await partnerPage.getByTestId('received-packages').getByRole('button', { name: en.handover.openPerson }).click();
    await expect(partnerPage.getByRole('heading', { level: 1, name: 'Okafor, Amina' })).toBeVisible();
    const origin = partnerPage.getByTestId('origin-history');
    await expect(origin).toContainText(fill(en.handover.person.receivedFrom, { sender: BE_ORG, country: en.countries.BE }));
    await origin.getByRole('button', { name: en.handover.person.showOrigin }).click();
    await expect(origin.getByTestId('origin-procedure')).toContainText(annex15);
    await shot(partnerPage, '08-person');

    // 6. Belgium imports the receipt: the handover is closed, and the copy is due for deletion.
    await handover.getByTestId('receipt-file').setInputFiles(receipt.path);
    await expect(handover.getByTestId('handover-status')).toHaveText(en.handover.status.closed);
    const closed = handover.getByTestId('handover-closed');
    await expect(closed).toBeVisible();
    const { retentionDays } = await invoke('handover.settings', {});
    await expect(closed.getByTestId('handover-deletion-due')).toHaveText(fill(en.handover.deletionDue, { date: withWeekday(addDays(today, retentionDays)) }));
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
