/**
 * The organisation's first signing and encryption keys, made in the new vault's first transaction
 * (private halves only in the encrypted database). A set-up step handed to the vault by app-core,
 * so that the vault does not depend on handover.
 */
import type { VaultSetupStep } from '../vault/vault-creation';
import { initialOrganisationKeys } from './keys.service';

export const organisationKeysAtSetup: VaultSetupStep = ({ db, now, admin, organisation, audit }) => {
  const keys = initialOrganisationKeys(db, organisation, now, admin.id);
  audit({ actorId: admin.id, actorName: admin.username, action: 'keys.create', details: { fingerprint: keys.fingerprint, orgId: keys.orgId, at: 'setup' } });
};
