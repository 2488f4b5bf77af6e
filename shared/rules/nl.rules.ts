/**
 * The Netherlands: the residence scheme for victims of trafficking (domain.md §4 NL).
 *
 * Transcribed from the Benelux brochure of March 2021, §4 "Nederland" (sections "Reflectieperiode",
 * "Verdere afhandeling en verblijfsvergunning", "Ondersteuning minderjarige slachtoffers"), which
 * cites the Vreemdelingenwet 2000 (art. 8 onder k) and the Vreemdelingenbesluit 2000 (art. 3.48 and
 * 3.51).
 *
 * effectiveFrom: the date of the Vreemdelingenwet 2000 (law of 23 November 2000), the act the
 * brochure names. The brochure gives no entry-into-force date per provision; a later change is a new
 * rule version with its own date.
 */
import { toCalendarDate } from '../dates/calendar-date';
import { L } from './common.rules';
import type { Checklist, CountryRules, EventRule, Guard, NoticeRule, PhaseInfo, PhaseRule, Quote } from './rule.types';
import { cite, noted, src } from './source';

export const NL_EVENT_TYPES = [
  'guardianAppointed',
  'reflectionStarted',
  'reportMade',
  'cannotCooperateDeclared',
  'temporaryPermitGranted',
  'temporaryPermitExtended',
  'prosecutionDecided',
  'criminalProceedingsEnded',
  'humanitarianApplicationSubmitted',
  'humanitarianPermitGranted',
  'humanitarianPermitRefused',
  'voluntaryReturn',
  'closed',
] as const;
export type NlEventType = (typeof NL_EVENT_TYPES)[number];

export const NL_PHASES = [
  'nl.detection',
  'nl.reflection',
  'nl.temporaryPermit',
  'nl.cannotCooperate',
  'nl.proceedingsEnded',
  'nl.humanitarianApplication',
  'nl.humanitarianPermit',
  'nl.ended',
  'nl.returned',
  'nl.closed',
] as const;
export type NlPhase = (typeof NL_PHASES)[number];

const FROM = toCalendarDate('2000-11-23');
const REFLECTION = 'brochure §4 NL "Reflectieperiode"; Vw 2000 art. 8 onder k';
const FURTHER = 'brochure §4 NL "Verdere afhandeling en verblijfsvergunning"';
const PERMIT = `${FURTHER}; Vb 2000 art. 3.48 lid 1 onder a`;
const HUMANITARIAN = `${FURTHER}; Vb 2000 art. 3.51 lid 3`;
const CANNOT = `${FURTHER}; Vb 2000 art. 3.48 lid 1 onder d en art. 3.51 lid 1 onder h`;
const MINORS = 'brochure §4 NL "Ondersteuning minderjarige slachtoffers"';
const BASIS = 'brochure §4 NL "Basis"';

/**
 * The brochure's sentences these rules rest on (§4 "Nederland"), Dutch as printed, with translations.
 * The Dutch "reflectieperiode"/"bedenktijd" is "délai de réflexion" and "reflection period"; names of
 * Dutch bodies and schemes (IND, Nidos, CoMensha, Jeugdzorg Nederland, Beschermde Opvang) stay as they are.
 */
