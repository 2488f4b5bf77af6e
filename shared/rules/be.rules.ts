/**
 * Belgium: the national referral mechanism for victims of trafficking (domain.md §4 BE).
 *
 * Transcribed from the Benelux brochure of March 2021, §4 "België" (sections "Basis",
 * "Reflectieperiode", "Verdere afhandeling en verblijfsvergunning", "Specifieke elementen/maatregelen
 * inzake niet-begeleide minderjarige vreemdelingen (NBMV)"), which rests on the law of 15 September 2006 (Vreemdelingenwet of 15 December 1980,
 * art. 61/2 to 61/5) and the circular of 23 December 2016. Where domain.md and the brochure
 * disagree, the brochure wins.
 *
 * effectiveFrom: the date of the law the brochure names (15 September 2006). The brochure gives no
 * entry-into-force date per provision; a later change is a new rule version with its own date.
 */
import { toCalendarDate } from '../dates/calendar-date';
import { L } from './common.rules';
import type { Checklist, CountryRules, EventRule, Guard, NoticeRule, PhaseInfo, PhaseRule, Quote } from './rule.types';
import { cite, noted, src } from './source';

/** Event types in procedural order (also the tie order for events of the same day). */
export const BE_EVENT_TYPES = [
  'guardianAppointed',
  'annex15Issued',
  'reflectionExtended',
  'statementMade',
  'aiIssued',
  'aiRenewed',
  'evaluationPositive',
  'evaluationNegative',
  'bivrIssued',
  'bivrRenewed',
  'firstInstanceJudgment',
  'indefiniteResidenceGranted',
  'noCooperation',
  'reflectionEndedWithoutStatement',
  'victimStatusEnded',
  'voluntaryReturn',
  'closed',
] as const;
export type BeEventType = (typeof BE_EVENT_TYPES)[number];

export const BE_PHASES = [
  'be.detection',
  'be.reflection',
  'be.attestation',
  'be.registration',
  'be.indefinite',
  'be.ended',
  'be.returned',
  'be.closed',
] as const;
export type BePhase = (typeof BE_PHASES)[number];

const FROM = toCalendarDate('2006-09-15');
const BASIS = 'brochure §4 BE "Basis"; Vreemdelingenwet art. 61/2-61/5; omzendbrief van 23.12.2016';
const REFLECTION = 'brochure §4 BE "Reflectieperiode"';
const FURTHER = 'brochure §4 BE "Verdere afhandeling en verblijfsvergunning"';
const MINORS = 'brochure §4 BE "Specifieke elementen/maatregelen inzake niet-begeleide minderjarige vreemdelingen (NBMV)"';
const INFO = 'brochure §4 BE "Informatie voor en bijstand van het slachtoffer"';
const CLOSING = `${FURTHER}, "Afsluiten van de procedure"`;

/**
 * The brochure's sentences these rules rest on (§4 "België"), Dutch as printed, with translations in the
 * terms the Belgian administration uses in French (attestation d'immatriculation, annexe 15, Office des
 * étrangers, CIRE, CPAS, MENA) and their usual English renderings.
 */
