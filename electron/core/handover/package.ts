/**
 * The handover package. Format: docs/handover-package.md.
 *
 * One file of ASCII lines, each a compact JWE (ECDH-ES+A256KW on X25519, A256GCM) to the recipient's
 * encryption key, made with jose:
 *   line 0      the manifest: a compact JWS (EdDSA, the sender's Ed25519 key) over the manifest JSON,
 *               which names sender and recipient (org ids and card fingerprints), a random 128-bit
 *               package id, creation and expiry times, the format version, the purpose, the person's
 *               consent, the chosen sections of data, and each attachment's name, type, size and SHA-256;
 *   line 1..n   the attachments' bytes, in manifest order, each attachment cut into chunks of at most
 *               1 MiB, one JWE per chunk.
 * The signed hashes bind the chunks to the manifest. Chunking keeps memory flat: a 50 MB package is
 * never one 67 MB base64 string handed to jose (which would hold several copies of it at once).
 *
 * `openPackage` reads and verifies without side effects and returns a preview; every refusal is an
 * AppError PACKAGE_REJECTED with one reason code (shared/handover/reasons.ts), and nothing else
 * escapes for any input bytes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { attachmentNamesProblem } from '../../../shared/handover/attachment-name';
import { isSafeJson } from '../../../shared/handover/encoding';
import {
  PACKAGE_FORMAT,
  PACKAGE_LIMITS,
  PACKAGE_VERSION,
  consentCovers,
  manifestSchema,
  type AttachmentEntry,
  type ConsentCategory,
  type HandoverManifest,
  type HandoverSection,
  type PartyRef,
} from '../../../shared/handover/package.schema';
import type { Partner } from '../../../shared/handover/key-card.schema';
import { canExchangeWith, encryptionPublicKey, signingPublicKey, type OrganisationKeys } from './org-keys';
import { openLineReader, type LineReader, type PackageInput } from './package-source';
import {
  Refusal,
  asciiOf,
  callerDoes,
  checkJwe,
  checkJws,
  decryptJwe,
  encryptJwe,
  jweLength,
  jwsLength,
  parseJsonBytes,
  signJws,
  toRejection,
  verifyJws,
} from './strict-jose';

export type { PackageInput } from './package-source';

export const PACKAGE_JWE_TYP = 'passerelle-handover+jwe';
export const MANIFEST_JWS_TYP = 'passerelle-handover-manifest+jws';
export const CHUNK_JWE_TYP = 'passerelle-handover-chunk+jwe';
/** Attachment bytes per chunk line. */
export const CHUNK_BYTES = 1024 * 1024;
/** The default size cap of a package file: 96 MiB (50 MB of attachments make a file of about 67 MB). */
export const DEFAULT_MAX_PACKAGE_BYTES = 96 * 1024 * 1024;
/** How far in the future a package's creation time may be (clocks differ). */
export const DEFAULT_CLOCK_SKEW_MS = 5 * 60 * 1000;
export const DEFAULT_VALIDITY_MS = 14 * 24 * 60 * 60 * 1000;

const MAX_MANIFEST_LINE = jweLength(jwsLength(PACKAGE_LIMITS.maxManifestBytes));
const MAX_CHUNK_LINE = jweLength(CHUNK_BYTES);
/** The manifest JSON may be deeper than a section by its own few levels. */
const MAX_MANIFEST_DEPTH = PACKAGE_LIMITS.maxSectionDepth + 4;

// ---------------------------------------------------------------------------------------------
// Export