const Q = {
  withoutStatusReflection: {
    nl: 'wordt aan vermoedelijke slachtoffers van mensenhandel zonder verblijfsstatus een reflectieperiode van maximaal drie maanden gegund',
    fr: 'un délai de réflexion de trois mois maximum est accordé aux victimes présumées de la traite des êtres humains sans statut de séjour',
    en: 'presumed victims of trafficking in human beings without residence status are granted a reflection period of at most three months',
  },
  reportWithoutPermit: {
    nl: 'Slachtoffers van mensenhandel zonder verblijfsvergunning die aangifte doen',
    fr: 'Les victimes de la traite des êtres humains sans titre de séjour qui portent plainte',
    en: 'Victims of trafficking in human beings without a residence permit who report the crime',
  },
  permitEndsElided: {
    nl: 'Na afloop van het strafproces loopt de verblijfsvergunning ... af.',
    fr: 'Au terme du procès pénal, le titre de séjour ... prend fin.',
    en: 'When the criminal trial is over, the residence permit ... ends.',
  },
  permitEnds: {
    nl: 'Na afloop van het strafproces loopt de verblijfsvergunning op grond van de verblijfsregeling mensenhandel af.',
    fr: 'Au terme du procès pénal, le titre de séjour accordé au titre du régime de séjour pour la traite des êtres humains prend fin.',
    en: 'When the criminal trial is over, the residence permit under the residence scheme for trafficking in human beings ends.',
  },
  nidosGuardianship: {
    nl: 'Nidos heeft ook de voogdij over deze minderjarigen.',
    fr: 'Nidos exerce aussi la tutelle de ces mineurs.',
    en: 'Nidos also has guardianship of these minors.',
  },
  reflectionMaxThree: {
    nl: 'een reflectieperiode van maximaal drie maanden',
    fr: 'un délai de réflexion de trois mois maximum',
    en: 'a reflection period of at most three months',
  },
  maxThree: { nl: 'maximaal drie maanden', fr: 'trois mois maximum', en: 'at most three months' },
  policeOrMedical: {
    nl: 'mits dit ondersteund wordt door een verklaring van de politie en/of een medische verklaring',
    fr: "à condition que cela soit étayé par une déclaration de la police et/ou une attestation médicale",
    en: 'provided this is supported by a statement from the police and/or a medical statement',
  },
  temporaryPermit: {
    nl: 'een tijdelijke verblijfsvergunning voor de duur van het opsporings- en vervolgingsonderzoek',
    fr: "un titre de séjour temporaire pour la durée de l'enquête et des poursuites",
    en: 'a temporary residence permit for the duration of the investigation and prosecution',
  },
  threeYears: {
    nl: 'er loopt een strafzaak en het slachtoffer verblijft drie jaar onafgebroken in Nederland op basis van een verblijfsvergunning',
    fr: 'une affaire pénale est en cours et la victime séjourne depuis trois ans sans interruption aux Pays-Bas sous couvert d\'un titre de séjour',
    en: 'a criminal case is pending and the victim has stayed in the Netherlands for three uninterrupted years on a residence permit',
  },
  prosecution: {
    nl: 'de officier van justitie besluit tot vervolging over te gaan',
    fr: "le procureur décide d'engager des poursuites",
    en: 'the public prosecutor decides to prosecute',
  },
  protectedShelter: {
    nl: 'Voor alleenstaande minderjarige vreemdelingen die mogelijk slachtoffer zijn van mensenhandel, is de Beschermde Opvang beschikbaar.',
    fr: "Pour les mineurs étrangers non accompagnés qui sont peut-être victimes de la traite des êtres humains, l'accueil protégé (Beschermde Opvang) est disponible.",
    en: 'For unaccompanied foreign minors who may be victims of trafficking in human beings, protected shelter (Beschermde Opvang) is available.',
  },
  jeugdzorg: {
    nl: 'Voor binnenlandse minderjarige slachtoffers en minderjarige slachtoffers uit EU-landen zijn de reguliere voorzieningen van Jeugdzorg Nederland beschikbaar',
    fr: "Pour les victimes mineures du pays et les victimes mineures venant de pays de l'UE, les services ordinaires de Jeugdzorg Nederland sont disponibles",
    en: 'For domestic minor victims and minor victims from EU countries, the regular services of Jeugdzorg Nederland are available',
  },
  euExemption: {
    nl: 'Voor slachtoffers met een EU-verblijfsrecht geldt dat voor opvang in de eerste vijf jaar van verblijf een ontheffing van de IND nodig is',
    fr: "Pour les victimes disposant d'un droit de séjour de l'UE, l'accueil au cours des cinq premières années de séjour requiert une dérogation de l'IND",
    en: 'For victims with an EU right of residence, shelter in the first five years of stay requires an exemption from the IND',
  },
  dutchRightToShelter: {
    nl: 'Slachtoffers met de Nederlandse nationaliteit en slachtoffers die rechtmatig in Nederland verblijven hebben ongeacht of zij aangifte doen recht op opvang.',
    fr: "Les victimes de nationalité néerlandaise et les victimes qui séjournent légalement aux Pays-Bas ont droit à l'accueil, qu'elles portent plainte ou non.",
    en: 'Victims with Dutch nationality and victims lawfully staying in the Netherlands are entitled to shelter whether or not they report the crime.',
  },
  followingCases: {
    nl: 'In de volgende gevallen komen slachtoffers voor deze verblijfsvergunning in aanmerking',
    fr: 'Les victimes peuvent prétendre à ce titre de séjour dans les cas suivants',
    en: 'Victims qualify for this residence permit in the following cases',
  },
} as const satisfies Record<string, Quote>;

const NO_FIXED_TERM = L(
  'no fixed term: only an entered document expiry gives a date',
  'geen vaste termijn: alleen een ingevoerde vervaldatum van het document geeft een datum',
  "pas de délai fixe : seule une date d'expiration saisie depuis le document donne une date",
);

/**
 * The residence scheme (reflection period, temporary permit) is for victims "zonder verblijfsstatus":
 * an EU citizen, a Dutch national or a lawful resident is not given it (docs/legal-rules.md).
 */
const withoutStatus: Guard<NlEventType, NlPhase> = {
  kind: 'requiresFact',
  condition: { fact: 'withoutResidenceStatus', is: true },
  id: 'nl.scheme.withoutResidenceStatus',
  source: src(cite(REFLECTION, Q.withoutStatusReflection), cite(FURTHER, Q.reportWithoutPermit)),
  effectiveFrom: FROM,
  refusal: L(
    'the reflection period and the temporary permit of the trafficking scheme are for victims without residence status; an EU citizen, a Dutch national or a lawful resident is not given them (see the position shown)',
    'de bedenktijd en de tijdelijke verblijfsvergunning van de verblijfsregeling mensenhandel zijn voor slachtoffers zonder verblijfsstatus; een EU-burger, een Nederlander of wie rechtmatig verblijft krijgt ze niet (zie de getoonde positie)',
    "le délai de réflexion et le titre de séjour temporaire du régime traite sont destinés aux victimes sans statut de séjour ; un citoyen de l'UE, un ressortissant néerlandais ou un résident légal ne les reçoit pas (voir la situation affichée)",
  ),
};

