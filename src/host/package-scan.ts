/**
 * The pre-scan of an .xlsx package, run before any full reader sees it. It walks the zip's central directory itself,
 * inflates every part as a stream in 64 KB pieces and only counts — rows, cells, characters, merges, strings, style
 * records — so memory stays a few chunks whatever a part inflates to, and stops at the first limit passed. Only a
 * package that passes every limit goes on to exceljs, which holds parts whole and expands merged areas cell by cell.
 *
 * Runs unchanged in Node and in the browser (pako's streaming inflater, TextDecoder, no Node API).
 */
import { Inflate } from 'pako/lib/inflate';
import { WorkbookReadError } from './read-error';

/**
 * Reading limits: Excel's own (32,767 characters per cell, 1,048,576 rows × 16,384 columns, 65,530 hyperlinks per
 * sheet, 64,000 cell formats) and, for size, the largest workbook accepted before (5 million cells per sheet). The
 * README's table lists the same figures; change them together.
 */
export const READING_LIMITS = {
  /** Input file size (bytes), checked from the file before it is read. */
  fileBytes: 200 * 1024 * 1024,
  /** Parts in the package. */
  parts: 10_000,
  /** Inflated size of any one part, and of all parts together (bytes). */
  partBytes: 256 * 1024 * 1024,
  packageBytes: 512 * 1024 * 1024,
  cellsPerSheet: 5_000_000,
  cellsPerWorkbook: 10_000_000,
  rows: 1_048_576,
  columns: 16_384,
  charsPerCell: 32_767,
  sharedStrings: 5_000_000,
  sharedStringChars: 100_000_000,
  mergesPerSheet: 100_000,
  /** Cells covered by merged areas, per sheet: the full reader builds every one of them. */
  mergedCellsPerSheet: 1_000_000,
  hyperlinksPerSheet: 65_530,
  columnRecordsPerSheet: 16_384,
  /** Each kind of style record (cell formats, fonts, fills, borders, number formats, differential formats). */
  styleRecords: 64_000,
  /** Elements of any other XML part (drawings, comments, relationships…). */
  elementsPerOtherPart: 2_000_000,
  /** One tag (name and attributes) longer than this is not a spreadsheet any writer makes. */
  tagChars: 1_000_000,
} as const;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header, and of the compressed bytes after it. */
  localOffset: number;
  dataOffset: number;
  /** The entry's central-directory record, verbatim (for a writer that copies the entry unread). */
  central: Uint8Array;
}

export interface PackageScan {
  entries: ZipEntry[];
  /** Every sheet of workbook.xml in order, with its part. */
  sheets: { name: string; part: string }[];
  /** Per sheet name: addresses of formulas whose saved result is the empty string (exceljs reads them as none). */
  emptyStringResults: Map<string, Set<string>>;
  inflatedBytes: number;
}

const CHUNK = 64 * 1024;

export function formatCount(n: number): string {
  // Followed directly by its measure word: `500 万个`, `32,767 个`.
  if (n >= 10_000 && n % 10_000 === 0) return `${n / 10_000} 万`;
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + ' ';
}

function unreadable(fileName: string, what: string): WorkbookReadError {
  return new WorkbookReadError(`${fileName}：文件已损坏或不是有效的 .xlsx 工作簿，无法打开（${what}）；请在 Excel 或 WPS 中打开后另存为 .xlsx 再审核`, 'unreadable');
}

/** The zip's entries from its central directory (no part is inflated). */
export function readZipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable(fileName, '找不到压缩包目录');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw unreadable(fileName, '不支持 ZIP64 压缩包');
  if (count > READING_LIMITS.parts) {
    throw new WorkbookReadError(`${fileName}：文件有 ${formatCount(count)}个部件，超过 ${formatCount(READING_LIMITS.parts)}个的上限；请在 Excel 中另存为 .xlsx 再审核`, 'refused');
  }
  if (cdOffset + cdSize > bytes.length) throw unreadable(fileName, '压缩包目录超出文件末尾');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const names = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw unreadable(fileName, '压缩包目录损坏');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc32 = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const end = p + 46 + nameLength + extraLength + commentLength;
    const central = bytes.subarray(p, end);
    p = end;
    if (flags & 1) {
      throw new WorkbookReadError(`${fileName}：工作簿设置了打开密码，无法读取；请在 Excel 中取消密码后再审核`, 'unreadable');
    }
    if (seen.has(name)) throw unreadable(fileName, `部件“${name}”重复出现`);
    seen.add(name);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50) throw unreadable(fileName, `部件“${name}”的位置无效`);
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.length) throw unreadable(fileName, `部件“${name}”超出文件末尾`);
    if (method !== 0 && method !== 8) throw unreadable(fileName, `部件“${name}”使用了不支持的压缩方式`);
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localOffset, dataOffset, central });
  }
  return entries;
}

