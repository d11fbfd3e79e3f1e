// The browser test of the published site (run by `cargo test`, from
// tests/browser.rs): Debian's Chromium, driven headless by playwright-core,
// never a browser Playwright downloads.
//
//   node tests/browser/check-site.mjs SITE ARTIFACTS
//
// It opens the index, follows it to a decision, checks the heading
// structure, the landmarks, the skip link, the filters with and without
// JavaScript and a page without CSS, runs axe-core on every page, and saves
// screenshots and axe's results in ARTIFACTS. It exits 1 on any failure,
// listing every one.

import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [site, artifacts] = process.argv.slice(2).map((p) => path.resolve(p));
if (!site || !artifacts) {
  console.error("usage: node check-site.mjs SITE ARTIFACTS");
  process.exit(2);
}
fs.mkdirSync(artifacts, { recursive: true });
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const executablePath = process.env.REDRESS_CHROMIUM || "/usr/bin/chromium";

const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`FAIL ${message}`);
};
const url = (rel) => pathToFileURL(path.join(site, rel)).href;

function pages(dir = site) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pages(full));
    else if (entry.name.endsWith(".html")) out.push(path.relative(site, full));
  }
  return out.sort();
}

// A fresh profile each time, and the flags that keep Chromium off the network.
const profiles = [];
async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "redress-chromium-"));
  profiles.push(profile);
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1024, height: 768 },
    locale: "en-GB",
    ...options,
  });
}
const context = await launch();

/** Headings, landmarks and the skip link of the page, as the browser sees them. */
async function structure(page) {
  return page.evaluate(() => {
    const headings = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => ({
      level: Number(h.tagName[1]),
      text: h.textContent.trim(),
    }));
    const landmark = (selector) => document.querySelectorAll(selector).length;
    const navs = [...document.querySelectorAll("nav")].map((n) => n.getAttribute("aria-label"));
    const focusable = document.querySelector("a[href], button, select, input");
    return {
      lang: document.documentElement.lang,
      title: document.title,
      headings,
      banner: landmark("body > header"),
      main: landmark("main"),
      contentinfo: landmark("body > footer"),
      navs,
      firstFocusable: focusable && { href: focusable.getAttribute("href"), text: focusable.textContent.trim() },
      layoutTables: [...document.querySelectorAll("table")].filter((t) => !t.querySelector("th")).length,
    };
  });
}

function checkStructure(rel, s) {
  if (s.lang !== "en-GB") fail(`${rel}: lang is ${s.lang}`);
  if (!s.title) fail(`${rel}: no title`);
  const h1 = s.headings.filter((h) => h.level === 1).length;
  if (h1 !== 1) fail(`${rel}: ${h1} h1 headings`);
  let last = 0;
  for (const h of s.headings) {
    if (h.level > last + 1) fail(`${rel}: heading "${h.text}" (h${h.level}) skips a level after h${last}`);
    last = h.level;
  }
  if (s.banner !== 1 || s.main !== 1 || s.contentinfo !== 1) {
    fail(`${rel}: landmarks banner ${s.banner}, main ${s.main}, contentinfo ${s.contentinfo}`);
  }
  if (s.navs.some((label) => !label)) fail(`${rel}: a navigation landmark has no label`);
  if (!s.firstFocusable || s.firstFocusable.href !== "#main") fail(`${rel}: the skip link is not first`);
  if (s.layoutTables) fail(`${rel}: ${s.layoutTables} table(s) without header cells`);
}

/** axe-core on the loaded page: every violation kept, serious and critical fail. */
async function axe(page, rel) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    window.axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }),
  );
  const violations = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
  for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
    fail(`${rel}: axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(", ")}`);
  }
  return violations;
}

const started = Date.now();
const page = await context.newPage();
page.on("pageerror", (error) => fail(`script error on ${page.url()}: ${error.message}`));
const report = {};
const all = pages();

// 1. Every page: structure and axe.
for (const rel of all) {
  await page.goto(url(rel));
  checkStructure(rel, await structure(page));
  report[rel] = await axe(page, rel);
}

