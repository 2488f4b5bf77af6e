/**
 * The words of the printable case summary in nl, fr and en, as data like shared/rules, so the PDF made
 * in main speaks the user's language without the renderer's i18n. Dates are printed dd-mm-yyyy with
 * the weekday for every deadline and appointment.
 */
import type { Language } from '../domain';
import type { Labels } from '../rules/rule.types';
import type { AppointmentStatus, ServiceKind } from './appointment.schema';
import type { CaseSummarySection } from './case-summary.schema';
import type { NoteType } from './note.schema';

const L = (en: string, nl: string, fr: string): Labels => ({ en, nl, fr });

export const CASE_SUMMARY_TEXTS = {
  title: L('Case summary', 'Dossieroverzicht', 'Résumé du dossier'),
  confidential: L(
    'Confidential: personal data of a (presumed) victim of trafficking in human beings. Keep it locked away; destroy it when no longer needed.',
    'Vertrouwelijk: persoonsgegevens van een (vermoedelijk) slachtoffer van mensenhandel. Bewaar dit achter slot; vernietig het wanneer het niet meer nodig is.',
    "Confidentiel : données personnelles d'une victime (présumée) de la traite des êtres humains. Gardez ce document sous clé ; détruisez-le lorsqu'il n'est plus nécessaire.",
  ),
  caseCode: L('Case code', 'Dossiercode', 'Code du dossier'),
  madeOn: L('Made on', 'Gemaakt op', 'Établi le'),
  organisation: L('Organisation', 'Organisatie', 'Organisation'),
  name: L('Name', 'Naam', 'Nom'),
  aliases: L('Also known as', 'Ook gekend als', 'Autres noms'),
  dateOfBirth: L('Date of birth', 'Geboortedatum', 'Date de naissance'),
  minor: L('Minor', 'Minderjarig', 'Mineur'),
  presumedMinor: L('Presumed minor (age in doubt)', 'Vermoedelijk minderjarig (leeftijd onzeker)', 'Présumé mineur (âge incertain)'),
  adult: L('Adult', 'Meerderjarig', 'Majeur'),
  dateOfBirthMissing: L('Date of birth missing (not presumed a minor)', 'Geboortedatum ontbreekt (niet vermoedelijk minderjarig)', 'Date de naissance manquante (pas présumé mineur)'),
  nationalities: L('Nationalities', 'Nationaliteiten', 'Nationalités'),
  languages: L('Languages', 'Talen', 'Langues'),
  interpreter: L('Interpreter needed', 'Tolk nodig', 'Interprète nécessaire'),
  caseworker: L('Caseworker', 'Begeleider', 'Référent'),
  safetyNotes: L('Safety', 'Veiligheid', 'Sécurité'),
  yes: L('yes', 'ja', 'oui'),
  no: L('no', 'nee', 'non'),
  none: L('None.', 'Geen.', 'Aucun.'),
  unknown: L('unknown', 'onbekend', 'inconnu'),
  currentPhase: L('Current phase', 'Huidige fase', 'Phase actuelle'),
  since: L('since', 'sinds', 'depuis'),
  events: L('Events', 'Gebeurtenissen', 'Événements'),
  deadlines: L('Deadlines', 'Termijnen', 'Délais'),
  source: L('Source', 'Bron', 'Source'),
  originalDutch: L('Original (Dutch)', 'Origineel (Nederlands)', 'Original (néerlandais)'),
  basis: L('Basis', 'Grondslag', 'Base'),
  noTrack: L('No procedure has been opened.', 'Er is geen procedure geopend.', "Aucune procédure n'a été ouverte."),
  due: L('due', 'tegen', 'pour le'),
  assignee: L('for', 'voor', 'pour'),
  interpreterBooked: L('interpreter booked', 'tolk geboekt', 'interprète réservé'),
  noInterpreter: L('no interpreter booked', 'geen tolk geboekt', "pas d'interprète réservé"),
  minutes: L('min', 'min', 'min'),
  author: L('by', 'door', 'par'),
  correction: L('Correction of an earlier entry', 'Correctie van een eerdere notitie', "Correction d'une note antérieure"),
  corrected: L('Corrected by a later entry', 'Gecorrigeerd door een latere notitie', 'Corrigée par une note ultérieure'),
  unprintable: L(
    'Some characters could not be printed with this font and are shown without accents or as "?". The record in Passerelle holds the exact text.',
    'Sommige tekens konden met dit lettertype niet worden afgedrukt en staan er zonder accenten of als "?". Het dossier in Passerelle bevat de juiste tekst.',
    'Certains caractères ne pouvaient pas être imprimés avec cette police et apparaissent sans accents ou comme « ? ». Le dossier dans Passerelle contient le texte exact.',
  ),
  footer: L(
    'Passerelle case summary - confidential - a printout, not the record',
    'Passerelle dossieroverzicht - vertrouwelijk - een afdruk, niet het dossier',
    'Passerelle résumé du dossier - confidentiel - une impression, pas le dossier',
  ),
} as const satisfies Record<string, Labels>;

export const CASE_SUMMARY_SECTION_TITLES: Readonly<Record<CaseSummarySection, Labels>> = {
  keyFacts: L('Key facts', 'Kerngegevens', 'Données essentielles'),
  procedure: L('Procedure and deadlines', 'Procedure en termijnen', 'Procédure et délais'),
  tasks: L('Open tasks', 'Open taken', 'Tâches ouvertes'),
  appointments: L('Services and appointments', 'Diensten en afspraken', 'Services et rendez-vous'),
  notes: L('Recent notes', 'Recente notities', 'Notes récentes'),
};

export const NOTE_TYPE_LABELS: Readonly<Record<NoteType, Labels>> = {
  meeting: L('Meeting', 'Gesprek', 'Entretien'),
  phoneCall: L('Phone call', 'Telefoongesprek', 'Appel téléphonique'),
  visit: L('Visit', 'Bezoek', 'Visite'),
  accompaniment: L('Accompaniment', 'Begeleiding', 'Accompagnement'),
  message: L('Message', 'Bericht', 'Message'),
  other: L('Other', 'Andere', 'Autre'),
};

export const SERVICE_KIND_LABELS: Readonly<Record<ServiceKind, Labels>> = {
  medical: L('Medical', 'Medisch', 'Médical'),
  psychological: L('Psychological', 'Psychologisch', 'Psychologique'),
  legal: L('Legal', 'Juridisch', 'Juridique'),
  police: L('Police or justice', 'Politie of justitie', 'Police ou justice'),
  administration: L('Administration', 'Administratie', 'Administration'),
  housing: L('Housing', 'Huisvesting', 'Logement'),
  education: L('Education', 'Onderwijs', 'Enseignement'),
  employment: L('Work', 'Werk', 'Emploi'),
  other: L('Other', 'Andere', 'Autre'),
};

export const APPOINTMENT_STATUS_LABELS: Readonly<Record<AppointmentStatus, Labels>> = {
  planned: L('Planned', 'Gepland', 'Prévu'),
  done: L('Took place', 'Vond plaats', 'A eu lieu'),
  cancelled: L('Cancelled', 'Geannuleerd', 'Annulé'),
  missed: L('Missed', 'Gemist', 'Manqué'),
};

export function textOf(labels: Labels, language: Language): string {
  return labels[language];
}
