/**
 * The receiving country's referral mechanism in a few points (domain.md §4), shown
 * when a handover to that country starts, next to the checklist generated for the direction
 * (checklist.templates.ts, whose 'requirement' items cite the same sections). Rules are data.
 */
import type { Country } from '../domain';
import type { Labels } from '../rules/rule.types';

export interface ProcedurePoint {
  readonly label: Labels;
  readonly source: string;
}

const L = (en: string, nl: string, fr: string): Labels => ({ en, nl, fr });

export const RECEIVING_PROCEDURES: Readonly<Record<Country, readonly ProcedurePoint[]>> = {
  BE: [
    {
      label: L(
        'Jurisdiction: the facts took place at least partly on Belgian territory.',
        'Rechtsmacht: de feiten vonden minstens gedeeltelijk plaats op Belgisch grondgebied.',
        'Compétence : les faits ont eu lieu au moins en partie sur le territoire belge.',
      ),
      source: 'brochure §4 BE "Basis"',
    },
    {
      label: L(
        'Three cumulative conditions: break off contact with the suspected perpetrators, guidance by a recognised specialised centre, cooperation with the judicial authorities (at the latest at the end of the reflection period).',
        'Drie cumulatieve voorwaarden: contact met de vermoedelijke daders verbreken, begeleiding door een erkend gespecialiseerd centrum, samenwerking met de gerechtelijke overheden (uiterlijk op het einde van de reflectieperiode).',
        "Trois conditions cumulatives : rompre le contact avec les auteurs présumés, accompagnement par un centre spécialisé reconnu, coopération avec les autorités judiciaires (au plus tard à la fin du délai de réflexion).",
      ),
      source: 'brochure §4 BE "Detectie van het slachtoffer"',
    },
    {
      label: L(
        'Phase 1: a reflection period of 45 days (annex 15), not extendable; phase 2: an attestation of immatriculation of at most 3 months, renewable once; phase 3: a BIVR of 6 months, renewed until the judgment.',
        'Fase 1: een reflectieperiode van 45 dagen (bijlage 15), niet verlengbaar; fase 2: een attest van immatriculatie van maximaal 3 maanden, eenmaal verlengbaar; fase 3: een BIVR van 6 maanden, verlengd tot het vonnis.',
        "Phase 1 : un délai de réflexion de 45 jours (annexe 15), non prolongeable ; phase 2 : une attestation d'immatriculation de 3 mois au plus, renouvelable une fois ; phase 3 : un CIRE de 6 mois, renouvelé jusqu'au jugement.",
      ),
      source: 'brochure §4 BE "Verblijfsprocedure"',
    },
    {
      label: L(
        'The reference magistrate for trafficking grants the victim status; DVZ (Cel Kwetsbaren, Bureau MINTEH) issues the residence documents.',
        'De referentiemagistraat mensenhandel kent het slachtofferstatuut toe; DVZ (Cel Kwetsbaren, Bureau MINTEH) geeft de verblijfsdocumenten af.',
        "Le magistrat de référence traite des êtres humains octroie le statut de victime ; l'Office des étrangers (Bureau MINTEH) délivre les documents de séjour.",
      ),
      source: 'brochure §4 BE "Basis"',
    },
    {
      label: L(
        'Unaccompanied foreign minors: a guardian is appointed, and the minor receives an attestation of immatriculation at once.',
        'Niet-begeleide minderjarige vreemdelingen: een voogd wordt aangesteld, en de minderjarige krijgt onmiddellijk een attest van immatriculatie.',
        "Mineurs étrangers non accompagnés : un tuteur est désigné, et le mineur reçoit immédiatement une attestation d'immatriculation.",
      ),
      source: 'brochure §4 BE "Specifieke elementen/maatregelen inzake NBMV"',
    },
  ],
  NL: [
    {
      label: L(
        'Without residence status: a reflection period of at most 3 months to decide whether to report; the IND suspends departure; right to shelter (adults preferably in the COSM, through CoMensha).',
        'Zonder verblijfsstatus: een bedenktijd van maximaal 3 maanden om te beslissen over aangifte; de IND schort het vertrek op; recht op opvang (meerderjarigen bij voorkeur in de COSM, via CoMensha).',
        "Sans titre de séjour : un délai de réflexion de 3 mois au plus pour décider de porter plainte ; l'IND suspend le départ ; droit à l'hébergement (adultes de préférence en COSM, via CoMensha).",
      ),
      source: 'brochure §4 NL "Reflectieperiode"; Vw 2000 art. 8 onder k',
    },
    {
      label: L(
        'An information interview at the AVIM with a police officer certified for trafficking.',
        'Een informatiegesprek bij de AVIM met een voor mensenhandel gecertificeerde politiemedewerker.',
        "Un entretien d'information à l'AVIM avec un policier certifié en matière de traite.",
      ),
      source: 'brochure §4 NL "Informatie voor en bijstand van het slachtoffer"',
    },
    {
      label: L(
        'After a report: a temporary residence permit for the duration of the investigation and prosecution; afterwards, a non-temporary permit on humanitarian grounds may be requested.',
        'Na aangifte: een tijdelijke verblijfsvergunning voor de duur van opsporing en vervolging; daarna kan een niet-tijdelijke vergunning op humanitaire gronden worden aangevraagd.',
        "Après une plainte : un titre de séjour temporaire pour la durée de l'enquête et des poursuites ; ensuite, un titre non temporaire pour raisons humanitaires peut être demandé.",
      ),
      source: 'brochure §4 NL; Vb 2000 art. 3.48(1)(a) and 3.51(3)',
    },
    {
      label: L(
        'Unaccompanied foreign minors: Nidos decides on placement in the Beschermde Opvang (COA) and holds the guardianship. EU citizens in their first five years need an IND exemption for shelter.',
        'Alleenstaande minderjarige vreemdelingen: Nidos beslist over plaatsing in de Beschermde Opvang (COA) en heeft de voogdij. EU-burgers in hun eerste vijf jaar hebben voor opvang een ontheffing van de IND nodig.',
        "Mineurs étrangers non accompagnés : Nidos décide du placement en Beschermde Opvang (COA) et exerce la tutelle. Les citoyens de l'UE dans leurs cinq premières années ont besoin d'une dérogation de l'IND pour l'hébergement.",
      ),
      source: 'brochure §4 NL "Ondersteuning minderjarige slachtoffers"; "Basis"',
    },
  ],
  LU: [
    {
      label: L(
        'Identification by the judicial police (SPJ) with the indicator list is a precondition for assistance and, for third-country nationals, for the reflection period; the facts took place in principle at least partly on Luxembourg territory.',
        'Identificatie door de gerechtelijke politie (SPJ) aan de hand van de indicatorenlijst is een voorwaarde voor bijstand en, voor onderdanen van derde landen, voor de bedenktijd; de feiten vonden in beginsel minstens gedeeltelijk plaats op Luxemburgs grondgebied.',
        "L'identification par la police judiciaire (SPJ) à l'aide de la liste d'indicateurs est une condition de l'assistance et, pour les ressortissants de pays tiers, du délai de réflexion ; les faits ont eu lieu en principe au moins en partie sur le territoire luxembourgeois.",
      ),
      source: 'brochure §4 LU "Identificatie van de slachtoffers"; "Basis"',
    },
    {
      label: L(
        "A reflection period of 90 days (certificat de sursis à l'éloignement), during which the person may not be removed nor leave the territory.",
        "Een bedenktijd van 90 dagen (certificat de sursis à l'éloignement), waarin de persoon niet verwijderd mag worden en het grondgebied niet mag verlaten.",
        "Un délai de réflexion de 90 jours (certificat de sursis à l'éloignement), pendant lequel la personne ne peut être éloignée ni quitter le territoire.",
      ),
      source: 'brochure §4 LU "Reflectieperiode"; law of 29.08.2008 art. 93',
    },
    {
      label: L(
        'A residence permit for victims of 6 months, renewable while the judicial proceedings last.',
        'Een verblijfsvergunning voor slachtoffers van 6 maanden, verlengbaar zolang de gerechtelijke procedure loopt.',
        'Un titre de séjour pour victimes de 6 mois, renouvelable tant que dure la procédure judiciaire.',
      ),
      source: 'brochure §4 LU; law of 29.08.2008 art. 95',
    },
    {
      label: L(
        'Minors: the police youth protection unit is informed; a person whose age is in doubt is presumed a minor; an ad hoc administrator and a guardian are appointed when needed. SAVTEH and COTEH work office hours.',
        'Minderjarigen: de jeugdbeschermingseenheid van de politie wordt ingelicht; wie een twijfelachtige leeftijd heeft, wordt vermoed minderjarig te zijn; zo nodig worden een beheerder ad hoc en een voogd aangesteld. SAVTEH en COTEH werken tijdens de kantooruren.',
        "Mineurs : l'unité de protection de la jeunesse de la police est informée ; une personne dont l'âge est incertain est présumée mineure ; un administrateur ad hoc et un tuteur sont désignés si nécessaire. SAVTEH et COTEH travaillent aux heures de bureau.",
      ),
      source: 'brochure §4 LU "Minderjarige slachtoffers"; "Informatie voor en bijstand van het slachtoffer"',
    },
  ],
};
