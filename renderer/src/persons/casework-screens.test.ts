/**
 * The pure parts of the casework screens: the phase filter's names are unique across countries; a
 * checklist condition nobody assessed starts with no answer and no date, and only changed conditions
 * are saved; the partner picker's value becomes the consent's partner id; the tracks a handover
 * package offers are only those whose events pass the event schema; the audit filters read typed
 * dates.
 */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ChecklistView } from '../../../shared/persons/procedure.schema';
import { en } from '../../../shared/i18n/en';
import { COUNTRIES, LANGUAGES } from '../../../shared/domain';
import { auditFiltersOf } from '../audit/AuditFilters';
import { packageTracks } from '../handover/incoming/TrackFromPackage';
import { trackIdOf } from '../reminders/ProcedureDoneDialog';
import { changedItems, initialChecklistValues } from './page/ChecklistPanel';
import { partnerChoiceOf } from './page/PartnerPicker';
import { phaseFilterOptions } from './rule-labels';

/** en's phaseOption template, filled as i18next would. */
const t = ((key: string, params: Record<string, string>) =>
  key === 'casework.phaseOption' ? en.casework.phaseOption.replace('{{phase}}', params.phase ?? '').replace('{{country}}', params.country ?? '') : key) as unknown as TFunction;

describe('phase filter', () => {
  it.each(LANGUAGES)('names every phase once across the three countries (%s)', (language) => {
    const labels = phaseFilterOptions(COUNTRIES, language, t).flatMap((g) => g.items.map((i) => i.label));
    expect(labels.length).toBeGreaterThan(20);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

const checklist: ChecklistView = {
  id: 'be.entryConditions',
  label: { en: 'x', nl: 'x', fr: 'x' },
  source: 's',
  satisfiedMeans: { en: 'x', nl: 'x', fr: 'x' },
  outcome: 'undetermined',
  items: [
    { id: 'a', label: { en: 'a', nl: 'a', fr: 'a' }, source: 's', answer: null },
    {
      id: 'b',
      label: { en: 'b', nl: 'b', fr: 'b' },
      source: 's',
      answer: { status: 'met', date: '2026-11-02' as never, answeredBy: null, answeredByName: null, note: 'seen', attachmentId: null, updatedAt: '' },
    },
  ],
};

describe('one-form checklist', () => {
  it('shows a condition nobody assessed with no answer and no date; an assessed one as stored', () => {
    expect(initialChecklistValues(checklist).items).toEqual([
      { status: '', date: '', note: '', attachmentId: '' },
      { status: 'met', date: '02-11-2026', note: 'seen', attachmentId: '' },
    ]);
  });

  it('saves only the conditions changed', () => {
    const before = initialChecklistValues(checklist);
    expect(changedItems(before, before)).toEqual([]);
    const now = { items: [{ ...before.items[0], status: 'notMet', date: '07-12-2026' }, before.items[1]] } as typeof before;
    expect(changedItems(before, now)).toEqual([0]);
  });
});

describe('partner pick, done dialog, audit filters', () => {
  it('turns the picker value into the consent partner id', () => {
    expect(partnerChoiceOf('org:6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81')).toEqual({ partnerOrgId: '6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81' });
    expect(partnerChoiceOf('contact:be-federaal-parket')).toEqual({ partnerContactId: 'be-federaal-parket' });
    expect(partnerChoiceOf('')).toBeNull();
  });

  it('reads the track of a procedure reminder', () => {
    expect(trackIdOf('procedure:6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81:reflectionPeriodEnd')).toBe('6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81');
    expect(trackIdOf('task:6f1c2a52')).toBeNull();
  });

  it('reads typed dates in the audit filters and names the one that does not read', () => {
    expect(auditFiltersOf({ actor: '', action: 'person.view', from: '1-11-2026', to: '', caseCode: ' pay-2026-0001 ' })).toEqual({
      filters: { action: 'person.view', from: '2026-11-01', caseCode: 'PAY-2026-0001' },
      badDate: null,
    });
    expect(auditFiltersOf({ actor: '', action: '', from: '', to: '31-02-2026', caseCode: '' }).badDate).toBe('to');
  });
});

describe('tracks offered from a handover package', () => {
  it('keeps the events that pass the event schema, in date order, and leaves out the rest', () => {
    const tracks = packageTracks({
      sections: {
        procedure: {
          tracks: [
            {
              country: 'BE',
              events: [
                { type: 'statementMade', date: '2026-10-20', documentExpiry: null },
                { type: 'annex15Issued', date: '2026-10-01', documentExpiry: null },
                { type: 'noSuchEvent', date: '2026-10-02' },
                { type: 'annex15Issued', date: 'yesterday' },
                '<script>',
              ],
            },
            { country: 'XX', events: [{ type: 'annex15Issued', date: '2026-10-01' }] },
            { country: 'LU', events: 'none' },
          ],
        },
      },
    });
    expect(tracks).toEqual([
      {
        country: 'BE',
        events: [
          { type: 'annex15Issued', date: '2026-10-01' },
          { type: 'statementMade', date: '2026-10-20' },
        ],
      },
    ]);
    expect(packageTracks({ sections: {} })).toEqual([]);
  });
});
