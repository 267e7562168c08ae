// Browser end-to-end tests (issue 2, section 8): the app as a user sees it, in Debian's Chromium
// driven by playwright-core. Starts serve.py on a free 127.0.0.1 port; every test gets a fresh
// browser context and page and fails on any console error, page error or failed request.
//
//   node tests/e2e/run.mjs            run every test
//   node tests/e2e/run.mjs idle save  run the tests whose name contains "idle" or "save"
//
// Needs the web build (served from build/web/site; KPL_WEB_DIR serves another folder) and, for the
// canonical-bytes check, the native ledgertool (build/native/src/cli/ledgertool, or KPL_LEDGERTOOL).
// Screenshots and the files the tests wrote go to test-results/. Prints one line per test and
// "N passed, M failed"; exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startServer, launchBrowser, openPage, loadApp, state, waitForMark } from './harness.mjs';
import { assertNotBlank } from './png.mjs';
import { registerWorkspacePlatformTests } from './workspace_platform.mjs';
import { registerWorkspaceEditingTests } from './workspace_editing.mjs';
import { registerReportsTests } from './reports.mjs';
import { registerDashboardTests } from './dashboard.mjs';
import { registerSheetsTests } from './sheets.mjs';
import { registerGanttTests } from './gantt.mjs';
import { registerSharingTests } from './sharing.mjs';
import { registerInputTests } from './input.mjs';

const resultsDir = join(repoRoot, 'test-results');
const fixturesDir = join(repoRoot, 'tests', 'e2e', 'fixtures');
const smallLedgerPath = join(fixturesDir, 'small-ledger.json');
const ledgertool = process.env.KPL_LEDGERTOOL || join(repoRoot, 'build', 'native', 'src', 'cli', 'ledgertool');
const TEST_TIMEOUT_MS = 60000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function assert(cond, message) {
    if (!cond) throw new Error(message);
}

function assertEqual(actual, expected, what) {
    if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// Where two byte strings first differ, with a little context, for a readable failure.
function describeDifference(actual, expected) {
    const n = Math.min(actual.length, expected.length);
    let i = 0;
    while (i < n && actual[i] === expected[i]) i++;
    const line = expected.subarray(0, i).toString('utf8').split('\n').length;
    const ctx = (b) => JSON.stringify(b.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
    return `sizes ${actual.length} vs expected ${expected.length}; first difference at byte ${i} (line ${line}):\n` +
        `      got      ${ctx(actual)}\n      expected ${ctx(expected)}`;
}

// The canonical bytes of a ledger file, as the native core writes them (`ledgertool format FILE`).
// Returns null when the tool is not built (the check is then skipped with a note).
function canonicalBytes(file) {
    if (!existsSync(ledgertool)) return null;
    try {
        return execFileSync(ledgertool, ['format', file], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
        throw new Error(`ledgertool format ${file} failed (exit ${err.status}): ${err.stderr}`);
    }
}

// A broken ledger made from the small fixture, so the two never drift apart: three independent
// errors (a string where a number belongs, an impossible date, a duplicate project ID).
function makeBrokenLedger() {
    const ledger = JSON.parse(readFileSync(smallLedgerPath, 'utf8'));
    ledger.projects[0].plan_wan = '一千二百';
    ledger.projects[1].planned_completion = '2016-02-30';
    ledger.projects[3].id = ledger.projects[2].id;
    const file = join(resultsDir, 'broken-ledger.json');
    writeFileSync(file, JSON.stringify(ledger, null, 2) + '\n');
    return file;
}

async function screenshot(page, name) {
    const file = join(resultsDir, name);
    const png = await page.screenshot({ path: file });
    return { file, png };
}

// Puts keyboard focus on the canvas the way a user would: a click on an empty part of the menu
// bar (the canvas is focusable, tabindex -1).
async function focusApp(page) {
    const vp = page.viewportSize();
    await page.mouse.click(Math.round(vp.width * 0.8), 6);
    await sleep(100);
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    if (focused !== 'canvas') await page.focus('#canvas');
}

// Opens `file` through the real file chooser: Ctrl+O in the app clicks #file-input.
async function openThroughChooser(page, file) {
    await focusApp(page);
    const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 10000 }),
        page.keyboard.press('Control+o'),
    ]);
    await chooser.setFiles(file);
}

async function waitForState(page, predicateSource, arg, what, timeout = 15000) {
    try {
        await page.waitForFunction(predicateSource, arg, { timeout, polling: 50 });
    } catch {
        throw new Error(`timed out waiting for ${what}; state is ${JSON.stringify(await state(page))}`);
    }
}

async function saveThroughDownload(page) {
    await focusApp(page);
    const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 10000 }),
        page.keyboard.press('Control+s'),
    ]);
    const failure = await download.failure();
    assert(!failure, `download failed: ${failure}`);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

