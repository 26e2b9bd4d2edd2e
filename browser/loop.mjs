// Scenario: issue 4's whole loop, through the browser, as the three people who live it.
//   node browser/loop.mjs <base-url> <artefact-dir> <data.json>
// data.json (from crates/cairn/tests/it/browser.rs): {"setup_token", "admin": {email, name,
// password}, "org": {slug, name}, "earner": {email, name, password}, "others": [email…],
// "mail_dir"} — mail_dir is where the loopback SMTP server the server sends to writes each
// message as JSON.
//
// 1. Administrator: /setup with the printed token → /console; the organisation through the
//    JSON API (no console page creates one yet); the achievement designer (image with its live
//    preview, EU fields); award by CSV (report, confirm, job until finished); settings,
//    dashboard, credentials list.
// 2. Earner: the claim link from the email; sign up from the claim page and come back; add to
//    the wallet; sharing on (link, LinkedIn); the public page signed out; the baked PNG
//    downloaded; the PDF and QR code when those routes exist; the wallet and import pages.
// 3. Verifier: /verify with the downloaded PNG → verified; the administrator revokes it in the
//    credentials list; the same PNG → revoked; the wallet shows the Revoked pill.
// axe-core on every main page and a screenshot of each; then the designer, award and
// credentials pages without JavaScript (the CSV award still submits and shows its report).

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Harness, expect, readData } from "./lib/harness.mjs";

const [baseUrl, artefacts, dataFile] = process.argv.slice(2);
const data = readData(dataFile);
const h = await Harness.start(baseUrl, artefacts);
const slug = data.org.slug;
const consolePath = `/console/${slug}`;
const ACHIEVEMENT = "Open Data Practitioner";
/** The longest the test waits for the job or the email (a bound, never a speed assertion). */
const WAIT_BOUND_MS = 120_000;

/** What later steps use; a failed step leaves its part unset and the steps after it fail too. */
const state = {};

/** Axe and a screenshot under one name. */
async function look(page, name) {
  await h.axe(page, name);
  await h.screenshot(page, name);
}

