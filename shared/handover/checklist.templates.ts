/**
 * Handover checklists: one template per direction (from BE, NL or LU to another of
 * the three), generated into a handover's checklist when it starts. Each item has a default owner role
 * and a default due date, counted in days from the day the handover is started; staff change both.
 *
 * Two kinds of item:
 * - 'step': what the sending organisation does for any handover (consent, risk assessment, informing
 *   police and magistrates in both countries, ...);
 * - 'requirement': what the receiving country's referral mechanism requires (domain.md §4), and what
 *   the sending country's own mechanism imposes on a departure, each citing the brochure.
 * An item with `when` is generated only when every condition holds for the person (e.g. the guardian
 * item only for a minor or presumed minor). Rules are data: a change is an edit here plus a test.
 */
import type { Country, Role } from '../domain';
import { addDays, toCalendarDate, type CalendarDate } from '../dates/calendar-date';
import type { FactCondition, FactName, Labels } from '../rules/rule.types';

export const HANDOVER_ITEM_KINDS = ['step', 'requirement'] as const;
export type HandoverItemKind = (typeof HANDOVER_ITEM_KINDS)[number];

export interface HandoverChecklistItemTemplate {
  /** Stable, e.g. 'handover.consent' or 'handover.to.LU.identification'. */
  readonly id: string;
  readonly kind: HandoverItemKind;
  readonly label: Labels;
  readonly source: string;
  readonly defaultOwnerRole: Extract<Role, 'coordinator' | 'caseworker'>;
  /** Days after the start of the handover. */
  readonly dueOffsetDays: number;
  readonly when?: readonly FactCondition[];
}

export interface HandoverChecklistTemplate {
  /** e.g. 'handover.BE-LU'. */
  readonly id: string;
  readonly from: Country;
  readonly to: Country;
  readonly effectiveFrom: CalendarDate;
  readonly items: readonly HandoverChecklistItemTemplate[];
}

const L = (en: string, nl: string, fr: string): Labels => ({ en, nl, fr });

/** "in Belgium", "in België", "en Belgique": the preposition differs per country in French. */
const IN_COUNTRY: Readonly<Record<Country, Labels>> = {
  BE: L('in Belgium', 'in België', 'en Belgique'),
  NL: L('in the Netherlands', 'in Nederland', 'aux Pays-Bas'),
  LU: L('in Luxembourg', 'in Luxemburg', 'au Luxembourg'),
};

function withCountry(template: Labels, country: Country): Labels {
  const c = IN_COUNTRY[country];
  return L(template.en.replace('{{in}}', c.en), template.nl.replace('{{in}}', c.nl), template.fr.replace('{{in}}', c.fr));
}

const PROCEDURE = 'Passerelle handover procedure';
const PURPOSE = 'brochure §1 "Doel": the partners in both countries agree who receives the person and how';
const RISK: Readonly<Record<Country, string>> = {
  BE: 'brochure §4 BE "Noden en risk assessment"',
  NL: 'brochure §4 NL "Noden en risk assessment"',
  LU: 'brochure §4 LU "Noden en risk assessment"',
};
const MINORS: Readonly<Record<Country, string>> = {
  BE: 'brochure §4 BE "Specifieke elementen/maatregelen inzake NBMV"',
  NL: 'brochure §4 NL "Ondersteuning minderjarige slachtoffers"',
  LU: 'brochure §4 LU "Minderjarige slachtoffers"',
};

const MINOR: readonly FactCondition[] = [{ fact: 'presumedMinor', is: true }];
const ADULT: readonly FactCondition[] = [{ fact: 'presumedMinor', is: false }];
const UNACCOMPANIED: readonly FactCondition[] = [{ fact: 'unaccompaniedMinor', is: true }];
const THIRD_COUNTRY: readonly FactCondition[] = [{ fact: 'thirdCountryNational', is: true }];
const EU_CITIZEN: readonly FactCondition[] = [{ fact: 'thirdCountryNational', is: false }];

