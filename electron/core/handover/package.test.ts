import { createReadStream, mkdtempSync, openSync, readFileSync, rmSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, type KeyObject } from 'node:crypto';
import { CompactEncrypt, CompactSign } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { partnerSchema, type Partner } from '../../../shared/handover/key-card.schema';
import type { HandoverManifest } from '../../../shared/handover/package.schema';
import type { PackageRejectionReason } from '../../../shared/handover/reasons';
import { T0, partnersOf, smallContent, twoOrganisations, unverifiedPartner, verifiedPartner } from './handover.fixtures';
import { encryptionPublicKey, generateOrganisationKeys, importPartnerCard, rotateOrganisationKeys, verifyKeyCard, type OrganisationKeys } from './org-keys';
import {
  CHUNK_BYTES,
  CHUNK_JWE_TYP,
  MANIFEST_JWS_TYP,
  PACKAGE_JWE_TYP,
  buildManifest,
  buildPackage,
  openPackage,
  packageParts,
  type OpenPackageOptions,
} from './package';

const { be, lu } = twoOrganisations();
const tmp = mkdtempSync(join(tmpdir(), 'passerelle-handover-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function luOptions(over: Partial<OpenPackageOptions> = {}): OpenPackageOptions {
  return { recipientKeys: lu.keys, knownPartners: partnersOf(lu.partner), now: T0, seenPackageIds: new Set(), ...over };
}

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e) && e.code === 'PACKAGE_REJECTED') return String(e.details?.reason);
    throw e;
  }
  return 'accepted';
}

async function expectRefused(p: Promise<unknown>, reason: PackageRejectionReason): Promise<void> {
  expect(await reasonOf(p)).toBe(reason);
}

/**
 * Builds a package the way an attacker or a broken sender could: any manifest, any headers, any
 * chunks, signed with any key and encrypted to any key.
 */
