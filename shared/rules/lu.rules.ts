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
import { L, PRESUMPTION_OF_MINORITY_QUOTE } from './common.rules';
import type { Checklist, CountryRules, EventRule, FactCondition, NoticeRule, PhaseInfo, PhaseRule, Quote, Source } from './rule.types';
import { cite, noted, src } from './source';

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
  'stayWithOwnMeans',
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
  'lu.ownMeans',
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
const REFLECTION = 'brochure §4 LU "Reflectieperiode"; wet van 29.08.2008 art. 93';
const FURTHER = 'brochure §4 LU "Verdere afhandeling en verblijfsvergunning"';
const PERMIT = `${FURTHER}; wet van 29.08.2008 art. 95`;
const WORKER_PERMIT = `${FURTHER}; wet van 29.08.2008 art. 42`;
const MINORS = 'brochure §4 LU "Minderjarige slachtoffers"; wet van 10.08.1992 inzake jeugdbescherming';
const INFO = 'brochure §4 LU "Informatie voor en bijstand van het slachtoffer"';

/**
 * The brochure's sentences these rules rest on (§4 "Luxemburg"), Dutch as printed, with translations in
 * the terms of Luxembourg's law, which is written in French (délai de réflexion, titre de séjour, police
 * judiciaire, parquet, Direction de l'immigration, juge de la jeunesse, administrateur ad hoc).
 */
