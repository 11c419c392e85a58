// Writes the default 执法文书 templates (server/templates/<kind>.docx) from their
// compact description in server/templates/layouts.json, so what ships is reviewable
// as text. The output is byte-for-byte reproducible (fixed zip dates, fixed order):
//   node scripts/document-templates.mjs          write every template
//   node scripts/document-templates.mjs --check  exit 1 if a shipped template differs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const templatesDir = path.join(root, 'server/templates');
const PizZip = createRequire(path.join(root, 'server/package.json'))('pizzip');

const fixedDate = new Date('2026-01-01T00:00:00Z');
const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

// 仿宋 三号 (16 pt) body, as GB/T 9704 sets official documents; headings 宋体 bold 二号.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

function paragraph(line) {
  const marker = line.slice(0, 2);
  let text = line;
  let pPr = '<w:ind w:firstLineChars="200" w:firstLine="640"/>';
  let rPr = '';
  if (marker === '# ') {
    text = line.slice(2);
    pPr = '<w:jc w:val="center"/>';
    rPr = '<w:rPr><w:rFonts w:eastAsia="宋体"/><w:b/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr>';
  } else if (marker === '= ') {
    text = line.slice(2);
    pPr = '<w:jc w:val="center"/>';
  } else if (marker === '> ') {
    text = line.slice(2);
    pPr = '<w:jc w:val="right"/>';
  } else if (marker === '- ') {
    text = line.slice(2);
    pPr = '';
  } else if (/^\{[#/]\w+\}$/.test(line)) {
    pPr = '';
  }
  const run = text === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  return `<w:p>${pPr && `<w:pPr>${pPr}</w:pPr>`}${run}</w:p>`;
}

/** The docx of one layout (an array of lines), as a Buffer. */
export function buildTemplate(lines) {
  const body = lines.map(paragraph).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const zip = new PizZip();
  const options = { date: fixedDate, createFolders: false };
  zip.file('[Content_Types].xml', contentTypes, options);
  zip.file('_rels/.rels', packageRels, options);
  zip.file('word/document.xml', document, options);
  zip.file('word/_rels/document.xml.rels', documentRels, options);
  zip.file('word/styles.xml', styles, options);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function readLayouts() {
  const { $comment: _, ...layouts } = JSON.parse(
    readFileSync(path.join(templatesDir, 'layouts.json'), 'utf8'),
  );
  return layouts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [kind, lines] of Object.entries(readLayouts())) {
    const file = path.join(templatesDir, `${kind}.docx`);
    const built = buildTemplate(lines);
    if (!check) writeFileSync(file, built);
    else {
      let shipped = null;
      try {
        shipped = readFileSync(file);
      } catch {}
      if (!shipped?.equals(built)) {
        console.error(`${path.relative(root, file)} differs from layouts.json`);
        stale += 1;
      }
    }
  }
  if (stale) process.exit(1);
}
