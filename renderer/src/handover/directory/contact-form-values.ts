/** The contact form's text fields and the contract's contact fields, both ways. Pure. */
import type { Country } from '../../../../shared/domain';
import { contactFieldsSchema, type ContactCategory, type ContactFields } from '../../../../shared/directory/contact.schema';

export interface ContactFormValues {
  country: Country;
  category: ContactCategory;
  name: string;
  address: string;
  postalAddress: string;
  /** One value per line. */
  phones: string;
  faxes: string;
  emails: string;
  websites: string;
  notes: string;
}

export const CONTACT_FORM_FIELDS = ['country', 'category', 'name', 'address', 'postalAddress', 'phones', 'faxes', 'emails', 'websites', 'notes'] as const;

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function toContactFields(v: ContactFormValues): ContactFields {
  return {
    category: v.category,
    name: v.name.trim(),
    address: orNull(v.address),
    postalAddress: orNull(v.postalAddress),
    phones: lines(v.phones),
    faxes: lines(v.faxes),
    emails: lines(v.emails),
    websites: lines(v.websites),
    notes: orNull(v.notes),
  };
}

export function fromContactFields(country: Country, f: ContactFields): ContactFormValues {
  return {
    country,
    category: f.category,
    name: f.name,
    address: f.address ?? '',
    postalAddress: f.postalAddress ?? '',
    phones: f.phones.join('\n'),
    faxes: f.faxes.join('\n'),
    emails: f.emails.join('\n'),
    websites: f.websites.join('\n'),
    notes: f.notes ?? '',
  };
}

/** The fields whose value differs from `before` (an edit sends only what changed). */
export function changedFields(before: ContactFields, after: ContactFields): Partial<ContactFields> {
  const out: Partial<Record<keyof ContactFields, unknown>> = {};
  for (const key of Object.keys(after) as (keyof ContactFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out as Partial<ContactFields>;
}

export function validateContact(v: ContactFormValues) {
  return contactFieldsSchema.safeParse(toContactFields(v));
}