// Polls frame_count until it has not moved for `quietMs`; returns the settled count or throws.
async function waitForIdle(page, { quietMs = 1500, maxMs = 8000 } = {}) {
    const start = Date.now();
    let last = (await state(page)).frame_count, lastChange = Date.now();
    for (;;) {
        await sleep(100);
        const now = (await state(page)).frame_count;
        if (now !== last) { last = now; lastChange = Date.now(); }
        if (Date.now() - lastChange >= quietMs) return last;
        if (Date.now() - start > maxMs)
            throw new Error(`still rendering after ${maxMs} ms without input (frame_count ${last})`);
    }
}

async function canvasGeometry(page) {
    return page.evaluate(() => {
        const c = document.getElementById('canvas');
        const r = c.getBoundingClientRect();
        return { x: r.x, y: r.y, cssWidth: r.width, cssHeight: r.height, width: c.width, height: c.height,
                 innerWidth: window.innerWidth, innerHeight: window.innerHeight, dpr: window.devicePixelRatio };
    });
}

function assertCanvasFills(g, what) {
    assert(g.x === 0 && g.y === 0 && Math.abs(g.cssWidth - g.innerWidth) <= 1 && Math.abs(g.cssHeight - g.innerHeight) <= 1,
        `${what}: canvas does not fill the window: ${JSON.stringify(g)}`);
    assert(Math.abs(g.width - Math.round(g.cssWidth * g.dpr)) <= 1 && Math.abs(g.height - Math.round(g.cssHeight * g.dpr)) <= 1,
        `${what}: canvas backing store is not CSS size x devicePixelRatio: ${JSON.stringify(g)}`);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---------------------------------------------------------------------------------------------
test('a. demo ledger loads: title, 153 rows, screenshot not blank (DPR 1 and 2)', async (t) => {
    for (const dpr of [1, 2]) {
        const page = await t.newPage({ deviceScaleFactor: dpr });
        await loadApp(page, t.url);
        const s = await state(page);
        assert(typeof s.title === 'string' && s.title.includes('株洲'), `DPR ${dpr}: title ${JSON.stringify(s.title)} lacks 株洲`);
        assertEqual(s.project_count, 153, `DPR ${dpr}: project_count`);
        assertEqual(s.row_count, 153, `DPR ${dpr}: row_count`);
        assertEqual(s.error_dialog_open, false, `DPR ${dpr}: error_dialog_open`);
        assertEqual(s.dirty, false, `DPR ${dpr}: dirty`);
        assert(Array.isArray(s.errors) && s.errors.length === 0, `DPR ${dpr}: errors ${JSON.stringify(s.errors)}`);
        assertCanvasFills(await canvasGeometry(page), `DPR ${dpr}`);
        await sleep(300);
        const shot = await screenshot(page, `a-demo-dpr${dpr}.png`);
        const stats = assertNotBlank(shot.png, shot.file);
        assertEqual(stats.width, 1280 * dpr, `DPR ${dpr}: screenshot width`);
    }
});

test('b. Ctrl+O opens a ledger through the file chooser', async (t) => {
    const page = await t.newPage();
    await loadApp(page, t.url);
    const before = await state(page);
    const fixture = JSON.parse(readFileSync(smallLedgerPath, 'utf8'));
    await openThroughChooser(page, smallLedgerPath);
    await waitForState(page, (title) => window.kpl.state().title === title, fixture.meta.title, `title ${fixture.meta.title}`);
    const s = await state(page);
    assert(s.title !== before.title, 'title did not change');
    assertEqual(s.project_count, fixture.projects.length, 'project_count');
    assertEqual(s.row_count, fixture.projects.length, 'row_count');
    assertEqual(s.file_name, 'small-ledger.json', 'file_name');
    assertEqual(s.error_dialog_open, false, 'error_dialog_open');
    assertEqual(s.dirty, false, 'dirty');
    await sleep(300);
    const shot = await screenshot(page, 'b-small-ledger.png');
    assertNotBlank(shot.png, shot.file, { minBandsWithContent: 1 });
});

test('c. Ctrl+S downloads the canonical bytes (demo ledger and an opened file)', async (t) => {
    const page = await t.newPage();
    await loadApp(page, t.url);

    // The demo ledger as opened: the download is what the native core writes for the same file.
    const demoCanonical = canonicalBytes(join(repoRoot, 'assets', 'demo-ledger.json'));
    const demo = await saveThroughDownload(page);
    writeFileSync(join(resultsDir, 'c-demo-download.json'), demo.bytes);
    assert(demo.name.endsWith('.json'), `download name ${demo.name} does not end in .json`);
    if (demoCanonical) assert(demo.bytes.equals(demoCanonical), `demo download differs from ledgertool format: ${describeDifference(demo.bytes, demoCanonical)}`);
    else t.note('ledgertool format not available: demo download not compared');

    // A file the app wrote: saving it again gives the very same bytes.
    const fixtureBytes = readFileSync(smallLedgerPath);
    const fixture = JSON.parse(fixtureBytes.toString('utf8'));
    const smallCanonical = canonicalBytes(smallLedgerPath);
    if (smallCanonical) assert(smallCanonical.equals(fixtureBytes),
        `fixture is no longer canonical (regenerate it, see tests/e2e/fixtures/README.md): ${describeDifference(smallCanonical, fixtureBytes)}`);
    await openThroughChooser(page, smallLedgerPath);
    await waitForState(page, (title) => window.kpl.state().title === title, fixture.meta.title, `title ${fixture.meta.title}`);
    const small = await saveThroughDownload(page);
    writeFileSync(join(resultsDir, 'c-small-download.json'), small.bytes);
    assertEqual(small.name, 'small-ledger.json', 'download name');
    assert(small.bytes.equals(fixtureBytes), `download differs from the opened file: ${describeDifference(small.bytes, fixtureBytes)}`);
    const s = await state(page);
    assertEqual(s.dirty, false, 'dirty after save');
});

test('d. a broken file shows the error dialog and keeps the open ledger', async (t) => {
    const page = await t.newPage();
    await loadApp(page, t.url);
    const before = await state(page);
    await sleep(300);
    const beforeShot = await page.screenshot();
    await openThroughChooser(page, makeBrokenLedger());
    await waitForState(page, () => window.kpl.state().error_dialog_open === true, null, 'the error dialog');
    const s = await state(page);
    const errs = s.errors.join('\n');
    assert(s.errors.length >= 3, `expected at least 3 errors, got ${s.errors.length}:\n${errs}`);
    for (const e of s.errors)
        assert(/[\u4e00-\u9fff]/.test(e) && /[a-z]{3}/.test(e), `error not in Chinese and English: ${e}`);
    // The duplicate ID may be reported at either of the two records.
    for (const paths of [['projects[0].plan_wan'], ['projects[1].planned_completion'], ['projects[3].id', 'projects[2].id']])
        assert(s.errors.some((e) => paths.some((p) => e.includes(p))), `no error mentions ${paths.join(' or ')}:\n${errs}`);
    assertEqual(s.title, before.title, 'title after failed open');
    assertEqual(s.project_count, before.project_count, 'project_count after failed open');
    assertEqual(s.row_count, before.row_count, 'row_count after failed open');
    assertEqual(s.file_name, before.file_name, 'file_name after failed open');
    assertEqual(s.dirty, before.dirty, 'dirty after failed open');
    await sleep(300);
    const shot = await screenshot(page, 'd-error-dialog.png');
    assertNotBlank(shot.png, shot.file);
    assert(!shot.png.equals(beforeShot), 'the screen did not change when the error dialog opened');
});

test('e. idle: no frames without input, frames again on mouse move', async (t) => {
    const page = await t.newPage();
    await loadApp(page, t.url);
    const settled = await waitForIdle(page);
    await sleep(1500);
    const still = (await state(page)).frame_count;
    assertEqual(still, settled, 'frame_count after 1.5 s more without input');
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320, { steps: 4 });
    await waitForState(page, (n) => window.kpl.state().frame_count > n, still, 'frames after a mouse move', 3000);
    const woke = (await state(page)).frame_count;
    t.note(`idle at frame ${still}, ${woke - still} frame(s) after the mouse move`);
    await waitForIdle(page);
});

