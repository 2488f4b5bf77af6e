/**
 * A person's residence status, a recorded fact the rules read (docs/legal-rules.md "Residence
 * status"): derived from nationality by default, editable by staff.
 * - third-country national without status: the Belgian, Dutch and Luxembourg residence procedures;
 * - EU citizen (EU/EEA/Switzerland): NL no bedenktijd (shelter exemption in the first five years),
 *   LU "persoon met eigen middelen", BE the mechanism built for non-EU victims;
 * - lawful resident (any nationality with a right of residence, or a national): NL shelter regardless
 *   of a report.
 */
import { RESIDENCE_STATUSES, type ResidenceStatus } from '../procedure/track.schema';
import { L } from '../rules/common.rules';
import type { Labels } from '../rules/rule.types';

export { RESIDENCE_STATUSES, type ResidenceStatus };

/** The default from nationality: EU/EEA/Swiss nationals are EU citizens, everyone else without status. */
export function defaultResidenceStatus(thirdCountryNational: boolean): ResidenceStatus {
  return thirdCountryNational ? 'thirdCountryNoStatus' : 'euCitizen';
}

export const RESIDENCE_STATUS_LABELS: Readonly<Record<ResidenceStatus, Labels>> = {
  thirdCountryNoStatus: L(
    'Third-country national without residence status',
    'Derdelander zonder verblijfsstatus',
    'Ressortissant de pays tiers sans statut de séjour',
  ),
  euCitizen: L('EU citizen (EU, EEA or Switzerland)', 'EU-burger (EU, EER of Zwitserland)', "Citoyen de l'UE (UE, EEE ou Suisse)"),
  lawfulResident: L('Lawful resident (or national)', 'Rechtmatig verblijvend (of onderdaan)', 'Résident légal (ou ressortissant)'),
};
