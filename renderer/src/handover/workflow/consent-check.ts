/** The export's consent check as the user changes the choice (the core checks it again). Pure. */
import type { HandoverView } from '../../../../shared/handover/handover.ipc';
import type { HandoverSection } from '../../../../shared/handover/package.schema';

export type ConsentCheck = { result: 'none' } | { result: 'notCovered'; missing: string[] } | { result: 'covered' };

export function consentCheck(consent: HandoverView['consent'], sections: readonly HandoverSection[], attachments: number): ConsentCheck {
  if (!consent) return { result: 'none' };
  const covered = new Set<string>(consent.categories);
  const missing: string[] = sections.filter((s) => !covered.has(s));
  if (attachments > 0 && !covered.has('attachments')) missing.push('attachments');
  return missing.length > 0 ? { result: 'notCovered', missing } : { result: 'covered' };
}
