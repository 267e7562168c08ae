// Benchmark helper (not a test): times the frames that follow one real edit of one project, the way
// a user makes it — click a row of the projects table, 编辑, click the name field, select all, type a
// new name, Enter. The page must time its frames into window.__kplFrameMs (bench_browser.mjs's and
// compare_frames.mjs's frameTimer). Returns the longest frame from the Enter until the edit shows
// (the step that applied it, the derived data, the font book), in ms.
import { markHelpers } from '../../tests/e2e/harness.mjs';

const { clickMark } = markHelpers({ scroll: false });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(page, predicate, arg, what, timeoutMs = 30000) {
    const t0 = Date.now();
    while (!(await page.evaluate(predicate, arg))) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
        await sleep(30);
    }
}

// A project row drawn on screen (the table at its top after an open).
async function visibleProjectId(page) {
    const marks = await page.evaluate(() => window.kpl.state().marks || {});
    const height = page.viewportSize().height;
    const rows = Object.entries(marks).filter(([name, r]) => name.startsWith('project.') && r[1] > 0 && r[1] + r[3] < height - 40);
    if (!rows.length) throw new Error('no project row on screen');
    return rows[0][0].slice('project.'.length);
}

export async function timeOneEdit(page, round) {
    // The autosave of the previous open or edit would land as one long frame (about 1 s for 51 MiB):
    // let it finish first, so the frames timed are the edit's own.
    await waitFor(page, () => !(window.kpl.state().workspace || {}).pending, null, 'the autosave to settle');
    if (!(await page.evaluate(() => window.kpl.state().editor_open))) {
        const id = await visibleProjectId(page);
        await clickMark(page, `project.${id}`);
        await clickMark(page, 'button.edit_project');
        await waitFor(page, () => window.kpl.state().editor_open, null, 'the editor');
    }
    await clickMark(page, 'editor.name');
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(`基准编辑 bench edit ${round} ${Date.now() % 100000}`);
    await sleep(200);
    const revisionBefore = await page.evaluate(() => window.kpl.state().revision);
    const dirtyFrames = await page.evaluate(() => { window.__kplFrameMs.length = 0; return window.kpl.state().frame_count; });
    await page.keyboard.press('Enter');
    await waitFor(page, (r) => window.kpl.state().revision !== r, revisionBefore, 'the edit to apply');
    // Three more frames: the derived data and the font book follow the step within one or two.
    await waitFor(page, (n) => window.kpl.state().frame_count >= n + 3, dirtyFrames, 'frames after the edit', 5000)
        .catch(() => {});
    const frames = await page.evaluate(() => window.__kplFrameMs.slice());
    return frames.length ? Math.max(...frames) : null;
}