test('f. resizing the window: the canvas follows', async (t) => {
    const page = await t.newPage({ viewport: { width: 1024, height: 700 } });
    await loadApp(page, t.url);
    assertCanvasFills(await canvasGeometry(page), '1024x700');
    for (const [w, h] of [[800, 600], [1300, 900]]) {
        const frames = (await state(page)).frame_count;
        await page.setViewportSize({ width: w, height: h });
        await waitForState(page, ([w, h, n]) => {
            const c = document.getElementById('canvas');
            return c.clientWidth === w && c.clientHeight === h && c.width === w && c.height === h &&
                window.kpl.state().frame_count > n;
        }, [w, h, frames], `canvas ${w}x${h} and a new frame`, 5000).catch(async (e) => {
            throw new Error(`${e.message}; canvas ${JSON.stringify(await canvasGeometry(page))}`);
        });
        assertCanvasFills(await canvasGeometry(page), `${w}x${h}`);
        await sleep(300);
        const shot = await screenshot(page, `f-resized-${w}x${h}.png`);
        const stats = assertNotBlank(shot.png, shot.file);
        assertEqual(`${stats.width}x${stats.height}`, `${w}x${h}`, 'screenshot size');
    }
});

test('g. dropping a file on the page opens it', async (t) => {
    const page = await t.newPage();
    await loadApp(page, t.url);
    const fixture = JSON.parse(readFileSync(smallLedgerPath, 'utf8'));
    // What the browser hands the page when a file from the desktop is dropped on it.
    const dataTransfer = await page.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped-ledger.json', { type: 'application/json' }));
        return dt;
    }, readFileSync(smallLedgerPath, 'utf8'));
    for (const type of ['dragenter', 'dragover', 'drop'])
        await page.dispatchEvent('#canvas', type, { dataTransfer });
    await waitForState(page, (title) => window.kpl.state().title === title, fixture.meta.title, `title ${fixture.meta.title}`);
    const s = await state(page);
    assertEqual(s.row_count, fixture.projects.length, 'row_count');
    assertEqual(s.file_name, 'dropped-ledger.json', 'file_name');
});

