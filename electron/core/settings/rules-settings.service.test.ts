/**
 * The organisation's policy on persons whose age is in doubt (docs/legal-rules.md "Minors"): the
 * brochure's presumption of minority is Luxembourg's law (§4 LU "Is er twijfel over de leeftijd van
 * het slachtoffer, dan wordt hij/zij als minderjarig beschouwd."); in Belgium and the Netherlands it
 * is the organisation's policy, on by default, which an administrator may turn off. Turning it off or
 * on re-derives every track at once and keeps the due dates that moved as "deadline recomputed".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../db/audit.repo';
import { AppError } from '../../../shared/errors';
import type { Contract, In, Out } from '../../../shared/ipc/contract';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { ADMIN, newVault } from '../../../test/helpers/vault';
import type { Core } from '../app-core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

async function call<C extends keyof Contract>(core: Core, channel: C, input: In<C>): Promise<Out<C>> {
  const result = await core.router.call(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
  return result.value as Out<C>;
}

async function vault() {
  const v = await newVault(new FakeClock());
  cleanups.push(v.cleanup);
  return v.core;
}

/** An unaccompanied person whose age staff doubt, with a track in `country`. */
async function doubtfulAge(core: Core, country: 'BE' | 'LU', events: { type: string; date: string }[]) {
  const { person } = await call(core, 'persons.create', {
    givenNames: 'Invented',
    familyName: `Doubt${country}`,
    nationalities: ['NG'],
    unaccompanied: true,
    ageInDoubt: true,
  });
  const track = await call(core, 'procedure.openTrack', { personId: person.id, country });
  for (const e of events) await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: e.type as never, date: e.date } });
  return { personId: person.id, trackId: track.id };
}

async function warningsOf(core: Core, personId: string): Promise<string[]> {
  const page = await call(core, 'persons.get', { id: personId });
  return page.tracks[0]?.state.warnings.map((w) => w.code) ?? [];
}

