/* 决算校验助手 — webview guard. Plain ES5 on purpose: it must run in Internet Explorer 11 (Trident), the webview of
   Office 2016/2019 volume-licensed editions, where the React bundle cannot even be parsed. It runs before the
   bundle; when the webview lacks what the pane needs it shows a Chinese message instead of a blank pane. */
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
  function show() {
    var root = document.getElementById('root') || document.body;
    root.innerHTML =
      '<div id="unsupported" role="alert" style="font-family:Microsoft YaHei,SimSun,sans-serif;padding:16px;line-height:1.6">' +
      '<h1 style="font-size:18px;margin:0 0 8px">决算校验助手无法在此版本的 Office 中运行</h1>' +
      '<p>当前 Excel 使用旧版 Internet Explorer 浏览器内核显示加载项（常见于 Office 2016、Office 2019 批量授权版），本加载项需要较新的内核。</p>' +
      '<p>请改用以下任一版本：<b>Excel 2021</b>、<b>Excel 2024</b>、<b>Microsoft 365</b> 或 <b>Excel 网页版</b>；' +
      '也可以使用命令行工具 <code>juesuan check</code> 审核工作簿。</p>' +
      '<p style="color:#666;font-size:12px">缺少：' + missing.join('、') + '</p></div>';
  }
  if (document.readyState === 'loading') {
    if (document.addEventListener) document.addEventListener('DOMContentLoaded', show);
    else window.attachEvent('onload', show);
  } else show();
})();
