// Browser tests of the workspace's views and editing (issue 3): the project editor (typing a name,
// through keys and through the input-method path), a monthly report, closing out a problem on the
// problems board, undo, the district filter, switching to English. Real user actions only: clicks
// at the places kpl.state().marks reports for named widgets, keys, typed text. Registered by run.mjs.

// `h`: helpers from run.mjs (assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp,
// state).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markHelpers } from './harness.mjs';

export function registerWorkspaceEditingTests(test, h) {
    const { assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp, state } = h;
    const { clickMark } = markHelpers({ scroll: true });

    const ledgerNow = async (page) => JSON.parse(await page.evaluate(() => window.kpl.saveText()));

    async function start(t, name) {
        const page = await t.newPage({ viewport: { width: 1400, height: 860 } });
        await loadApp(page, t.url);
        await sleep(300);
        return page;
    }

    async function openEditor(page, projectId) {
        await clickMark(page, `project.${projectId}`);
        await clickMark(page, 'button.edit_project');
        await waitForState(page, (id) => window.kpl.state().editor_open && window.kpl.state().selected_project_id === id,
            projectId, `the editor of ${projectId}`);
    }

    // Replaces a text field's content: click, select all, type.
    async function typeInto(page, mark, text, { insert = false } = {}) {
        await clickMark(page, mark);
        await page.keyboard.press('Control+a');
        if (insert) await page.keyboard.insertText(text);
        else await page.keyboard.type(text, { delay: 10 });
        await sleep(150);
    }

    test('o. editor: a typed project name reaches the table; undo restores it', async (t) => {
        const page = await start(t);
        const before = await ledgerNow(page);
        const id = before.projects[0].id, oldName = before.projects[0].name;
        await openEditor(page, id);
        await typeInto(page, 'editor.name', 'Riverside Park Phase 2');
        await page.keyboard.press('Enter');
        await waitForState(page, () => window.kpl.state().dirty && window.kpl.state().undo_label !== '', null, 'the edit');
        assertEqual((await ledgerNow(page)).projects[0].name, 'Riverside Park Phase 2', 'saved name');
        // In the table: the search finds exactly that row.
        await focusApp(page);
        await page.keyboard.press('Control+f');
        await sleep(150);
        await page.keyboard.type('Riverside', { delay: 10 });
        await waitForState(page, () => window.kpl.state().filtered_row_count === 1, null, 'one row found');
        await screenshot(page, 'editing-name.png');
        await page.keyboard.press('Control+a');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Enter');  // leaves the search box: Ctrl+Z is the app's again
        await waitForState(page, (n) => window.kpl.state().filtered_row_count === n, before.projects.length, 'all rows again');
        // Undo from the canvas (not from a text field).
        await focusApp(page);
        await page.keyboard.press('Control+z');
        await waitForState(page, () => !window.kpl.state().dirty, null, 'undo to the saved state');
        assertEqual((await ledgerNow(page)).projects[0].name, oldName, 'name after undo');
        const s = await state(page);
        assert(s.redo_label !== '', 'redo is offered after undo');
    });

    test('o2. editor: a Chinese name through the input-method path (keyboard.insertText)', async (t) => {
        const page = await start(t);
        const id = (await ledgerNow(page)).projects[1].id;
        await openEditor(page, id);
        await typeInto(page, 'editor.name', '湘江新城综合管廊', { insert: true });
        await page.keyboard.press('Enter');
        await waitForState(page, (pid) => {
            const s = window.kpl.state();
            return s.dirty && JSON.parse(window.kpl.saveText()).projects.find((p) => p.id === pid).name === '湘江新城综合管廊';
        }, id, 'the Chinese name in the ledger');
        await focusApp(page);
        await page.keyboard.press('Control+f');
        await sleep(150);
        await page.keyboard.insertText('新城综合');
        await waitForState(page, () => window.kpl.state().filtered_row_count >= 1, null, 'the row found by a Chinese search');
        await screenshot(page, 'editing-chinese-name.png');
        // Save (Ctrl+S from the canvas): the downloaded file loads cleanly and holds the edit.
        await page.keyboard.press('Escape');
        await focusApp(page);
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }),
                                              page.keyboard.press('Control+s')]);
        const savedPath = join(h.repoRoot, 'test-results', 'editing-saved.json');
        await download.saveAs(savedPath);
        execFileSync(h.ledgertool, ['check', savedPath], { stdio: ['ignore', 'pipe', 'pipe'] });  // throws unless exit 0
        const saved = JSON.parse(readFileSync(savedPath, 'utf8'));
        assertEqual(saved.projects.find((p) => p.id === id).name, '湘江新城综合管廊', 'name in the saved file');
        await waitForState(page, () => !window.kpl.state().dirty, null, 'no unsaved changes after saving');
    });

    test('p. editor: a monthly report is added', async (t) => {
        const page = await start(t);
        const before = await ledgerNow(page);
        const project = before.projects[2];
        const month = before.meta.as_of;
        await openEditor(page, project.id);
        await typeInto(page, 'report.investment', '123.45');
        // Tab to 形象进度 (past % complete and funds in place), as a keyboard user would; presses
        // quicker than frames each count (the app queues them, test y).
        for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
        await sleep(150);
        // The month's report already has a 形象进度 text: select it all and type over it.
        await page.keyboard.press('Control+A');
        await sleep(80);
        await page.keyboard.type('Main structure topped out', { delay: 10 });
        await screenshot(page, 'editing-report-form.png');
        await clickMark(page, 'report.save');
        await waitForState(page, ({ pid, month }) => {
            const p = JSON.parse(window.kpl.saveText()).projects.find((x) => x.id === pid);
            const r = p.reports.find((x) => x.month === month);
            return r && r.progress_text === 'Main structure topped out';
        }, { pid: project.id, month }, 'the report in the ledger');
        const report = (await ledgerNow(page)).projects[2].reports.find((x) => x.month === month);
        assertEqual(report.investment_wan, 123.45, 'investment');
        const s = await state(page);
        assert(/月报|report/i.test(s.undo_label), `undo label names the report: ${s.undo_label}`);
        await screenshot(page, 'editing-report.png');
        // The month's report can be removed again, as one undoable step.
        await clickMark(page, 'report.remove');
        await waitForState(page, ({ pid, month }) => !JSON.parse(window.kpl.saveText()).projects
            .find((x) => x.id === pid).reports.some((x) => x.month === month), { pid: project.id, month }, 'the report removed');
        await focusApp(page);
        await page.keyboard.press('Control+z');
        await waitForState(page, ({ pid, month }) => JSON.parse(window.kpl.saveText()).projects
            .find((x) => x.id === pid).reports.some((x) => x.month === month), { pid: project.id, month }, 'the report back after undo');
    });

    test('q. problems board: closing out a problem takes it off the open list; undo brings it back', async (t) => {
        const page = await start(t);
        const ledger = await ledgerNow(page);
        const problem = ledger.problems.find((p) => p.state === 'feedback');
        assert(problem, 'the demo has a problem awaiting close-out');
        await clickMark(page, 'menu.view');
        await clickMark(page, 'view.problems');
        await waitForState(page, () => window.kpl.state().active_view === 'problems', null, 'the problems board');
        await clickMark(page, `problem.${problem.id}`);
        await clickMark(page, 'action.close_out');
        await typeInto(page, 'action.by', 'Task force office');
        await typeInto(page, 'action.text', 'Land handed over on site');
        await clickMark(page, 'action.confirm');
        await waitForState(page, (id) => !window.kpl.state().open_problems.includes(id), problem.id, 'the problem closed');
        const closed = (await ledgerNow(page)).problems.find((p) => p.id === problem.id);
        assertEqual(closed.state, 'closed', 'state');
        assertEqual(closed.history[closed.history.length - 1].kind, 'close_out', 'last action');
        await screenshot(page, 'editing-close-out.png');
        await focusApp(page);
        await page.keyboard.press('Control+z');
        await waitForState(page, (id) => window.kpl.state().open_problems.includes(id), problem.id, 'undo reopens');
    });

    test('r. filter by district narrows the rows and the totals', async (t) => {
        const page = await start(t);
        const ledger = await ledgerNow(page);
        const district = ledger.districts[1];
        const expected = ledger.projects.filter((p) => p.district_id === district.id).length;
        assert(expected > 0 && expected < ledger.projects.length, 'the district has some of the projects');
        await clickMark(page, 'filter.district');
        await clickMark(page, `district.${district.id}`);
        await page.keyboard.press('Escape');
        await waitForState(page, (n) => window.kpl.state().filtered_row_count === n, expected, `${expected} rows`);
        await screenshot(page, 'editing-district-filter.png');
    });

    test('s. the interface switches to English', async (t) => {
        const page = await start(t);
        await clickMark(page, 'menu.view');
        await clickMark(page, 'menu.language');
        await clickMark(page, 'language.en');
        await waitForState(page, () => window.kpl.state().language === 'en', null, 'English');
        await sleep(300);
        await screenshot(page, 'editing-english.png');
    });
}
