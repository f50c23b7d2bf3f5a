/**
 * Builds, in one pass:
 * - dist/addin — the Excel add-in: taskpane.html (+ guard.js, office.js copied from @microsoft/office-js — no CDN),
 *   commands.html, assets/, manifest.xml, and web.html, the 网页版 (the playground on its own page);
 * - dist/wps — the WPS 加载项: index.html (+ its script defining the ribbon callbacks), ribbon.xml, manifest.xml,
 *   taskpane.html (the same pane over the WPS host), jsplugins.xml (online) and publish.xml (offline).
 * One setting, ADDIN_URL (e.g. `ADDIN_URL=https://intranet.example.gov.cn/juesuan/ npm run build`), is the intranet
 * address of dist/addin; dist/wps is expected at ADDIN_URL + "wps/" unless WPS_URL says otherwise. The Excel
 * manifest, the WPS jsplugins.xml and the old-Office message (guard.js, which names the 网页版) take their addresses
 * from it, so the same build can be served from any host.
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

module.exports = (env = {}, argv = {}) => {
  const url = process.env.ADDIN_URL || env.ADDIN_URL || DEV_URL;
  const base = url.endsWith('/') ? url : `${url}/`;
  const wpsUrlSetting = process.env.WPS_URL || env.WPS_URL || `${base}wps/`;
  const wpsUrl = wpsUrlSetting.endsWith('/') ? wpsUrlSetting : `${wpsUrlSetting}/`;
  const webUrl = `${base}web.html`;
  const version = require('./package.json').version;
  const withWebUrl = (content) => content.toString().split('__WEB_URL__').join(webUrl);
  const dev = argv.mode === 'development';
  const samples = fs.readdirSync(path.join(__dirname, 'samples')).filter((f) => f.endsWith('.xlsx')).sort();
  // Shared by both builds; each folder is self-contained, so it can be served from any address.
  const common = {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // exceljs and jszip reach for node built-ins the browser does not need for .xlsx reading.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, util: false, zlib: false, url: false, buffer: false, http: false, https: false, timers: false, events: false, string_decoder: false, process: false },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'node', target: 'ES2019' } } } }],
    },
    performance: { hints: false },
  };
  const output = (dir) => ({ path: path.resolve(__dirname, dir), filename: '[name].[contenthash:8].js', chunkFilename: '[name].[contenthash:8].js', clean: true });
  const defines = new webpack.DefinePlugin({ __WEB_URL__: JSON.stringify(webUrl), __SAMPLES__: JSON.stringify(samples) });
  const addin = {
    ...common,
    name: 'addin',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      web: './src/playground/web.tsx',
    },
    output: output('dist/addin'),
    plugins: [
      defines,
      // xlsx-annotate.ts hands exceljs a Buffer; the playground chunk gets the browser implementation.
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'web.html', template: './src/playground/web.html', chunks: ['web'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/taskpane/guard.js', to: 'guard.js', transform: withWebUrl },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'samples/*.xlsx', to: 'samples/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => content.toString().split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(base.slice(0, -1)) },
          {
            from: OFFICE_JS,
            to: 'office',
            globOptions: {
              ignore: ['**/*.debug.js', '**/outlook*', '**/word*', '**/powerpoint*', '**/onenote*', '**/project*', '**/access*', '**/*.d.ts', '**/office-vsdoc.js', '**/custom-functions-runtime*', '**/html2canvas.js', '**/README*', '**/*.md'],
            },
          },
        ],
      }),
    ],
  };
  const wps = {
    ...common,
    name: 'wps',
    entry: {
      wps: './src/wps/index.tsx',
      'wps-main': './src/wps/ribbon.ts',
    },
    output: output('dist/wps'),
    plugins: [
      defines,
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/wps/taskpane.html', chunks: ['wps'], scriptLoading: 'defer' }),
      // The entry page WPS loads at start-up: a plain script, so window.ribbon exists before ribbon.xml's onLoad.
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['wps-main'], scriptLoading: 'blocking', inject: 'head' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/taskpane/guard.js', to: 'guard.js', transform: withWebUrl },
          { from: 'src/wps/manifest.xml', to: 'manifest.xml' },
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/wps/jsplugins.xml', to: 'jsplugins.xml', transform: (c) => c.toString().split('__WPS_URL__').join(wpsUrl).split('__VERSION__').join(version) },
          { from: 'src/wps/publish.xml', to: 'publish.xml', transform: (c) => c.toString().split('__VERSION__').join(version) },
          { from: 'assets/icon-32.png', to: 'images/check.png' },
        ],
      }),
    ],
  };
  return [addin, wps];
};