/** The steps of every handover, in the order they are usually done. */
function steps(from: Country, to: Country): HandoverChecklistItemTemplate[] {
  return [
    {
      id: 'handover.consent',
      kind: 'step',
      label: L(
        'The person consents to this transfer and to the data listed being sent to the receiving organisation',
        'De persoon stemt in met deze overdracht en met het doorsturen van de opgesomde gegevens naar de ontvangende organisatie',
        "La personne consent à ce transfert et à l'envoi des données énumérées à l'organisation destinataire",
      ),
      source: PROCEDURE,
      defaultOwnerRole: 'caseworker',
      dueOffsetDays: 2,
    },
    {
      id: 'handover.riskAssessment',
      kind: 'step',
      label: L(
        'Risk assessment of the transfer (safety during travel and on arrival, contact with the suspected perpetrators)',
        'Risicoanalyse van de overdracht (veiligheid tijdens de reis en bij aankomst, contact met de vermoedelijke daders)',
        "Évaluation des risques du transfert (sécurité pendant le voyage et à l'arrivée, contact avec les auteurs présumés)",
      ),
      source: RISK[from],
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 3,
    },
    {
      id: 'handover.guardian',
      kind: 'step',
      label: L(
        'The guardian of the minor is involved in the transfer and agrees to it',
        'De voogd van de minderjarige is bij de overdracht betrokken en stemt ermee in',
        'Le tuteur du mineur est associé au transfert et y consent',
      ),
      source: `${MINORS[from]}; ${MINORS[to]}`,
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 3,
      when: MINOR,
    },
    {
      id: 'handover.authoritiesSending',
      kind: 'step',
      label: withCountry(
        L(
          'Police and the reference magistrate or public prosecutor {{in}} are informed',
          'Politie en referentiemagistraat of openbaar ministerie {{in}} zijn ingelicht',
          'La police et le magistrat de référence ou le parquet {{in}} sont informés',
        ),
        from,
      ),
      source: PURPOSE,
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
    },
    {
      id: 'handover.authoritiesReceiving',
      kind: 'step',
      label: withCountry(
        L(
          'Police and the reference magistrate or public prosecutor {{in}} are informed',
          'Politie en referentiemagistraat of openbaar ministerie {{in}} zijn ingelicht',
          'La police et le magistrat de référence ou le parquet {{in}} sont informés',
        ),
        to,
      ),
      source: PURPOSE,
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
    },
    {
      id: 'handover.receiverConfirmed',
      kind: 'step',
      label: L(
        'The receiving organisation has confirmed that it takes the person over, and the date',
        'De ontvangende organisatie heeft bevestigd dat ze de persoon overneemt, en de datum',
        "L'organisation destinataire a confirmé la prise en charge de la personne, et la date",
      ),
      source: PURPOSE,
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
    },
    {
      id: 'handover.interpreter',
      kind: 'step',
      label: L(
        'An interpreter is arranged where the person needs one (for the consent, the transfer and the first interview)',
        'Een tolk is geregeld waar de persoon er een nodig heeft (voor de toestemming, de overdracht en het eerste gesprek)',
        "Un interprète est prévu si la personne en a besoin (pour le consentement, le transfert et le premier entretien)",
      ),
      source: PROCEDURE,
      defaultOwnerRole: 'caseworker',
      dueOffsetDays: 5,
    },
    {
      id: 'handover.travelAndEscort',
      kind: 'step',
      label: L(
        'Travel and escort are arranged: who accompanies the person, how and when, and who meets them on arrival',
        'Reis en begeleiding zijn geregeld: wie de persoon vergezelt, hoe en wanneer, en wie hen bij aankomst opvangt',
        "Le voyage et l'accompagnement sont organisés : qui accompagne la personne, comment et quand, et qui l'accueille à l'arrivée",
      ),
      source: PROCEDURE,
      defaultOwnerRole: 'caseworker',
      dueOffsetDays: 10,
    },
    {
      id: 'handover.documents',
      kind: 'step',
      label: L(
        "The person's identity, residence and procedure documents are gathered, and travel with the person or in the package",
        'De identiteits-, verblijfs- en proceduredocumenten van de persoon zijn verzameld en gaan mee met de persoon of in het pakket',
        "Les documents d'identité, de séjour et de procédure de la personne sont rassemblés et voyagent avec elle ou dans le paquet",
      ),
      source: PROCEDURE,
      defaultOwnerRole: 'caseworker',
      dueOffsetDays: 10,
    },
    {
      id: 'handover.closeSending',
      kind: 'step',
      label: withCountry(
        L(
          'The procedure {{in}} is closed, and the authorities that issued documents are told the person has left',
          'De procedure {{in}} is afgesloten, en de overheden die documenten afgaven, weten dat de persoon vertrokken is',
          'La procédure {{in}} est clôturée, et les autorités qui ont délivré des documents savent que la personne est partie',
        ),
        from,
      ),
      source: PROCEDURE,
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 14,
    },
  ];
}