const Q = {
  notExtendable: {
    nl: 'Deze reflectieperiode kan niet worden verlengd.',
    fr: 'Cette période de réflexion ne peut pas être prolongée.',
    en: 'This reflection period cannot be extended.',
  },
  guardian: {
    nl: 'Elke NBMV krijgt een voogd toegewezen.',
    fr: 'Chaque MENA se voit désigner un tuteur.',
    en: 'Every unaccompanied foreign minor (NBMV) is assigned a guardian.',
  },
  duration45: { nl: 'Duur: 45 dagen', fr: 'Durée : 45 jours', en: 'Duration: 45 days' },
  annex15Term: { nl: 'met een termijn van 45 dagen', fr: 'avec un délai de 45 jours', en: 'with a term of 45 days' },
  decideByEnd: {
    nl: 'Aan deze voorwaarde dient ten laatste aan het einde van de reflectieperiode voldaan te worden.',
    fr: 'Cette condition doit être remplie au plus tard à la fin de la période de réflexion.',
    en: 'This condition must be met at the latest by the end of the reflection period.',
  },
  decideByEndThenNext: {
    nl: 'Aan deze voorwaarde dient ten laatste aan het einde van de reflectieperiode voldaan te worden. Daarna wordt direct overgegaan naar de volgende fase.',
    fr: 'Cette condition doit être remplie au plus tard à la fin de la période de réflexion. On passe ensuite directement à la phase suivante.',
    en: 'This condition must be met at the latest by the end of the reflection period. The procedure then moves directly to the next phase.',
  },
  noCooperation: {
    nl: 'Geen wil tot samenwerking met bevoegde overheden.',
    fr: 'Pas de volonté de coopérer avec les autorités compétentes.',
    en: 'No willingness to cooperate with the competent authorities.',
  },
  noCooperationOcmw: {
    nl: 'Geen wil tot samenwerking met bevoegde overheden. Er is de mogelijkheid tot het ontvangen van sociale steun via het OCMW',
    fr: "Pas de volonté de coopérer avec les autorités compétentes. Il est possible de recevoir une aide sociale par l'intermédiaire du CPAS",
    en: 'No willingness to cooperate with the competent authorities. There is the possibility of receiving social support through the OCMW',
  },
  aiByImmigrationOffice: {
    nl: 'Afgifte attest van immatriculatie voor max. 3 maanden door de Dienst Vreemdelingenzaken',
    fr: "Délivrance d'une attestation d'immatriculation pour 3 mois max. par l'Office des étrangers",
    en: 'Issue of an attestation of immatriculation for max. 3 months by the Immigration Office',
  },
  aiThreeMonths: {
    nl: 'Afgifte attest van immatriculatie voor max. 3 maanden',
    fr: "Délivrance d'une attestation d'immatriculation pour 3 mois max.",
    en: 'Issue of an attestation of immatriculation for max. 3 months',
  },
  maxThreeMonths: { nl: 'max. 3 maanden', fr: '3 mois max.', en: 'max. 3 months' },
  validThreeMonthsAtMost: { nl: 'maximum drie maanden geldig', fr: 'valable trois mois maximum', en: 'valid for three months at most' },
  renewableOnce: { nl: 'eenmalig hernieuwbaar', fr: 'renouvelable une seule fois', en: 'renewable once' },
  renewableOnceMinor: { nl: 'eenmaal hernieuwbaar', fr: 'renouvelable une fois', en: 'renewable one time' },
  renewableOnceThreeMonths: {
    nl: 'eenmalig hernieuwbaar voor een maximumperiode van 3 maanden',
    fr: 'renouvelable une seule fois pour une période maximale de 3 mois',
    en: 'renewable once for a maximum period of 3 months',
  },
  magistrateEvaluates: {
    nl: 'Voor het verstrijken van deze periode evalueert de magistraat',
    fr: "Avant l'expiration de cette période, le magistrat évalue",
    en: 'Before this period expires, the magistrate evaluates',
  },
  stillMeetsConditions: {
    nl: 'of de persoon nog voldoet aan volgende voorwaarden',
    fr: 'si la personne remplit encore les conditions suivantes',
    en: 'whether the person still meets the following conditions',
  },
  afterPositiveEvaluation: {
    nl: 'Na een positieve evaluatie van deze voorwaarden volgt de afgifte van het bewijs van inschrijving in het vreemdelingenregister',
    fr: "Après une évaluation positive de ces conditions suit la délivrance du certificat d'inscription au registre des étrangers",
    en: 'After a positive evaluation of these conditions, the certificate of registration in the foreigners register is issued',
  },
  bivrWhich: {
    nl: 'het bewijs van inschrijving in het vreemdelingenregister, dat',
    fr: "le certificat d'inscription au registre des étrangers, qui",
    en: 'the certificate of registration in the foreigners register, which',
  },
  sixMonths: { nl: 'zes maand geldt', fr: 'est valable six mois', en: 'is valid for six months' },
  sixMonthsRenewed: {
    nl: 'zes maand geldt en telkens hernieuwd wordt',
    fr: 'est valable six mois et est renouvelé à chaque fois',
    en: 'is valid for six months and is renewed each time',
  },
  untilJudgment: {
    nl: 'telkens hernieuwd wordt tot het moment waarop de rechtbank het vonnis in eerste aanleg velt',
    fr: "est renouvelé à chaque fois jusqu'au moment où le tribunal rend son jugement en première instance",
    en: 'is renewed each time until the moment the court delivers its judgment at first instance',
  },
  noLongerVictim: {
    nl: 'kan de magistraat op elk moment zelfstandig beslissen dat het slachtoffer niet meer als dusdanig wordt beschouwd',
    fr: "le magistrat peut à tout moment décider de manière autonome que la victime n'est plus considérée comme telle",
    en: 'the magistrate may at any moment decide independently that the victim is no longer considered as such',
  },
  voluntaryReturn: {
    nl: 'Hier kan het slachtoffer ook kiezen voor een vrijwillige terugkeer',
    fr: 'Ici, la victime peut aussi opter pour un retour volontaire',
    en: 'Here the victim may also choose a voluntary return',
  },
  minorAiReceives: {
    nl: 'de NBMV [ontvangt] tijdens de reflectieperiode onmiddellijk een attest van immatriculatie',
    fr: "le MENA [reçoit] immédiatement une attestation d'immatriculation pendant la période de réflexion",
    en: 'the unaccompanied foreign minor (NBMV) [receives] an attestation of immatriculation immediately during the reflection period',
  },
  minorAiAtOnce: {
    nl: 'tijdens de reflectieperiode onmiddellijk een attest van immatriculatie',
    fr: "immédiatement une attestation d'immatriculation pendant la période de réflexion",
    en: 'an attestation of immatriculation immediately during the reflection period',
  },
  euVictims: {
    nl: 'Het Belgische verwijzingsmechanisme werd oorspronkelijk opgezet voor slachtoffers van mensenhandel die van vreemde origine zijn (niet- EU). Dit neemt niet weg dat sommige aspecten van dit mechanisme ook kunnen worden aangewend voor Belgische en EU-slachtoffers.',
    fr: "Le mécanisme d'orientation belge a été conçu à l'origine pour les victimes de la traite des êtres humains d'origine étrangère (hors UE). Cela n'empêche pas que certains aspects de ce mécanisme puissent aussi être utilisés pour les victimes belges et de l'UE.",
    en: 'The Belgian referral mechanism was originally set up for victims of trafficking in human beings of foreign origin (non-EU). This does not mean that some aspects of this mechanism cannot also be used for Belgian and EU victims.',
  },
  threeConditions: {
    nl: 'Drie cumulatieve voorwaarden voor deze opstart',
    fr: 'Trois conditions cumulatives pour ce démarrage',
    en: 'Three cumulative conditions for starting it',
  },
} as const satisfies Record<string, Quote>;

const point = (n: number) => L(`point ${n}`, `punt ${n}`, `point ${n}`);
const condition = (n: number) => L(`condition ${n}`, `voorwaarde ${n}`, `condition ${n}`);
const ESTIMATE_FROM_RENEWAL = L(
  "counted from the renewal's date: the app's estimate",
  'geteld vanaf de datum van de hernieuwing: een schatting van de app',
  "compté à partir de la date du renouvellement : une estimation de l'application",
);

const OPEN: readonly BePhase[] = ['be.detection', 'be.reflection', 'be.attestation', 'be.registration', 'be.indefinite'];
const NOT_CLOSED: readonly BePhase[] = [...OPEN, 'be.ended', 'be.returned'];

type G = Guard<BeEventType, BePhase>;

const notExtendable = {
  id: 'be.reflection.notExtendable',
  source: src(cite(REFLECTION, Q.notExtendable)),
  effectiveFrom: FROM,
  refusal: L(
    'the Belgian reflection period (annex 15) cannot be extended or granted again',
    'de reflectieperiode (bijlage 15) kan niet worden verlengd of opnieuw toegekend',
    "la période de réflexion (annexe 15) ne peut être prolongée ni accordée à nouveau",
  ),
} as const;