/** Thrown inside the inflater's callback to stop it at a limit. */
class Stop {
  constructor(readonly error: WorkbookReadError) {}
}

/**
 * Inflates one entry piece by piece, handing each piece to `onChunk`, and returns the inflated size. Never holds
 * more than one piece; stops (throws the refusal) when the part or the package passes its byte limit.
 */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string, budget: { used: number }, onChunk: (chunk: Uint8Array) => void): number {
  if (entry.uncompressedSize > READING_LIMITS.partBytes) {
    throw new WorkbookReadError(
      `${fileName}：部件“${entry.name}”解压后有 ${(entry.uncompressedSize / 1048576).toFixed(0)} MB，超过每个部件 ${READING_LIMITS.partBytes / 1048576} MB 的上限；请删除不需要的内容或拆分工作簿`, 'refused', budget.used);
  }
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    budget.used += chunk.length;
    // The directory records each part's size: a part that inflates past it is corrupt (or built to mislead), stop.
    if (size > entry.uncompressedSize) {
      throw new Stop(new WorkbookReadError(
        `${fileName}：文件已损坏，部件“${entry.name}”解压后大于目录记录的 ${entry.uncompressedSize} 字节，未读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 再审核`, 'unreadable', budget.used));
    }
    if (size > READING_LIMITS.partBytes) {
      throw new Stop(new WorkbookReadError(
        `${fileName}：部件“${entry.name}”解压后超过每个部件 ${READING_LIMITS.partBytes / 1048576} MB 的上限；请在 Excel 中打开后另存为 .xlsx 再审核`, 'refused', budget.used));
    }
    if (budget.used > READING_LIMITS.packageBytes) {
      throw new Stop(new WorkbookReadError(
        `${fileName}：工作簿解压后超过 ${READING_LIMITS.packageBytes / 1048576} MB 的上限（读到部件“${entry.name}”时）；请删除不需要的工作表或拆分工作簿`, 'refused', budget.used));
    }
    onChunk(chunk);
  };
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  try {
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += CHUNK) take(data.subarray(i, i + CHUNK));
    } else {
      const inflater = new Inflate({ raw: true, chunkSize: CHUNK });
      inflater.onData = take;
      inflater.onEnd = () => undefined;
      // 16 KB of input at a time: deflate inflates at most ~1032:1, so one push yields at most ~16 MB, in 64 KB pieces.
      for (let i = 0; i < data.length && !inflater.ended; i += 16 * 1024) {
        const last = i + 16 * 1024 >= data.length;
        inflater.push(data.subarray(i, i + 16 * 1024), last);
        if (inflater.err) throw unreadable(fileName, `部件“${entry.name}”无法解压`);
      }
      if (!inflater.ended && data.length > 0) throw unreadable(fileName, `部件“${entry.name}”不完整`);
    }
  } catch (e) {
    if (e instanceof Stop) throw e.error;
    throw e;
  }
  if (size !== entry.uncompressedSize) throw unreadable(fileName, `部件“${entry.name}”的大小与目录记录不符`);
  return size;
}

/** Inflates a small part whole (workbook.xml and relationships), refusing one past `max` bytes. */
function readSmallPart(bytes: Uint8Array, entry: ZipEntry, fileName: string, budget: { used: number }, max = 16 * 1024 * 1024): string {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let size = 0;
  inflateEntry(bytes, entry, fileName, budget, (chunk) => {
    size += chunk.length;
    if (size > max) {
      throw new Stop(new WorkbookReadError(`${fileName}：部件“${entry.name}”超过 ${max / 1048576} MB，不是正常的工作簿结构；请在 Excel 中打开后另存为 .xlsx 再审核`, 'refused', budget.used));
    }
    text += decoder.decode(chunk, { stream: true });
  });
  return text + decoder.decode();
}

