/**
 * A sheet beyond the size limit — a million rows, streamed into a zip in a temp directory (the sheet XML is
 * generated chunk by chunk and never held whole; exceljs's WorkbookWriter does the same but takes ~3× longer) — is
 * refused before exceljs builds it in memory, with one Chinese line naming the limit (CLI exit 2),
 * and the same sentence from the reader the pane uses (the CLI goes through that reader: readXlsx).
 */
import fs from 'fs';
import JSZip from 'jszip';
import { Readable } from 'stream';
import path from 'path';
import { main } from '../../src/cli/main';
import { MAX_CELLS_PER_SHEET } from '../../src/host/xlsx-read';
import { tempDir } from '../helpers';

jest.setTimeout(60_000);

let dir: string;
let huge: string;
const ROWS = 1_000_000;

beforeAll(async () => {
  dir = tempDir();
  huge = path.join(dir, '百万行.xlsx');
  await writeHugeXlsx(huge, '支出明细', ROWS);
});

/** A minimal valid .xlsx whose one sheet has `rows` rows of 6 cells (no <dimension>, as streaming writers do). */
async function writeHugeXlsx(file: string, sheetName: string, rows: number): Promise<void> {
  let r = 0;
  const sheetXml = new Readable({
    read() {
      if (r === 0) this.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
      if (r >= rows) {
        this.push('</sheetData></worksheet>');
        this.push(null);
        return;
      }
      const parts: string[] = [];
      for (const end = Math.min(rows, r + 20_000); r < end; ) {
        const n = ++r;
        parts.push(`<row r="${n}"><c r="A${n}"><v>201</v></c><c r="B${n}" t="inlineStr"><is><t>一般公共服务支出</t></is></c><c r="C${n}"><v>1.25</v></c><c r="D${n}"><v>1</v></c><c r="E${n}"><v>0.25</v></c><c r="F${n}"><v>0</v></c></row>`);
      }
      this.push(parts.join(''));
    },
  });
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  await new Promise<void>((resolve, reject) =>
    zip
      .generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 1 } })
      .pipe(fs.createWriteStream(file))
      .on('finish', resolve)
      .on('error', reject),
  );
}
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('juesuan check refuses a 1 000 000-row sheet with one Chinese line naming the limit, exit 2', async () => {
  let out = '';
  let err = '';
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const code = await main(['check', huge], { out: (t) => (out += t), err: (t) => (err += t) });
  clearInterval(timer);
  // exceljs would hold 6 million cell objects (gigabytes); the streaming measure holds one chunk at a time.
  expect(peak - before).toBeLessThan(400 * 1024 * 1024);
  expect(code).toBe(2);
  expect(out).toBe('');
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('支出明细');
  expect(lines[0]).toContain(`单元格超过每表 ${MAX_CELLS_PER_SHEET / 10_000} 万个的上限`);
  expect(lines[0]).toMatch(/请删除多余的空行空列或拆分工作簿/);
});
