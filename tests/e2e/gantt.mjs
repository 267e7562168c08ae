// Browser tests of the Gantt timeline (进度图, issue 4): the tab shows the projects table's rows under
// its filter, the zoom buttons change the days shown, dragging moves in time, the wheel over the
// axis zooms, hovering a milestone shows its dates and lateness.
// Real user actions only: clicks and mouse moves at the rectangles kpl.state().marks reports.
// Registered by run.mjs.
import { markHelpers } from './harness.mjs';

// `h`: helpers from run.mjs (assert, assertEqual, waitForState, screenshot, sleep, loadApp, state,
// waitForMark, assertNotBlank).
export function registerGanttTests(test, h) {
    const { assert, assertEqual, waitForState, screenshot, sleep, loadApp, state } = h;
    const { markRect, clickMark } = markHelpers({ scroll: false });

    const centre = (r) => [r[0] + r[2] / 2, r[1] + r[3] / 2];

    const ledgerNow = async (page) => JSON.parse(await page.evaluate(() => window.kpl.saveText()));
    const gantt = async (page) => (await state(page)).gantt;

    // The gantt.row.* marks of the last frames, top to bottom: the project IDs the rows show.
    async function shownRowIds(page) {
        const marks = (await state(page)).marks;
        return Object.entries(marks)
            .filter(([name, r]) => name.startsWith('gantt.row.') && r[3] > 0)
            .sort((a, b) => a[1][1] - b[1][1])
            .map(([name]) => name.slice('gantt.row.'.length));
    }

    async function openGantt(page) {
        await clickMark(page, 'tab.gantt');
        await waitForState(page, () => window.kpl.state().active_view === 'gantt', null, 'the 进度图 tab');
        await waitForState(page, () => window.kpl.state().gantt && window.kpl.state().gantt.rows > 0, null, 'gantt rows');
        await sleep(300);
    }

    async function start(t, viewport = { width: 1400, height: 900 }) {
        const page = await t.newPage({ viewport });
        await loadApp(page, t.url);
        await sleep(300);
        return page;
    }

    const dayNumber = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

    test('w. gantt: the 进度图 tab draws every project on the ledger\'s year; zoom buttons halve and double the days', async (t) => {
        const page = await start(t);
        const ledger = await ledgerNow(page);
        await openGantt(page);
        let g = await gantt(page);
        assertEqual(g.rows, ledger.projects.length, 'gantt rows');
        // A new ledger opens on its own year, January to December.
        assertEqual(g.first_day, `${ledger.meta.year}-01-01`, 'first day shown');
        assertEqual(g.last_day, `${ledger.meta.year}-12-31`, 'last day shown');
        const yearDays = g.visible_days;
        assert(Math.abs(yearDays - 366) < 0.5, `2016 shows 366 days, got ${yearDays}`);
        // The first rows are the table's first projects, in its order (序号).
        const ids = await shownRowIds(page);
        assert(ids.length >= 5, `at least 5 rows drawn, got ${ids.length}`);
        assertEqual(ids.slice(0, 5).join(','), ledger.projects.slice(0, 5).map((p) => p.id).join(','), 'first rows');
        const shot = await screenshot(page, 'gantt-year.png');
        h.assertNotBlank(shot.png, shot.file);

        await clickMark(page, 'gantt.zoom_in');
        await waitForState(page, (d) => Math.abs(window.kpl.state().gantt.visible_days - d / 2) < 0.5, yearDays, 'half the days after +');
        g = await gantt(page);
        // Zoomed around the middle: the middle day stays (2016-07-01/02), a quarter year each side.
        const mid = (dayNumber(g.first_day) + dayNumber(g.last_day)) / 2;
        assert(Math.abs(mid - dayNumber('2016-07-01')) <= 1.5, `zoomed around the middle: ${g.first_day}..${g.last_day}`);
        await screenshot(page, 'gantt-zoomed-in.png');

        await clickMark(page, 'gantt.zoom_out');
        await clickMark(page, 'gantt.zoom_out');
        await waitForState(page, (d) => Math.abs(window.kpl.state().gantt.visible_days - d * 2) < 0.5, yearDays, 'twice the days after − −');
        // Fit: every date of the ledger's projects in view (whole months around them).
        await clickMark(page, 'gantt.fit');
        await sleep(200);
        g = await gantt(page);
        // The planned bar starts at the planned start: the first 开工 milestone's plan, else
        // 1 January of start_year, else the first planned milestone (core PlannedStart).
        const plannedStart = (p) => {
            const kaigong = p.milestones.find((m) => m.planned && m.name.includes('开工'));
            if (kaigong) return kaigong.planned;
            if (p.start_year > 0) return `${p.start_year}-01-01`;
            const first = p.milestones.find((m) => m.planned);
            return first ? first.planned : null;
        };
        const dates = [];
        for (const p of ledger.projects) {
            if (plannedStart(p) && (p.planned_completion || p.milestones.some((m) => m.planned))) dates.push(plannedStart(p));
            for (const m of p.milestones) { if (m.planned) dates.push(m.planned); if (m.actual) dates.push(m.actual); }
            for (const d of [p.planned_completion, p.actual_start, p.actual_completion]) if (d) dates.push(d);
        }
        dates.sort();
        assert(g.first_day <= dates[0] && g.first_day.slice(0, 7) === dates[0].slice(0, 7),
            `fit starts in the month of the earliest date ${dates[0]}: ${g.first_day}`);
        assert(g.last_day >= dates[dates.length - 1] && g.last_day.slice(0, 7) === dates[dates.length - 1].slice(0, 7),
            `fit ends in the month of the latest date ${dates[dates.length - 1]}: ${g.last_day}`);
        await screenshot(page, 'gantt-fit.png');
        // Today: the half year around today.
        await clickMark(page, 'gantt.today');
        await sleep(200);
        g = await gantt(page);
        const today = dayNumber(g.today);
        assert(dayNumber(g.first_day) <= today && today <= dayNumber(g.last_day) && g.visible_days < 200,
            `today ${g.today} in view after 今天: ${g.first_day}..${g.last_day}`);
    });

    test('w2. gantt: shows exactly the projects the district filter leaves, in the table\'s order', async (t) => {
        const page = await start(t);
        const ledger = await ledgerNow(page);
        // The smallest district with projects, so every row fits on the screen.
        const counts = ledger.districts.map((d) => [d, ledger.projects.filter((p) => p.district_id === d.id)])
            .filter(([, ps]) => ps.length > 0).sort((a, b) => a[1].length - b[1].length);
        const [district, projects] = counts[0];
        assert(projects.length < ledger.projects.length, 'the district has some of the projects');
        await clickMark(page, 'filter.district');
        await clickMark(page, `district.${district.id}`);
        await page.keyboard.press('Escape');
        await waitForState(page, (n) => window.kpl.state().filtered_row_count === n, projects.length, `${projects.length} rows`);
        await openGantt(page);
        await waitForState(page, (n) => window.kpl.state().gantt.rows === n, projects.length, `${projects.length} gantt rows`);
        await sleep(400);  // the marks of the frames before the filter are gone
        const ids = await shownRowIds(page);
        assertEqual(ids.join(','), projects.map((p) => p.id).join(','), `gantt rows of ${district.name}`);
        const shot = await screenshot(page, 'gantt-district.png');
        h.assertNotBlank(shot.png, shot.file);
    });

    test('w3. gantt: hovering a late milestone shows its dates and days late; a bar shows its span', async (t) => {
        const page = await start(t);
        const ledger = await ledgerNow(page);
        await openGantt(page);
        const today = (await gantt(page)).today;
        // A milestone of a row on screen whose planned diamond is in view and late: reached after
        // its plan, or planned before today and not reached.
        const marks = (await state(page)).marks;
        let target = null;
        for (const p of ledger.projects) {
            for (const m of p.milestones) {
                const r = marks[`gantt.milestone.${m.id}`];
                if (!r || !m.planned || r[1] > page.viewportSize().height - 60) continue;
                const late = m.actual ? m.actual > m.planned : m.planned < today;
                if (late && (!target || (m.actual && !target.m.actual))) target = { p, m, r };
            }
            if (target && target.m.actual) break;
        }
        assert(target, 'a late milestone is drawn on the first screen');
        const { p, m } = target;
        const [x, y] = centre(target.r);
        await page.mouse.move(x - 30, y + 40);
        await page.mouse.move(x, y, { steps: 5 });
        await waitForState(page, (id) => {
            const hv = window.kpl.state().gantt.hover;
            return hv && hv.milestone_id === id;
        }, m.id, `the hover on ${m.id}`);
        const hover = (await gantt(page)).hover;
        assertEqual(hover.kind, 'planned_milestone', 'hover kind');
        assertEqual(hover.project_id, p.id, 'hover project');
        assertEqual(hover.name, m.name, 'milestone name');
        assertEqual(hover.planned, m.planned, 'planned date');
        assertEqual(hover.actual, m.actual || '', 'actual date');
        // Days late: actual − planned, or today − planned while not reached.
        const expected = dayNumber(m.actual || today) - dayNumber(m.planned);
        assertEqual(hover.days_late, expected, 'days late');
        assertEqual(hover.late, true, 'late');
        await sleep(300);
        const shot = await screenshot(page, 'gantt-milestone-tooltip.png');
        h.assertNotBlank(shot.png, shot.file);

        // The same row's planned bar, left of its first milestone's diamond when that is in view,
        // else right of the last: moving along the upper band finds the planned span.
        const rowRect = await markRect(page, `gantt.row.${p.id}`);
        const timeline = await markRect(page, 'gantt.timeline');
        let found = null;
        for (let bx = timeline[0] + 2; bx < timeline[0] + timeline[2] - 2; bx += 6) {
            await page.mouse.move(bx, rowRect[1] + rowRect[3] * 0.3);
            await sleep(30);
            const hv = (await gantt(page)).hover;
            if (hv && hv.kind === 'planned_span') { found = hv; break; }
        }
        assert(found, `the planned bar of ${p.id} is found along its row`);
        assertEqual(found.project_id, p.id, 'planned bar project');
        await sleep(300);
        await screenshot(page, 'gantt-bar-tooltip.png');
    });

    test('w4. gantt: dragging moves in time (and selects nothing); the wheel over the axis zooms', async (t) => {
        const page = await start(t);
        const ledger = await ledgerNow(page);
        await openGantt(page);
        const before = await gantt(page);
        const timeline = await markRect(page, 'gantt.timeline');
        // Drag 200 px to the left on an empty stretch low in the timeline: later days come into view.
        const y = timeline[1] + Math.min(timeline[3] - 20, 200);
        const x = timeline[0] + timeline[2] * 0.6;
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.mouse.move(x - 100, y, { steps: 5 });
        await page.mouse.move(x - 200, y, { steps: 5 });
        await sleep(100);
        await page.mouse.up();
        await sleep(200);
        const dragged = await gantt(page);
        const moved = dayNumber(dragged.first_day) - dayNumber(before.first_day);
        const expected = 200 * before.days_per_pixel;
        assert(Math.abs(moved - expected) <= 2, `dragging 200 px moved ${moved} days, expected about ${expected.toFixed(1)}`);
        assertEqual(dragged.visible_days, before.visible_days, 'the zoom stays while dragging');
        // The release after a drag selects nothing.
        assertEqual((await state(page)).selected_project_id, '', 'no project selected by the drag');

        // The wheel over the axis: one notch up zooms in around the mouse.
        const axis = await markRect(page, 'gantt.axis');
        await page.mouse.move(axis[0] + axis[2] / 2, axis[1] + axis[3] / 2);
        await page.mouse.wheel(0, -100);
        await waitForState(page, (d) => window.kpl.state().gantt.visible_days < d - 1, dragged.visible_days, 'a zoom from the wheel');
        const zoomed = await gantt(page);
        assert(Math.abs(zoomed.visible_days - dragged.visible_days / 1.25) < 0.5,
            `one notch zooms ×1.25: ${dragged.visible_days} → ${zoomed.visible_days}`);
    });
}