const Q = {
  ownMeans: {
    nl: 'wordt beschouwd als een persoon met eigen middelen en kan dan ook uit hoofde daarvan niet alleen blijven op het grondgebied na de drie maanden, maar kan ook meteen werken',
    fr: 'est considérée comme une personne disposant de ressources propres et peut donc non seulement rester sur le territoire après les trois mois, mais aussi travailler immédiatement',
    en: 'is considered a person with own means and may therefore not only stay on the territory after the three months but also work at once',
  },
  euInformal: {
    nl: 'Bij gebrek aan specifieke wetgeving t.a.v. slachtoffers uit de EU beschikken zij bij analogie over dezelfde bedenktijd, en zulks op informele wijze',
    fr: "En l'absence de législation spécifique pour les victimes de l'UE, celles-ci disposent par analogie du même délai de réflexion, et ce de manière informelle",
    en: 'In the absence of specific legislation on victims from the EU, they have the same reflection period by analogy, and this informally',
  },
  lossOfStatus: {
    nl: 'Het geïdentificeerde slachtoffer verliest de status van slachtoffer en daardoor zijn/haar recht op bijstand.',
    fr: "La victime identifiée perd le statut de victime et, par là, son droit à l'assistance.",
    en: 'The identified victim loses the status of victim and thereby his/her right to assistance.',
  },
  negativeDecision: {
    nl: 'Bij een negatieve beslissing ... verliest de status van slachtoffer en daardoor zijn/haar recht op bijstand.',
    fr: "En cas de décision négative ... perd le statut de victime et, par là, son droit à l'assistance.",
    en: 'In the event of a negative decision ... loses the status of victim and thereby his/her right to assistance.',
  },
  returnHome: {
    nl: 'wenst terug te keren naar zijn/haar land van herkomst',
    fr: "souhaite retourner dans son pays d'origine",
    en: 'wishes to return to his/her country of origin',
  },
  returnHomeOr: {
    nl: 'dan wel wenst terug te keren naar zijn/haar land van herkomst',
    fr: "ou bien souhaite retourner dans son pays d'origine",
    en: 'or else wishes to return to his/her country of origin',
  },
  guardianYouthJudge: {
    nl: 'een voogd door de jeugdrechter voor de handelingen van het dagelijkse leven',
    fr: 'un tuteur, désigné par le juge de la jeunesse, pour les actes de la vie quotidienne',
    en: 'a guardian, appointed by the youth judge, for the acts of everyday life',
  },
  adHocFamilyJudge: {
    nl: 'een beheerder ad hoc door de rechter voor gezinsaangelegenheden, voor de procedurele stappen',
    fr: 'un administrateur ad hoc, désigné par le juge aux affaires familiales, pour les démarches de procédure',
    en: 'an ad hoc administrator, appointed by the family judge, for the procedural steps',
  },
  identifiedByPolice: {
    nl: 'moet een slachtoffer op voorhand geïdentificeerd zijn door de gerechtelijke politie',
    fr: 'une victime doit au préalable avoir été identifiée par la police judiciaire',
    en: 'a victim must first have been identified by the judicial police',
  },
  reflection90: {
    nl: 'een bedenktijd met een geldigheidsduur van 90 dagen',
    fr: "un délai de réflexion d'une durée de validité de 90 jours",
    en: 'a reflection period valid for 90 days',
  },
  identificationCondition: {
    nl: 'De identificatie is ook een voorwaarde voor de toekenning van de bedenktijd voor de slachtoffers die van derde landen afkomstig zijn.',
    fr: "L'identification est aussi une condition de l'octroi du délai de réflexion aux victimes originaires de pays tiers.",
    en: 'Identification is also a condition for granting the reflection period to victims from third countries.',
  },
  legalStay90: {
    nl: 'gedurende 90 dagen legaal in het land te blijven',
    fr: 'de séjourner légalement dans le pays pendant 90 jours',
    en: 'to stay legally in the country for 90 days',
  },
  immigrationContactsPolice: {
    nl: 'Ook voor het verstrijken van de bedenktijd neemt de Directie Immigratie contact op met de diensten van de gerechtelijke politie',
    fr: "Avant l'expiration du délai de réflexion également, la Direction de l'immigration prend contact avec les services de la police judiciaire",
    en: 'Also before the reflection period expires, the Immigration Directorate contacts the services of the judicial police',
  },
  sixMonths: {
    nl: 'De verblijfstitel is voor een periode van 6 maanden geldig',
    fr: 'Le titre de séjour est valable pour une période de 6 mois',
    en: 'The residence permit is valid for a period of 6 months',
  },
  sixMonthsRenewable: {
    nl: 'De verblijfstitel is voor een periode van 6 maanden geldig en kan worden verlengd',
    fr: 'Le titre de séjour est valable pour une période de 6 mois et peut être renouvelé',
    en: 'The residence permit is valid for a period of 6 months and can be renewed',
  },
  thirdCountryCooperates: {
    nl: 'met dat verschil dat een slachtoffer afkomstig uit een derde land dient samen te werken met de autoriteiten en aan bepaalde voorwaarden dient te voldoen om voor een verblijfstitel na afloop van de bedenktijd in aanmerking te komen',
    fr: "à cette différence près qu'une victime originaire d'un pays tiers doit coopérer avec les autorités et remplir certaines conditions pour pouvoir obtenir un titre de séjour au terme du délai de réflexion",
    en: 'with the difference that a victim from a third country must cooperate with the authorities and meet certain conditions to qualify for a residence permit after the reflection period',
  },
  renewWhileProceedings: {
    nl: 'kan worden verlengd zo lang de gerechtelijke procedures duren en het slachtoffer zijn/haar status van slachtoffer behoudt',
    fr: 'peut être renouvelé tant que durent les procédures judiciaires et que la victime conserve son statut de victime',
    en: 'can be renewed as long as the judicial proceedings last and the victim keeps his/her status of victim',
  },
  whileProceedings: {
    nl: 'zo lang de gerechtelijke procedures duren',
    fr: 'tant que durent les procédures judiciaires',
    en: 'as long as the judicial proceedings last',
  },
  revocable: {
    nl: 'De verblijfstitel ... kan niettemin worden ingetrokken indien',
    fr: 'Le titre de séjour ... peut néanmoins être retiré si',
    en: 'The residence permit ... may nevertheless be withdrawn if',
  },
  threeYearsValid: {
    nl: 'Deze verblijfstitel is geldig gedurende een maximale duur van drie jaar',
    fr: 'Ce titre de séjour est valable pour une durée maximale de trois ans',
    en: 'This residence permit is valid for a maximum duration of three years',
  },
  personalReasons: {
    nl: 'kan het betrokken slachtoffer uit een derde land, een aanvraag stellen voor een verblijfstitel om persoonlijke redenen',
    fr: 'la victime concernée originaire d\'un pays tiers peut introduire une demande de titre de séjour pour raisons privées',
    en: 'the victim concerned from a third country may apply for a residence permit for personal reasons',
  },
  maxThreeYears: { nl: 'een maximale duur van drie jaar', fr: 'une durée maximale de trois ans', en: 'a maximum duration of three years' },
  maxThreeYearsRenewable: {
    nl: 'een maximale duur van drie jaar en kan worden verlengd',
    fr: 'une durée maximale de trois ans et peut être renouvelé',
    en: 'a maximum duration of three years and can be renewed',
  },
  renewIfStillMeets: {
    nl: 'kan worden verlengd indien, uit heronderzoek van de situatie, blijkt dat hij /zij verder aan de bijbehorende wettelijke voorwaarden voldoet',
    fr: "peut être renouvelé si un réexamen de la situation montre qu'il/elle continue de remplir les conditions légales correspondantes",
    en: 'can be renewed if a re-examination of the situation shows that he/she still meets the corresponding legal conditions',
  },
  salariedWorker: {
    nl: 'een verblijfstitel aanvragen voor loontrekkende werknemer ... artikel 42 van de wet van 29 augustus 2008',
    fr: 'demander un titre de séjour de travailleur salarié ... article 42 de la loi du 29 août 2008',
    en: 'apply for a residence permit as a salaried worker ... article 42 of the law of 29 August 2008',
  },
  notAccompanied: {
    nl: 'indien het minderjarige slachtoffer niet begeleid wordt noch de zorg heeft van een meerderjarige die voor hem/haar verantwoordelijk is',
    fr: "si la victime mineure n'est pas accompagnée ni prise en charge par un majeur qui en est responsable",
    en: 'if the minor victim is not accompanied nor in the care of an adult responsible for him/her',
  },
  assigned: {
    nl: 'dan wordt hem/haar toebedeeld: een beheerder ad hoc door de rechter voor gezinsaangelegenheden, voor de procedurele stappen, en een voogd door de jeugdrechter voor de handelingen van het dagelijkse leven',
    fr: 'il/elle se voit attribuer : un administrateur ad hoc, désigné par le juge aux affaires familiales, pour les démarches de procédure, et un tuteur, désigné par le juge de la jeunesse, pour les actes de la vie quotidienne',
    en: 'he/she is assigned: an ad hoc administrator, appointed by the family judge, for the procedural steps, and a guardian, appointed by the youth judge, for the acts of everyday life',
  },
  conflict: {
    nl: 'of indien er een belangenconflict bestaat tussen het slachtoffer en de houders van het ouderlijk gezag',
    fr: "ou s'il existe un conflit d'intérêts entre la victime et les titulaires de l'autorité parentale",
    en: 'or if there is a conflict of interest between the victim and the holders of parental authority',
  },
  doubt: {
    nl: 'of indien er onzekerheid bestaat over de leeftijd van het slachtoffer',
    fr: "ou s'il existe une incertitude sur l'âge de la victime",
    en: "or if there is uncertainty about the victim's age",
  },
  perpetrators: {
    nl: 'of indien de personen die gezag hebben over het minderjarige slachtoffer de daders zijn van de mensenhandel',
    fr: "ou si les personnes qui exercent l'autorité sur la victime mineure sont les auteurs de la traite des êtres humains",
    en: 'or if the persons who have authority over the minor victim are the perpetrators of the trafficking',
  },
  fourQuestions: {
    nl: 'dient de gerechtelijke politie in overleg met het parket de volgende vragen te beantwoorden',
    fr: 'la police judiciaire doit, en concertation avec le parquet, répondre aux questions suivantes',
    en: "the judicial police must, in consultation with the public prosecutor's office, answer the following questions",
  },
} as const satisfies Record<string, Quote>;

