// The browser test of the published site (run by `cargo test`, from
// tests/browser.rs): Debian's Chromium, driven headless by playwright-core,
// never a browser Playwright downloads. The site is served over HTTP on
// the loopback interface (search loads its index with fetch, which a
// file:// page may not).
//
//   node tests/browser/check-site.mjs SITE ARTIFACTS [--sample N]
//
// It checks every page (or, with --sample N, N pages spread over the site
// plus the home, search and about pages: for an archive of thousands) for
// its heading structure, landmarks and skip link and runs axe-core on it;
// follows the home page to a decision and its documents; pages through a
// listing and a filter without JavaScript; searches the text; opens a
// filtered search from its address alone (a shared link) and gets the same
// results; looks a decision up by its reference; and checks the search page
// without JavaScript. Values to search for come from the site's own
// records.json, so any site can be checked. Screenshots and axe's results
// go to ARTIFACTS. It exits 1 on any failure, listing every one.

import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const sampleAt = args.indexOf("--sample");
const sample = sampleAt >= 0 ? Number(args.splice(sampleAt, 2)[1]) : 0;
const [site, artifacts] = args.map((p) => path.resolve(p));
if (!site || !artifacts) {
  console.error("usage: node check-site.mjs SITE ARTIFACTS [--sample N]");
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

// A static server for the site, on a free loopback port.
const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".atom": "application/atom+xml",
  ".xml": "application/xml",
  ".csv": "text/csv",
  ".pdf": "application/pdf",
};
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path.join(site, rel);
  if (!file.startsWith(site + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404);
    res.end("not found");
    return;
  }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;
const url = (rel, query = "") => origin + rel.split(path.sep).map(encodeURIComponent).join("/") + query;

function pages(dir = site) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "pagefind") continue;
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

/** Waits for the search page to say what it found. */
async function searched(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status");
    return s && s.textContent && !/…$/.test(s.textContent);
  }, null, { timeout: 30000 });
  return (await page.locator("#search-status").textContent()).trim();
}

const started = Date.now();
const page = await context.newPage();
page.on("pageerror", (error) => fail(`script error on ${page.url()}: ${error.message}`));
const report = {};
const all = pages();
let checked = all;
if (sample > 0 && all.length > sample) {
  const step = all.length / sample;
  const picked = new Set(["index.html", "search.html", "about.html", "glossary.html"]);
  for (let i = 0; picked.size < sample + 4 && i < sample; i++) picked.add(all[Math.floor(i * step)]);
  // One page of each kind, whatever the spread picked.
  for (const kind of [/^decisions\//, /^browse\/all\//, /^browse\/organisation\/org-/, /^references\/\d/, /chapter-2\.html$/, /^documents\/[^/]+\/decision\.html$/]) {
    const one = all.find((p) => kind.test(p));
    if (one) picked.add(one);
  }
  checked = [...picked].filter((p) => all.includes(p)).sort();
}
const records = JSON.parse(fs.readFileSync(path.join(site, "records.json"), "utf8")).records;
if (!records.length) fail("records.json has no records");

// 1. Every page (or the sample): structure and axe.
for (const rel of checked) {
  await page.goto(url(rel));
  checkStructure(rel, await structure(page));
  report[rel] = await axe(page, rel);
}

// 2. The home page, followed to a decision and its documents.
await page.goto(url("index.html"));
await page.screenshot({ path: path.join(artifacts, "index.png") });
await page.keyboard.press("Tab");
const skip = await page.evaluate(() => document.activeElement.textContent.trim());
if (skip !== "Skip to main content") fail(`index: the first Tab reaches "${skip}", not the skip link`);
await page.keyboard.press("Enter");
const focused = await page.evaluate(() => document.activeElement.id || document.location.hash);
if (focused !== "main" && focused !== "#main") fail(`index: the skip link moves to ${focused}, not main`);
const first = page.locator("ol.cards > li .card-title a").first();
const title = (await first.textContent()).trim();
await Promise.all([page.waitForURL(/decisions\/.*\.html$/), first.click()]);
const h1 = (await page.locator("h1").textContent()).trim();
if (!title.startsWith(h1.replace(/ \([^)]*\)$/, ""))) fail(`following "${title}" from the home page led to "${h1}"`);
for (const term of ["Decision date"]) {
  if ((await page.locator("dl.record-facts dt", { hasText: new RegExp(`^${term}$`) }).count()) !== 1) {
    fail(`${h1}: no "${term}" in the record's facts`);
  }
}
const pdfLink = page.locator("ul.documents a", { hasText: "PDF" }).first();
const pdfHref = await pdfLink.getAttribute("href");
const pdf = await (await context.request.get(new URL(pdfHref, page.url()).href)).body();
if (!pdf.subarray(0, 5).equals(Buffer.from("%PDF-"))) fail(`${h1}: the PDF link ${pdfHref} does not lead to a PDF`);
await page.screenshot({ path: path.join(artifacts, "decision.png") });
await page.screenshot({ path: path.join(artifacts, "decision-full.png"), fullPage: true });
const documentLink = page.locator("ul.documents a").first();
await Promise.all([page.waitForURL(/documents\/.*\.html$/), documentLink.click()]);
checkStructure("the first document", await structure(page));