const phases: readonly PhaseRule<BePhase>[] = [
  {
    phase: 'be.detection',
    id: 'be.phase.detection',
    source: src('brochure §4 BE "Detectie van het slachtoffer"'),
    effectiveFrom: FROM,
    step: 0,
    terminal: false,
    label: L('Detection, before the reflection period', 'Detectie, vóór de reflectieperiode', 'Détection, avant la période de réflexion'),
  },
  {
    phase: 'be.reflection',
    id: 'be.phase.reflection',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    step: 1,
    terminal: false,
    label: L('Phase 1: reflection period (annex 15)', 'Fase 1: reflectieperiode (bijlage 15)', 'Phase 1 : période de réflexion (annexe 15)'),
  },
  {
    phase: 'be.attestation',
    id: 'be.phase.attestation',
    source: src(FURTHER),
    effectiveFrom: FROM,
    step: 2,
    terminal: false,
    label: L(
      'Phase 2: attestation of immatriculation',
      'Fase 2: attest van immatriculatie',
      "Phase 2 : attestation d'immatriculation",
    ),
  },
  {
    phase: 'be.registration',
    id: 'be.phase.registration',
    source: src(FURTHER),
    effectiveFrom: FROM,
    step: 3,
    terminal: false,
    label: L(
      'Phase 3: certificate of registration in the foreigners register (BIVR)',
      'Fase 3: bewijs van inschrijving in het vreemdelingenregister (BIVR)',
      "Phase 3 : certificat d'inscription au registre des étrangers (CIRE)",
    ),
  },
  {
    phase: 'be.indefinite',
    id: 'be.phase.indefinite',
    source: src(CLOSING),
    effectiveFrom: FROM,
    step: 4,
    terminal: false,
    label: L(
      'Phase 4: residence of indefinite duration',
      'Fase 4: verblijfstitel van onbepaalde duur',
      'Phase 4 : séjour à durée illimitée',
    ),
  },
  {
    phase: 'be.ended',
    id: 'be.phase.ended',
    source: noted(point(3), REFLECTION, FURTHER),
    effectiveFrom: FROM,
    step: 90,
    terminal: true,
    label: L(
      'Procedure ended: no cooperation, negative evaluation or no longer considered a victim',
      'Procedure beëindigd: geen samenwerking, negatieve evaluatie of niet langer als slachtoffer beschouwd',
      "Procédure terminée : pas de coopération, évaluation négative ou plus considérée comme victime",
    ),
  },
  {
    phase: 'be.returned',
    id: 'be.phase.returned',
    source: noted(point(2), REFLECTION, FURTHER),
    effectiveFrom: FROM,
    step: 91,
    terminal: true,
    label: L('Voluntary return to the country of origin', 'Vrijwillige terugkeer naar het land van herkomst', "Retour volontaire au pays d'origine"),
  },
  {
    phase: 'be.closed',
    id: 'be.phase.closed',
    source: noted(L('Passerelle: the file is closed', 'Passerelle: het dossier is afgesloten', 'Passerelle : le dossier est clôturé')),
    effectiveFrom: FROM,
    step: 99,
    terminal: true,
    label: L('File closed', 'Dossier afgesloten', 'Dossier clôturé'),
  },
];

