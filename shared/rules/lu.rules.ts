/**
 * Luxembourg: the national referral and reception mechanism (domain.md §4 LU).
 *
 * Transcribed from the Benelux brochure of March 2021, §4 "Luxemburg" (sections "Basis",
 * "Identificatie van de slachtoffers", "Reflectieperiode", "Verdere afhandeling en
 * verblijfsvergunning", "Minderjarige slachtoffers") and §3 (Direction de l'immigration), which cite
 * the amended law of 29 August 2008 on free movement of persons and immigration (art. 93: reflection
 * period; art. 95: residence permit for victims; art. 42: salaried worker) and the amended law of
 * 8 May 2009 on assistance to victims of trafficking.
 *
 * effectiveFrom: the date of the law the brochure names for each rule (29.08.2008 or 08.05.2009);
 * a later change is a new rule version with its own date.
 */
import { toCalendarDate } from '../dates/calendar-date';
import { L } from './common.rules';
import type { Checklist, CountryRules, EventRule, NoticeRule, PhaseRule } from './rule.types';

export const LU_EVENT_TYPES = [
  'guardianAppointed',
  'adHocAdministratorAppointed',
  'identifiedByJudicialPolice',
  'reflectionGranted',
  'decisionNegative',
  'victimPermitGranted',
  'victimPermitRenewed',
  'proceedingsEnded',
  'victimPermitRevoked',
  'personalReasonsPermitGranted',
  'personalReasonsPermitRenewed',
  'salariedWorkerPermitGranted',
  'voluntaryReturn',
  'closed',
] as const;
export type LuEventType = (typeof LU_EVENT_TYPES)[number];

export const LU_PHASES = [
  'lu.detection',
  'lu.identified',
  'lu.reflection',
  'lu.victimPermit',
  'lu.personalReasonsPermit',
  'lu.salariedWorkerPermit',
  'lu.ended',
  'lu.returned',
  'lu.closed',
] as const;
export type LuPhase = (typeof LU_PHASES)[number];

/** The five grounds on which the victim's permit may be revoked (an optional field of the event). */
export const LU_REVOCATION_GROUNDS = [
  'lu.revocation.renewedContact',
  'lu.revocation.noLongerCooperating',
  'lu.revocation.prosecutionDiscontinued',
  'lu.revocation.fraudulentOrUnfounded',
  'lu.revocation.publicOrder',
] as const;
export type LuRevocationGround = (typeof LU_REVOCATION_GROUNDS)[number];

const IMMIGRATION_LAW = toCalendarDate('2008-08-29');
const ASSISTANCE_LAW = toCalendarDate('2009-05-08');
const BASIS = 'brochure §4 LU "Basis"';
const IDENTIFICATION = 'brochure §4 LU "Identificatie van de slachtoffers"';
const REFLECTION = 'brochure §4 LU "Reflectieperiode"; law of 29.08.2008 art. 93';
const FURTHER = 'brochure §4 LU "Verdere afhandeling en verblijfsvergunning"';
const PERMIT = `${FURTHER}; law of 29.08.2008 art. 95`;
const MINORS = 'brochure §4 LU "Minderjarige slachtoffers"; law of 10.08.1992 on youth protection';

const OPEN: readonly LuPhase[] = [
  'lu.detection',
  'lu.identified',
  'lu.reflection',
  'lu.victimPermit',
  'lu.personalReasonsPermit',
  'lu.salariedWorkerPermit',
];
const NOT_CLOSED: readonly LuPhase[] = [...OPEN, 'lu.ended', 'lu.returned'];

