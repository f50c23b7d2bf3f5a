/**
 * The WPS pane end to end in Chromium: dist/wps/taskpane.html served from 127.0.0.1 with the fake WPS Application
 * (test/wps/fake-wps.ts, transpiled and run in the page before the bundle) holding a bundled sample. 一键审核 →
 * highlights and comments → click a finding → apply a value → insert a draft at the selection → 清除标记, and every
 * cell (value, formula, number format, fill incl. none, comment) must be as before. No request may leave the origin.
 */
import { ChildProcess } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import * as ts from 'typescript';
import { a1, rangeA1 } from '../../src/core/address';
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { readXlsx } from '../../src/host/xlsx-read';
import { JsonSheet } from '../wps/fake-wps';
import { blockOffOrigin, haveChromium, launch, startServer } from './browser';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist/wps');
const artifacts = path.join(root, 'test-artifacts');
const SAMPLE = 'jiaozuo-2021-gongkai.xlsx';
const maybe = haveChromium ? describe : describe.skip;

jest.setTimeout(300_000);

/** The fake as a script for the page: transpiled from TypeScript, its exports on window.__fakeWps. */
function fakeScript(name: string, sheets: JsonSheet[]): string {
  const source = readFileSync(path.join(root, 'test/wps/fake-wps.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 } }).outputText;
  return `(function () {
    var exports = {};
    ${js}
    window.__fakeWps = exports;
    window.__fake = exports.fakeFromJson(${JSON.stringify(name)}, ${JSON.stringify(sheets)});
    window.Application = window.__fake;
  })();`;
}

declare global {
  interface Window {
    __fake: import('../wps/fake-wps').FakeWpsApplication;
    __fakeWps: typeof import('../wps/fake-wps');
  }
}

maybe('WPS pane over the fake Application (Chromium)', () => {
  let server: ChildProcess;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const leftOrigin: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'taskpane.html'))) throw new Error('dist/wps 缺失：请运行 npm test（其 globalSetup 会构建）或 npm run build');
    ({ server, origin } = await startServer(dist));
    context = await launch();
    await blockOffOrigin(context, origin, leftOrigin);
    page = await context.newPage();
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    server?.kill();
  });

  test('check → highlight → apply → draft → 清除标记 leaves every cell as it was', async () => {
    const wb = await readXlsx(new Uint8Array(readFileSync(path.join(root, 'samples', SAMPLE))), SAMPLE);
    const expected = checkWorkbook(wb);
    const marked = expected.findings.find((f) => f.severity !== 'info' && f.cell) as Finding & { cell: string };
    const sheets: JsonSheet[] = wb.sheets.map((s) => {
      const cells: JsonSheet['cells'] = {};
      s.cells.forEach((row, r) =>
        (row ?? []).forEach((c, col) => {
          if (!c) return;
          cells[a1(r, col)] = { ...(c.value !== null ? { v: c.value } : {}), ...(c.formula ? { f: c.formula } : {}), ...(c.numFmt ? { fmt: c.numFmt } : {}) };
        }),
      );
      return { name: s.name, cells, merges: s.merges.map((m) => rangeA1(m.top, m.left, m.bottom, m.right)), hiddenRows: [...s.hiddenRows] };
    });
    // A white fill and an accountant's comment where the add-in will write: both must come back exactly.
    const target = sheets.find((s) => s.name === marked.sheet)!;
    target.cells[marked.cell] = { ...(target.cells[marked.cell] ?? {}), comment: '会计：已与财政核对', fill: '#FFFFFF' };
    await page.addInitScript({ content: fakeScript(SAMPLE, sheets) });

    await page.goto(`${origin}/taskpane.html`);
    await page.getByTestId('wps-note').waitFor();
    const before = await page.evaluate(() => window.__fakeWps.dumpBook(window.__fake.book));

    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
    const count = (s: string) => expected.findings.filter((f) => f.severity === s).length;
    expect(await page.getByTestId('count-error').innerText()).toBe(`错误 ${count('error')}`);
    expect(await page.getByTestId('count-rounding').innerText()).toBe(`尾数误差 ${count('rounding')}`);

    // Highlighted in BGR over the accountant's white fill, noted under their comment, journal very hidden.
    const state = await page.evaluate(
      ({ sheet, cell }) => {
        const s = window.__fake.book.sheets.find((x) => x.name === sheet)!;
        return { fill: s.get(cell)?.fill?.color, comment: s.get(cell)?.comment, journal: window.__fake.book.sheets.find((x) => x.name === '_juesuan_journal_')?.visible };
      },
      { sheet: marked.sheet, cell: marked.cell },
    );
    expect([0xcec7ff, 0x9cebff, 0xf7ebdd]).toContain(state.fill);
    expect(state.comment).toMatch(/^会计：已与财政核对\n\n【决算校验】/);
    expect(state.journal).toBe(2);

    // Clicking a finding selects its cell in WPS.
    await page.getByRole('button', { name: `选中 ${marked.sheet}!${marked.cell}` }).first().click();
    await expect(page.evaluate(() => window.__fake.selection)).resolves.toEqual({ sheet: marked.sheet, address: marked.cell.replace(/\$/g, '') });

    // Apply one recomputed value (asks first when the cell is not empty).
    const edit = expected.edits[0];
    if (edit) {
      await page.getByRole('button', { name: `应用 ${edit.sheet}!${edit.cell} = ${edit.proposed}` }).first().click();
      const overwrite = page.getByRole('button', { name: '覆盖' });
      const done = page.getByTestId('notice').filter({ hasText: '已写入' });
      await Promise.race([overwrite.waitFor(), done.waitFor()]);
      if (await overwrite.isVisible()) await overwrite.click();
      await done.waitFor();
      const written = await page.evaluate(({ sheet, cell }) => window.__fake.book.sheets.find((x) => x.name === sheet)!.get(cell)?.value, { sheet: edit.sheet, cell: edit.cell });
      expect(Number(written)).toBeCloseTo(Number(edit.value), 6);
    }

    // A draft paragraph inserted at a selected empty cell below the table.
    const draftAt = `A${wb.sheets[0].rowCount + 5}`;
    await page.evaluate(
      ({ sheet, address }) => {
        window.__fake.book.active = window.__fake.book.sheets.findIndex((s) => s.name === sheet);
        window.__fake.selection = { sheet, address };
      },
      { sheet: wb.sheets[0].name, address: draftAt },
    );
    await page.getByRole('tab', { name: '情况说明草稿' }).click();
    await page.getByRole('button', { name: '插入到所选单元格' }).click();
    await page.getByText(/已插入到 /).waitFor();
    const drafted = await page.evaluate(({ sheet, address }) => window.__fake.book.sheets.find((s) => s.name === sheet)!.get(address)?.value, { sheet: wb.sheets[0].name, address: draftAt });
    expect(String(drafted)).toMatch(/第三部分|情况说明/);
    await page.screenshot({ path: path.join(artifacts, 'wps-pane.png') });

    // 清除标记: values, formulas, number formats, fills (none and white), comments as before; journal sheet gone.
    await page.getByRole('tab', { name: '审核', exact: true }).click();
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByTestId('notice').filter({ hasText: '已恢复' }).waitFor();
    const after = await page.evaluate(() => window.__fakeWps.dumpBook(window.__fake.book));
    expect(after).toBe(before);
    const calls = await page.evaluate(() => window.__fake.calls);
    // eslint-disable-next-line no-console
    console.log(`WPS pane (${SAMPLE}): check, highlight, select, apply, draft, restore in ${calls} object-model calls`);
    expect(leftOrigin).toEqual([]);
  });

  test('outside WPS (no Application) the pane says so and names the 网页版, never a blank pane', async () => {
    const plain = await context.newPage();
    await plain.goto(`${origin}/taskpane.html`);
    const alert = plain.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/WPS Office 2019[\s\S]*网页版 https?:\/\/[^\s]+\/web\.html/);
    await plain.close();
  });
});