/** Resolves once `probe()` returns a value (polled; bounded by WAIT_BOUND_MS). */
async function waitFor(what, probe, everyMs = 250) {
  const until = Date.now() + WAIT_BOUND_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    expect(Date.now() < until, `${what}: not within ${WAIT_BOUND_MS} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A badge image, drawn by the browser itself: an SVG rendered and screenshotted as PNG. */
async function drawBadge(file) {
  const p = await h.page();
  await p.setContent(`<body style="margin:0;background:transparent">
    <svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
      <circle cx="128" cy="128" r="120" fill="#0b5563"/><circle cx="128" cy="128" r="96" fill="#f4f1ea"/>
      <path d="M60 170 L100 110 L128 140 L160 90 L196 170 Z" fill="#0b5563"/>
      <text x="128" y="205" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#f4f1ea">OPEN DATA</text>
    </svg></body>`);
  await p.locator("svg").screenshot({ path: file, omitBackground: true });
  await p.context().close();
  return file;
}

/** Uploads a file on the verifier page; returns the verdict's title and the status check's pill. */
async function verifyFile(page, file) {
  await h.goto(page, "/verify");
  await h.upload(page, "#verify-file", file);
  await h.submit(page, "#verify-submit");
  const status = page.locator('li[data-check="status"] .pill');
  return {
    title: await h.text(page, "#verdict-heading"),
    headline: await h.text(page, "#verdict-headline"),
    status: (await status.count()) ? await status.first().getAttribute("class") : "(no status check)",
  };
}

// ---------- 1. The administrator ----------

const admin = await h.page();

await h.step("admin: the first administrator through /setup lands on the console", async () => {
  await h.goto(admin, "/setup");
  await look(admin, "setup");
  await h.fill(admin, "#token", data.setup_token);
  await h.fill(admin, "#name", data.admin.name);
  await h.fill(admin, "#email", data.admin.email);
  await h.fill(admin, "#password", data.admin.password);
  await h.submit(admin, "#setup-submit");
  expect(new URL(admin.url()).pathname === "/console", `after setup: ${admin.url()}`);
  expect((await h.text(admin, "h1")) === "Issuer console", "the console's heading");
});

await h.step("admin: the organisation (JSON API, HTTP Basic), then listed in the console", async () => {
  const basic = Buffer.from(`${data.admin.email}:${data.admin.password}`).toString("base64");
  const r = await fetch(`${h.baseUrl}/api/v1/orgs`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/json" },
    body: JSON.stringify({ slug, name: data.org.name, url: "https://alpha.example.org", email: "badges@alpha.example.org",
      address: { country_code: "NL", locality: "Utrecht" } }),
  });
  expect(r.status === 201, `POST /api/v1/orgs: ${r.status} ${await r.text()}`);
  await h.goto(admin, "/console");
  expect((await admin.locator(`a[href="${consolePath}"]`).innerText()).trim() === data.org.name, "the org is linked");
  await look(admin, "console-orgs");
});

await h.step("admin: the achievement designer (image preview, EU fields) saves the achievement", async () => {
  await h.goto(admin, `${consolePath}/achievements/new`);
  await look(admin, "designer");
  await h.fill(admin, "#name", ACHIEVEMENT);
  await h.fill(admin, "#description", "Publishes, documents and licenses open data sets others can reuse.");
  await h.fill(admin, "#criteria_narrative", "Published a documented, licensed data set reviewed by two peers.");
  await admin.selectOption("#kind", "micro_credential");
  expect((await h.text(admin, "#design-preview-name")) === ACHIEVEMENT, "the preview follows the name");
  await h.upload(admin, "#image", await drawBadge(join(artefacts, "badge-image.png")));
  const preview = admin.locator("#design-preview-img");
  await preview.waitFor({ state: "visible" });
  await admin.waitForFunction(() => {
    const img = document.getElementById("design-preview-img");
    return img.src.startsWith("data:image/png") && img.complete && img.naturalWidth > 0;
  });
  expect((await preview.getAttribute("alt")) === ACHIEVEMENT, "the preview's alt text is the achievement name");
  await h.fill(admin, "#eu_workload_ects", "5");
  await h.fill(admin, "#eu_workload_hours", "125");
  await admin.selectOption("#eu_eqf_level", "6");
  await h.fill(admin, "#eu_assessment_type", "Reviewed project");
  await admin.selectOption("#eu_participation_form", "online");
  await h.fill(admin, "#eu_quality_assurance", "Internal review board");
  await h.screenshot(admin, "designer-filled");
  h.noScriptErrors(admin);
  await h.submit(admin, "#achievement-save");
  expect(new URL(admin.url()).pathname === `${consolePath}/achievements`, `after saving: ${admin.url()}`);
  expect((await admin.locator("main").innerText()).includes(ACHIEVEMENT), "the list shows the new achievement");
  await look(admin, "achievements");
});

await h.step("admin: award by CSV — the report, then the job until it is finished", async () => {
  await h.goto(admin, `${consolePath}/award`);
  await look(admin, "award");
  const rows = [`${data.earner.email},${data.earner.name}`, ...data.others.map((e, i) => `${e},Other Learner ${i + 1}`)];
  const csv = join(artefacts, "award.csv");
  writeFileSync(csv, `recipient,name\n${rows.join("\n")}\n`);
  await admin.selectOption("#csv-achievement", { label: ACHIEVEMENT });
  await h.upload(admin, "#csv-file", csv);
  await h.submit(admin, "#award-csv-submit");
  expect((await h.text(admin, "#report-rows")) === String(rows.length), "every row is counted");
  expect((await h.text(admin, "#report-valid")) === String(rows.length), "every row is valid");
  await look(admin, "csv-report");
  await h.submit(admin, "#csv-confirm");
  expect(/\/jobs\/[^/]+$/.test(new URL(admin.url()).pathname), `the job's page: ${admin.url()}`);
  await admin.locator("#job-status", { hasText: "Finished" }).waitFor({ timeout: WAIT_BOUND_MS });
  expect((await h.text(admin, "#job-status")).includes(`${rows.length} issued, 0 failed`), await h.text(admin, "#job-status"));
  await look(admin, "job");
  h.noScriptErrors(admin);
});

