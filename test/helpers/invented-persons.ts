/**
 * A seeded generator of invented persons with procedure events (tests and `npm run bench`).
 * Names are syllables from test/helpers/random.ts: never real data. Each track follows a path the
 * rule tables allow (checked by the engine when the data are loaded), cut at a random length.
 */
import { addDays, type CalendarDate } from '../../shared/dates/calendar-date';
import type { Country } from '../../shared/domain';
import type { PersonFields } from '../../shared/persons/person.schema';
import type { EventType } from '../../shared/procedure/track.schema';
import { inventedName, seededRandom } from './random';

export interface InventedEvent {
  type: EventType;
  date: CalendarDate;
}

export interface InventedPerson {
  fields: PersonFields;
  /** Index into the caseworker list given to the generator, or null (unassigned). */
  caseworker: number | null;
  tracks: { country: Country; events: InventedEvent[] }[];
}

/** Paths an adult third-country national may follow; renewals repeat (types after '*' repeat). */
const PATHS: Record<Country, { steps: EventType[]; renewal: EventType; endings: EventType[] }> = {
  BE: { steps: ['annex15Issued', 'statementMade', 'evaluationPositive', 'bivrIssued'], renewal: 'bivrRenewed', endings: ['voluntaryReturn', 'closed'] },
  NL: { steps: ['reflectionStarted', 'reportMade', 'temporaryPermitGranted'], renewal: 'temporaryPermitExtended', endings: ['voluntaryReturn', 'closed'] },
  LU: {
    steps: ['identifiedByJudicialPolice', 'reflectionGranted', 'victimPermitGranted'],
    renewal: 'victimPermitRenewed',
    endings: ['voluntaryReturn', 'closed'],
  },
};
const RENEWAL_GAP_DAYS = 150;

const NATIONALITIES = ['NG', 'RO', 'BG', 'VN', 'CN', 'MA', 'AL', 'UA', 'BR', 'IN', 'ER', 'PH'] as const;
/**
 * The Dutch bedenktijd and the Luxembourg victim permit are for persons without residence status
 * (brochure §4 NL and LU): a person with a Dutch or Luxembourg track is invented as a third-country
 * national, so the invented events are ones the rules accept.
 */
const THIRD_COUNTRY_NATIONALITIES = NATIONALITIES.filter((n) => n !== 'RO' && n !== 'BG');
const LANGUAGES = ['en', 'fr', 'ro', 'bg', 'vi', 'zh', 'ar', 'sq', 'uk', 'pt', 'ti', 'tl'] as const;
const FORMS = ['sexual', 'begging', 'labour', 'organRemoval', 'forcedCriminality'] as const;

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)] as T;
}

function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Events of one track, the last one dated between `today` - 400 days and `today`. */
function inventTrack(random: () => number, country: Country, today: CalendarDate, length: number): InventedEvent[] {
  const path = PATHS[country];
  const types: EventType[] = [];
  for (let i = 0; i < length; i++) types.push(i < path.steps.length ? (path.steps[i] as EventType) : path.renewal);
  if (random() < 0.1) types[types.length - 1] = pick(random, path.endings);
  // Dates from the last backwards: renewals about every five months, other steps days or weeks apart.
  const dates: CalendarDate[] = new Array(types.length);
  let date = addDays(today, -int(random, 0, 400));
  for (let i = types.length - 1; i >= 0; i--) {
    dates[i] = date;
    const gap = types[i] === path.renewal ? RENEWAL_GAP_DAYS + int(random, 0, 30) : int(random, 1, 60);
    date = addDays(date, -gap);
  }
  return types.map((type, i) => ({ type, date: dates[i] as CalendarDate }));
}

/**
 * `count` invented persons. About 10 events per person on average (1-15 per track, 25% of persons
 * with a second track), so 100k persons give about 1M events.
 */
export function* inventedPersons(seed: number, count: number, today: CalendarDate, caseworkers: number): Generator<InventedPerson> {
  const random = seededRandom(seed);
  const countries: Country[] = ['BE', 'NL', 'LU'];
  for (let n = 0; n < count; n++) {
    const precisionRoll = random();
    const precision = precisionRoll < 0.6 ? 'exact' : precisionRoll < 0.8 ? 'approximate' : precisionRoll < 0.9 ? 'disputed' : 'unknown';
    const dob = precision === 'unknown' ? null : addDays(today, -int(random, 14 * 365, 50 * 365));
    const first = pick(random, countries);
    const tracks = [{ country: first, events: inventTrack(random, first, today, int(random, 1, 15)) }];
    if (random() < 0.25) {
      const second = pick(random, countries.filter((c) => c !== first));
      tracks.push({ country: second, events: inventTrack(random, second, today, int(random, 1, 15)) });
    }
    const aliases = random() < 0.3 ? [inventedName(random, 2)] : [];
    const interpreter = random() < 0.5;
    const fields: PersonFields = {
      givenNames: inventedName(random, int(random, 2, 3)),
      familyName: inventedName(random, int(random, 2, 4)),
      aliases,
      dateOfBirth: { precision, date: dob },
      ageInDoubt: random() < 0.05,
      unaccompanied: false,
      gender: pick(random, ['female', 'male', 'other', 'unknown'] as const),
      nationalities: [pick(random, tracks.some((t) => t.country !== 'BE') ? THIRD_COUNTRY_NATIONALITIES : NATIONALITIES)],
      languages: [pick(random, LANGUAGES)],
      interpreter: { needed: interpreter, language: interpreter ? pick(random, LANGUAGES) : null },
      safetyNotes: random() < 0.3 ? `${inventedName(random)} ${inventedName(random)} ${inventedName(random)}` : '',
      guardianships: [],
      detection: { date: tracks[0]?.events[0]?.date ?? null, country: first, by: pick(random, ['police', 'labourInspection', 'ngo', 'asylumReception', 'selfReferral', 'other'] as const) },
      identification: null,
      exploitationForms: [pick(random, FORMS)],
      exploitationCountries: [first],
      centre: null,
    };
    yield { fields, caseworker: random() < 0.9 ? int(random, 0, caseworkers - 1) : null, tracks };
  }
}
