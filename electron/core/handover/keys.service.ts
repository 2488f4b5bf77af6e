/**
 * Organisation keys and partners in the vault: the pure parts (org-keys.ts) on
 * top of db/handover.repo.ts. Formats and states: docs/key-card.md.
 *
 * - The keys are made at vault set-up (VaultService.create calls `initialOrganisationKeys` inside its
 *   transaction) or, for a vault made before handovers existed, at the first unlock by an administrator
 *   (`ensureKeys`). Their private halves are stored only in the encrypted database.
 * - Anyone signed in may see and export the card (it is public by design). Rotating the keys is for
 *   administrators; importing a partner's card and marking it verified for administrators and
 *   coordinators. All of it is audited, with uuids and fingerprints only.
 */
import { OrgKeysRepo, PartnersRepo, type OrgKeyRow, type PartnerRow } from '../../../db/handover.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import type { Db } from '../../../db/connection';
import type { Country } from '../../../shared/domain';
import { AppError, isAppError, type ErrorKey } from '../../../shared/errors';
import { partnerSchema, type Partner } from '../../../shared/handover/key-card.schema';
import type { FingerprintView, OwnKeyCard, PartnerImportResult, PartnerView } from '../../../shared/handover/handover.ipc';
import type { VaultService } from '../vault/vault.service';
import {
  exportPrivateKeys,
  fingerprintOf,
  generateOrganisationKeys,
  importPartnerCard,
  loadOrganisationKeys,
  markPartnerVerified,
  verifyPartnerCard,
  parseKeyCard,
  rotateOrganisationKeys,
  serialiseKeyCard,
  canExchangeWith,
  keyCardRejected,
  type OrganisationKeys,
  type VerifiedKeyCard,
} from './org-keys';
import { parseFingerprintInput } from '../../../shared/handover/fingerprint';
import { decodeFileBase64 } from './file-transfer';

const KEY_CARD_ERROR_KEYS: Record<string, ErrorKey> = {
  'keyCard.oversize': 'keyCardOversize',
  'keyCard.malformed': 'keyCardMalformed',
  'keyCard.badSelfSignature': 'keyCardBadSelfSignature',
  'keyCard.weakKey': 'keyCardWeakKey',
  'keyCard.ownCard': 'keyCardOwnCard',
  'keyCard.olderCard': 'keyCardOlderCard',
  'keyCard.keyInUse': 'keyCardKeyInUse',
  'keyCard.fingerprintMismatch': 'keyCardFingerprintMismatch',
  'keyCard.futureCard': 'keyCardFutureCard',
};

/** The pure parts' VALIDATION `keyCard.<reason>` errors, with their own message key. */
export function withKeyCardMessage(e: unknown): unknown {
  if (isAppError(e) && e.code === 'VALIDATION' && e.details?.reason && KEY_CARD_ERROR_KEYS[e.details.reason]) {
    return new AppError('VALIDATION', KEY_CARD_ERROR_KEYS[e.details.reason] as ErrorKey, undefined, { reason: e.details.reason });
  }
  return e;
}

/** The organisation's name as a key card accepts it (NFC, no control characters, no outer spaces). */
export function cardName(name: string): string {
  const clean = name
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  return clean.length >= 2 ? clean : `${clean}--`.slice(0, 2);
}

export function fingerprintView(fp: { hex: string; display: string }): FingerprintView {
  return { hex: fp.hex, display: fp.display };
}

function keyRowOf(keys: OrganisationKeys, at: string, actorId: string | null): OrgKeyRow {
  return {
    fingerprint: keys.fingerprint.hex,
    card: keys.card,
    privateKeys: exportPrivateKeys(keys),
    status: 'current',
    createdAt: at,
    createdBy: actorId,
    retiredAt: null,
  };
}

/** The first keys of a new vault (called by VaultService.create inside its transaction). */
export function initialOrganisationKeys(db: Db, org: { name: string; country: Country }, now: string, actorId: string): { fingerprint: string; orgId: string } {
  const keys = generateOrganisationKeys({ name: cardName(org.name), country: org.country, now: new Date(now) });
  new OrgKeysRepo(db).replaceCurrent(keyRowOf(keys, now, actorId), now);
  return { fingerprint: keys.fingerprint.hex, orgId: keys.card.organisation.id };
}

export function toPartner(row: PartnerRow): Partner {
  return partnerSchema.parse({
    orgId: row.orgId,
    card: row.card,
    fingerprint: row.fingerprint,
    status: row.status,
    verifiedFingerprint: row.verifiedFingerprint ?? null,
    verifiedAt: row.verifiedAt ?? null,
    importedAt: row.importedAt,
    previousCard: row.previousCard ?? null,
    pendingCard: row.pendingCard ?? null,
    pendingImportedAt: row.pendingImportedAt ?? null,
  });
}