export interface AttachmentInput {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface HandoverContent {
  /** The partner the package goes to: must be verified (canExchangeWith). */
  recipient: Partner;
  purpose: HandoverManifest['purpose'];
  senderCaseCode: string;
  consent: { givenOn: string; categories: ConsentCategory[] };
  sections: Partial<Record<HandoverSection, Record<string, unknown>>>;
  attachments: AttachmentInput[];
  createdAt: Date;
  /** Default: 14 days after creation; at most 30. */
  expiresAt?: Date;
  /** Only for test vectors: a fixed id. Default: 128 random bits. */
  packageId?: string;
}

/** Why an export is refused (AppError VALIDATION, `details.reason` = `handover.<code>`). */
export type ExportRefusal = 'recipientNotVerified' | 'recipientIsSelf' | 'consentNotCovered' | 'unsafeAttachmentName' | 'invalidContent';

function exportRefused(code: ExportRefusal, fields?: { path: string; code: string; message: string }[]): AppError {
  return new AppError('VALIDATION', 'validation', undefined, { reason: `handover.${code}`, ...(fields ? { fields } : {}) });
}

export function partyOf(keysOrPartner: OrganisationKeys | Partner): PartyRef {
  const { id, name, country } = keysOrPartner.card.organisation;
  const fp = keysOrPartner.fingerprint;
  return { orgId: id, name, country, fingerprint: typeof fp === 'string' ? fp : fp.hex };
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Builds and checks the manifest; refuses what the recipient would refuse. */
export function buildManifest(content: HandoverContent, sender: OrganisationKeys): HandoverManifest {
  if (!canExchangeWith(content.recipient)) throw exportRefused('recipientNotVerified');
  if (content.recipient.orgId === sender.card.organisation.id) throw exportRefused('recipientIsSelf');
  const names = content.attachments.map((a) => a.name);
  if (attachmentNamesProblem(names)) throw exportRefused('unsafeAttachmentName');
  const createdAt = content.createdAt;
  const expiresAt = content.expiresAt ?? new Date(createdAt.getTime() + DEFAULT_VALIDITY_MS);
  const attachments: AttachmentEntry[] = content.attachments.map((a) => ({
    name: a.name,
    mediaType: a.mediaType,
    size: a.bytes.length,
    sha256: sha256Hex(a.bytes),
  }));
  const candidate = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    packageId: content.packageId ?? randomBytes(16).toString('hex'),
    createdAt: createdAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    sender: partyOf(sender),
    recipient: partyOf(content.recipient),
    purpose: content.purpose,
    senderCaseCode: content.senderCaseCode,
    consent: { givenOn: content.consent.givenOn, categories: [...content.consent.categories] },
    sections: content.sections,
    attachments,
  };
  const parsed = manifestSchema.safeParse(candidate);
  if (!parsed.success) {
    throw exportRefused(
      'invalidContent',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
    );
  }
  const m = parsed.data;
  if (!consentCovers(m)) throw exportRefused('consentNotCovered');
  const lifetime = expiresAt.getTime() - createdAt.getTime();
  if (lifetime <= 0 || lifetime > PACKAGE_LIMITS.maxLifetimeMs) throw exportRefused('invalidContent');
  if (!isSafeJson(JSON.parse(JSON.stringify(m)), MAX_MANIFEST_DEPTH)) throw exportRefused('invalidContent');
  if (Buffer.byteLength(JSON.stringify(m), 'utf8') > PACKAGE_LIMITS.maxManifestBytes) throw exportRefused('invalidContent');
  return m;
}

const NEWLINE = Buffer.from('\n');

/**
 * The package as a sequence of byte chunks (each a line with its '\n'), so it can be streamed to a
 * file without holding the whole package in memory. Attachments are read from the caller's buffers.
 */
export async function* packageParts(content: HandoverContent, sender: OrganisationKeys): AsyncGenerator<Uint8Array> {
  const manifest = buildManifest(content, sender);
  const recipientKey = encryptionPublicKey(content.recipient.card.keys.encryption.x);
  const kid = content.recipient.fingerprint;
  const jws = await signJws(Buffer.from(JSON.stringify(manifest), 'utf8'), sender.signingKey, { typ: MANIFEST_JWS_TYP, kid: sender.fingerprint.hex });
  const line0 = await encryptJwe(Buffer.from(jws, 'ascii'), recipientKey, { typ: PACKAGE_JWE_TYP, cty: MANIFEST_JWS_TYP, kid });
  yield Buffer.concat([Buffer.from(line0, 'ascii'), NEWLINE]);
  for (const a of content.attachments) {
    for (let off = 0; off < a.bytes.length; off += CHUNK_BYTES) {
      const chunk = a.bytes.subarray(off, Math.min(off + CHUNK_BYTES, a.bytes.length));
      const line = await encryptJwe(chunk, recipientKey, { typ: CHUNK_JWE_TYP, kid });
      yield Buffer.concat([Buffer.from(line, 'ascii'), NEWLINE]);
    }
  }
}

/** The whole package in memory (small packages, tests). For large ones stream `packageParts` to a file. */
export async function buildPackage(content: HandoverContent, sender: OrganisationKeys): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of packageParts(content, sender)) parts.push(p);
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Import

