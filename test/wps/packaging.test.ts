/**
 * @jest-environment jsdom
 *
 * dist/wps against the shape of Kingsoft's wpsjs 电子表格 template (test/fixtures/wps-template, from wpsjs@2.2.3):
 * the built manifest.xml, ribbon.xml and publish.xml are parsed and compared element by element, attribute by
 * attribute, and every callback the ribbon names exists on the page WPS loads. Needs `npm run build` (jest's
 * globalSetup runs it for e2e suites; run this after one).
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist/wps');
const template = path.join(root, 'test/fixtures/wps-template');

function xml(file: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error(`${file}: not well-formed XML`);
  return doc;
}

function children(e: Element): Element[] {
  return Array.from(e.children);
}

/** Element names by depth-first path, e.g. `customUI/ribbon/tabs/tab/group/button`. */
function paths(e: Element, prefix = ''): Set<string> {
  const here = prefix ? `${prefix}/${e.nodeName}` : e.nodeName;
  const out = new Set([here]);
  for (const c of children(e)) for (const p of paths(c, here)) out.add(p);
  return out;
}

function attributes(e: Element): string[] {
  return Array.from(e.attributes).map((a) => a.name);
}

describe('dist/wps has the wpsjs 电子表格 template shape', () => {
  beforeAll(() => {
    if (!existsSync(path.join(dist, 'ribbon.xml'))) throw new Error('dist/wps 缺失：请运行 npm test（其 globalSetup 会构建）或 npm run build');
  });

  test('manifest.xml: a JsPlugin with the template’s ApiVersion, a Name and a Description', () => {
    const ours = xml(path.join(dist, 'manifest.xml')).documentElement;
    const theirs = xml(path.join(template, 'manifest.xml')).documentElement;
    expect(ours.nodeName).toBe(theirs.nodeName);
    const names = (e: Element) => children(e).map((c) => c.nodeName);
    // No <Functions>: the template's only optional part, for custom functions, which this add-in has none of.
    expect(names(ours)).toEqual(names(theirs).filter((n) => n !== 'Functions'));
    const text = (e: Element, n: string) => children(e).find((c) => c.nodeName === n)?.textContent?.trim();
    expect(text(ours, 'ApiVersion')).toBe(text(theirs, 'ApiVersion'));
    expect(text(ours, 'Name')).toMatch(/^[a-z]+$/);
  });

  test('ribbon.xml: the template’s customUI, with 决算校验 › 审核工作簿 on the 开始 tab', () => {
    const ours = xml(path.join(dist, 'ribbon.xml')).documentElement;
    const theirs = xml(path.join(template, 'ribbon.xml')).documentElement;
    expect(ours.nodeName).toBe('customUI');
    expect(ours.getAttribute('xmlns')).toBe(theirs.getAttribute('xmlns'));
    expect(ours.getAttribute('onLoad')).toBe(theirs.getAttribute('onLoad'));
    expect([...paths(ours)]).toEqual([...paths(theirs)]);
    const tab = ours.getElementsByTagName('tab')[0];
    expect(tab.getAttribute('idMso')).toBe('TabHome');
    const group = ours.getElementsByTagName('group')[0];
    expect(group.getAttribute('label')).toBe('决算校验');
    const button = ours.getElementsByTagName('button')[0];
    expect(button.getAttribute('label')).toBe('审核工作簿');
    const templateButton = theirs.getElementsByTagName('button')[0];
    expect(button.getAttribute('onAction')).toBe(templateButton.getAttribute('onAction'));
    for (const a of attributes(button)) expect([...attributes(templateButton), 'label', 'supertip']).toContain(a);
  });

  test('publish.xml (offline) has the shape wpsjs builds; jsplugins.xml (online) points at the configured address', () => {
    const ours = xml(path.join(dist, 'publish.xml')).documentElement;
    const theirs = xml(path.join(template, 'publish.xml')).documentElement;
    expect(ours.nodeName).toBe(theirs.nodeName);
    const plugin = ours.getElementsByTagName('jsplugin')[0];
    const templatePlugin = theirs.getElementsByTagName('jsplugin')[0];
    for (const a of attributes(plugin)) expect(attributes(templatePlugin)).toContain(a);
    expect(plugin.getAttribute('type')).toBe('et');
    const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
    expect(plugin.getAttribute('url')).toBe(`juesuan_${version}`);
    const online = xml(path.join(dist, 'jsplugins.xml')).documentElement.getElementsByTagName('jsplugin')[0];
    expect(online.getAttribute('type')).toBe('et');
    expect(online.getAttribute('url')).toMatch(/^https?:\/\/.+\/wps\/$/);
  });

  test('the page WPS loads defines every callback ribbon.xml names; the pane and its guard are there', () => {
    const ribbon = readFileSync(path.join(dist, 'ribbon.xml'), 'utf8');
    const callbacks = [...new Set([...ribbon.matchAll(/"ribbon\.(\w+)"/g)].map((m) => m[1]))];
    expect(callbacks.sort()).toEqual(['GetImage', 'OnAction', 'OnAddinLoad']);
    const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const script = /src="?([^"\s>]*wps-main[^"\s>]*\.js)/.exec(index)?.[1];
    expect(script).toBeDefined();
    const code = readFileSync(path.join(dist, script!), 'utf8');
    for (const c of callbacks) expect(code).toContain(c);
    const files = readdirSync(dist);
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'guard.js', 'images']));
    expect(readFileSync(path.join(dist, 'guard.js'), 'utf8')).not.toContain('__WEB_URL__');
  });
});
