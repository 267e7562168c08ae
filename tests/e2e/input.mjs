// Browser tests of input that arrives faster than frames, and of the wheel and the mouse on the
// timeline: several presses of one key inside one JS task (so no frame can fall between them) all
// act, in order and with their modifiers (the press queue, src/ui/press_queue.h); Ctrl+wheel zooms
// the timeline and stays the browser's over the projects table; a double-click on a timeline row
// opens that project's editor. Real user actions otherwise: clicks at kpl.state().marks, keys.
// Registered by run.mjs.
import { markHelpers } from './harness.mjs';

// `h`: helpers from run.mjs (assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp,
// state, waitForMark).
export function registerInputTests(test, h) {
    const { assert, assertEqual, waitForState, screenshot, sleep, loadApp, state } = h;
    const { markRect, clickMark } = markHelpers({ scroll: true });

    const ledgerNow = async (page) => JSON.parse(await page.evaluate(() => window.kpl.saveText()));
    const gantt = async (page) => (await state(page)).gantt;

    async function start(t) {
        const page = await t.newPage({ viewport: { width: 1400, height: 860 } });
        await loadApp(page, t.url);
        await sleep(300);
        return page;
    }

    // Sends key events synchronously, all in one JS task, to the focused element (they reach the
    // window's listeners as a real key's would): no animation frame can run between them. `steps`:
    // 'Tab' (press and release), 'down:Shift', 'up:Shift'. Returns how many presses and releases
    // the app holds queued right after (kpl.state().input_waiting).
    function keysInOneTask(page, steps) {
        return page.evaluate((steps) => {
            const keyCodes = { Tab: 9, Backspace: 8, Shift: 16, Control: 17 };
            const held = { Shift: false, Control: false };
            const target = document.activeElement || document.body;
            const send = (type, key) => {
                const event = new KeyboardEvent(type, {
                    key, code: key === 'Shift' ? 'ShiftLeft' : key === 'Control' ? 'ControlLeft' : key,
                    shiftKey: held.Shift, ctrlKey: held.Control, bubbles: true, cancelable: true,
                });
                // KeyboardEventInit has no keyCode; Emscripten's GLFW reads it.
                Object.defineProperty(event, 'keyCode', { get: () => keyCodes[key] });
                Object.defineProperty(event, 'which', { get: () => keyCodes[key] });
                target.dispatchEvent(event);
            };
            for (const step of steps) {
                const [action, key] = step.includes(':') ? step.split(':') : ['press', step];
                if (action === 'down' || action === 'press') {
                    if (key in held) held[key] = true;
                    send('keydown', key);
                }
                if (action === 'up' || action === 'press') {
                    if (key in held) held[key] = false;
                    send('keyup', key);
                }
            }
            return window.kpl.state().input_waiting;
        }, steps);
    }

    async function untilQueueEmpty(page) {
        await waitForState(page, () => window.kpl.state().input_waiting === 0, null, 'the queued presses shown');
    }

    async function openEditor(page, projectId) {
        await clickMark(page, `project.${projectId}`);
        await clickMark(page, 'button.edit_project');
        await waitForState(page, (id) => window.kpl.state().editor_open && window.kpl.state().selected_project_id === id,
            projectId, `the editor of ${projectId}`);
    }

    const reportOf = (ledger, projectId, month) =>
        ledger.projects.find((p) => p.id === projectId).reports.find((r) => r.month === month);

    test('y. keys faster than frames: Backspace×3, Tab×3 and Shift+Tab×3, each sent in one JS task, all act', async (t) => {
        const page = await start(t);
        const before = await ledgerNow(page);
        const project = before.projects[2];
        const month = before.meta.as_of;
        await openEditor(page, project.id);
        await clickMark(page, 'report.investment');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('123.45', { delay: 10 });
        await untilQueueEmpty(page);
        await sleep(100);

        // Three Backspaces at the end of "123.45" leave "123". Each press and each release waits in
        // the queue: all six arrived before any frame could run.
        assertEqual(await keysInOneTask(page, ['Backspace', 'Backspace', 'Backspace']), 6, 'presses queued at once');
        await untilQueueEmpty(page);
        // Three Tabs go from 本月完成投资 past 形象进度 % and 到位资金 to 形象进度 (the form's order).
        assertEqual(await keysInOneTask(page, ['Tab', 'Tab', 'Tab']), 6, 'Tabs queued at once');
        await untilQueueEmpty(page);
        await sleep(100);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('Piles finished', { delay: 10 });
        await clickMark(page, 'report.save');
        await waitForState(page, ({ pid, month }) => {
            const p = JSON.parse(window.kpl.saveText()).projects.find((x) => x.id === pid);
            const r = p.reports.find((x) => x.month === month);
            return r && r.progress_text === 'Piles finished';
        }, { pid: project.id, month }, 'the report with the text typed after three Tabs');
        assertEqual(reportOf(await ledgerNow(page), project.id, month).investment_wan, 123, 'investment after 3 Backspaces');

        // Shift held over three Tabs (one task: Shift down, Tab ×3, Shift up) goes back from 形象进度
        // to 本月完成投资: the modifier stays down until the last Tab has been shown.
        await clickMark(page, 'report.progress');
        assertEqual(await keysInOneTask(page, ['down:Shift', 'Tab', 'Tab', 'Tab', 'up:Shift']), 8, 'Shift+Tabs queued at once');
        await untilQueueEmpty(page);
        await sleep(100);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('4567.5', { delay: 10 });
        await screenshot(page, 'y-keys-in-one-task.png');
        await clickMark(page, 'report.save');
        await waitForState(page, ({ pid, month }) => {
            const p = JSON.parse(window.kpl.saveText()).projects.find((x) => x.id === pid);
            return p.reports.find((x) => x.month === month).investment_wan === 4567.5;
        }, { pid: project.id, month }, 'the investment typed after three Shift+Tabs');
        assertEqual(reportOf(await ledgerNow(page), project.id, month).progress_text, 'Piles finished', 'progress text kept');
    });

    async function openGantt(page) {
        await clickMark(page, 'tab.gantt');
        await waitForState(page, () => window.kpl.state().active_view === 'gantt', null, 'the 进度图 tab');
        await waitForState(page, () => window.kpl.state().gantt && window.kpl.state().gantt.rows > 0, null, 'gantt rows');
        await sleep(300);
    }

    // Records, for every wheel event on the page, whether it had Ctrl and whether the app kept it
    // from the browser (defaultPrevented). Added after the app's own capture listener on the window,
    // so it runs after it.
    async function logWheels(page) {
        await page.evaluate(() => {
            window.wheelLog = [];
            window.addEventListener('wheel', (e) => window.wheelLog.push({ ctrl: e.ctrlKey, prevented: e.defaultPrevented }),
                { capture: true, passive: true });
        });
    }
    const lastWheel = (page) => page.evaluate(() => window.wheelLog[window.wheelLog.length - 1] || null);

    const dayNumber = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

    // The projects table's rows on screen, top to bottom (project.<id> marks), from `top` down: the
    // list clipper also lays out the first row when it is scrolled away, above the table.
    async function tableRowIds(page, top) {
        const marks = (await state(page)).marks;
        return Object.entries(marks)
            .filter(([name, r]) => name.startsWith('project.') && r[3] > 0 && r[1] >= top)
            .sort((a, b) => a[1][1] - b[1][1])
            .map(([name]) => name.slice('project.'.length));
    }

    test('y2. Ctrl+wheel over the timeline zooms it around the mouse; over the projects table it is the browser\'s', async (t) => {
        const page = await start(t);
        await logWheels(page);
        await openGantt(page);
        const timeline = await markRect(page, 'gantt.timeline');
        const x = timeline[0] + timeline[2] * 0.4, y = timeline[1] + Math.min(120, timeline[3] / 2);
        await page.mouse.move(x, y);
        await waitForState(page, () => window.kpl.state().gantt.ctrl_wheel_zooms === true, null, 'the timeline asking for Ctrl+wheel');
        const before = await gantt(page);
        // The day under the mouse: first_day + (x − timeline's left) × days_per_pixel.
        const dayUnderMouse = (g) => dayNumber(g.first_day) + (x - timeline[0]) * g.days_per_pixel;
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, -100);  // one notch up
        await page.keyboard.up('Control');
        await waitForState(page, (d) => window.kpl.state().gantt.visible_days < d - 1, before.visible_days, 'a zoom from Ctrl+wheel');
        const zoomed = await gantt(page);
        // One notch zooms by 1.25 (kWheelZoom): 366 days → 292.8.
        assert(Math.abs(zoomed.visible_days - before.visible_days / 1.25) < 0.5,
            `one Ctrl+wheel notch zooms ×1.25: ${before.visible_days} → ${zoomed.visible_days}`);
        // Around the mouse: the day under it stays (first_day is whole days: within 1.5 days).
        assert(Math.abs(dayUnderMouse(zoomed) - dayUnderMouse(before)) < 1.5,
            `the day under the mouse stays: ${dayUnderMouse(before).toFixed(1)} → ${dayUnderMouse(zoomed).toFixed(1)}`);
        const wheel = await lastWheel(page);
        assert(wheel && wheel.ctrl && wheel.prevented, `the app kept Ctrl+wheel from the browser: ${JSON.stringify(wheel)}`);
        await screenshot(page, 'y2-ctrl-wheel-zoom.png');

        // The projects table: the wheel scrolls it (so a wheel the app took would show), Ctrl+wheel
        // is left to the browser and changes nothing in the app.
        await clickMark(page, 'tab.projects');
        await waitForState(page, () => window.kpl.state().active_view === 'projects', null, 'the projects tab');
        const top = (await markRect(page, `project.${(await ledgerNow(page)).projects[0].id}`))[1];
        const firstRows = await tableRowIds(page, top);
        assert(firstRows.length > 5, `table rows drawn: ${firstRows.length}`);
        const row = await markRect(page, `project.${firstRows[3]}`);
        await page.mouse.move(row[0] + row[2] / 2, row[1] + row[3] / 2);
        await waitForState(page, () => window.kpl.state().gantt.ctrl_wheel_zooms === false, null, 'no view asking for Ctrl+wheel');
        await page.mouse.wheel(0, 300);
        await waitForState(page, ({ id, top }) => {
            const r = window.kpl.state().marks[`project.${id}`];
            return !r || r[3] === 0 || r[1] < top;
        }, { id: firstRows[0], top }, 'the table scrolled by the wheel');
        await sleep(300);
        const scrolledRows = await tableRowIds(page, top);
        assert(scrolledRows[0] !== firstRows[0], 'the plain wheel scrolls the table');
        const keep = (s) => JSON.stringify([s.active_view, s.selected_project_id, s.editor_open, s.filtered_row_count,
            s.revision, s.dirty, s.gantt.visible_days, s.gantt.first_day]);
        const stateBefore = keep(await state(page));
        const framesBefore = (await state(page)).frame_count;
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, 300);
        await page.keyboard.up('Control');
        await sleep(500);
        const after = await state(page);
        const wheelOnTable = await lastWheel(page);
        assert(wheelOnTable && wheelOnTable.ctrl && !wheelOnTable.prevented,
            `Ctrl+wheel over the table goes to the browser: ${JSON.stringify(wheelOnTable)}`);
        assert(after.frame_count > framesBefore, 'frames were drawn after the Ctrl+wheel (the app was awake to take it)');
        assertEqual(keep(after), stateBefore, 'app state after Ctrl+wheel over the table');
        assertEqual((await tableRowIds(page, top))[0], scrolledRows[0], 'the table did not scroll');
        const zoom = await page.evaluate(() => window.devicePixelRatio);
        if (zoom !== 1) t.note(`Chromium zoomed the page on Ctrl+wheel (devicePixelRatio ${zoom})`);
    });

    test('y3. gantt: a double-click on a timeline row opens that project\'s editor (three rows)', async (t) => {
        const page = await start(t);
        const ledger = await ledgerNow(page);
        for (const index of [1, 4, 7]) {
            const project = ledger.projects[index];
            await openGantt(page);
            const row = await markRect(page, `gantt.row.${project.id}`);
            assert(row[1] > 0 && row[1] + row[3] < page.viewportSize().height, `row ${project.id} on screen`);
            // In the name column, away from the bars: a double-click as a person makes it.
            const x = row[0] + Math.min(60, row[2] * 0.1), y = row[1] + row[3] / 2;
            await page.mouse.move(x, y);
            await sleep(100);
            await page.mouse.dblclick(x, y);
            await waitForState(page, (id) => {
                const s = window.kpl.state();
                return s.editor_open && s.selected_project_id === id && s.active_view === 'projects';
            }, project.id, `the editor of ${project.id} after a double-click`);
        }
        await sleep(300);
        await screenshot(page, 'y3-gantt-double-click.png');
    });
}