/** What the receiving country's mechanism requires (domain.md §4), with the brochure's section. */
const RECEIVING: Readonly<Record<Country, readonly HandoverChecklistItemTemplate[]>> = {
  BE: [
    {
      id: 'handover.to.BE.jurisdiction',
      kind: 'requirement',
      label: L(
        'The facts took place at least partly on Belgian territory (a condition to enter the Belgian referral mechanism and victim status)',
        'De feiten vonden minstens gedeeltelijk plaats op Belgisch grondgebied (voorwaarde voor het Belgische verwijzingsmechanisme en het slachtofferstatuut)',
        "Les faits ont eu lieu au moins en partie sur le territoire belge (condition d'accès au mécanisme d'orientation belge et au statut de victime)",
      ),
      source: 'brochure §4 BE "Basis" (principe van de rechtsmacht)',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 3,
    },
    {
      id: 'handover.to.BE.conditions',
      kind: 'requirement',
      label: L(
        'The person knows the three cumulative conditions: break off contact with the suspected perpetrators, guidance by a recognised specialised centre, cooperation with the judicial authorities',
        'De persoon kent de drie cumulatieve voorwaarden: contact met de vermoedelijke daders verbreken, begeleiding door een erkend gespecialiseerd opvangcentrum, samenwerking met de gerechtelijke overheden',
        "La personne connaît les trois conditions cumulatives : rompre le contact avec les auteurs présumés, accompagnement par un centre spécialisé reconnu, coopération avec les autorités judiciaires",
      ),
      source: 'brochure §4 BE "Detectie van het slachtoffer" (drie cumulatieve voorwaarden)',
      defaultOwnerRole: 'caseworker',
      dueOffsetDays: 5,
    },
    {
      id: 'handover.to.BE.specialisedCentre',
      kind: 'requirement',
      label: L(
        'A recognised specialised centre (Payoke, PAG-ASA or Sürya) takes on the guidance',
        'Een erkend gespecialiseerd opvangcentrum (Payoke, PAG-ASA of Sürya) neemt de begeleiding op',
        'Un centre spécialisé reconnu (Payoke, PAG-ASA ou Sürya) assure l’accompagnement',
      ),
      source: 'brochure §4 BE "Basis"; §5 "Centra voor opvang van (mogelijke) slachtoffers van mensenhandel"',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
    },
    {
      id: 'handover.to.BE.guardian',
      kind: 'requirement',
      label: L(
        'Unaccompanied foreign minor: a guardian is appointed in Belgium, and the minor receives an attestation of immatriculation at once',
        'Niet-begeleide minderjarige vreemdeling: in België wordt een voogd aangesteld, en de minderjarige krijgt onmiddellijk een attest van immatriculatie',
        "Mineur étranger non accompagné : un tuteur est désigné en Belgique, et le mineur reçoit immédiatement une attestation d'immatriculation",
      ),
      source: MINORS.BE,
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
      when: UNACCOMPANIED,
    },
  ],
  NL: [
    {
      id: 'handover.to.NL.avim',
      kind: 'requirement',
      label: L(
        'An information interview at the AVIM with a police officer certified for trafficking is planned (procedures, reflection period, assistance)',
        'Een informatiegesprek bij de AVIM met een voor mensenhandel gecertificeerde politiemedewerker is gepland (procedures, bedenktijd, hulpverlening)',
        "Un entretien d'information à l'AVIM avec un policier certifié en matière de traite est prévu (procédures, délai de réflexion, assistance)",
      ),
      source: 'brochure §4 NL "Informatie voor en bijstand van het slachtoffer"',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 7,
    },
    {
      id: 'handover.to.NL.reflection',
      kind: 'requirement',
      label: L(
        'Without residence status: a reflection period of at most three months, during which the IND suspends departure and the person has a right to shelter',
        'Zonder verblijfsstatus: een bedenktijd van maximaal drie maanden, waarin de IND het vertrek opschort en de persoon recht heeft op opvang',
        "Sans titre de séjour : un délai de réflexion de trois mois au plus, pendant lequel l'IND suspend le départ et la personne a droit à un hébergement",
      ),
      source: 'brochure §4 NL "Reflectieperiode"; Vw 2000 art. 8 onder k',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
      when: THIRD_COUNTRY,
    },
    {
      id: 'handover.to.NL.shelterAdult',
      kind: 'requirement',
      label: L(
        'Shelter for an adult: placement preferably in the COSM, arranged through CoMensha',
        'Opvang voor een meerderjarige: plaatsing bij voorkeur in de COSM, via CoMensha',
        "Hébergement d'un adulte : placement de préférence en COSM, organisé par CoMensha",
      ),
      source: 'brochure §4 NL "Reflectieperiode" (COSM via CoMensha)',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
      when: ADULT,
    },
    {
      id: 'handover.to.NL.euShelter',
      kind: 'requirement',
      label: L(
        'EU citizen in the first five years of residence: shelter needs an exemption from the IND',
        'EU-burger in de eerste vijf jaar van verblijf: opvang vraagt een ontheffing van de IND',
        "Citoyen de l'UE dans ses cinq premières années de séjour : l'hébergement requiert une dérogation de l'IND",
      ),
      source: 'brochure §4 NL "Basis"',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
      when: EU_CITIZEN,
    },
    {
      id: 'handover.to.NL.nidos',
      kind: 'requirement',
      label: L(
        'Unaccompanied foreign minor: Nidos decides on placement in the Beschermde Opvang (COA) and holds the guardianship',
        'Alleenstaande minderjarige vreemdeling: Nidos beslist over plaatsing in de Beschermde Opvang (COA) en heeft de voogdij',
        'Mineur étranger non accompagné : Nidos décide du placement en Beschermde Opvang (COA) et exerce la tutelle',
      ),
      source: MINORS.NL,
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 3,
      when: UNACCOMPANIED,
    },
  ],
  LU: [
    {
      id: 'handover.to.LU.identification',
      kind: 'requirement',
      label: L(
        'Identification by the judicial police (SPJ, organised crime department or victim protection cell) with the indicator list: a precondition for assistance and, for third-country nationals, for the reflection period',
        'Identificatie door de gerechtelijke politie (SPJ, afdeling georganiseerde criminaliteit of cel bescherming van slachtoffers) aan de hand van de indicatorenlijst: voorwaarde voor bijstand en, voor onderdanen van derde landen, voor de bedenktijd',
        "Identification par la police judiciaire (SPJ, section criminalité organisée ou cellule protection des victimes) à l'aide de la liste d'indicateurs : condition de l'assistance et, pour les ressortissants de pays tiers, du délai de réflexion",
      ),
      source: 'brochure §4 LU "Identificatie van de slachtoffers"; §4 LU "Basis"',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 5,
    },
    {
      id: 'handover.to.LU.jurisdiction',
      kind: 'requirement',
      label: L(
        'The facts of exploitation took place, in principle, at least partly on Luxembourg territory',
        'De feiten van uitbuiting vonden in beginsel minstens gedeeltelijk plaats op Luxemburgs grondgebied',
        "Les faits d'exploitation ont eu lieu, en principe, au moins en partie sur le territoire luxembourgeois",
      ),
      source: 'brochure §4 LU "Basis"',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 3,
    },
    {
      id: 'handover.to.LU.officeHours',
      kind: 'requirement',
      label: L(
        'SAVTEH and COTEH work office hours; outside them the judicial police takes over: plan the arrival within office hours',
        'SAVTEH en COTEH werken tijdens de kantooruren; daarbuiten neemt de gerechtelijke politie het over: plan de aankomst binnen de kantooruren',
        "SAVTEH et COTEH travaillent aux heures de bureau ; en dehors, la police judiciaire prend le relais : prévoyez l'arrivée pendant les heures de bureau",
      ),
      source: 'brochure §4 LU "Informatie voor en bijstand van het slachtoffer"',
      defaultOwnerRole: 'caseworker',
      dueOffsetDays: 10,
    },
    {
      id: 'handover.to.LU.minors',
      kind: 'requirement',
      label: L(
        'Minor or presumed minor (age in doubt): the police youth protection unit is informed; an ad hoc administrator and a guardian are appointed when needed',
        'Minderjarige of vermoedelijk minderjarige (leeftijd twijfelachtig): de jeugdbeschermingseenheid van de politie is ingelicht; een beheerder ad hoc en een voogd worden zo nodig aangesteld',
        "Mineur ou mineur présumé (âge incertain) : l'unité de protection de la jeunesse de la police est informée ; un administrateur ad hoc et un tuteur sont désignés si nécessaire",
      ),
      source: MINORS.LU,
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 3,
      when: MINOR,
    },
  ],
};

