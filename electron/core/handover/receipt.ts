/**
 * Receipts: the receiving organisation's signed acknowledgement of a package,
 * accepted or rejected with a reason code. Format: docs/handover-package.md "Receipts".
 *
 * A receipt is one line: a compact JWS (EdDSA) over the receipt JSON, or, when encrypted to the
 * package's sender, a compact JWE (ECDH-ES+A256KW, A256GCM) around that JWS. `openReceipt` reads it
 * as strictly as `openPackage` reads a package.
 */
import { randomBytes } from 'node:crypto';
import { isSafeJson } from '../../../shared/handover/encoding';
import type { Partner } from '../../../shared/handover/key-card.schema';
import {
  RECEIPT_FORMAT,
  RECEIPT_VERSION,
  receiptSchema,
  type HandoverReceipt,
} from '../../../shared/handover/package.schema';
import type { ReceiptOutcomeReason } from '../../../shared/handover/reasons';
import { AppError } from '../../../shared/errors';
import { canExchangeWith, encryptionPublicKey, signingPublicKey, type OrganisationKeys } from './org-keys';
import { DEFAULT_CLOCK_SKEW_MS, checkOptions, partyOf } from './package';
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

export const RECEIPT_JWS_TYP = 'passerelle-handover-receipt+jws';
export const RECEIPT_JWE_TYP = 'passerelle-handover-receipt+jwe';
const MAX_RECEIPT_JSON = 4096;
const MAX_RECEIPT_LINE = jweLength(jwsLength(MAX_RECEIPT_JSON));
export const MAX_RECEIPT_BYTES = MAX_RECEIPT_LINE + 1;

export interface ReceiptContent {
  packageId: string;
  /** The partner who sent the package (the receipt goes back to them). */
  to: Partner;
  outcome: 'accepted' | 'rejected';
  /** Required when rejected: the package's refusal reason, or 'declined'. */
  reason: ReceiptOutcomeReason | null;
  at: Date;
  /** Encrypt the receipt to the sender (default true); a plain signed receipt can be shown to third parties. */
  encrypt?: boolean;
  /** Only for test vectors. */
  receiptId?: string;
}

/** Makes a receipt file (one line and '\n'), signed by `own`. */
export async function createReceipt(content: ReceiptContent, own: OrganisationKeys): Promise<Uint8Array> {
  const parsed = receiptSchema.safeParse({
    format: RECEIPT_FORMAT,
    version: RECEIPT_VERSION,
    receiptId: content.receiptId ?? randomBytes(16).toString('hex'),
    packageId: content.packageId,
    from: partyOf(own),
    to: partyOf(content.to),
    outcome: content.outcome,
    reason: content.reason,
    at: content.at.toISOString(),
  });
  if (!parsed.success) throw new AppError('VALIDATION', 'validation', undefined, { reason: 'handover.invalidReceipt' });
  const encrypt = content.encrypt ?? true;
  if (encrypt && !canExchangeWith(content.to)) throw new AppError('VALIDATION', 'validation', undefined, { reason: 'handover.recipientNotVerified' });
  const jws = await signJws(Buffer.from(JSON.stringify(parsed.data), 'utf8'), own.signingKey, { typ: RECEIPT_JWS_TYP, kid: own.fingerprint.hex });
  const line = encrypt
    ? await encryptJwe(Buffer.from(jws, 'ascii'), encryptionPublicKey(content.to.card.keys.encryption.x), {
        typ: RECEIPT_JWE_TYP,
        cty: RECEIPT_JWS_TYP,
        kid: content.to.fingerprint,
      })
    : jws;
  return Buffer.from(`${line}\n`, 'ascii');
}

/** What the sending side knows about a package it sent. */
export interface SentPackage {
  recipientOrgId: string;
  createdAt: string;
}

export interface OpenReceiptOptions {
  ownKeys: OrganisationKeys | readonly OrganisationKeys[];
  knownPartners: { get(orgId: string): Partner | undefined };
  /** Packages this organisation sent, by package id. */
  sentPackages: { get(packageId: string): SentPackage | undefined };
  /** Receipt ids already imported. */
  seenReceiptIds: { has(receiptId: string): boolean };
  now: Date;
  maxBytes?: number;
  clockSkewMs?: number;
}

