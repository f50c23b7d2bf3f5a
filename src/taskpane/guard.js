/* 决算校验助手 — webview guard. Plain ES5 on purpose: it must run in Internet Explorer 11 (Trident), the webview of
   Office 2016/2019 volume-licensed editions, where the React bundle cannot even be parsed. It runs before the
   bundle; when the webview lacks what the pane needs it shows a Chinese message instead of a blank pane, pointing to
   the 网页版. The WPS pane uses it too (<html data-host="wps">). */
(function () {
  var ua = (window.navigator && window.navigator.userAgent) || '';
  var missing = [];
  if (/Trident\/|MSIE /.test(ua)) missing.push('Internet Explorer 内核');
  if (typeof window.Promise !== 'function') missing.push('Promise');
  if (typeof window.Map !== 'function' || typeof window.Set !== 'function') missing.push('Map/Set');
  if (typeof window.Symbol !== 'function') missing.push('Symbol');
  if (typeof Object.assign !== 'function') missing.push('Object.assign');
  if (!Array.prototype.includes) missing.push('Array.includes');
  if (typeof window.fetch !== 'function') missing.push('fetch');
  if (missing.length === 0) return;
  window.__JUESUAN_UNSUPPORTED__ = missing;
  // The build replaces __WEB_URL__ with the 网页版's intranet address (webpack.config.js, ADDIN_URL).
  var web = '__WEB_URL__';
  var host = (document.documentElement && document.documentElement.getAttribute('data-host')) || 'excel';
  var alternative =
    '<p>不用升级也能审核：用 Chrome/Edge 浏览器打开 <b id="web-url">' + web + '</b>，拖入工作簿即可审核并下载标注副本（工作簿只在本机处理，不会上传）；' +
    '也可以使用命令行工具 <code>juesuan check</code> 审核工作簿。</p>';
  var bodies = {
    excel:
      '<h1 style="font-size:18px;margin:0 0 8px">决算校验助手无法在此版本的 Office 中运行</h1>' +
      '<p>当前 Excel 使用旧版 Internet Explorer 浏览器内核显示加载项（常见于 Office 2016、Office 2019 批量授权版），本加载项需要较新的内核。</p>' +
      '<p>请改用以下任一版本：<b>Excel 2021</b>、<b>Excel 2024</b>、<b>Microsoft 365</b> 或 <b>Excel 网页版</b>。</p>' +
      alternative,
    wps:
      '<h1 style="font-size:18px;margin:0 0 8px">决算校验助手无法在此版本的 WPS 中运行</h1>' +
      '<p>当前 WPS 的加载项浏览器内核过旧。请升级到 <b>WPS Office 2019 专业版/政务版（11.1 及以上）</b>或 <b>WPS Office 个人版 12.1.0.16910 及以上</b>。</p>' +
      alternative,
    web:
      '<h1 style="font-size:18px;margin:0 0 8px">此浏览器无法打开决算校验助手网页版</h1>' +
      '<p>请用 <b>Chrome</b>、<b>Edge</b> 或 <b>360 浏览器的“极速模式”</b>打开本页；不支持 Internet Explorer 和 360 的“兼容模式”。工作簿只在本机处理，不会上传。</p>',
  };
  function show() {
    var root = document.getElementById('root') || document.body;
    root.innerHTML =
      '<div id="unsupported" role="alert" style="font-family:Microsoft YaHei,SimSun,sans-serif;padding:16px;line-height:1.6">' +
      (bodies[host] || bodies.excel) +
      '<p style="color:#666;font-size:12px">缺少：' + missing.join('、') + '</p></div>';
  }
  if (document.readyState === 'loading') {
    if (document.addEventListener) document.addEventListener('DOMContentLoaded', show);
    else window.attachEvent('onload', show);
  } else show();
})();