const phases: readonly PhaseRule<LuPhase>[] = [
  {
    phase: 'lu.detection',
    id: 'lu.phase.detection',
    source: 'brochure §4 LU "Detectie van het slachtoffer"',
    effectiveFrom: ASSISTANCE_LAW,
    step: 0,
    terminal: false,
    label: L(
      'Detected, awaiting identification by the judicial police',
      'Gedetecteerd, in afwachting van identificatie door de gerechtelijke politie',
      "Détectée, en attente d'identification par la police judiciaire",
    ),
  },
  {
    phase: 'lu.identified',
    id: 'lu.phase.identified',
    source: IDENTIFICATION,
    effectiveFrom: ASSISTANCE_LAW,
    step: 1,
    terminal: false,
    label: L(
      'Identified as a victim by the judicial police',
      'Door de gerechtelijke politie geïdentificeerd als slachtoffer',
      'Identifiée comme victime par la police judiciaire',
    ),
  },
  {
    phase: 'lu.reflection',
    id: 'lu.phase.reflection',
    source: REFLECTION,
    effectiveFrom: IMMIGRATION_LAW,
    step: 2,
    terminal: false,
    label: L(
      'Reflection period (certificate of postponement of removal)',
      'Bedenktijd (bewijs van opschorting van de verwijdering)',
      "Délai de réflexion (certificat de sursis à l'éloignement)",
    ),
  },
  {
    phase: 'lu.victimPermit',
    id: 'lu.phase.victimPermit',
    source: PERMIT,
    effectiveFrom: IMMIGRATION_LAW,
    step: 3,
    terminal: false,
    label: L(
      'Residence permit for victims of trafficking',
      'Verblijfstitel op grond van slachtofferschap van mensenhandel',
      'Titre de séjour de victime de la traite des êtres humains',
    ),
  },
  {
    phase: 'lu.personalReasonsPermit',
    id: 'lu.phase.personalReasonsPermit',
    source: FURTHER,
    effectiveFrom: IMMIGRATION_LAW,
    step: 4,
    terminal: false,
    label: L(
      'Residence permit for personal reasons',
      'Verblijfstitel om persoonlijke redenen',
      'Titre de séjour pour raisons privées',
    ),
  },
  {
    phase: 'lu.salariedWorkerPermit',
    id: 'lu.phase.salariedWorkerPermit',
    source: `${FURTHER}; law of 29.08.2008 art. 42`,
    effectiveFrom: IMMIGRATION_LAW,
    step: 4,
    terminal: false,
    label: L(
      'Residence permit as a salaried worker',
      'Verblijfstitel als loontrekkende werknemer',
      'Titre de séjour de travailleur salarié',
    ),
  },
  {
    phase: 'lu.ended',
    id: 'lu.phase.ended',
    source: `${FURTHER}: "Het geïdentificeerde slachtoffer verliest de status van slachtoffer en daardoor zijn/haar recht op bijstand."`,
    effectiveFrom: IMMIGRATION_LAW,
    step: 90,
    terminal: true,
    label: L(
      'Victim status ended: negative decision or permit revoked',
      'Status van slachtoffer beëindigd: negatieve beslissing of verblijfstitel ingetrokken',
      'Statut de victime terminé : décision négative ou titre retiré',
    ),
  },
  {
    phase: 'lu.returned',
    id: 'lu.phase.returned',
    source: `${REFLECTION}: "wenst terug te keren naar zijn/haar land van herkomst"`,
    effectiveFrom: IMMIGRATION_LAW,
    step: 91,
    terminal: true,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
  },
  {
    phase: 'lu.closed',
    id: 'lu.phase.closed',
    source: 'Passerelle: the file is closed',
    effectiveFrom: IMMIGRATION_LAW,
    step: 99,
    terminal: true,
    label: L('File closed', 'Dossier afgesloten', 'Dossier clôturé'),
  },
];