// 3. Readable without CSS: the paragraph numbers are the browser's own.
const statement = all.find((p) => /^documents\/[^/]+\/decision\.html$/.test(p));
if (statement) {
  await page.goto(url(statement));
  await page.evaluate(() => {
    for (const sheet of document.styleSheets) sheet.disabled = true;
  });
  const numbering = await page.evaluate(() => {
    const li = document.querySelector("ol.paras > li");
    return li && { display: getComputedStyle(li).display, list: getComputedStyle(li.parentElement).listStyleType, id: li.id };
  });
  if (!numbering || numbering.display !== "list-item" || numbering.list !== "decimal" || numbering.id !== "paragraph-1") {
    fail(`without CSS the paragraphs are not numbered (${JSON.stringify(numbering)})`);
  }
  await page.screenshot({ path: path.join(artifacts, "decision-without-css.png") });
}

// 4. A report in chapters: contents and next/previous.
const chapter = all.find((p) => /\/chapter-1\.html$/.test(p));
if (chapter) {
  await page.goto(url(chapter));
  const chapters = await page.locator("nav.contents li").count();
  if (chapters < 2) fail(`${chapter}: ${chapters} chapters in its contents`);
  await Promise.all([page.waitForURL(/chapter-2\.html$/), page.locator("a[rel=next]").click()]);
  const current = await page.locator("nav.contents a[aria-current=page]").textContent();
  const heading = await page.locator("section.chapter h2").first().textContent();
  if (current.trim() !== heading.trim()) fail(`chapter 2: contents say "${current}", the page "${heading}"`);
  await page.screenshot({ path: path.join(artifacts, "report-chapter.png") });
}

// 5. Paging and filters without JavaScript.
const noScript = await launch({ javaScriptEnabled: false });
const plain = await noScript.newPage();
await plain.goto(url("browse/all/1.html"));
const firstPage = await plain.locator("li.card").allTextContents();
const nextLink = plain.locator("nav.pages a[rel=next]");
if (await nextLink.count()) {
  await Promise.all([plain.waitForURL(/browse\/all\/2\.html$/), nextLink.click()]);
  const current = (await plain.locator("nav.pages a[aria-current=page]").textContent()).replace(/\D/g, "");
  if (current !== "2") fail(`page 2 of the listing marks page ${current} as current`);
  const secondPage = await plain.locator("li.card").allTextContents();
  if (!secondPage.length || secondPage.some((c) => firstPage.includes(c))) fail("page 2 repeats page 1 or is empty");
  const lastNumber = plain.locator("nav.pages li:not(.next) a").last();
  const n = (await lastNumber.textContent()).replace(/\D/g, "");
  await Promise.all([plain.waitForURL(new RegExp(`browse/all/${n}\\.html$`)), lastNumber.click()]);
  if (await plain.locator("nav.pages a[rel=next]").count()) fail(`the last page (${n}) has a next page`);
  report["browse/all (last page)"] = [];
} else if (records.length > 20) fail("the listing of every decision has one page");
await plain.screenshot({ path: path.join(artifacts, "listing-page-without-javascript.png") });
await plain.goto(url("browse/all/1.html"));
const filterLink = plain.locator("nav.filters li a").first();
const expected = Number((await filterLink.locator(".count").textContent()).replace(/\D/g, ""));
await Promise.all([plain.waitForURL(/browse\/.*\/1\.html$/), filterLink.click()]);
const lead = await plain.locator("p.lead").textContent();
const total = Number((lead.match(/ of (\d+)/) || [0, 0])[1]);
if (total !== expected) fail(`a filter page without JavaScript says "${lead.trim()}", expected ${expected}`);
await plain.screenshot({ path: path.join(artifacts, "filter-without-javascript.png") });
await plain.goto(url("search.html"));
if (await plain.locator("#search-form").isVisible()) fail("search without JavaScript shows a form that cannot work");
if (!(await plain.locator("#search-needs-script").isVisible())) fail("search without JavaScript does not say where to browse");

