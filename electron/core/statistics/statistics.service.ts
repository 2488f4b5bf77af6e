/**
 * Yearly statistics for the national rapporteurs (docs/statistics.md), for administrators and
 * coordinators. The raw counts (statistics-tables.ts) are suppressed here, before anything leaves the
 * service: the report, every file and every channel carry only published numbers and hidden marks.
 * Each export is audited with its parameters (year, country, format, threshold), never a count.
 */
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Db } from '../../../db/connection';
import { SettingsRepo } from '../../../db/settings.repo';
import type { Country, Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { AGE_GROUP_LABELS, TABLE_TITLES, rowLabel } from '../../../shared/statistics/categories';
import {
  showCount,
  statisticsReportSchema,
  type StatisticsFormat,
  type StatisticsQuery,
  type StatisticsReport,
  type StatisticsTable,
} from '../../../shared/statistics/statistics.schema';
import { MIN_SUPPRESSION_THRESHOLD, suppressTables } from '../../../shared/statistics/suppression';
import type { Clock } from '../ports';
import { Writer } from '../handover/summary-pdf';
import type { VaultService } from '../vault/vault.service';
import { countYear } from './statistics-tables';

export const SETTING_STATISTICS_THRESHOLD = 'statistics.threshold';

export interface StatisticsFile {
  fileName: string;
  bytes: Uint8Array;
}

/** File names say what and when, never who: `passerelle-statistics-2026-BE.xlsx`. */
export function statisticsFileName(query: StatisticsQuery, format: StatisticsFormat): string {
  return `passerelle-statistics-${query.year}${query.country ? `-${query.country}` : ''}.${format}`;
}

function csvField(text: string): string {
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per published cell and total: table, row, column, count ("<5" or "x" when hidden). */
export function reportCsv(report: StatisticsReport, language: Language): string {
  const lines = [['table', 'row', 'column', 'count', 'table_label', 'row_label', 'column_label'].join(',')];
  const push = (t: StatisticsTable, row: string, rowText: string, col: string, colText: string, count: StatisticsTable['total']) =>
    lines.push([t.id, row, col, showCount(count, report.threshold), TABLE_TITLES[t.id][language], rowText, colText].map(csvField).join(','));
  for (const t of report.tables) {
    t.rows.forEach((row, r) => {
      const rowText = rowLabel(t.id, row, language);
      t.columns.forEach((col, c) => push(t, row, rowText, col, AGE_GROUP_LABELS[col][language], t.cells[r]?.[c] as StatisticsTable['total']));
      push(t, row, rowText, 'total', 'Total', t.rowTotals[r] as StatisticsTable['total']);
    });
    t.columns.forEach((col, c) => push(t, 'total', 'Total', col, AGE_GROUP_LABELS[col][language], t.columnTotals[c] as StatisticsTable['total']));
    push(t, 'total', 'Total', 'total', 'Total', t.total);
  }
  return `${lines.join('\r\n')}\r\n`;
}

const TOTAL_WORD: Record<Language, string> = { en: 'Total', nl: 'Totaal', fr: 'Total' };
const LEGEND: Record<Language, (t: number) => string> = {
  en: (t) => `"<${t}": fewer than ${t}. "x": hidden so that a small count cannot be worked out from the totals.`,
  nl: (t) => `"<${t}": minder dan ${t}. "x": verborgen zodat een klein aantal niet uit de totalen kan worden afgeleid.`,
  fr: (t) => `"<${t}" : moins de ${t}. "x" : masqué pour qu'un petit nombre ne puisse être déduit des totaux.`,
};

export async function reportXlsx(report: StatisticsReport, language: Language): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Passerelle';
  book.created = new Date(report.generatedAt);
  const about = book.addWorksheet('Passerelle');
  about.addRow([`Passerelle statistics ${report.year}${report.country ? ` ${report.country}` : ''}`]);
  about.addRow([LEGEND[language](report.threshold)]);
  about.addRow([`Generated ${report.generatedAt}`]);
  for (const t of report.tables) {
    const sheet = book.addWorksheet(t.id);
    sheet.addRow([TABLE_TITLES[t.id][language]]).font = { bold: true };
    sheet.addRow(['', ...t.columns.map((c) => AGE_GROUP_LABELS[c][language]), TOTAL_WORD[language]]).font = { bold: true };
    // Hidden cells are text ("<5", "x"), published ones numbers: no hidden value is in the file.
    const cell = (p: StatisticsTable['total']) => ('value' in p ? p.value : showCount(p, report.threshold));
    t.rows.forEach((row, r) => sheet.addRow([rowLabel(t.id, row, language), ...(t.cells[r] ?? []).map(cell), cell(t.rowTotals[r] as StatisticsTable['total'])]));
    sheet.addRow([TOTAL_WORD[language], ...t.columnTotals.map(cell), cell(t.total)]).font = { bold: true };
    sheet.getColumn(1).width = 60;
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export async function reportPdf(report: StatisticsReport, language: Language): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const created = new Date(report.generatedAt);
  doc.setTitle('Passerelle statistics');
  doc.setProducer('Passerelle');
  doc.setCreator('Passerelle');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold, `Passerelle statistics ${report.year}${report.country ? ` ${report.country}` : ''}`);
  w.text(`Passerelle statistics ${report.year}${report.country ? ` (${report.country})` : ''}`, { size: 16, bold: true, gap: 4 });
  w.text(LEGEND[language](report.threshold), { size: 9, gap: 10 });
  for (const t of report.tables) {
    w.text(TABLE_TITLES[t.id][language], { size: 12, bold: true, gap: 2 });
    const head = [...t.columns.map((c) => AGE_GROUP_LABELS[c][language]), TOTAL_WORD[language]].join(' | ');
    w.text(head, { indent: 12, bold: true });
    t.rows.forEach((row, r) => {
      const counts = [...(t.cells[r] ?? []), t.rowTotals[r] as StatisticsTable['total']].map((p) => showCount(p, report.threshold)).join(' | ');
      w.text(`${rowLabel(t.id, row, language)}: ${counts}`, { indent: 12 });
    });
    w.text(`${TOTAL_WORD[language]}: ${[...t.columnTotals, t.total].map((p) => showCount(p, report.threshold)).join(' | ')}`, { indent: 12, bold: true, gap: 8 });
  }
  return doc.save();
}

export class StatisticsService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
  ) {}

  threshold(db: Db): number {
    const v = new SettingsRepo(db).get(SETTING_STATISTICS_THRESHOLD);
    return typeof v === 'number' && Number.isInteger(v) && v >= MIN_SUPPRESSION_THRESHOLD ? v : MIN_SUPPRESSION_THRESHOLD;
  }

  settings(): { threshold: number } {
    this.vault.requireRole('admin', 'coordinator');
    return this.vault.read((db) => ({ threshold: this.threshold(db) }));
  }

  /** An administrator may raise the threshold, never lower it (published reports could be differenced). */
  updateSettings(input: { threshold: number }): { threshold: number } {
    const actor = this.vault.requireRole('admin');
    return this.vault.write(({ db, now, audit }) => {
      const current = this.threshold(db);
      if (input.threshold < current) throw new AppError('VALIDATION', 'statisticsThresholdLower', { threshold: current });
      new SettingsRepo(db).set(SETTING_STATISTICS_THRESHOLD, input.threshold, now);
      audit({ actorId: actor.id, actorName: actor.username, action: 'statistics.settingsUpdate', details: { threshold: input.threshold } });
      return { threshold: input.threshold };
    });
  }

  /** The published (suppressed) report of a year. */
  report(query: StatisticsQuery): StatisticsReport {
    this.vault.requireRole('admin', 'coordinator');
    return this.vault.read((db) => this.build(db, query));
  }

  private build(db: Db, query: StatisticsQuery): StatisticsReport {
    const org = new SettingsRepo(db).organisation();
    const reportingCountry: Country = org?.country ?? 'BE';
    const threshold = this.threshold(db);
    const tables = suppressTables(countYear(db, query, reportingCountry), threshold);
    return statisticsReportSchema.parse({
      format: 'passerelle-statistics',
      v: 1,
      year: query.year,
      country: query.country,
      reportingCountry,
      threshold,
      generatedAt: this.clock.now().toISOString(),
      tables,
    });
  }

  /** A report file (JSON, CSV, XLSX or PDF), audited with its parameters. */
  async exportFile(query: StatisticsQuery, format: StatisticsFormat, language: Language): Promise<StatisticsFile> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    const report = this.vault.read((db) => this.build(db, query));
    let bytes: Uint8Array;
    if (format === 'json') bytes = new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'csv') bytes = new TextEncoder().encode(reportCsv(report, language));
    else if (format === 'xlsx') bytes = await reportXlsx(report, language);
    else bytes = await reportPdf(report, language);
    this.vault.write(({ audit }) =>
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'statistics.export',
        details: { year: query.year, country: query.country, format, threshold: report.threshold },
      }),
    );
    return { fileName: statisticsFileName(query, format), bytes };
  }
}
