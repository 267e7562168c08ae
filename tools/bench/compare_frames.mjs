// Benchmark (not a test): frame times of several web builds in one run, taking turns, so machine
// load hits them alike. For each build, per round: kpl.openText of the ledger and the frame that
// shows it, then 30 wheel turns over the projects table (frames under 0.3 ms, idle ones, ignored),
// then three edits of one project's name through the editor (edit_frames.mjs), each one's longest frame.
// To compare with an older commit: `git worktree add /tmp/old <commit>`, build its web app there
// (-DKPL_IMGUI_DIR=... -DKPL_ZLIB_DIR=... pointing at this checkout's build/deps), then
//
//   node tools/bench/compare_frames.mjs LEDGER ROUNDS label=SITE_DIR label=SITE_DIR ...
//   e.g. node tools/bench/compare_frames.mjs build/bench/ledger-10000.json 5 old=/tmp/old/build/web/site new=build/web/site
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { startServer, launchBrowser, openPage, loadApp } from '../../tests/e2e/harness.mjs';
import { timeOneEdit } from './edit_frames.mjs';

const [file, roundsArg, ...specs] = process.argv.slice(2);
const rounds = Number(roundsArg) || 3;
const bytes = readFileSync(file);
const median = (v) => { const s = [...v].sort((a, b) => a - b), n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : null; };

function frameTimer() {
    const original = window.requestAnimationFrame.bind(window);
    window.__kplFrameMs = [];
    window.requestAnimationFrame = (cb) => original((ts) => {
        const t0 = performance.now();
        try { cb(ts); } finally { window.__kplFrameMs.push(performance.now() - t0); }
    });
}

const browser = await launchBrowser();
const sites = [];
for (const spec of specs) {
    const [label, dir] = spec.split('=');
    process.env.KPL_WEB_DIR = dir;
    const server = await startServer();
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await page.addInitScript(frameTimer);
    const benchUrl = `${server.url}__bench__/${basename(file)}`;
    await page.route(benchUrl, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: bytes }));
    await loadApp(page, server.url);
    await page.evaluate(async (u) => { window.__text = await (await fetch(u)).text(); }, benchUrl);
    sites.push({ label, server, page, first: [], scroll: [], appms: [], edit: [] });
}
try {
    for (let r = 0; r < rounds; r++) {
        for (const s of (r % 2 ? [...sites].reverse() : sites)) {
            const { page } = s;
            await page.bringToFront();
            const ff = await page.evaluate(async () => {
                const kpl = window.kpl;
                const nextFrame = () => new Promise((res) => requestAnimationFrame(() => res()));
                const before = kpl.state().frame_count;
                const ok = kpl.openText(window.__text, 'ledger-10000.json').ok;
                if (!ok) throw new Error('open failed');
                const mark = window.__kplFrameMs.length;
                while (kpl.state().frame_count === before) await nextFrame();
                const st = kpl.state();
                return { ms: Math.max(...window.__kplFrameMs.slice(mark)), app: st.frame_ms };
            });
            s.first.push(ff.ms);
            s.appms.push(ff.app);
            await page.mouse.move(640, 400);
            await page.evaluate(() => { window.__kplFrameMs.length = 0; });
            for (let i = 0; i < 30; i++) {
                await page.mouse.wheel(0, r % 2 ? -240 : 240);
                await page.waitForTimeout(25);
            }
            await page.waitForTimeout(200);
            const sc = await page.evaluate(() => window.__kplFrameMs.filter((x) => x > 0.3));
            s.scroll.push(...sc);
            const edits = [];
            for (let e = 0; e < 3; e++) edits.push(await timeOneEdit(page, `${r}.${e}`));
            s.edit.push(...edits);
            console.error(`${s.label} round ${r}: first ${ff.ms.toFixed(1)} (app ${ff.app?.toFixed?.(1)}), scroll median ${median(sc)?.toFixed(2)} (${sc.length}), edits ${edits.map((x) => x?.toFixed(1)).join(', ')}`);
        }
    }
    for (const s of sites)
        console.log(`${s.label}: first frame median ${median(s.first).toFixed(1)} ms [${s.first.map((x) => x.toFixed(0)).join(', ')}]; scroll median ${median(s.scroll).toFixed(2)} ms over ${s.scroll.length} frames, p90 ${[...s.scroll].sort((a, b) => a - b)[Math.floor(s.scroll.length * 0.9)]?.toFixed(2)}; ` +
            `frame after one edit median ${median(s.edit).toFixed(1)} ms [${s.edit.map((x) => x.toFixed(0)).join(', ')}]`);
} finally {
    await browser.close().catch(() => {});
    for (const s of sites) await s.server.stop();
}