function xmlText(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e];
  });
}

const attrPatterns = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) attrPatterns.set(name, (pattern = new RegExp(`[\\s:]${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? xmlText(m[2] ?? m[3]) : undefined;
}

/** Resolves a relationship target against the folder of its source part; undefined when it leaves the package. */
export function resolveTarget(baseDir: string, target: string): string | undefined {
  const segments = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(s);
  }
  return segments.join('/');
}

/** Sheets of workbook.xml with their parts; a sheet whose part is missing or outside the package is refused. */
function sheetParts(bytes: Uint8Array, byName: Map<string, ZipEntry>, fileName: string, budget: { used: number }): { name: string; part: string }[] {
  const workbook = byName.get('xl/workbook.xml');
  if (!workbook) {
    throw new WorkbookReadError(`${fileName}：不是有效的 .xlsx 工作簿（压缩包中没有工作簿内容），无法读取；请在 Excel 中另存为 .xlsx 后再审核`, 'not-xlsx');
  }
  const wbXml = readSmallPart(bytes, workbook, fileName, budget);
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  const relsXml = relsEntry ? readSmallPart(bytes, relsEntry, fileName, budget) : '';
  const rels = new Map<string, { target: string; external: boolean }>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target !== undefined) rels.set(id, { target, external: attr(m[0], 'TargetMode') === 'External' });
  }
  const sheets: { name: string; part: string }[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name') ?? '';
    const id = /\br:id\s*=\s*"([^"]+)"/.exec(m[0])?.[1] ?? attr(m[0], 'id');
    const rel = id ? rels.get(id) : undefined;
    const why = (reason: string) =>
      new WorkbookReadError(`${fileName}：工作表“${name}”无法读取（${reason}）；请在 Excel 或 WPS 中打开后另存为 .xlsx 再审核`, 'unreadable');
    if (!rel) throw why('工作簿中找不到它的内容');
    const part = rel.external ? undefined : resolveTarget('xl', rel.target);
    if (part === undefined) throw why(`它指向文件之外的“${rel.target}”`);
    if (!byName.has(part)) throw why(`压缩包中缺少它的内容 ${part}`);
    sheets.push({ name, part });
  }
  return sheets;
}

/**
 * A tag-level reader of XML arriving in pieces: hands every tag (with its name, prefix stripped) and, while
 * `wantText`, the text between tags to the counter. Entities count as their raw length (an overestimate of at most
 * a few characters per entity — the limits are far from any real cell).
 */
abstract class TagCounter {
  private carry = '';
  wantText = false;
  constructor(protected readonly fileName: string, protected readonly part: string, protected readonly budget: { used: number }) {}

  feed(text: string): void {
    const s = this.carry ? this.carry + text : text;
    this.carry = '';
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (this.wantText && i < s.length) this.text(s.length - i);
        return;
      }
      if (this.wantText && lt > i) this.text(lt - i);
      const gt = s.indexOf('>', lt);
      if (gt < 0) {
        this.carry = s.slice(lt);
        if (this.carry.length > READING_LIMITS.tagChars) {
          this.refuse(`部件“${this.part}”中有一个标记超过 ${formatCount(READING_LIMITS.tagChars)}个字符`, '请在 Excel 中打开后另存为 .xlsx 再审核');
        }
        return;
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 !== 63 /* ? */ && c1 !== 33 /* ! */) {
        const closing = c1 === 47; /* / */
        let nameEnd = lt + 1 + (closing ? 1 : 0);
        while (nameEnd < gt) {
          const c = s.charCodeAt(nameEnd);
          if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
          nameEnd++;
        }
        let name = s.slice(lt + 1 + (closing ? 1 : 0), nameEnd);
        const colon = name.indexOf(':');
        if (colon >= 0) name = name.slice(colon + 1);
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        if (closing) this.close(name);
        else {
          this.open(name, s, lt, gt + 1);
          if (selfClosing) this.close(name);
        }
      }
      i = gt + 1;
    }
  }

  protected refuse(what: string, remedy: string): never {
    throw new Stop(new WorkbookReadError(`${this.fileName}：${what}；${remedy}`, 'refused', this.budget.used));
  }

  protected abstract open(name: string, s: string, from: number, to: number): void;
  protected close(_name: string): void {}
  protected text(_length: number): void {}
  finish(): void {}
}

/**
 * The value of attribute `name` in the tag s[from, to): the hot path of the scan, so a plain search for ` name="`
 * first (what every writer emits), the general pattern only when that is not found.
 */
function tagAttr(s: string, from: number, to: number, name: string): string | undefined {
  // Searched within the tag only: an unbounded search would run to the end of the chunk for every tag without it.
  const tag = s.slice(from, to);
  const needle = ` ${name}="`;
  const at = tag.indexOf(needle);
  if (at >= 0) {
    const start = at + needle.length;
    const end = tag.indexOf('"', start);
    if (end >= 0) return tag.slice(start, end);
  }
  return tag.includes(`${name}=`) ? attr(tag, name) : undefined;
}

/** A1-style reference → row and column, by character codes (no regular expression per cell). */
function parseRefFast(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  let row = 0;
  if (ref.charCodeAt(i) === 36) i++;
  const colStart = i;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === colStart || i - colStart > 3) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  const rowStart = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || i - rowStart > 7) return undefined;
  return { row, col };
}

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  return m ? { col: colNumber(m[1]), row: Number(m[2]) } : undefined;
}