await h.step("admin: the credentials list shows the earner's credential", async () => {
  await h.goto(admin, `${consolePath}/credentials`);
  const row = admin.locator("#credentials-table tbody tr", { hasText: data.earner.email });
  expect((await row.count()) === 1, "one row for the earner");
  state.credentialId = (await row.getAttribute("id")).replace(/^credential-/, "");
  expect((await row.locator(".pill").innerText()).trim() === "Active", "the credential is active");
  expect((await admin.locator("#credentials-table tbody tr").count()) === 1 + data.others.length, "every row issued");
  await look(admin, "credentials");
});

await h.step("admin: settings page", async () => {
  await h.goto(admin, `${consolePath}/settings`);
  expect((await admin.locator("main").innerText()).includes(data.org.name), "the organisation's settings");
  await look(admin, "settings");
});

await h.step("admin: dashboard", async () => {
  await h.goto(admin, consolePath);
  expect((await h.text(admin, "#total-issued")) === String(1 + data.others.length), "every award is counted");
  expect((await admin.locator("svg.chart").count()) >= 1, "with its charts");
  await look(admin, "dashboard");
  h.noScriptErrors(admin);
});

// ---------- 2. The earner ----------

const earner = await h.page();

await h.step("earner: the claim link arrives by email", async () => {
  const message = await waitFor("the earner's email", () => {
    for (const name of readdirSync(data.mail_dir).filter((n) => n.endsWith(".json")).sort()) {
      const m = JSON.parse(readFileSync(join(data.mail_dir, name), "utf8"));
      if ((m.rcpt_tos || []).includes(data.earner.email)) return m;
    }
    return null;
  });
  expect(message.subject.includes(ACHIEVEMENT), `subject: ${message.subject}`);
  const link = message.text.match(/https?:\/\/\S+\/claim\/[A-Za-z0-9_-]+/);
  expect(link, `a claim link in: ${message.text}`);
  expect(link[0].startsWith(`${h.baseUrl}/claim/`), `the link points at this server: ${link[0]}`);
  state.claimPath = new URL(link[0]).pathname;
});

await h.step("earner: the claim page, signed out", async () => {
  await h.goto(earner, state.claimPath);
  expect((await h.text(earner, "h1")) === ACHIEVEMENT, "the claim page names the achievement");
  expect((await earner.getAttribute('meta[name="referrer"]', "content")) === "same-origin", "no referrer to other sites");
  await look(earner, "claim");
});

await h.step("earner: signs up from the claim page and comes back to it", async () => {
  await h.submit(earner, "#claim-sign-up");
  expect(new URL(earner.url()).pathname === "/sign-up", `sign-up: ${earner.url()}`);
  await look(earner, "sign-up");
  await h.fill(earner, "#name", data.earner.name);
  await h.fill(earner, "#email", data.earner.email);
  await h.fill(earner, "#password", data.earner.password);
  await h.submit(earner, "#sign-up-submit");
  expect(new URL(earner.url()).pathname === state.claimPath, `back on the claim page: ${earner.url()}`);
  await earner.locator("#claim-add").waitFor();
  await h.screenshot(earner, "claim-signed-in");
});

await h.step("earner: adds it to the wallet", async () => {
  await h.submit(earner, "#claim-add");
  const path = new URL(earner.url()).pathname;
  expect(/^\/wallet\/[^/]+$/.test(path), `the wallet item: ${earner.url()}: ${await h.text(earner, "main")}`);
  state.itemPath = path;
  expect((await h.text(earner, "#item-name")) === ACHIEVEMENT, "the item page names the achievement");
  expect((await earner.locator('[role="status"]', { hasText: "The credential is in your wallet." }).count()) === 1, "the added notice");
  const facts = await h.text(earner, "main");
  expect(facts.includes(data.org.name) && facts.includes("Valid"), `issuer and live status: ${facts}`);
  await look(earner, "wallet-item");
  h.noScriptErrors(earner);
});