describe('presuming minority when the age is in doubt (the organisation policy)', () => {
  it('is on by default', async () => {
    const core = await vault();
    expect(await call(core, 'rules.settings', {})).toEqual({ presumeMinorityWhenInDoubt: true });
  });

  it('off: no longer a minor for the Belgian guardian reminder; Luxembourg unaffected (law there); on again restores it', async () => {
    const core = await vault();
    const be = await doubtfulAge(core, 'BE', [{ type: 'annex15Issued', date: '2026-11-20' }]);
    const lu = await doubtfulAge(core, 'LU', []);
    expect(await warningsOf(core, be.personId)).toEqual(expect.arrayContaining(['guardianRequired', 'presumedMinorByPolicy']));
    const luBefore = await warningsOf(core, lu.personId);
    expect(luBefore).toContain('guardianRequired');
    expect(luBefore).not.toContain('presumedMinorByPolicy');

    const off = await call(core, 'rules.updateSettings', { presumeMinorityWhenInDoubt: false });
    expect(off).toMatchObject({ presumeMinorityWhenInDoubt: false, tracksRederived: 2 });
    expect(await call(core, 'rules.settings', {})).toEqual({ presumeMinorityWhenInDoubt: false });
    const beOff = await warningsOf(core, be.personId);
    expect(beOff).not.toContain('guardianRequired');
    expect(beOff).not.toContain('attestationDueForMinor');
    expect(beOff).not.toContain('presumedMinorByPolicy');
    expect(await warningsOf(core, lu.personId)).toEqual(luBefore);

    await call(core, 'rules.updateSettings', { presumeMinorityWhenInDoubt: true });
    expect(await warningsOf(core, be.personId)).toEqual(expect.arrayContaining(['guardianRequired', 'presumedMinorByPolicy']));
    expect(await warningsOf(core, lu.personId)).toEqual(luBefore);
  });

  it('re-derives stored due dates at once and keeps each one that moved as "deadline recomputed"', async () => {
    const core = await vault();
    // Under the policy the person is an unaccompanied minor, who receives the attestation of
    // immatriculation during the reflection period (§4 BE "de NBMV [ontvangt] tijdens de
    // reflectieperiode onmiddellijk een attest van immatriculatie"); an adult receives it only after
    // the statement or complaint.
    const be = await doubtfulAge(core, 'BE', [
      { type: 'annex15Issued', date: '2026-11-20' },
      { type: 'aiIssued', date: '2026-11-21' },
    ]);
    const stored = () =>
      core.vault.read((db) =>
        db.$client.prepare('SELECT kind, due_date AS dueDate FROM track_due_dates WHERE track_id = ? ORDER BY kind').all(be.trackId),
      ) as { kind: string; dueDate: string }[];
    const withPolicy = stored();
    const attestation = withPolicy.find((d) => d.kind === 'attestationExpiry');
    expect(attestation).toBeDefined();

    const off = await call(core, 'rules.updateSettings', { presumeMinorityWhenInDoubt: false });
    expect(off).toEqual({ presumeMinorityWhenInDoubt: false, tracksRederived: 1, changedDueDates: 1 });
    // The attestation no longer applies: its due date is gone from the stored due dates (dashboard),
    // the page says the event was refused, and the change waits to be acknowledged.
    expect(stored().map((d) => d.kind)).not.toContain('attestationExpiry');
    expect(await warningsOf(core, be.personId)).toContain('eventRefused');
    const pending = await call(core, 'procedure.recomputations', { personId: be.personId });
    expect(pending.map((r) => [r.kind, r.previousDueDate, r.newDueDate])).toEqual([['attestationExpiry', attestation?.dueDate, null]]);
    const audited = core.vault.read((db) => [...new AuditRepo(db).iterate()]).filter((e) => e.action === 'procedure.policyRederived');
    expect(audited.map((e) => [e.subjectId, JSON.parse(e.details ?? '{}').changed])).toEqual([[be.personId, `${be.trackId}:attestationExpiry`]]);

    const on = await call(core, 'rules.updateSettings', { presumeMinorityWhenInDoubt: true });
    expect(on.changedDueDates).toBe(1);
    expect(stored()).toEqual(withPolicy);
    const page = await call(core, 'persons.get', { id: be.personId });
    const next = [...withPolicy].sort((x, y) => x.dueDate.localeCompare(y.dueDate))[0];
    expect(page.person.nextDue).toMatchObject({ date: next?.dueDate, kind: next?.kind, country: 'BE' });
  });

  it('may be changed by an administrator only; a coordinator is refused and nothing changes', async () => {
    const core = await vault();
    await core.users.add({ username: 'coord.one', displayName: 'Coordinator', role: 'coordinator', password: 'a long password 1' });
    core.vault.lock();
    await core.vault.unlock('coord.one', 'a long password 1');
    const result = await core.router.call('rules.updateSettings', { presumeMinorityWhenInDoubt: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'rules.settings', {})).toEqual({ presumeMinorityWhenInDoubt: true });
  });

  it('refuses a malformed value and changes nothing', async () => {
    const core = await vault();
    const result = await core.router.call('rules.updateSettings', { presumeMinorityWhenInDoubt: 'no' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'rules.settings', {})).toEqual({ presumeMinorityWhenInDoubt: true });
  });

  it('audits the setting name and its new value, with uuids only', async () => {
    const core = await vault();
    await doubtfulAge(core, 'BE', [{ type: 'annex15Issued', date: '2026-11-20' }]);
    await call(core, 'rules.updateSettings', { presumeMinorityWhenInDoubt: false });
    // Setting the value it already has records nothing.
    await call(core, 'rules.updateSettings', { presumeMinorityWhenInDoubt: false });
    const entries = core.vault.read((db) => [...new AuditRepo(db).iterate()]).filter((e) => e.action === 'settings.rulesPolicyUpdate');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actorName).toBe(ADMIN.username);
    expect(JSON.parse(entries[0]?.details ?? '{}')).toEqual({ setting: 'rules.presumeMinorityWhenInDoubt', value: false, tracks: 1, changedDueDates: 0 });
    const all = JSON.stringify(core.vault.read((db) => [...new AuditRepo(db).iterate()]));
    expect(all).not.toContain('DoubtBE');
    expect(all).not.toContain('Invented');
  });
});