const events: readonly EventRule<LuEventType, LuPhase>[] = [
  {
    type: 'guardianAppointed',
    id: 'lu.event.guardianAppointed',
    source: `${MINORS}: "een voogd door de jeugdrechter voor de handelingen van het dagelijkse leven"`,
    effectiveFrom: ASSISTANCE_LAW,
    label: L('Guardian appointed (youth judge)', 'Voogd aangesteld (jeugdrechter)', 'Tuteur désigné (juge de la jeunesse)'),
    allowedIn: NOT_CLOSED,
  },
  {
    type: 'adHocAdministratorAppointed',
    id: 'lu.event.adHocAdministratorAppointed',
    source: `${MINORS}: "een beheerder ad hoc door de rechter voor gezinsaangelegenheden, voor de procedurele stappen"`,
    effectiveFrom: ASSISTANCE_LAW,
    label: L(
      'Ad hoc administrator appointed (family judge)',
      'Beheerder ad hoc aangesteld (rechter voor gezinsaangelegenheden)',
      'Administrateur ad hoc désigné (juge aux affaires familiales)',
    ),
    allowedIn: NOT_CLOSED,
  },
  {
    type: 'identifiedByJudicialPolice',
    id: 'lu.event.identifiedByJudicialPolice',
    source: `${IDENTIFICATION}; ${BASIS}: "moet een slachtoffer op voorhand geïdentificeerd zijn door de gerechtelijke politie"`,
    effectiveFrom: ASSISTANCE_LAW,
    label: L(
      'Identified by the judicial police',
      'Geïdentificeerd door de gerechtelijke politie',
      'Identifiée par la police judiciaire',
    ),
    allowedIn: ['lu.detection'],
    to: 'lu.identified',
  },
  {
    type: 'reflectionGranted',
    id: 'lu.event.reflectionGranted',
    source: `${REFLECTION}: "een bedenktijd met een geldigheidsduur van 90 dagen"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Reflection period granted (certificate of postponement of removal)',
      'Bedenktijd toegekend (bewijs van opschorting van de verwijdering)',
      "Délai de réflexion accordé (certificat de sursis à l'éloignement)",
    ),
    allowedIn: ['lu.detection', 'lu.identified'],
    to: 'lu.reflection',
    guards: [
      {
        kind: 'requiresPrior',
        eventType: 'identifiedByJudicialPolice',
        when: [{ fact: 'thirdCountryNational', is: true }],
        id: 'lu.reflection.requiresIdentification',
        source: `${IDENTIFICATION}: "De identificatie is ook een voorwaarde voor de toekenning van de bedenktijd voor de slachtoffers die van derde landen afkomstig zijn."`,
        effectiveFrom: IMMIGRATION_LAW,
        refusal: L(
          'a third-country national receives a reflection period only after identification by the judicial police',
          'een slachtoffer uit een derde land krijgt pas een bedenktijd na identificatie door de gerechtelijke politie',
          "une victime ressortissante d'un pays tiers ne reçoit un délai de réflexion qu'après son identification par la police judiciaire",
        ),
      },
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['reflectionGranted'],
        id: 'lu.reflection.single',
        source: `${REFLECTION}: 90 dagen`,
        effectiveFrom: IMMIGRATION_LAW,
        refusal: L(
          'the reflection period of 90 days is granted once',
          'de bedenktijd van 90 dagen wordt eenmaal toegekend',
          'le délai de réflexion de 90 jours est accordé une seule fois',
        ),
      },
    ],
    opens: [
      {
        kind: 'reflectionPeriodEnd',
        id: 'lu.reflection.duration',
        source: `${REFLECTION}: "gedurende 90 dagen legaal in het land te blijven"`,
        effectiveFrom: IMMIGRATION_LAW,
        period: { days: 90 },
        acceptsDocumentExpiry: true,
        activeIn: ['lu.reflection'],
      },
      {
        kind: 'preExpiryDecisionDue',
        id: 'lu.reflection.preExpiryDecision',
        source: `${FURTHER}: "Ook voor het verstrijken van de bedenktijd neemt de Directie Immigratie contact op met de diensten van de gerechtelijke politie"`,
        effectiveFrom: IMMIGRATION_LAW,
        sameAs: 'reflectionPeriodEnd',
        when: [{ fact: 'thirdCountryNational', is: true }],
        activeIn: ['lu.reflection'],
      },
    ],
  },
  {
    type: 'decisionNegative',
    id: 'lu.event.decisionNegative',
    source: `${FURTHER}: "Bij een negatieve beslissing ... verliest de status van slachtoffer en daardoor zijn/haar recht op bijstand."`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Negative decision: no residence permit',
      'Negatieve beslissing: geen verblijfstitel',
      'Décision négative : pas de titre de séjour',
    ),
    allowedIn: ['lu.reflection'],
    to: 'lu.ended',
    closes: ['preExpiryDecisionDue'],
  },
  {
    type: 'victimPermitGranted',
    id: 'lu.event.victimPermitGranted',
    source: `${PERMIT}: "De verblijfstitel is voor een periode van 6 maanden geldig"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Residence permit for victims granted (positive decision)',
      'Verblijfstitel als slachtoffer toegekend (positieve beslissing)',
      'Titre de séjour de victime accordé (décision positive)',
    ),
    allowedIn: ['lu.reflection'],
    to: 'lu.victimPermit',
    closes: ['preExpiryDecisionDue'],
    opens: [
      {
        kind: 'residencePermitExpiry',
        id: 'lu.victimPermit.duration',
        source: `${PERMIT}: 6 maanden`,
        effectiveFrom: IMMIGRATION_LAW,
        period: { months: 6 },
        acceptsDocumentExpiry: true,
        activeIn: ['lu.victimPermit'],
      },
    ],
  },
  {
    type: 'victimPermitRenewed',
    id: 'lu.event.victimPermitRenewed',
    source: `${PERMIT}: "kan worden verlengd zo lang de gerechtelijke procedures duren en het slachtoffer zijn/haar status van slachtoffer behoudt"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Residence permit for victims renewed',
      'Verblijfstitel als slachtoffer verlengd',
      'Titre de séjour de victime renouvelé',
    ),
    allowedIn: ['lu.victimPermit'],
    guards: [
      {
        kind: 'forbiddenAfter',
        eventType: 'proceedingsEnded',
        id: 'lu.victimPermit.renewableWhileProceedings',
        source: `${PERMIT}: "zo lang de gerechtelijke procedures duren"`,
        effectiveFrom: IMMIGRATION_LAW,
        refusal: L(
          "the victim's residence permit is renewed only as long as the judicial proceedings last",
          'de verblijfstitel als slachtoffer wordt enkel verlengd zo lang de gerechtelijke procedures duren',
          'le titre de séjour de victime n\'est renouvelé que tant que durent les procédures judiciaires',
        ),
      },
    ],
    opens: [
      {
        kind: 'residencePermitExpiry',
        id: 'lu.victimPermit.renewalDuration',
        source: `${PERMIT}: 6 maanden, verlengbaar`,
        effectiveFrom: IMMIGRATION_LAW,
        period: { months: 6 },
        anchor: 'continuation',
        acceptsDocumentExpiry: true,
        activeIn: ['lu.victimPermit'],
      },
    ],
  },
  {
    type: 'proceedingsEnded',
    id: 'lu.event.proceedingsEnded',
    source: PERMIT,
    effectiveFrom: IMMIGRATION_LAW,
    label: L('Judicial proceedings ended', 'Gerechtelijke procedures afgelopen', 'Procédures judiciaires terminées'),
    allowedIn: ['lu.victimPermit'],
    guards: [
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['proceedingsEnded'],
        id: 'lu.proceedings.endedOnce',
        source: PERMIT,
        effectiveFrom: IMMIGRATION_LAW,
        refusal: L(
          'the end of the judicial proceedings was already recorded',
          'het einde van de gerechtelijke procedures werd al geregistreerd',
          'la fin des procédures judiciaires a déjà été enregistrée',
        ),
      },
    ],
  },
  {
    type: 'victimPermitRevoked',
    id: 'lu.event.victimPermitRevoked',
    source: `${FURTHER}: "De verblijfstitel ... kan niettemin worden ingetrokken indien"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Residence permit for victims revoked',
      'Verblijfstitel als slachtoffer ingetrokken',
      'Titre de séjour de victime retiré',
    ),
    allowedIn: ['lu.victimPermit'],
    to: 'lu.ended',
    closes: ['residencePermitExpiry'],
  },
  {
    type: 'personalReasonsPermitGranted',
    id: 'lu.event.personalReasonsPermitGranted',
    source: `${FURTHER}: "Deze verblijfstitel is geldig gedurende een maximale duur van drie jaar"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Residence permit for personal reasons granted',
      'Verblijfstitel om persoonlijke redenen toegekend',
      'Titre de séjour pour raisons privées accordé',
    ),
    allowedIn: ['lu.victimPermit'],
    to: 'lu.personalReasonsPermit',
    guards: [
      {
        kind: 'requiresFact',
        condition: { fact: 'thirdCountryNational', is: true },
        id: 'lu.personalReasons.thirdCountryNational',
        source: `${FURTHER}: "kan het betrokken slachtoffer uit een derde land, een aanvraag stellen voor een verblijfstitel om persoonlijke redenen"`,
        effectiveFrom: IMMIGRATION_LAW,
        refusal: L(
          'the residence permit for personal reasons is for victims from a third country',
          'de verblijfstitel om persoonlijke redenen is voor slachtoffers uit een derde land',
          'le titre de séjour pour raisons privées est destiné aux victimes ressortissantes de pays tiers',
        ),
      },
    ],
    closes: ['residencePermitExpiry'],
    opens: [
      {
        kind: 'personalReasonsPermitExpiry',
        id: 'lu.personalReasons.duration',
        source: `${FURTHER}: "een maximale duur van drie jaar"`,
        effectiveFrom: IMMIGRATION_LAW,
        period: { years: 3 },
        periodIsMaximum: true,
        acceptsDocumentExpiry: true,
        activeIn: ['lu.personalReasonsPermit'],
      },
    ],
  },
  {
    type: 'personalReasonsPermitRenewed',
    id: 'lu.event.personalReasonsPermitRenewed',
    source: `${FURTHER}: "kan worden verlengd indien, uit heronderzoek van de situatie, blijkt dat hij/zij verder aan de bijbehorende wettelijke voorwaarden voldoet"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Residence permit for personal reasons renewed',
      'Verblijfstitel om persoonlijke redenen verlengd',
      'Titre de séjour pour raisons privées renouvelé',
    ),
    allowedIn: ['lu.personalReasonsPermit'],
    opens: [
      {
        kind: 'personalReasonsPermitExpiry',
        id: 'lu.personalReasons.renewalDuration',
        source: `${FURTHER}: "een maximale duur van drie jaar", verlengbaar`,
        effectiveFrom: IMMIGRATION_LAW,
        period: { years: 3 },
        periodIsMaximum: true,
        anchor: 'continuation',
        acceptsDocumentExpiry: true,
        activeIn: ['lu.personalReasonsPermit'],
      },
    ],
  },
  {
    type: 'salariedWorkerPermitGranted',
    id: 'lu.event.salariedWorkerPermitGranted',
    source: `${FURTHER}: "een verblijfstitel aanvragen voor loontrekkende werknemer ... artikel 42 van de wet van 29 augustus 2008"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Residence permit as a salaried worker granted',
      'Verblijfstitel als loontrekkende werknemer toegekend',
      'Titre de séjour de travailleur salarié accordé',
    ),
    allowedIn: ['lu.victimPermit'],
    to: 'lu.salariedWorkerPermit',
    closes: ['residencePermitExpiry'],
    opens: [
      {
        kind: 'residencePermitExpiry',
        id: 'lu.salariedWorker.noTermInBrochure',
        source: `${FURTHER}; law of 29.08.2008 art. 42 (the brochure gives no term: only an entered document expiry gives a date)`,
        effectiveFrom: IMMIGRATION_LAW,
        acceptsDocumentExpiry: true,
        activeIn: ['lu.salariedWorkerPermit'],
      },
    ],
  },
  {
    type: 'voluntaryReturn',
    id: 'lu.event.voluntaryReturn',
    source: `${REFLECTION}: "dan wel wenst terug te keren naar zijn/haar land van herkomst"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
    allowedIn: [...OPEN, 'lu.ended'],
    to: 'lu.returned',
  },
  {
    type: 'closed',
    id: 'lu.event.closed',
    source: 'Passerelle: closing the file is possible at any time',
    effectiveFrom: IMMIGRATION_LAW,
    label: L('File closed', 'Dossier afgesloten', 'Dossier clôturé'),
    allowedIn: NOT_CLOSED,
    to: 'lu.closed',
  },
];

