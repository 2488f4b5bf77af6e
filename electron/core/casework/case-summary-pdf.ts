/**
 * The printable case summary of one person (PDF): the sections the user chose, in the user's
 * language. Made with pdf-lib and the handover summary's writer (summary-pdf.ts: page breaks, wrapping,
 * and the standard font's Windows-1252 limits, said on the page when a character had to be replaced).
 * The PDF's metadata carry no personal data: a fixed title and the case code only.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { CASE_SUMMARY_SECTION_TITLES, CASE_SUMMARY_TEXTS as T } from '../../../shared/casework/case-summary-texts';
import type { CaseSummarySection } from '../../../shared/casework/case-summary.schema';
import { formatDate, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Language } from '../../../shared/domain';
import { Writer } from '../handover/summary-pdf';

export const CASE_SUMMARY_TITLE = 'Passerelle case summary';

/** One line of a section, already in the user's language; `indent` in levels. */
export interface SummaryLine {
  readonly text: string;
  readonly bold?: boolean;
  readonly indent?: number;
}

export interface CaseSummaryContent {
  readonly language: Language;
  readonly organisation: string;
  readonly caseCode: string;
  readonly createdAt: Date;
  readonly sections: readonly { readonly id: CaseSummarySection; readonly lines: readonly SummaryLine[] }[];
}

const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** dd-mm-yyyy with the weekday in the user's language: "vrijdag 25-12-2026". */
export function dateWithWeekday(date: CalendarDate, language: Language): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Intl.DateTimeFormat(LOCALES[language], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  return `${weekday} ${formatDate(date)}`;
}

export async function caseSummaryPdf(content: CaseSummaryContent): Promise<Uint8Array> {
  const lang = content.language;
  const doc = await PDFDocument.create();
  doc.setTitle(CASE_SUMMARY_TITLE);
  doc.setSubject(content.caseCode);
  doc.setProducer('Passerelle');
  doc.setCreator('Passerelle');
  doc.setCreationDate(content.createdAt);
  doc.setModificationDate(content.createdAt);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold, `${T.footer[lang]} - ${content.caseCode}`);
  w.text(`${T.title[lang]}: ${content.caseCode}`, { size: 16, bold: true, gap: 6 });
  w.text(T.confidential[lang], { size: 9, gap: 6 });
  w.text(`${T.organisation[lang]}: ${content.organisation}`);
  const made = content.createdAt.toISOString();
  w.text(`${T.madeOn[lang]}: ${formatDate(made.slice(0, 10) as CalendarDate)} ${made.slice(11, 16)} UTC`, { gap: 8 });
  for (const section of content.sections) {
    w.text(CASE_SUMMARY_SECTION_TITLES[section.id][lang], { size: 12, bold: true, gap: 2 });
    if (section.lines.length === 0) w.text(T.none[lang], { indent: 12 });
    for (const line of section.lines) w.text(line.text, { bold: line.bold ?? false, indent: 12 * (1 + (line.indent ?? 0)) });
    w.text('', { gap: 6 });
  }
  if (w.replaced) w.text(T.unprintable[lang], { size: 8 });
  return doc.save();
}
