/**
 * Two (or more) vaults of invented organisations for handover tests: each a real core with its own
 * encrypted vault, sharing one fake clock, driven through the router as the UI drives it.
 */
import { join } from 'node:path';
import type { Core } from '../../electron/core/app-core';
import type { ErrorPayload } from '../../shared/errors';
import type { Country } from '../../shared/domain';
import type { Channel, In, Out } from '../../shared/ipc/contract';
import { FakeClock } from './fake-clock';
import { ADMIN, makeCore, tempDir } from './vault';

export interface Org {
  core: Core;
  dir: string;
  name: string;
}

export async function newOrg(clock: FakeClock, name: string, country: Country, cleanups: (() => void)[]): Promise<Org> {
  const t = tempDir('passerelle-handover-');
  const dir = join(t.dir, 'vault');
  const core = makeCore(dir, clock);
  await core.vault.create({ organisationName: name, country, admin: ADMIN });
  cleanups.push(() => {
    core.dispose();
    t.cleanup();
  });
  return { core, dir, name };
}

export class CallFailed extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(`${payload.code} ${payload.key}: ${payload.message}`);
  }
}

export async function call<C extends Channel>(core: Core, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await core.router.call(channel, input);
  if (!r.ok) throw new CallFailed(r.error);
  return r.value as Out<C>;
}

export async function fail<C extends Channel>(core: Core, channel: C, input: In<C>): Promise<ErrorPayload> {
  const r = await core.router.call(channel, input);
  if (r.ok) throw new Error(`${channel} succeeded but should have failed`);
  return r.error;
}

/** Moves the clock; the idle auto-lock fires meanwhile, so each vault is unlocked again as its admin. */
export async function advance(clock: FakeClock, ms: number, orgs: Org[]): Promise<void> {
  clock.advance(ms);
  for (const o of orgs) if (o.core.vault.state() !== 'unlocked') await o.core.vault.unlock(ADMIN.username, ADMIN.password);
}

/** Row counts of the tables an import or export could write, and the last audit entry. */
export function footprint(core: Core): Record<string, number> {
  return core.vault.read((db) => {
    const n = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const out: Record<string, number> = {};
    for (const t of [
      'persons',
      'attachments',
      'attachment_contents',
      'consents',
      'seen_package_ids',
      'handover_imports',
      'partners',
      'handovers',
      'handover_items',
      'sent_packages',
      'seen_receipt_ids',
      'org_keys',
    ]) {
      out[t] = n(t);
    }
    out.auditSeq = (db.$client.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    return out;
  });
}

export interface AuditRowDump {
  seq: number;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export function auditRows(core: Core, afterSeq = 0): AuditRowDump[] {
  return core.vault.read((db) =>
    (
      db.$client
        .prepare('SELECT seq, actor_name AS actorName, action, subject_type AS subjectType, subject_id AS subjectId, details FROM audit_log WHERE seq > ? ORDER BY seq')
        .all(afterSeq) as (Omit<AuditRowDump, 'details'> & { details: string })[]
    ).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> })),
  );
}

/** Mutual verification: each imports the other's card and confirms the fingerprint. */
export async function makePartners(a: Org, b: Org, opts: { aVerifiesB?: boolean; bVerifiesA?: boolean } = {}): Promise<{ aId: string; bId: string }> {
  const aCard = await call(a.core, 'keys.card', {});
  const bCard = await call(b.core, 'keys.card', {});
  const inA = await call(a.core, 'partners.import', { fileBase64: bCard.file.contentBase64 });
  const inB = await call(b.core, 'partners.import', { fileBase64: aCard.file.contentBase64 });
  if (opts.aVerifiesB ?? true) await call(a.core, 'partners.verify', { orgId: inA.partner.orgId, fingerprint: bCard.fingerprint.display });
  if (opts.bVerifiesA ?? true) await call(b.core, 'partners.verify', { orgId: inB.partner.orgId, fingerprint: aCard.fingerprint.display });
  return { aId: inB.partner.orgId, bId: inA.partner.orgId };
}

/** A tiny but real PDF header: enough for the attachment type check. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n% invented test statement, not a real document\n%%EOF\n');
