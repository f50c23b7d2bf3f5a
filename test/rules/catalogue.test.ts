/**
 * The catalogue is the rules: every id a finding carries — over every fixture and every template — is one the
 * definitions list, with a severity its rule declares; every listed id is seen on a real run or in the rule tester;
 * the generated indexes and docs/rules.md are current; `juesuan rules --format json` lists them all.
 */
import fs from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/core/engine';
import { CheckResult } from '../../src/core/findings';
import { RULE_CATALOGUE, ruleById } from '../../src/core/rules/catalogue';
import { familyOfId, ruleClass } from '../../src/core/rules/definition';
import { rulesMarkdown } from '../../src/core/rules/markdown';
import { listTemplates, templateSheets } from '../../src/core/templates';
import { readXlsx } from '../../src/host/xlsx-read';
import { SAMPLES } from '../helpers';
import { GONGKAI_TESTS } from './cases/gongkai';
import { NARRATIVE_TESTS } from './cases/narrative';
import { READING_TESTS } from './cases/reading';
import { SELFEVAL_TESTS } from './cases/selfeval';
import { templateWorkbook } from './template-grid';

 
const rulesIndex = require('../../scripts/rules-index.cjs') as { stale(): string[] };

const ROOT = path.join(__dirname, '..', '..');
const SHARED = path.join(ROOT, '..', 'shared', 'fixtures');

describe('the definitions', () => {
  test('ids are unique and each sits in the group its prefix names', () => {
    const ids = RULE_CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULE_CATALOGUE) expect([r.id, r.family]).toEqual([r.id, familyOfId(r.id)]);
  });

  test('each says what it checks, where the spec says so, and what it can give', () => {
    for (const r of RULE_CATALOGUE) {
      expect([r.id, r.title.length > 0, r.formula.length > 0, /\.md|README/.test(r.spec), r.severities.length > 0, r.messages.length > 0]).toEqual([r.id, true, true, true, true, true]);
      expect(ruleClass(r)).toBe(r.severities.includes('error') ? '强制' : '提示');
    }
  });

  test('S-GRD-01 covered two checks: the empty grade now has its own id, and the catalogue keeps the old one', () => {
    expect(ruleById('S-GRD-03')).toMatchObject({ severities: ['warning'], formerIds: ['S-GRD-01'] });
    expect(ruleById('S-GRD-01')?.severities).toEqual(['error']);
  });

  test('the rule folders’ indexes list exactly the modules in them (npm run rules:index)', () => {
    expect(rulesIndex.stale()).toEqual([]);
  });

  test('docs/rules.md is generated from them and current (npm run docs:rules)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown(RULE_CATALOGUE));
  });

  test('juesuan rules --format json lists every rule with its class and group', async () => {
    let out = '';
    const code = await main(['rules', '--format', 'json'], { out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(0);
    const listed = JSON.parse(out).rules as { id: string; class: string; group: string }[];
    expect(listed.map((r) => r.id)).toEqual(RULE_CATALOGUE.map((r) => r.id));
    expect(listed.find((r) => r.id === 'G-INTRA-01')).toMatchObject({ class: '强制', group: '表内' });
    expect(listed.find((r) => r.id === 'R-UNIT')).toMatchObject({ class: '提示', group: '读取' });
  });
});

describe('every id a run can give is in the catalogue, and every catalogued id is given somewhere', () => {
  const results: CheckResult[] = [];
  beforeAll(async () => {
    const files = [SAMPLES, SHARED].filter((d) => fs.existsSync(d)).flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(d, f)));
    for (const f of files) results.push(checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(f)), path.basename(f))));
    const seen = new Set<string>();
    for (const t of listTemplates()) {
      const key = `${t.id} ${t.variant}`;
      if (seen.has(key)) continue;
      seen.add(key);
      results.push(checkWorkbook(templateWorkbook(templateSheets(t.id, t.variant))));
    }
  });

  test('each finding’s rule is defined, and its severity is one the rule declares', () => {
    const wrong = results.flatMap((r) => r.findings.filter((f) => !ruleById(f.rule)?.severities.includes(f.severity)).map((f) => `${r.file} ${f.sheet}!${f.cell} ${f.rule} ${f.severity}`));
    expect(wrong).toEqual([]);
  });

  test('the ids of the definitions are the ids of the runs and of the rule tester’s broken cases', () => {
    const fromRuns = new Set(results.flatMap((r) => r.findings.map((f) => f.rule)));
    const fromTester = new Set([...GONGKAI_TESTS, ...SELFEVAL_TESTS, ...NARRATIVE_TESTS, ...READING_TESTS].filter((t) => t.invalid.length > 0).map((t) => t.rule));
    const given = new Set([...fromRuns, ...fromTester]);
    expect(RULE_CATALOGUE.map((r) => r.id).filter((id) => !given.has(id))).toEqual([]);
    expect([...fromRuns].filter((id) => !ruleById(id))).toEqual([]);
  });
});