/** What `openPackage` needs to know; lookups are the caller's (database) and must not write. */
export interface OpenPackageOptions {
  /** This organisation's keys: the current ones, and older ones still accepted during a key change. */
  recipientKeys: OrganisationKeys | readonly OrganisationKeys[];
  /** Partners by organisation id (a Map works). */
  knownPartners: { get(orgId: string): Partner | undefined };
  now: Date;
  /** Package ids already imported (a Set works). */
  seenPackageIds: { has(packageId: string): boolean };
  /** Size cap in bytes; default DEFAULT_MAX_PACKAGE_BYTES. */
  maxBytes?: number;
  clockSkewMs?: number;
}

export interface OpenedAttachment extends AttachmentEntry {
  bytes: Uint8Array;
}

export interface PackagePreview {
  manifest: HandoverManifest;
  /** The verified partner who signed it. */
  sender: Partner;
  attachments: OpenedAttachment[];
  /** Size of the package file. */
  bytes: number;
}

/**
 * Opens a package: checks size, form, algorithms, recipient, sender (known, verified, same keys),
 * signature, replay, validity times, consent, attachment names, and every attachment's hash, and
 * returns what the preview shows. Writes nothing; calls only the caller's lookups.
 * Throws AppError PACKAGE_REJECTED (details.reason = the code) for anything wrong with the package;
 * an error thrown by a lookup or by the file system is rethrown unchanged.
 */
export async function openPackage(input: PackageInput, opts: OpenPackageOptions): Promise<PackagePreview> {
  checkOptions(opts.now, opts.maxBytes, opts.clockSkewMs);
  let reader: LineReader | undefined;
  try {
    reader = await openLineReader(input, opts.maxBytes ?? DEFAULT_MAX_PACKAGE_BYTES);
    return await readPackage(reader, opts);
  } catch (e) {
    throw toRejection(e);
  } finally {
    await reader?.close();
  }
}

/** Caller mistakes are TypeErrors, not refusals: an invalid `now` would make every package look current. */
export function checkOptions(now: Date, maxBytes: number | undefined, clockSkewMs: number | undefined): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('now must be a valid Date');
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes > 0)) throw new TypeError('maxBytes must be a positive integer');
  if (clockSkewMs !== undefined && !(Number.isFinite(clockSkewMs) && clockSkewMs >= 0)) throw new TypeError('clockSkewMs must be >= 0');
}

