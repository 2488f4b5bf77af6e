/**
 * The contact-point directory: the public contact points of authorities and services
 * that the Benelux brochure of March 2021 lists in its section 5 "Netwerk - contactpunten", shipped as
 * seed data (seed.data.ts) and editable by the user (merge.ts keeps the user's edits apart).
 *
 * These are contact points of authorities and organisations, never data of a supported person.
 */
import { z } from 'zod';
import { countrySchema } from '../domain';
import type { Labels } from '../rules/rule.types';

/** The categories of the brochure's section 5, in the order of its table of contents. */
export const CONTACT_CATEGORIES = [
  'justice',
  'police',
  'labourInspection',
  'residencePermits',
  'policyCoordination',
  'receptionCentres',
  'asylumReception',
  'firstReceptionAndCare',
  'internationalProtection',
  'victimAssistanceCoordination',
] as const;
export const contactCategorySchema = z.enum(CONTACT_CATEGORIES);
export type ContactCategory = z.infer<typeof contactCategorySchema>;

/**
 * The brochure does not number the sub-headings of section 5; Passerelle numbers them 5.1 to 5.10 in
 * the order of the brochure's table of contents, and keeps the heading as printed above the entries.
 */
export const CATEGORY_SOURCES: Readonly<Record<ContactCategory, { section: string; heading: string }>> = {
  justice: { section: '5.1', heading: 'Gerechtelijke autoriteiten en justitie' },
  police: { section: '5.2', heading: 'Politiediensten' },
  labourInspection: { section: '5.3', heading: 'Diensten voor toezicht op het naleven van de sociale wetgeving en arbeidswetgeving' },
  residencePermits: { section: '5.4', heading: 'Diensten voor afgifte van verblijfsvergunningen' },
  policyCoordination: { section: '5.5', heading: 'Beleidscoördinerende organen' },
  receptionCentres: { section: '5.6', heading: 'Centra voor opvang van (mogelijke) slachtoffers van mensenhandel' },
  asylumReception: { section: '5.7', heading: 'Opvang van asielzoekers' },
  firstReceptionAndCare: { section: '5.8', heading: 'Coördinatie eerste opvang en zorg: Landelijke helpdesk' },
  internationalProtection: { section: '5.9', heading: 'Diensten verantwoordelijk voor de verzoekers om internationale bescherming' },
  victimAssistanceCoordination: { section: '5.10', heading: 'Coördinatie voor de bijstand aan slachtoffers' },
};

export const CATEGORY_LABELS: Readonly<Record<ContactCategory, Labels>> = {
  justice: { en: 'Judicial authorities and justice', nl: 'Gerechtelijke autoriteiten en justitie', fr: 'Autorités judiciaires et justice' },
  police: { en: 'Police', nl: 'Politiediensten', fr: 'Services de police' },
  labourInspection: {
    en: 'Social and labour law inspection',
    nl: 'Toezicht op de sociale wetgeving en arbeidswetgeving',
    fr: 'Inspection de la législation sociale et du travail',
  },
  residencePermits: { en: 'Residence permits', nl: 'Afgifte van verblijfsvergunningen', fr: 'Délivrance des titres de séjour' },
  policyCoordination: { en: 'Policy coordination', nl: 'Beleidscoördinerende organen', fr: 'Organes de coordination de la politique' },
  receptionCentres: {
    en: 'Reception centres for (possible) victims of trafficking',
    nl: 'Opvangcentra voor (mogelijke) slachtoffers van mensenhandel',
    fr: "Centres d'accueil des victimes (présumées) de la traite",
  },
  asylumReception: { en: 'Reception of asylum seekers', nl: 'Opvang van asielzoekers', fr: "Accueil des demandeurs d'asile" },
  firstReceptionAndCare: {
    en: 'Coordination of first reception and care (national helpdesk)',
    nl: 'Coördinatie eerste opvang en zorg (landelijke helpdesk)',
    fr: 'Coordination du premier accueil et des soins (helpdesk national)',
  },
  internationalProtection: {
    en: 'Applicants for international protection',
    nl: 'Verzoekers om internationale bescherming',
    fr: 'Demandeurs de protection internationale',
  },
  victimAssistanceCoordination: {
    en: 'Coordination of victim assistance',
    nl: 'Coördinatie van de bijstand aan slachtoffers',
    fr: "Coordination de l'assistance aux victimes",
  },
};

export const SEED_DOCUMENT = 'Benelux brochure 2021' as const;

export const contactSourceSchema = z.strictObject({
  document: z.literal(SEED_DOCUMENT),
  /** 5.1 to 5.10, see CATEGORY_SOURCES. */
  section: z.string().regex(/^5\.(?:[1-9]|10)$/),
  /** The heading printed above the entry (Dutch edition). */
  heading: z.string().min(1),
  /** Page of the printed brochure, when known (the text copy carries no page marks; §5 starts on p. 31). */
  page: z.number().int().positive().optional(),
});
export type ContactSource = z.infer<typeof contactSourceSchema>;

/** Seed ids: `<country>-<slug>`; ids of entries the user adds: `user-<random>`. Never reused. */
export const contactIdSchema = z
  .string()
  .max(80)
  .regex(/^(?:be|nl|lu|user)-[a-z0-9]+(?:-[a-z0-9]+)*$/);

const phoneSchema = z
  .string()
  .trim()
  .max(60)
  .regex(/^\+[0-9][0-9 ()/-]*[0-9]$/, 'phone');

const webUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.') && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'url');

/** The fields a user may edit (everything but the id, the country and the source). */
export const contactFieldsSchema = z.strictObject({
  category: contactCategorySchema,
  name: z.string().trim().min(2).max(200),
  /** Visiting or general address, as printed. */
  address: z.string().trim().min(1).max(300).nullable(),
  /** Postal address when the brochure gives one apart from the visiting address. */
  postalAddress: z.string().trim().min(1).max(300).nullable(),
  phones: z.array(phoneSchema).max(6),
  faxes: z.array(phoneSchema).max(6),
  emails: z.array(z.email().max(254)).max(6),
  websites: z.array(webUrlSchema).max(6),
  notes: z.string().trim().min(1).max(1000).nullable(),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;
export const CONTACT_FIELD_NAMES = Object.keys(contactFieldsSchema.shape) as (keyof ContactFields)[];

export const contactPointSchema = contactFieldsSchema.extend({
  id: contactIdSchema,
  country: countrySchema,
  /** Null for entries the user added. */
  source: contactSourceSchema.nullable(),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;

export const seedContactSchema = contactPointSchema.extend({
  id: contactIdSchema.refine((id) => !id.startsWith('user-'), 'seed ids never start with user-'),
  source: contactSourceSchema,
});
export type SeedContact = z.infer<typeof seedContactSchema>;

export const directorySeedSchema = z.strictObject({
  /** Raised by one with every change to the seed data; user edits remember the version they were made on. */
  seedVersion: z.number().int().positive(),
  /** When the seed was transcribed (ISO date). */
  seedDate: z.iso.date(),
  /** The date of the source document (the brochure: March 2021). */
  sourceDate: z.string().regex(/^\d{4}-\d{2}$/),
  document: z.literal(SEED_DOCUMENT),
  entries: z.array(seedContactSchema),
});
export type DirectorySeed = z.infer<typeof directorySeedSchema>;
