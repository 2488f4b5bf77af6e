/**
 * A vault whose tracks were derived under the first rule tables: at the first unlock after the
 * upgrade every track is re-derived under the corrected rules, in one transaction; the due dates that
 * changed are kept as "deadline recomputed" until acknowledged, and the audit trail names the
 * person's and tracks' random ids only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../db/audit.repo';
import { AppError } from '../../../shared/errors';
import type { In, Out } from '../../../shared/ipc/contract';
import { RULES_VERSION } from '../../../shared/rules/index';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { ADMIN, newVault } from '../../../test/helpers/vault';
import type { Core } from '../app-core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

async function call<C extends Parameters<Core['router']['call']>[0] & keyof import('../../../shared/ipc/contract').Contract>(
  core: Core,
  channel: C,
  input: In<C>,
): Promise<Out<C>> {
  const result = await core.router.call(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
  return result.value as Out<C>;
}

async function personWithTrack(core: Core, familyName: string, events: { type: string; date: string }[]) {
  const { person } = await call(core, 'persons.create', { givenNames: 'Invented', familyName, nationalities: ['NG'] });
  const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'BE' });
  for (const e of events) await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: e.type as never, date: e.date } });
  return { person, trackId: track.id };
}

describe('re-deriving the tracks of a vault made under the first rule tables', () => {
  it('recomputes at the first unlock, records what changed, and shows it until acknowledged', async () => {
    const v = await newVault(new FakeClock());
    cleanups.push(v.cleanup);
    const { core } = v;
    // Under the first tables, "no cooperation" during the 45 days ended the file at once.
    const declined = await personWithTrack(core, 'Declined', [
      { type: 'annex15Issued', date: '2026-11-01' },
      { type: 'noCooperation', date: '2026-11-10' },
    ]);
    // Under the first tables, a renewal ran on from the old expiry (1 Sept + 3 months = 1 Dec).
    const renewed = await personWithTrack(core, 'Renewed', [
      { type: 'statementMade', date: '2026-06-01' },
      { type: 'aiIssued', date: '2026-06-01' },
      { type: 'aiRenewed', date: '2026-08-20' },
    ]);
    const untouched = await personWithTrack(core, 'Untouched', [{ type: 'annex15Issued', date: '2026-11-20' }]);
    // What the first tables stored for these tracks.
    core.vault.write(({ db }) => {
      const sql = db.$client;
      sql.prepare('UPDATE tracks SET rules_version = 1').run();
      sql.prepare("UPDATE tracks SET phase_id = 'be.ended', closed = 1, next_due_date = NULL, next_due_kind = NULL WHERE id = ?").run(declined.trackId);
      sql.prepare('DELETE FROM track_due_dates WHERE track_id = ?').run(declined.trackId);
      sql.prepare("UPDATE track_due_dates SET due_date = '2026-12-01' WHERE track_id = ?").run(renewed.trackId);
      sql.prepare("UPDATE persons SET phase_be = 'be.ended', next_due_date = NULL, next_due_kind = NULL, next_due_country = NULL WHERE id = ?").run(declined.person.id);
    });

    core.vault.lock();
    await core.vault.unlock(ADMIN.username, ADMIN.password);

    const pending = await call(core, 'procedure.recomputations', { personId: null });
    const summary = pending.map((r) => [r.personId, r.kind, r.previousDueDate, r.newDueDate]).sort();
    expect(summary).toEqual(
      [
        [declined.person.id, 'reflectionPeriodEnd', null, '2026-12-16'],
        [renewed.person.id, 'attestationExpiry', '2026-12-01', '2026-11-20'],
        [renewed.person.id, 'evaluationDue', '2026-12-01', '2026-11-20'],
      ].sort(),
    );
    const page = await call(core, 'persons.get', { id: declined.person.id });
    expect(page.tracks[0]?.state.phase.id).toBe('be.reflection');
    expect(page.person.nextDue).toEqual({ date: '2026-12-16', kind: 'reflectionPeriodEnd', country: 'BE' });
    const versions = core.vault.read((db) => db.$client.prepare('SELECT DISTINCT rules_version AS v FROM tracks').all());
    expect(versions).toEqual([{ v: RULES_VERSION }]);
    expect(pending.some((r) => r.personId === untouched.person.id)).toBe(false);

    // The audit trail says which due dates changed, by random ids only.
    const entries = core.vault.read((db) => [...new AuditRepo(db).iterate()]).filter((e) => e.action === 'procedure.rulesUpgraded');
    expect(entries.map((e) => e.subjectId).filter(Boolean).sort()).toEqual([declined.person.id, renewed.person.id].sort());
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/Declined|Renewed|Invented/);
    expect(text).toContain(`${renewed.trackId}:attestationExpiry`);

    // A second unlock changes nothing more.
    core.vault.lock();
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect(await call(core, 'procedure.recomputations', { personId: null })).toHaveLength(3);

    // Seen and acknowledged: the mark goes.
    for (const r of pending) await call(core, 'procedure.acknowledgeRecomputation', { id: r.id });
    expect(await call(core, 'procedure.recomputations', { personId: null })).toEqual([]);
  });
});
