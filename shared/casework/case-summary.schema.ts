/**
 * The printable case summary of one person (PDF), for the file and for meetings: the sections the
 * user chose. Its file name is the case code (or a random id), never a name.
 */
import { z } from 'zod';
import { languageSchema } from '../domain';

export const CASE_SUMMARY_SECTIONS = ['keyFacts', 'procedure', 'tasks', 'appointments', 'notes'] as const;
export type CaseSummarySection = (typeof CASE_SUMMARY_SECTIONS)[number];

/** How many of the most recent notes the summary prints when notes are chosen. */
export const CASE_SUMMARY_NOTES = 10;

export const caseSummaryInputSchema = z.strictObject({
  personId: z.uuid(),
  sections: z.array(z.enum(CASE_SUMMARY_SECTIONS)).min(1).max(CASE_SUMMARY_SECTIONS.length),
  /** The language printed; the user's. */
  language: languageSchema,
});
export type CaseSummaryInput = z.output<typeof caseSummaryInputSchema>;