// Issue 3, platform side: input method, clipboard, shortcuts, autosave, offline (h–n).
registerWorkspacePlatformTests(test, {
    assert, assertEqual, focusApp, openThroughChooser, waitForState, screenshot, sleep, loadApp, state,
    repoRoot, smallLedgerPath, waitForMark,
});

// Issue 3, views and editing: editor, monthly report, problems board, undo, filter, language (o–s).
registerWorkspaceEditingTests(test, {
    assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp, state, waitForMark, repoRoot, ledgertool,
});

// Issue 4, reports: the bulletin's downloads, the assessment's qualitative scores (t, t2).
registerReportsTests(test, {
    assert, assertEqual, focusApp, openThroughChooser, waitForState, screenshot, sleep, loadApp, state, waitForMark,
    repoRoot, ledgertool, smallLedgerPath, assertNotBlank,
});

// Issue 4, dashboard: key figures and charts, a rate's drill-down and its chip, the S-curve tooltip (u, u2).
registerDashboardTests(test, {
    assert, assertEqual, waitForState, screenshot, sleep, loadApp, state, waitForMark, repoRoot, assertNotBlank,
});

// Issue 5, spreadsheets: GBK CSV import through the mapping dialog, .xlsx export (v).
registerSheetsTests(test, {
    assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp, state, waitForMark, repoRoot, assertNotBlank,
});

// Issue 4, the Gantt timeline: rows under the table's filter, zoom, drag, hover, double-click (w–w4).
registerGanttTests(test, {
    assert, assertEqual, waitForState, screenshot, sleep, loadApp, state, waitForMark, assertNotBlank,
});

// Issue 5, sharing: a package exported from one copy, imported into another, a conflict resolved (x).
registerSharingTests(test, {
    assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp, state, waitForMark, repoRoot, ledgertool,
});

// Input faster than frames (keys sent in one JS task), Ctrl+wheel on the timeline, a double-click
// on a timeline row (y–y3).
registerInputTests(test, {
    assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp, state, waitForMark,
});

// ---------------------------------------------------------------------------------------------
async function main() {
    const filters = process.argv.slice(2);
    const selected = filters.length ? tests.filter((t) => filters.some((f) => t.name.includes(f))) : tests;
    mkdirSync(resultsDir, { recursive: true });
    let passed = 0, failed = 0;
    const started = Date.now();

    let server = null, browser = null, setupError = null;
    try {
        server = await startServer();
        browser = await launchBrowser();
    } catch (err) {
        setupError = err;
    }

    for (const tc of selected) {
        const t0 = Date.now();
        const opened = [];
        const notes = [];
        let error = setupError;
        if (!error) {
            const ctx = {
                url: server.url,
                note: (s) => notes.push(s),
                newPage: async (opts) => {
                    const p = await openPage(browser, opts);
                    opened.push(p);
                    return p.page;
                },
            };
            let timer;
            try {
                await Promise.race([
                    tc.fn(ctx),
                    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS); }),
                ]);
            } catch (err) {
                error = err;
            } finally {
                clearTimeout(timer);
            }
            const problems = opened.flatMap((p) => p.problems);
            if (problems.length) {
                const msg = `${problems.length} console/page error(s):\n      ${problems.join('\n      ')}`;
                error = error ? new Error(`${error.message}\n    ${msg}`) : new Error(msg);
            }
            for (const p of opened) await p.context.close().catch(() => {});
        }
        const ms = Date.now() - t0;
        if (error) {
            failed++;
            console.log(`FAIL ${tc.name} (${ms} ms)\n    ${String(error.message || error).split('\n').join('\n    ')}`);
        } else {
            passed++;
            console.log(`ok   ${tc.name} (${ms} ms)`);
        }
        for (const n of notes) console.log(`     note: ${n}`);
    }

    if (browser) await browser.close().catch(() => {});
    if (server) {
        if (failed) console.log(`serve.py output:\n${server.log().trim().split('\n').slice(-20).join('\n')}`);
        await server.stop();
    }
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/)`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed || !selected.length ? 1 : 0;
}

await main();
