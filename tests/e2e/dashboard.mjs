// Browser tests of the dashboard (总览, issue 4): the tab renders its key figures and charts
// (screenshots to look at); a rate's card drills down to its projects, which the test works out
// itself from the ledger JSON by the rule of docs/indicators.md; the chip clears the drill-down;
// hovering the S-curve shows its tooltip. Real user actions only: clicks and mouse moves at the
// rectangles kpl.state().marks reports. Registered by run.mjs.

// `h`: helpers from run.mjs (assert, assertEqual, waitForState, screenshot, sleep, loadApp, state,
// waitForMark, repoRoot, assertNotBlank).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markHelpers } from './harness.mjs';

export function registerDashboardTests(test, h) {
    const { assert, assertEqual, waitForState, screenshot, sleep, loadApp, state } = h;
    const { markRect, clickMark } = markHelpers({ scroll: false });
    const demo = JSON.parse(readFileSync(join(h.repoRoot, 'assets', 'demo-ledger.json'), 'utf8'));

    // The last day of a "YYYY-MM" month as "YYYY-MM-DD" (ISO dates compare as strings).
    function lastDay(month) {
        const [y, m] = month.split('-').map(Number);
        const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
        return `${month}-${String(days).padStart(2, '0')}`;
    }

    // 竣工投产率 (docs/indicators.md): the denominator is the projects with `completion_target`; the
    // numerator those of them completed or commissioned by the end of the month: `actual_completion`
    // on or before its last day, or, without that date, a completed / commissioned status.
    function completionLists(ledger, month) {
        const end = lastDay(month);
        const targets = ledger.projects.filter((p) => p.completion_target === true);
        const done = targets.filter((p) => p.actual_completion !== undefined
            ? p.actual_completion <= end
            : p.status === 'completed' || p.status === 'commissioned');
        return { numerator: done.map((p) => p.id), denominator: targets.map((p) => p.id) };
    }

    // The first time by its tab; back from the projects view through View › 总览 (the menu),
    // because there a tab click right after another view switch can be lost (main_window.cpp's tab
    // sync, reported with the dashboard's work on issue 4).
    async function openDashboard(page, { viaMenu = false } = {}) {
        if (viaMenu) {
            await clickMark(page, 'menu.view');
            await clickMark(page, 'view.dashboard');
        } else {
            await clickMark(page, 'tab.dashboard');
        }
        await waitForState(page, () => window.kpl.state().active_view === 'dashboard', null, 'the dashboard tab');
        await markRect(page, 'chart.scurve');
    }

    async function start(t) {
        const page = await t.newPage({ viewport: { width: 1400, height: 860 } });
        await loadApp(page, t.url);
        await sleep(300);
        return page;
    }

    test('u. dashboard: key figures and charts render (screenshot)', async (t) => {
        const page = await start(t);
        await openDashboard(page);
        const s = await state(page);
        for (const name of ['dashboard.month', 'dashboard.scope', 'dashboard.figure.fulfilment', 'dashboard.figure.start',
            'dashboard.figure.funds', 'dashboard.figure.completion', 'dashboard.figure.investment',
            'dashboard.figure.red', 'dashboard.figure.yellow', 'dashboard.figure.open_problems',
            'dashboard.figure.overdue_problems', 'chart.scurve', 'chart.bars.district', 'chart.bars.department',
            'chart.status', 'chart.warnings']) {
            const r = s.marks[name];
            assert(r && r[2] > 0 && r[3] > 0, `${name} drawn`);
            // Everything of the dashboard fits the 1400x860 window: nothing to scroll to.
            assert(r[1] >= 0 && r[1] + r[3] <= 860, `${name} on screen: ${JSON.stringify(r)}`);
        }
        await sleep(200);
        const shot = await screenshot(page, 'u-dashboard.png');
        h.assertNotBlank(shot.png, shot.file);
    });

    test('u2. dashboard: 竣工投产率 drills down to its projects; the chip clears it; S-curve tooltip', async (t) => {
        const page = await start(t);
        const month = demo.meta.as_of;  // the dashboard opens on the ledger's as-of month
        const expected = completionLists(demo, month);
        assert(expected.numerator.length > 0 && expected.numerator.length < expected.denominator.length,
            `a telling fixture: ${expected.numerator.length} of ${expected.denominator.length} targets done`);
        await openDashboard(page);

        // The card's body: the numerator's projects.
        await clickMark(page, 'dashboard.figure.completion');
        await waitForState(page, () => window.kpl.state().active_view === 'projects' && window.kpl.state().drill_down !== null,
            null, 'the projects view with a drill-down');
        let s = await state(page);
        assertEqual(JSON.stringify(s.drill_down.ids), JSON.stringify(expected.numerator), 'drill-down IDs (numerator)');
        const [y, m] = month.split('-').map(Number);
        assertEqual(s.drill_down.title, `竣工投产率 分子 · ${y}年${m}月`, 'drill-down title');
        await waitForState(page, (n) => window.kpl.state().filtered_row_count === n, expected.numerator.length,
            `${expected.numerator.length} rows shown`);
        await markRect(page, 'drilldown.chip');
        // The table lists the first of them at the top, and no project outside the list.
        const marks = (await state(page)).marks;
        assert(marks[`project.${expected.numerator[0]}`], `row ${expected.numerator[0]} shown`);
        const outside = demo.projects.map((p) => p.id).filter((id) => !expected.numerator.includes(id));
        for (const id of outside)
            assert(!marks[`project.${id}`], `row ${id} (not in the numerator) hidden`);
        await sleep(200);
        const drilled = await screenshot(page, 'u2-drilldown.png');
        h.assertNotBlank(drilled.png, drilled.file);

        // ✕ 清除 brings every row back.
        await clickMark(page, 'drilldown.clear');
        await waitForState(page, (n) => window.kpl.state().drill_down === null && window.kpl.state().filtered_row_count === n,
            demo.projects.length, 'all rows after clearing');

        // The denominator's button lists every completion target.
        await openDashboard(page, { viaMenu: true });
        await clickMark(page, 'dashboard.figure.completion.denominator');
        await waitForState(page, () => window.kpl.state().drill_down !== null, null, 'the denominator drill-down');
        s = await state(page);
        assertEqual(JSON.stringify(s.drill_down.ids), JSON.stringify(expected.denominator), 'drill-down IDs (denominator)');
        await waitForState(page, (n) => window.kpl.state().filtered_row_count === n, expected.denominator.length,
            `${expected.denominator.length} rows shown`);
        await clickMark(page, 'drilldown.clear');
        await waitForState(page, () => window.kpl.state().drill_down === null, null, 'cleared');

        // Hovering the S-curve over the as-of month's column shows that month's figures.
        await openDashboard(page, { viaMenu: true });
        const r = await markRect(page, 'chart.scurve');
        const x = r[0] + r[2] * (m - 0.5) / 12, yMid = r[1] + r[3] * 0.5;
        await page.mouse.move(x - 20, yMid);
        await page.mouse.move(x, yMid, { steps: 4 });
        const tip = await markRect(page, 'chart.scurve.tooltip');
        assert(tip[0] > r[0] - 50 && tip[1] > 0, `tooltip near the curve: ${JSON.stringify(tip)}`);
        await sleep(200);
        const hovered = await screenshot(page, 'u2-scurve-tooltip.png');
        h.assertNotBlank(hovered.png, hovered.file);
    });
}
