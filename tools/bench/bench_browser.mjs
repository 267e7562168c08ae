// Benchmark (not a test): in headless Chromium, times the app's own load and save paths on one
// ledger file — kpl.openText(text) and kpl.saveText() (docs/browser-contract.md) — next to
// JSON.parse(text) and JSON.stringify(obj, null, 2) of the same bytes in the same page and run.
// Also records how long the app's frames take (a wrapped requestAnimationFrame) right after the
// open, after one edit of one project's name typed into the editor (edit_frames.mjs), and while the
// mouse wheel scrolls the projects table (screenshot after the scrolling: build/bench/browser-scrolled.png).
//
//   node tools/bench/bench_browser.mjs FILE [RUNS]    prints one JSON object
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot, startServer, launchBrowser, openPage, loadApp } from '../../tests/e2e/harness.mjs';
import { timeOneEdit } from './edit_frames.mjs';

const [file, runsArg] = process.argv.slice(2);
if (!file) {
    console.error('usage: node tools/bench/bench_browser.mjs FILE [RUNS]');
    process.exit(2);
}
const runs = Math.max(1, Number(runsArg) || 5);
const bytes = readFileSync(file);

// Times every requestAnimationFrame callback (the app's frame function runs inside one).
function frameTimer() {
    const original = window.requestAnimationFrame.bind(window);
    window.__kplFrameMs = [];
    window.requestAnimationFrame = (cb) => original((ts) => {
        const t0 = performance.now();
        try { cb(ts); } finally { window.__kplFrameMs.push(performance.now() - t0); }
    });
}

const median = (v) => {
    const s = [...v].sort((a, b) => a - b), n = s.length;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

const server = await startServer();
const browser = await launchBrowser();
let result;
try {
    // Without the service worker: it would answer the bench file's fetch before page.route could.
    const { page, problems } = await openPage(browser, { viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await page.addInitScript(frameTimer);
    const benchUrl = `${server.url}__bench__/${basename(file)}`;
    await page.route(benchUrl, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: bytes }));
    await loadApp(page, server.url);

    // WebAssembly memory only grows: its size after the runs is the peak the runs needed.
    const wasmBytes = () => page.evaluate(() => (window.Module && Module.HEAP8 ? Module.HEAP8.buffer.byteLength : null));
    const wasmBytesAtStart = await wasmBytes();

    result = await page.evaluate(async ({ benchUrl, runs, name }) => {
        const text = await (await fetch(benchUrl)).text();
        const kpl = window.kpl;
        const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
        // Waits until the app has drawn a frame after `before` (its frame_count moved).
        const frameAfter = async (before) => {
            const t0 = performance.now();
            while (kpl.state().frame_count === before) {
                if (performance.now() - t0 > 20000) throw new Error('no frame drawn within 20 s of openText');
                await nextFrame();
            }
        };
        const out = { open_ms: [], save_ms: [], json_parse_ms: [], json_stringify_ms: [], first_frame_ms: [] };

        // Untimed warm-up round: checks the file loads and lets the JIT and allocator settle.
        const warmFrames = kpl.state().frame_count;
        let r = kpl.openText(text, name);
        if (!r.ok) return { error: `openText failed: ${r.errors.slice(0, 5).join('; ')}` };
        await frameAfter(warmFrames);
        const saved = kpl.saveText();
        out.save_identical = saved === text;
        out.saved_chars = saved.length;
        JSON.stringify(JSON.parse(text), null, 2);

        for (let i = 0; i < runs; i++) {
            const frames = kpl.state().frame_count;
            let t0 = performance.now();
            r = kpl.openText(text, name);
            out.open_ms.push(performance.now() - t0);
            if (!r.ok) return { error: `openText failed on run ${i}` };
            // The frame that shows the newly opened ledger (font glyphs, table): its own cost only.
            const mark = window.__kplFrameMs.length;
            await frameAfter(frames);
            out.first_frame_ms.push(Math.max(...window.__kplFrameMs.slice(mark)));

            t0 = performance.now();
            const s = kpl.saveText();
            out.save_ms.push(performance.now() - t0);
            if (s.length !== saved.length) return { error: `saveText gave ${s.length} chars, first save ${saved.length}` };

            t0 = performance.now();
            const obj = JSON.parse(text);
            out.json_parse_ms.push(performance.now() - t0);

            t0 = performance.now();
            const str = JSON.stringify(obj, null, 2);
            out.json_stringify_ms.push(performance.now() - t0);
            if (!str.length) return { error: 'empty stringify' };
            await nextFrame();
        }
        const st = kpl.state();
        out.project_count = st.project_count;
        out.row_count = st.row_count;
        out.text_chars = text.length;
        return out;
    }, { benchUrl, runs, name: basename(file) });
    if (result.error) throw new Error(result.error);

    // Scrolling the big table: frame times while the wheel turns over the middle of the page.
    await page.mouse.move(640, 400);
    await page.evaluate(() => { window.__kplFrameMs.length = 0; });
    for (let i = 0; i < 40; i++) {
        await page.mouse.wheel(0, 240);
        await page.waitForTimeout(25);
    }
    await page.waitForTimeout(300);
    const scroll = await page.evaluate(() => window.__kplFrameMs.slice());
    mkdirSync(join(repoRoot, 'build', 'bench'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'build', 'bench', 'browser-scrolled.png') });
    result.scroll_frames = scroll.length;
    result.scroll_frame_ms_median = scroll.length ? median(scroll) : null;
    result.scroll_frame_ms_max = scroll.length ? Math.max(...scroll) : null;

    // One edit of one project (its name, typed into the editor), several times: the frame that
    // applies it and shows it. After the scrolling, which the editor panel would narrow.
    result.edit_frame_ms = [];
    for (let i = 0; i < runs; i++)
        result.edit_frame_ms.push(await timeOneEdit(page, i));

    result.wasm_memory_bytes_demo = wasmBytesAtStart;
    result.wasm_memory_bytes_peak = await wasmBytes();
    result.file = file;
    result.file_bytes = bytes.length;
    result.runs = runs;
    result.chromium = browser.version();
    result.user_agent = await page.evaluate(() => navigator.userAgent);
    for (const k of ['open_ms', 'save_ms', 'json_parse_ms', 'json_stringify_ms', 'first_frame_ms', 'edit_frame_ms'])
        result[`median_${k}`] = median(result[k]);
    result.console_problems = problems.slice();
} finally {
    await browser.close().catch(() => {});
    await server.stop();
}
console.log(JSON.stringify(result, null, 2));