const OPEN: readonly NlPhase[] = [
  'nl.detection',
  'nl.reflection',
  'nl.temporaryPermit',
  'nl.cannotCooperate',
  'nl.proceedingsEnded',
  'nl.humanitarianApplication',
  'nl.humanitarianPermit',
];
const NOT_CLOSED: readonly NlPhase[] = [...OPEN, 'nl.ended', 'nl.returned'];

const phases: readonly PhaseRule<NlPhase>[] = [
  {
    phase: 'nl.detection',
    id: 'nl.phase.detection',
    source: src('brochure §4 NL "Detectie van het slachtoffer"'),
    effectiveFrom: FROM,
    step: 0,
    terminal: false,
    label: L('Detection, before the reflection period', 'Signalering, vóór de bedenktijd', 'Détection, avant le délai de réflexion'),
  },
  {
    phase: 'nl.reflection',
    id: 'nl.phase.reflection',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    step: 1,
    terminal: false,
    label: L('Reflection period (bedenktijd)', 'Bedenktijd (reflectieperiode)', 'Délai de réflexion'),
  },
  {
    phase: 'nl.temporaryPermit',
    id: 'nl.phase.temporaryPermit',
    source: src(PERMIT),
    effectiveFrom: FROM,
    step: 2,
    terminal: false,
    label: L(
      'Temporary residence for the duration of the investigation and prosecution',
      'Tijdelijk verblijf voor de duur van het opsporings- en vervolgingsonderzoek',
      "Séjour temporaire pour la durée de l'enquête et des poursuites",
    ),
  },
  {
    phase: 'nl.cannotCooperate',
    id: 'nl.phase.cannotCooperate',
    source: src(CANNOT),
    effectiveFrom: FROM,
    step: 2,
    terminal: false,
    label: L(
      'Unable to cooperate (serious threat or medical/psychological problems)',
      'Geen medewerking mogelijk (serieuze dreiging of medische/psychische problemen)',
      'Coopération impossible (menace sérieuse ou problèmes médicaux/psychologiques)',
    ),
  },
  {
    phase: 'nl.proceedingsEnded',
    id: 'nl.phase.proceedingsEnded',
    source: src(cite(FURTHER, Q.permitEndsElided)),
    effectiveFrom: FROM,
    step: 3,
    terminal: false,
    label: L(
      'Criminal proceedings ended; the temporary permit runs out',
      'Strafproces afgelopen; de tijdelijke verblijfsvergunning loopt af',
      'Procès pénal terminé ; le titre de séjour temporaire prend fin',
    ),
  },
  {
    phase: 'nl.humanitarianApplication',
    id: 'nl.phase.humanitarianApplication',
    source: src(HUMANITARIAN),
    effectiveFrom: FROM,
    step: 4,
    terminal: false,
    label: L(
      'Application for a non-temporary permit on humanitarian grounds',
      'Aanvraag verblijfsvergunning op niet-tijdelijke humanitaire gronden',
      'Demande de titre de séjour pour motifs humanitaires non temporaires',
    ),
  },
  {
    phase: 'nl.humanitarianPermit',
    id: 'nl.phase.humanitarianPermit',
    source: src(HUMANITARIAN),
    effectiveFrom: FROM,
    step: 5,
    terminal: false,
    label: L(
      'Non-temporary permit on humanitarian grounds',
      'Verblijfsvergunning op niet-tijdelijke humanitaire gronden',
      'Titre de séjour pour motifs humanitaires non temporaires',
    ),
  },
  {
    phase: 'nl.ended',
    id: 'nl.phase.ended',
    source: src(HUMANITARIAN),
    effectiveFrom: FROM,
    step: 90,
    terminal: true,
    label: L('Procedure ended: application refused', 'Procedure beëindigd: aanvraag afgewezen', 'Procédure terminée : demande rejetée'),
  },
  {
    phase: 'nl.returned',
    id: 'nl.phase.returned',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    step: 91,
    terminal: true,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
  },
  {
    phase: 'nl.closed',
    id: 'nl.phase.closed',
    source: noted(L('Passerelle: the file is closed', 'Passerelle: het dossier is afgesloten', 'Passerelle : le dossier est clôturé')),
    effectiveFrom: FROM,
    step: 99,
    terminal: true,
    label: L('File closed', 'Dossier afgesloten', 'Dossier clôturé'),
  },
];