const events: readonly EventRule<BeEventType, BePhase>[] = [
  {
    type: 'guardianAppointed',
    id: 'be.event.guardianAppointed',
    source: src(cite(MINORS, Q.guardian)),
    effectiveFrom: FROM,
    label: L('Guardian appointed', 'Voogd aangesteld', 'Tuteur désigné'),
    allowedIn: NOT_CLOSED,
  },
  {
    type: 'annex15Issued',
    id: 'be.event.annex15Issued',
    source: src(cite(REFLECTION, Q.duration45, Q.annex15Term)),
    effectiveFrom: FROM,
    label: L('Annex 15 issued (reflection period)', 'Bijlage 15 afgegeven (reflectieperiode)', 'Annexe 15 délivrée (période de réflexion)'),
    allowedIn: ['be.detection'],
    to: 'be.reflection',
    guards: [{ ...notExtendable, kind: 'maxPerTrack', count: 1, counting: ['annex15Issued'] } satisfies G],
    opens: [
      {
        kind: 'reflectionPeriodEnd',
        id: 'be.reflection.duration',
        source: src(cite(REFLECTION, Q.duration45)),
        effectiveFrom: FROM,
        period: { days: 45 },
        acceptsDocumentExpiry: true,
        activeIn: ['be.reflection'],
      },
    ],
  },
  {
    type: 'reflectionExtended',
    id: 'be.event.reflectionExtended',
    source: notExtendable.source,
    effectiveFrom: FROM,
    label: L('Reflection period extended', 'Reflectieperiode verlengd', 'Période de réflexion prolongée'),
    allowedIn: ['be.reflection'],
    guards: [{ ...notExtendable, kind: 'never' } satisfies G],
  },
  {
    type: 'statementMade',
    id: 'be.event.statementMade',
    source: noted(point(1), cite(REFLECTION, Q.decideByEndThenNext)),
    effectiveFrom: FROM,
    label: L('Statement made or complaint filed', 'Verklaring afgelegd of klacht ingediend', 'Déclaration faite ou plainte déposée'),
    allowedIn: ['be.detection', 'be.reflection'],
    to: 'be.attestation',
    closes: ['reflectionPeriodEnd'],
    opens: [
      {
        kind: 'attestationExpiry',
        id: 'be.attestation.expected',
        source: noted(
          L(
            'estimate from the statement until the attestation is recorded',
            'schatting vanaf de verklaring tot het attest geregistreerd is',
            "estimation à partir de la déclaration jusqu'à l'enregistrement de l'attestation",
          ),
          cite(FURTHER, Q.aiThreeMonths),
        ),
        effectiveFrom: FROM,
        period: { months: 3 },
        periodIsMaximum: true,
        provisional: true,
        activeIn: ['be.attestation', 'be.registration'],
      },
      {
        kind: 'evaluationDue',
        id: 'be.evaluation.expected',
        source: src(cite(FURTHER, Q.magistrateEvaluates)),
        effectiveFrom: FROM,
        sameAs: 'attestationExpiry',
        provisional: true,
        activeIn: ['be.attestation'],
      },
    ],
  },
  {
    type: 'aiIssued',
    id: 'be.event.aiIssued',
    source: src(cite(FURTHER, Q.aiByImmigrationOffice), MINORS),
    effectiveFrom: FROM,
    label: L('Attestation of immatriculation issued', 'Attest van immatriculatie afgegeven', "Attestation d'immatriculation délivrée"),
    allowedIn: ['be.reflection', 'be.attestation'],
    guards: [
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['aiIssued'],
        id: 'be.attestation.single',
        source: noted(L('one attestation', 'één attest', 'une seule attestation'), cite(FURTHER, Q.renewableOnce)),
        effectiveFrom: FROM,
        refusal: L(
          'an attestation of immatriculation was already issued: record a renewal instead',
          'er werd al een attest van immatriculatie afgegeven: registreer een hernieuwing',
          "une attestation d'immatriculation a déjà été délivrée : enregistrez un renouvellement",
        ),
      },
      {
        kind: 'requiresFact',
        condition: { fact: 'unaccompaniedMinor', is: true },
        inPhases: ['be.reflection'],
        id: 'be.attestation.minorDuringReflection',
        source: noted(
          L('adults after the statement', 'meerderjarigen na de verklaring', 'les majeurs après la déclaration'),
          cite(MINORS, Q.minorAiReceives),
          REFLECTION,
        ),
        effectiveFrom: FROM,
        refusal: L(
          'during the reflection period only an unaccompanied minor receives an attestation of immatriculation; an adult receives it after the statement or complaint',
          'tijdens de reflectieperiode ontvangt enkel een NBMV een attest van immatriculatie; een meerderjarige pas na de verklaring of klacht',
          "pendant la période de réflexion, seul un MENA reçoit une attestation d'immatriculation ; un majeur la reçoit après la déclaration ou la plainte",
        ),
      },
    ],
    opens: [
      {
        kind: 'attestationExpiry',
        id: 'be.attestation.duration',
        source: src(cite(FURTHER, Q.maxThreeMonths), cite(MINORS, Q.validThreeMonthsAtMost)),
        effectiveFrom: FROM,
        period: { months: 3 },
        periodIsMaximum: true,
        acceptsDocumentExpiry: true,
        activeIn: ['be.reflection', 'be.attestation', 'be.registration'],
      },
      {
        kind: 'evaluationDue',
        id: 'be.evaluation.beforeAttestationExpiry',
        source: src(cite(FURTHER, Q.magistrateEvaluates, Q.stillMeetsConditions)),
        effectiveFrom: FROM,
        sameAs: 'attestationExpiry',
        activeIn: ['be.attestation'],
      },
    ],
  },
  {
    type: 'aiRenewed',
    id: 'be.event.aiRenewed',
    source: src(cite(FURTHER, Q.renewableOnceThreeMonths)),
    effectiveFrom: FROM,
    label: L('Attestation of immatriculation renewed', 'Attest van immatriculatie hernieuwd', "Attestation d'immatriculation renouvelée"),
    allowedIn: ['be.reflection', 'be.attestation'],
    guards: [
      {
        kind: 'requiresPrior',
        eventType: 'aiIssued',
        id: 'be.attestation.renewalNeedsAttestation',
        source: src(FURTHER),
        effectiveFrom: FROM,
        refusal: L(
          'only an attestation of immatriculation that was issued can be renewed: record its issue first',
          'enkel een afgegeven attest van immatriculatie kan worden hernieuwd: registreer eerst de afgifte',
          "seule une attestation d'immatriculation délivrée peut être renouvelée : enregistrez d'abord sa délivrance",
        ),
      },
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['aiRenewed'],
        id: 'be.attestation.renewableOnce',
        source: src(cite(FURTHER, Q.renewableOnce), cite(MINORS, Q.renewableOnceMinor)),
        effectiveFrom: FROM,
        refusal: L(
          'the attestation of immatriculation can be renewed only once',
          'het attest van immatriculatie is slechts eenmalig hernieuwbaar',
          "l'attestation d'immatriculation n'est renouvelable qu'une seule fois",
        ),
      },
    ],
    opens: [
      {
        kind: 'attestationExpiry',
        id: 'be.attestation.renewalDuration',
        source: noted(ESTIMATE_FROM_RENEWAL, cite(FURTHER, Q.renewableOnceThreeMonths)),
        effectiveFrom: FROM,
        period: { months: 3 },
        periodIsMaximum: true,
        basis: 'estimate',
        renewal: true,
        acceptsDocumentExpiry: true,
        activeIn: ['be.reflection', 'be.attestation', 'be.registration'],
      },
      {
        kind: 'evaluationDue',
        id: 'be.evaluation.beforeRenewedAttestationExpiry',
        source: src(cite(FURTHER, Q.magistrateEvaluates)),
        effectiveFrom: FROM,
        sameAs: 'attestationExpiry',
        activeIn: ['be.attestation'],
      },
    ],
  },
  {
    type: 'evaluationPositive',
    id: 'be.event.evaluationPositive',
    source: src(cite(FURTHER, Q.afterPositiveEvaluation)),
    effectiveFrom: FROM,
    label: L(
      'Positive evaluation of the five conditions',
      'Positieve evaluatie van de vijf voorwaarden',
      'Évaluation positive des cinq conditions',
    ),
    allowedIn: ['be.attestation'],
    to: 'be.registration',
    closes: ['evaluationDue'],
  },
  {
    type: 'evaluationNegative',
    id: 'be.event.evaluationNegative',
    source: src(FURTHER),
    effectiveFrom: FROM,
    label: L(
      'Negative evaluation of the five conditions',
      'Negatieve evaluatie van de vijf voorwaarden',
      'Évaluation négative des cinq conditions',
    ),
    allowedIn: ['be.attestation'],
    to: 'be.ended',
    closes: ['evaluationDue'],
  },
  {
    type: 'bivrIssued',
    id: 'be.event.bivrIssued',
    source: src(cite(FURTHER, Q.bivrWhich, Q.sixMonths)),
    effectiveFrom: FROM,
    label: L(
      'Certificate of registration (BIVR) issued',
      'Bewijs van inschrijving in het vreemdelingenregister (BIVR) afgegeven',
      "Certificat d'inscription au registre des étrangers (CIRE) délivré",
    ),
    allowedIn: ['be.registration'],
    guards: [
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['bivrIssued'],
        id: 'be.registration.single',
        source: src(FURTHER),
        effectiveFrom: FROM,
        refusal: L(
          'a certificate of registration (BIVR) was already issued: record a renewal instead',
          'er werd al een BIVR afgegeven: registreer een hernieuwing',
          'un CIRE a déjà été délivré : enregistrez un renouvellement',
        ),
      },
    ],
    closes: ['attestationExpiry'],
    opens: [
      {
        kind: 'registrationExpiry',
        id: 'be.registration.duration',
        source: src(cite(FURTHER, Q.sixMonths)),
        effectiveFrom: FROM,
        period: { months: 6 },
        acceptsDocumentExpiry: true,
        activeIn: ['be.registration'],
      },
    ],
  },
  {
    type: 'bivrRenewed',
    id: 'be.event.bivrRenewed',
    source: src(cite(FURTHER, Q.untilJudgment)),
    effectiveFrom: FROM,
    label: L('Certificate of registration (BIVR) renewed', 'BIVR hernieuwd', 'CIRE renouvelé'),
    allowedIn: ['be.registration'],
    guards: [
      {
        kind: 'requiresPrior',
        eventType: 'bivrIssued',
        id: 'be.registration.renewalNeedsCertificate',
        source: src(FURTHER),
        effectiveFrom: FROM,
        refusal: L(
          'only a certificate of registration (BIVR) that was issued can be renewed: record its issue first',
          'enkel een afgegeven BIVR kan worden hernieuwd: registreer eerst de afgifte',
          "seul un CIRE délivré peut être renouvelé : enregistrez d'abord sa délivrance",
        ),
      },
      {
        kind: 'forbiddenAfter',
        eventType: 'firstInstanceJudgment',
        id: 'be.registration.untilJudgment',
        source: src(cite(FURTHER, Q.untilJudgment)),
        effectiveFrom: FROM,
        refusal: L(
          'the certificate of registration (BIVR) is renewed only until the first-instance judgment',
          'het BIVR wordt slechts hernieuwd tot het vonnis in eerste aanleg',
          "le CIRE n'est renouvelé que jusqu'au jugement en première instance",
        ),
      },
    ],
    opens: [
      {
        kind: 'registrationExpiry',
        id: 'be.registration.renewalDuration',
        source: noted(ESTIMATE_FROM_RENEWAL, cite(FURTHER, Q.sixMonthsRenewed)),
        effectiveFrom: FROM,
        period: { months: 6 },
        basis: 'estimate',
        renewal: true,
        acceptsDocumentExpiry: true,
        activeIn: ['be.registration'],
      },
    ],
  },
  {
    type: 'firstInstanceJudgment',
    id: 'be.event.firstInstanceJudgment',
    source: src(FURTHER),
    effectiveFrom: FROM,
    label: L('First-instance judgment', 'Vonnis in eerste aanleg', 'Jugement en première instance'),
    allowedIn: ['be.registration'],
    guards: [
      {
        kind: 'maxPerTrack',
        count: 1,
        counting: ['firstInstanceJudgment'],
        id: 'be.judgment.single',
        source: src(FURTHER),
        effectiveFrom: FROM,
        refusal: L(
          'the first-instance judgment was already recorded',
          'het vonnis in eerste aanleg werd al geregistreerd',
          'le jugement en première instance a déjà été enregistré',
        ),
      },
    ],
  },
  {
    type: 'indefiniteResidenceGranted',
    id: 'be.event.indefiniteResidenceGranted',
    source: noted(
      L(
        "conviction, or the charge of trafficking included in the prosecutor's claim",
        'veroordeling, of de tenlastelegging van mensenhandel opgenomen in de vordering van de magistraat',
        'condamnation, ou la prévention de traite des êtres humains reprise dans le réquisitoire du magistrat',
      ),
      CLOSING,
    ),
    effectiveFrom: FROM,
    label: L(
      'Residence of indefinite duration granted',
      'Verblijfstitel van onbepaalde duur uitgereikt',
      'Titre de séjour à durée illimitée délivré',
    ),
    allowedIn: ['be.registration'],
    to: 'be.indefinite',
    closes: ['registrationExpiry'],
  },
  {
    // The person decides "at the latest at the end of the reflection period": a "no (not yet)" during
    // the 45 days neither ends the period nor closes the file; a statement may still follow.
    type: 'noCooperation',
    id: 'be.event.noCooperation',
    source: noted(L('points 1 and 3', 'punten 1 en 3', 'points 1 et 3'), cite(REFLECTION, Q.decideByEnd, Q.noCooperation)),
    effectiveFrom: FROM,
    label: L(
      'No wish to cooperate with the authorities (yet)',
      'Geen wil tot samenwerking met de bevoegde overheden (nog niet)',
      'Pas de volonté de coopérer avec les autorités compétentes (pas encore)',
    ),
    allowedIn: ['be.detection', 'be.reflection'],
  },
  {
    type: 'reflectionEndedWithoutStatement',
    id: 'be.event.reflectionEndedWithoutStatement',
    source: noted(point(3), cite(REFLECTION, Q.noCooperationOcmw)),
    effectiveFrom: FROM,
    label: L(
      'Reflection period ended without a statement or complaint',
      'Reflectieperiode afgelopen zonder verklaring of klacht',
      'Période de réflexion terminée sans déclaration ni plainte',
    ),
    allowedIn: ['be.reflection'],
    to: 'be.ended',
    closes: ['reflectionPeriodEnd'],
    guards: [
      {
        kind: 'notBeforeDue',
        due: 'reflectionPeriodEnd',
        id: 'be.reflection.decisionUntilEnd',
        source: src(cite(REFLECTION, Q.decideByEnd)),
        effectiveFrom: FROM,
        refusal: L(
          'the person may make a statement or file a complaint until the end of the reflection period: record its end on or after that day',
          'de persoon kan tot het einde van de reflectieperiode een verklaring afleggen of klacht indienen: registreer het einde op of na die dag',
          "la personne peut faire une déclaration ou déposer plainte jusqu'à la fin de la période de réflexion : enregistrez sa fin ce jour-là ou après",
        ),
      } satisfies G,
    ],
  },
  {
    type: 'victimStatusEnded',
    id: 'be.event.victimStatusEnded',
    source: src(cite(FURTHER, Q.noLongerVictim)),
    effectiveFrom: FROM,
    label: L(
      'Magistrate decides the person is no longer considered a victim',
      'Magistraat beslist dat de persoon niet langer als slachtoffer wordt beschouwd',
      "Le magistrat décide que la personne n'est plus considérée comme victime",
    ),
    allowedIn: ['be.reflection', 'be.attestation', 'be.registration'],
    to: 'be.ended',
  },
  {
    type: 'voluntaryReturn',
    id: 'be.event.voluntaryReturn',
    source: noted(point(2), REFLECTION, cite(FURTHER, Q.voluntaryReturn)),
    effectiveFrom: FROM,
    label: L('Voluntary return', 'Vrijwillige terugkeer', 'Retour volontaire'),
    allowedIn: [...OPEN, 'be.ended'],
    to: 'be.returned',
  },
  {
    type: 'closed',
    id: 'be.event.closed',
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
    to: 'be.closed',
  },
];

