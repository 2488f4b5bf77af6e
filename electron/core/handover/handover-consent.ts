/**
 * The consent rule of an export (see handover.service.ts): one sharing consent of the person in
 * force today that names the recipient and lists every chosen section.
 */
import { type ConsentRow } from '../../../db/consents.repo';
import { type CalendarDate } from '../../../shared/dates/calendar-date';
import { foldText } from '../../../shared/directory/merge';
import type { Partner } from '../../../shared/handover/key-card.schema';
import type { ConsentCategory, HandoverSection } from '../../../shared/handover/package.schema';

/** Whether a consent's partner text names this partner (see the module comment). */
export function consentNamesPartner(consentPartner: string | null, partner: Partner): boolean {
  if (!consentPartner) return false;
  const text = consentPartner.trim();
  return text.toLowerCase() === partner.orgId || foldText(text) === foldText(partner.card.organisation.name);
}

/** The most recent sharing consent in force on `today` that names the partner, if any. */
export function consentForPartner(rows: readonly ConsentRow[], partner: Partner, today: CalendarDate): ConsentRow | null {
  const inForce = rows.filter(
    (c) => c.kind === 'sharing' && c.givenOn <= today && (!c.withdrawnOn || c.withdrawnOn > today) && consentNamesPartner(c.partner ?? null, partner),
  );
  inForce.sort((a, b) => (a.givenOn === b.givenOn ? a.recordedAt.localeCompare(b.recordedAt) : a.givenOn.localeCompare(b.givenOn)));
  return inForce.at(-1) ?? null;
}

/** The categories the chosen content needs and the consent does not list (empty: covered). */
export function missingCategories(consent: ConsentRow, sections: readonly HandoverSection[], withAttachments: boolean): ConsentCategory[] {
  const listed = new Set<string>(consent.categories);
  const needed: ConsentCategory[] = [...sections, ...(withAttachments ? (['attachments'] as const) : [])];
  return needed.filter((c) => !listed.has(c));
}
