// Scenario: the public pages, as a visitor sees them in a real browser.
//   node browser/public.mjs <base-url> <artefact-dir> <data.json>
// data.json: {"credential_id", "achievement_id", "skill_achievement_id", "org", "bearer",
// "dcc_fixture"?} (set up by the Rust test through the JSON API). Steps: home and sign-in
// pages; the credential page (verdict, link preview tags, the JSON one click away); the
// issuer page (its badges linked, the addresses and keys verifiers use); the achievement
// page of an EU micro-credential (every element in words, in English and French); the verifier with the baked PNG (valid), pasted
// JSON (valid), the same PNG after a revocation through the API (revoked), another issuer's
// credential dropped on the file zone (DCC fixture); axe-core on every page; then the same
// pages with JavaScript disabled. Screenshots of each page go to the artefact directory.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Harness, expect, readData } from "./lib/harness.mjs";

const [baseUrl, artefacts, dataFile] = process.argv.slice(2);
const data = readData(dataFile);
const h = await Harness.start(baseUrl, artefacts);
const credentialPath = `/credentials/${data.credential_id}`;
const issuerPath = `/issuers/${data.org}`;
const achievementPath = `/achievements/${data.achievement_id}`;

async function fetchBytes(path) {
  const r = await fetch(h.baseUrl + path);
  expect(r.ok, `GET ${path}: ${r.status}`);
  return Buffer.from(await r.arrayBuffer());
}

const png = join(artefacts, "credential-baked.png");
const credentialJson = (await fetchBytes(`${credentialPath}.json`)).toString("utf8");
writeFileSync(png, await fetchBytes(`${credentialPath}.png`));

/** Uploads a file on the verifier page, returns the verdict's title and headline. */
async function verifyFile(page, file) {
  await h.goto(page, "/verify");
  await h.upload(page, "#verify-file", file);
  await h.submit(page, "#verify-submit");
  return { title: await h.text(page, "#verdict-heading"), headline: await h.text(page, "#verdict-headline") };
}

const page = await h.page();

await h.step("home page", async () => {
  await h.goto(page, "/");
  expect((await h.text(page, "h1")).length > 0, "the home page has a heading");
  await h.axe(page, "home");
  await h.screenshot(page, "home");
});

await h.step("sign-in page", async () => {
  await h.goto(page, "/sign-in");
  await h.fill(page, "Email address", "someone@example.org");
  expect((await page.inputValue("#email")) === "someone@example.org", "the email field is labelled");
  await h.axe(page, "sign-in");
  await h.screenshot(page, "sign-in");
});

await h.step("credential page: verdict, link preview, JSON one click away", async () => {
  await h.goto(page, credentialPath);
  expect((await h.text(page, "#verdict-heading")) === "Verified", "the credential is verified");
  expect((await h.text(page, "#verdict-headline")).startsWith("This badge is valid"), "plain-words verdict");
  const ogImage = await page.getAttribute('meta[property="og:image"]', "content");
  expect(ogImage === `${h.baseUrl}${credentialPath}.png`, `og:image is the baked PNG: ${ogImage}`);
  expect((await page.locator("ul.checks li").count()) >= 4, "each check is listed");
  await h.axe(page, "credential");
  await h.screenshot(page, "credential");
  await h.submit(page, "#credential-json");
  const body = await page.locator("body").innerText();
  expect(body.includes("OpenBadgeCredential"), "the JSON link shows the signed credential");
  h.noScriptErrors(page);
});

await h.step("credential page in French (Accept-Language)", async () => {
  const fr = await h.page({ locale: "fr-FR" });
  await h.goto(fr, credentialPath);
  expect((await fr.getAttribute("html", "lang")) === "fr", "the page is in French");
  expect((await h.text(fr, "#verdict-heading")) === "Vérifié", "the verdict is translated");
  await h.axe(fr, "credential-fr");
  await h.screenshot(fr, "credential-fr");
});

await h.step("issuer page: its badges, the addresses and keys verifiers use", async () => {
  await h.goto(page, issuerPath);
  expect((await h.text(page, "h1")) === "Alpha University", "the issuer's name is the heading");
  const links = await page.locator("#issuer-achievements a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const id of [data.achievement_id, data.skill_achievement_id]) {
    expect(links.some((href) => href.endsWith(`/achievements/${id}`)), `achievement ${id} is linked: ${links}`);
  }
  expect((await h.text(page, "#issuer-keys")).includes("signs new badges"), "the active key is listed");
  expect((await page.locator(`#issuer-contact a[href="mailto:badges@alpha.example.org"]`).count()) === 1, "email");
  const ogUrl = await page.getAttribute('meta[property="og:url"]', "content");
  expect(ogUrl === `${h.baseUrl}${issuerPath}`, `og:url is the issuer id: ${ogUrl}`);
  await h.axe(page, "issuer");
  await h.screenshot(page, "issuer");
  await h.click(page, "#issuer-profile");
  await page.waitForLoadState("load");
  const body = await page.locator("body").innerText();
  expect(body.includes('"Profile"'), "the profile link shows the issuer's OB Profile");
  h.noScriptErrors(page);
});

