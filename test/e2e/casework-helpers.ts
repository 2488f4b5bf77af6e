/**
 * Shared steps of the casework end-to-end tests: a vault with invented persons across the three
 * countries (with a Dutch permit recorded without its expiry and an overdue Belgian deadline), the
 * language set as this desktop's preference, viewport screenshots at both window sizes when
 * E2E_SCREENSHOTS is set, and the accessibility check (axe-core) that fails on any serious or
 * critical violation.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { addDays, type CalendarDate } from '../../shared/dates/calendar-date';
import type { Language } from '../../shared/domain';
import type { Channel, In, Out } from '../../shared/ipc/contract';
import { inventedPersons } from '../helpers/invented-persons';
import { expect } from './fixtures';

export type Invoke = <C extends Channel>(channel: C, input: In<C>) => Promise<Out<C>>;

export const LANGUAGES: readonly Language[] = ['en', 'nl', 'fr'];
export const SMALL = { width: 1366, height: 768 } as const;
export const LARGE = { width: 1920, height: 1080 } as const;

/** Today in the page (Europe/Brussels). */
export async function pageToday(page: Page): Promise<CalendarDate> {
  return (await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  })) as CalendarDate;
}

export interface CaseworkSeed {
  /** A Belgian reflection period overdue by 5 days. */
  overdue: { personId: string; caseCode: string; trackId: string; itemId: string };
  /** A Dutch temporary permit recorded without its printed expiry. */
  noExpiry: { personId: string; caseCode: string };
  /** A minor with a long Dutch deadline, for the list's cells. */
  dutchMinor: { personId: string; caseCode: string };
}

/** Persons enough to fill the list, plus the three this suite looks at. The vault must be unlocked. */
export async function seedCasework(invoke: Invoke, today: CalendarDate, count = 30): Promise<CaseworkSeed> {
  for (const invented of inventedPersons(11, count, today, 1)) {
    const detail = await invoke('persons.create', invented.fields);
    for (const track of invented.tracks) {
      const view = await invoke('procedure.openTrack', { personId: detail.person.id, country: track.country });
      for (const event of track.events) {
        try {
          await invoke('procedure.recordEvent', { trackId: view.id, event });
        } catch {
          break; // a path the person's facts do not allow: the track stays where it is
        }
      }
    }
  }
  const a = await invoke('persons.create', { givenNames: 'Elira', familyName: 'Vantorre', safetyNotes: 'Never share the address with the family.' });
  const be = await invoke('procedure.openTrack', { personId: a.person.id, country: 'BE' });
  await invoke('procedure.recordEvent', { trackId: be.id, event: { type: 'annex15Issued', date: addDays(today, -50) } });

  const b = await invoke('persons.create', { givenNames: 'Noor', familyName: 'Dekkers-Van den Berghe', nationalities: ['NG'] });
  const nl = await invoke('procedure.openTrack', { personId: b.person.id, country: 'NL' });
  await invoke('procedure.recordEvent', { trackId: nl.id, event: { type: 'reportMade', date: addDays(today, -40) } });
  await invoke('procedure.recordEvent', { trackId: nl.id, event: { type: 'temporaryPermitGranted', date: addDays(today, -30) } });

  const c = await invoke('persons.create', {
    givenNames: 'Amani Grace',
    familyName: 'Oyelaran-Vermeulen',
    dateOfBirth: { precision: 'exact', date: addDays(today, -16 * 365) },
    unaccompanied: true,
  });
  const nl2 = await invoke('procedure.openTrack', { personId: c.person.id, country: 'NL' });
  await invoke('procedure.recordEvent', { trackId: nl2.id, event: { type: 'reflectionStarted', date: addDays(today, -10) } });

  return {
    overdue: { personId: a.person.id, caseCode: a.person.caseCode, trackId: be.id, itemId: `procedure:${be.id}:reflectionPeriodEnd` },
    noExpiry: { personId: b.person.id, caseCode: b.person.caseCode },
    dutchMinor: { personId: c.person.id, caseCode: c.person.caseCode },
  };
}

/** Fails on any serious or critical axe-core violation (WCAG 2.1 A and AA rules and best practices). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Let transitions (modals fading in) finish, so colours are measured as shown.
  await page.waitForTimeout(250);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.slice(0, 300)) }));
  expect(serious, `axe on ${where}`).toEqual([]);
}

/** Screenshots of what the window shows (not the whole page) at both sizes, when E2E_SCREENSHOTS is set. */
export async function shots(page: Page, testInfo: TestInfo, name: string, sizes: readonly { width: number; height: number }[] = [SMALL, LARGE]): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(dir, `casework-${name}-${size.width}x${size.height}.png`) });
  }
  if (before) await page.setViewportSize(before);
  void testInfo;
}

export async function useLanguage(invoke: Invoke, language: Language): Promise<void> {
  await invoke('prefs.set', { language });
}
