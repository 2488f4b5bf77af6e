/**
 * No internal references in any text a user sees: issue and item numbers of the project's tracker
 * ("§3", "item 3") once leaked into refusals and checklist items. This walks every
 * string the screens, refusals, notifications, PDFs and calendar files take their words from: the
 * three translations and the shared data shown as is (rule tables with their sources and refusals,
 * handover checklist templates, receiving procedures, rejection reasons, the contact directory,
 * reminder texts).
 */
import { describe, expect, it } from 'vitest';
import * as directory from '../directory/index';
import * as handover from '../handover/index';
import * as receiving from '../handover/receiving-procedure';
import * as reminderTexts from '../reminders/reminder-texts';
import * as rules from '../rules/index';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

const INTERNAL_REFERENCE = /\bissue\s*#?\d|\bitem\s+\d+\s+of\s+issue/i;

/** Every string reachable from `value`, with its path. */
function strings(value: unknown, path: string, seen = new Set<unknown>()): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  return Object.entries(value).flatMap(([key, v]) => strings(v, `${path}.${key}`, seen));
}

const SOURCES: [string, unknown][] = [
  ['en', en],
  ['fr', fr],
  ['nl', nl],
  ['rules', rules],
  ['handover', handover],
  ['receiving', receiving],
  ['directory', directory],
  ['reminderTexts', reminderTexts],
];

describe('text a user sees', () => {
  it.each(SOURCES)('%s holds no issue or item number of the tracker', (_name, source) => {
    const all = strings(source, _name);
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter(([, text]) => INTERNAL_REFERENCE.test(text))).toEqual([]);
  });

  it('the check finds what it looks for', () => {
    expect(strings({ a: { b: ['ok', 'Passerelle procedure model (issue 3 §3)'] } }, 'x').filter(([, s]) => INTERNAL_REFERENCE.test(s))).toEqual([
      ['x.a.b.1', 'Passerelle procedure model (issue 3 §3)'],
    ]);
  });
});
