/**
 * Rules and texts shared by the three countries: due-date kinds, warnings, the date-order rule.
 * Labels are data so every layer (UI, CLI, notifications) shows the same words in nl, fr and en.
 * Templates use i18next's {{param}} placeholders.
 */
import { toCalendarDate } from '../dates/calendar-date';
import { NOTICE_CODES, type ChecklistItemStatus, type DueKind, type FactCondition, type Labels, type NoticeCode, type Quote, type RuleMeta } from './rule.types';
import { cite, noted } from './source';

export const L = (en: string, nl: string, fr: string): Labels => ({ en, nl, fr });

/** The presumption of minority, brochure §4 LU "Minderjarige slachtoffers" (the law there, a policy elsewhere). */
export const PRESUMPTION_OF_MINORITY_QUOTE: Quote = {
  nl: 'Is er twijfel over de leeftijd van het slachtoffer, dan wordt hij/zij als minderjarig beschouwd.',
  fr: "En cas de doute sur l'âge de la victime, celle-ci est considérée comme mineure.",
  en: "If there is doubt about the victim's age, he/she is considered a minor.",
};

export const DUE_KIND_LABELS: Readonly<Record<DueKind, Labels>> = {
  reflectionPeriodEnd: L('End of the reflection period', 'Einde van de reflectieperiode', 'Fin de la période de réflexion'),
  attestationExpiry: L(
    'Attestation of immatriculation expires',
    'Attest van immatriculatie verloopt',
    "L'attestation d'immatriculation expire",
  ),
  evaluationDue: L(
    'Evaluation of the five conditions by the magistrate',
    'Evaluatie van de vijf voorwaarden door de magistraat',
    'Évaluation des cinq conditions par le magistrat',
  ),
  registrationExpiry: L(
    'Certificate of registration in the foreigners register (BIVR) expires',
    'Bewijs van inschrijving in het vreemdelingenregister (BIVR) verloopt',
    "Le certificat d'inscription au registre des étrangers (CIRE) expire",
  ),
  residencePermitExpiry: L('Residence permit expires', 'Verblijfsvergunning verloopt', 'Le titre de séjour expire'),
  continuousResidenceMilestone: L(
    'Three years of uninterrupted residence on the permit',
    'Drie jaar onafgebroken verblijf op basis van de verblijfsvergunning',
    'Trois ans de séjour ininterrompu sous couvert du titre de séjour',
  ),
  preExpiryDecisionDue: L(
    'Decision on a residence permit, before the reflection period expires',
    'Beslissing over een verblijfstitel, vóór het verstrijken van de bedenktijd',
    "Décision sur un titre de séjour, avant l'expiration du délai de réflexion",
  ),
  personalReasonsPermitExpiry: L(
    'Residence permit for personal reasons expires',
    'Verblijfstitel om persoonlijke redenen verloopt',
    'Le titre de séjour pour raisons privées expire',
  ),
};

