/**
 * The rule tables themselves: the legal numbers (each row citing its source), and the integrity of
 * the data (ids, sources, labels in every language, references between tables).
 */
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../dates/calendar-date';
import { COUNTRIES, LANGUAGES } from '../domain';
import { DUE_KIND_LABELS, WARNING_CODES, WARNING_LABELS } from './common.rules';
import { RULE_TABLES } from './index';
import { citationText } from './source';
import { DUE_KINDS, type ChecklistLogic, type CountryRules, type DueRule, type Labels, type Period } from './rule.types';

function dueRule(table: CountryRules, eventType: string, kind: string): DueRule<string> | undefined {
  return table.events.find((e) => e.type === eventType)?.opens?.find((o) => o.kind === kind);
}

describe('the legal terms in the tables', () => {
  it.each([
    // [country, event, due kind, period, maximum?, source]
    ['BE', 'annex15Issued', 'reflectionPeriodEnd', { days: 45 }, false, '§4 BE "Reflectieperiode": "Duur: 45 dagen"'],
    ['BE', 'aiIssued', 'attestationExpiry', { months: 3 }, true, '§4 BE "Verdere afhandeling": "max. 3 maanden"'],
    ['BE', 'aiRenewed', 'attestationExpiry', { months: 3 }, true, '§4 BE: "eenmalig hernieuwbaar voor een maximumperiode van 3 maanden"'],
    ['BE', 'bivrIssued', 'registrationExpiry', { months: 6 }, false, '§4 BE: "dat zes maand geldt"'],
    ['BE', 'bivrRenewed', 'registrationExpiry', { months: 6 }, false, '§4 BE: "telkens hernieuwd"'],
    ['NL', 'reflectionStarted', 'reflectionPeriodEnd', { months: 3 }, true, '§4 NL "Reflectieperiode": "maximaal drie maanden"'],
    ['NL', 'temporaryPermitGranted', 'continuousResidenceMilestone', { years: 3 }, false, '§4 NL; Vb 2000 art. 3.51 lid 3: "drie jaar onafgebroken"'],
    ['LU', 'reflectionGranted', 'reflectionPeriodEnd', { days: 90 }, false, '§4 LU "Reflectieperiode"; art. 93: 90 dagen'],
    ['LU', 'victimPermitGranted', 'residencePermitExpiry', { months: 6 }, false, '§4 LU; art. 95: "6 maanden"'],
    ['LU', 'victimPermitRenewed', 'residencePermitExpiry', { months: 6 }, false, '§4 LU; art. 95: "kan worden verlengd"'],
    ['LU', 'personalReasonsPermitGranted', 'personalReasonsPermitExpiry', { years: 3 }, true, '§4 LU: "maximale duur van drie jaar"'],
  ] as const)('%s %s -> %s: %o (maximum %s) [%s]', (country, type, kind, period, maximum, _source) => {
    const rule = dueRule(RULE_TABLES[country], type, kind);
    expect(rule?.period).toEqual(period satisfies Period);
    expect(Boolean(rule?.periodIsMaximum)).toBe(maximum);
  });

  it.each([
    ['NL', 'temporaryPermitGranted', 'residencePermitExpiry', '§4 NL; Vb 2000 art. 3.48(1)(a): "voor de duur van het opsporings- en vervolgingsonderzoek"'],
    ['NL', 'temporaryPermitExtended', 'residencePermitExpiry', '§4 NL; Vb 2000 art. 3.48(1)(a)'],
    ['LU', 'salariedWorkerPermitGranted', 'residencePermitExpiry', '§4 LU; art. 42: no term in the brochure'],
  ] as const)('%s %s -> %s has no fixed term, only an entered expiry [%s]', (country, type, kind, _source) => {
    const rule = dueRule(RULE_TABLES[country], type, kind);
    expect(rule?.period).toBeUndefined();
    expect(rule?.acceptsDocumentExpiry).toBe(true);
  });

  it.each([
    ['BE', 'aiRenewed', 'be.attestation.renewableOnce', 1, '§4 BE: "eenmalig hernieuwbaar"'],
    ['BE', 'annex15Issued', 'be.reflection.notExtendable', 1, '§4 BE: "Deze reflectieperiode kan niet worden verlengd"'],
    ['LU', 'reflectionGranted', 'lu.reflection.single', 1, '§4 LU "Reflectieperiode"'],
    ['NL', 'reflectionStarted', 'nl.reflection.atMostThreeMonths', 1, '§4 NL "Reflectieperiode"'],
  ] as const)('%s %s: %s allows %i [%s]', (country, type, guardId, n, _source) => {
    const guard = RULE_TABLES[country].events.find((e) => e.type === type)?.guards?.find((g) => g.id === guardId);
    expect(guard && guard.kind === 'maxPerTrack' && guard.count).toBe(n);
  });

  it.each([
    ['BE', 'be.entryConditions', 3, '§4 BE "Basis": "Drie cumulatieve voorwaarden"'],
    ['BE', 'be.evaluationConditions', 5, '§4 BE "Verdere afhandeling": five conditions'],
    ['NL', 'nl.humanitarianCriteria', 3, '§4 NL; Vb 2000 art. 3.51 lid 3 (a, b, c)'],
    ['LU', 'lu.preExpiryQuestions', 4, '§4 LU "Verdere afhandeling": four questions'],
    ['LU', 'lu.revocationGrounds', 5, '§4 LU "Verdere afhandeling": five grounds'],
  ] as const)('%s checklist %s has %i items [%s]', (country, id, n, _source) => {
    expect(RULE_TABLES[country].checklists.find((c) => c.id === id)?.items).toHaveLength(n);
  });
});

