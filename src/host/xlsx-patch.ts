/**
 * Writes a copy of an .xlsx by patching only the parts an edit touches — the edited sheets, styles, comments and
 * drawings of notes, the workbook's sheet list for an added sheet — and copying every other zip entry's compressed
 * bytes unread. Charts, pivot tables, macros, slicers and anything a library does not model come through byte for
 * byte, and a bomb in an unused part is never inflated. Shared and array formulas stay as they are; a cell that is
 * edited gets its own value, and when it was the master of a shared formula every other cell of it gets its own
 * formula text.
 *
 * Runs in Node and the browser (pako, TextEncoder/TextDecoder; no Node API), for the CLI and the playground download.
 */
import { deflateRaw } from 'pako/lib/deflate';
import { inflateRaw } from 'pako/lib/inflate';
import { slideFormula } from 'exceljs/lib/utils/shared-formula';
import { scanPackage, ZipEntry } from './package-scan';

/** The package holds something this patcher does not handle (the caller may fall back to a full rewrite). */
export class PatchUnsupported extends Error {}


const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot hold are dropped; the rest escaped for text and attribute values alike.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1];
}

function setAttr(tag: string, name: string, value: string): string {
  if (new RegExp(`\\s${name}="[^"]*"`).test(tag)) return tag.replace(new RegExp(`\\s${name}="[^"]*"`), ` ${name}="${value}"`);
  return tag.replace(/^(<[\w:]+)/, `$1 ${name}="${value}"`);
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function splitAddress(address: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new PatchUnsupported(`单元格地址“${address}”无效`);
  return { col: colNumber(m[1]), row: Number(m[2]) };
}

interface Row {
  r: number;
  /** The row as written; replaced by `open` + cells once the row is edited. */
  raw?: string;
  open?: string;
  cells?: { col: number; xml: string }[];
}

/** A worksheet's XML cut around its rows, so an edit rewrites the rows it touches and nothing else. */
class SheetXml {
  private head: string;
  private tail: string;
  private rows: Row[] = [];
  private byNumber = new Map<number, Row>();
  maxCol = 0;

  constructor(readonly part: string, xml: string) {
    if (/<\w+:sheetData\b/.test(xml)) throw new PatchUnsupported('带命名空间前缀的工作表');
    const start = xml.search(/<sheetData\b/);
    if (start < 0) throw new PatchUnsupported('工作表没有 sheetData');
    const openEnd = xml.indexOf('>', start) + 1;
    if (xml[openEnd - 2] === '/') {
      this.head = xml.slice(0, start) + '<sheetData>';
      this.tail = '</sheetData>' + xml.slice(openEnd);
      return;
    }
    const close = xml.indexOf('</sheetData>', openEnd);
    this.head = xml.slice(0, openEnd);
    this.tail = xml.slice(close);
    const body = xml.slice(openEnd, close);
    let r = 0;
    for (const m of body.matchAll(/<row\b[^>]*?\/>|<row\b[^>]*>[\s\S]*?<\/row>/g)) {
      const open = /^<row\b[^>]*>/.exec(m[0])![0];
      const given = attrOf(open, 'r');
      r = given ? Number(given) : r + 1;
      const row: Row = { r, raw: m[0] };
      this.rows.push(row);
      this.byNumber.set(r, row);
    }
    // The columns cells use (not <dimension>, which some writers set to the whole sheet): what a row fill spans.
    for (const m of body.matchAll(/<c\b[^>]*?\sr="([A-Z]+)\d+"/g)) this.maxCol = Math.max(this.maxCol, colNumber(m[1]));
  }

  private row(r: number): Row {
    let row = this.byNumber.get(r);
    if (!row) {
      row = { r, open: `<row r="${r}">`, cells: [] };
      const at = this.rows.findIndex((x) => x.r > r);
      if (at < 0) this.rows.push(row);
      else this.rows.splice(at, 0, row);
      this.byNumber.set(r, row);
    }
    if (row.raw !== undefined) {
      const raw = row.raw;
      const open = /^<row\b[^>]*>/.exec(raw)![0];
      // `spans` is only a hint and would go stale as cells are added.
      row.open = (open.endsWith('/>') ? open.slice(0, -2) + '>' : open).replace(/\sspans="[^"]*"/, '');
      row.cells = [];
      let c = 0;
      for (const m of raw.matchAll(/<c\b[^>]*?\/>|<c\b[^>]*>[\s\S]*?<\/c>/g)) {
        const ref = attrOf(/^<c\b[^>]*>/.exec(m[0])![0], 'r');
        c = ref ? splitAddress(ref).col : c + 1;
        row.cells.push({ col: c, xml: ref ? m[0] : m[0].replace(/^<c\b/, `<c r="${colLetters(c)}${r}"`) });
      }
      row.raw = undefined;
    }
    return row;
  }

  cell(address: string): string | undefined {
    const { col, row } = splitAddress(address);
    const existing = this.byNumber.get(row);
    if (!existing) return undefined;
    return this.row(row).cells!.find((c) => c.col === col)?.xml;
  }

  setCell(address: string, xml: string): void {
    const { col, row } = splitAddress(address);
    const cells = this.row(row).cells!;
    const i = cells.findIndex((c) => c.col >= col);
    if (i >= 0 && cells[i].col === col) cells[i].xml = xml;
    else if (i < 0) cells.push({ col, xml });
    else cells.splice(i, 0, { col, xml });
    this.maxCol = Math.max(this.maxCol, col);
  }

  /** Cells of the rows `top`..`bottom` (1-based) whose XML matches `test`, with their addresses. */
  cellsMatching(top: number, bottom: number, test: RegExp): { address: string; xml: string }[] {
    const out: { address: string; xml: string }[] = [];
    for (const row of this.rows) {
      if (row.r < top || row.r > bottom) continue;
      if (row.raw !== undefined && !test.test(row.raw)) continue;
      for (const c of this.row(row.r).cells!) if (test.test(c.xml)) out.push({ address: `${colLetters(c.col)}${row.r}`, xml: c.xml });
    }
    return out;
  }

  /** Inserts XML before the first of `before` found after sheetData (element order matters to Excel). */
  insertAfterData(xml: string, before: string[]): void {
    let at = -1;
    for (const tag of before) {
      const i = this.tail.indexOf(tag);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 0) at = this.tail.lastIndexOf('</worksheet>');
    this.tail = this.tail.slice(0, at) + xml + this.tail.slice(at);
  }

  hasAfterData(tag: string): boolean {
    return this.tail.includes(tag);
  }

  /** The prefix bound to the relationships namespace on the root element (declared if missing). */
  relationshipPrefix(): string {
    const m = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(this.head);
    if (m) return m[1];
    this.head = this.head.replace(/<worksheet\b/, '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    return 'r';
  }

  toString(): string {
    const body = this.rows.map((row) => (row.raw !== undefined ? row.raw : `${row.open}${row.cells!.map((c) => c.xml).join('')}</row>`)).join('');
    return this.head + body + this.tail;
  }
}

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const VML_CONTENT = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** A note to add (or append to an existing note) on one cell. */
interface NoteEdit {
  address: string;
  text: string;
}

export interface PatchedSheetRow {
  text: string;
  bold?: boolean;
}

/** The package being patched: parts read on demand, changed parts kept as text, every other entry copied raw. */
export class WorkbookPatch {
  private readonly entries: ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;
  private readonly changed = new Map<string, string>();
  private readonly sheetParts: Map<string, string>;
  private readonly sheets = new Map<string, SheetXml>();
  private readonly notes = new Map<string, NoteEdit[]>();
  private readonly styleCache = new Map<string, number>();
  private readonly removed = new Set<string>();
  /** A formula replaced by a value: Excel's calculation chain would list a cell with no formula and ask to repair. */
  private formulaRemoved = false;

  constructor(private readonly bytes: Uint8Array, fileName: string) {
    // The same limits as reading: nothing past them is ever inflated, here or by anyone downstream.
    const scan = scanPackage(bytes, fileName);
    this.entries = scan.entries;
    this.byName = new Map(scan.entries.map((e) => [e.name, e]));
    this.sheetParts = new Map(scan.sheets.map((s) => [s.name, s.part]));
    if (!this.has('xl/styles.xml')) throw new PatchUnsupported('工作簿没有样式表');
  }

  sheetNames(): string[] {
    return [...this.sheetParts.keys()];
  }

  private has(name: string): boolean {
    return this.changed.has(name) || this.byName.has(name);
  }

  private read(name: string): string | undefined {
    const changed = this.changed.get(name);
    if (changed !== undefined) return changed;
    const entry = this.byName.get(name);
    if (!entry) return undefined;
    const data = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    return new TextDecoder('utf-8').decode(entry.method === 0 ? data : inflateRaw(data));
  }

  private write(name: string, text: string): void {
    this.changed.set(name, text);
  }

  private sheet(name: string): SheetXml | undefined {
    const part = this.sheetParts.get(name);
    if (!part) return undefined;
    let sheet = this.sheets.get(part);
    if (!sheet) {
      sheet = new SheetXml(part, this.read(part)!);
      this.sheets.set(part, sheet);
    }
    return sheet;
  }

  // ── styles ────────────────────────────────────────────────────────────────────────────────────────────────
  /** Appends one element to a styles collection (`<fills count="n">…</fills>`) and returns its index. */
  private appendStyleRecord(collection: string, element: string): number {
    let styles = this.read('xl/styles.xml')!;
    const open = new RegExp(`<${collection}\\b[^>]*?(/?)>`).exec(styles);
    let index: number;
    if (!open) {
      throw new PatchUnsupported(`样式表中没有 ${collection}`);
    } else if (open[1] === '/') {
      index = 0;
      styles = styles.slice(0, open.index) + `<${collection} count="1">${element}</${collection}>` + styles.slice(open.index + open[0].length);
    } else {
      const close = styles.indexOf(`</${collection}>`, open.index);
      const inner = styles.slice(open.index + open[0].length, close);
      const child = collection === 'numFmts' ? 'numFmt' : collection === 'cellXfs' ? 'xf' : collection.slice(0, -1);
      index = (inner.match(new RegExp(`<${child}\\b`, 'g')) ?? []).length;
      const newOpen = setAttr(open[0], 'count', String(index + 1));
      styles = styles.slice(0, open.index) + newOpen + inner + element + styles.slice(close);
    }
    this.write('xl/styles.xml', styles);
    return index;
  }

  private cellXf(index: number): string {
    const styles = this.read('xl/styles.xml')!;
    const m = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
    const xfs = m ? [...m[1].matchAll(/<xf\b[^>]*?\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((x) => x[0]) : [];
    return xfs[index] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  private numFmtId(code: string): number {
    const builtIn: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };
    if (code in builtIn) return builtIn[code];
    const styles = this.read('xl/styles.xml')!;
    for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
      if (attrOf(m[0], 'formatCode') === escapeXml(code)) return Number(attrOf(m[0], 'numFmtId'));
    }
    const ids = [...styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    const id = Math.max(163, ...ids) + 1;
    if (!/<numFmts\b/.test(styles)) {
      this.write('xl/styles.xml', styles.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="0"></numFmts>`));
    }
    this.appendStyleRecord('numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The cell format `base` with a solid fill, a number format, bold text or wrapping added (one per combination). */
  private styleWith(base: number, change: { fill?: string; numFmt?: string; bold?: boolean; wrap?: boolean }): number {
    const key = `${base}|${change.fill ?? ''}|${change.numFmt ?? ''}|${change.bold ? 1 : 0}|${change.wrap ? 1 : 0}`;
    const cached = this.styleCache.get(key);
    if (cached !== undefined) return cached;
    let xf = this.cellXf(base);
    if (change.fill) {
      const fillId = this.appendStyleRecord('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${change.fill}"/><bgColor indexed="64"/></patternFill></fill>`);
      xf = setAttr(setAttr(xf, 'fillId', String(fillId)), 'applyFill', '1');
    }
    if (change.numFmt) xf = setAttr(setAttr(xf, 'numFmtId', String(this.numFmtId(change.numFmt))), 'applyNumberFormat', '1');
    if (change.bold) {
      const fontId = this.appendStyleRecord('fonts', '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>');
      xf = setAttr(setAttr(xf, 'fontId', String(fontId)), 'applyFont', '1');
    }
    if (change.wrap) {
      const open = /^<xf\b[^>]*?(\/?)>/.exec(xf)![0];
      const head = setAttr(open.endsWith('/>') ? open.slice(0, -2) + '>' : open, 'applyAlignment', '1');
      xf = `${head}<alignment wrapText="1" vertical="top"/></xf>`;
    }
    const index = this.appendStyleRecord('cellXfs', xf);
    this.styleCache.set(key, index);
    return index;
  }

  // ── cells ─────────────────────────────────────────────────────────────────────────────────────────────────
  /**
   * Writes a value into a cell (its formula, if any, replaced by the value), keeping its style, optionally with a
   * number format and a fill. A master of a shared formula first hands its formula to every other cell of it.
   */
  setValue(sheetName: string, address: string, value: number | string, options: { numFmt?: string; fill?: string } = {}): boolean {
    const sheet = this.sheet(sheetName);
    if (!sheet) return false;
    const old = sheet.cell(address) ?? '';
    const master = /<f\b[^>]*\bt="shared"[^>]*\bref="[^"]*"[^>]*>([^<]*)<\/f>/.exec(old) ?? /<f\b[^>]*\bref="[^"]*"[^>]*\bt="shared"[^>]*>([^<]*)<\/f>/.exec(old);
    if (master) this.unshare(sheet, address, old, master[1]);
    if (/<f\b/.test(old)) this.formulaRemoved = true;
    const base = Number(attrOf(/^<c\b[^>]*>|^$/.exec(old)?.[0] ?? '', 's') ?? 0);
    const style = options.numFmt || options.fill ? this.styleWith(base, options) : base;
    const s = style ? ` s="${style}"` : '';
    const ref = address.toUpperCase();
    sheet.setCell(address, typeof value === 'number'
      ? `<c r="${ref}"${s}><v>${value}</v></c>`
      : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`);
    return true;
  }

  /** Gives every other cell of the shared formula mastered at `address` its own formula text. */
  private unshare(sheet: SheetXml, address: string, masterXml: string, formulaXml: string): void {
    const f = /<f\b[^>]*>/.exec(masterXml)![0];
    const si = attrOf(f, 'si');
    const ref = attrOf(f, 'ref') ?? address;
    const [a, b] = ref.split(':');
    const top = splitAddress(a).row;
    const bottom = splitAddress(b ?? a).row;
    const formula = formulaXml.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
    const clone = new RegExp(`<f\\b[^>]*\\bsi="${si}"[^>]*?(?:/>|>\\s*</f>)`);
    for (const c of sheet.cellsMatching(top, bottom, clone)) {
      const own = slideFormula(formula, address.toUpperCase(), c.address);
      sheet.setCell(c.address, c.xml.replace(clone, `<f>${escapeXml(own)}</f>`));
    }
  }

  /** Whether a cell holds a formula. */
  hasFormula(sheetName: string, address: string): boolean {
    return /<f\b/.test(this.sheet(sheetName)?.cell(address) ?? '');
  }

  /** Fills a cell (created empty if it does not exist), keeping its value and the rest of its format. */
  fill(sheetName: string, address: string, argb: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) return;
    const old = sheet.cell(address);
    const open = old ? /^<c\b[^>]*>/.exec(old)![0] : `<c r="${address.toUpperCase()}"/>`;
    const style = this.styleWith(Number(attrOf(open, 's') ?? 0), { fill: argb });
    const newOpen = setAttr(open.endsWith('/>') ? open.slice(0, -2) + '>' : open, 's', String(style));
    sheet.setCell(address, old && !open.endsWith('/>') ? newOpen + old.slice(open.length) : newOpen.slice(0, -1) + '/>');
  }

  /** The columns the sheet's cells use (0 for a sheet the workbook does not have). */
  columnCount(sheetName: string): number {
    return this.sheet(sheetName)?.maxCol ?? 0;
  }

  /** A note on a cell; an existing note keeps its text and gets this one after it. */
  note(sheetName: string, address: string, text: string): void {
    if (!this.sheetParts.has(sheetName)) return;
    const list = this.notes.get(sheetName) ?? [];
    list.push({ address: address.toUpperCase(), text });
    this.notes.set(sheetName, list);
  }

  // ── parts and relationships ──────────────────────────────────────────────────────────────────────────────
  private relsName(part: string): string {
    const slash = part.lastIndexOf('/');
    return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  }

  /** Adds a relationship to `part`'s relationships and returns its id. */
  private addRelationship(part: string, type: string, target: string): string {
    const name = this.relsName(part);
    const rels = this.read(name) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    let n = 1;
    while (rels.includes(`Id="rIdJ${n}"`)) n++;
    const id = `rIdJ${n}`;
    this.write(name, rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/></Relationships>`));
    return id;
  }

  private relationshipTarget(part: string, type: string): string | undefined {
    const rels = this.read(this.relsName(part));
    if (!rels) return undefined;
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (attrOf(m[0], 'Type') === `${REL_NS}/${type}` && attrOf(m[0], 'TargetMode') !== 'External') {
        const target = attrOf(m[0], 'Target')!;
        const base = part.slice(0, part.lastIndexOf('/')).split('/');
        for (const s of target.split('/')) {
          if (s === '..') base.pop();
          else if (s && s !== '.') base.push(s);
        }
        return target.startsWith('/') ? target.slice(1) : base.join('/');
      }
    }
    return undefined;
  }

  private contentType(partName: string, type: string): void {
    const types = this.read('[Content_Types].xml')!;
    if (types.includes(`PartName="/${partName}"`)) return;
    this.write('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/${partName}" ContentType="${type}"/></Types>`));
  }

  private defaultContentType(extension: string, type: string): void {
    const types = this.read('[Content_Types].xml')!;
    if (new RegExp(`Extension="${extension}"`, 'i').test(types)) return;
    this.write('[Content_Types].xml', types.replace(/(<Types\b[^>]*>)/, `$1<Default Extension="${extension}" ContentType="${type}"/>`));
  }

  private freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }

  private writeNotes(): void {
    for (const [sheetName, edits] of this.notes) {
      const sheet = this.sheet(sheetName)!;
      let commentsPart = this.relationshipTarget(sheet.part, 'comments');
      let vmlPart = this.relationshipTarget(sheet.part, 'vmlDrawing');
      if (!commentsPart) {
        commentsPart = this.freeName((n) => `xl/comments${n}.xml`);
        this.write(commentsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`);
        this.addRelationship(sheet.part, 'comments', `../${commentsPart.slice(3)}`);
        this.contentType(commentsPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
      }
      if (!vmlPart) {
        vmlPart = this.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
        // Each drawing gets its own block of shape ids (Excel numbers shapes 1024 × block + n).
        const blocks = [...this.byName.keys(), ...this.changed.keys()]
          .filter((n) => /\.vml$/i.test(n))
          .flatMap((n) => [...(this.read(n) ?? '').matchAll(/<o:idmap\b[^>]*\bdata="([\d,]+)"/g)].flatMap((m) => m[1].split(',').map(Number)));
        const block = Math.max(0, ...blocks) + 1;
        this.write(vmlPart, `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`);
        const id = this.addRelationship(sheet.part, 'vmlDrawing', `../${vmlPart.slice(3)}`);
        this.defaultContentType('vml', VML_CONTENT);
        if (sheet.hasAfterData('<legacyDrawing ')) throw new PatchUnsupported('工作表已有批注绘图');
        const prefix = sheet.relationshipPrefix();
        sheet.insertAfterData(`<legacyDrawing ${prefix}:id="${id}"/>`, ['<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst']);
      }
      let comments = this.read(commentsPart)!;
      let vml = this.read(vmlPart)!;
      if (!/<authors\b/.test(comments)) throw new PatchUnsupported('批注部件没有作者表');
      comments = comments.replace(/<authors\s*\/>/, '<authors></authors>').replace(/<commentList\s*\/>/, '<commentList></commentList>');
      const authors = [...comments.matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) => m[1]);
      let author = authors.indexOf('决算校验');
      if (author < 0) {
        author = authors.length;
        comments = comments.replace('</authors>', '<author>决算校验</author></authors>');
      }
      const byCell = new Map<string, string[]>();
      for (const e of edits) byCell.set(e.address, [...(byCell.get(e.address) ?? []), e.text]);
      const block = Number(/<o:idmap\b[^>]*\bdata="(\d+)/.exec(vml)?.[1] ?? 1);
      let shapeId = Math.max(block * 1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
      for (const [address, texts] of byCell) {
        const text = escapeXml(texts.join('\n\n'));
        const existing = new RegExp(`(<comment\\b[^>]*\\bref="${address}"[^>]*>[\\s\\S]*?)(</text>)`).exec(comments);
        if (existing) {
          comments = comments.replace(existing[0], `${existing[1]}<r><t xml:space="preserve">\n\n${text}</t></r>${existing[2]}`);
          continue;
        }
        comments = comments.replace('</commentList>', `<comment ref="${address}" authorId="${author}"><text><r><t xml:space="preserve">${text}</t></r></text></comment></commentList>`);
        const { col, row } = splitAddress(address);
        shapeId++;
        vml = vml.replace(/<\/xml>\s*$/, `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:120pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col}, 15, ${row - 1}, 2, ${col + 3}, 15, ${row + 6}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape></xml>`);
      }
      this.write(commentsPart, comments);
      this.write(vmlPart, vml);
    }
    this.notes.clear();
  }

  /** Adds a sheet at the end (name made unique as Excel compares names) and returns its name. */
  addSheet(wanted: string, rows: PatchedSheetRow[][], options: { widths?: number[]; wrap?: boolean } = {}): string {
    const base = wanted.slice(0, 31);
    const taken = new Set(this.sheetNames().map((n) => n.toLowerCase()));
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)}(${i})`;
    const part = this.freeName((n) => `xl/worksheets/sheet${n}.xml`);
    const plain = options.wrap ? this.styleWith(0, { wrap: true }) : 0;
    const bold = this.styleWith(0, { bold: true, wrap: options.wrap });
    const cols = options.widths?.length
      ? `<cols>${options.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
      : '';
    const body = rows
      .map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => {
        const s = c.bold ? bold : plain;
        return `<c r="${colLetters(i + 1)}${r + 1}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t xml:space="preserve">${escapeXml(c.text)}</t></is></c>`;
      }).join('')}</row>`)
      .join('');
    this.write(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}">${cols}<sheetData>${body}</sheetData></worksheet>`);
    this.contentType(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    const id = this.addRelationship('xl/workbook.xml', 'worksheet', part.slice(3));
    let workbook = this.read('xl/workbook.xml')!;
    const prefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(workbook)?.[1];
    if (!prefix) throw new PatchUnsupported('工作簿未声明关系命名空间');
    const ids = [...workbook.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
    workbook = workbook.replace('</sheets>', `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" ${prefix}:id="${id}"/></sheets>`);
    this.write('xl/workbook.xml', workbook);
    this.sheetParts.set(name, part);
    return name;
  }

  // ── the zip ──────────────────────────────────────────────────────────────────────────────────────────────
  /** The patched package: changed and new parts deflated, every other entry's compressed bytes copied as they are. */
  toBytes(): Uint8Array {
    this.writeNotes();
    if (this.formulaRemoved && this.byName.has('xl/calcChain.xml')) {
      // Excel rebuilds the chain when it is absent; a stale one makes it offer to repair the file.
      this.removed.add('xl/calcChain.xml');
      const rels = this.read('xl/_rels/workbook.xml.rels');
      if (rels) this.write('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/g, ''));
      this.write('[Content_Types].xml', this.read('[Content_Types].xml')!.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/g, ''));
    }
    for (const sheet of this.sheets.values()) this.write(sheet.part, sheet.toString());
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    let written = 0;
    const add = (name: Uint8Array, header: { version: number; flags: number; method: number; time: number; date: number; crc: number; compressed: number; size: number }, data: Uint8Array) => {
      const local = new Uint8Array(30);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, header.version, true);
      lv.setUint16(6, header.flags, true);
      lv.setUint16(8, header.method, true);
      lv.setUint16(10, header.time, true);
      lv.setUint16(12, header.date, true);
      lv.setUint32(14, header.crc, true);
      lv.setUint32(18, header.compressed, true);
      lv.setUint32(22, header.size, true);
      lv.setUint16(26, name.length, true);
      const c = new Uint8Array(46);
      const cv = new DataView(c.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, 20, true);
      cv.setUint16(6, header.version, true);
      cv.setUint16(8, header.flags, true);
      cv.setUint16(10, header.method, true);
      cv.setUint16(12, header.time, true);
      cv.setUint16(14, header.date, true);
      cv.setUint32(16, header.crc, true);
      cv.setUint32(20, header.compressed, true);
      cv.setUint32(24, header.size, true);
      cv.setUint16(28, name.length, true);
      cv.setUint32(42, offset, true);
      chunks.push(local, name, data);
      central.push(c, name);
      offset += 30 + name.length + data.length;
      written++;
    };
    const now = new Date();
    const dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    const dosDate = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
    const encoder = new TextEncoder();
    const writeChanged = (name: string) => {
      const content = encoder.encode(this.changed.get(name)!);
      const data = deflateRaw(content, { level: 6 });
      add(encoder.encode(name), { version: 20, flags: 0x0800, method: 8, time: dosTime, date: dosDate, crc: crc32(content), compressed: data.length, size: content.length }, data);
    };
    for (const e of this.entries) {
      if (this.removed.has(e.name)) continue;
      if (this.changed.has(e.name)) {
        writeChanged(e.name);
        continue;
      }
      const cv = new DataView(e.central.buffer, e.central.byteOffset, e.central.byteLength);
      const nameLength = cv.getUint16(28, true);
      // A fresh local header from the directory record: sizes and CRC in place, no trailing data descriptor.
      const header = {
        version: cv.getUint16(6, true), flags: cv.getUint16(8, true) & ~0x0008, method: e.method,
        time: cv.getUint16(12, true), date: cv.getUint16(14, true), crc: e.crc32, compressed: e.compressedSize, size: e.uncompressedSize,
      };
      add(e.central.subarray(46, 46 + nameLength), header, this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize));
    }
    for (const name of this.changed.keys()) if (!this.byName.has(name)) writeChanged(name);
    const directory = concat(central);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    const count = written;
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, count, true);
    ev.setUint16(10, count, true);
    ev.setUint32(12, directory.length, true);
    ev.setUint32(16, offset, true);
    return concat([...chunks, directory, end]);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