async function craft(opts: {
  manifest: unknown;
  signWith?: KeyObject;
  jwsHeader?: Record<string, unknown>;
  jweHeader?: Record<string, unknown>;
  encryptTo?: OrganisationKeys;
  chunks?: Uint8Array[];
  critOk?: string[];
}): Promise<Uint8Array> {
  const to = opts.encryptTo ?? lu.keys;
  const key = encryptionPublicKey(to.card.keys.encryption.x);
  const crit = Object.fromEntries((opts.critOk ?? []).map((k) => [k, true]));
  const jws = await new CompactSign(Buffer.from(JSON.stringify(opts.manifest)))
    .setProtectedHeader({ alg: 'EdDSA', typ: MANIFEST_JWS_TYP, kid: be.keys.fingerprint.hex, ...opts.jwsHeader } as never)
    .sign(opts.signWith ?? be.keys.signingKey, { crit });
  const line0 = await new CompactEncrypt(Buffer.from(jws))
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', typ: PACKAGE_JWE_TYP, cty: MANIFEST_JWS_TYP, kid: to.fingerprint.hex, ...opts.jweHeader } as never)
    .encrypt(key, { crit });
  const lines = [line0];
  for (const c of opts.chunks ?? []) {
    lines.push(await new CompactEncrypt(c).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', typ: CHUNK_JWE_TYP, kid: to.fingerprint.hex }).encrypt(key));
  }
  return Buffer.from(lines.map((l) => `${l}\n`).join(''), 'ascii');
}

const STATEMENT = Buffer.from('Invented statement for a test.\n');

function validManifest(over: Partial<HandoverManifest> = {}): HandoverManifest {
  return { ...buildManifest(smallContent(be.partner), be.keys), ...over };
}

describe('handover package: round trip', () => {
  it('opens what it made, from bytes, from a file and from a stream, with multi-chunk and empty attachments', async () => {
    const big = randomBytes(2 * CHUNK_BYTES + 12_345);
    const content = smallContent(be.partner, {
      attachments: [
        { name: 'scan paspoort.pdf', mediaType: 'application/pdf', bytes: big },
        { name: 'leeg.txt', mediaType: 'text/plain', bytes: Buffer.alloc(0) },
        { name: 'verklaring.txt', mediaType: 'text/plain', bytes: STATEMENT },
      ],
    });
    const bytes = await buildPackage(content, be.keys);
    expect(bytes.toString().split('\n')).toHaveLength(1 + 3 + 0 + 1 + 1); // manifest, 3 chunks, 0, 1, final ''
    const path = join(tmp, 'roundtrip.handover');
    writeFileSync(path, bytes);

    for (const input of [bytes, { path }, createReadStream(path, { highWaterMark: 7_777 })]) {
      const preview = await openPackage(input, luOptions());
      expect(preview.sender.orgId).toBe(be.keys.card.organisation.id);
      expect(preview.manifest).toMatchObject({
        format: 'passerelle-handover-package',
        version: 1,
        sender: { orgId: be.keys.card.organisation.id, country: 'BE', fingerprint: be.keys.fingerprint.hex },
        recipient: { orgId: lu.keys.card.organisation.id, country: 'LU', fingerprint: lu.keys.fingerprint.hex },
        purpose: { code: 'handover', note: null },
        senderCaseCode: 'CVB-2026-0007',
        sections: content.sections,
      });
      expect(preview.manifest.packageId).toMatch(/^[0-9a-f]{32}$/);
      expect(preview.manifest.expiresAt).toBe('2026-12-13T09:00:00.000Z');
      expect(preview.attachments.map((a) => [a.name, a.size])).toEqual([
        ['scan paspoort.pdf', big.length],
        ['leeg.txt', 0],
        ['verklaring.txt', STATEMENT.length],
      ]);
      expect(Buffer.compare(preview.attachments[0]!.bytes, big)).toBe(0);
      expect(preview.attachments[2]!.bytes.toString()).toBe(STATEMENT.toString());
      expect(preview.bytes).toBe(bytes.length);
    }
    expect(Buffer.compare(readFileSync(path), bytes)).toBe(0); // opening changed nothing (compare: toEqual walks 3 MB byte by byte)
  });

  it('makes a new random package id and fresh ciphertext each time', async () => {
    const a = await buildPackage(smallContent(be.partner), be.keys);
    const b = await buildPackage(smallContent(be.partner), be.keys);
    expect(Buffer.compare(a, b)).not.toBe(0);
    const [pa, pb] = await Promise.all([openPackage(a, luOptions()), openPackage(b, luOptions())]);
    expect(pa.manifest.packageId).not.toBe(pb.manifest.packageId);
  });

  it('only calls the lookups it is given, and writes nothing', async () => {
    const bytes = await buildPackage(smallContent(be.partner), be.keys);
    const calls: string[] = [];
    await openPackage(bytes, {
      ...luOptions(),
      knownPartners: { get: (id) => (calls.push(`partner ${id}`), id === lu.partner.orgId ? lu.partner : undefined) },
      seenPackageIds: { has: (id) => (calls.push(`seen ${id.length}`), false) },
    });
    expect(calls).toEqual([`partner ${be.keys.card.organisation.id}`, 'seen 32']);
  });

  it('rethrows an error of a lookup unchanged (a database failure is not a refusal)', async () => {
    const bytes = await buildPackage(smallContent(be.partner), be.keys);
    const boom = new Error('database is locked');
    await expect(openPackage(bytes, luOptions({ seenPackageIds: { has: () => { throw boom; } } }))).rejects.toBe(boom);
  });
});

describe('handover package: export refuses', () => {
  it('an unverified recipient, missing consent, unsafe names', () => {
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isAppError(e) ? e.details?.reason : String(e);
      }
      return 'made';
    };
    expect(reason(() => buildManifest(smallContent(unverifiedPartner(lu.keys, be.keys)), be.keys))).toBe('handover.recipientNotVerified');
    expect(reason(() => buildManifest(smallContent(be.partner, { consent: { givenOn: '2026-11-27', categories: ['identity'] } }), be.keys))).toBe(
      'handover.consentNotCovered',
    );
    expect(
      reason(() => buildManifest(smallContent(be.partner, { attachments: [{ name: '../x', mediaType: 'text/plain', bytes: STATEMENT }] }), be.keys)),
    ).toBe('handover.unsafeAttachmentName');
    expect(reason(() => buildManifest(smallContent(be.partner, { expiresAt: new Date(T0.getTime() + 31 * 86_400_000) }), be.keys))).toBe(
      'handover.invalidContent',
    );
  });
});

