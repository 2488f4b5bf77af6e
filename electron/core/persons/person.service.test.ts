/**
 * Person records, procedures, checklists, consents and attachments through the services and the
 * router: case codes, list/search/sort/filters, the caseworker restriction,
 * the attachment cap, consent, and an audit trail that names the person's uuid only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../db/audit.repo';
import { toCalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { In, Out } from '../../../shared/ipc/contract';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/persons/attachment.schema';
import { minorStatus } from '../../../shared/persons/minor-status';
import { personCreateSchema, personListQuerySchema, type PersonCreateInput } from '../../../shared/persons/person.schema';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { ADMIN, newVault } from '../../../test/helpers/vault';
import type { Core } from '../app-core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** The fake clock's day (FakeClock starts at 2026-11-29 09:00 UTC). */
const TODAY = '2026-11-29';
const PDF = Buffer.from('%PDF-1.4\n% invented test document\n');

async function vault() {
  const v = await newVault(new FakeClock());
  cleanups.push(v.cleanup);
  return v;
}

async function call<C extends Parameters<Core['router']['call']>[0] & keyof import('../../../shared/ipc/contract').Contract>(
  core: Core,
  channel: C,
  input: In<C>,
): Promise<Out<C>> {
  const result = await core.router.call(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
  return result.value as Out<C>;
}

async function refusal(core: Core, channel: Parameters<Core['router']['call']>[0], input: unknown) {
  const result = await core.router.call(channel, input);
  if (result.ok) throw new Error(`${String(channel)} was accepted`);
  return result.error;
}

function create(core: Core, input: PersonCreateInput) {
  return call(core, 'persons.create', input);
}

async function addStaff(core: Core, username: string, role: 'caseworker' | 'coordinator' = 'caseworker') {
  return core.users.add({ username, displayName: `${username} display`, role, password: 'a long password 1' });
}

async function switchUser(core: Core, username: string, password = 'a long password 1') {
  core.vault.lock();
  await core.vault.unlock(username, password);
}

function auditRows(core: Core) {
  return core.vault.read((db) => [...new AuditRepo(db).iterate()]);
}

describe('person records', () => {
  it('generates case codes per organisation and year, with the prefix from the settings', async () => {
    const { core } = await vault();
    const a = await create(core, { familyName: 'Kalo', givenNames: 'Mira' });
    const b = await create(core, { aliases: ['Zizi'] });
    expect(a.person.caseCode).toBe('TES-2026-0001');
    expect(b.person.caseCode).toBe('TES-2026-0002');
    expect(await call(core, 'settings.organisation', {})).toEqual({ name: 'Test Centre', country: 'BE', caseCodePrefix: 'TES', version: 1 });
    await call(core, 'settings.updateOrganisation', { caseCodePrefix: 'pay' });
    const c = await create(core, { familyName: 'Vobe' });
    expect(c.person.caseCode).toBe('PAY-2026-0003');
    // Existing case codes do not change.
    expect((await call(core, 'persons.get', { id: a.person.id })).person.caseCode).toBe('TES-2026-0001');
  });

  it('takes the year from the clock and restarts the number each year', async () => {
    const clock = new FakeClock('2026-12-31T12:00:00.000Z');
    const { core } = await newVault(clock).then((v) => (cleanups.push(v.cleanup), v));
    expect((await create(core, { familyName: 'A' })).person.caseCode).toBe('TES-2026-0001');
    clock.advance(24 * 3600 * 1000); // the idle timer locks the vault on the way
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    expect((await create(core, { familyName: 'B' })).person.caseCode).toBe('TES-2027-0001');
  });

  it('stores every field and derives the minor status (presumed minor when the age is in doubt)', async () => {
    const { core } = await vault();
    const input: PersonCreateInput = {
      givenNames: 'Ama',
      familyName: 'Sobeda',
      aliases: ['Little A'],
      dateOfBirth: { precision: 'disputed', date: '1999-04-01' },
      gender: 'female',
      nationalities: ['ng'],
      languages: ['en', 'yo'],
      interpreter: { needed: true, language: 'yo' },
      safetyNotes: 'Never contact through relatives.',
      guardianships: [{ kind: 'guardian', name: 'Invented Guardian', phone: '+32 3 000 00 00', email: 'guardian@example.org' }],
      detection: { date: '2026-11-20', country: 'be', by: 'labourInspection' },
      identification: { by: 'referenceMagistrate', date: '2026-11-25' },
      exploitationForms: ['labour', 'forcedCriminality'],
      exploitationCountries: ['LU', 'BE'],
      centre: 'Antwerp',
    };
    const { person } = await create(core, input);
    const expected = personCreateSchema.parse(input);
    const { caseworkerId: _c, ...fields } = expected;
    expect(person).toMatchObject({ ...fields, minorStatus: 'presumedMinor', open: true, nextDue: null, caseworker: null });
  });

  it('refuses a date of birth in the future, beside the field', async () => {
    const { core } = await vault();
    const error = await refusal(core, 'persons.create', { familyName: 'X', dateOfBirth: { precision: 'exact', date: '2030-01-01' } });
    expect(error).toMatchObject({ code: 'VALIDATION', key: 'dateOfBirthInFuture', details: { fields: [{ path: 'dateOfBirth.date' }] } });
  });

  it('updates a record, re-deriving the procedure when the age changes', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Tuvo', dateOfBirth: { precision: 'exact', date: '1990-01-01' }, unaccompanied: true });
    const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'BE' });
    expect(track.state.warnings.map((w) => w.code)).not.toContain('guardianRequired');
    const updated = await call(core, 'persons.update', {
      id: person.id,
      familyName: 'Tuvo',
      dateOfBirth: { precision: 'exact', date: '1990-01-01' },
      unaccompanied: true,
      ageInDoubt: true,
      safetyNotes: 'Changed',
    });
    expect(updated.person.minorStatus).toBe('presumedMinor');
    expect(updated.tracks[0]?.state.warnings.map((w) => w.code)).toContain('guardianRequired');
  });
});