export const WARNING_CODES = [
  'documentExpiryDiffers',
  'documentExpiryBeforeAct',
  'documentExpiryIgnored',
  'lateAct',
  'eventRefused',
  'ruleNotInForce',
  ...NOTICE_CODES,
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Message templates; params are named in each template. */
export const WARNING_LABELS: Readonly<Record<WarningCode, Labels>> = {
  documentExpiryDiffers: L(
    'The expiry entered from the document ({{entered}}) differs from the computed date ({{computed}}); the entered date is kept.',
    'De ingevoerde vervaldatum van het document ({{entered}}) verschilt van de berekende datum ({{computed}}); de ingevoerde datum wordt behouden.',
    "La date d'expiration saisie depuis le document ({{entered}}) diffère de la date calculée ({{computed}}) ; la date saisie est conservée.",
  ),
  documentExpiryBeforeAct: L(
    'The expiry entered ({{entered}}) is before the date of the act; the computed date ({{computed}}) is used.',
    'De ingevoerde vervaldatum ({{entered}}) ligt vóór de datum van de handeling; de berekende datum ({{computed}}) wordt gebruikt.',
    "La date d'expiration saisie ({{entered}}) précède la date de l'acte ; la date calculée ({{computed}}) est utilisée.",
  ),
  documentExpiryIgnored: L(
    'This event issues no document with an expiry date; the entered expiry ({{entered}}) is ignored.',
    'Deze gebeurtenis levert geen document met een vervaldatum op; de ingevoerde vervaldatum ({{entered}}) wordt genegeerd.',
    "Cet événement ne délivre aucun document à date d'expiration ; la date saisie ({{entered}}) est ignorée.",
  ),
  lateAct: L(
    'Recorded on {{date}}, after the deadline of {{dueDate}}.',
    'Geregistreerd op {{date}}, na de termijn van {{dueDate}}.',
    'Enregistré le {{date}}, après le délai du {{dueDate}}.',
  ),
  eventRefused: L(
    'This recorded event is not allowed by the rules and was not applied: {{rule}} (source: {{source}}).',
    'Deze geregistreerde gebeurtenis is volgens de regels niet toegelaten en werd niet toegepast: {{rule}} (bron: {{source}}).',
    "Cet événement enregistré n'est pas permis par les règles et n'a pas été appliqué : {{rule}} (source : {{source}}).",
  ),
  ruleNotInForce: L(
    'The act of {{date}} precedes the rules in these tables (in force from {{effectiveFrom}}); check the deadline by hand.',
    'De handeling van {{date}} gaat vooraf aan de regels in deze tabellen (van kracht vanaf {{effectiveFrom}}); controleer de termijn zelf.',
    "L'acte du {{date}} précède les règles de ces tables (en vigueur depuis le {{effectiveFrom}}) ; vérifiez le délai vous-même.",
  ),
  guardianRequired: L(
    'An unaccompanied minor (or a person whose age is in doubt) needs a guardian: record the appointment.',
    'Een niet-begeleide minderjarige (of iemand van wie de leeftijd twijfelachtig is) heeft een voogd nodig: registreer de aanstelling.',
    "Un mineur non accompagné (ou une personne dont l'âge est incertain) doit avoir un tuteur : enregistrez la désignation.",
  ),
  adHocAdministratorRequired: L(
    'A minor victim in this situation gets an ad hoc administrator (family judge): record the appointment.',
    'Een minderjarig slachtoffer in deze situatie krijgt een beheerder ad hoc (rechter voor gezinsaangelegenheden): registreer de aanstelling.',
    'Une victime mineure dans cette situation reçoit un administrateur ad hoc (juge aux affaires familiales) : enregistrez la désignation.',
  ),
  attestationDueForMinor: L(
    'An unaccompanied minor receives an attestation of immatriculation at once during the reflection period: record it.',
    'Een NBMV ontvangt tijdens de reflectieperiode onmiddellijk een attest van immatriculatie: registreer het.',
    "Un MENA reçoit immédiatement une attestation d'immatriculation pendant la période de réflexion : enregistrez-la.",
  ),
  residencePosition: L(
    "The person's residence status changes what this procedure gives: see the explanation.",
    'De verblijfsstatus van de persoon verandert wat deze procedure biedt: zie de uitleg.',
    'Le statut de séjour de la personne change ce que cette procédure offre : voir l\'explication.',
  ),
  minorCareServices: L(
    'A minor: the care services for minors apply.',
    'Een minderjarige: de voorzieningen voor minderjarigen zijn van toepassing.',
    "Un mineur : les services pour mineurs s'appliquent.",
  ),
  dateOfBirthMissing: L(
    'Date of birth not recorded yet: record it (exact or approximate), or record that the age is in doubt.',
    'Geboortedatum nog niet geregistreerd: registreer ze (exact of bij benadering), of registreer dat de leeftijd twijfelachtig is.',
    "Date de naissance pas encore enregistrée : enregistrez-la (exacte ou approximative), ou indiquez que l'âge est incertain.",
  ),
  presumedMinorByPolicy: L(
    "Treated as a minor because the age is in doubt: this is your organisation's policy (the rule of Luxembourg law), not the law of this country.",
    'Behandeld als minderjarige omdat de leeftijd twijfelachtig is: dit is het beleid van uw organisatie (de regel van het Luxemburgse recht), niet het recht van dit land.',
    "Traité comme mineur parce que l'âge est incertain : c'est la politique de votre organisation (la règle du droit luxembourgeois), pas le droit de ce pays.",
  ),
  cameOfAge: L(
    'Came of age on {{date}}: every date earned before stays as it was.',
    'Meerderjarig geworden op {{date}}: elke eerder verworven datum blijft zoals ze was.',
    'Devenu majeur le {{date}} : chaque date acquise auparavant reste inchangée.',
  ),
};

/** What a due date rests on (shown next to every date; see shared/procedure/engine.ts DueBasis). */
export const DUE_BASIS_LABELS = {
  exact: L('exact term', 'vaste termijn', 'délai fixe'),
  maximum: L('legal maximum', 'wettelijk maximum', 'maximum légal'),
  estimate: L('estimate', 'schatting', 'estimation'),
  document: L('date on the document', 'datum op het document', 'date du document'),
} as const satisfies Record<'exact' | 'maximum' | 'estimate' | 'document', Labels>;

/** The invitation shown next to an 'estimate' or 'maximum' date. */
export const ENTER_PRINTED_EXPIRY = L(
  'Enter the expiry printed on the document when you have it.',
  'Voer de vervaldatum in die op het document staat zodra u het hebt.',
  "Saisissez la date d'expiration imprimée sur le document dès que vous l'avez.",
);

export const CHECKLIST_STATUS_LABELS: Readonly<Record<ChecklistItemStatus, Labels>> = {
  met: L('Met', 'Voldaan', 'Remplie'),
  notMet: L('Not met', 'Niet voldaan', 'Non remplie'),
  unknown: L('Unknown', 'Onbekend', 'Inconnue'),
};

/** The date from which the common rules apply: the start of the software's record, no legal date. */
const ALWAYS = toCalendarDate('1900-01-01');

/** Rules of the procedure model itself (docs/legal-rules.md), not of a country's law. */
export const COMMON_RULES = {
  chronology: {
    id: 'common.chronology',
    source: noted(
      L(
        'Passerelle procedure model (docs/legal-rules.md, section Date rules): events are recorded in date order',
        'procedureschema van Passerelle (docs/legal-rules.md, deel Date rules): gebeurtenissen worden in volgorde van datum geregistreerd',
        'modèle de procédure de Passerelle (docs/legal-rules.md, section Date rules) : les événements sont enregistrés dans l\'ordre des dates',
      ),
    ),
    effectiveFrom: ALWAYS,
    refusal: L(
      'an event may not be dated before the last recorded event ({{last}})',
      'een gebeurtenis mag niet gedateerd zijn vóór de laatst geregistreerde gebeurtenis ({{last}})',
      "un événement ne peut être daté avant le dernier événement enregistré ({{last}})",
    ),
  },
  allowedEvents: {
    id: 'common.allowedEvents',
    source: noted(L('the phase rule of the country table', 'de faseregel van de landentabel', 'la règle de phase de la table du pays')),
    effectiveFrom: ALWAYS,
    refusal: L(
      '"{{event}}" is not possible in the phase "{{phase}}"',
      '"{{event}}" is niet mogelijk in de fase "{{phase}}"',
      '« {{event}} » n\'est pas possible dans la phase « {{phase}} »',
    ),
  },
} as const satisfies Record<string, RuleMeta & { refusal: Labels }>;

/** Each event is judged with the facts of its own date (the source of the "came of age" notice). */
export const FACTS_ON_EVENT_DAY: RuleMeta = {
  id: 'common.factsOnEventDay',
  source: noted(
    L(
      'Passerelle procedure model (docs/legal-rules.md, section Facts as they stood on the day): each event is judged with the facts of its own date',
      'procedureschema van Passerelle (docs/legal-rules.md, deel Facts as they stood on the day): elke gebeurtenis wordt beoordeeld met de feiten van haar eigen datum',
      'modèle de procédure de Passerelle (docs/legal-rules.md, section Facts as they stood on the day) : chaque événement est jugé selon les faits de sa propre date',
    ),
  ),
  effectiveFrom: ALWAYS,
};

/** Standing notices of every country (shown in every open phase). */
export const COMMON_NOTICES: readonly (RuleMeta & { code: NoticeCode; when: readonly FactCondition[] })[] = [
  {
    code: 'dateOfBirthMissing',
    id: 'common.notice.dateOfBirthMissing',
    source: noted(
      L(
        'Passerelle procedure model (docs/legal-rules.md, section Minors): a missing date of birth is a gap to fill, not a presumption',
        'procedureschema van Passerelle (docs/legal-rules.md, deel Minors): een ontbrekende geboortedatum is een leemte om in te vullen, geen vermoeden',
        'modèle de procédure de Passerelle (docs/legal-rules.md, section Minors) : une date de naissance manquante est une lacune à combler, pas une présomption',
      ),
    ),
    effectiveFrom: ALWAYS,
    when: [{ fact: 'dateOfBirthMissing', is: true }],
  },
  {
    code: 'presumedMinorByPolicy',
    id: 'common.notice.presumedMinorByPolicy',
    source: noted(
      L('organisation policy following Luxembourg law', 'beleid van de organisatie naar het Luxemburgse recht', "politique de l'organisation suivant le droit luxembourgeois"),
      cite('brochure §4 LU "Minderjarige slachtoffers"', PRESUMPTION_OF_MINORITY_QUOTE),
    ),
    effectiveFrom: ALWAYS,
    when: [{ fact: 'presumedMinorByPolicy', is: true }],
  },
];
