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
import type { Checklist, CountryRules, EventRule, NoticeRule, PhaseRule } from './rule.types';

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
    source: 'brochure §4 NL "Detectie van het slachtoffer"',
    effectiveFrom: FROM,
    step: 0,
    terminal: false,
    label: L('Detection, before the reflection period', 'Signalering, vóór de bedenktijd', 'Détection, avant le délai de réflexion'),
  },
  {
    phase: 'nl.reflection',
    id: 'nl.phase.reflection',
    source: REFLECTION,
    effectiveFrom: FROM,
    step: 1,
    terminal: false,
    label: L('Reflection period (bedenktijd)', 'Bedenktijd (reflectieperiode)', 'Délai de réflexion'),
  },
  {
    phase: 'nl.temporaryPermit',
    id: 'nl.phase.temporaryPermit',
    source: PERMIT,
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
    source: CANNOT,
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
    source: `${FURTHER}: "Na afloop van het strafproces loopt de verblijfsvergunning ... af."`,
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
    source: HUMANITARIAN,
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
    source: HUMANITARIAN,
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
    source: HUMANITARIAN,
    effectiveFrom: FROM,
    step: 90,
    terminal: true,
    label: L('Procedure ended: application refused', 'Procedure beëindigd: aanvraag afgewezen', 'Procédure terminée : demande rejetée'),
  },
  {
    phase: 'nl.returned',
    id: 'nl.phase.returned',
    source: REFLECTION,
    effectiveFrom: FROM,
    step: 91,
    terminal: true,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
  },
  {
    phase: 'nl.closed',
    id: 'nl.phase.closed',
    source: 'Passerelle: the file is closed',
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
    source: `${MINORS}: "Nidos heeft ook de voogdij over deze minderjarigen."`,
    effectiveFrom: FROM,
    label: L('Guardianship (Nidos) in place', 'Voogdij (Nidos) geregeld', 'Tutelle (Nidos) en place'),
    allowedIn: NOT_CLOSED,
  },
  {
    type: 'reflectionStarted',
    id: 'nl.event.reflectionStarted',
    source: `${REFLECTION}: "een reflectieperiode van maximaal drie maanden"`,
    effectiveFrom: FROM,
    label: L('Reflection period granted', 'Bedenktijd verleend', 'Délai de réflexion accordé'),
    allowedIn: ['nl.detection'],
    to: 'nl.reflection',
    guards: [
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['reflectionStarted'],
        id: 'nl.reflection.atMostThreeMonths',
        source: `${REFLECTION}: "maximaal drie maanden"`,
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
        source: `${REFLECTION}: "maximaal drie maanden"`,
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
    source: `${PERMIT}: "Slachtoffers van mensenhandel zonder verblijfsvergunning die aangifte doen"`,
    effectiveFrom: FROM,
    label: L(
      'Report made or other cooperation with the criminal investigation',
      'Aangifte gedaan of andere medewerking aan het strafrechtelijk onderzoek',
      "Plainte déposée ou autre coopération à l'enquête pénale",
    ),
    allowedIn: ['nl.detection', 'nl.reflection'],
    to: 'nl.temporaryPermit',
    closes: ['reflectionPeriodEnd'],
  },
  {
    type: 'cannotCooperateDeclared',
    id: 'nl.event.cannotCooperateDeclared',
    source: `${CANNOT}: "mits dit ondersteund wordt door een verklaring van de politie en/of een medische verklaring"`,
    effectiveFrom: FROM,
    label: L(
      'Unable to cooperate: police and/or medical statement',
      'Geen medewerking mogelijk: verklaring van de politie en/of medische verklaring',
      'Coopération impossible : attestation de la police et/ou attestation médicale',
    ),
    allowedIn: ['nl.detection', 'nl.reflection'],
    to: 'nl.cannotCooperate',
    closes: ['reflectionPeriodEnd'],
  },
  {
    type: 'temporaryPermitGranted',
    id: 'nl.event.temporaryPermitGranted',
    source: `${PERMIT}: "een tijdelijke verblijfsvergunning voor de duur van het opsporings- en vervolgingsonderzoek"; ${CANNOT}`,
    effectiveFrom: FROM,
    label: L(
      'Temporary residence permit granted (trafficking scheme)',
      'Tijdelijke verblijfsvergunning verleend (verblijfsregeling mensenhandel)',
      'Titre de séjour temporaire accordé (régime traite des êtres humains)',
    ),
    allowedIn: ['nl.temporaryPermit', 'nl.cannotCooperate'],
    guards: [
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['temporaryPermitGranted'],
        id: 'nl.temporaryPermit.single',
        source: PERMIT,
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
        source: `${PERMIT}: for the duration of the investigation and prosecution (no fixed term: only an entered document expiry gives a date)`,
        effectiveFrom: FROM,
        acceptsDocumentExpiry: true,
        activeIn: ['nl.temporaryPermit', 'nl.cannotCooperate', 'nl.proceedingsEnded'],
      },
      {
        kind: 'continuousResidenceMilestone',
        id: 'nl.humanitarian.threeYears',
        source: `${HUMANITARIAN}: "er loopt een strafzaak en het slachtoffer verblijft drie jaar onafgebroken in Nederland op basis van een verblijfsvergunning"`,
        effectiveFrom: FROM,
        period: { years: 3 },
        activeIn: ['nl.temporaryPermit'],
      },
    ],
  },
  {
    type: 'temporaryPermitExtended',
    id: 'nl.event.temporaryPermitExtended',
    source: PERMIT,
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
        source: PERMIT,
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
        source: `${PERMIT} (no fixed term: only an entered document expiry gives a date)`,
        effectiveFrom: FROM,
        acceptsDocumentExpiry: true,
        activeIn: ['nl.temporaryPermit', 'nl.cannotCooperate', 'nl.proceedingsEnded'],
      },
    ],
  },
  {
    type: 'prosecutionDecided',
    id: 'nl.event.prosecutionDecided',
    source: `${HUMANITARIAN}: "de officier van justitie besluit tot vervolging over te gaan"`,
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
    source: `${FURTHER}: "Na afloop van het strafproces loopt de verblijfsvergunning op grond van de verblijfsregeling mensenhandel af."`,
    effectiveFrom: FROM,
    label: L('Criminal proceedings ended', 'Strafproces afgelopen', 'Procès pénal terminé'),
    allowedIn: ['nl.temporaryPermit'],
    to: 'nl.proceedingsEnded',
  },
  {
    type: 'humanitarianApplicationSubmitted',
    id: 'nl.event.humanitarianApplicationSubmitted',
    source: `${HUMANITARIAN}; ${CANNOT}`,
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
    source: HUMANITARIAN,
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
    source: HUMANITARIAN,
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
    source: REFLECTION,
    effectiveFrom: FROM,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
    allowedIn: [...OPEN, 'nl.ended'],
    to: 'nl.returned',
  },
  {
    type: 'closed',
    id: 'nl.event.closed',
    source: 'Passerelle: closing the file is possible at any time',
    effectiveFrom: FROM,
    label: L('File closed', 'Dossier afgesloten', 'Dossier clôturé'),
    allowedIn: NOT_CLOSED,
    to: 'nl.closed',
  },
];

