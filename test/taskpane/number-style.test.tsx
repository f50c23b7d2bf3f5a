/** @jest-environment jsdom */
/**
 * Every finding of every fixture, as the pane and the text report show it, in one number style: amounts grouped,
 * 差额 signed at the printed precision, rate gaps in 百分点, no English word, and no 应为/应用 on a reading note.
 */
import './pane-environment';
import * as React from 'react';
import fs from 'fs';
import path from 'path';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkWorkbook } from '../../src/core/engine';
import { CheckResult } from '../../src/core/findings';
import { readXlsx } from '../../src/host/xlsx-read';
import { textReport } from '../../src/cli/report';
import { showMessage } from '../../src/core/present';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { groupFindings } from '../../src/taskpane/model';
import { S } from '../../src/taskpane/strings';
import { SAMPLES } from '../helpers';

jest.mock('uuid', () => ({ v4: () => '00000000-0000-4000-8000-000000000000' }));

const SHARED = path.resolve(__dirname, '../../../shared/fixtures');
const files = new Map<string, string>();
for (const dir of [SAMPLES, SHARED]) {
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.xlsx') && !files.has(f)) files.set(f, path.join(dir, f));
}

/** Rule ids (G-INTRA-02, NC-01) and cell addresses (F33) are names, not English words; sheet names are the user's. */
function withoutNames(text: string, result: CheckResult): string {
  let t = text;
  for (const s of result.sheets) t = t.split(s.name).join('表');
  return t.replace(/\b[A-Z]+(?:-[A-Z0-9]+)+\b/g, '规则').replace(/\$?\b[A-Z]{1,3}\$?\d+\b/g, '格');
}

function assertStyle(text: string, result: CheckResult, where: string): void {
  const t = withoutNames(text, result);
  expect({ where, english: t.match(/[A-Za-z]{2,}/g) }).toEqual({ where, english: null });
  expect({ where, pp: /\dpp|\d pp/.test(t) }).toEqual({ where, pp: false });
  // an amount of 4+ whole digits with decimals is grouped (20,581.50, not 20581.50)
  expect({ where, ungrouped: t.match(/(?<![\d,.])\d{4,}\.\d+/g) }).toEqual({ where, ungrouped: null });
}

/** The text as read: the pieces of separate elements apart (textContent would run `A24` and `NC-02` together). */
function textOf(el: Element): string {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? '');
  return parts.join(' ');
}

describe.each([...files.keys()])('%s', (name) => {
  let result: CheckResult;
  beforeAll(async () => {
    result = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(files.get(name)!)), name));
  });

  test('the pane shows every finding with its sheet and cell, in the sheet\'s number style', () => {
    const groups = groupFindings(result, new Set(['error', 'rounding', 'warning', 'info']), S.groupTitles);
    const { container, unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <FindingsList groups={groups} result={result} explained={{}} canWrite busy={false} onSelect={() => undefined} onApply={() => undefined} onExplain={() => undefined} />
      </FluentProvider>,
    );
    const items = [...container.querySelectorAll('[data-testid="finding"]')];
    expect(items).toHaveLength(result.findings.length);
    const shown = groups.flatMap((g) => g.findings);
    items.forEach((item, i) => {
      const f = shown[i];
      const text = textOf(item);
      const where = `${f.sheet}!${f.cell} ${f.rule}`;
      expect(text).toContain(f.cell ? `${f.sheet}!${f.cell}` : `${f.sheet}（整表）`);
      assertStyle(text, result, where);
      const gap = /差额 ([+-]?)([\d,]+(?:\.(\d+))?)( 百分点)?/.exec(text);
      if (gap) {
        // signed unless zero, at the printed precision, in 百分点 for a rate
        if (!/^0(\.0+)?$/.test(gap[2])) expect({ where, sign: gap[1] }).not.toEqual({ where, sign: '' });
        const stated = /填报 [+-]?[\d,]+(?:\.(\d+))?/.exec(text);
        expect({ where, decimals: gap[3]?.length ?? 0 }).toEqual({ where, decimals: stated?.[1]?.length ?? 0 });
        if (/填报 [^，]*%/.test(text)) expect({ where, unit: gap[4] }).toEqual({ where, unit: ' 百分点' });
      }
      // a reading note reports how a cell was read: no 填报/应为 figures, no 应用 button
      if (f.severity === 'info') expect({ where, figures: /应为 /.test(text.replace(showMessage(f.message), '')), apply: /应用/.test(text) }).toEqual({ where, figures: false, apply: false });
      // a next step on every finding that is not a reading note
      if (f.severity !== 'info') expect({ where, next: /建议：|^.*应用 /.test(text) || !!item.querySelector('button[aria-label^="应用 "]') }).toEqual({ where, next: true });
    });
    unmount();
  });

  test('the text report shows every finding in the same style', () => {
    const report = textReport(result, { showInfo: true });
    const lines = report.split('\n').slice(1); // the first line names the file
    for (const line of lines) assertStyle(line, result, line.slice(0, 60));
    for (const f of result.findings.filter((x) => x.severity !== 'info')) {
      const row = lines.find((l) => l.startsWith(`${f.cell ?? '（整表）'} `) && l.includes(f.rule));
      expect({ f: `${f.sheet}!${f.cell} ${f.rule}`, advice: row?.includes('；建议：') }).toEqual({ f: `${f.sheet}!${f.cell} ${f.rule}`, advice: true });
    }
  });
});