function sameParty(a: PartyRef, b: PartyRef): boolean {
  return a.orgId === b.orgId && a.name === b.name && a.country === b.country && sameHex(a.fingerprint, b.fingerprint);
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

async function readPackage(reader: LineReader, opts: OpenPackageOptions): Promise<PackagePreview> {
  const own = Array.isArray(opts.recipientKeys) ? (opts.recipientKeys as readonly OrganisationKeys[]) : [opts.recipientKeys as OrganisationKeys];

  // 1. The manifest line: form and header first, then is it for us?
  const first = await reader.next(MAX_MANIFEST_LINE);
  if (first === null) throw new Refusal('malformed');
  const outer = checkJwe(asciiOf(first), { typ: PACKAGE_JWE_TYP, cty: MANIFEST_JWS_TYP });
  const mine = own.find((k) => k.fingerprint.hex === outer.kid);
  if (!mine) throw new Refusal('wrongRecipient');
  const jwsBytes = await decryptJwe(outer, mine.encryptionKey);

  // 2. The signed manifest: header, then the claimed sender, who must be a verified partner.
  const jws = checkJws(asciiOf(jwsBytes), MANIFEST_JWS_TYP, PACKAGE_LIMITS.maxManifestBytes);
  const claimed = parseJsonBytes(jws.payload);
  if (!isSafeJson(claimed, MAX_MANIFEST_DEPTH)) throw new Refusal('malformed');
  const c = claimed as Record<string, unknown>;
  if (c === null || typeof c !== 'object' || Array.isArray(c) || c.format !== PACKAGE_FORMAT) throw new Refusal('malformed');
  if (c.version !== PACKAGE_VERSION) throw new Refusal('unsupportedVersion');
  const claimedSender = c.sender as Record<string, unknown> | undefined;
  const senderOrgId = claimedSender && typeof claimedSender === 'object' ? claimedSender.orgId : undefined;
  if (typeof senderOrgId !== 'string') throw new Refusal('malformed');
  const partner = callerDoes(() => opts.knownPartners.get(senderOrgId));
  if (!partner || partner.orgId !== senderOrgId) throw new Refusal('unknownSender');
  if (partner.status === 'keyChanged') throw new Refusal('senderKeyChanged');
  if (!canExchangeWith(partner)) throw new Refusal('unverifiedSender');
  if (claimedSender?.fingerprint !== partner.fingerprint || jws.kid !== partner.fingerprint) throw new Refusal('senderKeyChanged');
  await verifyJws(jws, signingPublicKey(partner.card.keys.signing.x));

  // 3. From here on the content is the verified partner's own statement.
  const parsed = manifestSchema.safeParse(claimed);
  if (!parsed.success) throw new Refusal('malformed');
  const m = parsed.data;
  if (m.recipient.orgId !== mine.card.organisation.id || !sameHex(m.recipient.fingerprint, mine.fingerprint.hex)) {
    throw new Refusal('wrongRecipient');
  }
  // Names and countries are those of the cards the fingerprints cover: shown from the manifest, they must match.
  if (!sameParty(m.recipient, partyOf(mine)) || !sameParty(m.sender, partyOf(partner))) throw new Refusal('malformed');
  if (callerDoes(() => opts.seenPackageIds.has(m.packageId))) throw new Refusal('replay');
  const now = opts.now.getTime();
  const created = Date.parse(m.createdAt);
  const expires = Date.parse(m.expiresAt);
  if (expires <= created || expires - created > PACKAGE_LIMITS.maxLifetimeMs) throw new Refusal('malformed');
  if (created > now + (opts.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS)) throw new Refusal('notYetValid');
  if (now >= expires) throw new Refusal('expired');
  if (!consentCovers(m)) throw new Refusal('consentNotCovered');
  if (attachmentNamesProblem(m.attachments.map((a) => a.name))) throw new Refusal('unsafeAttachmentName');
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_PACKAGE_BYTES;
  const total = m.attachments.reduce((n, a) => n + a.size, 0);
  if (total > maxBytes) throw new Refusal('oversize');
  // The attachments travel in the file, base64url-encoded: they cannot be larger than it. This keeps
  // a small file from making us allocate the declared sizes.
  if (reader.size !== undefined && total > reader.size) throw new Refusal('malformed');

  // 4. The attachments: each chunk decrypted into a buffer of the signed size, hashed as it comes.
  const attachments: OpenedAttachment[] = [];
  let hashMismatch = false;
  for (const entry of m.attachments) {
    const bytes = Buffer.alloc(entry.size);
    const hash = createHash('sha256');
    for (let off = 0; off < entry.size; off += CHUNK_BYTES) {
      const expected = Math.min(CHUNK_BYTES, entry.size - off);
      const line = await reader.next(MAX_CHUNK_LINE);
      if (line === null) throw new Refusal('malformed');
      const chunkJwe = checkJwe(asciiOf(line), { typ: CHUNK_JWE_TYP });
      if (chunkJwe.kid !== outer.kid) throw new Refusal('malformed');
      const plain = await decryptJwe(chunkJwe, mine.encryptionKey);
      if (plain.length !== expected) throw new Refusal('malformed');
      hash.update(plain);
      bytes.set(plain, off);
    }
    if (!sameHex(hash.digest('hex'), entry.sha256)) hashMismatch = true;
    attachments.push({ ...entry, bytes });
  }
  if ((await reader.next(0)) !== null) throw new Refusal('malformed');
  if (hashMismatch) throw new Refusal('attachmentHashMismatch');
  return { manifest: m, sender: partner, attachments, bytes: reader.bytesRead };
}

