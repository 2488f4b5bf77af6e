/**
 * The categories of the yearly statistics and their labels in the three languages. Where the
 * Eurostat data collection on trafficking in human beings has a category, it is followed; the
 * mapping is in docs/statistics.md. Labels are data, like the rule tables', so the screen, the
 * XLSX/PDF files and the CLI say the same.
 */
import { COUNTRIES, type Country, type Language } from '../domain';
import { DETECTED_BY, EXPLOITATION_FORMS, GENDERS } from '../persons/person.schema';
import { L, RULE_TABLES } from '../rules';
import type { Labels } from '../rules/rule.types';
import type { AgeGroup, StatisticsTableId } from './statistics.schema';

/** The 27 member states of the EU (Eurostat's citizenship breakdown: reporting country, other EU, non-EU). */
export const EU_MEMBER_STATES: readonly string[] = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT',
  'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

/**
 * The citizenship table, one row per person (Eurostat counts a person once, by one citizenship: the
 * first one recorded): citizens of the reporting country, then the most frequent foreign
 * citizenships one by one, then the remaining EU and non-EU citizens, then unknown. One table rather
 * than an EU / non-EU table beside a "top countries" table: two tables over the same persons would
 * tie their cells together in ways row and column totals do not show, and a cell hidden in one could
 * be worked out from the other.
 */
export const CITIZENSHIP_REST = ['otherEu', 'otherNonEu', 'unknown'] as const;

/** How many foreign citizenships are listed one by one. */
export const TOP_CITIZENSHIPS = 10;

export function isEuCitizenship(code: string): boolean {
  return EU_MEMBER_STATES.includes(code);
}

/** The row of a person's first citizenship, given the listed foreign citizenships. */
export function citizenshipRow(nationalities: readonly string[], reportingCountry: Country, listed: ReadonlySet<string>): string {
  const first = nationalities[0];
  if (first === undefined) return 'unknown';
  if (first === reportingCountry) return 'national';
  if (listed.has(first)) return first;
  return isEuCitizenship(first) ? 'otherEu' : 'otherNonEu';
}

export const REFLECTION_OUTCOMES = ['running', 'permit', 'ended', 'returned', 'closed'] as const;
export const CLOSING_REASONS = ['ended', 'returned', 'closed'] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

/** The event that starts the reflection period in each country (brochure §4 per country). */
export const REFLECTION_START: Readonly<Record<Country, string>> = {
  BE: 'annex15Issued',
  NL: 'reflectionStarted',
  LU: 'reflectionGranted',
};

/** Residence permits granted, per country (brochure §4 "Verdere afhandeling en verblijfsvergunning"). */
export const PERMIT_EVENTS: Readonly<Record<Country, readonly string[]>> = {
  BE: ['aiIssued', 'bivrIssued', 'indefiniteResidenceGranted'],
  NL: ['temporaryPermitGranted', 'humanitarianPermitGranted'],
  LU: ['victimPermitGranted', 'personalReasonsPermitGranted', 'salariedWorkerPermitGranted'],
};

/** The terminal phase of a track as a reason of closing (phase ids end in .ended, .returned, .closed). */
export function closingReason(phaseId: string): ClosingReason | null {
  const suffix = phaseId.slice(phaseId.indexOf('.') + 1);
  return (CLOSING_REASONS as readonly string[]).includes(suffix) ? (suffix as ClosingReason) : null;
}

/** What became of a track, from its current phase: still in the reflection period, a permit, or terminal. */
export function reflectionOutcome(phaseId: string): (typeof REFLECTION_OUTCOMES)[number] {
  const reason = closingReason(phaseId);
  if (reason) return reason;
  const suffix = phaseId.slice(phaseId.indexOf('.') + 1);
  return suffix === 'reflection' || suffix === 'detection' || suffix === 'identified' ? 'running' : 'permit';
}

export const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