// 6. Search with JavaScript: words from a record's own text.
const words = records.flatMap((r) => (r.summary || "").split(/[^A-Za-z]+/)).filter((w) => w.length >= 9);
const word = words[0] || "complaint";
await page.goto(url("search.html", `?q=${encodeURIComponent(word)}`));
const found = await searched(page);
const results = await page.locator("#search-results > li").count();
if (!results) fail(`searching "${word}" found nothing (${found})`);
else {
  const href = await page.locator("#search-results > li a").first().getAttribute("href");
  const text = await (await context.request.get(new URL(href, page.url()).href)).text();
  if (!text.toLowerCase().includes(word.toLowerCase())) fail(`the first result for "${word}" (${href}) does not hold it`);
}
report[`search.html?q=${word}`] = await axe(page, "search results");
await page.screenshot({ path: path.join(artifacts, "search.png"), fullPage: true });

// 7. A filtered list shared by its address: the form's choices are in
// the URL, and the URL alone gives the same list in a fresh browser.
await page.goto(url("search.html"));
await searched(page);
const decision = records[0].decision;
await page.selectOption("#filter-decision", { value: decision });
await page.selectOption("#sort", "oldest");
await Promise.all([page.waitForURL(/decision=/), page.locator("#search-form button[type=submit]").click()]);
const shared = page.url();
if (!/sort=oldest/.test(shared) || /q=&/.test(shared)) fail(`the shared address is ${shared}`);
const status = await searched(page);
const want = records.filter((r) => r.decision === decision).length;
const count = Number((status.match(/^(\d+)/) || [0, -1])[1]);
if (count !== want) fail(`the filter decision=${decision} says "${status}", records.json has ${want}`);
const listed = await page.locator("#search-results > li a").allTextContents();
const other = await launch();
const fresh = await other.newPage();
await fresh.goto(shared);
await searched(fresh);
const again = await fresh.locator("#search-results > li a").allTextContents();
if (JSON.stringify(again) !== JSON.stringify(listed)) fail("the shared address gives another list in a fresh browser");
if (want > 20) {
  const page2 = fresh.locator("#search-pages a[rel=next]");
  await Promise.all([fresh.waitForURL(/page=2/), page2.click()]);
  await searched(fresh);
  const second = await fresh.locator("#search-results > li a").allTextContents();
  if (!second.length || second.some((t) => again.includes(t))) fail("page 2 of a filtered search repeats page 1");
}
await other.close();

// A range of months, in the address.
const months = records.map((r) => r.decision_date.slice(0, 7)).sort();
const [from, to] = [months[Math.floor(months.length / 4)], months[Math.floor((3 * months.length) / 4)]];
await page.goto(url("search.html", `?from=${from}&to=${to}`));
const ranged = await searched(page);
const inRange = records.filter((r) => r.decision_date.slice(0, 7) >= from && r.decision_date.slice(0, 7) <= to).length;
if (Number((ranged.match(/^(\d+)/) || [0, -1])[1]) !== inRange) fail(`decided ${from} to ${to}: "${ranged}", records.json has ${inRange}`);

// 8. Reference lookup: straight to the record.
const target = records[Math.min(1, records.length - 1)];
await page.goto(url("search.html", `?ref=${encodeURIComponent(target.reference)}`));
await page.waitForURL(/decisions\/.*\.html$/, { timeout: 30000 });
const landed = (await page.locator("h1").textContent()).trim();
if (landed !== target.title) fail(`looking up ${target.reference} led to "${landed}"`);
await page.goto(url("search.html", "?ref=99+999+999"));
const missing = await searched(page);
if (!/No published decision has the reference/.test(missing)) fail(`an unknown reference says "${missing}"`);

// 9. The feed, records.json and the CSV are linked from every page.
for (const file of ["feed.atom", "records.json", "records.csv", "records.schema.json", "sitemap.xml"]) {
  if (!fs.existsSync(path.join(site, file))) fail(`${file} is missing`);
}

await noScript.close();
await context.close();
server.close();
for (const profile of profiles) fs.rmSync(profile, { recursive: true, force: true });
fs.writeFileSync(path.join(artifacts, "axe-results.json"), JSON.stringify(report, null, 2) + "\n");
const minor = Object.values(report).flat().length;
console.log(
  `checked ${checked.length} of ${all.length} pages and search in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${failures.length} failures; ${minor} axe findings in all (see axe-results.json); screenshots in ${artifacts}`,
);
process.exit(failures.length ? 1 : 0);
