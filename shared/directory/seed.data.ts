/**
 * Seed data of the contact-point directory: every entry of section 5 "Netwerk - contactpunten" of the
 * Benelux brochure "Benelux-samenwerking ter bejegening van slachtoffers van mensenhandel" (Benelux Union
 * General Secretariat, March 2021), Dutch edition, in the brochure's order (country columns BE, NL, LU
 * under each heading).
 *
 * Transcription rules (docs: this comment is the reference):
 * - names, addresses, numbers and e-mail addresses as printed in the Dutch edition; words the layout
 *   hyphenated across lines are joined ("jeugdzorgne-derland.nl" -> "jeugdzorgnederland.nl");
 * - a website printed without a scheme gets "https://"; one printed with a scheme keeps it;
 * - typesetting slips are corrected only where the meaning is certain, each with a comment here;
 * - what does not fit a field (a web form instead of an e-mail address, a mobile number) goes into
 *   `notes`, quoting the brochure in Dutch, the language of the source.
 * The brochure itself warns that contact details change (colophon "DISCLAIMER"): users edit them, and
 * their edits are kept apart from seed updates (merge.ts).
 */
import { CATEGORY_SOURCES, SEED_DOCUMENT, type ContactCategory, type DirectorySeed, type SeedContact } from './contact.schema';

type Entry = Omit<SeedContact, 'source' | 'postalAddress' | 'faxes' | 'notes'> &
  Partial<Pick<SeedContact, 'postalAddress' | 'faxes' | 'notes'>>;

function src(category: ContactCategory): SeedContact['source'] {
  const { section, heading } = CATEGORY_SOURCES[category];
  return { document: SEED_DOCUMENT, section, heading };
}

function entry(e: Entry): SeedContact {
  return {
    id: e.id,
    country: e.country,
    category: e.category,
    name: e.name,
    address: e.address,
    postalAddress: e.postalAddress ?? null,
    phones: e.phones,
    faxes: e.faxes ?? [],
    emails: e.emails,
    websites: e.websites,
    notes: e.notes ?? null,
    source: src(e.category),
  };
}

