/**
 * The text drawn on a PDF's pages (pdf-lib's standard fonts write WinAnsi hex strings): every content
 * stream inflated and its `<hex> Tj` strings decoded, one line per drawn line. Enough to check what a
 * summary made with pdf-lib says, without a PDF text extractor.
 */
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  let text = '';
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents ? (('asArray' in contents ? (contents as unknown as { asArray(): unknown[] }).asArray() : [contents]) as unknown[]) : [];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as never);
      if (!(stream instanceof PDFRawStream)) continue;
      const raw = Buffer.from(stream.contents);
      const filter = stream.dict.get(PDFName.of('Filter'));
      const body = filter && String(filter) === '/FlateDecode' ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
      for (const m of body.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) text += `${Buffer.from(m[1] ?? '', 'hex').toString('latin1')}\n`;
    }
  }
  return text;
}