const events: readonly EventRule<NlEventType, NlPhase>[] = [
  {
    type: 'guardianAppointed',
    id: 'nl.event.guardianAppointed',
    source: src(cite(MINORS, Q.nidosGuardianship)),
    effectiveFrom: FROM,
    label: L('Guardianship (Nidos) in place', 'Voogdij (Nidos) geregeld', 'Tutelle (Nidos) en place'),
    allowedIn: NOT_CLOSED,
  },
  {
    type: 'reflectionStarted',
    id: 'nl.event.reflectionStarted',
    source: src(cite(REFLECTION, Q.reflectionMaxThree)),
    effectiveFrom: FROM,
    label: L('Reflection period granted', 'Bedenktijd verleend', 'Délai de réflexion accordé'),
    allowedIn: ['nl.detection'],
    to: 'nl.reflection',
    guards: [
      withoutStatus,
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['reflectionStarted'],
        id: 'nl.reflection.atMostThreeMonths',
        source: src(cite(REFLECTION, Q.maxThree)),
        effectiveFrom: FROM,
        refusal: L(
          'the reflection period lasts at most three months and is granted once',
          'de bedenktijd duurt maximaal drie maanden en wordt eenmaal verleend',
          'le délai de réflexion dure trois mois au plus et est accordé une seule fois',
        ),
      },
    ],
    opens: [
      {
        kind: 'reflectionPeriodEnd',
        id: 'nl.reflection.duration',
        source: src(cite(REFLECTION, Q.maxThree)),
        effectiveFrom: FROM,
        period: { months: 3 },
        periodIsMaximum: true,
        acceptsDocumentExpiry: true,
        activeIn: ['nl.reflection'],
      },
    ],
  },
  {
    type: 'reportMade',
    id: 'nl.event.reportMade',
    source: src(cite(PERMIT, Q.reportWithoutPermit)),
    effectiveFrom: FROM,
    label: L(
      'Report made or other cooperation with the criminal investigation',
      'Aangifte gedaan of andere medewerking aan het strafrechtelijk onderzoek',
      "Plainte déposée ou autre coopération à l'enquête pénale",
    ),
    allowedIn: ['nl.detection', 'nl.reflection'],
    to: 'nl.temporaryPermit',
    guards: [withoutStatus],
    closes: ['reflectionPeriodEnd'],
  },
  {
    type: 'cannotCooperateDeclared',
    id: 'nl.event.cannotCooperateDeclared',
    source: src(cite(CANNOT, Q.policeOrMedical)),
    effectiveFrom: FROM,
    label: L(
      'Unable to cooperate: police and/or medical statement',
      'Geen medewerking mogelijk: verklaring van de politie en/of medische verklaring',
      'Coopération impossible : attestation de la police et/ou attestation médicale',
    ),
    allowedIn: ['nl.detection', 'nl.reflection'],
    to: 'nl.cannotCooperate',
    guards: [withoutStatus],
    closes: ['reflectionPeriodEnd'],
  },
  {
    type: 'temporaryPermitGranted',
    id: 'nl.event.temporaryPermitGranted',
    source: src(cite(PERMIT, Q.temporaryPermit), CANNOT),
    effectiveFrom: FROM,
    label: L(
      'Temporary residence permit granted (trafficking scheme)',
      'Tijdelijke verblijfsvergunning verleend (verblijfsregeling mensenhandel)',
      'Titre de séjour temporaire accordé (régime traite des êtres humains)',
    ),
    allowedIn: ['nl.temporaryPermit', 'nl.cannotCooperate'],
    guards: [
      withoutStatus,
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['temporaryPermitGranted'],
        id: 'nl.temporaryPermit.single',
        source: src(PERMIT),
        effectiveFrom: FROM,
        refusal: L(
          'the temporary residence permit was already granted: record an extension instead',
          'de tijdelijke verblijfsvergunning werd al verleend: registreer een verlenging',
          'le titre de séjour temporaire a déjà été accordé : enregistrez une prolongation',
        ),
      },
    ],
    opens: [
      {
        kind: 'residencePermitExpiry',
        id: 'nl.temporaryPermit.noFixedTerm',
        source: noted(
          L(
            'for the duration of the investigation and prosecution; no fixed term: only an entered document expiry gives a date',
            'voor de duur van het opsporings- en vervolgingsonderzoek; geen vaste termijn: alleen een ingevoerde vervaldatum van het document geeft een datum',
            "pour la durée de l'enquête et des poursuites ; pas de délai fixe : seule une date d'expiration saisie depuis le document donne une date",
          ),
          PERMIT,
        ),
        effectiveFrom: FROM,
        acceptsDocumentExpiry: true,
        activeIn: ['nl.temporaryPermit', 'nl.cannotCooperate', 'nl.proceedingsEnded'],
      },
      {
        kind: 'continuousResidenceMilestone',
        id: 'nl.humanitarian.threeYears',
        source: noted(
          L(
            "counted from the grant of this permit: the app's estimate",
            'geteld vanaf de verlening van deze vergunning: een schatting van de app',
            "compté à partir de l'octroi de ce titre : une estimation de l'application",
          ),
          cite(HUMANITARIAN, Q.threeYears),
        ),
        effectiveFrom: FROM,
        period: { years: 3 },
        basis: 'estimate',
        activeIn: ['nl.temporaryPermit'],
      },
    ],
  },
  {
    type: 'temporaryPermitExtended',
    id: 'nl.event.temporaryPermitExtended',
    source: src(PERMIT),
    effectiveFrom: FROM,
    label: L(
      'Temporary residence permit extended',
      'Tijdelijke verblijfsvergunning verlengd',
      'Titre de séjour temporaire prolongé',
    ),
    allowedIn: ['nl.temporaryPermit', 'nl.cannotCooperate'],
    guards: [
      {
        kind: 'requiresPrior',
        eventType: 'temporaryPermitGranted',
        id: 'nl.temporaryPermit.extensionNeedsPermit',
        source: src(PERMIT),
        effectiveFrom: FROM,
        refusal: L(
          'only a temporary permit that was granted can be extended: record the grant first',
          'enkel een verleende tijdelijke verblijfsvergunning kan worden verlengd: registreer eerst de verlening',
          "seul un titre de séjour temporaire accordé peut être prolongé : enregistrez d'abord l'octroi",
        ),
      },
    ],
    opens: [
      {
        kind: 'residencePermitExpiry',
        id: 'nl.temporaryPermit.extensionNoFixedTerm',
        source: noted(NO_FIXED_TERM, PERMIT),
        effectiveFrom: FROM,
        acceptsDocumentExpiry: true,
        activeIn: ['nl.temporaryPermit', 'nl.cannotCooperate', 'nl.proceedingsEnded'],
      },
    ],
  },
  {
    type: 'prosecutionDecided',
    id: 'nl.event.prosecutionDecided',
    source: src(cite(HUMANITARIAN, Q.prosecution)),
    effectiveFrom: FROM,
    label: L(
      'Public prosecutor decided to prosecute',
      'Officier van justitie besloot tot vervolging',
      'Le procureur a décidé de poursuivre',
    ),
    allowedIn: ['nl.temporaryPermit'],
  },
  {
    type: 'criminalProceedingsEnded',
    id: 'nl.event.criminalProceedingsEnded',
    source: src(cite(FURTHER, Q.permitEnds)),
    effectiveFrom: FROM,
    label: L('Criminal proceedings ended', 'Strafproces afgelopen', 'Procès pénal terminé'),
    allowedIn: ['nl.temporaryPermit'],
    to: 'nl.proceedingsEnded',
  },
  {
    type: 'humanitarianApplicationSubmitted',
    id: 'nl.event.humanitarianApplicationSubmitted',
    source: src(HUMANITARIAN, CANNOT),
    effectiveFrom: FROM,
    label: L(
      'Application on non-temporary humanitarian grounds submitted',
      'Aanvraag op niet-tijdelijke humanitaire gronden ingediend',
      'Demande pour motifs humanitaires non temporaires introduite',
    ),
    allowedIn: ['nl.temporaryPermit', 'nl.cannotCooperate', 'nl.proceedingsEnded'],
    to: 'nl.humanitarianApplication',
  },
  {
    type: 'humanitarianPermitGranted',
    id: 'nl.event.humanitarianPermitGranted',
    source: src(HUMANITARIAN),
    effectiveFrom: FROM,
    label: L(
      'Permit on non-temporary humanitarian grounds granted',
      'Verblijfsvergunning op niet-tijdelijke humanitaire gronden verleend',
      'Titre de séjour pour motifs humanitaires non temporaires accordé',
    ),
    allowedIn: ['nl.humanitarianApplication'],
    to: 'nl.humanitarianPermit',
  },
  {
    type: 'humanitarianPermitRefused',
    id: 'nl.event.humanitarianPermitRefused',
    source: src(HUMANITARIAN),
    effectiveFrom: FROM,
    label: L(
      'Application on humanitarian grounds refused',
      'Aanvraag op humanitaire gronden afgewezen',
      'Demande pour motifs humanitaires rejetée',
    ),
    allowedIn: ['nl.humanitarianApplication'],
    to: 'nl.ended',
  },
  {
    type: 'voluntaryReturn',
    id: 'nl.event.voluntaryReturn',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
    allowedIn: [...OPEN, 'nl.ended'],
    to: 'nl.returned',
  },
  {
    type: 'closed',
    id: 'nl.event.closed',
    source: noted(
      L(
        'Passerelle: closing the file is possible at any time',
        'Passerelle: het dossier kan op elk moment worden afgesloten',
        'Passerelle : le dossier peut être clôturé à tout moment',
      ),
    ),
    effectiveFrom: FROM,
    label: L('File closed', 'Dossier afgesloten', 'Dossier clôturé'),
    allowedIn: NOT_CLOSED,
    to: 'nl.closed',
  },
];

