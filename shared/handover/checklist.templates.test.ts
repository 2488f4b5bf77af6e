import { describe, expect, it } from 'vitest';
import { COUNTRIES, type Country } from '../domain';
import { toCalendarDate } from '../dates/calendar-date';
import {
  HANDOVER_CHECKLIST_TEMPLATES,
  HANDOVER_DIRECTIONS,
  defaultDueDate,
  handoverChecklistItems,
  handoverChecklistTemplate,
  type PersonFacts,
} from './checklist.templates';

const ADULT_TCN: PersonFacts = { presumedMinor: false, unaccompaniedMinor: false, ageInDoubt: false, thirdCountryNational: true };
const ADULT_EU: PersonFacts = { ...ADULT_TCN, thirdCountryNational: false };
const UNACCOMPANIED_MINOR: PersonFacts = { presumedMinor: true, unaccompaniedMinor: true, ageInDoubt: false, thirdCountryNational: true };
const AGE_IN_DOUBT: PersonFacts = { presumedMinor: true, unaccompaniedMinor: false, ageInDoubt: true, thirdCountryNational: false };

const STEPS = [
  'handover.consent',
  'handover.riskAssessment',
  'handover.authoritiesSending',
  'handover.authoritiesReceiving',
  'handover.receiverConfirmed',
  'handover.interpreter',
  'handover.travelAndEscort',
  'handover.documents',
  'handover.closeSending',
];

const ids = (from: Country, to: Country, facts: PersonFacts) => handoverChecklistItems(from, to, facts).map((i) => i.id);

describe('handover checklist templates', () => {
  it('exist for the six directions between the three countries, and not within one country', () => {
    expect(HANDOVER_CHECKLIST_TEMPLATES.map((t) => t.id).sort()).toEqual(
      ['handover.BE-LU', 'handover.BE-NL', 'handover.LU-BE', 'handover.LU-NL', 'handover.NL-BE', 'handover.NL-LU'],
    );
    for (const c of COUNTRIES) expect(() => handoverChecklistTemplate(c, c)).toThrow(RangeError);
  });

  it('have every step of a handover in every direction', () => {
    for (const [from, to] of HANDOVER_DIRECTIONS) expect(ids(from, to, ADULT_TCN)).toEqual(expect.arrayContaining(STEPS));
  });

  it('give every item unique id, labels in en/nl/fr, a source, an owner role and a due offset', () => {
    for (const t of HANDOVER_CHECKLIST_TEMPLATES) {
      const itemIds = t.items.map((i) => i.id);
      expect(new Set(itemIds).size, t.id).toBe(itemIds.length);
      for (const i of t.items) {
        for (const lang of ['en', 'nl', 'fr'] as const) {
          expect(i.label[lang].length, `${t.id} ${i.id} ${lang}`).toBeGreaterThan(10);
          expect(i.label[lang], i.id).not.toContain('{{');
        }
        expect(i.source.length).toBeGreaterThan(5);
        expect(['coordinator', 'caseworker']).toContain(i.defaultOwnerRole);
        expect(Number.isInteger(i.dueOffsetDays) && i.dueOffsetDays >= 0 && i.dueOffsetDays <= 30).toBe(true);
      }
    }
  });

  it('name the right country in the authorities items', () => {
    const t = handoverChecklistTemplate('BE', 'LU');
    const label = (id: string) => t.items.find((i) => i.id === id)?.label;
    expect(label('handover.authoritiesSending')).toMatchObject({ en: expect.stringContaining('in Belgium'), fr: expect.stringContaining('en Belgique') });
    expect(label('handover.authoritiesReceiving')).toMatchObject({ en: expect.stringContaining('in Luxembourg'), fr: expect.stringContaining('au Luxembourg') });
    expect(handoverChecklistTemplate('LU', 'NL').items.find((i) => i.id === 'handover.authoritiesReceiving')?.label.fr).toContain('aux Pays-Bas');
  });

  it('involve a guardian only for a minor or presumed minor', () => {
    for (const [from, to] of HANDOVER_DIRECTIONS) {
      expect(ids(from, to, ADULT_TCN)).not.toContain('handover.guardian');
      expect(ids(from, to, ADULT_EU)).not.toContain('handover.guardian');
      expect(ids(from, to, UNACCOMPANIED_MINOR)).toContain('handover.guardian');
      expect(ids(from, to, AGE_IN_DOUBT)).toContain('handover.guardian');
    }
  });

  it("list the receiving country's requirements with their brochure sources (domain.md §4)", () => {
    const lu = handoverChecklistItems('BE', 'LU', ADULT_TCN).find((i) => i.id === 'handover.to.LU.identification');
    expect(lu?.label.en).toMatch(/judicial police/);
    expect(lu?.source).toMatch(/brochure §4 LU "Identificatie van de slachtoffers"/);
    const be = handoverChecklistItems('LU', 'BE', ADULT_TCN).find((i) => i.id === 'handover.to.BE.jurisdiction');
    expect(be?.label.en).toMatch(/at least partly on Belgian territory/);
    expect(be?.source).toMatch(/brochure §4 BE "Basis"/);
    expect(ids('LU', 'NL', ADULT_TCN)).toEqual(expect.arrayContaining(['handover.to.NL.avim', 'handover.to.NL.reflection', 'handover.to.NL.shelterAdult']));
    expect(ids('LU', 'NL', ADULT_EU)).toContain('handover.to.NL.euShelter');
    expect(ids('LU', 'NL', ADULT_EU)).not.toContain('handover.to.NL.reflection');
    expect(ids('BE', 'NL', UNACCOMPANIED_MINOR)).toContain('handover.to.NL.nidos');
    expect(ids('BE', 'NL', UNACCOMPANIED_MINOR)).not.toContain('handover.to.NL.shelterAdult');
    expect(ids('NL', 'LU', AGE_IN_DOUBT)).toContain('handover.to.LU.minors');
    // Requirements of one receiving country never appear in a handover to another.
    for (const [from, to] of HANDOVER_DIRECTIONS) {
      for (const id of ids(from, to, UNACCOMPANIED_MINOR)) if (id.startsWith('handover.to.')) expect(id.startsWith(`handover.to.${to}.`)).toBe(true);
      for (const i of handoverChecklistTemplate(from, to).items) if (i.kind === 'requirement') expect(i.source).toMatch(/^brochure §4 (BE|NL|LU) "/);
    }
  });

  it("adds Luxembourg's no-departure rule during its reflection period when sending from Luxembourg", () => {
    expect(ids('LU', 'BE', ADULT_TCN)).toContain('handover.from.LU.reflectionLeave');
    expect(ids('BE', 'LU', ADULT_TCN)).not.toContain('handover.from.LU.reflectionLeave');
  });

  it('computes default due dates from the start of the handover', () => {
    const item = handoverChecklistTemplate('BE', 'LU').items.find((i) => i.id === 'handover.closeSending');
    if (!item) throw new Error('missing');
    expect(defaultDueDate(item, toCalendarDate('2026-12-28'))).toBe('2027-01-11');
  });
});