/** What the sending country's own mechanism imposes on a departure. */
const SENDING: Readonly<Record<Country, readonly HandoverChecklistItemTemplate[]>> = {
  BE: [],
  NL: [],
  LU: [
    {
      id: 'handover.from.LU.reflectionLeave',
      kind: 'requirement',
      label: L(
        'Check the Luxembourg reflection period: while it runs (certificat de sursis à l’éloignement) the person may not leave the territory',
        'Controleer de Luxemburgse bedenktijd: zolang die loopt (certificat de sursis à l’éloignement) mag de persoon het grondgebied niet verlaten',
        'Vérifiez le délai de réflexion luxembourgeois : tant qu’il court (certificat de sursis à l’éloignement), la personne ne peut quitter le territoire',
      ),
      source: 'brochure §4 LU "Reflectieperiode"; law of 29.08.2008 art. 93',
      defaultOwnerRole: 'coordinator',
      dueOffsetDays: 2,
      when: THIRD_COUNTRY,
    },
  ],
};

/** From the date of the brochure the requirements are transcribed from. */
const EFFECTIVE_FROM = toCalendarDate('2021-03-01');

export const HANDOVER_DIRECTIONS: readonly (readonly [Country, Country])[] = [
  ['BE', 'NL'],
  ['BE', 'LU'],
  ['NL', 'BE'],
  ['NL', 'LU'],
  ['LU', 'BE'],
  ['LU', 'NL'],
];

