/**
 * The consent rule of an export (see handover.service.ts): one sharing consent of the person in
 * force today that names the recipient and lists every chosen section.
 */
import { type ConsentRow } from '../../../db/consents.repo';
import { type CalendarDate } from '../../../shared/dates/calendar-date';
import { foldText } from '../../../shared/directory/merge';
import type { Partner } from '../../../shared/handover/key-card.schema';
import type { ConsentCategory, HandoverSection } from '../../../shared/handover/package.schema';

/**
 * Whether a consent names this partner: by the organisation id picked when it was recorded; a
 * consent that picked a directory entry or another organisation never names it. Older consents hold
 * only the typed text, which names the partner when it equals the name on the partner's verified key
 * card (ignoring case, accents and spacing) or its organisation id.
 */
export function consentNamesPartner(consent: Pick<ConsentRow, 'partner' | 'partnerOrgId' | 'partnerContactId'>, partner: Partner): boolean {
  if (consent.partnerOrgId) return consent.partnerOrgId === partner.orgId;
  if (consent.partnerContactId || !consent.partner) return false;
  const text = consent.partner.trim();
  return text.toLowerCase() === partner.orgId || foldText(text) === foldText(partner.card.organisation.name);
}

/** The most recent sharing consent in force on `today` that names the partner, if any. */
export function consentForPartner(rows: readonly ConsentRow[], partner: Partner, today: CalendarDate): ConsentRow | null {
  const inForce = rows.filter(
    (c) => c.kind === 'sharing' && c.givenOn <= today && (!c.withdrawnOn || c.withdrawnOn > today) && consentNamesPartner(c, partner),
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
