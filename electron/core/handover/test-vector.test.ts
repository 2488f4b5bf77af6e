/**
 * The test vector of docs/handover-package.md: the committed package file, opened with the committed
 * (public, test-only) recipient private key and the committed sender key card, yields exactly the
 * committed manifest and attachment. Uses only the committed files, not the generator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactDecrypt, compactVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { importPartnerCard, loadOrganisationKeys, markPartnerVerified, parseKeyCard, signingPublicKey } from './org-keys';
import { openPackage } from './package';

const dir = fileURLToPath(new URL('./test-vector/', import.meta.url));
const file = (name: string) => readFileSync(join(dir, name));

/** The fingerprints printed in docs/handover-package.md. */
const SENDER_FINGERPRINT = '25649 76885 15475 53396 20630 77102 87778 23602 71803 47524 77523 66567';
const RECIPIENT_FINGERPRINT = '35771 64456 82469 90567 76921 76300 82243 65960 20298 99548 52762 59243';

describe('handover test vector', () => {
  const senderCard = parseKeyCard(file('sender.key-card.json'));
  const recipientCard = parseKeyCard(file('recipient.key-card.json'));
  const recipient = loadOrganisationKeys(recipientCard.card, JSON.parse(file('recipient.TEST-ONLY.private-keys.json').toString()));
  const expectedManifest = file('expected-manifest.json');
  const now = new Date('2026-01-16T00:00:00.000Z');

  it('has the documented fingerprints', () => {
    expect(senderCard.fingerprint.display).toBe(SENDER_FINGERPRINT);
    expect(recipientCard.fingerprint.display).toBe(RECIPIENT_FINGERPRINT);
    expect(senderCard.card.organisation.name).toMatch(/^TEST VECTOR/);
    expect(recipientCard.card.organisation.name).toMatch(/^TEST VECTOR/);
  });

  it('opens to exactly the committed manifest and attachment', async () => {
    const pending = importPartnerCard(undefined, senderCard, { now, ownOrgId: recipient.card.organisation.id, partners: [] }).partner;
    const sender = markPartnerVerified(pending, SENDER_FINGERPRINT, now);
    const preview = await openPackage(file('package.handover'), {
      recipientKeys: recipient,
      knownPartners: new Map([[sender.orgId, sender]]),
      now,
      seenPackageIds: new Set(),
    });
    expect(preview.manifest).toEqual(JSON.parse(expectedManifest.toString()));
    expect(preview.attachments).toHaveLength(1);
    expect(Buffer.compare(preview.attachments[0]!.bytes, file('expected-attachment.txt'))).toBe(0);
  });

  it('decrypts and verifies with plain jose to the committed payload bytes', async () => {
    const [line0] = file('package.handover').toString('ascii').split('\n');
    const { plaintext, protectedHeader } = await compactDecrypt(line0!, recipient.encryptionKey, {
      keyManagementAlgorithms: ['ECDH-ES+A256KW'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    expect(protectedHeader).toMatchObject({ typ: 'passerelle-handover+jwe', cty: 'passerelle-handover-manifest+jws', kid: recipientCard.fingerprint.hex });
    const { payload, protectedHeader: jwsHeader } = await compactVerify(Buffer.from(plaintext).toString('ascii'), signingPublicKey(senderCard.card.keys.signing.x), {
      algorithms: ['EdDSA'],
    });
    expect(jwsHeader).toEqual({ alg: 'EdDSA', typ: 'passerelle-handover-manifest+jws', kid: senderCard.fingerprint.hex });
    expect(Buffer.compare(Buffer.from(payload), expectedManifest)).toBe(0);
  });
});
