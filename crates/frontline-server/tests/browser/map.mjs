// Opens the web map in headless Chromium (Debian's, never a downloaded
// browser), checks that event markers are drawn, clicks one, waits for its
// evidence sentence to appear highlighted in the detail panel, and saves a
// screenshot. Run by tests/browser.rs:
//   node map.mjs URL SCREENSHOT.png EXPECTED_EVIDENCE_TEXT
// Prints one JSON line with what it saw; exits non-zero on any failure.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// playwright-core is installed with the page's assets, in web/node_modules.
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [url, screenshot, expected] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node map.mjs URL SCREENSHOT.png [EXPECTED_EVIDENCE_TEXT]');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'frontline-chromium-'));
// A fresh profile directory (Chromium's --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const seen = { markers: 0, evidence: null, errors: [] };
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && seen.errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && seen.errors.push(`${r.status()} for ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(url).origin)) seen.errors.push(`request outside the server: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  const markers = page.locator('path.ev-marker');
  await markers.first().waitFor({ state: 'visible', timeout: 15000 });
  seen.markers = await markers.count();
  // Click the first event marker drawn.
  await markers.first().click({ force: true });
  const mark = page.locator('#detail .article-text mark').first();
  await mark.waitFor({ state: 'visible', timeout: 10000 });
  seen.evidence = await mark.textContent();
  await page.waitForTimeout(500); // let the basemap finish drawing
  await page.screenshot({ path: screenshot });
  if (expected && !seen.evidence.includes(expected)) {
    seen.errors.push(`evidence ${JSON.stringify(seen.evidence)} does not contain ${JSON.stringify(expected)}`);
  }
} catch (e) {
  seen.errors.push(String(e));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(seen));
process.exit(seen.errors.length ? 1 : 0);
