/**
 * Builds the static add-in into dist/addin: taskpane.html (+ guard.js, office.js copied from @microsoft/office-js —
 * no CDN), commands.html, assets/ and manifest.xml. The manifest's https://localhost:3000/ is replaced by
 * ADDIN_URL (e.g. `ADDIN_URL=https://intranet.example.gov.cn/juesuan/ npm run build`) so the same build can be
 * served from any https host.
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
  const dev = argv.mode === 'development';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].[contenthash:8].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // exceljs and jszip reach for node built-ins the browser does not need for .xlsx reading.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, util: false, zlib: false, url: false, buffer: false, http: false, https: false, timers: false, events: false, string_decoder: false, process: false },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'node', target: 'ES2019' } } } }],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __SAMPLES__: JSON.stringify(fs.readdirSync(path.join(__dirname, 'samples')).filter((f) => f.endsWith('.xlsx')).sort()) }),
      // xlsx-annotate.ts hands exceljs a Buffer; the playground chunk gets the browser implementation.
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/taskpane/guard.js', to: 'guard.js' },
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
};
