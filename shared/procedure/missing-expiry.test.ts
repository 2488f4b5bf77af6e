/**
 * A document dated only by its printed expiry, recorded without it: the track says so until the
 * expiry is entered. Table-driven, each row citing the brochure sentence that gives (or withholds)
 * the term.
 */
import { describe, expect, it } from 'vitest';
import { deriveTrackState } from './engine';
import { track, type Row } from './engine.fixtures';
import { missingDocumentExpiry } from './missing-expiry';

const NL_PERMIT = 'brochure NL "Verblijfsvergunning": "een tijdelijke verblijfsvergunning voor de duur van het opsporings- en vervolgingsonderzoek"';
const NL_ENDS = 'brochure NL: "Na afloop van het strafproces loopt de verblijfsvergunning op grond van de verblijfsregeling mensenhandel af"';
const LU_WORKER = '§4 LU "Verdere afhandeling en verblijfsvergunning": "een verblijfstitel aanvragen voor loontrekkende werknemer"; law of 29.08.2008 art. 42';
const BE_REFLECTION = '§4 BE: the reflection period lasts 45 days (a computed term, never missing)';

const LU_WITH_PERMIT: Row[] = [
  ['identifiedByJudicialPolice', '2026-05-01'],
  ['reflectionGranted', '2026-05-01'],
  ['victimPermitGranted', '2026-07-20'],
];

const cases: { name: string; source: string; country: 'BE' | 'NL' | 'LU'; events: Row[]; missing: string | null }[] = [
  {
    name: 'NL temporary permit recorded without its expiry: missing',
    source: NL_PERMIT,
    country: 'NL',
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10'],
    ],
    missing: 'residencePermitExpiry',
  },
  {
    name: 'NL temporary permit with its printed expiry: nothing missing',
    source: NL_PERMIT,
    country: 'NL',
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10', '2027-03-09'],
    ],
    missing: null,
  },
  {
    name: 'an extension recorded with its expiry settles a permit recorded without',
    source: NL_PERMIT,
    country: 'NL',
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10'],
      ['temporaryPermitExtended', '2027-03-01', '2028-03-09'],
    ],
    missing: null,
  },
  {
    name: 'an extension recorded without its expiry is missing again',
    source: NL_PERMIT,
    country: 'NL',
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10', '2027-03-09'],
      ['temporaryPermitExtended', '2027-03-01'],
    ],
    missing: 'residencePermitExpiry',
  },
  {
    name: 'after the proceedings the permit still runs out on its date: still missing',
    source: NL_ENDS,
    country: 'NL',
    events: [
      ['reportMade', '2026-03-01'],
      ['temporaryPermitGranted', '2026-03-10'],
      ['criminalProceedingsEnded', '2026-12-01'],
    ],
    missing: 'residencePermitExpiry',
  },
  {
    name: 'LU salaried worker permit without its expiry: missing',
    source: LU_WORKER,
    country: 'LU',
    events: [...LU_WITH_PERMIT, ['salariedWorkerPermitGranted', '2027-01-10']],
    missing: 'residencePermitExpiry',
  },
  {
    name: 'BE annex 15: a computed term, never missing',
    source: BE_REFLECTION,
    country: 'BE',
    events: [['annex15Issued', '2026-03-01']],
    missing: null,
  },
];

describe('a document recorded without the expiry that alone dates it', () => {
  it.each(cases)('$name ($source)', ({ country, events, missing }) => {
    const state = deriveTrackState(track(country, events));
    expect(missingDocumentExpiry(state)?.kind ?? null).toBe(missing);
  });
});
