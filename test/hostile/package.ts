/**
 * Hostile packages, generated small: a part that inflates to hundreds of megabytes is one deflate block of a
 * repeated unit, flushed and repeated (each block starts fresh, so copies of it concatenate into a valid stream).
 * Used by the hostile corpus and by scripts/bench.mjs (through TypeScript's transpiler).
 */
import zlib from 'zlib';

export interface Part {
  name: string;
  /** Raw deflate data and the inflated size it decodes to. */
  data: Buffer;
  size: number;
  crc: number;
}

/** A part with ordinary content. */
export function part(name: string, content: string | Buffer): Part {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: zlib.deflateRawSync(bytes), size: bytes.length, crc: zlib.crc32(bytes) };
}

function flushed(bytes: Buffer): Buffer {
  return zlib.deflateRawSync(bytes, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/**
 * `head`, then `unit` repeated until the part inflates to about `bytes`, then `tail` — compressed to about 1/1000
 * of that. `declaredSize` (default the true size) is what the zip directory says. The CRC is not computed (the
 * reader refuses such parts long before a CRC would matter), so it is 0.
 */
export function bombPart(name: string, head: string, unit: string, bytes: number, tail: string, declaredSize?: number): Part {
  const unitBytes = Buffer.byteLength(unit);
  const perBlock = Math.max(1, Math.floor((1 << 20) / unitBytes));
  const blockText = Buffer.from(unit.repeat(perBlock));
  const block = flushed(blockText);
  const blocks = Math.max(1, Math.floor(bytes / blockText.length));
  const pieces = [flushed(Buffer.from(head)), ...new Array<Buffer>(blocks).fill(block), flushed(Buffer.from(tail)), Buffer.from([0x03, 0x00])];
  const size = Buffer.byteLength(head) + blocks * blockText.length + Buffer.byteLength(tail);
  return { name, data: Buffer.concat(pieces), size: declaredSize ?? size, crc: 0 };
}

/** A zip of the parts (stored directory, deflated entries), written the way any zip writer does. */
export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook needs around its sheets: `sheets` are [name, sheet XML part or a Part]. */
export function workbookParts(sheets: [string, string | Part][], extra: Part[] = [], rels?: string[]): Part[] {
  const sheetEntries = sheets.map(([, content], i) => (typeof content === 'string' ? part(`xl/worksheets/sheet${i + 1}.xml`, content) : content));
  const relLines = rels ?? sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return [
    part('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`),
    part('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    part('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relLines.join('')}</Relationships>`),
    ...sheetEntries,
    ...extra,
  ];
}

const MB = 1024 * 1024;
/**
 * What a bomb inflates to: 200 MB, under the part limit (256 MB) and declared honestly, so the refusal must come
 * from the counters inside the part; a part declared past the limits is refused from the directory alone.
 */
const BOMB_BYTES = 200 * MB;
const sheetBomb = (unit: string, bytes = BOMB_BYTES, head = SHEET_HEAD, tail = SHEET_TAIL) => bombPart('xl/worksheets/sheet1.xml', head, unit, bytes, tail);

/** Every kind of bomb: the file, what it is, the refusal it must get, and the most the pre-scan may inflate. */
export interface Bomb {
  name: string;
  what: string;
  bytes: () => Buffer;
  message: RegExp;
  /** Upper bound on the bytes inflated before the refusal: the scan stopped at its limit, not at the end. */
  maxScanned: number;
}

export const BOMBS: Bomb[] = [
  {
    name: '行号重复.xlsx', what: '200 MB of <row r="1"> (like the 400 MB one that killed the CLI after 3 minutes at 4.5 GB)',
    bytes: () => zipOf(workbookParts([['公开08', sheetBomb('<row r="1"><c r="A1"><v>1</v></c></row>')]])),
    message: /工作表“公开08”的第 1 行在第 1 行之后重复或倒退出现/, maxScanned: 2 * MB,
  },
  {
    name: '单元格过多.xlsx', what: '200 MB of 8-cell rows: more than 5 million cells in one sheet',
    bytes: () => zipOf(workbookParts([['公开08', sheetBomb(`<row>${'<c><v>1</v></c>'.repeat(8)}</row>`)]])),
    message: /工作表“公开08”的单元格超过每表 500 万个的上限.*请删除多余的空行空列或拆分工作簿/, maxScanned: 100 * MB,
  },
  {
    name: '超大单元格.xlsx', what: 'one inline-string cell of 200 MB (like the 500 MB one accepted at 3.1 GB)',
    bytes: () => zipOf(workbookParts([['公开08', sheetBomb('啊啊啊啊啊啊啊啊', BOMB_BYTES, `${SHEET_HEAD}<row r="1"><c r="B1" t="inlineStr"><is><t>`, `</t></is></c></row>${SHEET_TAIL}`)]])),
    message: /单元格 B1 的内容超过每格 32,767 个字符的上限/, maxScanned: 2 * MB,
  },
  {
    name: '超大数值.xlsx', what: 'one <v> of 200 MB of digits',
    bytes: () => zipOf(workbookParts([['公开08', sheetBomb('1111111111', BOMB_BYTES, `${SHEET_HEAD}<row r="1"><c r="C1"><v>`, `</v></c></row>${SHEET_TAIL}`)]])),
    message: /单元格 C1 的内容超过每格 32,767 个字符的上限/, maxScanned: 2 * MB,
  },
  {
    name: '共享字符串过多.xlsx', what: 'a sharedStrings part of 200 MB of tiny strings',
    bytes: () => zipOf(workbookParts([['公开08', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`]], [
      bombPart('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, '<si><t>a</t></si>', BOMB_BYTES, '</sst>'),
    ])),
    message: /共享字符串超过 500 万条的上限/, maxScanned: 120 * MB,
  },
  {
    name: '超长共享字符串.xlsx', what: 'one shared string of 200 MB (six of 450 MB crashed the playground tab)',
    bytes: () => zipOf(workbookParts([['公开08', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`]], [
      bombPart('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`, 'x'.repeat(64), BOMB_BYTES, '</t></si></sst>'),
    ])),
    message: /第 1 条共享字符串超过每格 32,767 个字符的上限/, maxScanned: 2 * MB,
  },
  {
    name: '整表合并.xlsx', what: 'one <mergeCell ref="A1:XFD1048576"/> (exceljs would build 17 billion cells)',
    bytes: () => zipOf(workbookParts([['公开08', `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`]])),
    message: /工作表“公开08”的合并区域共覆盖 17,179,869,184 个单元格（读到 A1:XFD1048576 时），超过每表 100 万个的上限/, maxScanned: 1 * MB,
  },
  {
    name: '合并过多.xlsx', what: '200 MB of small merges',
    bytes: () => zipOf(workbookParts([['公开08', sheetBomb('<mergeCell ref="A1:B1"/>', BOMB_BYTES, `${SHEET_HEAD}</sheetData><mergeCells>`, '</mergeCells></worksheet>')]])),
    message: /合并区域超过每表 10 万个的上限/, maxScanned: 8 * MB,
  },
  {
    name: '超链接过多.xlsx', what: '200 MB of hyperlinks',
    bytes: () => zipOf(workbookParts([['公开08', sheetBomb('<hyperlink ref="A1" display="x"/>', BOMB_BYTES, `${SHEET_HEAD}</sheetData><hyperlinks>`, '</hyperlinks></worksheet>')]])),
    message: /超链接超过每表 65,530 个的上限/, maxScanned: 8 * MB,
  },
  {
    name: '列记录过多.xlsx', what: '200 MB of column records',
    bytes: () => zipOf(workbookParts([['公开08', sheetBomb('<col min="1" max="1" width="9"/>', BOMB_BYTES, `<?xml version="1.0"?><worksheet ${NS}><cols>`, `</cols><sheetData/></worksheet>`)]])),
    message: /列记录超过 16,384 条/, maxScanned: 8 * MB,
  },
  {
    name: '样式过多.xlsx', what: 'a styles part of 200 MB of cell formats',
    bytes: () => zipOf(workbookParts([['公开08', `${SHEET_HEAD}${SHEET_TAIL}`]], [
      bombPart('xl/styles.xml', `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`, '<xf numFmtId="0" fontId="0"/>', BOMB_BYTES, '</cellXfs></styleSheet>'),
    ])),
    message: /样式表中的单元格格式记录超过 64,000 条的上限/, maxScanned: 8 * MB,
  },
  {
    name: '绘图元素过多.xlsx', what: 'an unused drawing part of 200 MB of elements',
    bytes: () => zipOf(workbookParts([['公开08', `${SHEET_HEAD}${SHEET_TAIL}`]], [
      bombPart('xl/drawings/drawing1.xml', '<?xml version="1.0"?><xdr:wsDr xmlns:xdr="x">', '<a/>', BOMB_BYTES, '</xdr:wsDr>'),
    ])),
    message: /部件“xl\/drawings\/drawing1\.xml”的元素超过 200 万个的上限/, maxScanned: 16 * MB,
  },
  {
    name: '空白部件.xlsx', what: 'a sheet of 3 GB of spaces, its size declared (the one refused only after 15–29 s at 3.3 GB)',
    bytes: () => zipOf(workbookParts([['公开08', bombPart('xl/worksheets/sheet1.xml', SHEET_HEAD, ' '.repeat(1024), 1024 * MB, SHEET_TAIL, 3 * 1024 * MB - 1)]])),
    message: /工作簿解压后有 3072 MB，超过 512 MB 的上限/, maxScanned: 0,
  },
  {
    name: '未用部件.xlsx', what: 'an unused media part of 400 MB of zeros, its size declared',
    bytes: () => zipOf(workbookParts([['公开08', `${SHEET_HEAD}${SHEET_TAIL}`]], [bombPart('xl/media/image1.png', '', '\0'.repeat(1024), 400 * MB, '')])),
    message: /部件“xl\/media\/image1\.png”解压后有 400 MB，超过每个部件 256 MB 的上限/, maxScanned: 1 * MB,
  },
  {
    name: '大小不符.xlsx', what: 'an unused part that says 1 KB and inflates to 400 MB',
    bytes: () => zipOf(workbookParts([['公开08', `${SHEET_HEAD}${SHEET_TAIL}`]], [bombPart('xl/media/image1.png', '', '\0'.repeat(1024), 400 * MB, '', 1024)])),
    message: /部件“xl\/media\/image1\.png”解压后大于目录记录的 1024 字节/, maxScanned: 1 * MB,
  },
  {
    name: '工作簿过大.xlsx', what: 'three parts of 200 MB each, each under the part limit, their sizes declared',
    bytes: () => zipOf(workbookParts([['公开08', `${SHEET_HEAD}${SHEET_TAIL}`]], [1, 2, 3].map((i) => bombPart(`xl/media/image${i}.png`, '', '\0'.repeat(1024), 200 * MB, '')))),
    message: /工作簿解压后有 600 MB，超过 512 MB 的上限/, maxScanned: 0,
  },
];
