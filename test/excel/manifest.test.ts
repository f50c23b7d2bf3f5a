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
  // Two builds from one setting: the Excel add-in (and 网页版) in dist/addin, the WPS 加载项 in dist/wps.
  const configs: { name: string; plugins: { constructor: { name: string }; patterns?: { from: string; to: string; transform?: (c: Buffer) => string }[] }[] }[] =
    require(path.join(root, 'webpack.config.js'))({}, { mode: 'production' });
  delete process.env.ADDIN_URL;
  const copied = (name: string, from: string, to: string) => {
    const copy = configs.find((c) => c.name === name)!.plugins.find((p) => p.constructor.name === 'CopyPlugin')!;
    const pattern = copy.patterns!.find((p) => p.from === from && p.to === to)!;
    return pattern.transform!(readFileSync(path.join(root, from)));
  };
  const out = copied('addin', 'manifest.xml', 'manifest.xml');
  expect(out).not.toMatch(/localhost/);
  expect(out).toMatch(/<SourceLocation DefaultValue="https:\/\/intranet.example.gov.cn\/juesuan\/taskpane.html"\/>/);
  expect(out).toMatch(/<AppDomain>https:\/\/intranet.example.gov.cn\/juesuan<\/AppDomain>/);
  // The old-Office message names the 网页版 there; WPS finds its add-in under wps/.
  expect(copied('addin', 'src/taskpane/guard.js', 'guard.js')).toContain("var web = 'https://intranet.example.gov.cn/juesuan/web.html'");
  expect(copied('wps', 'src/wps/jsplugins.xml', 'jsplugins.xml')).toMatch(/url="https:\/\/intranet.example.gov.cn\/juesuan\/wps\/"/);
});