function partnerRow(p: Partner, verifiedBy: string | null): PartnerRow {
  return {
    orgId: p.orgId,
    card: p.card,
    fingerprint: p.fingerprint,
    status: p.status,
    verifiedFingerprint: p.verifiedFingerprint,
    verifiedAt: p.verifiedAt,
    verifiedBy,
    importedAt: p.importedAt,
    previousCard: p.previousCard,
    pendingCard: p.pendingCard,
    pendingImportedAt: p.pendingImportedAt,
  };
}

export function partnerView(p: Partner): PartnerView {
  const prev = p.previousCard;
  return {
    orgId: p.orgId,
    name: p.card.organisation.name,
    country: p.card.organisation.country,
    fingerprint: fingerprintView(fingerprintOf(p.card)),
    status: p.status,
    canExchange: canExchangeWith(p),
    cardCreatedAt: p.card.createdAt,
    importedAt: p.importedAt,
    verifiedAt: p.verifiedAt,
    previous: prev ? { name: prev.organisation.name, country: prev.organisation.country, fingerprint: fingerprintView(fingerprintOf(prev)) } : null,
    pending: pendingView(p),
  };
}

function pendingView(p: Partner): PartnerView['pending'] {
  const card = p.pendingCard;
  if (!card) return null;
  return {
    name: card.organisation.name,
    country: card.organisation.country,
    fingerprint: fingerprintView(fingerprintOf(card)),
    cardCreatedAt: card.createdAt,
    importedAt: p.pendingImportedAt ?? p.importedAt,
    keysChanged: card.keys.signing.x !== p.card.keys.signing.x || card.keys.encryption.x !== p.card.keys.encryption.x,
  };
}

/** The refusal reason of a key card error (`keyCard.<reason>`), for the audit trail; null for other errors. */
function keyCardReason(e: unknown): string | null {
  return isAppError(e) && e.code === 'VALIDATION' && typeof e.details?.reason === 'string' && e.details.reason.startsWith('keyCard.') ? e.details.reason : null;
}

export function keyCardFileName(fingerprintHex: string): string {
  return `passerelle-key-card-${fingerprintHex.slice(0, 8)}.json`;
}

export class HandoverKeysService {
  constructor(private readonly vault: VaultService) {}

  /** The organisation's keys, current first then previous ones (to open what was sent to older keys). */
  ownKeys(db: Db): OrganisationKeys[] {
    return new OrgKeysRepo(db).all().map((r) => loadOrganisationKeys(r.card, r.privateKeys));
  }

  currentKeys(db: Db): OrganisationKeys {
    const row = new OrgKeysRepo(db).current();
    if (!row) throw new AppError('CONFLICT', 'keysMissing');
    return loadOrganisationKeys(row.card, row.privateKeys);
  }

  /**
   * Makes the organisation's keys if the vault has none (a vault created before handovers existed). Only for an
   * administrator's session; returns whether keys were made.
   */
  ensureKeys(): boolean {
    const session = this.vault.session();
    if (session?.role !== 'admin') return false;
    if (this.vault.read((db) => new OrgKeysRepo(db).current())) return false;
    return this.vault.write(({ db, now, audit }) => {
      if (new OrgKeysRepo(db).current()) return false;
      const org = new SettingsRepo(db).organisation();
      if (!org) return false;
      const made = initialOrganisationKeys(db, { name: org.name, country: org.country }, now, session.id);
      audit({ actorId: session.id, actorName: session.username, action: 'keys.create', details: { fingerprint: made.fingerprint, orgId: made.orgId, at: 'firstAdminUnlock' } });
      return true;
    });
  }

  private cardOf(keys: OrganisationKeys, previousKeys: number): OwnKeyCard {
    const text = serialiseKeyCard(keys.card);
    return {
      organisation: { ...keys.card.organisation },
      fingerprint: fingerprintView(keys.fingerprint),
      createdAt: keys.card.createdAt,
      file: { fileName: keyCardFileName(keys.fingerprint.hex), contentBase64: Buffer.from(text, 'utf8').toString('base64'), bytes: Buffer.byteLength(text, 'utf8') },
      previousKeys,
    };
  }