const notices: readonly NoticeRule<NlEventType, NlPhase>[] = [
  {
    // Unaccompanied FOREIGN minors (alleenstaande minderjarige vreemdelingen): protected shelter and
    // Nidos; Dutch and EU minors go to the regular youth-care services instead (below).
    code: 'guardianRequired',
    id: 'nl.notice.guardian',
    source: src(cite(MINORS, Q.protectedShelter, Q.nidosGuardianship)),
    effectiveFrom: FROM,
    when: [
      { fact: 'unaccompaniedMinor', is: true },
      { fact: 'thirdCountryNational', is: true },
    ],
    unlessEvent: ['guardianAppointed'],
    activeIn: OPEN,
    label: L('Guardianship by Nidos', 'Voogdij door Nidos', 'Tutelle par Nidos'),
    message: L(
      'An unaccompanied foreign minor: protected shelter (Beschermde Opvang, decided by Nidos) and guardianship by Nidos: record it.',
      'Een alleenstaande minderjarige vreemdeling: Beschermde Opvang (Nidos beslist) en voogdij door Nidos: registreer ze.',
      "Un mineur étranger non accompagné : accueil protégé (Beschermde Opvang, décidé par Nidos) et tutelle par Nidos : enregistrez-la.",
    ),
  },
  {
    code: 'minorCareServices',
    id: 'nl.notice.youthCare',
    source: src(cite(MINORS, Q.jeugdzorg)),
    effectiveFrom: FROM,
    when: [
      { fact: 'presumedMinor', is: true },
      { fact: 'thirdCountryNational', is: false },
    ],
    unlessEvent: [],
    activeIn: OPEN,
    label: L('Youth care (Jeugdzorg)', 'Jeugdzorg', 'Aide à la jeunesse (Jeugdzorg)'),
    message: L(
      'A Dutch or EU minor: the regular services of Jeugdzorg Nederland (shelter, child-protection measures); no Nidos guardianship.',
      'Een Nederlandse of EU-minderjarige: de reguliere voorzieningen van Jeugdzorg Nederland (opvang, kinderbeschermingsmaatregelen); geen voogdij door Nidos.',
      "Un mineur néerlandais ou de l'UE : les services ordinaires de Jeugdzorg Nederland (accueil, mesures de protection de l'enfance) ; pas de tutelle par Nidos.",
    ),
  },
  {
    code: 'residencePosition',
    id: 'nl.notice.position.euCitizen',
    source: src(cite(BASIS, Q.euExemption)),
    effectiveFrom: FROM,
    when: [{ fact: 'euCitizen', is: true }],
    unlessEvent: [],
    activeIn: OPEN,
    label: L('Position of an EU citizen', 'Positie van een EU-burger', "Situation d'un citoyen de l'UE"),
    message: L(
      'An EU citizen gets no reflection period (bedenktijd) and no temporary permit of the trafficking scheme: shelter in the first five years of stay needs an exemption from the IND, as it may affect the right of residence.',
      'Een EU-burger krijgt geen bedenktijd en geen tijdelijke verblijfsvergunning van de verblijfsregeling mensenhandel: voor opvang in de eerste vijf jaar van verblijf is een ontheffing van de IND nodig, omdat dit gevolgen kan hebben voor het verblijfsrecht.',
      "Un citoyen de l'UE ne reçoit ni délai de réflexion ni titre de séjour temporaire du régime traite : l'accueil pendant les cinq premières années de séjour requiert une dérogation de l'IND, car il peut affecter le droit de séjour.",
    ),
  },
  {
    code: 'residencePosition',
    id: 'nl.notice.position.lawfulResident',
    source: src(cite(BASIS, Q.dutchRightToShelter)),
    effectiveFrom: FROM,
    when: [{ fact: 'lawfulResident', is: true }],
    unlessEvent: [],
    activeIn: OPEN,
    label: L('Position of a Dutch national or lawful resident', 'Positie van een Nederlander of rechtmatig verblijvende', "Situation d'un ressortissant néerlandais ou d'un résident légal"),
    message: L(
      'A Dutch national or a lawful resident has the right to shelter whether or not they report; no reflection period or temporary permit is needed.',
      'Een Nederlander of wie rechtmatig in Nederland verblijft heeft recht op opvang, ongeacht of aangifte wordt gedaan; een bedenktijd of tijdelijke verblijfsvergunning is niet nodig.',
      "Un ressortissant néerlandais ou un résident légal a droit à l'accueil, qu'il porte plainte ou non ; aucun délai de réflexion ni titre temporaire n'est nécessaire.",
    ),
  },
];