const REMEDY_SAVE_AS = '请在 Excel 中打开后另存为 .xlsx 再审核';

class SheetCounter extends TagCounter {
  private cells = 0;
  private row = 0;
  private col = 0;
  private merges = 0;
  private mergedCells = 0;
  private hyperlinks = 0;
  private columnRecords = 0;
  private inCell = false;
  private cellAddress = '';
  private cellType: string | undefined;
  private hasFormula = false;
  private valueSeen = false;
  private valueLength = 0;
  private inValue = false;
  private textLength = 0;
  readonly emptyStringResults = new Set<string>();

  constructor(fileName: string, part: string, budget: { used: number }, private readonly sheet: string, private readonly workbook: { cells: number }) {
    super(fileName, part, budget);
  }

  private get label() {
    return `工作表“${this.sheet}”`;
  }

  protected open(name: string, s: string, from: number, to: number): void {
    switch (name) {
      case 'row': {
        const r = tagAttr(s, from, to, 'r');
        const n = r === undefined ? this.row + 1 : Number(r);
        if (!Number.isInteger(n) || n < 1 || n > READING_LIMITS.rows) {
          this.refuse(`${this.label}有行号“${r}”，超出 Excel 的 ${formatCount(READING_LIMITS.rows)}行`, REMEDY_SAVE_AS);
        }
        if (n <= this.row) this.refuse(`${this.label}的第 ${n} 行在第 ${this.row} 行之后重复或倒退出现，行记录顺序不正常`, REMEDY_SAVE_AS);
        this.row = n;
        this.col = 0;
        return;
      }
      case 'c': {
        this.cells++;
        this.workbook.cells++;
        if (this.cells > READING_LIMITS.cellsPerSheet) {
          this.refuse(`${this.label}的单元格超过每表 ${formatCount(READING_LIMITS.cellsPerSheet)}个的上限（读到第 ${formatCount(this.cells)}个时停止）`, '请删除多余的空行空列或拆分工作簿');
        }
        if (this.workbook.cells > READING_LIMITS.cellsPerWorkbook) {
          this.refuse(`工作簿的单元格超过 ${formatCount(READING_LIMITS.cellsPerWorkbook)}个的上限（读到工作表“${this.sheet}”时）`, '请删除不需要的工作表或拆分工作簿');
        }
        const r = tagAttr(s, from, to, 'r');
        let row = this.row;
        let col = this.col + 1;
        if (r !== undefined) {
          const p = parseRefFast(r);
          if (!p || p.col > READING_LIMITS.columns || p.row > READING_LIMITS.rows) this.refuse(`${this.label}有无效的单元格引用“${r}”`, REMEDY_SAVE_AS);
          row = p.row;
          col = p.col;
        }
        if (col > READING_LIMITS.columns) this.refuse(`${this.label}第 ${row} 行的单元格超出 Excel 的 ${formatCount(READING_LIMITS.columns)}列`, REMEDY_SAVE_AS);
        if (row < this.row || (row === this.row && col <= this.col)) {
          this.refuse(`${this.label}的单元格 ${r} 重复或倒退出现，单元格记录顺序不正常`, REMEDY_SAVE_AS);
        }
        this.row = row;
        this.col = col;
        this.inCell = true;
        this.cellAddress = r ?? '';
        this.cellType = tagAttr(s, from, to, 't');
        this.hasFormula = false;
        this.valueSeen = false;
        this.valueLength = 0;
        return;
      }
      case 'f':
        if (this.inCell) this.hasFormula = true;
        this.startText();
        return;
      case 'v':
        if (this.inCell) {
          this.valueSeen = true;
          this.inValue = true;
        }
        this.startText();
        return;
      case 't':
        this.startText();
        return;
      case 'mergeCell': {
        this.merges++;
        if (this.merges > READING_LIMITS.mergesPerSheet) {
          this.refuse(`${this.label}的合并区域超过每表 ${formatCount(READING_LIMITS.mergesPerSheet)}个的上限`, '请取消多余的合并后再审核');
        }
        const ref = attr(s.slice(from, to), 'ref') ?? '';
        const [a, b] = ref.split(':');
        const p = parseRef(a ?? '');
        const q = parseRef(b ?? a ?? '');
        if (!p || !q) return;
        // Counted by its corners, never cell by cell.
        this.mergedCells += (Math.abs(q.row - p.row) + 1) * (Math.abs(q.col - p.col) + 1);
        if (this.mergedCells > READING_LIMITS.mergedCellsPerSheet) {
          this.refuse(`${this.label}的合并区域共覆盖 ${formatCount(this.mergedCells)}个单元格（读到 ${ref} 时），超过每表 ${formatCount(READING_LIMITS.mergedCellsPerSheet)}个的上限`, '请取消整行整列的合并后再审核');
        }
        return;
      }
      case 'hyperlink':
        if (++this.hyperlinks > READING_LIMITS.hyperlinksPerSheet) {
          this.refuse(`${this.label}的超链接超过每表 ${formatCount(READING_LIMITS.hyperlinksPerSheet)}个的上限（Excel 本身的上限）`, '请删除多余的超链接后再审核');
        }
        return;
      case 'col':
        if (++this.columnRecords > READING_LIMITS.columnRecordsPerSheet) {
          this.refuse(`${this.label}的列记录超过 ${formatCount(READING_LIMITS.columnRecordsPerSheet)}条（Excel 的列数）`, REMEDY_SAVE_AS);
        }
        return;
      default:
        return;
    }
  }

