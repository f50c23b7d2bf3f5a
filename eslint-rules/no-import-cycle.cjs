/**
 * No import cycle between files, type-only imports included. eslint-plugin-import's no-cycle skips `import type`,
 * but a type-only cycle becomes a real one (with `undefined` bindings in the CommonJS CLI) the day one of its
 * imports starts carrying a value; and the layering it hides is the problem either way. The graph of relative
 * imports and re-exports is built once per lint run; an import is reported when its target reaches back to the file.
 */
const fs = require('node:fs');
const path = require('node:path');

const EXTENSIONS = ['.ts', '.tsx', '.js', '.cjs', '.mjs'];
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, 'index' + e))]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(file, m[1] ?? m[2]);
    if (target) out.push(target);
  }
  return out;
}

const graphCache = new Map();

function edgesOf(file) {
  let edges = graphCache.get(file);
  if (!edges) {
    edges = importsOf(file);
    graphCache.set(file, edges);
  }
  return edges;
}

/** The shortest import path from `start` back to `goal`, or null. */
function pathBack(start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    for (const next of edgesOf(file)) {
      if (next === goal) {
        const chain = [file];
        for (let f = previous.get(file); f; f = previous.get(f)) chain.unshift(f);
        return chain;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'disallow import cycles between files, type-only imports included' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}' },
  },
  create(context) {
    const file = context.filename;
    const cwd = context.cwd;
    const check = (node) => {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(file, spec);
      if (!target) return;
      const back = target === file ? [] : pathBack(target, file);
      if (back) context.report({ node: node.source, messageId: 'cycle', data: { chain: [file, ...back, file].map((f) => path.relative(cwd, f)).join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