function build(from: Country, to: Country): HandoverChecklistTemplate {
  return { id: `handover.${from}-${to}`, from, to, effectiveFrom: EFFECTIVE_FROM, items: [...steps(from, to), ...SENDING[from], ...RECEIVING[to]] };
}

export const HANDOVER_CHECKLIST_TEMPLATES: readonly HandoverChecklistTemplate[] = HANDOVER_DIRECTIONS.map(([from, to]) => build(from, to));

export function handoverChecklistTemplate(from: Country, to: Country): HandoverChecklistTemplate {
  const t = HANDOVER_CHECKLIST_TEMPLATES.find((x) => x.from === from && x.to === to);
  if (!t) throw new RangeError(`no handover checklist from ${from} to ${to}: a handover goes to another Benelux country`);
  return t;
}

/** The facts the handover templates read (a subset of the rule facts). */
export type PersonFacts = Readonly<Record<'presumedMinor' | 'unaccompaniedMinor' | 'ageInDoubt' | 'thirdCountryNational', boolean>>;

/** The items generated for a person: those without conditions, and those whose conditions all hold. */
export function handoverChecklistItems(from: Country, to: Country, facts: PersonFacts): readonly HandoverChecklistItemTemplate[] {
  return handoverChecklistTemplate(from, to).items.filter((item) => (item.when ?? []).every((c) => (facts as Readonly<Partial<Record<FactName, boolean>>>)[c.fact] === c.is));
}

/** The default due date of an item for a handover started on `start`. */
export function defaultDueDate(item: HandoverChecklistItemTemplate, start: CalendarDate): CalendarDate {
  return addDays(start, item.dueOffsetDays);
}