const REPRESENTATION = `${MINORS}: "indien het minderjarige slachtoffer niet begeleid wordt ... of indien er onzekerheid bestaat over de leeftijd van het slachtoffer ... dan wordt hem/haar toebedeeld: een beheerder ad hoc ... en een voogd"`;

const notices: readonly NoticeRule<LuEventType, LuPhase>[] = [
  {
    code: 'guardianRequired',
    id: 'lu.notice.guardian.unaccompanied',
    source: REPRESENTATION,
    effectiveFrom: ASSISTANCE_LAW,
    when: [{ fact: 'unaccompaniedMinor', is: true }],
    unlessEvent: ['guardianAppointed'],
    activeIn: OPEN,
    label: L('Appoint a guardian (youth judge)', 'Voogd aanstellen (jeugdrechter)', 'Désigner un tuteur (juge de la jeunesse)'),
  },
  {
    code: 'guardianRequired',
    id: 'lu.notice.guardian.ageInDoubt',
    source: REPRESENTATION,
    effectiveFrom: ASSISTANCE_LAW,
    when: [{ fact: 'ageInDoubt', is: true }],
    unlessEvent: ['guardianAppointed'],
    activeIn: OPEN,
    label: L('Appoint a guardian (youth judge)', 'Voogd aanstellen (jeugdrechter)', 'Désigner un tuteur (juge de la jeunesse)'),
  },
  {
    code: 'adHocAdministratorRequired',
    id: 'lu.notice.adHoc.unaccompanied',
    source: REPRESENTATION,
    effectiveFrom: ASSISTANCE_LAW,
    when: [{ fact: 'unaccompaniedMinor', is: true }],
    unlessEvent: ['adHocAdministratorAppointed'],
    activeIn: OPEN,
    label: L(
      'Appoint an ad hoc administrator (family judge)',
      'Beheerder ad hoc aanstellen (rechter voor gezinsaangelegenheden)',
      'Désigner un administrateur ad hoc (juge aux affaires familiales)',
    ),
  },
  {
    code: 'adHocAdministratorRequired',
    id: 'lu.notice.adHoc.ageInDoubt',
    source: REPRESENTATION,
    effectiveFrom: ASSISTANCE_LAW,
    when: [{ fact: 'ageInDoubt', is: true }],
    unlessEvent: ['adHocAdministratorAppointed'],
    activeIn: OPEN,
    label: L(
      'Appoint an ad hoc administrator (family judge)',
      'Beheerder ad hoc aanstellen (rechter voor gezinsaangelegenheden)',
      'Désigner un administrateur ad hoc (juge aux affaires familiales)',
    ),
  },
];