const phaseInfo: readonly PhaseInfo<NlPhase>[] = [
  {
    kind: 'right',
    id: 'nl.info.reflectionShelter',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    activeIn: ['nl.reflection'],
    label: L('No removal during the reflection period; right to shelter', 'Geen vertrek tijdens de bedenktijd; recht op opvang', "Pas d'éloignement pendant le délai de réflexion ; droit à l'accueil"),
    quote: {
      nl: 'De IND schort het vertrek van het vermoedelijke slachtoffer van mensenhandel uit Nederland gedurende deze periode op. Het slachtoffer heeft dan recht op opvang.',
      en: 'The IND suspends the departure of the presumed victim of trafficking from the Netherlands during this period. The victim then has the right to shelter.',
      fr: "L'IND suspend le départ de la victime présumée de la traite des Pays-Bas pendant cette période. La victime a alors droit à l'accueil.",
    },
  },
  {
    kind: 'right',
    id: 'nl.info.reflectionAllowance',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    activeIn: ['nl.reflection'],
    when: [{ fact: 'presumedMinor', is: false }],
    label: L(
      'Adults: a monthly allowance at the level of social assistance (paid by the COA) and insurance against medical costs (Rvb)',
      'Meerderjarigen: een maandelijkse toelage ter hoogte van de bijstandsuitkering (COA) en een verzekering tegen medische kosten (Rvb)',
      "Majeurs : une allocation mensuelle au niveau de l'aide sociale (versée par le COA) et une assurance des frais médicaux (Rvb)",
    ),
    quote: {
      nl: 'recht op een maandelijkse toelage ter hoogte van de Nederlandse bijstandsuitkering (uitgekeerd door het COA). Ook voorziet de Rvb voor meerderjarige slachtoffers in een verzekering tegen medische kosten.',
      en: 'the right to a monthly allowance at the level of the Dutch social assistance benefit (paid by the COA). The Rvb also provides adult victims with insurance against medical costs.',
      fr: "le droit à une allocation mensuelle équivalente à l'aide sociale néerlandaise (versée par le COA). Le Rvb prévoit aussi pour les victimes majeures une assurance contre les frais médicaux.",
    },
  },
  {
    kind: 'right',
    id: 'nl.info.protectedShelterAllowance',
    source: src(MINORS),
    effectiveFrom: FROM,
    activeIn: OPEN,
    when: [
      { fact: 'unaccompaniedMinor', is: true },
      { fact: 'thirdCountryNational', is: true },
    ],
    label: L(
      'Protected shelter: a small weekly allowance and health insurance; the reflection period may be used there',
      'Beschermde Opvang: een kleine wekelijkse vergoeding en verzekering tegen ziektekosten; de bedenktijd kan er gebruikt worden',
      "Accueil protégé : une petite allocation hebdomadaire et une assurance maladie ; le délai de réflexion peut y être utilisé",
    ),
    quote: {
      nl: 'Zij kunnen daar ook gebruik maken van de bedenktijd. Slachtoffers in de beschermde opvang krijgen wekelijks een kleine financiële vergoeding en zijn verzekerd tegen ziektekosten.',
      en: 'They can also use the reflection period there. Victims in protected shelter receive a small weekly allowance and are insured against medical costs.',
      fr: "Ils peuvent aussi y bénéficier du délai de réflexion. Les victimes en accueil protégé reçoivent une petite allocation hebdomadaire et sont assurées contre les frais de maladie.",
    },
  },
  {
    kind: 'mustInform',
    id: 'nl.info.cosmPlacement',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    activeIn: ['nl.detection', 'nl.reflection'],
    when: [{ fact: 'presumedMinor', is: false }],
    label: L(
      'Placement in the COSM shelter for adult victims goes through CoMensha',
      'Plaatsing in de COSM-opvang voor meerderjarige slachtoffers loopt via CoMensha',
      "Le placement dans l'accueil COSM pour victimes majeures passe par CoMensha",
    ),
    quote: {
      nl: 'Meerderjarige slachtoffers worden bij voorkeur in de Categorale Opvang Slachtoffers Mensenhandel (COSM) opgevangen. Plaatsing in de COSM-opvang loopt via CoMensha.',
      en: 'Adult victims are preferably sheltered in the Categorical Shelter for Victims of Trafficking (COSM). Placement in COSM shelter goes through CoMensha.',
      fr: "Les victimes majeures sont de préférence accueillies dans l'accueil catégoriel des victimes de la traite (COSM). Le placement en COSM passe par CoMensha.",
    },
  },
  {
    kind: 'right',
    id: 'nl.info.permitRights',
    source: src(PERMIT),
    effectiveFrom: FROM,
    activeIn: ['nl.temporaryPermit', 'nl.cannotCooperate'],
    label: L(
      'The same shelter as Dutch victims; the right to work or study; social assistance if needed',
      'Dezelfde opvang als Nederlandse slachtoffers; recht om te werken of een opleiding te volgen; bijstand indien nodig',
      "Le même accueil que les victimes néerlandaises ; le droit de travailler ou d'étudier ; l'aide sociale si nécessaire",
    ),
    quote: {
      nl: 'recht op dezelfde opvang als Nederlandse slachtoffers. Slachtoffers met een dergelijke verblijfsvergunning, mogen daarnaast op grond van de Wet arbeid vreemdelingen werken of een opleiding volgen. Indien nodig hebben ze op grond van artikel 11, lid 2 van de Participatiewet recht op bijstand.',
      en: 'the right to the same shelter as Dutch victims. Victims with such a permit may also work or study under the Foreign Nationals Employment Act. If needed they are entitled to social assistance under article 11(2) of the Participation Act.',
      fr: "le droit au même accueil que les victimes néerlandaises. Les victimes titulaires d'un tel titre peuvent en outre travailler ou suivre une formation en vertu de la loi sur l'emploi des étrangers. Si nécessaire, elles ont droit à l'aide sociale en vertu de l'article 11, alinéa 2, de la loi sur la participation.",
    },
  },
  {
    kind: 'mustInform',
    id: 'nl.info.cannotCooperateStatement',
    source: src(CANNOT),
    effectiveFrom: FROM,
    activeIn: ['nl.detection', 'nl.reflection', 'nl.cannotCooperate'],
    when: [{ fact: 'withoutResidenceStatus', is: true }],
    label: L(
      'A victim unable to cooperate (threat, medical or psychological problems) needs a statement of the police and/or a medical statement',
      'Een slachtoffer dat geen medewerking kan verlenen (dreiging, medische of psychische problemen) heeft een verklaring van de politie en/of een medische verklaring nodig',
      "Une victime qui ne peut coopérer (menace, problèmes médicaux ou psychologiques) a besoin d'une attestation de la police et/ou d'une attestation médicale",
    ),
    quote: {
      nl: 'mits dit ondersteund wordt door een verklaring van de politie en/of een medische verklaring.',
      en: 'provided this is supported by a statement of the police and/or a medical statement.',
      fr: "à condition que cela soit étayé par une attestation de la police et/ou une attestation médicale.",
    },
  },
];

