import { describe, expect, it } from 'vitest';
import type { DirectorySeed } from './contact.schema';
import {
  EMPTY_EDITS,
  changeSeedEntry,
  directoryEditsSchema,
  hideEntry,
  mergeDirectory,
  resolveSeedChange,
  searchDirectory,
  unhideEntry,
  upsertUserEntry,
  type DirectoryEdits,
} from './merge';
import { DIRECTORY_SEED } from './seed.data';

const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';

/** A later seed in which the brochure's editors changed an entry's phone and website. */
function seedV2(mutate: (s: DirectorySeed) => void): DirectorySeed {
  const next: DirectorySeed = structuredClone(DIRECTORY_SEED);
  next.seedVersion = 2;
  mutate(next);
  return next;
}

function find(seed: DirectorySeed, edits: DirectoryEdits, id: string) {
  const e = mergeDirectory(seed, edits).find((x) => x.id === id);
  if (!e) throw new Error(`missing ${id}`);
  return e;
}

describe('mergeDirectory', () => {
  it('with no edits is the seed', () => {
    const merged = mergeDirectory(DIRECTORY_SEED, EMPTY_EDITS);
    expect(merged).toHaveLength(DIRECTORY_SEED.entries.length);
    expect(merged.every((e) => e.origin === 'seed' && !e.hidden && e.overridden.length === 0)).toBe(true);
  });

  it("shows the user's change instead of the seed value", () => {
    const edits = changeSeedEntry(DIRECTORY_SEED, EMPTY_EDITS, 'be-payoke', { phones: ['+32 3 000 00 00'] }, T1);
    const e = find(DIRECTORY_SEED, edits, 'be-payoke');
    expect(e.phones).toEqual(['+32 3 000 00 00']);
    expect(e.overridden).toEqual(['phones']);
    expect(e.seedChanges).toEqual([]);
    expect(directoryEditsSchema.parse(edits)).toEqual(edits);
  });

  it("does not let a seed update overwrite the user's change, but reports that the seed changed", () => {
    const edits = changeSeedEntry(DIRECTORY_SEED, EMPTY_EDITS, 'be-payoke', { phones: ['+32 3 000 00 00'] }, T1);
    const v2 = seedV2((s) => {
      const p = s.entries.find((x) => x.id === 'be-payoke');
      if (!p) throw new Error('x');
      p.phones = ['+32 3 111 11 11'];
      p.websites = ['https://payoke.be/'];
    });
    const e = find(v2, edits, 'be-payoke');
    expect(e.phones).toEqual(['+32 3 000 00 00']); // the user's value stays
    expect(e.websites).toEqual(['https://payoke.be/']); // a field the user did not touch follows the seed
    expect(e.seedChanges).toEqual([
      { field: 'phones', userValue: ['+32 3 000 00 00'], baseValue: ['+32 (0)3 201 16 90'], seedValue: ['+32 3 111 11 11'] },
    ]);
  });

  it('lets the user take the seed value or keep theirs, after which the change is no longer reported', () => {
    const edits = changeSeedEntry(DIRECTORY_SEED, EMPTY_EDITS, 'be-payoke', { phones: ['+32 3 000 00 00'], notes: 'Bel na 9 uur' }, T1);
    const v2 = seedV2((s) => {
      const p = s.entries.find((x) => x.id === 'be-payoke');
      if (p) p.phones = ['+32 3 111 11 11'];
    });
    const kept = resolveSeedChange(v2, edits, 'be-payoke', 'phones', 'keepMine', T2);
    expect(find(v2, kept, 'be-payoke')).toMatchObject({ phones: ['+32 3 000 00 00'], seedChanges: [] });
    const taken = resolveSeedChange(v2, edits, 'be-payoke', 'phones', 'takeSeed', T2);
    expect(find(v2, taken, 'be-payoke')).toMatchObject({ phones: ['+32 3 111 11 11'], notes: 'Bel na 9 uur', overridden: ['notes'], seedChanges: [] });
  });

  it('keeps the base of a field changed twice, so a second edit does not hide a pending seed change', () => {
    let edits = changeSeedEntry(DIRECTORY_SEED, EMPTY_EDITS, 'nl-nidos', { phones: ['+31 1'] }, T1);
    const v2 = seedV2((s) => {
      const p = s.entries.find((x) => x.id === 'nl-nidos');
      if (p) p.phones = ['+31 2'];
    });
    edits = changeSeedEntry(v2, edits, 'nl-nidos', { phones: ['+31 3'] }, T2);
    expect(find(v2, edits, 'nl-nidos').seedChanges).toHaveLength(1);
  });

  it('drops an override when the user types the seed value back, or the seed catches up', () => {
    let edits = changeSeedEntry(DIRECTORY_SEED, EMPTY_EDITS, 'nl-nidos', { phones: ['+31 1'] }, T1);
    expect(changeSeedEntry(DIRECTORY_SEED, edits, 'nl-nidos', { phones: ['+31 (0)885011200'] }, T2).changed).toEqual([]);
    const v2 = seedV2((s) => {
      const p = s.entries.find((x) => x.id === 'nl-nidos');
      if (p) p.phones = ['+31 1'];
    });
    edits = changeSeedEntry(DIRECTORY_SEED, EMPTY_EDITS, 'nl-nidos', { phones: ['+31 1'] }, T1);
    expect(find(v2, edits, 'nl-nidos')).toMatchObject({ overridden: [], seedChanges: [] });
  });

  it('keeps hidden entries, flagged, and search leaves them out unless asked', () => {
    const edits = hideEntry(EMPTY_EDITS, 'be-rsz-front-office', T1);
    const merged = mergeDirectory(DIRECTORY_SEED, edits);
    expect(merged.find((e) => e.id === 'be-rsz-front-office')?.hidden).toBe(true);
    expect(searchDirectory(merged, { country: 'BE', category: 'labourInspection' }).map((e) => e.id)).toEqual(['be-toezicht-sociale-wetten']);
    expect(searchDirectory(merged, { country: 'BE', category: 'labourInspection', includeHidden: true })).toHaveLength(2);
    expect(mergeDirectory(DIRECTORY_SEED, unhideEntry(edits, 'be-rsz-front-office')).every((e) => !e.hidden)).toBe(true);
    // a seed update does not unhide
    const v2 = seedV2((s) => {
      const p = s.entries.find((x) => x.id === 'be-rsz-front-office');
      if (p) p.notes = 'nieuw';
    });
    expect(mergeDirectory(v2, edits).find((e) => e.id === 'be-rsz-front-office')?.hidden).toBe(true);
  });

  it("keeps the user's own entries through seed updates", () => {
    const edits = upsertUserEntry(EMPTY_EDITS, {
      id: 'user-3f9a',
      country: 'LU',
      category: 'receptionCentres',
      name: 'Foyer de nuit (exemple)',
      address: null,
      postalAddress: null,
      phones: ['+352 000 000'],
      faxes: [],
      emails: ['nuit@example.lu'],
      websites: [],
      notes: null,
      source: null,
    });
    const v2 = seedV2((s) => {
      s.entries = s.entries.filter((e) => e.country !== 'LU');
    });
    const mine = mergeDirectory(v2, edits).filter((e) => e.origin === 'user');
    expect(mine.map((e) => e.id)).toEqual(['user-3f9a']);
    expect(() => upsertUserEntry(EMPTY_EDITS, { ...edits.added[0]!, id: 'lu-fake' })).toThrow();
  });

  it('keeps an edited entry the seed dropped, whole and flagged; drops an unedited one', () => {
    const edits = changeSeedEntry(DIRECTORY_SEED, EMPTY_EDITS, 'lu-ona', { notes: 'Contact: accueil' }, T1);
    const v2 = seedV2((s) => {
      s.entries = s.entries.filter((e) => e.id !== 'lu-ona' && e.id !== 'lu-itm');
    });
    const merged = mergeDirectory(v2, edits);
    expect(merged.find((e) => e.id === 'lu-itm')).toBeUndefined();
    const ona = merged.find((e) => e.id === 'lu-ona');
    expect(ona).toMatchObject({ seedRemoved: true, notes: 'Contact: accueil', emails: ['info@ona.public.lu'], country: 'LU' });
  });

  it('searches case- and accent-insensitively across name, address, e-mail and website', () => {
    const merged = mergeDirectory(DIRECTORY_SEED, EMPTY_EDITS);
    expect(searchDirectory(merged, { text: 'surya liege' }).map((e) => e.id)).toEqual(['be-surya']);
    expect(searchDirectory(merged, { text: 'INFO@TRAITE.LU' }).map((e) => e.id)).toEqual(['lu-savteh', 'lu-coteh']);
    expect(searchDirectory(merged, { text: 'zwolle' }).map((e) => e.id).sort()).toEqual(['nl-emm', 'nl-landelijk-parket']);
    expect(searchDirectory(merged, { country: 'NL', category: 'receptionCentres' })).toHaveLength(3);
  });
});
