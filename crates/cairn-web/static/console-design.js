// Cairn: the achievement designer's live preview and EU indicator. The page works without
// this script (the server renders the preview of the saved image and the indicator after
// each save); with it, both follow what is typed and chosen.
"use strict";
(function () {
  var form = document.getElementById("achievement-form");
  if (!form) return;
  var MAX_BYTES = 512 * 1024;

  function byId(id) { return document.getElementById(id); }

  // Name and description in the badge frame.
  function text(inputId, targetId) {
    var input = byId(inputId), target = byId(targetId);
    if (!input || !target) return;
    input.addEventListener("input", function () {
      target.textContent = input.value;
      if (inputId === "name") {
        var img = byId("design-preview-img");
        if (img && !img.hidden) img.alt = input.value;
      }
    });
  }
  text("name", "design-preview-name");
  text("description", "design-preview-desc");

  // The chosen image, read locally, in the badge frame.
  var file = byId("image");
  if (file && window.FileReader) {
    file.addEventListener("change", function () {
      var status = byId("image-status");
      var f = file.files && file.files[0];
      if (!f) return;
      if (f.size > MAX_BYTES) {
        if (status) status.textContent = status.getAttribute("data-too-big") || "";
        return;
      }
      if (status) status.textContent = "";
      var reader = new FileReader();
      reader.onload = function () {
        var img = byId("design-preview-img"), empty = byId("design-preview-empty");
        img.src = reader.result;
        img.alt = byId("name").value;
        img.hidden = false;
        if (empty) empty.hidden = true;
      };
      reader.readAsDataURL(f);
    });
  }

  // The EU indicator: an element is present when any input it watches has a value.
  var box = byId("eu-indicator");
  function filled(selector) {
    var found = false;
    form.querySelectorAll(selector).forEach(function (el) {
      if (el.value && el.value.trim() !== "") found = true;
    });
    return found;
  }
  function updateEu() {
    if (!box) return;
    var missing = 0;
    box.querySelectorAll("li[data-eu-watch]").forEach(function (li) {
      var sel = li.getAttribute("data-eu-watch");
      var mandatory = li.getAttribute("data-mandatory") === "true";
      var pill = li.querySelector(".pill");
      if (sel) {
        var ok = filled(sel);
        pill.textContent = box.getAttribute(ok ? "data-present" : "data-missing");
        pill.className = "pill " + (ok ? "ok" : mandatory ? "bad" : "muted");
      }
      if (mandatory && pill.classList.contains("bad")) missing += 1;
    });
    var summary = byId("eu-summary");
    var msg = missing === 0 ? box.getAttribute("data-summary-none")
      : missing === 1 ? box.getAttribute("data-summary-one")
      : box.getAttribute("data-summary-other").replace("{n}", String(missing));
    if (summary.textContent !== msg) summary.textContent = msg;
  }
  form.addEventListener("input", updateEu);
  form.addEventListener("change", updateEu);

  // Another alignment row: a copy of the last one, numbered on, empty.
  var add = byId("align-add"), rows = byId("align-rows");
  if (add && rows) {
    add.addEventListener("click", function () {
      var all = rows.querySelectorAll(".align-row");
      var last = all[all.length - 1];
      var n = Number(last.getAttribute("data-row")) + 1;
      var copy = last.cloneNode(true);
      copy.setAttribute("data-row", String(n));
      var legend = copy.querySelector("legend");
      legend.textContent = legend.textContent.replace(/\d+/, String(all.length + 1));
      copy.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
      copy.querySelectorAll("input").forEach(function (input) {
        var name = input.name.replace(/_\d+$/, "_" + n);
        input.name = name;
        input.id = name;
        input.value = "";
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      });
      copy.querySelectorAll("label").forEach(function (label) {
        label.htmlFor = label.htmlFor.replace(/_\d+$/, "_" + n);
      });
      rows.appendChild(copy);
      copy.querySelector("input").focus();
    });
  }
})();