const checklists: readonly Checklist<NlPhase>[] = [
  {
    id: 'nl.humanitarianCriteria',
    source: src(cite(HUMANITARIAN, Q.followingCases)),
    effectiveFrom: FROM,
    label: L(
      'Criteria for a non-temporary permit on humanitarian grounds (art. 3.51(3) Vb 2000)',
      'Criteria voor een verblijfsvergunning op niet-tijdelijke humanitaire gronden (art. 3.51 lid 3 Vb 2000)',
      'Critères du titre de séjour pour motifs humanitaires non temporaires (art. 3.51, al. 3, Vb 2000)',
    ),
    activeIn: ['nl.temporaryPermit', 'nl.cannotCooperate', 'nl.proceedingsEnded', 'nl.humanitarianApplication'],
    satisfiedMeans: L(
      'At least one criterion is met: the person qualifies for the application.',
      'Aan minstens één criterium is voldaan: de persoon komt in aanmerking voor de aanvraag.',
      'Au moins un critère est rempli : la personne peut introduire la demande.',
    ),
    items: [
      {
        id: 'nl.humanitarian.a.prosecution',
        source: noted(L('first criterion', 'eerste criterium', 'premier critère'), HUMANITARIAN),
        label: L(
          'The public prosecutor decides to prosecute the offence reported, which led to the permit under art. 3.48(1)(a), (b) or (g) Vb',
          'De officier van justitie besluit tot vervolging over te gaan ter zake van het strafbare feit waarvan aangifte is gedaan en dat heeft geleid tot verlening van de verblijfsvergunning op grond van artikel 3.48, eerste lid, aanhef en onder a, b en g Vb',
          "Le procureur décide de poursuivre l'infraction dénoncée qui a donné lieu au titre de séjour visé à l'article 3.48, premier alinéa, a, b et g Vb",
        ),
      },
      {
        id: 'nl.humanitarian.b.threeYears',
        source: noted(L('second criterion', 'tweede criterium', 'deuxième critère'), HUMANITARIAN),
        label: L(
          'A criminal case is running and the victim has lived three years without interruption in the Netherlands on a residence permit',
          'Er loopt een strafzaak en het slachtoffer verblijft drie jaar onafgebroken in Nederland op basis van een verblijfsvergunning',
          'Une affaire pénale est en cours et la victime séjourne depuis trois ans sans interruption aux Pays-Bas sous couvert d\'un titre de séjour',
        ),
      },
      {
        id: 'nl.humanitarian.c.individualReasons',
        source: noted(L('third criterion', 'derde criterium', 'troisième critère'), HUMANITARIAN),
        label: L(
          'There are special, individual reasons for the victim to stay in the Netherlands (e.g. a risk of reprisals on return)',
          'Er zijn bijzondere, individuele redenen om het slachtoffer in Nederland te laten verblijven (zoals bijvoorbeeld risico op represailles bij terugkeer)',
          'Il existe des raisons particulières et individuelles de laisser la victime séjourner aux Pays-Bas (p. ex. un risque de représailles en cas de retour)',
        ),
      },
    ],
    logic: {
      any: [
        { item: 'nl.humanitarian.a.prosecution', favourable: 'met' },
        { item: 'nl.humanitarian.b.threeYears', favourable: 'met' },
        { item: 'nl.humanitarian.c.individualReasons', favourable: 'met' },
      ],
    },
  },
];

export const nlRules: CountryRules<NlEventType, NlPhase> = {
  country: 'NL',
  basis: 'Benelux brochure (March 2021) §4 "Nederland"; Vreemdelingenwet 2000 art. 8 onder k; Vreemdelingenbesluit 2000 art. 3.48 and 3.51',
  eventTypes: NL_EVENT_TYPES,
  initialPhase: 'nl.detection',
  phases,
  events,
  notices,
  checklists,
  phaseInfo,
  presumptionOfMinority: {
    isLaw: false,
    source: noted(
      L(
        'the brochure gives no presumption of minority for the Netherlands (a policy of the organisation at most)',
        'de brochure geeft geen vermoeden van minderjarigheid voor Nederland (hooguit een beleid van de organisatie)',
        "la brochure ne prévoit pas de présomption de minorité pour les Pays-Bas (tout au plus une politique de l'organisation)",
      ),
      MINORS,
    ),
  },
};