const notices: NoticeRule<BeEventType, BePhase>[] = [
  {
    code: 'guardianRequired',
    id: 'be.notice.guardian',
    source: src(cite(MINORS, Q.guardian)),
    effectiveFrom: FROM,
    when: [{ fact: 'unaccompaniedMinor', is: true }],
    unlessEvent: ['guardianAppointed'],
    activeIn: OPEN,
    label: L('Appoint a guardian', 'Voogd aanstellen', 'Désigner un tuteur'),
  },
  {
    code: 'attestationDueForMinor',
    id: 'be.notice.minorAttestation',
    source: src(cite(MINORS, Q.minorAiAtOnce)),
    effectiveFrom: FROM,
    when: [{ fact: 'unaccompaniedMinor', is: true }],
    unlessEvent: ['aiIssued'],
    activeIn: ['be.reflection'],
    label: L(
      'Attestation of immatriculation for the minor',
      'Attest van immatriculatie voor de minderjarige',
      "Attestation d'immatriculation pour le mineur",
    ),
  },
];

const EU_POSITION = L(
  'The Belgian referral mechanism was built for victims from outside the EU; some of its aspects may also be used for Belgian and EU victims. Its residence documents (annex 15, attestation, BIVR) are for third-country nationals.',
  'Het Belgische verwijzingsmechanisme werd opgezet voor slachtoffers van buiten de EU; sommige aspecten kunnen ook worden aangewend voor Belgische en EU-slachtoffers. De verblijfsdocumenten (bijlage 15, attest, BIVR) zijn voor derdelanders.',
  "Le mécanisme d'orientation belge a été conçu pour les victimes hors UE ; certains de ses aspects peuvent aussi servir aux victimes belges et de l'UE. Ses documents de séjour (annexe 15, attestation, CIRE) sont destinés aux ressortissants de pays tiers.",
);
const EU_POSITION_SOURCE = src(cite(BASIS, Q.euVictims));