const EU_STAY = cite(FURTHER, Q.ownMeans);
const EU_INFORMAL = cite(REFLECTION, Q.euInformal);
const question = (n: number) => L(`question ${n}`, `vraag ${n}`, `question ${n}`);
const ground = (n: number) => L(`ground ${n}`, `grond ${n}`, `motif ${n}`);
const ESTIMATE_FROM_RENEWAL = L(
  "counted from the renewal's date: the app's estimate",
  'geteld vanaf de datum van de verlenging: een schatting van de app',
  "compté à partir de la date du renouvellement : une estimation de l'application",
);
const NOT_EU: readonly FactCondition[] = [{ fact: 'euCitizen', is: false }];

const OPEN: readonly LuPhase[] = [
  'lu.detection',
  'lu.identified',
  'lu.reflection',
  'lu.victimPermit',
  'lu.personalReasonsPermit',
  'lu.salariedWorkerPermit',
  'lu.ownMeans',
];
const NOT_CLOSED: readonly LuPhase[] = [...OPEN, 'lu.ended', 'lu.returned'];

const phases: readonly PhaseRule<LuPhase>[] = [
  {
    phase: 'lu.detection',
    id: 'lu.phase.detection',
    source: src('brochure §4 LU "Detectie van het slachtoffer"'),
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
    source: src(IDENTIFICATION),
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
    source: src(REFLECTION),
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
    source: src(PERMIT),
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
    source: src(FURTHER),
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
    source: src(WORKER_PERMIT),
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
    phase: 'lu.ownMeans',
    id: 'lu.phase.ownMeans',
    source: src(EU_STAY),
    effectiveFrom: IMMIGRATION_LAW,
    step: 3,
    terminal: false,
    label: L(
      'EU citizen staying as a person with own means',
      'EU-burger die blijft als persoon met eigen middelen',
      "Citoyen de l'UE qui reste en tant que personne disposant de ressources propres",
    ),
  },
  {
    phase: 'lu.ended',
    id: 'lu.phase.ended',
    source: src(cite(FURTHER, Q.lossOfStatus)),
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
    source: src(cite(REFLECTION, Q.returnHome)),
    effectiveFrom: IMMIGRATION_LAW,
    step: 91,
    terminal: true,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
  },
  {
    phase: 'lu.closed',
    id: 'lu.phase.closed',
    source: noted(L('Passerelle: the file is closed', 'Passerelle: het dossier is afgesloten', 'Passerelle : le dossier est clôturé')),
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
    source: src(cite(MINORS, Q.guardianYouthJudge)),
    effectiveFrom: ASSISTANCE_LAW,
    label: L('Guardian appointed (youth judge)', 'Voogd aangesteld (jeugdrechter)', 'Tuteur désigné (juge de la jeunesse)'),
    allowedIn: NOT_CLOSED,
  },
  {
    type: 'adHocAdministratorAppointed',
    id: 'lu.event.adHocAdministratorAppointed',
    source: src(cite(MINORS, Q.adHocFamilyJudge)),
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
    source: src(IDENTIFICATION, cite(BASIS, Q.identifiedByPolice)),
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
    source: src(cite(REFLECTION, Q.reflection90)),
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
        source: src(cite(IDENTIFICATION, Q.identificationCondition)),
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
        source: src(cite(REFLECTION, Q.reflection90)),
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
        source: src(cite(REFLECTION, Q.legalStay90)),
        effectiveFrom: IMMIGRATION_LAW,
        period: { days: 90 },
        acceptsDocumentExpiry: true,
        when: NOT_EU,
        activeIn: ['lu.reflection'],
      },
      {
        // EU victims get the same 90 days informally, by analogy: no document, so the date is the
        // app's estimate of the end of the informal period.
        kind: 'reflectionPeriodEnd',
        id: 'lu.reflection.informalForEu',
        source: src(EU_INFORMAL),
        effectiveFrom: IMMIGRATION_LAW,
        period: { days: 90 },
        basis: 'estimate',
        when: [{ fact: 'euCitizen', is: true }],
        activeIn: ['lu.reflection'],
      },
      {
        kind: 'preExpiryDecisionDue',
        id: 'lu.reflection.preExpiryDecision',
        source: src(cite(FURTHER, Q.immigrationContactsPolice)),
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
    source: src(cite(FURTHER, Q.negativeDecision)),
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
    source: src(cite(PERMIT, Q.sixMonths)),
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'Residence permit for victims granted (positive decision)',
      'Verblijfstitel als slachtoffer toegekend (positieve beslissing)',
      'Titre de séjour de victime accordé (décision positive)',
    ),
    allowedIn: ['lu.reflection'],
    to: 'lu.victimPermit',
    guards: [
      {
        kind: 'requiresFact',
        condition: { fact: 'euCitizen', is: false },
        id: 'lu.victimPermit.notForEuCitizens',
        source: src(cite(BASIS, Q.thirdCountryCooperates), EU_STAY),
        effectiveFrom: IMMIGRATION_LAW,
        refusal: L(
          'an EU citizen receives no residence permit for victims: after the three months they stay, and may work, as a person with own means',
          'een EU-burger krijgt geen verblijfstitel als slachtoffer: na de drie maanden blijft hij/zij, en mag hij/zij werken, als persoon met eigen middelen',
          "un citoyen de l'UE ne reçoit pas de titre de séjour de victime : après les trois mois, il reste, et peut travailler, en tant que personne disposant de ressources propres",
        ),
      },
    ],
    closes: ['preExpiryDecisionDue'],
    opens: [
      {
        kind: 'residencePermitExpiry',
        id: 'lu.victimPermit.duration',
        source: src(cite(PERMIT, Q.sixMonths)),
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
    source: src(cite(PERMIT, Q.renewWhileProceedings)),
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
        source: src(cite(PERMIT, Q.whileProceedings)),
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
        source: noted(ESTIMATE_FROM_RENEWAL, cite(PERMIT, Q.sixMonthsRenewable)),
        effectiveFrom: IMMIGRATION_LAW,
        period: { months: 6 },
        basis: 'estimate',
        renewal: true,
        acceptsDocumentExpiry: true,
        activeIn: ['lu.victimPermit'],
      },
    ],
  },
  {
    type: 'proceedingsEnded',
    id: 'lu.event.proceedingsEnded',
    source: src(PERMIT),
    effectiveFrom: IMMIGRATION_LAW,
    label: L('Judicial proceedings ended', 'Gerechtelijke procedures afgelopen', 'Procédures judiciaires terminées'),
    allowedIn: ['lu.victimPermit'],
    guards: [
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['proceedingsEnded'],
        id: 'lu.proceedings.endedOnce',
        source: src(PERMIT),
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
    source: src(cite(FURTHER, Q.revocable)),
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
    source: src(cite(FURTHER, Q.threeYearsValid)),
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
        source: src(cite(FURTHER, Q.personalReasons)),
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
        source: src(cite(FURTHER, Q.maxThreeYears)),
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
    source: src(cite(FURTHER, Q.renewIfStillMeets)),
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
        source: noted(
          L(
            "counted from the renewal's date, never past it plus three years: the app's estimate",
            'geteld vanaf de datum van de verlenging, nooit later dan die datum plus drie jaar: een schatting van de app',
            "compté à partir de la date du renouvellement, jamais au-delà de cette date plus trois ans : une estimation de l'application",
          ),
          cite(FURTHER, Q.maxThreeYearsRenewable),
        ),
        effectiveFrom: IMMIGRATION_LAW,
        period: { years: 3 },
        periodIsMaximum: true,
        basis: 'estimate',
        renewal: true,
        acceptsDocumentExpiry: true,
        activeIn: ['lu.personalReasonsPermit'],
      },
    ],
  },
  {
    type: 'salariedWorkerPermitGranted',
    id: 'lu.event.salariedWorkerPermitGranted',
    source: src(cite(FURTHER, Q.salariedWorker)),
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
        source: noted(
          L(
            'the brochure gives no term: only an entered document expiry gives a date',
            'de brochure geeft geen termijn: alleen een ingevoerde vervaldatum van het document geeft een datum',
            "la brochure ne donne pas de délai : seule une date d'expiration saisie depuis le document donne une date",
          ),
          WORKER_PERMIT,
        ),
        effectiveFrom: IMMIGRATION_LAW,
        acceptsDocumentExpiry: true,
        activeIn: ['lu.salariedWorkerPermit'],
      },
    ],
  },
  {
    type: 'stayWithOwnMeans',
    id: 'lu.event.stayWithOwnMeans',
    source: src(EU_STAY),
    effectiveFrom: IMMIGRATION_LAW,
    label: L(
      'EU citizen: stays after the reflection period as a person with own means',
      'EU-burger: blijft na de bedenktijd als persoon met eigen middelen',
      "Citoyen de l'UE : reste après le délai de réflexion en tant que personne disposant de ressources propres",
    ),
    allowedIn: ['lu.detection', 'lu.identified', 'lu.reflection'],
    to: 'lu.ownMeans',
    closes: ['reflectionPeriodEnd'],
    guards: [
      {
        kind: 'requiresFact',
        condition: { fact: 'euCitizen', is: true },
        id: 'lu.ownMeans.euCitizensOnly',
        source: src(EU_STAY),
        effectiveFrom: IMMIGRATION_LAW,
        refusal: L(
          'staying as a person with own means is the position of an EU victim; a victim from a third country needs a residence permit',
          'blijven als persoon met eigen middelen is de positie van een EU-slachtoffer; een slachtoffer uit een derde land heeft een verblijfstitel nodig',
          "rester en tant que personne disposant de ressources propres est la situation d'une victime de l'UE ; une victime d'un pays tiers a besoin d'un titre de séjour",
        ),
      },
    ],
  },
  {
    type: 'voluntaryReturn',
    id: 'lu.event.voluntaryReturn',
    source: src(cite(REFLECTION, Q.returnHomeOr)),
    effectiveFrom: IMMIGRATION_LAW,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
    allowedIn: [...OPEN, 'lu.ended'],
    to: 'lu.returned',
  },
  {
    type: 'closed',
    id: 'lu.event.closed',
    source: noted(
      L(
        'Passerelle: closing the file is possible at any time',
        'Passerelle: het dossier kan op elk moment worden afgesloten',
        'Passerelle : le dossier peut être clôturé à tout moment',
      ),
    ),
    effectiveFrom: IMMIGRATION_LAW,
    label: L('File closed', 'Dossier afgesloten', 'Dossier clôturé'),
    allowedIn: NOT_CLOSED,
    to: 'lu.closed',
  },
];

