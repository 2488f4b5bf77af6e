/**
 * Regenerates the handover test vector (docs/handover-package.md "Test vector"):
 *   npx tsx electron/core/handover/test-vector/generate.ts
 *
 * The keys, ids, times and content are fixed, so the key cards, the manifest and the attachment come
 * out byte for byte the same every time. The package file does not: JWE uses a fresh ephemeral key
 * and IV per line. The committed package.handover is one such run; the test checks that decrypting it
 * with the committed recipient private key and verifying it with the sender's card gives exactly the
 * committed manifest and attachment.
 *
 * THE PRIVATE KEYS BELOW ARE PUBLIC TEST DATA (SHA-256 of fixed labels). NEVER USE THEM FOR ANYTHING ELSE.
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyCardBodySchema } from '../../../../shared/handover/key-card.schema';
import { fingerprintOf, importPartnerCard, markPartnerVerified, serialiseKeyCard, signKeyCard, verifyKeyCard, type OrganisationKeys } from '../org-keys';
import { buildManifest, buildPackage, type HandoverContent } from '../package';

export const VECTOR_DIR = fileURLToPath(new URL('.', import.meta.url));

function seed(label: string): string {
  return createHash('sha256').update(`passerelle handover test vector: ${label} -- TEST ONLY, PUBLIC, NEVER USE`).digest('base64url');
}

/** A private key from its raw 32 bytes (PKCS#8 wrapping, RFC 8410), so Node derives the public half. */
function privateKey(crv: 'Ed25519' | 'X25519', d: string): KeyObject {
  const prefix = Buffer.from(crv === 'Ed25519' ? '302e020100300506032b657004220420' : '302e020100300506032b656e04220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([prefix, Buffer.from(d, 'base64url')]), format: 'der', type: 'pkcs8' });
}

export const VECTOR_ORGS = {
  sender: { id: '00000000-0000-4000-8000-0000000000b1', name: 'TEST VECTOR sender (BE), not a real organisation', country: 'BE' },
  recipient: { id: '00000000-0000-4000-8000-0000000000c1', name: 'TEST VECTOR recipient (LU), not a real organisation', country: 'LU' },
} as const;

export const VECTOR_PRIVATE_KEYS = {
  sender: { signing: { d: seed('sender signing') }, encryption: { d: seed('sender encryption') } },
  recipient: { signing: { d: seed('recipient signing') }, encryption: { d: seed('recipient encryption') } },
};

export const VECTOR_CREATED_AT = new Date('2026-01-15T10:00:00.000Z');

export function vectorKeys(role: 'sender' | 'recipient'): OrganisationKeys {
  const org = VECTOR_ORGS[role];
  const signingKey = privateKey('Ed25519', VECTOR_PRIVATE_KEYS[role].signing.d);
  const encryptionKey = privateKey('X25519', VECTOR_PRIVATE_KEYS[role].encryption.d);
  const body = keyCardBodySchema.parse({
    format: 'passerelle-key-card',
    version: 1,
    organisation: { id: org.id, name: org.name, country: org.country },
    keys: {
      signing: { kty: 'OKP', crv: 'Ed25519', x: signingKey.export({ format: 'jwk' }).x },
      encryption: { kty: 'OKP', crv: 'X25519', x: encryptionKey.export({ format: 'jwk' }).x },
    },
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const card = signKeyCard(body, signingKey);
  return { card, fingerprint: fingerprintOf(card), signingKey, encryptionKey };
}

export const VECTOR_ATTACHMENT = Buffer.from('Passerelle handover test vector attachment. Invented content, no real person.\n', 'utf8');

export function vectorContent(sender: OrganisationKeys, recipient: OrganisationKeys): HandoverContent {
  const partner = markPartnerVerified(
    importPartnerCard(undefined, verifyKeyCard(recipient.card), { now: VECTOR_CREATED_AT, ownOrgId: sender.card.organisation.id, partners: [] }).partner,
    recipient.fingerprint.digits,
    VECTOR_CREATED_AT,
  );
  return {
    recipient: partner,
    packageId: '00112233445566778899aabbccddeeff',
    createdAt: VECTOR_CREATED_AT,
    expiresAt: new Date('2026-01-29T10:00:00.000Z'),
    purpose: { code: 'handover', note: 'Test vector' },
    senderCaseCode: 'TV-2026-0001',
    consent: { givenOn: '2026-01-14', categories: ['identity', 'procedure', 'attachments'] },
    sections: {
      identity: { givenNames: 'Test', familyName: 'Vector', note: 'Invented; not a person' },
      procedure: { country: 'BE', phase: 'be.reflection', events: [{ type: 'annex15Issued', date: '2026-01-10' }] },
    },
    attachments: [{ name: 'test-vector.txt', mediaType: 'text/plain', bytes: VECTOR_ATTACHMENT }],
  };
}

async function main(): Promise<void> {
  const sender = vectorKeys('sender');
  const recipient = vectorKeys('recipient');
  const content = vectorContent(sender, recipient);
  const out = (name: string, data: string | Uint8Array) => writeFileSync(join(VECTOR_DIR, name), data);
  out('sender.key-card.json', serialiseKeyCard(sender.card));
  out('recipient.key-card.json', serialiseKeyCard(recipient.card));
  out(
    'recipient.TEST-ONLY.private-keys.json',
    `${JSON.stringify({ warning: 'PUBLIC TEST KEYS of the handover test vector. Never use them for anything else.', ...VECTOR_PRIVATE_KEYS.recipient }, null, 2)}\n`,
  );
  out('expected-manifest.json', JSON.stringify(buildManifest(content, sender)));
  out('expected-attachment.txt', VECTOR_ATTACHMENT);
  out('package.handover', await buildPackage(content, sender));
  console.log(`sender fingerprint    ${sender.fingerprint.display}\nrecipient fingerprint ${recipient.fingerprint.display}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