export interface ReceiptPreview {
  receipt: HandoverReceipt;
  /** The verified partner who signed it. */
  signer: Partner;
  encrypted: boolean;
}

export async function openReceipt(input: PackageInput, opts: OpenReceiptOptions): Promise<ReceiptPreview> {
  checkOptions(opts.now, opts.maxBytes, opts.clockSkewMs);
  let reader: LineReader | undefined;
  try {
    reader = await openLineReader(input, Math.min(opts.maxBytes ?? MAX_RECEIPT_BYTES, MAX_RECEIPT_BYTES));
    return await readReceipt(reader, opts);
  } catch (e) {
    throw toRejection(e);
  } finally {
    await reader?.close();
  }
}

async function readReceipt(reader: LineReader, opts: OpenReceiptOptions): Promise<ReceiptPreview> {
  const own = Array.isArray(opts.ownKeys) ? (opts.ownKeys as readonly OrganisationKeys[]) : [opts.ownKeys as OrganisationKeys];
  const line = await reader.next(MAX_RECEIPT_LINE);
  if (line === null || (await reader.next(0)) !== null) throw new Refusal('malformed');
  let text = asciiOf(line);
  const encrypted = text.split('.', 6).length === 5;
  let mine: OrganisationKeys | undefined;
  if (encrypted) {
    const jwe = checkJwe(text, { typ: RECEIPT_JWE_TYP, cty: RECEIPT_JWS_TYP });
    mine = own.find((k) => k.fingerprint.hex === jwe.kid);
    if (!mine) throw new Refusal('wrongRecipient');
    text = asciiOf(await decryptJwe(jwe, mine.encryptionKey));
  }
  const jws = checkJws(text, RECEIPT_JWS_TYP, MAX_RECEIPT_JSON);
  const claimed = parseJsonBytes(jws.payload);
  if (!isSafeJson(claimed, 4)) throw new Refusal('malformed');
  const c = claimed as Record<string, unknown>;
  if (c === null || typeof c !== 'object' || Array.isArray(c) || c.format !== RECEIPT_FORMAT) throw new Refusal('malformed');
  if (c.version !== RECEIPT_VERSION) throw new Refusal('unsupportedVersion');
  const from = c.from as Record<string, unknown> | undefined;
  const fromOrgId = from && typeof from === 'object' ? from.orgId : undefined;
  if (typeof fromOrgId !== 'string') throw new Refusal('malformed');
  const partner = callerDoes(() => opts.knownPartners.get(fromOrgId));
  if (!partner || partner.orgId !== fromOrgId) throw new Refusal('unknownSender');
  if (partner.status === 'keyChanged') throw new Refusal('senderKeyChanged');
  if (!canExchangeWith(partner)) throw new Refusal('unverifiedSender');
  if (from?.fingerprint !== partner.fingerprint || jws.kid !== partner.fingerprint) throw new Refusal('senderKeyChanged');
  await verifyJws(jws, signingPublicKey(partner.card.keys.signing.x));

  const parsed = receiptSchema.safeParse(claimed);
  if (!parsed.success) throw new Refusal('malformed');
  const r = parsed.data;
  const addressee = own.find((k) => k.card.organisation.id === r.to.orgId && k.fingerprint.hex === r.to.fingerprint);
  if (!addressee || (mine && addressee !== mine)) throw new Refusal('wrongRecipient');
  const sent = callerDoes(() => opts.sentPackages.get(r.packageId));
  if (!sent) throw new Refusal('unknownPackage');
  if (sent.recipientOrgId !== partner.orgId) throw new Refusal('receiptFromWrongPartner');
  if (callerDoes(() => opts.seenReceiptIds.has(r.receiptId))) throw new Refusal('replay');
  const skew = opts.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const at = Date.parse(r.at);
  if (at > opts.now.getTime() + skew) throw new Refusal('notYetValid');
  if (at < Date.parse(sent.createdAt) - skew) throw new Refusal('malformed');
  return { receipt: r, signer: partner, encrypted };
}