  private startText() {
    this.wantText = true;
    this.textLength = 0;
  }

  protected text(length: number): void {
    this.textLength += length;
    if (this.inValue) this.valueLength += length;
    if (this.textLength > READING_LIMITS.charsPerCell) {
      const where = this.cellAddress ? `单元格 ${this.cellAddress} ` : `第 ${this.row} 行的一个单元格`;
      this.refuse(`${this.label}${where}的内容超过每格 ${formatCount(READING_LIMITS.charsPerCell)}个字符的上限（Excel 本身的上限）`, REMEDY_SAVE_AS);
    }
  }

  protected close(name: string): void {
    if (name === 'f' || name === 'v' || name === 't') {
      this.wantText = false;
      if (name === 'v') this.inValue = false;
    } else if (name === 'c' && this.inCell) {
      this.inCell = false;
      if (this.hasFormula && this.valueSeen && this.valueLength === 0 && this.cellType === 'str' && this.cellAddress) {
        this.emptyStringResults.add(this.cellAddress.toUpperCase());
      }
    }
  }
}

class SharedStringCounter extends TagCounter {
  private count = 0;
  private chars = 0;
  private stringChars = 0;

  protected open(name: string): void {
    if (name === 'si') {
      this.stringChars = 0;
      if (++this.count > READING_LIMITS.sharedStrings) {
        this.refuse(`共享字符串超过 ${formatCount(READING_LIMITS.sharedStrings)}条的上限`, '请删除不需要的内容或拆分工作簿');
      }
    } else if (name === 't') this.wantText = true;
  }

