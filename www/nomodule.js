// Run only by a browser without module scripts (IE, a 360 browser's 兼容模式 on IE's
// engine): nothing of the page can run there, so it says how to open it. ES5.
(function () {
  var el = document.getElementById("load-status");
  if (el) {
    el.innerHTML = "";
    el.appendChild(document.createTextNode("此浏览器（或其兼容模式）无法使用本页：请切换到极速模式，或使用 Chromium 69 及以上版本的浏览器。This browser (or its compatibility mode) cannot run this page: switch to its fast (Chromium) mode or use another browser."));
  }
})();
