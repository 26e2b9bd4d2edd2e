// Cairn console, issuing: a bulk job's page follows its progress without reloading (the
// page already reloads itself every two seconds without JavaScript), then reloads once the
// job is finished to show failures and links.
"use strict";
(function () {
  var box = document.getElementById("job");
  if (!box || box.getAttribute("data-state") !== "running") return;
  var url = box.getAttribute("data-progress-url");
  var bar = document.getElementById("job-progress");
  var status = document.getElementById("job-status");
  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (p) {
        bar.max = p.total;
        bar.value = p.issued + p.failed;
        bar.textContent = (p.issued + p.failed) + " / " + p.total;
        if (status.textContent !== p.text) status.textContent = p.text;
        if (p.state === "running") { window.setTimeout(poll, 1500); } else { window.location.reload(); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