const checklists: readonly Checklist<LuPhase>[] = [
  {
    id: 'lu.preExpiryQuestions',
    source: `${FURTHER}: "dient de gerechtelijke politie in overleg met het parket de volgende vragen te beantwoorden"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Questions before the reflection period expires (judicial police with the prosecutor)',
      'Vragen vóór het verstrijken van de bedenktijd (gerechtelijke politie in overleg met het parket)',
      "Questions avant l'expiration du délai de réflexion (police judiciaire en concertation avec le parquet)",
    ),
    activeIn: ['lu.identified', 'lu.reflection'],
    satisfiedMeans: L(
      'The answers favour a residence permit for the victim.',
      'De antwoorden pleiten voor een verblijfstitel voor het slachtoffer.',
      "Les réponses sont favorables à l'octroi d'un titre de séjour à la victime.",
    ),
    items: [
      {
        id: 'lu.preExpiry.complaintOrStatements',
        source: `${FURTHER}, question 1`,
        label: L(
          'Has the victim filed a complaint or made statements about the suspected persons or networks?',
          'Heeft het slachtoffer klacht ingediend dan wel verklaringen afgelegd omtrent de vermoedelijk schuldige personen of netwerken?',
          'La victime a-t-elle déposé plainte ou fait des déclarations concernant les personnes ou réseaux présumés coupables ?',
        ),
      },
      {
        id: 'lu.preExpiry.presenceNecessary',
        source: `${FURTHER}, question 2`,
        label: L(
          "Or is the victim's physical presence necessary for the investigation or the proceedings?",
          'Of is de fysieke aanwezigheid van het slachtoffer noodzakelijk voor het onderzoek of de procedure?',
          "Ou la présence physique de la victime est-elle nécessaire à l'enquête ou à la procédure ?",
        ),
      },
      {
        id: 'lu.preExpiry.tiesBroken',
        source: `${FURTHER}, question 3`,
        label: L(
          'Has the victim broken all ties with the suspected perpetrators of the offence?',
          'Heeft het slachtoffer elke band verbroken met de vermoedelijke daders van het misdrijf?',
          "La victime a-t-elle rompu tout lien avec les auteurs présumés de l'infraction ?",
        ),
      },
      {
        id: 'lu.preExpiry.danger',
        source: `${FURTHER}, question 4`,
        label: L(
          'Must the victim be considered a danger to public order or national security?',
          'Moet het slachtoffer worden beschouwd als een gevaar voor de openbare orde of de nationale veiligheid?',
          "La victime doit-elle être considérée comme un danger pour l'ordre public ou la sécurité nationale ?",
        ),
      },
    ],
    // Question 2 begins with "Of" (or): complaint/statements OR presence necessary; ties broken; no danger.
    logic: {
      all: [
        {
          any: [
            { item: 'lu.preExpiry.complaintOrStatements', favourable: 'met' },
            { item: 'lu.preExpiry.presenceNecessary', favourable: 'met' },
          ],
        },
        { item: 'lu.preExpiry.tiesBroken', favourable: 'met' },
        { item: 'lu.preExpiry.danger', favourable: 'notMet' },
      ],
    },
  },
  {
    id: 'lu.revocationGrounds',
    source: `${FURTHER}: "De verblijfstitel ... kan niettemin worden ingetrokken indien"`,
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Grounds for revoking the residence permit for victims',
      'Gronden voor intrekking van de verblijfstitel als slachtoffer',
      'Motifs de retrait du titre de séjour de victime',
    ),
    activeIn: ['lu.victimPermit'],
    satisfiedMeans: L(
      'No ground for revocation applies.',
      'Geen enkele grond voor intrekking is van toepassing.',
      "Aucun motif de retrait ne s'applique.",
    ),
    items: [
      {
        id: 'lu.revocation.renewedContact',
        source: `${FURTHER}, ground 1`,
        label: L(
          'The victim has actively, voluntarily and on their own initiative renewed ties with the suspected perpetrators',
          'Het slachtoffer heeft actief, vrijwillig en op eigen initiatief weer banden aangeknoopt met de vermoedelijke daders van het misdrijf',
          "La victime a activement, volontairement et de sa propre initiative renoué des liens avec les auteurs présumés de l'infraction",
        ),
      },
      {
        id: 'lu.revocation.noLongerCooperating',
        source: `${FURTHER}, ground 2`,
        label: L('The victim no longer cooperates', 'Het slachtoffer werkt niet langer mee', 'La victime ne coopère plus'),
      },
      {
        id: 'lu.revocation.prosecutionDiscontinued',
        source: `${FURTHER}, ground 3`,
        label: L(
          'The judicial authorities decide to discontinue the prosecution of the suspected traffickers',
          'De justitiële instanties besluiten de strafvervolging tegen de vermoedelijke mensenhandelaars te stuiten',
          'Les autorités judiciaires décident de mettre fin aux poursuites contre les trafiquants présumés',
        ),
      },
      {
        id: 'lu.revocation.fraudulentOrUnfounded',
        source: `${FURTHER}, ground 4`,
        label: L(
          "The victim's cooperation or complaint is found to be fraudulent or unfounded",
          'Er wordt geconstateerd dat de medewerking van het slachtoffer of de klacht van het slachtoffer bedrieglijk dan wel niet gegrond is',
          'Il est constaté que la coopération ou la plainte de la victime est frauduleuse ou non fondée',
        ),
      },
      {
        id: 'lu.revocation.publicOrder',
        source: `${FURTHER}, ground 5`,
        label: L(
          'There are reasons related to public order or national security',
          'Er zijn redenen die verband houden met de openbare orde of de nationale veiligheid',
          "Il existe des raisons liées à l'ordre public ou à la sécurité nationale",
        ),
      },
    ],
    logic: {
      all: LU_REVOCATION_GROUNDS.map((item) => ({ item, favourable: 'notMet' as const })),
    },
  },
];

export const luRules: CountryRules<LuEventType, LuPhase> = {
  country: 'LU',
  basis:
    'Benelux brochure (March 2021) §3 and §4 "Luxemburg"; amended law of 29 August 2008 on free movement of persons and immigration (art. 42, 93, 95); amended law of 8 May 2009 on assistance to victims of trafficking',
  eventTypes: LU_EVENT_TYPES,
  initialPhase: 'lu.detection',
  phases,
  events,
  notices,
  checklists,
};