describe('the person list', () => {
  async function populated() {
    const v = await vault();
    const { core } = v;
    const w1 = await addStaff(core, 'worker.one');
    const make = async (input: PersonCreateInput, events: { country: 'BE' | 'NL' | 'LU'; type: string; date: string }[] = []) => {
      const { person } = await create(core, input);
      const tracks = new Map<string, string>();
      for (const e of events) {
        if (!tracks.has(e.country)) tracks.set(e.country, (await call(core, 'procedure.openTrack', { personId: person.id, country: e.country })).id);
        await call(core, 'procedure.recordEvent', { trackId: tracks.get(e.country) ?? '', event: { type: e.type as never, date: e.date } });
      }
      return person;
    };
    const esme = await make({ givenNames: 'Ésmé', familyName: 'Núñez', aliases: ['La Bruja'], dateOfBirth: { precision: 'exact', date: '2010-05-05' }, caseworkerId: w1.id }, [
      { country: 'BE', type: 'annex15Issued', date: '2026-11-01' },
    ]);
    const bobo = await make({ givenNames: 'Bobo', familyName: 'Abara', dateOfBirth: { precision: 'exact', date: '1980-01-01' } }, [
      { country: 'NL', type: 'reflectionStarted', date: '2026-10-01' },
    ]);
    const nodue = await make({ givenNames: 'Cata', familyName: 'Zubi', dateOfBirth: { precision: 'approximate', date: '2010-01-01' } });
    const closed = await make({ givenNames: 'Dani', familyName: 'Mele', dateOfBirth: { precision: 'unknown' } }, [
      { country: 'LU', type: 'identifiedByJudicialPolice', date: '2026-09-01' },
      { country: 'LU', type: 'closed', date: '2026-09-10' },
    ]);
    return { ...v, w1, esme, bobo, nodue, closed };
  }
  const list = (core: Core, q: In<'persons.list'>) => call(core, 'persons.list', { today: TODAY, ...q });
  const codes = (page: Out<'persons.list'>) => page.items.map((i) => i.caseCode);

  it('sorts by next deadline with no deadline last, by case code, or by name', async () => {
    const { core, esme, bobo, nodue } = await populated();
    // Bobo: NL reflection 3 months from 2026-10-01 = 2027-01-01; Ésmé: 45 days from 2026-11-01 = 2026-12-16.
    expect(codes(await list(core, {}))).toEqual([esme.caseCode, bobo.caseCode, nodue.caseCode]);
    expect((await list(core, {})).items[0]?.nextDue).toEqual({ date: '2026-12-16', kind: 'reflectionPeriodEnd', country: 'BE' });
    expect(codes(await list(core, { sort: 'caseCode' }))).toEqual([esme.caseCode, bobo.caseCode, nodue.caseCode]);
    expect(codes(await list(core, { sort: 'name' }))).toEqual([bobo.caseCode, esme.caseCode, nodue.caseCode]);
  });

  it('searches names, aliases and case codes without case or accents', async () => {
    const { core, esme, closed } = await populated();
    for (const q of ['esme', 'NUNEZ', 'núñez ésmé', 'bruja', 'ÑEZ']) {
      expect(codes(await list(core, { search: q })), q).toEqual([esme.caseCode]);
    }
    expect(codes(await list(core, { search: esme.caseCode.toLowerCase() }))).toEqual([esme.caseCode]);
    expect(codes(await list(core, { search: 'TES-2026-000', status: 'all', sort: 'caseCode' }))).toHaveLength(4);
    expect((await list(core, { search: 'dani' })).total).toBe(0);
    expect(codes(await list(core, { search: 'dani', status: 'all' }))).toEqual([closed.caseCode]);
  });

  it('filters by country, phase, minor status, caseworker and open or closed, with the total', async () => {
    const { core, w1, esme, bobo, nodue, closed } = await populated();
    expect(codes(await list(core, { country: 'BE' }))).toEqual([esme.caseCode]);
    expect(codes(await list(core, { phase: 'nl.reflection' }))).toEqual([bobo.caseCode]);
    expect(codes(await list(core, { phase: 'lu.closed', status: 'closed' }))).toEqual([closed.caseCode]);
    expect(codes(await list(core, { status: 'closed' }))).toEqual([closed.caseCode]);
    expect(codes(await list(core, { minorStatus: 'minor' }))).toEqual([esme.caseCode]);
    expect(codes(await list(core, { minorStatus: 'adult' }))).toEqual([bobo.caseCode]);
    expect(codes(await list(core, { minorStatus: 'presumedMinor', status: 'all', sort: 'caseCode' }))).toEqual([nodue.caseCode]);
    expect(codes(await list(core, { minorStatus: 'unknown', status: 'all', sort: 'caseCode' }))).toEqual([closed.caseCode]);
    expect(codes(await list(core, { caseworkerId: w1.id }))).toEqual([esme.caseCode]);
    expect(codes(await list(core, { caseworkerId: 'unassigned' }))).toEqual([bobo.caseCode, nodue.caseCode]);
    const page = await list(core, { sort: 'caseCode', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1, items: [{ caseCode: bobo.caseCode }] });
  });

  it('counts a person with no date of birth as a presumed minor only when staff recorded doubt, as the engine does', async () => {
    const { core } = await vault();
    // docs/legal-rules.md "Minors": no date of birth recorded yet is a gap to fill, not a presumption.
    const gap = await create(core, { familyName: 'Gap', dateOfBirth: { precision: 'unknown' }, unaccompanied: true });
    const doubted = await create(core, { familyName: 'Doubted', dateOfBirth: { precision: 'unknown' }, ageInDoubt: true, unaccompanied: true });
    const gapTrack = await call(core, 'procedure.openTrack', { personId: gap.person.id, country: 'BE' });
    const doubtedTrack = await call(core, 'procedure.openTrack', { personId: doubted.person.id, country: 'BE' });

    expect(gap.person.minorStatus).toBe('unknown');
    expect(doubted.person.minorStatus).toBe('presumedMinor');
    expect(codes(await list(core, { minorStatus: 'presumedMinor' }))).toEqual([doubted.person.caseCode]);
    expect(codes(await list(core, { minorStatus: 'unknown' }))).toEqual([gap.person.caseCode]);
    expect(codes(await list(core, { minorStatus: 'minor' }))).toEqual([]);
    expect(codes(await list(core, { minorStatus: 'adult' }))).toEqual([]);
    const listed = (await list(core, { sort: 'name' })).items.map((i) => [i.familyName, i.minorStatus]);
    expect(listed).toEqual([
      ['Doubted', 'presumedMinor'],
      ['Gap', 'unknown'],
    ]);
    // The engine: the gap asks for the date of birth and gives no guardian reminder; doubt presumes minority (policy).
    const codesOf = (t: typeof gapTrack) => t.state.warnings.map((w) => w.code);
    expect(codesOf(gapTrack)).toContain('dateOfBirthMissing');
    expect(codesOf(gapTrack)).not.toContain('guardianRequired');
    expect(codesOf(doubtedTrack)).toContain('presumedMinorByPolicy');
    expect(codesOf(doubtedTrack)).toContain('guardianRequired');
  });

  it('computes the minor status filter in SQL exactly as the pure rule does, on any day', async () => {
    const { core } = await vault();
    const dobs = ['2008-11-29', '2008-11-30', '2005-11-29', '2005-11-30'];
    for (const dob of dobs) {
      for (const precision of ['exact', 'approximate'] as const) await create(core, { familyName: `${precision} ${dob}`, dateOfBirth: { precision, date: dob } });
    }
    for (const today of ['2026-11-28', '2026-11-29', '2026-11-30']) {
      const all = await list(core, { today, limit: 200 });
      for (const status of ['minor', 'adult', 'presumedMinor'] as const) {
        const filtered = (await list(core, { today, minorStatus: status, limit: 200 })).items.map((i) => i.id).sort();
        const expected = all.items
          .filter((i) => {
            const [precision = '', dob = ''] = i.familyName.split(' ');
            return minorStatus({ precision: precision as 'exact', date: toCalendarDate(dob), ageInDoubt: false }, toCalendarDate(today)) === status;
          })
          .map((i) => i.id)
          .sort();
        expect(filtered, `${status} on ${today}`).toEqual(expected);
      }
    }
  });

  it('runs the page on the covering index, not a scan of the rows', async () => {
    const { core } = await vault();
    const q = personListQuerySchema.parse({ country: 'BE' });
    const { PersonsRepo } = await import('../../../db/persons.repo');
    const plan = core.vault.read((db) =>
      new PersonsRepo(db).explainPage({ search: '', caseCodePrefix: null, country: q.country, status: 'open', today: toCalendarDate(TODAY) }, 'nextDeadline'),
    );
    expect(plan.join(' ')).toMatch(/COVERING INDEX persons_list_due/);
    expect(plan.join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('procedure tracks', () => {
  it('records events through the engine and stores the derived due dates', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo', dateOfBirth: { precision: 'exact', date: '1995-02-02' }, nationalities: ['NG'] });
    const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'BE' });
    expect(await refusal(core, 'procedure.openTrack', { personId: person.id, country: 'BE' })).toMatchObject({ code: 'CONFLICT', key: 'trackExists' });
    const after = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: TODAY } });
    // brochure §4 BE "Reflectieperiode": 45 days.
    expect(after.state.phase.id).toBe('be.reflection');
    expect(after.state.dueDates.map((d) => [d.kind, d.dueDate])).toEqual([['reflectionPeriodEnd', '2027-01-13']]);
    expect(await call(core, 'deadlines.upcoming', { withinDays: 45, today: TODAY })).toEqual([
      expect.objectContaining({ caseCode: person.caseCode, country: 'BE', kind: 'reflectionPeriodEnd', dueDate: '2027-01-13', phase: 'be.reflection' }),
    ]);
    expect(await call(core, 'deadlines.upcoming', { withinDays: 44, today: TODAY })).toEqual([]);
    const statement = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'statementMade', date: '2026-12-01' } });
    expect(statement.state.phase.id).toBe('be.attestation');
    const detail = await call(core, 'persons.get', { id: person.id });
    expect(detail.person.nextDue).toEqual({ date: statement.state.dueDates[0]?.dueDate, kind: statement.state.dueDates[0]?.kind, country: 'BE' });
  });

  it('passes the engine RULE_VIOLATION through unchanged, and VALIDATION beside the event field', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'BE' });
    await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: TODAY } });
    const extend = await refusal(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'reflectionExtended', date: TODAY } });
    expect(extend).toMatchObject({ code: 'RULE_VIOLATION', key: 'ruleViolation', params: { ruleId: 'be.reflection.notExtendable' } });
    expect(extend.details?.source).toMatch(/Reflectieperiode/);
    const earlier = await refusal(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'statementMade', date: '2026-11-01' } });
    expect(earlier).toMatchObject({ code: 'RULE_VIOLATION', params: { ruleId: 'common.chronology' } });
    const foreign = await refusal(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'reflectionStarted', date: TODAY } });
    expect(foreign).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'event.type' }] } });
  });

  it('removes an event as an audited correction, unless the events left would break the rules', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'BE' });
    const a = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-01' } });
    const b = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'statementMade', date: '2026-11-10' } });
    const c = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'evaluationPositive', date: '2026-11-20' } });
    const statementId = b.events.find((e) => e.type === 'statementMade')?.id ?? '';
    // Without the statement, the positive evaluation would have no attestation phase to happen in.
    const broken = await refusal(core, 'procedure.removeEvent', { trackId: track.id, eventId: statementId, reason: 'wrongType' });
    expect(broken.code).toBe('RULE_VIOLATION');
    const evaluationId = c.events.find((e) => e.type === 'evaluationPositive')?.id ?? '';
    const corrected = await call(core, 'procedure.removeEvent', { trackId: track.id, eventId: evaluationId, reason: 'enteredInError' });
    expect(corrected.events.map((e) => e.type)).toEqual(['annex15Issued', 'statementMade']);
    expect(corrected.state.phase.id).toBe('be.attestation');
    expect(a.events).toHaveLength(1);
    const entry = auditRows(core).find((r) => r.action === 'procedure.removeEvent');
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ reason: 'enteredInError', eventType: 'evaluationPositive', country: 'BE' });
    expect(await refusal(core, 'procedure.removeEvent', { trackId: track.id, eventId: evaluationId, reason: 'duplicate' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('closes a track: no due dates any more, and the person leaves the open list', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'NL' });
    await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'reflectionStarted', date: TODAY } });
    expect(await call(core, 'deadlines.upcoming', { withinDays: 100, today: TODAY })).toHaveLength(1);
    const closed = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'voluntaryReturn', date: TODAY } });
    expect(closed.closed).toBe(true);
    expect(await call(core, 'deadlines.upcoming', { withinDays: 100, today: TODAY })).toEqual([]);
    const detail = await call(core, 'persons.get', { id: person.id });
    expect(detail.person).toMatchObject({ open: false, nextDue: null });
  });

  it('lists overdue due dates only when asked', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'BE' });
    await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-09-01' } });
    expect(await call(core, 'deadlines.upcoming', { withinDays: 30, today: TODAY })).toEqual([]);
    expect(await call(core, 'deadlines.upcoming', { withinDays: 30, today: TODAY, includeOverdue: true })).toEqual([
      expect.objectContaining({ dueDate: '2026-10-16' }),
    ]);
  });
});

