// Drives the search page in Debian's Chromium, as a journalist would: types a
// query, reads highlighted results, pages on, opens an article, narrows by a
// filter, follows "did you mean", and checks the page on a phone and without
// JavaScript. Screenshots go to ARTIFACTS (default tests/browser/artifacts).
//
// Usage: node search_page.test.mjs --bin BUILD/bin --corpus corpus [--artifacts DIR]
// The index and the browser profile live in fresh temporary folders; the
// server listens on an ephemeral 127.0.0.1 port; every request to anywhere
// else fails the test (the page must load nothing from outside).
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const bin = path.resolve(args.bin ?? 'build/bin');
const corpus = path.resolve(args.corpus ?? 'corpus');
const artifacts = path.resolve(args.artifacts ?? path.join(path.dirname(new URL(import.meta.url).pathname), 'artifacts'));

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const work = mkdtempSync(path.join(tmpdir(), 'newsearch-browser-'));
let server;
let context;

function startServer(db) {
  return new Promise((resolve, reject) => {
    server = spawn(path.join(bin, 'server'), ['--db', db, '--port', '0', '--bind', '127.0.0.1', '--quiet'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${out}`)));
    setTimeout(() => reject(new Error('server did not start within 30 s')), 30000);
  });
}

async function cleanup() {
  if (context) await context.close().catch(() => {});
  if (server && server.exitCode === null) server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

const results = [];
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}\n     ${String(error.stack ?? error).split('\n').slice(0, 6).join('\n     ')}`);
  }
}

async function shot(page, name, options = {}) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true, ...options });
}

const count = (page, selector) => page.locator(selector).count();

// RFC 4180: fields in double quotes may hold commas, doubled quotes and line breaks; records end in CRLF.
function readCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  return records;
}
const text = async (page, selector) => (await page.innerText(selector)).replace(/\s+/g, ' ');

