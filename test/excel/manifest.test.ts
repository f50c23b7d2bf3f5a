/** The manifest read back by office-addin-manifest (its `validate` needs the network), icons, and the URL setting. */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

test('office-addin-manifest info reads the manifest: Workbook host, task pane, ribbon group', () => {
  const bin = path.join(root, 'node_modules/.bin/office-addin-manifest');
  const out = execFileSync(bin, ['info', 'manifest.xml'], { cwd: root, encoding: 'utf8' });
  expect(out).toMatch(/Name: 决算校验助手/);
  expect(out).toMatch(/Type: TaskPaneApp/);
  expect(out).toMatch(/Hosts: Workbook/);
  expect(out).toMatch(/Permissions: ReadWriteDocument/);
  expect(out).toMatch(/Source Location: https:\/\/localhost:3000\/taskpane.html/);
  const xml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  expect(xml).toMatch(/<OfficeTab id="TabHome">/);
  expect(xml).toMatch(/id="Group.Label" DefaultValue="决算校验"/);
  expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
});

test('every icon the manifest names exists as a PNG of that size', () => {
  const xml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  const icons = [...xml.matchAll(/assets\/icon-(\d+)\.png/g)].map((m) => Number(m[1]));
  expect(icons.length).toBeGreaterThan(0);
  for (const size of new Set(icons)) {
    const png = readFileSync(path.join(root, `assets/icon-${size}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
  }
});

test('ADDIN_URL points every manifest URL at another https host', () => {
  process.env.ADDIN_URL = 'https://intranet.example.gov.cn/juesuan';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(root, 'webpack.config.js'))({}, { mode: 'production' });
  delete process.env.ADDIN_URL;
  const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
  const pattern = copy.patterns.find((p: { from: string }) => p.from === 'manifest.xml');
  const out: string = pattern.transform(readFileSync(path.join(root, 'manifest.xml')));
  expect(out).not.toMatch(/localhost/);
  expect(out).toMatch(/<SourceLocation DefaultValue="https:\/\/intranet.example.gov.cn\/juesuan\/taskpane.html"\/>/);
  expect(out).toMatch(/<AppDomain>https:\/\/intranet.example.gov.cn\/juesuan<\/AppDomain>/);
});