notices.push(
  ...(['euCitizen', 'lawfulResident'] as const).map(
    (fact): NoticeRule<BeEventType, BePhase> => ({
      code: 'residencePosition',
      id: `be.notice.residencePosition.${fact}`,
      source: EU_POSITION_SOURCE,
      effectiveFrom: FROM,
      when: [{ fact, is: true }],
      unlessEvent: [],
      activeIn: OPEN,
      label: L('Position of a Belgian or EU victim', 'Positie van een Belgisch of EU-slachtoffer', "Situation d'une victime belge ou de l'UE"),
      message: EU_POSITION,
    }),
  ),
);

const phaseInfo: readonly PhaseInfo<BePhase>[] = [
  {
    kind: 'right',
    id: 'be.info.centreSupport',
    source: src(INFO),
    effectiveFrom: FROM,
    activeIn: OPEN,
    label: L(
      'Reception, guidance, psycho-social and medical help, administrative guidance and legal assistance by the specialised centre, throughout the procedure',
      'Opvang, begeleiding, psycho-sociale en medische hulp, administratieve begeleiding en juridische bijstand door het gespecialiseerd opvangcentrum, tijdens de gehele procedure',
      "Accueil, accompagnement, aide psychosociale et médicale, accompagnement administratif et assistance juridique par le centre spécialisé, pendant toute la procédure",
    ),
    quote: {
      nl: 'de opvang, de residentiële of ambulante begeleiding, de psycho-sociale en medische hulp, de administratieve begeleiding en de juridische bijstand en dit tijdens de gehele procedure',
      en: 'reception, residential or outpatient guidance, psycho-social and medical help, administrative guidance and legal assistance, throughout the whole procedure',
      fr: "l'accueil, l'accompagnement résidentiel ou ambulatoire, l'aide psychosociale et médicale, l'accompagnement administratif et l'assistance juridique, pendant toute la procédure",
    },
  },
  {
    kind: 'right',
    id: 'be.info.annex15Stay',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    activeIn: ['be.reflection'],
    label: L('Temporary stay covered by the annex 15', 'Tijdelijk verblijf gedekt door de bijlage 15', "Séjour temporaire couvert par l'annexe 15"),
    quote: {
      nl: 'Dit document dekt een tijdelijk verblijf voor de vreemdeling.',
      en: 'This document covers a temporary stay for the foreign national.',
      fr: "Ce document couvre un séjour temporaire pour l'étranger.",
    },
  },
  {
    kind: 'right',
    id: 'be.info.provisionalStay',
    source: noted(L('footnote on the attestation of immatriculation', "voetnoot bij het attest van immatriculatie", "note de bas de page sur l'attestation d'immatriculation"), FURTHER),
    effectiveFrom: FROM,
    activeIn: ['be.attestation'],
    label: L(
      'Provisional stay while the residence application is examined',
      'Voorlopig verblijf in afwachting van een beslissing over de verblijfsaanvraag',
      "Séjour provisoire en attendant la décision sur la demande de séjour",
    ),
    quote: {
      nl: 'De persoon heeft in afwachting van een beslissing op zijn verblijfsaanvraag recht op een voorlopig verblijf.',
      en: 'Pending a decision on the residence application, the person is entitled to a provisional stay.',
      fr: "En attendant une décision sur sa demande de séjour, la personne a droit à un séjour provisoire.",
    },
  },
  {
    kind: 'right',
    id: 'be.info.labourMarketOrOcmw',
    source: src(FURTHER),
    effectiveFrom: FROM,
    activeIn: ['be.registration'],
    label: L(
      'With the BIVR: access to the labour market, or social support from the OCMW/CPAS',
      'Met het BIVR: toegang tot de arbeidsmarkt, of sociale steun via het OCMW',
      'Avec le CIRE : accès au marché du travail, ou aide sociale du CPAS',
    ),
    quote: {
      nl: 'Met deze verblijfstitel heeft het slachtoffer toegang tot de arbeidsmarkt of kan hij via het OCMW sociale steun verkrijgen.',
      en: 'With this residence permit the victim has access to the labour market or can obtain social support through the OCMW (CPAS).',
      fr: 'Avec ce titre de séjour, la victime a accès au marché du travail ou peut obtenir une aide sociale du CPAS.',
    },
  },
  {
    kind: 'right',
    id: 'be.info.ocmwAfterReflection',
    source: src(REFLECTION),
    effectiveFrom: FROM,
    activeIn: ['be.ended'],
    label: L(
      'Social support from the OCMW/CPAS is possible; voluntary return remains possible',
      'Sociale steun via het OCMW is mogelijk; vrijwillige terugkeer blijft mogelijk',
      "Une aide sociale du CPAS est possible ; le retour volontaire reste possible",
    ),
    quote: {
      nl: 'Er is de mogelijkheid tot het ontvangen van sociale steun via het OCMW (Openbaar Centrum voor Maatschappelijk Welzijn).',
      en: 'Social support can be received through the OCMW (Public Centre for Social Welfare).',
      fr: "Il est possible de recevoir une aide sociale du CPAS (Centre public d'action sociale).",
    },
  },
  {
    kind: 'right',
    id: 'be.info.returnSupport',
    source: src(FURTHER),
    effectiveFrom: FROM,
    activeIn: ['be.attestation', 'be.registration'],
    label: L(
      'Support for a voluntary return to the country of origin',
      'Ondersteuning bij een vrijwillige terugkeer naar het land van herkomst',
      "Soutien pour un retour volontaire au pays d'origine",
    ),
    quote: {
      nl: 'Hier kan het slachtoffer ook kiezen voor een vrijwillige terugkeer naar het land van herkomst. Hiertoe wordt in de nodige ondersteuning voorzien.',
      en: 'Here the victim may also choose a voluntary return to the country of origin. The necessary support is provided for this.',
      fr: "La victime peut aussi choisir un retour volontaire vers le pays d'origine. Le soutien nécessaire est prévu à cet effet.",
    },
  },
  {
    kind: 'mustInform',
    id: 'be.info.evaluationConsultation',
    source: src(FURTHER),
    effectiveFrom: FROM,
    activeIn: ['be.attestation'],
    label: L(
      'Evaluation: the magistrate consults the police, the inspection services and the specialised centre, at the request of the Immigration Office',
      'Evaluatie: de magistraat overlegt met de politie-, inspectiediensten en het gespecialiseerd opvangcentrum, op vraag van DVZ',
      "Évaluation : le magistrat se concerte avec la police, les services d'inspection et le centre spécialisé, à la demande de l'Office des étrangers",
    ),
    quote: {
      nl: 'Voor het verstrijken van deze periode evalueert de magistraat, in overleg met de politie-, inspectiediensten en het gespecialiseerd opvangcentrum, op vraag van DVZ',
      en: 'Before this period expires the magistrate, in consultation with the police, the inspection services and the specialised reception centre, at the request of the Immigration Office, evaluates',
      fr: "Avant l'expiration de cette période, le magistrat évalue, en concertation avec les services de police et d'inspection et le centre d'accueil spécialisé, à la demande de l'Office des étrangers",
    },
  },
  {
    kind: 'mustInform',
    id: 'be.info.proveIdentity',
    source: src(CLOSING),
    effectiveFrom: FROM,
    activeIn: ['be.registration'],
    label: L(
      'Show the steps taken to prove the true identity (identity document or the steps towards one)',
      'De stappen aantonen om de ware identiteit te bewijzen (identiteitsbewijs of de ondernomen stappen)',
      "Montrer les démarches pour prouver la véritable identité (pièce d'identité ou démarches entreprises)",
    ),
    quote: {
      nl: 'In deze fase is het van belang dat het slachtoffer zijn ware identiteit heeft proberen te bewijzen door een identiteitsbewijs voor te leggen of door de ondernomen stappen hiertoe aan te tonen.',
      en: 'In this phase it matters that the victim has tried to prove their true identity by producing an identity document or by showing the steps taken to that end.',
      fr: "À ce stade, il importe que la victime ait tenté de prouver sa véritable identité en présentant une pièce d'identité ou en montrant les démarches entreprises.",
    },
  },
];