const notices: readonly NoticeRule<NlEventType, NlPhase>[] = [
  {
    code: 'guardianRequired',
    id: 'nl.notice.guardian',
    source: `${MINORS}: "Nidos beslist ... Nidos heeft ook de voogdij over deze minderjarigen."`,
    effectiveFrom: FROM,
    when: [{ fact: 'unaccompaniedMinor', is: true }],
    unlessEvent: ['guardianAppointed'],
    activeIn: OPEN,
    label: L('Guardianship by Nidos', 'Voogdij door Nidos', 'Tutelle par Nidos'),
  },
];

const checklists: readonly Checklist<NlPhase>[] = [
  {
    id: 'nl.humanitarianCriteria',
    source: `${HUMANITARIAN}: "In de volgende gevallen komen slachtoffers voor deze verblijfsvergunning in aanmerking"`,
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
        source: `${HUMANITARIAN} onder a`,
        label: L(
          'The public prosecutor decides to prosecute the offence reported, which led to the permit under art. 3.48(1)(a), (b) or (g) Vb',
          'De officier van justitie besluit tot vervolging over te gaan ter zake van het strafbare feit waarvan aangifte is gedaan en dat heeft geleid tot verlening van de verblijfsvergunning op grond van artikel 3.48, eerste lid, aanhef en onder a, b en g Vb',
          "Le procureur décide de poursuivre l'infraction dénoncée qui a donné lieu au titre de séjour visé à l'article 3.48, premier alinéa, a, b et g Vb",
        ),
      },
      {
        id: 'nl.humanitarian.b.threeYears',
        source: `${HUMANITARIAN} onder b`,
        label: L(
          'A criminal case is running and the victim has lived three years without interruption in the Netherlands on a residence permit',
          'Er loopt een strafzaak en het slachtoffer verblijft drie jaar onafgebroken in Nederland op basis van een verblijfsvergunning',
          'Une affaire pénale est en cours et la victime séjourne depuis trois ans sans interruption aux Pays-Bas sous couvert d\'un titre de séjour',
        ),
      },
      {
        id: 'nl.humanitarian.c.individualReasons',
        source: `${HUMANITARIAN} onder c`,
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
};
