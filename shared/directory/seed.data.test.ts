import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../domain';
import { CATEGORY_LABELS, CATEGORY_SOURCES, CONTACT_CATEGORIES, directorySeedSchema, type ContactCategory } from './contact.schema';
import { DIRECTORY_SEED } from './seed.data';

const entries = DIRECTORY_SEED.entries;

function count(country: string, category: ContactCategory): number {
  return entries.filter((e) => e.country === country && e.category === category).length;
}

describe('directory seed (brochure §5 "Netwerk - contactpunten")', () => {
  it('parses with its own schema', () => {
    expect(() => directorySeedSchema.parse(DIRECTORY_SEED)).not.toThrow();
  });

  it('has every entry of the brochure, by country and category', () => {
    // One row per heading of §5; columns BE, NL, LU, counted in the brochure text.
    const expected: Record<ContactCategory, [number, number, number]> = {
      justice: [1, 1, 2], // Federaal parket | Landelijk Parket | Parket Luxemburg, Parket Diekirch
      police: [1, 1, 3], // DJSOC | EMM | SPJ afd. 2, SPJ afd. 5, Directie Gerechtelijke Politie
      labourInspection: [2, 1, 1], // RSZ, TSW | ISZW | ITM
      residencePermits: [1, 1, 1], // DVZ MINTEH | IND | Directie Immigratie
      policyCoordination: [2, 1, 1], // ICC-bureau, Expertisenetwerk College PG | JenV DRC | Monitoringcomité
      receptionCentres: [3, 3, 2], // Payoke, PAG-ASA, Sürya | COA, Jeugdzorg Nederland, Nidos | SAVTEH, COTEH
      asylumReception: [1, 0, 0], // Fedasil
      firstReceptionAndCare: [0, 1, 0], // CoMensha
      internationalProtection: [0, 0, 1], // ONA
      victimAssistanceCoordination: [0, 0, 1], // Ministerie van Gelijkheid
    };
    for (const category of CONTACT_CATEGORIES) {
      const [be, nl, lu] = expected[category];
      expect({ category, BE: count('BE', category), NL: count('NL', category), LU: count('LU', category) }).toEqual({
        category,
        BE: be,
        NL: nl,
        LU: lu,
      });
    }
    expect(entries.filter((e) => e.country === 'BE')).toHaveLength(11);
    expect(entries.filter((e) => e.country === 'NL')).toHaveLength(9);
    expect(entries.filter((e) => e.country === 'LU')).toHaveLength(12);
    expect(entries).toHaveLength(32);
  });

  it('gives every entry its source: the brochure, the section and heading of its category', () => {
    for (const e of entries) {
      expect(e.source.document).toBe('Benelux brochure 2021');
      expect(e.source.section).toBe(CATEGORY_SOURCES[e.category].section);
      expect(e.source.heading).toBe(CATEGORY_SOURCES[e.category].heading);
    }
    expect(DIRECTORY_SEED.sourceDate).toBe('2021-03');
  });

  it('has unique, stable ids that start with the country', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) expect(e.id.startsWith(`${e.country.toLowerCase()}-`)).toBe(true);
    // Ids other modules or user edits may refer to: never renamed.
    for (const id of ['be-payoke', 'be-pag-asa', 'be-surya', 'nl-comensha', 'nl-nidos', 'lu-savteh', 'lu-coteh', 'lu-spj-bescherming-slachtoffers']) {
      expect(ids).toContain(id);
    }
  });

  it('has well-formed e-mail addresses, websites and numbers where present', () => {
    const email = /^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
    for (const e of entries) {
      for (const m of e.emails) expect(m, e.id).toMatch(email);
      for (const w of e.websites) {
        const u = new URL(w);
        expect(['http:', 'https:'], e.id).toContain(u.protocol);
        expect(u.hostname, e.id).toMatch(/\.(be|nl|lu|eu|int|org)$/);
      }
      for (const p of [...e.phones, ...e.faxes]) expect(p, e.id).toMatch(/^\+(32|31|352) [0-9 ()/-]+$/);
      expect(e.phones.length + e.faxes.length + e.emails.length + e.websites.length, e.id).toBeGreaterThan(0);
    }
  });

  it('puts each country in its own country code on phone numbers', () => {
    const prefix = { BE: '+32 ', NL: '+31 ', LU: '+352 ' } as const;
    for (const e of entries) for (const p of [...e.phones, ...e.faxes]) expect(p.startsWith(prefix[e.country]), e.id).toBe(true);
  });

  it('spot-checks entries against the brochure text', () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('be-federaal-parket')).toMatchObject({ address: 'Wolstraat 66 bus 1, BE – 1000 BRUSSEL', emails: ['federaal.parket@just.fgov.be'] });
    expect(byId.get('lu-spj-bescherming-slachtoffers')).toMatchObject({ emails: ['traite@police.etat.lu'], phones: ['+352 244 60 3220'] });
    expect(byId.get('nl-comensha')).toMatchObject({ address: 'Smallepad 30, NL – 3811 MG AMERSFOORT', phones: ['+31 (0)334 48 11 86'] });
    // The brochure prints a website where the e-mail address should be: no e-mail, a note instead.
    expect(byId.get('lu-parket-luxemburg')?.emails).toEqual([]);
    expect(byId.get('lu-parket-luxemburg')?.notes).toMatch(/geen e-mailadres/);
    // The IND has a web form instead of an address.
    expect(byId.get('nl-ind')?.notes).toMatch(/E-mailformulier/);
  });

  it('labels every category in nl, fr and en', () => {
    for (const c of CONTACT_CATEGORIES) for (const lang of ['en', 'nl', 'fr'] as const) expect(CATEGORY_LABELS[c][lang].length).toBeGreaterThan(3);
    expect(COUNTRIES).toEqual(['BE', 'NL', 'LU']);
  });
});