async function search(page, base, query) {
  await page.goto(`${base}/`);
  await page.fill('#q', query);
  await Promise.all([page.waitForURL(/\/search\?/), page.press('#q', 'Enter')]);
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const db = path.join(work, 'index');
  execFileSync(path.join(bin, 'indexer'), ['--db', db, corpus], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = await startServer(db);
  console.log(`server at ${base}, screenshots in ${artifacts}`);

  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 }, locale: 'ru-RU',
  });
  const outside = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  const dialogs = [];
  const page = await context.newPage();
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  await step('the home page offers a search box and the query syntax help', async () => {
    await page.goto(`${base}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.ok(await page.locator('#help').isVisible());
    assert.match(await page.locator('#help').innerText(), /speaker:/);
    await shot(page, '01-home');
  });

  await step('"/" focuses the search box, and a typed query shows highlighted results', async () => {
    await page.goto(`${base}/`);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.type('Казакбаев Лавров');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press('Enter')]);
    assert.equal(await page.inputValue('#q'), 'Казакбаев Лавров', 'the box keeps the query');
    assert.ok(await count(page, '#results li') >= 1);
    const marked = await page.locator('#results li mark').allInnerTexts();
    assert.ok(marked.some((w) => /^Казакбаев/i.test(w)), `Казакбаев is highlighted: ${marked}`);
    assert.ok(marked.some((w) => /^Лавров/i.test(w)), `Лавров is highlighted: ${marked}`);
    assert.match(await page.innerText('#summary'), /Найдено: \d+ стат\S* за [\d.]+ мс/);
    await shot(page, 'results-kazakbaev-lavrov');
  });

  await step('pagination leads to the next page of other results and back', async () => {
    await search(page, base, 'Россия');
    const first = await page.locator('#results h2').allInnerTexts();
    assert.equal(first.length, 10);
    await Promise.all([page.waitForURL(/offset=10/), page.click('nav.pages a[rel=next]')]);
    assert.equal(await page.innerText('nav.pages .current'), '2');
    const second = await page.locator('#results h2').allInnerTexts();
    assert.ok(second.length > 0 && second.every((t) => !first.includes(t)), 'page 2 shows other articles');
    assert.equal(await page.inputValue('#q'), 'Россия');
    await shot(page, '03-results-page-2');
    await Promise.all([page.waitForURL((url) => !url.search.includes('offset')), page.click('nav.pages a[rel=prev]')]);
    assert.deepEqual(await page.locator('#results h2').allInnerTexts(), first);
  });

  await step('an article opens with every match highlighted, a jump to the first and a citation to copy', async () => {
    await search(page, base, 'Казакбаев Лавров');
    const title = await page.locator('#results h2 a').first().innerText();
    await Promise.all([page.waitForURL(/\/doc\//), page.locator('#results h2 a').first().click()]);
    assert.equal(await page.locator('article h1').innerText(), title);
    assert.ok(await count(page, 'article .text mark') >= 2, 'matches in the text are highlighted');
    await page.click('#jump');
    assert.ok(page.url().endsWith('#first-match'));
    assert.ok(await page.locator('#first-match').isVisible());
    const citation = await page.inputValue('#citation-text');
    assert.ok(citation.includes(title), `the citation names the article: ${citation}`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.click('#copy-citation');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent === 'Скопировано');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);
    await shot(page, '04-article', { fullPage: false });
    await Promise.all([page.waitForURL(/\/search\?/), page.click('#back')]);
    assert.equal(await page.inputValue('#q'), 'Казакбаев Лавров');
  });

  await step('an article lists its quotations with their speakers, and a speaker leads to articles quoting them', async () => {
    await search(page, base, 'Казакбаев Лавров');
    await Promise.all([page.waitForURL(/\/doc\//), page.locator('#results h2 a').first().click()]);
    const speakers = await page.locator('#quotes .speaker').allInnerTexts();
    assert.ok(speakers.some((s) => /Лавров/.test(s)), `Лавров among the speakers: ${speakers}`);
    await Promise.all([page.waitForURL(/speaker/), page.locator('#quotes .speaker', { hasText: 'Лавров' }).first().click()]);
    assert.ok(await count(page, '#results li') >= 1, 'articles quoting the speaker');
  });

  await step('the Цитаты tab finds who said the words, with a citation line, and a speaker lists all their quotations', async () => {
    await search(page, base, 'интеграционные процессы');
    await Promise.all([page.waitForURL(/view=quotes/), page.click('#quotes-view')]);
    const first = page.locator('#quote-results li.quote').first();
    assert.match(await first.locator('q').innerText(), /интеграционные процессы/i);
    assert.match(await first.locator('.speaker').innerText(), /Сергей Лавров/);
    assert.match(await first.locator('.citation textarea').inputValue(), /^«.+» — Сергей Лавров/);
    await page.screenshot({ path: path.join(artifacts, 'quotes-view.png'), fullPage: true });
    await Promise.all([page.waitForURL(/speaker=/), first.locator('.speaker').click()]);
    const speakers = await page.locator('#quote-results .speaker').allInnerTexts();
    assert.ok(speakers.length >= 1 && speakers.every((s) => /Лавров/.test(s)), `only Лавров's quotations: ${speakers}`);
  });

  await step('a source filter narrows the results to that source, with its count, and can be removed', async () => {
    await search(page, base, 'Россия');
    const totalBefore = Number((await page.innerText('#summary')).match(/Найдено: (\d+)/)[1]);
    const link = page.locator('#facet-source li a').nth(1);
    const source = (await link.innerText()).trim();
    const facetCount = Number(await page.locator('#facet-source li .count').nth(1).innerText());
    assert.ok(facetCount > 0 && facetCount < totalBefore);
    await Promise.all([page.waitForURL(/source=/), link.click()]);
    const total = Number((await page.innerText('#summary')).match(/Найдено: (\d+)/)[1]);
    assert.equal(total, facetCount, 'the facet count says how many results the filter leaves');
    const sources = await page.locator('#results .meta .source').allInnerTexts();
    assert.equal(sources.length, await count(page, '#results li'));
    assert.ok(sources.every((s) => s === source), `every result is from ${source}: ${sources}`);
    assert.match(await text(page, '#active-filters'), new RegExp(`Источник: ${source}`));
    assert.equal(await page.inputValue('#q'), 'Россия', 'the box keeps only the typed words');
    await shot(page, '05-filtered-by-source');
    await Promise.all([page.waitForURL((url) => !url.search.includes('source=')), page.click('#active-filters a')]);
    assert.equal(Number((await page.innerText('#summary')).match(/Найдено: (\d+)/)[1]), totalBefore);
  });

  await step('a date range from the period form keeps only articles of those dates', async () => {
    await search(page, base, 'Россия');
    await page.fill('#from', '2021-05-01');
    await page.fill('#to', '2021-05-31');
    await Promise.all([page.waitForURL(/from=2021-05-01/), page.click('form.dates button')]);
    const dates = await page.locator('#results .meta time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    assert.ok(dates.length >= 1 && dates.length === await count(page, '#results li'), `dated results: ${dates}`);
    assert.ok(dates.every((d) => d >= '2021-05-01' && d <= '2021-05-31'), `dates in May 2021: ${dates}`);
    assert.match(await text(page, '#active-filters'), /Дата: 2021-05-01 — 2021-05-31/);
  });

  await step('"did you mean" corrects a misspelt surname and leads to its articles', async () => {
    await search(page, base, 'Казакбаеф');
    const suggestion = page.locator('#suggestion');
    assert.match(await suggestion.innerText(), /казакбаев/i);
    await shot(page, '06-did-you-mean');
    await Promise.all([page.waitForURL(/q=/), suggestion.click()]);
    assert.match(await page.inputValue('#q'), /казакбаев/i);
    assert.ok(await count(page, '#results li mark') >= 1);
  });

  await step('markup typed into the query is shown as text, never run', async () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)> Лавров';
    await search(page, base, hostile);
    assert.equal(await page.inputValue('#q'), hostile);
    assert.equal(await count(page, 'img[src=x]'), 0);
    assert.ok((await page.title()).includes('<script>'));
    assert.deepEqual(dialogs, []);
  });

  await step('on a phone-width screen the results fit without sideways scrolling', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}/search?q=${encodeURIComponent('Казакбаев Лавров')}`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.ok(await phone.locator('#results li').first().isVisible());
    await shot(phone, '07-phone-results');
    await phone.goto(`${base}/search?q=${encodeURIComponent('Россия')}`);
    await shot(phone, '08-phone-results-filters', { fullPage: false });
    await phone.close();
  });

  await step('without JavaScript the search form and the results still work', async () => {
    const noScript = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    try {
      const plain = await noScript.newPage({ javaScriptEnabled: false });
      await plain.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
      await plain.goto(`${base}/`);
      await plain.fill('#q', 'Лавров');
      await Promise.all([plain.waitForURL(/\/search\?q=/), plain.click('form.search button')]);
      assert.ok(await plain.locator('#results li mark').count() >= 1);
      await Promise.all([plain.waitForURL(/\/doc\//), plain.locator('#results h2 a').first().click()]);
      assert.ok(await plain.locator('#citation-text').count() === 1);
      assert.ok(await plain.locator('#copy-citation').isHidden(), 'the copy button needs JavaScript, so it stays hidden');
      await plain.goBack();
      assert.ok(await plain.locator('#copy-link').isVisible(), 'the link to the search is a plain link');
      assert.ok(await plain.locator('#copy-link-button').isHidden(), 'its copy button needs JavaScript');
    } finally {
      await noScript.close();
    }
  });

  await step('«Скачать CSV» downloads every result of the search, one row per result, as a CSV reader reads it', async () => {
    await search(page, base, 'Россия');
    const total = Number((await page.innerText('#summary')).match(/Найдено: (\d+)/)[1]);
    const href = await page.getAttribute('#export-csv', 'href');
    assert.match(href, /^\/api\/export\?q=.+&format=csv$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    assert.equal(download.suggestedFilename(), 'newsearch-hits.csv');
    const records = readCsv(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(records[0], ['id', 'date', 'source', 'title', 'url', 'snippet', 'speaker']);
    assert.equal(records.length - 1, total, 'a row for every result the page counts');
    const shown = await page.locator('#results h2').allInnerTexts();
    assert.deepEqual(records.slice(1, 1 + shown.length).map((r) => r[3] || r[0]), shown, 'in the order of the page');
  });

  await step('«Скопировать ссылку» copies a link that reproduces the search: words, filter, order and page', async () => {
    await search(page, base, 'Россия');
    await Promise.all([page.waitForURL(/sort=date/), page.click('#sort-date')]);
    await Promise.all([page.waitForURL(/offset=10/), page.click('nav.pages a[rel=next]')]);
    const shown = await page.locator('#results h2').allInnerTexts();
    const link = await page.locator('#copy-link').evaluate((a) => a.href);
    assert.match(link, /sort=date/);
    assert.match(link, /offset=10/);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.click('#copy-link-button');
    await page.waitForFunction(() => document.getElementById('copy-link-status').textContent === 'Ссылка скопирована');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    const other = await context.newPage();
    await other.goto(link);
    assert.deepEqual(await other.locator('#results h2').allInnerTexts(), shown, 'the same results on the same page');
    assert.equal(await other.inputValue('#q'), 'Россия');
    await shot(other, '09-copied-link');
    await other.close();
  });

  await step('each highlighted word says why it matched in a tooltip, and guesses look different', async () => {
    await search(page, base, 'Лаврова');
    const form = page.locator('#results mark.match-name, #results mark.match-form').first();
    assert.ok(await form.count() === 1, 'a case form of the name is marked as such');
    assert.match(await form.getAttribute('title'), /лаврова/);
    await form.hover();
    await search(page, base, 'Lavrov');
    const latin = page.locator('#results mark.match-latin').first();
    assert.ok(await latin.count() === 1, 'a Latin spelling is marked as such');
    assert.match(await latin.getAttribute('class'), /match-guess/);
    const line = await latin.evaluate((m) => getComputedStyle(m).textDecorationStyle);
    assert.equal(line, 'dotted', 'a guess is underlined with dots');
    await search(page, base, 'Лавров');
    assert.ok(await page.locator('#results mark').count() >= 1);
    assert.ok(await page.locator('#results mark.match-guess').count() === 0, 'the word as typed is no guess');
    await shot(page, '10-match-tooltips');
  });

  await step('a person page shows their articles per month as a chart, their quotations and the people beside them', async () => {
    await page.goto(`${base}/person/${encodeURIComponent('Лаврова')}`);
    assert.match(await page.innerText('#person'), /Лавров/);
    // corpus/ has few dated articles: the page draws a bar for each month the API counts.
    const person = await (await page.request.get(`${base}/api/people/${encodeURIComponent('Лаврова')}`)).json();
    assert.equal(await page.locator('#months svg rect').count(), person.months.length, 'a bar per month');
    assert.match(await page.innerText('p.summary'), new RegExp(`${person.articles} стат`));
    assert.ok(await page.locator('#quotations li').count() >= 1, 'the quotations attributed to him');
    const search = page.locator('p.summary a').first();
    await Promise.all([page.waitForURL(/\/search\?q=/), search.click()]);
    assert.ok(await page.locator('#results li').count() >= 1);
    await page.goBack();
    await shot(page, '11-person');
  });

  await step('the pages loaded nothing from outside and raised no script errors', async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(pageErrors, []);
  });

  const failed = results.filter((r) => !r.ok);
  console.log(`browser: ${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`browser: ${error.stack ?? error}`);
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