const checklists: readonly Checklist<BePhase>[] = [
  {
    id: 'be.entryConditions',
    source: src(cite(BASIS, Q.threeConditions)),
    effectiveFrom: FROM,
    label: L(
      'Entry conditions (cumulative)',
      'Voorwaarden voor de opstart (cumulatief)',
      "Conditions d'entrée (cumulatives)",
    ),
    activeIn: ['be.detection', 'be.reflection'],
    satisfiedMeans: L(
      'The three conditions to enter the referral mechanism are met; condition 3 is due at the latest at the end of the reflection period.',
      'De drie voorwaarden voor de opstart zijn vervuld; voorwaarde 3 moet ten laatste aan het einde van de reflectieperiode vervuld zijn.',
      "Les trois conditions d'entrée dans le mécanisme d'orientation sont remplies ; la condition 3 doit l'être au plus tard à la fin de la période de réflexion.",
    ),
    items: [
      {
        id: 'be.entry.breakContact',
        source: noted(condition(1), BASIS),
        label: L(
          'Break off contact with the suspected perpetrators',
          'Verbreken van de contacten met de vermoedelijke daders',
          'Rompre les contacts avec les auteurs présumés',
        ),
      },
      {
        id: 'be.entry.specialisedCentre',
        source: noted(condition(2), BASIS),
        label: L(
          'Mandatory guidance by a specialised reception centre recognised by the competent authorities',
          'Verplichte begeleiding door een gespecialiseerd opvangcentrum dat erkend wordt door de bevoegde overheden',
          "Accompagnement obligatoire par un centre d'accueil spécialisé reconnu par les autorités compétentes",
        ),
      },
      {
        id: 'be.entry.cooperation',
        source: noted(L('condition 3; point 1 of the reflection period', 'voorwaarde 3; punt 1 van de reflectieperiode', 'condition 3 ; point 1 de la période de réflexion'), BASIS, REFLECTION),
        label: L(
          'Cooperation with the judicial authorities by making statements or filing a complaint (broadly interpreted, e.g. giving information)',
          'Samenwerking met de gerechtelijke overheden, door verklaringen af te leggen of een klacht in te dienen (ruim geïnterpreteerd, bv. het geven van informatie)',
          'Coopération avec les autorités judiciaires par des déclarations ou le dépôt d\'une plainte (interprétée largement, p. ex. la communication d\'informations)',
        ),
      },
    ],
    logic: {
      all: [
        { item: 'be.entry.breakContact', favourable: 'met' },
        { item: 'be.entry.specialisedCentre', favourable: 'met' },
        { item: 'be.entry.cooperation', favourable: 'met' },
      ],
    },
  },
  {
    id: 'be.evaluationConditions',
    source: noted(
      L(
        'the five conditions the magistrate evaluates before the attestation of immatriculation expires',
        'de vijf voorwaarden die de magistraat evalueert vóór het attest van immatriculatie verloopt',
        "les cinq conditions que le magistrat évalue avant l'expiration de l'attestation d'immatriculation",
      ),
      cite(FURTHER, Q.magistrateEvaluates, Q.stillMeetsConditions),
    ),
    effectiveFrom: FROM,
    label: L(
      'Evaluation by the reference magistrate (five conditions)',
      'Evaluatie door de referentiemagistraat (vijf voorwaarden)',
      'Évaluation par le magistrat de référence (cinq conditions)',
    ),
    activeIn: ['be.attestation'],
    satisfiedMeans: L(
      'The five conditions are met: the provisional victim status can be granted and the BIVR issued.',
      'De vijf voorwaarden zijn vervuld: het voorlopig statuut van slachtoffer kan worden toegekend en het BIVR afgegeven.',
      'Les cinq conditions sont remplies : le statut provisoire de victime peut être accordé et le CIRE délivré.',
    ),
    items: [
      {
        id: 'be.evaluation.proceedingsOngoing',
        source: noted(condition(1), FURTHER),
        label: L(
          'The investigation or the judicial procedure is still ongoing',
          'Het onderzoek of de gerechtelijke procedure is nog altijd lopende',
          "L'enquête ou la procédure judiciaire est toujours en cours",
        ),
      },
      {
        id: 'be.evaluation.stillVictim',
        source: noted(condition(2), FURTHER),
        label: L(
          'The person can at this stage still be considered a victim of trafficking in human beings',
          'De betrokken persoon kan in deze fase nog altijd beschouwd worden als slachtoffer van mensenhandel',
          'La personne peut à ce stade toujours être considérée comme victime de la traite des êtres humains',
        ),
      },
      {
        id: 'be.evaluation.tiesBroken',
        source: noted(condition(3), FURTHER),
        label: L(
          'The person has broken all ties with the suspected perpetrators',
          'De betrokken persoon heeft elke band verbroken met de vermoedelijke daders',
          'La personne a rompu tout lien avec les auteurs présumés',
        ),
      },
      {
        id: 'be.evaluation.willingToCooperate',
        source: noted(condition(4), FURTHER),
        label: L(
          'The person is willing to cooperate in the judicial procedure',
          'De betrokken persoon is bereid samen te werken in het kader van een gerechtelijke procedure',
          'La personne est disposée à coopérer dans le cadre d\'une procédure judiciaire',
        ),
      },
      {
        id: 'be.evaluation.noDanger',
        source: noted(condition(5), FURTHER),
        label: L(
          'The person is not considered a possible danger to public order or national security',
          'De betrokken persoon wordt niet beschouwd als een mogelijk gevaar voor de openbare orde of de nationale veiligheid',
          "La personne n'est pas considérée comme un danger potentiel pour l'ordre public ou la sécurité nationale",
        ),
      },
    ],
    logic: {
      all: [
        { item: 'be.evaluation.proceedingsOngoing', favourable: 'met' },
        { item: 'be.evaluation.stillVictim', favourable: 'met' },
        { item: 'be.evaluation.tiesBroken', favourable: 'met' },
        { item: 'be.evaluation.willingToCooperate', favourable: 'met' },
        { item: 'be.evaluation.noDanger', favourable: 'met' },
      ],
    },
  },
];

export const beRules: CountryRules<BeEventType, BePhase> = {
  country: 'BE',
  basis: `Benelux brochure (March 2021) §4 "België"; ${BASIS}`,
  eventTypes: BE_EVENT_TYPES,
  initialPhase: 'be.detection',
  phases,
  events,
  notices,
  checklists,
  phaseInfo,
  presumptionOfMinority: {
    isLaw: false,
    source: noted(
      L(
        'the brochure gives no presumption of minority for Belgium (a policy of the organisation at most)',
        'de brochure geeft geen vermoeden van minderjarigheid voor België (hooguit een beleid van de organisatie)',
        "la brochure ne prévoit pas de présomption de minorité pour la Belgique (tout au plus une politique de l'organisation)",
      ),
      MINORS,
    ),
  },
};
