/**
 * The whole exchange between two organisations, through files only, as the integration will run it
 * with two vaults: a Belgian specialised centre hands a person over to a Luxembourg assistance
 * service. Key cards are swapped as files and verified by reading the fingerprint "over the phone";
 * the package and the receipt travel as files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { formatFingerprint } from '../../../shared/handover/fingerprint';
import type { Partner } from '../../../shared/handover/key-card.schema';
import { T0 } from './handover.fixtures';
import {
  canExchangeWith,
  exportPrivateKeys,
  generateOrganisationKeys,
  importPartnerCard,
  loadOrganisationKeys,
  markPartnerVerified,
  parseKeyCard,
  serialiseKeyCard,
} from './org-keys';
import { buildPackage, openPackage, packageParts } from './package';
import { createReceipt, openReceipt } from './receipt';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('handover between a Belgian centre and a Luxembourg service', () => {
  it('key cards, verification, export, import, receipt, closure', async () => {
    // Set-up of each vault: keys made, private halves stored, loaded again at unlock.
    const beMade = generateOrganisationKeys({ name: 'Centrum Voorbeeld (test)', country: 'BE', now: T0 });
    const luMade = generateOrganisationKeys({ name: 'Service Exemple (test)', country: 'LU', now: T0 });
    const beKeys = loadOrganisationKeys(JSON.parse(serialiseKeyCard(beMade.card)), JSON.parse(JSON.stringify(exportPrivateKeys(beMade))));
    const luKeys = loadOrganisationKeys(JSON.parse(serialiseKeyCard(luMade.card)), JSON.parse(JSON.stringify(exportPrivateKeys(luMade))));

    // Key cards exchanged as files (e-mail, USB stick: the channel need not be secret).
    writeFileSync(join(dir, 'be.card.json'), serialiseKeyCard(beKeys.card));
    writeFileSync(join(dir, 'lu.card.json'), serialiseKeyCard(luKeys.card));
    const beHoldsLu = importPartnerCard(undefined, parseKeyCard(readFileSync(join(dir, 'lu.card.json'))), {
      now: T0,
      ownOrgId: beKeys.card.organisation.id,
      partners: [],
    }).partner;
    const luHoldsBe = importPartnerCard(undefined, parseKeyCard(readFileSync(join(dir, 'be.card.json'))), {
      now: T0,
      ownOrgId: luKeys.card.organisation.id,
      partners: [],
    }).partner;
    expect([beHoldsLu.status, luHoldsBe.status]).toEqual(['unverified', 'unverified']);

    // Unverified: no export.
    await expect(
      buildPackage(
        {
          recipient: beHoldsLu,
          purpose: { code: 'handover', note: null },
          senderCaseCode: 'CVB-2026-0007',
          consent: { givenOn: '2026-11-27', categories: ['identity'] },
          sections: { identity: { givenNames: 'Kalomi' } },
          attachments: [],
          createdAt: T0,
        },
        beKeys,
      ),
    ).rejects.toSatisfy((e) => isAppError(e) && e.details?.reason === 'handover.recipientNotVerified');

    // Each reads its own fingerprint to the other over the phone, in groups of five.
    const readOut = (digits: string) => formatFingerprint(digits, 4);
    const beVerifiedLu: Partner = markPartnerVerified(beHoldsLu, readOut(luKeys.fingerprint.digits), T0);
    const luVerifiedBe: Partner = markPartnerVerified(luHoldsBe, readOut(beKeys.fingerprint.digits), T0);
    expect(canExchangeWith(beVerifiedLu) && canExchangeWith(luVerifiedBe)).toBe(true);

    // Export: streamed to a file.
    const scan = Buffer.from('%PDF-1.4 invented test document\n');
    const packagePath = join(dir, 'CVB-2026-0007.handover');
    const parts: Uint8Array[] = [];
    for await (const p of packageParts(
      {
        recipient: beVerifiedLu,
        purpose: { code: 'handover', note: 'Transfer to the Luxembourg mechanism' },
        senderCaseCode: 'CVB-2026-0007',
        consent: { givenOn: '2026-11-27', categories: ['identity', 'procedure', 'attachments'] },
        sections: {
          identity: { givenNames: 'Kalomi', familyName: 'Ranetu' },
          procedure: { country: 'BE', events: [{ type: 'annex15Issued', date: '2026-11-20' }] },
        },
        attachments: [{ name: 'bijlage 15.pdf', mediaType: 'application/pdf', bytes: scan }],
        createdAt: T0,
      },
      beKeys,
    )) {
      parts.push(p);
    }
    writeFileSync(packagePath, Buffer.concat(parts));

    // Import at LU: preview, then (the integrator's transaction) record the id as seen.
    const seen = new Set<string>();
    const arrival = new Date('2026-11-30T10:00:00.000Z');
    const preview = await openPackage({ path: packagePath }, { recipientKeys: luKeys, knownPartners: new Map([[luVerifiedBe.orgId, luVerifiedBe]]), now: arrival, seenPackageIds: seen });
    expect(preview.manifest.sender.name).toBe('Centrum Voorbeeld (test)');
    expect(preview.manifest.senderCaseCode).toBe('CVB-2026-0007');
    expect(preview.attachments[0]?.bytes.toString()).toBe(scan.toString());
    seen.add(preview.manifest.packageId);
    const again = await openPackage({ path: packagePath }, { recipientKeys: luKeys, knownPartners: new Map([[luVerifiedBe.orgId, luVerifiedBe]]), now: arrival, seenPackageIds: seen }).catch((e) => e);
    expect(isAppError(again) && again.details?.reason).toBe('replay');

    // Receipt back to BE.
    const receiptPath = join(dir, 'receipt.handover-receipt');
    writeFileSync(
      receiptPath,
      await createReceipt({ packageId: preview.manifest.packageId, to: luVerifiedBe, outcome: 'accepted', reason: null, at: arrival }, luKeys),
    );
    const sent = new Map([[preview.manifest.packageId, { recipientOrgId: luKeys.card.organisation.id, createdAt: preview.manifest.createdAt }]]);
    const receipt = await openReceipt(
      { path: receiptPath },
      { ownKeys: beKeys, knownPartners: new Map([[beVerifiedLu.orgId, beVerifiedLu]]), sentPackages: sent, seenReceiptIds: new Set(), now: new Date('2026-11-30T10:05:00.000Z') },
    );
    // Closure: the sender learns the package was accepted, by whom and when.
    expect(receipt.receipt).toMatchObject({ packageId: preview.manifest.packageId, outcome: 'accepted', at: arrival.toISOString() });
    expect(receipt.signer.orgId).toBe(luKeys.card.organisation.id);
  });
});
