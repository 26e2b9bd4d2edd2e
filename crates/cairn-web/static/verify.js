// The verifier page: drop a file anywhere on the file field's zone to choose it. Without
// JavaScript the plain file input does the same job.
"use strict";
(function () {
  var zone = document.getElementById("verify-drop");
  var input = document.getElementById("verify-file");
  var status = document.getElementById("verify-drop-status");
  if (!zone || !input) return;
  function say() {
    if (status) status.textContent = input.files && input.files.length ? input.files[0].name : "";
  }
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (e) {
      e.preventDefault();
      zone.classList.add("dragging");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      say();
    }
  });
  input.addEventListener("change", say);
})();