const ENTRIES: readonly SeedContact[] = [
  // 5.1 Gerechtelijke autoriteiten en justitie
  entry({
    id: 'be-federaal-parket',
    country: 'BE',
    category: 'justice',
    name: 'Federaal parket',
    address: 'Wolstraat 66 bus 1, BE – 1000 BRUSSEL',
    phones: ['+32 (0)2 557 77 11'],
    faxes: ['+32 (0)2 557 77 99'],
    emails: ['federaal.parket@just.fgov.be'],
    websites: ['https://www.om-mp.be/'],
  }),
  entry({
    id: 'nl-landelijk-parket',
    country: 'NL',
    category: 'justice',
    name: 'Landelijk Parket (locatie Zwolle)',
    address: 'Schuurmanstraat 2, NL – 8011 KP ZWOLLE',
    postalAddress: 'Postbus 1185, NL – 8001 BD ZWOLLE',
    phones: ['+31 (0)886 99 23 70'],
    emails: ['OpenbaarMinisterie.LP.mensenhandel@om.nl'],
    websites: ['https://www.om.nl'],
  }),
  entry({
    id: 'lu-parket-luxemburg',
    country: 'LU',
    category: 'justice',
    name: 'Parket van Luxemburg',
    address: 'Cité Judiciaire, Bâtiment PL - Plateau Saint-Esprit, LU – 2080 LUXEMBOURG',
    phones: ['+352 47 59 81 - 1'],
    faxes: ['+352 47 59 81-629'],
    // The brochure prints the website under "Algemeen mailadres"; no e-mail address is given.
    emails: [],
    websites: ['https://www.justice.public.lu'],
    notes: 'De brochure vermeldt geen e-mailadres ("Algemeen mailadres: www.justice.public.lu").',
  }),
  entry({
    id: 'lu-parket-diekirch',
    country: 'LU',
    category: 'justice',
    name: 'Parket van Diekirch',
    address: 'Place Guillaume, L – 9237 Diekirch',
    phones: ['+352 80 32 14-1'],
    faxes: ['+352 80 24 84'],
    emails: ['guichet.pd@justice.etat.lu'],
    websites: ['https://www.justice.public.lu'],
  }),

  // 5.2 Politiediensten
  entry({
    id: 'be-djsoc',
    country: 'BE',
    category: 'police',
    name: 'Centrale directie voor de bestrijding van de zware en georganiseerde criminaliteit (DJSOC) van de federale politie',
    address: 'Koningstraat 202A, BE – 1000 BRUSSEL',
    phones: ['+32 (0)2 642 63 10'],
    faxes: ['+32 (0)2 642 62 24'],
    emails: ['DJSOC.MH-TEH.Dir@police.belgium.eu'],
    websites: ['https://www.politie.be/fed/nl'],
  }),
  entry({
    id: 'nl-emm',
    country: 'NL',
    category: 'police',
    name: 'Expertisecentrum Mensenhandel en Mensensmokkel (EMM)',
    address: 'Hanzelaan 95 (gebouw 45), NL – 8017 JE ZWOLLE',
    phones: ['+31 (0)886 62 53 33'],
    emails: ['emm@politie.nl'],
    websites: [],
  }),
  entry({
    id: 'lu-spj-georganiseerde-criminaliteit',
    country: 'LU',
    category: 'police',
    name: 'Dienst Gerechtelijke Politie, Afdeling 2 “Georganiseerde criminaliteit”',
    address: '24, rue de Bitbourg, LU – 2957 LUXEMBOURG',
    // Printed "+ 352 244 60 3220" (a space after the plus sign).
    phones: ['+352 244 60 3220'],
    emails: ['spj.co@police.etat.lu'],
    websites: ['https://www.police.public.lu'],
  }),
  entry({
    id: 'lu-spj-bescherming-slachtoffers',
    country: 'LU',
    category: 'police',
    name: 'Dienst Gerechtelijke Politie, Afdeling 5 “Cel Bescherming van Slachtoffers”',
    address: '24, rue de Bitbourg, LU – 2957 Luxembourg',
    // Printed "+ 352 244 60 3220" (a space after the plus sign).
    phones: ['+352 244 60 3220'],
    emails: ['traite@police.etat.lu'],
    websites: ['https://www.police.public.lu'],
  }),
  entry({
    id: 'lu-directie-gerechtelijke-politie',
    country: 'LU',
    category: 'police',
    name: 'Directie van de Gerechtelijke Politie',
    address: '24 rue de Bitbourg, LU – 2957 LUXEMBOURG',
    phones: ['+352 244 60 6010 / 6000'],
    emails: ['spj.dire@police.etat.lu'],
    websites: ['https://www.police.public.lu'],
  }),

  // 5.3 Diensten voor toezicht op het naleven van de sociale wetgeving en arbeidswetgeving
  entry({
    id: 'be-rsz-front-office',
    country: 'BE',
    category: 'labourInspection',
    name: 'Rijksdienst voor Sociale Zekerheid – Front Office',
    address: 'Victor Hortaplein 11, BE – 1060 BRUSSEL',
    // Printed "+32 (0)2 509 59 59 )": the stray closing parenthesis is dropped.
    phones: ['+32 (0)2 509 59 59'],
    emails: ['contact@onssrszlss.fgov.be'],
    websites: ['https://www.rsz.be'],
  }),
  entry({
    id: 'be-toezicht-sociale-wetten',
    country: 'BE',
    category: 'labourInspection',
    name: 'Dienst Toezicht op de Sociale Wetten (FOD Werkgelegenheid, Arbeid en Sociaal Overleg)',
    address: 'Ernest Blerotstraat 1, BE – 1070 BRUSSEL',
    phones: ['+32 (0)2 233 41 11'],
    emails: ['tsw@werk.belgie.be'],
    websites: ['http://www.werk.belgie.be'],
  }),
  entry({
    id: 'nl-iszw',
    country: 'NL',
    category: 'labourInspection',
    name: 'Inspectie Sociale zaken en Werkgelegenheid (ISZW)',
    address: 'Parnassusplein 5, NL – 2511 VX DEN HAAG',
    postalAddress: 'Postbus 820, NL – 3500 AV UTRECHT',
    phones: ['+31 (0)703 33 56 78'],
    emails: [],
    websites: ['http://www.inspectieszw.nl'],
  }),
  entry({
    id: 'lu-itm',
    country: 'LU',
    category: 'labourInspection',
    name: 'Arbeids- en Mijninspectie',
    address: '3, rue des Primeurs, LU – 2361 STRASSEN',
    phones: ['+352 2 477 61 00'],
    faxes: ['+352 2 479 61 00'],
    emails: ['contact@itm.etat.lu'],
    websites: ['https://www.itm.public.lu'],
  }),

  // 5.4 Diensten voor afgifte van verblijfsvergunningen
  entry({
    id: 'be-dvz-minteh',
    country: 'BE',
    category: 'residencePermits',
    name: 'Dienst Vreemdelingenzaken (DVZ) – Afdeling Internationale Bescherming – Cel Kwetsbaren (Bureau MINTEH)',
    address: 'Pachecolaan 44, BE – 1000 BRUSSEL',
    phones: ['+32 (0)2 793 89 25'],
    faxes: ['+32 (0)2 274 66 95'],
    emails: ['thb@ibz.fgov.be'],
    websites: ['https://www.dofi.ibz.be'],
  }),
  entry({
    id: 'nl-ind',
    country: 'NL',
    category: 'residencePermits',
    name: 'Immigratie- en naturalisatiedienst (IND)',
    address: 'Rijnstraat 8, 2515 XP Den Haag',
    postalAddress: 'Postbus 287, NL – 7600 AG ALMELO',
    phones: ['+31 (0)880 43 04 30'],
    emails: [],
    websites: ['https://www.ind.nl', 'https://ind.nl/contact/Paginas/E-mail.aspx'],
    notes: 'E-mailformulier op website: https://ind.nl/contact/Paginas/E-mail.aspx',
  }),
  entry({
    id: 'lu-directie-immigratie',
    country: 'LU',
    category: 'residencePermits',
    name: 'Directie Immigratie',
    address: '26, route d’Arlon, LU – 1140 LUXEMBOURG',
    phones: ['+352 24 71'],
    faxes: ['+352 22 16 08'],
    emails: ['Immigration.public@mae.etat.lu'],
    websites: ['https://www.maee.gouvernement.lu'],
  }),

  // 5.6 Centra voor opvang van (mogelijke) slachtoffers van mensenhandel
  entry({
    id: 'be-payoke',
    country: 'BE',
    category: 'receptionCentres',
    name: 'Payoke ASBL',
    address: 'Leguit 4, BE – 2000 ANTWERPEN',
    phones: ['+32 (0)3 201 16 90'],
    faxes: ['+32 (0)3 233 23 24'],
    emails: ['admin@payoke.be'],
    websites: ['https://www.payoke.be'],
  }),
  entry({
    id: 'be-pag-asa',
    country: 'BE',
    category: 'receptionCentres',
    name: 'PAG-ASA ASBL',
    address: 'Cellebroersstraat 16B, BE – 1000 BRUSSEL',
    phones: ['+32 (0)2 511 64 64'],
    // Printed "+ 32 (0)2 511 58 68" (a space after the plus sign).
    faxes: ['+32 (0)2 511 58 68'],
    emails: ['Info@pag-asa.be'],
    websites: ['https://www.pag-asa.be'],
  }),
  entry({
    id: 'be-surya',
    country: 'BE',
    category: 'receptionCentres',
    name: 'Sürya ASBL',
    address: 'Rue Rouveroy 2, BE – 4000 LIEGE',
    phones: ['+32 (0)4 232 40 30'],
    faxes: ['+32 (0)4 232 40 39'],
    emails: ['info@asblsurya.be'],
    websites: ['https://www.asblsurya.org'],
  }),
  entry({
    id: 'nl-coa',
    country: 'NL',
    category: 'receptionCentres',
    name: 'Centraal Orgaan opvang asielzoekers (COA)',
    address: 'Rijnstraat 8, 2515 XP Den Haag',
    postalAddress: 'Postbus 30203, 2500 GE Den Haag',
    phones: ['+31 (0)88 715 70 00'],
    emails: ['info@coa.nl'],
    websites: ['https://www.coa.nl'],
  }),
  entry({
    id: 'nl-jeugdzorg-nederland',
    country: 'NL',
    category: 'receptionCentres',
    name: 'Jeugdzorg Nederland',
    address: 'Churchilllaan 115, 3527 GV UTRECHT',
    postalAddress: 'Postbus 85011, NL – 3508 AA UTRECHT',
    phones: ['+31 (0)30 298 34 00'],
    faxes: ['+31 (0)30 298 34 04'],
    emails: ['info@jeugdzorgnederland.nl'],
    websites: ['http://jeugdzorgnederland.nl'],
  }),
  entry({
    id: 'nl-nidos',
    country: 'NL',
    category: 'receptionCentres',
    name: 'Nidos',
    address: 'Maliebaan 99, NL – 3581 CH UTRECHT',
    // As printed: "13021" without the word "Postbus".
    postalAddress: '13021, NL – 3507 LA UTRECHT',
    phones: ['+31 (0)885011200'],
    faxes: ['+31 (0)302 39 12 90'],
    emails: ['contact@nidos.nl'],
    websites: ['https://www.nidos.nl'],
  }),
  entry({
    id: 'lu-savteh',
    country: 'LU',
    category: 'receptionCentres',
    name: 'Dienst Bijstand aan Slachtoffers van Mensenhandel - INFOTRAITE «SAVTEH»/ Femmes en Détresse Asbl (Vrouwen in nood)',
    address: 'FED B.P. 1024, LU – 1010 LUXEMBOURG',
    phones: ['+352 621 31 69 19'],
    emails: ['info@traite.lu'],
    websites: ['https://www.fed.lu', 'https://fed.lu/wp/services/savteh/'],
    notes: 'Mobiel telefoonnummer. INFOTRAITE: gemeenschappelijk e-mailadres van SAVTEH en COTEH.',
  }),
  entry({
    id: 'lu-coteh',
    country: 'LU',
    category: 'receptionCentres',
    name: 'Dienst Bijstand aan Slachtoffers van Mensenhandel - INFOTRAITE «COTEH»/ Fondation Maison Porte Ouverte (Stichting Huis Open Deur)',
    address: 'FMPO 2, rue du Fort Elisabeth, LU – 1463 LUXEMBOURG',
    phones: ['+352 621 35 18 84'],
    emails: ['info@traite.lu'],
    websites: ['https://www.fmpo.lu'],
    notes: 'Mobiel telefoonnummer. INFOTRAITE: gemeenschappelijk e-mailadres van SAVTEH en COTEH.',
  }),

  // 5.7 Opvang van asielzoekers (BE)
  entry({
    id: 'be-fedasil',
    country: 'BE',
    category: 'asylumReception',
    name: 'Federaal Agentschap voor de opvang van asielzoekers',
    address: 'Kartuizersstraat 21, 1000 Brussel',
    phones: ['+32 (0)2 213 44 11'],
    emails: ['info@fedasil.be'],
    websites: [],
  }),

  // 5.8 Coördinatie eerste opvang en zorg: Landelijke helpdesk (NL)
  entry({
    id: 'nl-comensha',
    country: 'NL',
    category: 'firstReceptionAndCare',
    name: 'CoMensha',
    address: 'Smallepad 30, NL – 3811 MG AMERSFOORT',
    phones: ['+31 (0)334 48 11 86'],
    emails: ['info@comensha.nl'],
    websites: ['https://www.comensha.nl'],
  }),

  // 5.9 Diensten verantwoordelijk voor de verzoekers om internationale bescherming (LU)
  entry({
    id: 'lu-ona',
    country: 'LU',
    category: 'internationalProtection',
    name: 'Nationaal Agentschap voor Opvang – ONA',
    address: '5, rue Carlo Hemmer, L-1734 Luxembourg',
    phones: ['+352 247-85700'],
    faxes: ['+352 247 85720'],
    emails: ['info@ona.public.lu'],
    websites: ['https://www.ona.gouvernement.lu'],
  }),

  // 5.10 Coördinatie voor de bijstand aan slachtoffers (LU)
  entry({
    id: 'lu-mega',
    country: 'LU',
    category: 'victimAssistanceCoordination',
    name: 'Ministerie van Gelijkheid tussen Vrouwen en Mannen',
    address: '6A, bd F.-D. Roosevelt (Bâtiment Terres Rouges), LU - 2921 Luxembourg',
    phones: ['+352 247 85821/31', '+352 621 266 731'],
    emails: ['social@mega.public.lu', 'info@mega.public.lu'],
    websites: ['https://www.mega.public.lu', 'https://www.mega.gouvernement.lu'],
    notes: 'Vast telefoonnummer +352 247 85821/31, mobiel +352 621 266 731. Mailadres social@mega.public.lu; algemeen mailadres info@mega.public.lu.',
  }),

  // 5.5 Beleidscoördinerende organen (listed last in the body of section 5)
  entry({
    id: 'be-icc-bureau',
    country: 'BE',
    category: 'policyCoordination',
    name: 'Bureau van de Interdepartementale Coördinatiecel voor de strijd tegen de mensensmokkel en Mensenhandel',
    address: 'Waterloolaan 115, BE – 1000 BRUSSEL',
    phones: ['+32 (0)2 542 65 11'],
    emails: ['teh-mh@dsb-spc.be'],
    // Printed across three lines as ".../web/ index.php?option=com_content&- task=view&id=41&Itemid=65".
    websites: ['http://www.dsb-spc.be/web/index.php?option=com_content&task=view&id=41&Itemid=65'],
  }),
  entry({
    id: 'be-expertisenetwerk-college-pg',
    country: 'BE',
    category: 'policyCoordination',
    name: 'Expertisenetwerk mensenhandel bij het College van Procureurs-generaal',
    address: 'Secretariaat van het College van Procureurs-generaal, Waterloolaan 76, 1000 Brussel',
    phones: ['+32 (0)2 557 42 00'],
    emails: ['sdaomp@just.fgov.be'],
    websites: [],
  }),
  entry({
    id: 'nl-jenv-drc',
    country: 'NL',
    category: 'policyCoordination',
    name: 'Ministerie van Justitie en Veiligheid / Directie Rechtshandhaving en Criminaliteitsbestrijding',
    address: 'Turfmarkt 147, NL – 2511 DJ DEN HAAG',
    postalAddress: 'Postbus 20301, NL – 2500 EH DEN HAAG',
    phones: ['+31 (0)703 70 31 61'],
    // Printed hyphenated across lines as "tegen-mensenhan- del@minjenv.nl".
    emails: ['tegen-mensenhandel@minjenv.nl'],
    websites: ['https://www.rijksoverheid.nl/ministeries/ministerie-van-justitie-en-veiligheid'],
  }),
  entry({
    id: 'lu-monitoringcomite',
    country: 'LU',
    category: 'policyCoordination',
    name: 'Monitoringcomité, Ministerie van Justitie',
    address: '13, rue Erasme, LU – 1468 Luxembourg',
    phones: [],
    faxes: ['+352 2 478 40 27'],
    emails: ['info@mj.public.lu'],
    websites: [
      'https://www.mj.gouvernement.etat.lu',
      'https://mj.gouvernement.lu/fr/dossiers/2020/lutte-traite-humains.html',
      'https://www.stoptraite.lu',
    ],
  }),
];

export const DIRECTORY_SEED: DirectorySeed = {
  seedVersion: 1,
  seedDate: '2026-11-29',
  sourceDate: '2021-03',
  document: SEED_DOCUMENT,
  entries: [...ENTRIES],
};