// 2. The index, followed to a decision.
await page.goto(url("index.html"));
await page.screenshot({ path: path.join(artifacts, "index.png") });
await page.screenshot({ path: path.join(artifacts, "index-full.png"), fullPage: true });
await page.keyboard.press("Tab");
const skip = await page.evaluate(() => document.activeElement.textContent.trim());
if (skip !== "Skip to main content") fail(`index: the first Tab reaches "${skip}", not the skip link`);
await page.keyboard.press("Enter");
const focused = await page.evaluate(() => document.activeElement.id || document.location.hash);
if (focused !== "main" && focused !== "#main") fail(`index: the skip link moves to ${focused}, not main`);
const first = page.locator("ol.records > li h3 a").first();
const title = (await first.textContent()).trim();
await Promise.all([page.waitForURL(/decisions\/.*\.html$/), first.click()]);
const h1 = (await page.locator("h1").textContent()).trim();
if (h1 !== title) fail(`following "${title}" from the index led to "${h1}"`);
for (const term of ["Decision", "Decision date"]) {
  if ((await page.locator("dl.record-facts dt", { hasText: new RegExp(`^${term}$`) }).count()) !== 1) {
    fail(`${h1}: no "${term}" in the record's facts`);
  }
}
const firstPara = page.locator("ol.paras > li").first();
if ((await firstPara.getAttribute("id")) !== "paragraph-1") fail(`${h1}: the first numbered paragraph is not #paragraph-1`);
const pdfLink = page.locator("ul.documents a", { hasText: "PDF" }).first();
const pdfHref = await pdfLink.getAttribute("href");
const pdfPath = path.resolve(path.dirname(new URL(page.url()).pathname), pdfHref);
if (!fs.existsSync(pdfPath) || !fs.readFileSync(pdfPath).subarray(0, 5).equals(Buffer.from("%PDF-"))) {
  fail(`${h1}: the PDF link ${pdfHref} does not lead to a PDF`);
}
await page.screenshot({ path: path.join(artifacts, "decision.png") });
await page.screenshot({ path: path.join(artifacts, "decision-full.png"), fullPage: true });
const documentLink = page.locator("ul.documents a").first();
await Promise.all([page.waitForURL(/documents\/.*\.html$/), documentLink.click()]);
checkStructure("the decision document", await structure(page));

// 3. Readable without CSS: the paragraph numbers are the browser's own.
await page.evaluate(() => {
  for (const sheet of document.styleSheets) sheet.disabled = true;
});
const numbering = await page.evaluate(() => {
  const li = document.querySelector("ol.paras > li");
  return { display: getComputedStyle(li).display, list: getComputedStyle(li.parentElement).listStyleType };
});
if (numbering.display !== "list-item" || numbering.list !== "decimal") {
  fail(`without CSS the paragraphs are not numbered (${JSON.stringify(numbering)})`);
}
await page.screenshot({ path: path.join(artifacts, "decision-without-css.png") });

// 4. A report in chapters: contents and next/previous.
const report30 = all.find((p) => /report-[^/]+\/chapter-1\.html$/.test(p));
if (!report30) fail("no report published in chapters");
else {
  await page.goto(url(report30));
  const chapters = await page.locator("nav.contents li").count();
  if (chapters < 2) fail(`${report30}: ${chapters} chapters in its contents`);
  await Promise.all([page.waitForURL(/chapter-2\.html$/), page.locator("a[rel=next]").click()]);
  const current = await page.locator("nav.contents a[aria-current=page]").textContent();
  const heading = await page.locator("section.chapter h2").first().textContent();
  if (current.trim() !== heading.trim()) fail(`chapter 2: contents say "${current}", the page "${heading}"`);
  await page.screenshot({ path: path.join(artifacts, "report-chapter.png") });
}

// 5. Live filtering with JavaScript; the filter pages without it.
await page.goto(url("index.html"));
if (await page.locator("#live-filter").isHidden()) fail("index: the live filter did not appear with JavaScript");
const outcome = await page.locator("#filter-outcome option").nth(1).getAttribute("value");
await page.selectOption("#filter-outcome", outcome);
const visible = await page.locator("ol.records > li:visible").count();
const matching = await page.locator(`ol.records > li[data-outcome="${outcome}"]`).count();
if (visible !== matching || visible === 0) fail(`live filter by ${outcome}: ${visible} shown, ${matching} match`);
const status = await page.locator("#filter-status").textContent();
if (!status.startsWith(String(visible))) fail(`live filter: the status says "${status}"`);
report["index.html (filtered live)"] = await axe(page, "index.html (filtered live)");
await page.screenshot({ path: path.join(artifacts, "index-filtered.png") });

const noScript = await launch({ javaScriptEnabled: false });
const plain = await noScript.newPage();
await plain.goto(url("index.html"));
if (!(await plain.locator("#live-filter").isHidden())) fail("index without JavaScript: the live filter form shows");
const filterLink = plain.locator("nav.filters a").first();
const filterLabel = (await filterLink.textContent()).replace(/\s*\(\d+\)\s*$/, "").trim();
await Promise.all([plain.waitForURL(/filter\/.*\.html$/), filterLink.click()]);
const listed = await plain.locator("ol.records > li").count();
const expected = Number((await plain.locator("nav.filters a[aria-current=page] .count").textContent()).replace(/\D/g, ""));
if (listed !== expected) fail(`filter page "${filterLabel}" without JavaScript lists ${listed}, expected ${expected}`);
await plain.screenshot({ path: path.join(artifacts, "filter-without-javascript.png") });

// 6. The feed and records.json are reachable from every page's header.
for (const file of ["feed.atom", "records.json"]) {
  if (!fs.existsSync(path.join(site, file))) fail(`${file} is missing`);
}

await noScript.close();
await context.close();
for (const profile of profiles) fs.rmSync(profile, { recursive: true, force: true });
fs.writeFileSync(path.join(artifacts, "axe-results.json"), JSON.stringify(report, null, 2) + "\n");
const minor = Object.values(report).flat().length;
console.log(
  `checked ${all.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${failures.length} failures; ${minor} axe findings in all (see axe-results.json); screenshots in ${artifacts}`,
);
process.exit(failures.length ? 1 : 0);