await h.step("achievement page: an EU micro-credential in words", async () => {
  await h.goto(page, issuerPath);
  await h.submit(page, "Data Stewardship");
  expect(page.url().endsWith(achievementPath), `the issuer's list links the achievement: ${page.url()}`);
  expect((await h.text(page, "h1")) === "Data Stewardship", "the achievement's name is the heading");
  const eu = await h.text(page, "#achievement-eu");
  for (const words of ["3 ECTS credits, 75 hours of learning", "EQF level 6 of 8", "Blended (online and on site)"]) {
    expect(eu.includes(words), `EU elements say "${words}": ${eu}`);
  }
  const details = await h.text(page, "#achievement-details");
  expect(details.includes("EU micro-credential") && details.includes("3 credits"), `details: ${details}`);
  expect((await h.text(page, "#achievement-alignments")).includes("ESCO · S5.6"), "framework and code");
  const ogTitle = await page.getAttribute('meta[property="og:title"]', "content");
  expect(ogTitle === "Data Stewardship — Alpha University", `og:title: ${ogTitle}`);
  await h.axe(page, "achievement");
  await h.screenshot(page, "achievement");
  h.noScriptErrors(page);
});

await h.step("achievement page in French (Accept-Language)", async () => {
  const fr = await h.page({ locale: "fr-FR" });
  await h.goto(fr, achievementPath);
  expect((await fr.getAttribute("html", "lang")) === "fr", "the page is in French");
  const eu = await h.text(fr, "#achievement-eu");
  expect(eu.includes("3 crédits ECTS") && eu.includes("Hybride"), `EU elements in French: ${eu}`);
  await h.axe(fr, "achievement-fr");
  await h.screenshot(fr, "achievement-fr");
});

await h.step("verifier page: the form", async () => {
  await h.goto(page, "/verify");
  await h.axe(page, "verify");
  await h.screenshot(page, "verify");
});

await h.step("verifier: the baked PNG is valid", async () => {
  const v = await verifyFile(page, png);
  expect(v.title === "Verified", `verdict: ${JSON.stringify(v)}`);
  await h.axe(page, "verify-valid");
  await h.screenshot(page, "verify-valid");
});

await h.step("verifier: pasted JSON is valid", async () => {
  await h.goto(page, "/verify");
  await h.fill(page, "#verify-json", credentialJson);
  await h.submit(page, "#verify-submit");
  expect((await h.text(page, "#verdict-heading")) === "Verified", "pasted JSON verifies");
});

await h.step("verifier: after revocation through the API the PNG is revoked", async () => {
  const r = await fetch(`${h.baseUrl}/api/v1/orgs/${data.org}/credentials/${data.credential_id}/revoke`, {
    method: "POST",
    headers: { authorization: data.bearer, "content-type": "application/json" },
    body: JSON.stringify({ reason: "browser test" }),
  });
  expect(r.status === 200, `revoke: ${r.status} ${await r.text()}`);
  const v = await verifyFile(page, png);
  expect(v.title === "Not valid" && v.headline.includes("revoked"), `verdict: ${JSON.stringify(v)}`);
  expect((await page.locator('[role="alert"]#verdict').count()) === 1, "the verdict is announced as an alert");
  await h.axe(page, "verify-revoked");
  await h.screenshot(page, "verify-revoked");
});

if (data.dcc_fixture) {
  await h.step("verifier: another issuer's credential, dropped on the file zone", async () => {
    await h.goto(page, "/verify");
    const bytes = readFileSync(data.dcc_fixture);
    await h.dropFile(page, "#verify-drop", "dcc.json", bytes, "application/json");
    expect((await h.text(page, "#verify-drop-status")) === "dcc.json", "the dropped file is announced");
    await h.submit(page, "#verify-submit");
    const title = await h.text(page, "#verdict-heading");
    const headline = await h.text(page, "#verdict-headline");
    expect(title === "Verified" && headline.includes("Example Corp"), `verdict: ${title} / ${headline}`);
    await h.screenshot(page, "verify-other-issuer");
    h.noScriptErrors(page);
  });
}

const noJs = await h.page({ javaScript: false });
for (const [name, path, selector] of [
  ["home", "/", "h1"],
  ["sign-in", "/sign-in", "#email"],
  ["credential", credentialPath, "#verdict-headline"],
  ["issuer", issuerPath, "#issuer-keys"],
  ["achievement", achievementPath, "#achievement-eu"],
  ["verify", "/verify", "#verify-form"],
]) {
  await h.step(`without JavaScript: ${name}`, async () => {
    await h.goto(noJs, path);
    expect(await noJs.locator(selector).first().isVisible(), `${selector} is shown`);
    await h.screenshot(noJs, `nojs-${name}`);
  });
}

await h.step("without JavaScript: the verifier form still verifies", async () => {
  const v = await verifyFile(noJs, png);
  expect(v.title === "Not valid" && v.headline.includes("revoked"), `verdict: ${JSON.stringify(v)}`);
});

await h.finish();
