import type { Translation } from './en';

export const nl: Translation = {
  errors: {
    validation: 'Sommige velden zijn niet geldig. Controleer de gemarkeerde velden.',
    notFound: 'Dit item werd niet gevonden.',
    vaultExists: 'Er bestaat al een kluis in deze map.',
    vaultMissing: 'Er werd geen kluis gevonden in deze map.',
    vaultBusy: 'Een ander Passerelle-programma gebruikt deze kluis. Sluit het eerst.',
    locked: 'De kluis is vergrendeld. Ontgrendel ze om verder te gaan.',
    wrongCredentials: 'Onbekende gebruikersnaam of verkeerd wachtwoord.',
    tooManyAttempts: 'Te veel mislukte pogingen. Wacht {{seconds}} seconden voor u opnieuw probeert.',
    forbidden: 'Uw rol laat deze actie niet toe.',
    keySlotsDamaged: 'Het sleutelbestand van de kluis is beschadigd. Herstel de kluis uit een back-up.',
    keySlotsTampered: 'Het sleutelbestand van de kluis werd buiten Passerelle gewijzigd. Herstel de kluis uit een back-up.',
    databaseDamaged: 'De databank van de kluis is beschadigd of gewijzigd. Herstel de laatste back-up.',
    databaseRolledBack:
      'De databank van de kluis is ouder dan haar sleutelbestand: ze werd mogelijk vervangen door een oudere kopie. Herstel de laatste back-up.',
    usernameTaken: 'Deze gebruikersnaam is al in gebruik.',
    lastAdmin: 'De laatste actieve beheerder kan niet worden uitgeschakeld of de beheerdersrol verliezen.',
    cannotDisableSelf: 'U kunt uw eigen account niet uitschakelen.',
    userDisabled: 'Deze account is uitgeschakeld.',
    wrongRecoveryKey: 'De herstelsleutel is niet juist.',
    recoveryNotAdmin: 'Met de herstelsleutel kan alleen het wachtwoord van een beheerder worden hersteld.',
    samePassword: 'Het nieuwe wachtwoord moet verschillen van het huidige.',
    auditBroken: 'Het auditlogboek is verbroken bij regel {{seq}}.',
    backupInvalid: 'Dit bestand is geen geldige Passerelle-back-up.',
    targetNotEmpty: 'De doelmap is niet leeg.',
    fileExists: 'Er bestaat al een bestand met deze naam. Kies een andere naam.',
    ruleViolation: 'Niet toegestaan: {{rule}} (bron: {{source}}).',
    packageRejected: 'Het overdrachtspakket werd geweigerd: {{reason}}.',
    internal: 'Er ging iets mis. De details werden zonder persoonsgegevens in het logboek geschreven.',
  },
};