describe('condition checklists', () => {
  it('answers items and shows the checklists of the current phase with labels and outcome', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'BE' });
    expect(track.checklists.map((c) => c.id)).toEqual(['be.entryConditions']);
    expect(track.checklists[0]).toMatchObject({ outcome: 'undetermined', label: { nl: 'Voorwaarden voor de opstart (cumulatief)' } });
    const attachment = await call(core, 'attachments.add', { personId: person.id, kind: 'statement', mediaType: 'application/pdf', fileName: 'pv.pdf', contentBase64: PDF.toString('base64') });
    let view = track;
    for (const itemId of ['be.entry.breakContact', 'be.entry.specialisedCentre', 'be.entry.cooperation']) {
      view = await call(core, 'checklists.answer', {
        trackId: track.id,
        checklistId: 'be.entryConditions',
        itemId,
        status: 'met',
        date: TODAY,
        note: 'checked',
        attachmentId: itemId === 'be.entry.cooperation' ? attachment.id : null,
      });
    }
    const entry = view.checklists[0];
    expect(entry?.outcome).toBe('satisfied');
    expect(entry?.items[2]?.answer).toMatchObject({ status: 'met', date: TODAY, note: 'checked', attachmentId: attachment.id, answeredByName: 'Anna Admin' });
    const notMet = await call(core, 'checklists.answer', { trackId: track.id, checklistId: 'be.entryConditions', itemId: 'be.entry.breakContact', status: 'notMet', date: TODAY });
    expect(notMet.checklists[0]?.outcome).toBe('notSatisfied');
    expect(await refusal(core, 'checklists.answer', { trackId: track.id, checklistId: 'lu.preExpiry', itemId: 'x', status: 'met', date: TODAY })).toMatchObject({
      code: 'VALIDATION',
      key: 'checklistUnknown',
    });
    const other = await create(core, { familyName: 'Other' });
    const foreign = await call(core, 'attachments.add', { personId: other.person.id, kind: 'other', mediaType: 'application/pdf', fileName: 'x.pdf', contentBase64: PDF.toString('base64') });
    expect(
      await refusal(core, 'checklists.answer', { trackId: track.id, checklistId: 'be.entryConditions', itemId: 'be.entry.cooperation', status: 'met', date: TODAY, attachmentId: foreign.id }),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'attachmentId' }] } });
  });
});