  /** The organisation's key card (file and fingerprint). Public data; the export is audited. */
  ownCard(): OwnKeyCard {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, audit }) => {
      const keys = this.currentKeys(db);
      audit({ actorId: actor.id, actorName: actor.username, action: 'keys.cardExport', details: { fingerprint: keys.fingerprint.hex } });
      return this.cardOf(keys, new OrgKeysRepo(db).all().length - 1);
    });
  }

  /**
   * New key pairs and a new card for the same organisation id (administrators). Partners who import
   * the new card see 'keyChanged' until they compare the new fingerprint; the old keys stay (previous)
   * so packages already sent to them still open.
   */
  rotate(): OwnKeyCard {
    const actor = this.vault.requireRole('admin');
    return this.vault.write(({ db, now, audit }) => {
      const current = this.currentKeys(db);
      const org = new SettingsRepo(db).organisation();
      const next = rotateOrganisationKeys(current, { name: org ? cardName(org.name) : current.card.organisation.name, now: new Date(now) });
      new OrgKeysRepo(db).replaceCurrent(keyRowOf(next, now, actor.id), now);
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'keys.rotate',
        details: { previousFingerprint: current.fingerprint.hex, fingerprint: next.fingerprint.hex },
      });
      return this.cardOf(next, new OrgKeysRepo(db).all().length - 1);
    });
  }

  partners(db: Db): Partner[] {
    return new PartnersRepo(db).all().map(toPartner);
  }

  partner(db: Db, orgId: string): Partner | undefined {
    const row = new PartnersRepo(db).byId(orgId);
    return row ? toPartner(row) : undefined;
  }

  list(): PartnerView[] {
    this.vault.requireSession();
    return this.vault.read((db) => this.partners(db).map(partnerView));
  }

  /** Imports a partner's key card file (administrators and coordinators); it is 'unverified' until compared. */
  importCard(input: { fileBase64: string }): PartnerImportResult {
    const actor = this.vault.requireRole('admin', 'coordinator');
    const bytes = decodeFileBase64(input.fileBase64);
    return this.importCardBytes(bytes, actor);
  }

  importCardBytes(bytes: Uint8Array, actor = this.vault.requireRole('admin', 'coordinator')): PartnerImportResult {
    let verified: VerifiedKeyCard;
    try {
      verified = parseKeyCard(bytes);
    } catch (e) {
      this.auditRefusedImport(actor, e, null);
      throw withKeyCardMessage(e);
    }
    try {
      return this.vault.write(({ db, now, audit }) => {
        const repo = new PartnersRepo(db);
        const existingRow = repo.byId(verified.card.organisation.id);
        const own = this.currentKeys(db);
        const result = importPartnerCard(existingRow ? toPartner(existingRow) : undefined, verified, {
          now: new Date(now),
          ownOrgId: own.card.organisation.id,
          partners: this.partners(db),
        });
        if (result.outcome !== 'unchanged') repo.upsert(partnerRow(result.partner, result.partner.status === 'verified' ? (existingRow?.verifiedBy ?? null) : null));
        audit({
          actorId: actor.id,
          actorName: actor.username,
          action: 'partner.import',
          subjectType: 'partner',
          subjectId: result.partner.orgId,
          // For a card left waiting, `fingerprint` is the waiting card's; the verified one is unchanged.
          details: { outcome: result.outcome, fingerprint: verified.fingerprint.hex, status: result.partner.status },
        });
        return { outcome: result.outcome, partner: partnerView(result.partner) };
      });
    } catch (e) {
      this.auditRefusedImport(actor, e, verified);
      throw withKeyCardMessage(e);
    }
  }

  /**
   * A refused card in the audit trail: the reason code, and the card's organisation id and
   * fingerprint when it could be read (a forged card names a real partner's id: the trail shows who
   * presented it). Other errors (LOCKED, INTERNAL) are not a refusal of the card.
   */
  private auditRefusedImport(actor: { id: string; username: string }, e: unknown, card: VerifiedKeyCard | null): void {
    const reason = keyCardReason(e);
    if (!reason) return;
    this.vault.write(({ audit }) =>
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'partner.importRefused',
        subjectType: card ? 'partner' : null,
        subjectId: card ? card.card.organisation.id : null,
        details: { reason, fingerprint: card ? card.fingerprint.hex : null },
      }),
    );
  }

  /**
   * Imports a card and marks it verified in one step, when the fingerprint read out by the partner is
   * already at hand (CLI `partner add --fingerprint`). A wrong fingerprint is refused before anything
   * is written; the import and the verification are one transaction.
   */
  addVerified(bytes: Uint8Array, typedFingerprint: string): PartnerImportResult {
    const actor = this.vault.requireRole('admin', 'coordinator');
    let verified: VerifiedKeyCard;
    try {
      verified = parseKeyCard(bytes);
    } catch (e) {
      throw withKeyCardMessage(e);
    }
    if (parseFingerprintInput(typedFingerprint) !== verified.fingerprint.digits) throw withKeyCardMessage(keyCardRejected('fingerprintMismatch'));
    return this.vault.write(({ db, now, audit }) => {
      const repo = new PartnersRepo(db);
      const existingRow = repo.byId(verified.card.organisation.id);
      let partner: Partner;
      let outcome: PartnerImportResult['outcome'];
      try {
        const result = importPartnerCard(existingRow ? toPartner(existingRow) : undefined, verified, {
          now: new Date(now),
          ownOrgId: this.currentKeys(db).card.organisation.id,
          partners: this.partners(db),
        });
        outcome = result.outcome;
        // The digits typed are the new card's (checked above): a card left waiting beside a verified
        // one is the card compared, so it replaces the verified one here.
        partner =
          canExchangeWith(result.partner) && result.partner.fingerprint === verified.fingerprint.hex
            ? result.partner
            : markPartnerVerified(result.partner, typedFingerprint, new Date(now));
      } catch (e) {
        throw withKeyCardMessage(e);
      }
      repo.upsert(partnerRow(partner, actor.id));
      const subject = { actorId: actor.id, actorName: actor.username, subjectType: 'partner', subjectId: partner.orgId } as const;
      audit({ ...subject, action: 'partner.import', details: { outcome, fingerprint: partner.fingerprint, status: existingRow?.status ?? 'unverified' } });
      audit({ ...subject, action: 'partner.verify', details: { fingerprint: partner.fingerprint, previousStatus: existingRow?.status ?? 'unverified' } });
      return { outcome, partner: partnerView(partner) };
    });
  }

  /**
   * Marks a partner verified once the fingerprint was compared out of band (administrators and
   * coordinators). Digits that match the card waiting beside a verified one make that card the
   * partner's card (audited as 'partner.pendingAccept').
   */
  verify(input: { orgId: string; fingerprint: string }): PartnerView {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.vault.write(({ db, now, audit }) => {
      const row = new PartnersRepo(db).byId(input.orgId);
      if (!row) throw new AppError('NOT_FOUND', 'notFound');
      let result;
      try {
        result = verifyPartnerCard(toPartner(row), input.fingerprint, new Date(now));
      } catch (e) {
        throw withKeyCardMessage(e);
      }
      const verified = result.partner;
      new PartnersRepo(db).upsert(partnerRow(verified, actor.id));
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: result.compared === 'pending' ? 'partner.pendingAccept' : 'partner.verify',
        subjectType: 'partner',
        subjectId: verified.orgId,
        details: { fingerprint: verified.fingerprint, previousStatus: row.status, previousFingerprint: row.fingerprint },
      });
      return partnerView(verified);
    });
  }

  /**
   * Removes a partner (administrators): its card, verification and any waiting card. Refused while
   * a handover names it (the handover's screen, packages and receipts need its card); its received
   * packages' records stay.
   */
  remove(input: { orgId: string }): { removed: true } {
    const actor = this.vault.requireRole('admin');
    return this.vault.write(({ db, audit }) => {
      const repo = new PartnersRepo(db);
      const row = repo.byId(input.orgId);
      if (!row) throw new AppError('NOT_FOUND', 'notFound');
      const handovers = repo.handoverCount(input.orgId);
      if (handovers > 0) throw new AppError('CONFLICT', 'partnerHasHandovers', { count: handovers }, { reason: 'partner.hasHandovers' });
      repo.remove(input.orgId);
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'partner.remove',
        subjectType: 'partner',
        subjectId: input.orgId,
        details: { fingerprint: row.fingerprint, status: row.status, pendingFingerprint: row.pendingCard ? fingerprintOf(row.pendingCard).hex : null },
      });
      return { removed: true as const };
    });
  }

  /**
   * Removes the card waiting beside a verified one (administrators), e.g. one nobody at the partner
   * made. `fingerprint` is the waiting card's as shown: a card that arrived since is not removed unseen.
   */
  removePending(input: { orgId: string; fingerprint: string }): PartnerView {
    const actor = this.vault.requireRole('admin');
    return this.vault.write(({ db, audit }) => {
      const repo = new PartnersRepo(db);
      const row = repo.byId(input.orgId);
      if (!row) throw new AppError('NOT_FOUND', 'notFound');
      const partner = toPartner(row);
      if (!partner.pendingCard || fingerprintOf(partner.pendingCard).hex !== input.fingerprint) {
        throw new AppError('CONFLICT', 'partnerPendingChanged', undefined, { reason: 'partner.pendingChanged' });
      }
      const next: Partner = { ...partner, pendingCard: null, pendingImportedAt: null };
      repo.upsert(partnerRow(next, row.verifiedBy ?? null));
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'partner.pendingRemove',
        subjectType: 'partner',
        subjectId: input.orgId,
        details: { fingerprint: input.fingerprint },
      });
      return partnerView(next);
    });
  }
}