const REPRESENTATION = src(cite(MINORS, Q.notAccompanied, Q.assigned));
const CONFLICT = src(cite(MINORS, Q.conflict));
const DOUBT = src(cite(MINORS, Q.doubt));
const PERPETRATORS = src(cite(MINORS, Q.perpetrators));

/** The brochure's four triggers for a guardian and an ad hoc administrator, each a notice rule. */
const TRIGGERS: readonly { key: string; source: Source; when: readonly FactCondition[] }[] = [
  { key: 'unaccompanied', source: REPRESENTATION, when: [{ fact: 'unaccompaniedMinor', is: true }] },
  { key: 'parentalConflict', source: CONFLICT, when: [{ fact: 'presumedMinor', is: true }, { fact: 'parentalConflict', is: true }] },
  { key: 'ageInDoubt', source: DOUBT, when: [{ fact: 'ageInDoubt', is: true }] },
  { key: 'parentsArePerpetrators', source: PERPETRATORS, when: [{ fact: 'presumedMinor', is: true }, { fact: 'parentsArePerpetrators', is: true }] },
];

const notices: NoticeRule<LuEventType, LuPhase>[] = [
  ...TRIGGERS.flatMap((t): NoticeRule<LuEventType, LuPhase>[] => [
    {
      code: 'guardianRequired',
      id: `lu.notice.guardian.${t.key}`,
      source: t.source,
      effectiveFrom: ASSISTANCE_LAW,
      when: t.when,
      unlessEvent: ['guardianAppointed'],
      activeIn: OPEN,
      label: L('Appoint a guardian (youth judge)', 'Voogd aanstellen (jeugdrechter)', 'Désigner un tuteur (juge de la jeunesse)'),
      message: L(
        'A minor victim in this situation gets a guardian (youth judge) for everyday acts: record the appointment.',
        'Een minderjarig slachtoffer in deze situatie krijgt een voogd (jeugdrechter) voor de handelingen van het dagelijkse leven: registreer de aanstelling.',
        'Une victime mineure dans cette situation reçoit un tuteur (juge de la jeunesse) pour les actes de la vie quotidienne : enregistrez la désignation.',
      ),
    },
    {
      code: 'adHocAdministratorRequired',
      id: `lu.notice.adHoc.${t.key}`,
      source: t.source,
      effectiveFrom: ASSISTANCE_LAW,
      when: t.when,
      unlessEvent: ['adHocAdministratorAppointed'],
      activeIn: OPEN,
      label: L(
        'Appoint an ad hoc administrator (family judge)',
        'Beheerder ad hoc aanstellen (rechter voor gezinsaangelegenheden)',
        'Désigner un administrateur ad hoc (juge aux affaires familiales)',
      ),
    },
  ]),
  {
    code: 'residencePosition',
    id: 'lu.notice.position.euCitizen',
    source: src(EU_INFORMAL, EU_STAY),
    effectiveFrom: IMMIGRATION_LAW,
    when: [{ fact: 'euCitizen', is: true }],
    unlessEvent: [],
    activeIn: OPEN,
    label: L('Position of an EU victim', 'Positie van een EU-slachtoffer', "Situation d'une victime de l'UE"),
    message: L(
      'An EU victim gets the same 90 days informally, by analogy, and the same assistance; no residence permit for victims: after the three months they may stay and work as a person with own means.',
      'Een EU-slachtoffer krijgt bij analogie op informele wijze dezelfde 90 dagen en dezelfde bijstand; geen verblijfstitel als slachtoffer: na de drie maanden mag hij/zij blijven en werken als persoon met eigen middelen.',
      "Une victime de l'UE bénéficie des mêmes 90 jours, de manière informelle, par analogie, et de la même assistance ; pas de titre de séjour de victime : après les trois mois, elle peut rester et travailler en tant que personne disposant de ressources propres.",
    ),
  },
];