describe('attachments', () => {
  it('stores the file in the vault, returns it on view (audited) and removes it', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const meta = await call(core, 'attachments.add', {
      personId: person.id,
      kind: 'identityDocument',
      mediaType: 'application/pdf',
      fileName: '../scans/pass<port>.pdf',
      documentDate: '2026-11-01',
      contentBase64: PDF.toString('base64'),
    });
    expect(meta).toMatchObject({ fileName: 'pass_port_.pdf', sizeBytes: PDF.length, documentDate: '2026-11-01', mediaType: 'application/pdf' });
    expect((await call(core, 'persons.get', { id: person.id })).attachments).toEqual([meta]);
    const got = await call(core, 'attachments.get', { attachmentId: meta.id });
    expect(Buffer.from(got.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect(auditRows(core).map((r) => r.action)).toContain('attachment.view');
    await call(core, 'attachments.remove', { attachmentId: meta.id });
    expect(await refusal(core, 'attachments.get', { attachmentId: meta.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a file over 25 MB by its base64 length, with its own translated message', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const atCap = Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20);
    PDF.copy(atCap);
    const ok = await call(core, 'attachments.add', { personId: person.id, kind: 'other', mediaType: 'application/pdf', fileName: 'big.pdf', contentBase64: atCap.toString('base64') });
    expect(ok.sizeBytes).toBe(ATTACHMENT_MAX_BYTES);
    const over = Buffer.concat([atCap, Buffer.from('x')]).toString('base64');
    const error = await refusal(core, 'attachments.add', { personId: person.id, kind: 'other', mediaType: 'application/pdf', fileName: 'big.pdf', contentBase64: over });
    expect(error).toMatchObject({ code: 'VALIDATION', key: 'attachmentTooLarge', params: { maxMb: 25 }, details: { fields: [{ path: 'contentBase64', code: 'too_big' }] } });
    expect(error.message).toMatch(/25 MB/);
    const { nl } = await import('../../../shared/i18n/nl');
    const { fr } = await import('../../../shared/i18n/fr');
    expect(nl.errors.attachmentTooLarge).toMatch(/MB/);
    expect(fr.errors.attachmentTooLarge).toMatch(/Mo/);
  });

  it('refuses content that is not the declared type, or not base64', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const exe = Buffer.from('MZ\x90\x00 not a pdf').toString('base64');
    const base = { personId: person.id, kind: 'other' as const, mediaType: 'application/pdf' as const, fileName: 'a.pdf' };
    expect(await refusal(core, 'attachments.add', { ...base, contentBase64: exe })).toMatchObject({ key: 'attachmentTypeMismatch' });
    expect(await refusal(core, 'attachments.add', { ...base, contentBase64: 'not base64!' })).toMatchObject({ key: 'attachmentUnreadable' });
  });
});

describe('consent', () => {
  it('records consent to processing and to sharing, and a withdrawal', async () => {
    const { core } = await vault();
    const { person } = await create(core, { familyName: 'Kavo' });
    const processing = await call(core, 'consents.record', { personId: person.id, kind: 'processing', givenOn: '2026-11-20' });
    const sharing = await call(core, 'consents.record', {
      personId: person.id,
      kind: 'sharing',
      partner: 'Invented Partner NGO',
      categories: ['identity', 'procedure'],
      givenOn: '2026-11-21',
    });
    expect(sharing).toMatchObject({ kind: 'sharing', partner: 'Invented Partner NGO', categories: ['identity', 'procedure'], withdrawnOn: null });
    expect(await refusal(core, 'consents.withdraw', { consentId: sharing.id, withdrawnOn: '2026-11-01' })).toMatchObject({ key: 'withdrawalBeforeConsent' });
    const withdrawn = await call(core, 'consents.withdraw', { consentId: sharing.id, withdrawnOn: TODAY });
    expect(withdrawn.withdrawnOn).toBe(TODAY);
    expect(await refusal(core, 'consents.withdraw', { consentId: sharing.id, withdrawnOn: TODAY })).toMatchObject({ code: 'CONFLICT', key: 'consentAlreadyWithdrawn' });
    const detail = await call(core, 'persons.get', { id: person.id });
    expect(detail.consents.map((c) => [c.kind, c.withdrawnOn])).toEqual([
      ['processing', null],
      ['sharing', TODAY],
    ]);
    expect(processing.partner).toBeNull();
  });
});

describe('caseworker isolation', () => {
  it('lets a caseworker reach only their own cases; others are NOT_FOUND, not FORBIDDEN', async () => {
    const { core } = await vault();
    const mine = await addStaff(core, 'worker.mine');
    const other = await addStaff(core, 'worker.other');
    const own = await create(core, { familyName: 'Own', caseworkerId: mine.id });
    const foreign = await create(core, { familyName: 'Foreign', caseworkerId: other.id });
    const unassigned = await create(core, { familyName: 'Nobody' });
    const foreignTrack = await call(core, 'procedure.openTrack', { personId: foreign.person.id, country: 'BE' });
    await call(core, 'procedure.recordEvent', { trackId: foreignTrack.id, event: { type: 'annex15Issued', date: TODAY } });
    const ownTrack = await call(core, 'procedure.openTrack', { personId: own.person.id, country: 'LU' });
    const foreignFile = await call(core, 'attachments.add', { personId: foreign.person.id, kind: 'other', mediaType: 'application/pdf', fileName: 'x.pdf', contentBase64: PDF.toString('base64') });
    const foreignConsent = await call(core, 'consents.record', { personId: foreign.person.id, kind: 'processing', givenOn: TODAY });

    await switchUser(core, 'worker.mine');
    const list = await call(core, 'persons.list', { status: 'all' });
    expect(list.items.map((i) => i.id)).toEqual([own.person.id]);
    // Asking for someone else's cases still gives only their own.
    expect((await call(core, 'persons.list', { caseworkerId: other.id })).items.map((i) => i.id)).toEqual([own.person.id]);
    expect(await call(core, 'deadlines.upcoming', { withinDays: 365, today: TODAY })).toEqual([]);
    expect((await call(core, 'persons.get', { id: own.person.id })).tracks.map((t) => t.id)).toEqual([ownTrack.id]);

    const pdf = PDF.toString('base64');
    const attempts: [Parameters<Core['router']['call']>[0], unknown][] = [
      ['persons.get', { id: foreign.person.id }],
      ['persons.get', { id: unassigned.person.id }],
      ['persons.update', { id: foreign.person.id, familyName: 'Changed' }],
      ['procedure.openTrack', { personId: foreign.person.id, country: 'NL' }],
      ['procedure.recordEvent', { trackId: foreignTrack.id, event: { type: 'statementMade', date: TODAY } }],
      ['procedure.removeEvent', { trackId: foreignTrack.id, eventId: foreignTrack.id, reason: 'duplicate' }],
      ['checklists.answer', { trackId: foreignTrack.id, checklistId: 'be.entryConditions', itemId: 'be.entry.breakContact', status: 'met', date: TODAY }],
      ['attachments.add', { personId: foreign.person.id, kind: 'other', mediaType: 'application/pdf', fileName: 'x.pdf', contentBase64: pdf }],
      ['attachments.get', { attachmentId: foreignFile.id }],
      ['attachments.remove', { attachmentId: foreignFile.id }],
      ['consents.record', { personId: foreign.person.id, kind: 'processing', givenOn: TODAY }],
      ['consents.withdraw', { consentId: foreignConsent.id, withdrawnOn: TODAY }],
    ];
    for (const [channel, input] of attempts) {
      const error = await refusal(core, channel, input);
      expect(error.code, String(channel)).toBe('NOT_FOUND');
      expect(error.key).toBe('notFound');
    }
    // The answer for an existing case is the same as for one that does not exist.
    expect(await refusal(core, 'persons.get', { id: '00000000-0000-4000-8000-000000000000' })).toEqual(await refusal(core, 'persons.get', { id: foreign.person.id }));
    // Assigning is for admins and coordinators.
    expect((await refusal(core, 'persons.assign', { personId: own.person.id, caseworkerId: other.id })).code).toBe('FORBIDDEN');
    // A caseworker's new case is their own, and they cannot give it to someone else.
    const created = await create(core, { familyName: 'New' });
    expect(created.person.caseworker).toEqual({ id: mine.id, displayName: 'worker.mine display' });
    expect((await refusal(core, 'persons.create', { familyName: 'X', caseworkerId: other.id })).code).toBe('FORBIDDEN');
  });

  it('lets a coordinator see and assign every case', async () => {
    const { core } = await vault();
    const worker = await addStaff(core, 'worker.one');
    await addStaff(core, 'coord.one', 'coordinator');
    const p = await create(core, { familyName: 'Case' });
    await switchUser(core, 'coord.one');
    expect((await call(core, 'persons.list', {})).total).toBe(1);
    const assigned = await call(core, 'persons.assign', { personId: p.person.id, caseworkerId: worker.id });
    expect(assigned.caseworker).toEqual({ id: worker.id, displayName: 'worker.one display' });
    expect((await call(core, 'persons.assignees', {})).map((a) => a.displayName)).toContain('worker.one display');
    expect(await refusal(core, 'persons.assign', { personId: p.person.id, caseworkerId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      code: 'VALIDATION',
      key: 'caseworkerInvalid',
    });
    await switchUser(core, 'worker.one');
    expect((await call(core, 'persons.list', {})).items.map((i) => i.id)).toEqual([p.person.id]);
  });
});

describe('audit', () => {
  it('records every view and change with the uuid only: no name, alias, case code or field value', async () => {
    const { core } = await vault();
    const marker = 'Qwertzuiop';
    const { person } = await create(core, {
      givenNames: `${marker}given`,
      familyName: `${marker}family`,
      aliases: [`${marker}alias`],
      safetyNotes: `${marker} notes`,
      guardianships: [{ kind: 'nidos', name: `${marker}guardian` }],
      centre: `${marker}centre`,
    });
    await call(core, 'persons.get', { id: person.id });
    await call(core, 'persons.update', { id: person.id, givenNames: `${marker}given2`, familyName: `${marker}family`, safetyNotes: `${marker} other` });
    const track = await call(core, 'procedure.openTrack', { personId: person.id, country: 'BE' });
    const recorded = await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: TODAY } });
    await call(core, 'checklists.answer', { trackId: track.id, checklistId: 'be.entryConditions', itemId: 'be.entry.breakContact', status: 'met', date: TODAY, note: `${marker} note` });
    const file = await call(core, 'attachments.add', { personId: person.id, kind: 'photo', mediaType: 'application/pdf', fileName: `${marker}.pdf`, contentBase64: PDF.toString('base64') });
    await call(core, 'attachments.get', { attachmentId: file.id });
    await call(core, 'attachments.remove', { attachmentId: file.id });
    const consent = await call(core, 'consents.record', { personId: person.id, kind: 'sharing', partner: `${marker} partner`, categories: ['identity'], givenOn: TODAY });
    await call(core, 'consents.withdraw', { consentId: consent.id, withdrawnOn: TODAY });
    await call(core, 'procedure.removeEvent', { trackId: track.id, eventId: recorded.events[0]?.id ?? '', reason: 'enteredInError' });
    const worker = await addStaff(core, 'worker.audit');
    await call(core, 'persons.assign', { personId: person.id, caseworkerId: worker.id });

    const rows = auditRows(core).filter((r) => r.subjectType === 'person');
    expect(rows.map((r) => r.action)).toEqual([
      'person.create',
      'person.view',
      'person.update',
      'procedure.openTrack',
      'procedure.recordEvent',
      'checklist.answer',
      'attachment.add',
      'attachment.view',
      'attachment.remove',
      'consent.record',
      'consent.withdraw',
      'procedure.removeEvent',
      'person.assign',
    ]);
    for (const r of rows) expect(r.subjectId).toBe(person.id);
    const everything = JSON.stringify(auditRows(core));
    for (const secret of [marker, marker.toLowerCase(), person.caseCode, 'notes', 'partner']) expect(everything).not.toContain(secret);
    // An update is a full replacement: the fields left out are cleared, and named (never their values).
    expect(JSON.parse(rows.find((r) => r.action === 'person.update')?.details ?? '{}')).toEqual({ fields: 'givenNames,aliases,safetyNotes,guardianships,centre', count: 5 });
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
  });
});
