// Shared by the browser tests (tests/e2e/run.mjs) and the browser benchmark (tools/bench/):
// start the project's own serve.py on a free 127.0.0.1 port, launch Debian's Chromium through
// playwright-core, and open pages that record every console error and page error.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CHROMIUM_PATH = process.env.KPL_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
    '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Starts `python3 serve.py --port 0` (it binds 127.0.0.1, picks a free port and prints
// "Serving ... at http://127.0.0.1:PORT/") and waits until the page answers. KPL_WEB_DIR serves
// another build folder. Returns {url, port, stop(), log()}.
export async function startServer({ timeoutMs = 20000 } = {}) {
    const script = join(repoRoot, 'serve.py');
    if (!existsSync(script)) throw new Error(`serve.py not found at ${script}`);
    const args = [script, '--host', '127.0.0.1', '--port', '0', '--quiet'];
    if (process.env.KPL_WEB_DIR) args.push('--dir', process.env.KPL_WEB_DIR);
    const child = spawn('python3', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let url = null;
    child.stdout.on('data', (d) => {
        output += d;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
        if (m && !url) url = m[0];
    });
    child.stderr.on('data', (d) => { output += d; });
    let exited = null;
    child.on('exit', (code, signal) => { exited = { code, signal }; });
    const stop = async () => {
        if (exited) return;
        child.kill('SIGTERM');
        for (let i = 0; i < 40 && !exited; i++) await sleep(50);
        if (!exited) child.kill('SIGKILL');
    };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (exited) throw new Error(`serve.py exited (${JSON.stringify(exited)}) before answering:\n${output.trim()}`);
        if (url) {
            try {
                const res = await fetch(url);
                await res.arrayBuffer();
                if (res.ok) break;
            } catch { /* not up yet */ }
        }
        if (Date.now() > deadline) {
            await stop();
            throw new Error(`serve.py did not answer within ${timeoutMs} ms:\n${output.trim()}`);
        }
        await sleep(100);
    }
    return { url, port: Number(new URL(url).port), stop, log: () => output };
}

export async function launchBrowser(extraArgs = []) {
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

// A fresh context and page. Every console error, page error and failed request is recorded in
// `problems`; tests fail when it is not empty.
// `serviceWorkers: 'block'` keeps the app's service worker out (its fetches bypass page.route).
export async function openPage(browser, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
                                          serviceWorkers = 'allow' } = {}) {
    const context = await browser.newContext({ viewport, deviceScaleFactor, acceptDownloads: true, serviceWorkers });
    const page = await context.newPage();
    // File chooser interception is switched on asynchronously when the first listener is added; a
    // listener from the start makes sure a Ctrl+O pressed right after waitForEvent is caught.
    page.on('filechooser', () => {});
    const problems = [];
    page.on('console', (msg) => {
        if (msg.type() === 'error') {
            const loc = msg.location();
            problems.push(`console error: ${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
        }
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.stack || err.message || err}`));
    page.on('requestfailed', (req) => {
        const failure = req.failure();
        // Downloads are cancelled navigations from the page's point of view; not a failure.
        if (failure && /ERR_ABORTED/.test(failure.errorText) && req.url().startsWith('blob:')) return;
        problems.push(`request failed: ${req.url()} (${failure ? failure.errorText : '?'})`);
    });
    page.on('response', (res) => {
        if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    return { context, page, problems };
}

// Navigates and waits until the app says it has drawn its first frame with the demo ledger.
// A page error (e.g. an abort while starting) ends the wait at once.
export async function loadApp(page, url, { timeoutMs = 30000 } = {}) {
    await page.goto(url, { waitUntil: 'load' });
    let onError;
    const failed = new Promise((_, reject) => {
        onError = (err) => reject(new Error(`page error while starting: ${err.message || err}`));
        page.on('pageerror', onError);
    });
    try {
        await Promise.race([
            page.waitForFunction(() => window.kpl && window.kpl.ready === true, null, { timeout: timeoutMs }),
            failed,
        ]);
    } finally {
        page.off('pageerror', onError);
        failed.catch(() => {});
    }
}

export const state = (page) => page.evaluate(() => window.kpl.state());

// Where a named widget was drawn (kpl.state().marks, from the views), once it stands at the same
// place in two readings (a popup's first frame is laid out before it is placed); null when it is
// not drawn within about 6 s.
export async function waitForMark(page, name) {
    let last = null;
    for (let i = 0; i < 100; i++) {
        const marks = (await state(page)).marks || {};
        const r = marks[name] && marks[name][2] > 0 ? marks[name] : null;
        if (r && last && r.every((v, k) => v === last[k])) return r;
        last = r;
        await new Promise((resolve) => setTimeout(resolve, 60));
    }
    return null;
}

// Clicking named widgets (kpl.state().marks), one implementation for every test file:
//   markRect(page, name)  the widget's [x, y, w, h] once drawn; throws (listing the marks of its area)
//                         when it is not drawn;
//   scrollIntoView        wheels the panel under the widget until it is on screen;
//   clickMark(page, name, { double })  rests the mouse on the widget first (hover states), then
//                         clicks or double-clicks its middle.
// `scroll`: clickMark scrolls a widget into view first (forms and tables taller than the window).
export function markHelpers({ scroll = false } = {}) {
    async function markRect(page, name) {
        const rect = await waitForMark(page, name);
        if (!rect) {
            const area = name.split('.')[0];
            const near = Object.keys((await state(page)).marks || {}).filter((m) => m.startsWith(area));
            throw new Error(`widget "${name}" was not drawn; marks of "${area}": ${near.join(' ')}`);
        }
        return rect;
    }
    async function scrollIntoView(page, name) {
        const height = page.viewportSize().height;
        for (let i = 0; i < 30; i++) {
            const r = await markRect(page, name);
            if (r[1] >= 0 && r[1] + r[3] <= height - 40) return;
            await page.mouse.move(r[0] + 4, height / 2);
            await page.mouse.wheel(0, r[1] > height ? 300 : -300);
            await new Promise((resolve) => setTimeout(resolve, 150));
        }
    }
    async function clickMark(page, name, { double = false } = {}) {
        if (scroll) await scrollIntoView(page, name);
        const r = await markRect(page, name);
        const x = r[0] + r[2] / 2, y = r[1] + r[3] / 2;
        await page.mouse.move(x, y);
        await new Promise((resolve) => setTimeout(resolve, 60));
        if (double) await page.mouse.dblclick(x, y);
        else await page.mouse.click(x, y);
        await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return { markRect, scrollIntoView, clickMark };
}