/** The rows of the phase and permit tables: every country, or the one asked for. */
export function phaseRows(country: Country | null): string[] {
  return (country ? [country] : [...COUNTRIES]).flatMap((c) => RULE_TABLES[c].phases.map((p) => p.phase));
}
export function permitRows(country: Country | null): string[] {
  return (country ? [country] : [...COUNTRIES]).flatMap((c) => PERMIT_EVENTS[c].map((t) => `${c}.${t}`));
}
export const HANDOVER_ROWS = COUNTRIES.flatMap((c) => [`sent.${c}`]).concat(COUNTRIES.map((c) => `received.${c}`));

export const FIXED_ROWS = {
  sex: [...GENDERS],
  exploitation: [...EXPLOITATION_FORMS, 'notRecorded'],
  detection: [...DETECTED_BY, 'unknown'],
  reflection: [...REFLECTION_OUTCOMES],
  handovers: HANDOVER_ROWS,
  closed: [...CLOSING_REASONS],
  registrations: [...MONTHS],
} as const;

export const TABLE_TITLES: Readonly<Record<StatisticsTableId, Labels>> = {
  sex: L('Persons supported, by sex', 'Ondersteunde personen, naar geslacht', 'Personnes accompagnées, par sexe'),
  citizenship: L('Persons supported, by citizenship', 'Ondersteunde personen, naar nationaliteit', 'Personnes accompagnées, par nationalité'),
  exploitation: L('Forms of exploitation (a person may have several)', 'Vormen van uitbuiting (een persoon kan er meerdere hebben)', "Formes d'exploitation (une personne peut en avoir plusieurs)"),
  detection: L('Persons supported, by detection source', 'Ondersteunde personen, naar detectiebron', 'Personnes accompagnées, par source de détection'),
  phase: L('Procedures, by phase reached', 'Procedures, naar bereikte fase', 'Procédures, par phase atteinte'),
  reflection: L('Reflection periods started in the year, by outcome', 'Reflectieperiodes gestart in het jaar, naar uitkomst', "Périodes de réflexion commencées dans l'année, par issue"),
  permits: L('Residence permits granted in the year', 'Verblijfsvergunningen toegekend in het jaar', "Titres de séjour accordés dans l'année"),
  handovers: L('Handovers sent and received, by country', 'Overdrachten verzonden en ontvangen, naar land', 'Transferts envoyés et reçus, par pays'),
  closed: L('Files closed in the year, by reason', 'Dossiers afgesloten in het jaar, naar reden', "Dossiers clôturés dans l'année, par motif"),
  registrations: L('New registrations, by month', 'Nieuwe registraties, per maand', 'Nouveaux enregistrements, par mois'),
};

export const AGE_GROUP_LABELS: Readonly<Record<AgeGroup, Labels>> = {
  minor: L('Minor', 'Minderjarig', 'Mineur'),
  presumedMinor: L('Presumed minor', 'Vermoedelijk minderjarig', 'Mineur présumé'),
  adult: L('Adult', 'Meerderjarig', 'Majeur'),
};

const COUNTRY_LABELS: Readonly<Record<Country, Labels>> = {
  BE: L('Belgium', 'België', 'Belgique'),
  NL: L('Netherlands', 'Nederland', 'Pays-Bas'),
  LU: L('Luxembourg', 'Luxemburg', 'Luxembourg'),
};