const phaseInfo: readonly PhaseInfo<LuPhase>[] = [
  {
    kind: 'right',
    id: 'lu.info.assistanceForAll',
    source: src(INFO),
    effectiveFrom: ASSISTANCE_LAW,
    activeIn: OPEN,
    label: L(
      'Help, assistance and protection, whatever the country of origin (Luxembourg, another EU state or a third country)',
      'Hulp, bijstand en bescherming, ongeacht het land van herkomst (Luxemburg, een andere EU-lidstaat of een derde land)',
      "Aide, assistance et protection, quel que soit le pays d'origine (Luxembourg, autre État de l'UE ou pays tiers)",
    ),
    quote: {
      nl: 'Alle slachtoffers van mensenhandel, volwassenen en minderjarigen, hebben ongeacht hun land van herkomst',
      en: 'All victims of trafficking, adults and minors, whatever their country of origin, have the right to help, assistance and protection',
      fr: "Toutes les victimes de la traite, majeures et mineures, quel que soit leur pays d'origine, ont droit à l'aide, à l'assistance et à la protection",
    },
  },
  {
    kind: 'mustInform',
    id: 'lu.info.policeInformsServices',
    source: src(INFO),
    effectiveFrom: ASSISTANCE_LAW,
    activeIn: ['lu.identified', 'lu.reflection'],
    label: L(
      'The police inform SAVTEH/COTEH of an identified victim (they then contact the victim as soon as possible)',
      'De politie informeert SAVTEH/COTEH over een geïdentificeerd slachtoffer (zij nemen zo spoedig mogelijk contact op)',
      "La police informe le SAVTEH/COTEH d'une victime identifiée (ils prennent contact au plus vite)",
    ),
    quote: {
      nl: 'de diensten worden eveneens geïnformeerd over het bestaan van een geïdentificeerd slachtoffer en nemen zo spoedig mogelijk contact op met het slachtoffer',
      en: 'the services are also informed of the existence of an identified victim and contact the victim as soon as possible',
      fr: "les services sont également informés de l'existence d'une victime identifiée et prennent contact avec elle dès que possible",
    },
  },
  {
    kind: 'mustInform',
    id: 'lu.info.policeInformsProsecutorAndImmigration',
    source: src(INFO),
    effectiveFrom: ASSISTANCE_LAW,
    activeIn: ['lu.identified', 'lu.reflection'],
    label: L(
      'The police inform the public prosecutor and the Immigration Directorate of an identified victim',
      'De politie brengt het OM en de Directie Immigratie op de hoogte van een geïdentificeerd slachtoffer',
      "La police informe le parquet et la Direction de l'immigration d'une victime identifiée",
    ),
    quote: {
      nl: 'De politie brengt tevens het OM en de diensten voor Immigratie op de hoogte van de aanwezigheid van een geïdentificeerd slachtoffer.',
      en: 'The police also inform the public prosecutor and the immigration services of the presence of an identified victim.',
      fr: "La police informe également le ministère public et les services de l'immigration de la présence d'une victime identifiée.",
    },
  },
  {
    kind: 'mustInform',
    id: 'lu.info.minorReportedToPolice',
    source: src(MINORS),
    effectiveFrom: ASSISTANCE_LAW,
    activeIn: ['lu.detection'],
    when: [{ fact: 'presumedMinor', is: true }],
    label: L(
      'Report the minor victim to the police (obligatory for anyone who detects one, SAVTEH and COTEH included)',
      'Het minderjarige slachtoffer verplicht melden bij de politie (voor iedereen die het detecteert, ook SAVTEH en COTEH)',
      "Signaler obligatoirement la victime mineure à la police (pour toute personne qui la détecte, SAVTEH et COTEH compris)",
    ),
    quote: {
      nl: 'Elkeen of elke instelling die een minderjarig slachtoffer detecteert, met inbegrip van de bijstandsdiensten SAVTEH en COTEH, moet de politiediensten daarvan verplicht op de hoogte brengen',
      en: 'Anyone or any institution that detects a minor victim, including the assistance services SAVTEH and COTEH, must inform the police of it',
      fr: "Toute personne ou institution qui détecte une victime mineure, y compris les services d'assistance SAVTEH et COTEH, doit obligatoirement en informer la police",
    },
  },
  {
    kind: 'mustInform',
    id: 'lu.info.youthProsecutorInformed',
    source: src(MINORS),
    effectiveFrom: ASSISTANCE_LAW,
    activeIn: ['lu.identified', 'lu.reflection'],
    when: [{ fact: 'presumedMinor', is: true }],
    label: L(
      'The judicial police inform the youth-protection prosecutor that a minor victim was found and identified',
      'De gerechtelijke politie informeert het parket Jeugdbescherming dat een minderjarig slachtoffer werd aangetroffen en geïdentificeerd',
      "La police judiciaire informe le parquet de la protection de la jeunesse qu'une victime mineure a été trouvée et identifiée",
    ),
    quote: {
      nl: 'De gerechtelijke politie informeert het parket Jeugdbescherming dat een minderjarig slachtoffer werd aangetroffen en geïdentificeerd.',
      en: 'The judicial police inform the youth-protection prosecutor that a minor victim was found and identified.',
      fr: "La police judiciaire informe le parquet de la protection de la jeunesse qu'une victime mineure a été trouvée et identifiée.",
    },
  },
  {
    kind: 'right',
    id: 'lu.info.minorSchooling',
    source: src(MINORS),
    effectiveFrom: ASSISTANCE_LAW,
    activeIn: OPEN,
    when: [{ fact: 'presumedMinor', is: true }],
    label: L(
      'A minor: immediate assistance and shelter once detected; identification opens the right to assistance and to schooling',
      'Een minderjarige: onmiddellijk bijstand en onderdak zodra gedetecteerd; de identificatie geeft recht op bijstand en toegang tot het onderwijs',
      "Un mineur : assistance et hébergement immédiats dès la détection ; l'identification ouvre le droit à l'assistance et à la scolarité",
    ),
    quote: {
      nl: 'Door de identificatie ontstaat het recht op bijstand en toegang tot het onderwijssysteem.',
      en: 'Identification gives rise to the right to assistance and access to the education system.',
      fr: "L'identification fait naître le droit à l'assistance et l'accès au système éducatif.",
    },
  },
  {
    kind: 'mustInform',
    id: 'lu.info.preExpiryConsultation',
    source: src(FURTHER),
    effectiveFrom: IMMIGRATION_LAW,
    activeIn: ['lu.reflection'],
    when: NOT_EU,
    label: L(
      'Before the reflection period ends, the Immigration Directorate consults the judicial police, who answer the four questions with the prosecutor',
      'Vóór het einde van de bedenktijd neemt de Directie Immigratie contact op met de gerechtelijke politie, die de vier vragen in overleg met het parket beantwoordt',
      "Avant la fin du délai de réflexion, la Direction de l'immigration consulte la police judiciaire, qui répond aux quatre questions avec le parquet",
    ),
    quote: {
      nl: 'Ook voor het verstrijken van de bedenktijd neemt de Directie Immigratie contact op met de diensten van de gerechtelijke politie',
      en: 'Before the reflection period expires, the Immigration Directorate also contacts the judicial police services',
      fr: "Avant l'expiration du délai de réflexion, la Direction de l'immigration prend aussi contact avec les services de la police judiciaire",
    },
  },
  {
    kind: 'right',
    id: 'lu.info.noRemovalDuringReflection',
    source: src(REFLECTION),
    effectiveFrom: IMMIGRATION_LAW,
    activeIn: ['lu.reflection'],
    when: NOT_EU,
    label: L(
      'Certificate of postponement of removal: 90 days of lawful stay; no removal (and no leaving the territory) during that time',
      'Bewijs van opschorting van de verwijdering: 90 dagen legaal verblijf; geen verwijdering (en het grondgebied niet verlaten) in die tijd',
      "Certificat de sursis à l'éloignement : 90 jours de séjour légal ; pas d'éloignement (ni de sortie du territoire) pendant ce temps",
    ),
    quote: {
      nl: 'Tijdens die termijn mag het slachtoffer niet van het Luxemburgse grondgebied worden verwijderd en mag hij/zij trouwens evenmin dit grondgebied verlaten.',
      en: 'During that period the victim may not be removed from Luxembourg territory, nor may they leave it.',
      fr: 'Pendant ce délai, la victime ne peut être éloignée du territoire luxembourgeois et ne peut pas non plus le quitter.',
    },
  },
  {
    kind: 'right',
    id: 'lu.info.assistanceContinues',
    source: src(FURTHER),
    effectiveFrom: IMMIGRATION_LAW,
    activeIn: ['lu.victimPermit'],
    label: L(
      'The assistance received during the reflection period continues while the permit runs',
      'De bijstand uit de bedenktijd loopt door zolang de verblijfstitel loopt',
      "L'assistance reçue pendant le délai de réflexion continue tant que le titre court",
    ),
    quote: {
      nl: 'blijft hij/zij aanspraak maken op de bijstand en de hulp die hij/zij tijdens de bedenktijd kreeg',
      en: 'they remain entitled to the assistance and help received during the reflection period',
      fr: "elle conserve le droit à l'assistance et à l'aide reçues pendant le délai de réflexion",
    },
  },
  {
    kind: 'right',
    id: 'lu.info.labourMarket',
    source: src(FURTHER),
    effectiveFrom: IMMIGRATION_LAW,
    activeIn: ['lu.victimPermit'],
    when: NOT_EU,
    label: L(
      'Access to the labour market and a work permit, with the professional qualifications and a future employment contract for a vacancy known to the employment administration',
      'Toegang tot de arbeidsmarkt en een arbeidsvergunning, met de beroepskwalificaties en een toekomstige arbeidsovereenkomst voor een bij de administratie voor werkgelegenheid bekende vacature',
      "Accès au marché du travail et permis de travail, avec les qualifications professionnelles et un futur contrat de travail pour un poste vacant connu de l'administration de l'emploi",
    ),
    quote: {
      nl: 'De verblijfstitel kan toegang geven tot de arbeidsmarkt en een arbeidsvergunning voor het slachtoffer van een derde land indien hij/zij over de beroepskwalificaties beschikt',
      en: 'The residence permit may give the third-country victim access to the labour market and a work permit if they have the professional qualifications',
      fr: "Le titre de séjour peut donner à la victime d'un pays tiers accès au marché du travail et un permis de travail si elle dispose des qualifications professionnelles",
    },
  },
  {
    kind: 'right',
    id: 'lu.info.euStayAndWork',
    source: src(EU_STAY),
    effectiveFrom: IMMIGRATION_LAW,
    activeIn: ['lu.reflection', 'lu.ownMeans'],
    when: [{ fact: 'euCitizen', is: true }],
    label: L(
      'EU victim: a person with own means, who may stay after the three months and work at once',
      'EU-slachtoffer: persoon met eigen middelen, mag na de drie maanden blijven en meteen werken',
      "Victime de l'UE : personne disposant de ressources propres, qui peut rester après les trois mois et travailler immédiatement",
    ),
    quote: {
      nl: 'wordt beschouwd als een persoon met eigen middelen en kan dan ook uit hoofde daarvan niet alleen blijven op het grondgebied na de drie maanden, maar kan ook meteen werken',
      en: 'is considered a person with own means and may therefore not only stay on the territory after the three months but also work at once',
      fr: "est considérée comme une personne disposant de ressources propres et peut donc non seulement rester sur le territoire après les trois mois, mais aussi travailler immédiatement",
    },
  },
  {
    kind: 'mustInform',
    id: 'lu.info.negativeDecisionAllParties',
    source: src(FURTHER),
    effectiveFrom: IMMIGRATION_LAW,
    activeIn: ['lu.ended'],
    label: L(
      'After a negative decision the judicial police inform all parties involved',
      'Na een negatieve beslissing brengt de gerechtelijke politie alle betrokken partijen op de hoogte',
      'Après une décision négative, la police judiciaire informe toutes les parties concernées',
    ),
    quote: {
      nl: 'Bij een negatieve beslissing worden alle betrokken partijen daarvan op de hoogte gesteld door de gerechtelijke politie.',
      en: 'In the event of a negative decision all parties involved are informed by the judicial police.',
      fr: 'En cas de décision négative, toutes les parties concernées en sont informées par la police judiciaire.',
    },
  },
];