  protected close(name: string): void {
    if (name === 't') this.wantText = false;
  }

  protected text(length: number): void {
    this.stringChars += length;
    this.chars += length;
    if (this.stringChars > READING_LIMITS.charsPerCell) {
      this.refuse(`第 ${formatCount(this.count)}条共享字符串超过每格 ${formatCount(READING_LIMITS.charsPerCell)}个字符的上限（Excel 本身的上限）`, REMEDY_SAVE_AS);
    }
    if (this.chars > READING_LIMITS.sharedStringChars) {
      this.refuse(`共享字符串合计超过 ${formatCount(READING_LIMITS.sharedStringChars)}个字符的上限`, '请删除不需要的内容或拆分工作簿');
    }
  }
}

const STYLE_RECORDS: Record<string, string> = { xf: '单元格格式', font: '字体', fill: '填充', border: '边框', numFmt: '数字格式', dxf: '条件格式样式' };

class StyleCounter extends TagCounter {
  private counts = new Map<string, number>();

  protected open(name: string): void {
    const label = STYLE_RECORDS[name];
    if (!label) return;
    const n = (this.counts.get(name) ?? 0) + 1;
    this.counts.set(name, n);
    if (n > READING_LIMITS.styleRecords) {
      this.refuse(`样式表中的${label}记录超过 ${formatCount(READING_LIMITS.styleRecords)}条的上限（Excel 的单元格格式上限）`, REMEDY_SAVE_AS);
    }
  }
}

class ElementCounter extends TagCounter {
  private elements = 0;

  protected open(): void {
    if (++this.elements > READING_LIMITS.elementsPerOtherPart) {
      this.refuse(`部件“${this.part}”的元素超过 ${formatCount(READING_LIMITS.elementsPerOtherPart)}个的上限`, REMEDY_SAVE_AS);
    }
  }
}

/**
 * Checks every part of the package against READING_LIMITS, streaming; throws the first refusal (one Chinese
 * sentence) or returns what the full reader needs from the scan.
 */
export function scanPackage(bytes: Uint8Array, fileName: string): PackageScan {
  const entries = readZipEntries(bytes, fileName);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const budget = { used: 0 };
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > READING_LIMITS.packageBytes) {
    throw new WorkbookReadError(`${fileName}：工作簿解压后有 ${(declared / 1048576).toFixed(0)} MB，超过 ${READING_LIMITS.packageBytes / 1048576} MB 的上限；请删除不需要的工作表或拆分工作簿`, 'refused', 0);
  }
  const sheets = sheetParts(bytes, byName, fileName, budget);
  const sheetOfPart = new Map(sheets.map((s) => [s.part, s.name]));
  const workbook = { cells: 0 };
  const emptyStringResults = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const sheet = sheetOfPart.get(entry.name);
    let counter: TagCounter | undefined;
    if (sheet !== undefined) counter = new SheetCounter(fileName, entry.name, budget, sheet, workbook);
    else if (/^xl\/sharedStrings\.xml$/i.test(entry.name)) counter = new SharedStringCounter(fileName, entry.name, budget);
    else if (/^xl\/styles\.xml$/i.test(entry.name)) counter = new StyleCounter(fileName, entry.name, budget);
    else if (/\.(xml|rels|vml)$/i.test(entry.name)) counter = new ElementCounter(fileName, entry.name, budget);
    const decoder = counter ? new TextDecoder('utf-8') : undefined;
    try {
      inflateEntry(bytes, entry, fileName, budget, (chunk) => counter?.feed(decoder!.decode(chunk, { stream: true })));
    } catch (e) {
      if (e instanceof Stop) throw e.error;
      throw e;
    }
    if (counter instanceof SheetCounter && counter.emptyStringResults.size) emptyStringResults.set(sheet!, counter.emptyStringResults);
  }
  return { entries, sheets, emptyStringResults, inflatedBytes: budget.used };
}