await h.step("earner: turns sharing on; the link and LinkedIn's link carry the credential", async () => {
  await earner.check("#share-on");
  await h.submit(earner, "#share-save");
  state.shareUrl = await earner.inputValue("#share-link");
  expect(state.shareUrl.startsWith(`${h.baseUrl}/s/`), `share link: ${state.shareUrl}`);
  expect((await h.text(earner, "#share-state")) === "Your public page is on.", "sharing is on");
  const signed = await (await fetch(`${h.baseUrl}/credentials/${state.credentialId}.json`)).json();
  const issued = new Date(signed.validFrom);
  const href = new URL(await earner.getAttribute("#share-linkedin", "href"));
  expect(href.origin === "https://www.linkedin.com" && href.pathname === "/profile/add", `LinkedIn: ${href}`);
  const want = {
    name: ACHIEVEMENT,
    organizationName: data.org.name,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: state.shareUrl,
    certId: signed.id,
  };
  for (const [key, value] of Object.entries(want)) {
    expect(href.searchParams.get(key) === value, `LinkedIn ${key}: ${href.searchParams.get(key)} ≠ ${value}`);
  }
  expect(signed.id.includes(state.credentialId), `the credential id ${signed.id} is the listed one`);
  await look(earner, "wallet-item-shared");
});

await h.step("visitor: the shared page, signed out", async () => {
  const visitor = await h.page();
  await h.goto(visitor, new URL(state.shareUrl).pathname);
  expect((await h.text(visitor, "#shared-name")) === ACHIEVEMENT, "the public page names the achievement");
  expect((await visitor.locator("main").innerText()).includes(data.org.name), "and the issuer");
  await look(visitor, "shared");
  await visitor.context().close();
});

await h.step("earner: downloads the baked PNG", async () => {
  await h.goto(earner, state.itemPath);
  state.png = await h.download(earner, "#download-png", join(artefacts, "downloaded-badge.png"));
  const bytes = readFileSync(state.png);
  expect(bytes.subarray(1, 4).toString("latin1") === "PNG", "a PNG");
  expect(bytes.includes(Buffer.from("openbadgecredential")), "baked: an iTXt chunk carries the credential");
});

/** GETs `path` with the earner's cookies and checks the file. */
async function earnerFile(path, check) {
  const r = await earner.request.get(h.baseUrl + path);
  expect(r.status() === 200, `GET ${path}: ${r.status()}`);
  check(await r.body(), r.headers()["content-type"] || "");
}

await h.step("earner: the PDF certificate, the QR code and the export", async () => {
  const pdf = await earner.getAttribute("#download-pdf", "href");
  await earnerFile(pdf, (body, type) => {
    expect(type.startsWith("application/pdf") && body.subarray(0, 4).toString("latin1") === "%PDF", `a PDF (${type})`);
    expect(body.includes(Buffer.from(`(${data.earner.name}) Tj`)), "the certificate names the earner");
  });
  await earnerFile(`${state.itemPath}/qr.svg`, (body, type) => {
    expect(type.startsWith("image/svg+xml") && body.toString("utf8").includes("<svg"), `an SVG (${type})`);
  });
  await earnerFile("/wallet/export.zip", (body, type) => {
    expect(type.startsWith("application/zip") && body.subarray(0, 2).toString("latin1") === "PK", `a zip (${type})`);
  });
});

await h.step("earner: the wallet and the import page", async () => {
  await h.goto(earner, "/wallet");
  const card = earner.locator("#wallet-items li", { hasText: ACHIEVEMENT });
  expect((await card.locator(".pill").innerText()).trim() === "Valid", "the wallet shows it valid");
  await look(earner, "wallet");
  await h.goto(earner, "/wallet/import");
  await earner.locator("#import-form").waitFor();
  await look(earner, "wallet-import");
  h.noScriptErrors(earner);
});

// ---------- 3. The verifier ----------

const verifier = await h.page();