const checklists: readonly Checklist<LuPhase>[] = [
  {
    id: 'lu.preExpiryQuestions',
    source: src(cite(FURTHER, Q.fourQuestions)),
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
        source: noted(question(1), FURTHER),
        label: L(
          'Has the victim filed a complaint or made statements about the suspected persons or networks?',
          'Heeft het slachtoffer klacht ingediend dan wel verklaringen afgelegd omtrent de vermoedelijk schuldige personen of netwerken?',
          'La victime a-t-elle déposé plainte ou fait des déclarations concernant les personnes ou réseaux présumés coupables ?',
        ),
      },
      {
        id: 'lu.preExpiry.presenceNecessary',
        source: noted(question(2), FURTHER),
        label: L(
          "Or is the victim's physical presence necessary for the investigation or the proceedings?",
          'Of is de fysieke aanwezigheid van het slachtoffer noodzakelijk voor het onderzoek of de procedure?',
          "Ou la présence physique de la victime est-elle nécessaire à l'enquête ou à la procédure ?",
        ),
      },
      {
        id: 'lu.preExpiry.tiesBroken',
        source: noted(question(3), FURTHER),
        label: L(
          'Has the victim broken all ties with the suspected perpetrators of the offence?',
          'Heeft het slachtoffer elke band verbroken met de vermoedelijke daders van het misdrijf?',
          "La victime a-t-elle rompu tout lien avec les auteurs présumés de l'infraction ?",
        ),
      },
      {
        id: 'lu.preExpiry.danger',
        source: noted(question(4), FURTHER),
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
    source: src(cite(FURTHER, Q.revocable)),
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
        source: noted(ground(1), FURTHER),
        label: L(
          'The victim has actively, voluntarily and on their own initiative renewed ties with the suspected perpetrators',
          'Het slachtoffer heeft actief, vrijwillig en op eigen initiatief weer banden aangeknoopt met de vermoedelijke daders van het misdrijf',
          "La victime a activement, volontairement et de sa propre initiative renoué des liens avec les auteurs présumés de l'infraction",
        ),
      },
      {
        id: 'lu.revocation.noLongerCooperating',
        source: noted(ground(2), FURTHER),
        label: L('The victim no longer cooperates', 'Het slachtoffer werkt niet langer mee', 'La victime ne coopère plus'),
      },
      {
        id: 'lu.revocation.prosecutionDiscontinued',
        source: noted(ground(3), FURTHER),
        label: L(
          'The judicial authorities decide to discontinue the prosecution of the suspected traffickers',
          'De justitiële instanties besluiten de strafvervolging tegen de vermoedelijke mensenhandelaars te stuiten',
          'Les autorités judiciaires décident de mettre fin aux poursuites contre les trafiquants présumés',
        ),
      },
      {
        id: 'lu.revocation.fraudulentOrUnfounded',
        source: noted(ground(4), FURTHER),
        label: L(
          "The victim's cooperation or complaint is found to be fraudulent or unfounded",
          'Er wordt geconstateerd dat de medewerking van het slachtoffer of de klacht van het slachtoffer bedrieglijk dan wel niet gegrond is',
          'Il est constaté que la coopération ou la plainte de la victime est frauduleuse ou non fondée',
        ),
      },
      {
        id: 'lu.revocation.publicOrder',
        source: noted(ground(5), FURTHER),
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
  phaseInfo,
  presumptionOfMinority: {
    isLaw: true,
    source: src(cite(MINORS, PRESUMPTION_OF_MINORITY_QUOTE)),
  },
};
