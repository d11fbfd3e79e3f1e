// The browser test of the live preview (`redress watch --serve`), run by
// `cargo test` from tests/watch.rs: Debian's Chromium, driven headless by
// playwright-core.
//
//   node tests/browser/check-preview.mjs URL CASE_FILE OLD NEW ARTIFACTS
//
// It opens the preview, checks its structure (one h1, both copies of the
// decision side by side, warnings linked to their lines in the case file),
// runs axe-core, then replaces OLD by NEW in CASE_FILE, as an editor saving
// would, and waits for the page to reload itself and show NEW. Exits 1 on
// any failure, listing every one.

import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [url, caseFile, oldText, newText, artifacts] = process.argv.slice(2);
if (!artifacts) {
  console.error("usage: node check-preview.mjs URL CASE_FILE OLD NEW ARTIFACTS");
  process.exit(2);
}
fs.mkdirSync(artifacts, { recursive: true });
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`FAIL ${message}`);
};

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "redress-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.REDRESS_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  if ((await page.locator("h1").count()) !== 1) fail("the preview has not one h1");
  for (const name of ["Publication copy (redacted)", "Internal copy (NOT FOR PUBLICATION)"]) {
    if ((await page.getByRole("heading", { name }).count()) !== 1) fail(`no heading "${name}"`);
  }
  const published = await page.locator("#preview-published").locator("..").innerText();
  const internal = await page.locator("#preview-internal").locator("..").innerText();
  if (!published.includes("Mrs X")) fail("the publication copy does not call the complainant Mrs X");
  if (published.includes("Tranter-Wilde")) fail("the publication copy names the complainant");
  if (!internal.includes("Tranter-Wilde")) fail("the internal copy does not name the complainant");
  const boxes = [await page.locator("#preview-published").locator("..").boundingBox(), await page.locator("#preview-internal").locator("..").boundingBox()];
  if (!(boxes[0] && boxes[1] && boxes[0].x < boxes[1].x && Math.abs(boxes[0].y - boxes[1].y) < 2)) {
    fail("the two copies are not side by side");
  }
  const warning = page.locator("li.warning a").first();
  const href = await warning.getAttribute("href");
  if (!/^\/case#L\d+$/.test(href || "")) fail(`a warning links to ${href}, not a line`);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
    fail(`axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  fs.writeFileSync(path.join(artifacts, "preview-axe.json"), JSON.stringify(result.violations, null, 2));
  await page.screenshot({ path: path.join(artifacts, "preview.png"), fullPage: false });
  await page.evaluate(() => document.getElementById("preview-decision").scrollIntoView());
  await page.screenshot({ path: path.join(artifacts, "preview-decision.png"), fullPage: false });
  await page.evaluate(() => window.scrollTo(0, 0));

  // A warning's link shows its line.
  await warning.click();
  const line = href.split("#")[1];
  // The click navigates: wait for the case page before looking in it.
  await page.waitForURL((u) => u.pathname === "/case", { timeout: 10000 }).catch(() => {});
  await page.locator(`#${line}`).waitFor({ timeout: 10000 }).catch(() => {});
  if ((await page.locator(`#${line}`).count()) !== 1) fail(`the case page has no ${line}`);
  await page.goBack();

  // Save an edit: the page reloads itself and shows it.
  const before = fs.readFileSync(caseFile, "utf8");
  if (!before.includes(oldText)) fail(`the case file does not hold "${oldText}"`);
  fs.writeFileSync(caseFile, before.replace(oldText, newText));
  try {
    await page.waitForFunction((text) => document.body.innerText.includes(text), newText, { timeout: 30000, polling: 200 });
  } catch {
    fail(`the page did not show "${newText}" after the save`);
  }
  await page.screenshot({ path: path.join(artifacts, "preview-after-edit.png"), fullPage: false });
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`${failures.length} failures`);
  process.exit(1);
}
console.log("the preview passed");
