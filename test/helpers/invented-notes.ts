/**
 * Invented case notes for tests and benchmarks: sentences drawn from a small Dutch, French and English
 * casework vocabulary (with accents, so folding is exercised), a few invented names, and a skewed
 * word frequency (a handful of words appear in a large share of notes, most in few), as real notes do.
 * Seeded: the same seed gives the same notes. No real person's data.
 */
import { inventedName } from './random';
import type { NoteType } from '../../shared/casework/note.schema';

/** Most frequent first: the generator picks low indices far more often. */
export const NOTE_VOCABULARY = {
  nl: [
    'afspraak', 'gesprek', 'begeleiding', 'advocaat', 'tolk', 'verklaring', 'politie', 'opvang', 'huisarts', 'werkgever',
    'loon', 'paspoort', 'verblijf', 'ziekenhuis', 'coöperatie', 'zorgen', 'veilig', 'telefoon', 'school', 'kinderen',
    'magistraat', 'reflectieperiode', 'bijlage', 'gemeente', 'uitkering', 'huur', 'sleutel', 'vertrouwen', 'angst', 'slaap',
    'ontmoeting', 'vervoer', 'taalcursus', 'ziekenfonds', 'rekening', 'identiteitskaart', 'beslissing', 'hoorzitting', 'getuige', 'attest',
  ],
  fr: [
    'rendez-vous', 'entretien', 'accompagnement', 'avocate', 'interprète', 'déclaration', 'police', 'hébergement', 'médecin', 'employeur',
    'salaire', 'passeport', 'séjour', 'hôpital', 'élève', 'inquiétude', 'sécurité', 'téléphone', 'école', 'enfants',
    'magistrat', 'réflexion', 'annexe', 'commune', 'allocation', 'loyer', 'clé', 'confiance', 'peur', 'sommeil',
    'démarches', 'transport', 'français', 'mutuelle', 'compte', 'carte', 'décision', 'audience', 'témoin', 'café',
  ],
  en: [
    'appointment', 'meeting', 'support', 'lawyer', 'interpreter', 'statement', 'police', 'shelter', 'doctor', 'employer',
    'wages', 'passport', 'residence', 'hospital', 'pupil', 'worried', 'safety', 'phone', 'school', 'children',
    'magistrate', 'reflection', 'annex', 'municipality', 'benefits', 'rent', 'keys', 'trust', 'fear', 'sleep',
    'paperwork', 'transport', 'course', 'insurance', 'account', 'card', 'decision', 'hearing', 'witness', 'naïve',
  ],
} as const;

export const NOTE_FILLERS = {
  nl: ['de', 'het', 'een', 'met', 'over', 'voor', 'en', 'is', 'niet', 'nog', 'morgen', 'vandaag'],
  fr: ['le', 'la', 'les', 'avec', 'pour', 'et', 'est', 'pas', 'encore', 'demain', "aujourd'hui", 'à'],
  en: ['the', 'a', 'with', 'about', 'for', 'and', 'is', 'not', 'yet', 'tomorrow', 'today', 'to'],
} as const;

const TYPES: readonly NoteType[] = ['meeting', 'phoneCall', 'visit', 'accompaniment', 'message', 'other'];
const LANGS = ['nl', 'fr', 'en'] as const;

export interface InventedNote {
  type: NoteType;
  body: string;
  durationMinutes: number | null;
}

/** One note of `words` words (about 200 characters for 30), in one of the three languages. */
export function inventedNote(random: () => number, words = 20 + Math.floor(random() * 20)): InventedNote {
  const lang = LANGS[Math.floor(random() * LANGS.length)] ?? 'nl';
  const vocab = NOTE_VOCABULARY[lang];
  const fillers = NOTE_FILLERS[lang];
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = random();
    if (r < 0.4) out.push(fillers[Math.floor(random() * fillers.length)] ?? '');
    else if (r < 0.42) out.push(inventedName(random, 2 + Math.floor(random() * 2)));
    // Cubed: the first words of the list are much more frequent than the last.
    else out.push(vocab[Math.floor(random() ** 3 * vocab.length)] ?? '');
  }
  const body = out.join(' ');
  return {
    type: TYPES[Math.floor(random() * TYPES.length)] ?? 'other',
    body: `${body.charAt(0).toUpperCase()}${body.slice(1)}.`,
    durationMinutes: random() < 0.5 ? 5 + Math.floor(random() * 115) : null,
  };
}
