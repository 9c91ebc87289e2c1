/**
 * A minimal Word document (.docx) as Word and WPS save one: [Content_Types].xml, the package
 * relationships and word/document.xml with the paragraphs given — enough for the script lint's
 * Word reader, built with yazl so no binary fixture is needed.
 */
import { writeFileSync } from 'node:fs';

import yazl from 'yazl';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One paragraph of plain runs: the text split at \n into lines joined by <w:br/>, split at | into runs. */
export function paragraph(text: string): string {
  if (text === '') return '<w:p/>';
  const runs = text
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .map(
          (run) => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(run)}</w:t></w:r>`,
        )
        .join(''),
    )
    .join('<w:r><w:br/></w:r>');
  return `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${runs}</w:p>`;
}

/** word/document.xml around body XML (paragraphs from paragraph(), or any WordprocessingML). */
export function documentXml(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`
  );
}

/** Writes a .docx whose body is `body` (or the paragraphs of `lines`) to `file`. */
export async function writeDocx(file: string, content: string[] | { body: string }): Promise<void> {
  const body = Array.isArray(content) ? content.map(paragraph).join('') : content.body;
  const z = new yazl.ZipFile();
  const mtime = new Date('2026-01-01T00:00:00Z');
  z.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml', { mtime });
  z.addBuffer(Buffer.from(RELS), '_rels/.rels', { mtime });
  z.addBuffer(Buffer.from(documentXml(body)), 'word/document.xml', { mtime });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  writeFileSync(file, Buffer.concat(chunks));
}