function labelsComplete(labels: Labels): boolean {
  return LANGUAGES.every((lang) => typeof labels[lang] === 'string' && labels[lang].trim().length > 0);
}

function logicItems(logic: ChecklistLogic): string[] {
  if ('item' in logic) return [logic.item];
  return ('all' in logic ? logic.all : logic.any).flatMap(logicItems);
}

describe.each(COUNTRIES)('integrity of the %s table', (country) => {
  const table = RULE_TABLES[country];
  const phases = new Set(table.phases.map((p) => p.phase));
  const types = new Set<string>(table.eventTypes);

  it('is the table of its country', () => {
    expect(table.country).toBe(country);
    expect(phases.has(table.initialPhase)).toBe(true);
  });

  it('every rule has a unique id, a source and a valid effectiveFrom', () => {
    const metas = [
      ...table.phases,
      ...table.events,
      ...table.events.flatMap((e) => [...(e.opens ?? []), ...(e.guards ?? [])]),
      ...table.notices,
      ...table.checklists,
    ];
    const byId = new Map<string, unknown>();
    for (const meta of metas) {
      expect(citationText(meta.source).trim().length, meta.id).toBeGreaterThan(0);
      expect(isCalendarDate(meta.effectiveFrom), meta.id).toBe(true);
      expect(meta.id.startsWith(`${country.toLowerCase()}.`), meta.id).toBe(true);
      // One legal rule may be enforced by two guards (BE: no second annex 15, no extension); they then
      // share id, source and refusal. Two different rules never share an id.
      const key = { source: meta.source, effectiveFrom: meta.effectiveFrom, text: 'refusal' in meta ? meta.refusal : null };
      const seen = byId.get(meta.id);
      if (seen !== undefined) expect(seen, meta.id).toEqual(key);
      byId.set(meta.id, key);
    }
  });

  it('every event type has a rule, every rule a known type, every phase a known phase', () => {
    for (const type of types) expect(table.events.some((e) => e.type === type), type).toBe(true);
    for (const rule of table.events) {
      expect(types.has(rule.type), rule.id).toBe(true);
      for (const p of rule.allowedIn) expect(phases.has(p), `${rule.id} allowedIn ${p}`).toBe(true);
      if (rule.to) expect(phases.has(rule.to), `${rule.id} to`).toBe(true);
      for (const due of rule.opens ?? []) {
        for (const p of due.activeIn) expect(phases.has(p), `${due.id} activeIn ${p}`).toBe(true);
        expect(DUE_KINDS).toContain(due.kind);
        // A sameAs rule copies a kind opened before it (by this event or an earlier one).
        if (due.sameAs) expect(due.period).toBeUndefined();
        else expect(due.period !== undefined || due.acceptsDocumentExpiry, due.id).toBeTruthy();
      }
      for (const guard of rule.guards ?? []) {
        expect(labelsComplete(guard.refusal), guard.id).toBe(true);
        if (guard.kind === 'maxPerTrack') for (const t of guard.counting) expect(types.has(t), guard.id).toBe(true);
        if (guard.kind === 'requiresPrior' || guard.kind === 'forbiddenAfter') expect(types.has(guard.eventType), guard.id).toBe(true);
        if (guard.kind === 'requiresFact') for (const p of guard.inPhases ?? []) expect(phases.has(p), guard.id).toBe(true);
      }
    }
    for (const notice of table.notices) {
      for (const t of notice.unlessEvent) expect(types.has(t), notice.id).toBe(true);
      for (const p of notice.activeIn) expect(phases.has(p), notice.id).toBe(true);
    }
  });

  it('every label exists in en, nl and fr', () => {
    for (const p of table.phases) expect(labelsComplete(p.label), p.id).toBe(true);
    for (const e of table.events) expect(labelsComplete(e.label), e.id).toBe(true);
    for (const n of table.notices) expect(labelsComplete(n.label), n.id).toBe(true);
    for (const c of table.checklists) {
      expect(labelsComplete(c.label) && labelsComplete(c.satisfiedMeans), c.id).toBe(true);
      for (const item of c.items) expect(labelsComplete(item.label), item.id).toBe(true);
    }
  });

  it("every checklist's logic names each of its items exactly once", () => {
    for (const c of table.checklists) {
      expect([...logicItems(c.logic)].sort(), c.id).toEqual(c.items.map((i) => i.id).sort());
      for (const p of c.activeIn) expect(phases.has(p), c.id).toBe(true);
    }
  });

  it('each terminal phase allows at most closing and returning', () => {
    const terminal = table.phases.filter((p) => p.terminal).map((p) => p.phase);
    for (const rule of table.events) {
      const inTerminal = rule.allowedIn.filter((p) => terminal.includes(p));
      if (inTerminal.length > 0) expect(['closed', 'voluntaryReturn', 'guardianAppointed', 'adHocAdministratorAppointed']).toContain(rule.type);
    }
  });
});

describe('common labels', () => {
  it('every due kind and warning has a label in every language', () => {
    for (const kind of DUE_KINDS) expect(labelsComplete(DUE_KIND_LABELS[kind]), kind).toBe(true);
    for (const code of WARNING_CODES) expect(labelsComplete(WARNING_LABELS[code]), code).toBe(true);
  });

  it('warning templates use the same placeholders in every language', () => {
    for (const code of WARNING_CODES) {
      const names = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
      const en = names(WARNING_LABELS[code].en);
      expect(names(WARNING_LABELS[code].nl), code).toEqual(en);
      expect(names(WARNING_LABELS[code].fr), code).toEqual(en);
    }
  });
});