await h.step("verifier: the downloaded PNG is verified", async () => {
  const v = await verifyFile(verifier, state.png);
  expect(v.title === "Verified", `verdict: ${JSON.stringify(v)}`);
  expect(v.status.split(" ").includes("ok"), `the status check passed: ${JSON.stringify(v)}`);
  expect((await h.text(verifier, "#result-name")) === ACHIEVEMENT, "the verifier names the achievement");
  await look(verifier, "verify-valid");
  h.noScriptErrors(verifier);
});

await h.step("admin: revokes it in the credentials list (confirm dialog accepted)", async () => {
  await h.goto(admin, `${consolePath}/credentials`);
  const id = state.credentialId;
  await h.fill(admin, `#revoke-reason-${id}`, "Awarded in error (browser test)");
  let asked = "";
  admin.once("dialog", (d) => {
    asked = d.message();
    d.accept();
  });
  await h.submit(admin, `#revoke-button-${id}`);
  expect(asked.length > 0, "the browser asked to confirm");
  expect((await h.text(admin, "#list-notice")) === "The credential has been revoked.", "the notice says so");
  const row = admin.locator(`#credential-${id}`);
  expect((await row.locator(".pill").innerText()).trim() === "Revoked", "the row shows Revoked");
  expect((await row.innerText()).includes("Awarded in error (browser test)"), "with its reason");
  await look(admin, "credentials-revoked");
});

await h.step("verifier: the same PNG is now revoked", async () => {
  const v = await verifyFile(verifier, state.png);
  expect(v.title === "Not valid" && v.headline.includes("revoked"), `verdict: ${JSON.stringify(v)}`);
  expect(v.status.split(" ").includes("bad"), `the status check failed: ${JSON.stringify(v)}`);
  await look(verifier, "verify-revoked");
});

await h.step("earner: the wallet shows the Revoked pill", async () => {
  await h.goto(earner, "/wallet");
  const pill = earner.locator("#wallet-items li", { hasText: ACHIEVEMENT }).locator(".pill");
  expect((await pill.innerText()).trim() === "Revoked", `pill: ${await pill.innerText()}`);
  expect((await pill.getAttribute("data-state")) === "revoked", "its state");
  await h.screenshot(earner, "wallet-revoked");
});

// ---------- Without JavaScript: the console's forms are plain forms ----------

const noJs = await h.page({ javaScript: false, storageState: await admin.context().storageState() });

for (const [name, path, form] of [
  ["designer", `${consolePath}/achievements/new`, "#achievement-form"],
  ["award", `${consolePath}/award`, "#award-csv-form"],
  ["credentials", `${consolePath}/credentials`, "#credentials-filter"],
]) {
  await h.step(`without JavaScript: the ${name} page shows its form`, async () => {
    await h.goto(noJs, path);
    expect(await noJs.locator(form).isVisible(), `${form} is shown`);
    await h.screenshot(noJs, `nojs-${name}`);
  });
}

await h.step("without JavaScript: the credentials list keeps its revoke forms", async () => {
  await h.goto(noJs, `${consolePath}/credentials`);
  expect((await noJs.locator("form.revoke-form button").count()) === data.others.length, "one per active credential");
});

await h.step("without JavaScript: the CSV award submits and shows its report", async () => {
  await h.goto(noJs, `${consolePath}/award`);
  const csv = join(artefacts, "award-nojs.csv");
  writeFileSync(csv, "recipient,name\nnojs@example.org,No Script\nnot-an-address,Broken Row\n");
  await noJs.selectOption("#csv-achievement", { label: ACHIEVEMENT });
  await h.upload(noJs, "#csv-file", csv);
  await h.submit(noJs, "#award-csv-submit");
  expect((await h.text(noJs, "#report-rows")) === "2", "both rows counted");
  expect((await h.text(noJs, "#report-valid")) === "1", "one valid");
  expect((await noJs.locator("#report-problems tbody tr").count()) === 1, "the bad row is listed");
  expect(await noJs.locator("#csv-confirm").isVisible(), "the confirm button is there");
  await h.screenshot(noJs, "nojs-csv-report");
});

await h.finish();