const ROW_LABELS: Readonly<Record<string, Labels>> = {
  'sex.female': L('Female', 'Vrouw', 'Femme'),
  'sex.male': L('Male', 'Man', 'Homme'),
  'sex.other': L('Other', 'Anders', 'Autre'),
  'sex.unknown': L('Unknown', 'Onbekend', 'Inconnu'),
  'citizenship.national': L('Citizens of the reporting country', 'Onderdanen van het rapporterende land', 'Ressortissants du pays déclarant'),
  'citizenship.otherEu': L('Other EU citizens', 'Andere EU-onderdanen', "Autres ressortissants de l'UE"),
  'citizenship.otherNonEu': L('Other non-EU citizens', 'Andere niet-EU-onderdanen', 'Autres ressortissants de pays hors UE'),
  'citizenship.unknown': L('Unknown', 'Onbekend', 'Inconnue'),
  'exploitation.sexual': L('Sexual exploitation', 'Seksuele uitbuiting', 'Exploitation sexuelle'),
  'exploitation.labour': L('Labour exploitation', 'Economische uitbuiting', 'Exploitation par le travail'),
  'exploitation.begging': L('Forced begging', 'Gedwongen bedelarij', 'Mendicité forcée'),
  'exploitation.forcedCriminality': L('Forced criminal activities', 'Gedwongen criminaliteit', 'Activités criminelles forcées'),
  'exploitation.organRemoval': L('Removal of organs', 'Orgaanverwijdering', "Prélèvement d'organes"),
  'exploitation.saleOfChildren': L('Sale of children', 'Verkoop van kinderen', "Vente d'enfants"),
  'exploitation.notRecorded': L('Not recorded', 'Niet geregistreerd', 'Non enregistrée'),
  'detection.police': L('Police', 'Politie', 'Police'),
  'detection.labourInspection': L('Labour inspection', 'Arbeidsinspectie', 'Inspection du travail'),
  'detection.ngo': L('NGO', 'Ngo', 'ONG'),
  'detection.asylumReception': L('Asylum reception', 'Asielopvang', "Accueil des demandeurs d'asile"),
  'detection.selfReferral': L('Self-referral', 'Eigen melding', 'Démarche personnelle'),
  'detection.other': L('Other', 'Anders', 'Autre'),
  'detection.unknown': L('Unknown', 'Onbekend', 'Inconnue'),
  'reflection.running': L('Still running, or no decision yet', 'Loopt nog, of nog geen beslissing', 'En cours, ou pas encore de décision'),
  'reflection.permit': L('Followed by a residence permit', 'Gevolgd door een verblijfsvergunning', 'Suivie d’un titre de séjour'),
  'reflection.ended': L('Procedure ended', 'Procedure beëindigd', 'Procédure terminée'),
  'reflection.returned': L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
  'reflection.closed': L('File closed', 'Dossier afgesloten', 'Dossier clôturé'),
  'closed.ended': L('Procedure ended', 'Procedure beëindigd', 'Procédure terminée'),
  'closed.returned': L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
  'closed.closed': L('Closed for another reason', 'Om een andere reden afgesloten', 'Clôturé pour une autre raison'),
};

const MONTH_LABELS: readonly Labels[] = [
  L('January', 'januari', 'janvier'), L('February', 'februari', 'février'), L('March', 'maart', 'mars'),
  L('April', 'april', 'avril'), L('May', 'mei', 'mai'), L('June', 'juni', 'juin'), L('July', 'juli', 'juillet'),
  L('August', 'augustus', 'août'), L('September', 'september', 'septembre'), L('October', 'oktober', 'octobre'),
  L('November', 'november', 'novembre'), L('December', 'december', 'décembre'),
];

const SENT = L('Sent to', 'Verzonden naar', 'Envoyés vers');
const RECEIVED = L('Received from', 'Ontvangen uit', 'Reçus de');

const EU = L('EU', 'EU', 'UE');
const NON_EU = L('non-EU', 'niet-EU', 'hors UE');

/** A row's label in a language (a listed citizenship: its ISO code, EU or not). */
export function rowLabel(table: StatisticsTableId, row: string, language: Language): string {
  const fixed = ROW_LABELS[`${table}.${row}`];
  if (fixed) return fixed[language];
  if (table === 'citizenship') return `${row} (${(isEuCitizenship(row) ? EU : NON_EU)[language]})`;
  if (table === 'registrations') return MONTH_LABELS[Number(row) - 1]?.[language] ?? row;
  if (table === 'handovers') {
    const [dir, country] = row.split('.') as [string, Country];
    return `${(dir === 'sent' ? SENT : RECEIVED)[language]} ${COUNTRY_LABELS[country]?.[language] ?? country}`;
  }
  if (table === 'phase') {
    const country = row.slice(0, 2).toUpperCase() as Country;
    const phase = RULE_TABLES[country]?.phases.find((p) => p.phase === row);
    return phase ? `${country}: ${phase.label[language]}` : row;
  }
  if (table === 'permits') {
    const [country, type] = row.split('.') as [Country, string];
    const event = RULE_TABLES[country]?.events.find((e) => e.type === type);
    return event ? `${country}: ${event.label[language]}` : row;
  }
  return row;
}
