/**
 * The printable summary of a handover: the same minimised content as the package
 * (the chosen sections, the attachments by name, type and size only), the consent it rests on, and
 * the sender's key fingerprint, for police or magistrates who do not use Passerelle. Made with
 * pdf-lib (no native code, no network, no fonts from the system).
 *
 * - The PDF's metadata carry no personal data: a fixed title, and the sender's fingerprint as subject
 *   and keyword (so a reader can check it against the sender's key card or the package).
 * - The standard Helvetica font covers Windows-1252 only: other characters (names in Cyrillic, Arabic,
 *   Vietnamese ...) are written without their accents where possible, else as '?', and the page says
 *   so. The package itself carries the exact text.
 * - It is not signed: it is a printout, and says so; the signed record is the package.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Country } from '../../../shared/domain';

export interface SummaryInput {
  sender: { name: string; country: Country; fingerprint: string; fingerprintHex: string };
  recipient: { name: string; country: Country };
  caseCode: string;
  createdAt: Date;
  consent: { givenOn: string; categories: readonly string[] };
  sections: Partial<Record<string, Record<string, unknown>>>;
  attachments: readonly { name: string; mediaType: string; size: number }[];
}

export const SUMMARY_TITLE = 'Passerelle handover summary';

/** Windows-1252 beyond Latin-1: what the standard fonts can encode in 0x80-0x9F. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function encodable(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch);
}

/** Text the standard fonts can draw: unencodable letters lose their accents, or become '?'. */
export function pdfSafeText(text: string): { text: string; replaced: boolean } {
  let replaced = false;
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    if (encodable(ch)) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/\p{M}+/gu, '');
    if (base.length > 0 && [...base].every(encodable)) out += base;
    else out += '?';
    replaced = true;
  }
  return { text: out, replaced };
}

const COUNTRY_NAMES: Record<Country, string> = { BE: 'Belgium', NL: 'Netherlands', LU: 'Luxembourg' };

/** Lines "key: value" of a section's JSON, nested keys joined with '.', arrays numbered. */
export function flatten(value: unknown, prefix = '', out: string[] = [], depth = 0): string[] {
  if (depth > 40) return out;
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${prefix}: -`);
    value.forEach((v, i) => flatten(v, `${prefix}[${i + 1}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'v');
    if (entries.length === 0 && prefix) out.push(`${prefix}: -`);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  } else {
    out.push(`${prefix}: ${value === null || value === '' ? '-' : String(value)}`);
  }
  return out;
}

/** Pages of wrapped text in the standard fonts; also used by the statistics report and the access request. */
export class Writer {
  private page!: PDFPage;
  private y = 0;
  replaced = false;
  private readonly width = 595.28;
  private readonly height = 841.89;
  private readonly margin = 50;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([this.width, this.height]);
    this.y = this.height - this.margin;
    this.page.drawText(this.footer, { x: this.margin, y: 25, size: 7, font: this.font, color: rgb(0.35, 0.35, 0.35) });
  }

  private wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
    const words = text.split(' ');
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the line is cut.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > maxWidth && rest.length > 1) {
        let n = rest.length - 1;
        while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > maxWidth) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    if (line) lines.push(line);
    return lines.length ? lines : [''];
  }

  text(raw: string, opts: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}): void {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    const safe = pdfSafeText(raw);
    this.replaced ||= safe.replaced;
    for (const line of this.wrap(safe.text, font, size, this.width - 2 * this.margin - indent)) {
      if (this.y - size < this.margin) this.newPage();
      this.y -= size + 3;
      this.page.drawText(line, { x: this.margin + indent, y: this.y, size, font });
    }
    this.y -= opts.gap ?? 0;
  }
}

/** Section names as printed. */
const SECTION_TITLES: Record<string, string> = {
  identity: 'Identity',
  contact: 'Contact and guardianship',
  procedure: 'Procedure (detection, identification, procedures and their events)',
  exploitation: 'Exploitation',
  health: 'Health',
  safety: 'Safety',
};

export async function summaryPdf(input: SummaryInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const created = input.createdAt;
  doc.setTitle(SUMMARY_TITLE);
  doc.setSubject(`Sender key fingerprint ${input.sender.fingerprintHex}`);
  doc.setKeywords(['passerelle', 'handover', `fingerprint:${input.sender.fingerprintHex}`]);
  doc.setProducer('Passerelle');
  doc.setCreator('Passerelle');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold, `Passerelle handover summary - sender fingerprint ${input.sender.fingerprint} - not signed: the signed record is the handover package`);

  w.text(SUMMARY_TITLE, { size: 16, bold: true, gap: 6 });
  w.text('Confidential: personal data of a (presumed) victim of trafficking in human beings. Keep it locked away; destroy it when no longer needed.', { size: 9, gap: 8 });
  w.text(`From: ${input.sender.name} (${COUNTRY_NAMES[input.sender.country]})`, { bold: true });
  w.text(`To: ${input.recipient.name} (${COUNTRY_NAMES[input.recipient.country]})`, { bold: true });
  w.text(`Sender's case code: ${input.caseCode}`);
  w.text(`Made on: ${created.toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  w.text(`Consent of the person, given on ${input.consent.givenOn}, covers: ${input.consent.categories.join(', ')}`, { gap: 8 });
  w.text("Sender's key fingerprint (compare it with the sender by phone):", { bold: true });
  w.text(input.sender.fingerprint, { size: 12, indent: 12 });
  w.text(`SHA-256: ${input.sender.fingerprintHex}`, { size: 8, indent: 12, gap: 10 });

  const names = Object.keys(input.sections);
  if (names.length === 0) w.text('No section of the file was chosen for this handover.', { gap: 8 });
  for (const name of names) {
    w.text(SECTION_TITLES[name] ?? name, { size: 12, bold: true, gap: 2 });
    for (const line of flatten(input.sections[name])) w.text(line, { indent: 12 });
    w.text('', { gap: 6 });
  }
  w.text('Attachments', { size: 12, bold: true, gap: 2 });
  if (input.attachments.length === 0) w.text('None.', { indent: 12 });
  for (const a of input.attachments) w.text(`${a.name} (${a.mediaType}, ${a.size} bytes): in the package only, not printed`, { indent: 12 });
  if (w.replaced) {
    w.text('', { gap: 6 });
    w.text('Some characters could not be printed with this font and are shown without accents or as "?". The handover package carries the exact text.', { size: 8 });
  }
  return doc.save();
}
