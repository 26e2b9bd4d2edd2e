// Cairn: small enhancements for pages that already work without JavaScript.
// Each area adds its own script; this one holds what every page may use.
"use strict";
(function () {
  // <button data-copy="text"> copies text and says so (the button text comes from the page,
  // already translated, in data-copied).
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-copy]");
    if (!b || !navigator.clipboard) return;
    e.preventDefault();
    navigator.clipboard.writeText(b.getAttribute("data-copy")).then(function () {
      var status = document.getElementById(b.getAttribute("aria-controls") || "");
      var msg = b.getAttribute("data-copied") || "Copied";
      if (status) { status.textContent = msg; } else { b.textContent = msg; }
    });
  });
  // Buttons that only make sense with JavaScript are hidden until it runs.
  document.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });
  // <form data-confirm="question"> asks before submitting (revoke, rotate…).
  document.addEventListener("submit", function (e) {
    var q = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (q && !window.confirm(q)) e.preventDefault();
  });
})();