describe('handover package: every refusal has its own reason', () => {
  it('oversize: bytes, a file (before reading it), a stream (reading stops at the cap)', async () => {
    const bytes = await buildPackage(smallContent(be.partner), be.keys);
    await expectRefused(openPackage(bytes, luOptions({ maxBytes: bytes.length - 1 })), 'oversize');
    // A 200 MB sparse file: refused on its size alone, nothing read.
    const sparse = join(tmp, 'sparse.handover');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const t = performance.now();
    await expectRefused(openPackage({ path: sparse }, luOptions()), 'oversize');
    expect(performance.now() - t).toBeLessThan(1000);
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        pulled++;
        yield Buffer.alloc(64 * 1024, 0x41);
      }
    }
    await expectRefused(openPackage(endless(), luOptions({ maxBytes: 1024 * 1024 })), 'oversize');
    expect(pulled).toBe(17);
  });

  it('malformed: a line of 14 million dots is refused without splitting it into 14 million strings', async () => {
    const dots = Buffer.alloc(14 * 1024 * 1024, 0x2e);
    dots[dots.length - 1] = 0x0a;
    const t = performance.now();
    await expectRefused(openPackage(dots, luOptions()), 'malformed');
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('malformed: junk, an empty file, a truncated package, trailing data', async () => {
    const bytes = Buffer.from(await buildPackage(smallContent(be.partner), be.keys));
    await expectRefused(openPackage(Buffer.from('hello\n'), luOptions()), 'malformed');
    await expectRefused(openPackage(Buffer.alloc(0), luOptions()), 'malformed');
    await expectRefused(openPackage(bytes.subarray(0, bytes.length - 1), luOptions()), 'malformed');
    await expectRefused(openPackage(Buffer.concat([bytes, Buffer.from('\n')]), luOptions()), 'malformed');
    const lines = bytes.toString().split('\n');
    await expectRefused(openPackage(Buffer.from(`${lines[0]}\n`), luOptions()), 'malformed'); // attachment chunk missing
  });

  it('wrongRecipient: encrypted to another organisation, or naming another in the signed manifest', async () => {
    const nl = generateOrganisationKeys({ name: 'Stichting Voorbeeld (test)', country: 'NL', now: T0 });
    const toNl = await buildPackage(smallContent(verifiedPartner(nl, be.keys)), be.keys);
    await expectRefused(openPackage(toNl, luOptions()), 'wrongRecipient');
    // Forwarding: NL decrypts a package meant for it and re-encrypts the signed manifest to LU.
    const manifestForNl = { ...validManifest(), recipient: { orgId: nl.card.organisation.id, name: nl.card.organisation.name, country: 'NL', fingerprint: nl.fingerprint.hex } };
    await expectRefused(openPackage(await craft({ manifest: manifestForNl, chunks: [STATEMENT] }), luOptions()), 'wrongRecipient');
  });

  it('unknownSender, unverifiedSender and senderKeyChanged', async () => {
    const bytes = await buildPackage(smallContent(be.partner), be.keys);
    await expectRefused(openPackage(bytes, luOptions({ knownPartners: new Map() })), 'unknownSender');
    await expectRefused(openPackage(bytes, luOptions({ knownPartners: partnersOf(unverifiedPartner(be.keys, lu.keys)) })), 'unverifiedSender');
    // LU holds BE's verified card; BE rotated its keys and LU imported the new card: blocked.
    const rotated = rotateOrganisationKeys(be.keys, { now: new Date('2026-11-30T09:00:00.000Z') });
    // A partner left 'keyChanged' by an older vault (new cards now wait beside the verified one).
    const changed = partnerSchema.parse({
      ...lu.partner,
      card: rotated.card,
      fingerprint: rotated.fingerprint.hex,
      status: 'keyChanged',
      verifiedFingerprint: null,
      verifiedAt: null,
      previousCard: lu.partner.card,
    });
    expect(changed.status).toBe('keyChanged');
    // Today's rule: the new card waits, the verified one stays; a package signed with the new keys is refused.
    const waiting = importPartnerCard(lu.partner, verifyKeyCard(rotated.card), { now: new Date('2026-11-30T09:00:00.000Z'), ownOrgId: lu.keys.card.organisation.id, partners: [] }).partner;
    expect(waiting).toMatchObject({ status: 'verified', pendingCard: rotated.card });
    await expectRefused(openPackage(bytes, luOptions({ knownPartners: partnersOf(changed) })), 'senderKeyChanged');
    // BE sends with its new keys while LU still holds the old verified card.
    const beNew = { keys: rotated, partner: be.partner };
    const fromNewKeys = await buildPackage(smallContent(beNew.partner), beNew.keys);
    await expectRefused(openPackage(fromNewKeys, luOptions()), 'senderKeyChanged');
  });

  it('badSignature: a manifest claiming to come from the partner, signed with another key', async () => {
    const mallory = generateOrganisationKeys({ name: 'Mallory (test)', country: 'BE', now: T0 });
    await expectRefused(openPackage(await craft({ manifest: validManifest(), signWith: mallory.signingKey, chunks: [STATEMENT] }), luOptions()), 'badSignature');
  });

  it('replay, expired and notYetValid', async () => {
    const bytes = await buildPackage(smallContent(be.partner), be.keys);
    const { manifest } = await openPackage(bytes, luOptions());
    await expectRefused(openPackage(bytes, luOptions({ seenPackageIds: new Set([manifest.packageId]) })), 'replay');
    await expectRefused(openPackage(bytes, luOptions({ now: new Date('2026-12-13T09:00:00.000Z') })), 'expired');
    expect((await openPackage(bytes, luOptions({ now: new Date('2026-12-13T08:59:59.999Z') }))).manifest.packageId).toBe(manifest.packageId);
    await expectRefused(openPackage(bytes, luOptions({ now: new Date(T0.getTime() - 5 * 60_000 - 1) })), 'notYetValid');
    expect(await reasonOf(openPackage(bytes, luOptions({ now: new Date(T0.getTime() - 5 * 60_000) })))).toBe('accepted');
  });

  it('unsupportedVersion, and a lifetime beyond the format limit is malformed', async () => {
    await expectRefused(openPackage(await craft({ manifest: { ...validManifest(), version: 2 }, chunks: [STATEMENT] }), luOptions()), 'unsupportedVersion');
    const long = { ...validManifest(), expiresAt: '2027-11-29T09:00:00.000Z' };
    await expectRefused(openPackage(await craft({ manifest: long, chunks: [STATEMENT] }), luOptions()), 'malformed');
  });

  it('algorithmNotAllowed: another content encryption, another signature algorithm', async () => {
    const key = encryptionPublicKey(lu.keys.card.keys.encryption.x);
    const jws = await new CompactSign(Buffer.from(JSON.stringify(validManifest())))
      .setProtectedHeader({ alg: 'EdDSA', typ: MANIFEST_JWS_TYP, kid: be.keys.fingerprint.hex })
      .sign(be.keys.signingKey);
    const a128 = await new CompactEncrypt(Buffer.from(jws))
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A128GCM', typ: PACKAGE_JWE_TYP, cty: MANIFEST_JWS_TYP, kid: lu.keys.fingerprint.hex })
      .encrypt(key);
    await expectRefused(openPackage(Buffer.from(`${a128}\n`), luOptions()), 'algorithmNotAllowed');
    const direct = await new CompactEncrypt(Buffer.from(jws))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', typ: PACKAGE_JWE_TYP, cty: MANIFEST_JWS_TYP, kid: lu.keys.fingerprint.hex })
      .encrypt(key);
    await expectRefused(openPackage(Buffer.from(`${direct}\n`), luOptions()), 'algorithmNotAllowed');
    // "none" and HMAC: refused on the header, before any key is used.
    const payload = Buffer.from(JSON.stringify(validManifest())).toString('base64url');
    for (const alg of ['none', 'HS256']) {
      const header = Buffer.from(JSON.stringify({ alg, typ: MANIFEST_JWS_TYP, kid: be.keys.fingerprint.hex })).toString('base64url');
      const fakeJws = `${header}.${payload}.${Buffer.alloc(64).toString('base64url')}`;
      const line = await new CompactEncrypt(Buffer.from(fakeJws))
        .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', typ: PACKAGE_JWE_TYP, cty: MANIFEST_JWS_TYP, kid: lu.keys.fingerprint.hex })
        .encrypt(key);
      await expectRefused(openPackage(Buffer.from(`${line}\n`), luOptions()), 'algorithmNotAllowed');
    }
  });

  it('criticalHeader: an unknown critical extension in the JWE or in the JWS', async () => {
    const m = validManifest();
    await expectRefused(
      openPackage(await craft({ manifest: m, jweHeader: { crit: ['psl.x'], 'psl.x': 1 }, critOk: ['psl.x'], chunks: [STATEMENT] }), luOptions()),
      'criticalHeader',
    );
    await expectRefused(
      openPackage(await craft({ manifest: m, jwsHeader: { crit: ['psl.x'], 'psl.x': 1 }, critOk: ['psl.x'], chunks: [STATEMENT] }), luOptions()),
      'criticalHeader',
    );
    // An unknown non-critical parameter, compression, or an embedded key: not part of the format.
    await expectRefused(openPackage(await craft({ manifest: m, jweHeader: { zip: 'DEF' }, chunks: [STATEMENT] }), luOptions()), 'malformed');
    await expectRefused(openPackage(await craft({ manifest: m, jwsHeader: { jwk: be.keys.card.keys.signing }, chunks: [STATEMENT] }), luOptions()), 'malformed');
  });

  it('consentNotCovered: sections the signed consent does not name', async () => {
    const m = { ...validManifest(), consent: { givenOn: '2026-11-27', categories: ['identity', 'attachments'] } };
    await expectRefused(openPackage(await craft({ manifest: m, chunks: [STATEMENT] }), luOptions()), 'consentNotCovered');
  });

  it('unsafeAttachmentName: even when signed by the verified partner', async () => {
    for (const name of ['../../.ssh/authorized_keys', '..\\evil.dll', '/etc/passwd', 'C:x', 'a\u0000b', 'invoice\u202Efdp.exe', 'x'.repeat(121), 'CON']) {
      const base = validManifest();
      const m = { ...base, attachments: [{ ...base.attachments[0]!, name }] };
      expect(await reasonOf(openPackage(await craft({ manifest: m, chunks: [STATEMENT] }), luOptions())), JSON.stringify(name)).toBe('unsafeAttachmentName');
    }
  });

  it('attachmentHashMismatch: a chunk replaced by another that decrypts fine', async () => {
    // Anyone with LU's public key can encrypt a chunk; only the signed hash tells it apart.
    const forged = Buffer.from('Invented statement for a tesT.\n');
    await expectRefused(openPackage(await craft({ manifest: validManifest(), chunks: [forged] }), luOptions()), 'attachmentHashMismatch');
    // A chunk of another length is malformed (the signed size decides the layout).
    await expectRefused(openPackage(await craft({ manifest: validManifest(), chunks: [Buffer.from('short')] }), luOptions()), 'malformed');
  });

  it('refuses a package whose partner record belongs to someone else', async () => {
    const bytes = await buildPackage(smallContent(be.partner), be.keys);
    const liar: Partner = { ...lu.partner, orgId: '11111111-1111-4111-8111-111111111111' };
    await expectRefused(openPackage(bytes, luOptions({ knownPartners: { get: () => liar } })), 'unknownSender');
  });

  it('refuses declared sizes the file cannot hold, before allocating them', async () => {
    const base = validManifest();
    const huge = { ...base, attachments: [{ ...base.attachments[0]!, size: 90 * 1024 * 1024 }] };
    await expectRefused(openPackage(await craft({ manifest: huge }), luOptions()), 'malformed');
    const over = { ...base, attachments: [{ ...base.attachments[0]!, size: 200 * 1024 * 1024 }] };
    await expectRefused(openPackage(await craft({ manifest: over }), luOptions()), 'oversize');
  });

  it("refuses a manifest that shows other names or countries than the parties' cards", async () => {
    const base = validManifest();
    await expectRefused(openPackage(await craft({ manifest: { ...base, sender: { ...base.sender, name: 'Police (not really)' } }, chunks: [STATEMENT] }), luOptions()), 'malformed');
    await expectRefused(openPackage(await craft({ manifest: { ...base, recipient: { ...base.recipient, country: 'NL' } }, chunks: [STATEMENT] }), luOptions()), 'malformed');
  });

  it('does not trust a partner record whose card was swapped without a new verification', async () => {
    const bytes = await buildPackage(smallContent(be.partner), be.keys);
    const mallory = generateOrganisationKeys({ name: 'Mallory (test)', country: 'BE', now: T0 });
    const swapped: Partner = { ...lu.partner, card: { ...mallory.card, organisation: lu.partner.card.organisation } };
    await expectRefused(openPackage(bytes, luOptions({ knownPartners: partnersOf(swapped) })), 'unverifiedSender');
  });

  it("treats an invalid clock or cap as the caller's mistake, not as a refusal", async () => {
    const bytes = await buildPackage(smallContent(be.partner), be.keys);
    await expect(openPackage(bytes, luOptions({ now: new Date('nonsense') }))).rejects.toBeInstanceOf(TypeError);
    await expect(openPackage(bytes, luOptions({ maxBytes: Number.POSITIVE_INFINITY }))).rejects.toBeInstanceOf(TypeError);
  });

  it('reads a stream however it is cut, down to one byte per chunk', async () => {
    const bytes = Buffer.from(await buildPackage(smallContent(be.partner), be.keys));
    async function* bytewise(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    }
    expect((await openPackage(bytewise(), luOptions())).attachments[0]?.bytes.toString()).toBe(STATEMENT.toString());
  });

  it('streams attachments to the file one line at a time', async () => {
    const parts: number[] = [];
    for await (const p of packageParts(smallContent(be.partner, { attachments: [{ name: 'a.bin', mediaType: 'application/octet-stream', bytes: randomBytes(CHUNK_BYTES * 2) }] }), be.keys)) {
      parts.push(p.length);
    }
    expect(parts).toHaveLength(3);
    expect(Math.max(...parts)).toBeLessThan(CHUNK_BYTES * 1.4);
  });
});
