// Browser tests of the workspace's platform side (issue 3): Chinese through the input-method path,
// the system clipboard, shortcuts kept from the browser, autosave and restore, the unsaved-changes
// prompt, the offline file from file:// and the service worker. Registered by run.mjs, which gives
// each test fresh browser contexts and fails it on any console or page error.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertNotBlank } from './png.mjs';

// `h`: helpers from run.mjs (assert, assertEqual, focusApp, openThroughChooser, waitForState,
// screenshot, sleep, loadApp, state, repoRoot, smallLedgerPath).
export function registerWorkspacePlatformTests(test, h) {
    const { assert, assertEqual, focusApp, openThroughChooser, waitForState, screenshot, sleep, loadApp, state } = h;
    const siteDir = process.env.KPL_WEB_DIR || join(h.repoRoot, 'build', 'web', 'site');
    const offlineFile = join(siteDir, 'key-project-ledger-offline.html');

    // Opens the Save As name prompt (the page has no save picker under automation): a text field
    // the platform owns, focused, holding the suggested name. Waits for the hidden textarea of the
    // input-method bridge to hold the keyboard focus.
    async function openSaveAsPrompt(page) {
        await focusApp(page);
        await page.keyboard.press('Control+Shift+S');
        await waitForState(page, () => window.kpl.state().workspace.save_as_open === true, null, 'the Save As prompt');
        try {
            await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'kpl-text-input',
                null, { timeout: 5000, polling: 50 });
        } catch {
            const active = await page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName));
            throw new Error(`the input-method textarea did not take the focus (active element: ${active})`);
        }
    }

    // After page.reload(): the app is ready again (restored work, if any, is on screen).
    const readyAgain = (page) =>
        page.waitForFunction(() => window.kpl && window.kpl.ready === true, null, { timeout: 30000, polling: 50 });

    const nameIs = (page, expected, what) =>
        waitForState(page, (n) => window.kpl.state().workspace.save_as_name === n, expected, what);

    // Unsaved work as the browser's storage would hold it after a crash: the small fixture with
    // a changed title, written straight into IndexedDB the way the app stores it.
    async function seedUnsavedWork(page, title) {
        const fixture = JSON.parse(readFileSync(h.smallLedgerPath, 'utf8'));
        fixture.meta.title = title;
        const text = JSON.stringify(fixture, null, 2) + '\n';
        await page.evaluate(async ({ text }) => {
            const db = await new Promise((resolve, reject) => {
                const open = indexedDB.open('key-project-ledger', 1);
                open.onupgradeneeded = () => open.result.createObjectStore('kv');
                open.onsuccess = () => resolve(open.result);
                open.onerror = () => reject(open.error);
            });
            const enc = new TextEncoder();
            const session = { file_name: 'site-report.json', unsaved: true, time_ms: Date.now() - 60000,
                              project_count: 0, revision: 0 };
            await new Promise((resolve, reject) => {
                const tx = db.transaction('kv', 'readwrite');
                tx.objectStore('kv').put(enc.encode(text), 'work');
                tx.objectStore('kv').put(enc.encode(JSON.stringify(session)), 'session');
                tx.oncomplete = resolve;
                tx.onerror = () => reject(tx.error);
            });
            db.close();
        }, { text });
        return fixture;
    }

    // -----------------------------------------------------------------------------------------
    test('h. input method: keyboard.insertText and a composition land in a text field', async (t) => {
        const page = await t.newPage();
        await loadApp(page, t.url);
        await openSaveAsPrompt(page);
        const suggested = (await state(page)).workspace.save_as_name;
        assertEqual(suggested, 'demo-ledger.json', 'suggested name');

        // The textarea sits at the field's text cursor (where the candidate window opens), not in a
        // corner of the page.
        const box = await page.evaluate(() => {
            const r = document.getElementById('kpl-text-input').getBoundingClientRect();
            return { x: r.x, y: r.y, w: window.innerWidth, h: window.innerHeight };
        });
        assert(box.x > 100 && box.y > 100 && box.x < box.w && box.y < box.h, `textarea not at the field: ${JSON.stringify(box)}`);

        await page.keyboard.press('Control+a');
        await page.keyboard.insertText('醴陵渌口湘江');
        await nameIs(page, '醴陵渌口湘江', 'the inserted Chinese text in the field');

        // A composition as an input method makes it: keys with keyCode 229 (which must not reach
        // the app as keys), then the committed text.
        const session = await page.context().newCDPSession(page);
        await session.send('Input.imeSetComposition', { text: 'zhu', selectionStart: 3, selectionEnd: 3 });
        await sleep(100);
        await session.send('Input.insertText', { text: '株洲' });
        await nameIs(page, '醴陵渌口湘江株洲', 'the composed text appended');
        // Backspace still reaches the field as a key.
        await page.keyboard.press('Backspace');
        await nameIs(page, '醴陵渌口湘江株', 'Backspace applied');
        await sleep(300);
        const shot = await screenshot(page, 'h-ime-save-as.png');
        assertNotBlank(shot.png, shot.file, { minBandsWithContent: 1 });

        // Enter in the field saves under that name (a download here: no save picker under automation).
        const [download] = await Promise.all([
            page.waitForEvent('download', { timeout: 10000 }),
            page.keyboard.press('Enter'),
        ]);
        assertEqual(download.suggestedFilename(), '醴陵渌口湘江株.json', 'Save As download name');
        await waitForState(page, () => window.kpl.state().file_name === '醴陵渌口湘江株.json', null, 'file name after Save As');
        await waitForState(page, () => document.activeElement && document.activeElement.id === 'canvas', null,
            'the keyboard back on the canvas once no field is active');

        // The projects table's search (Ctrl+F focuses it): Chinese typed the input-method way
        // filters the rows.
        const before = await state(page);
        if (before.filtered_row_count === undefined) {
            t.note('kpl.state() has no filtered_row_count: search field not checked');
            return;
        }
        await page.keyboard.press('Control+f');
        await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'kpl-text-input',
            null, { timeout: 5000, polling: 50 });
        await page.keyboard.insertText('醴陵');
        await waitForState(page, (n) => { const s = window.kpl.state(); return s.filtered_row_count > 0 && s.filtered_row_count < n; },
            before.project_count, 'the search for 醴陵 filtering the table');
        await sleep(300);
        await screenshot(page, 'h-ime-search.png');
    });

    test('i. clipboard: paste event and Ctrl+V land in a field; copy reaches the system clipboard', async (t) => {
        const page = await t.newPage();
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(t.url).origin });
        await loadApp(page, t.url);
        await openSaveAsPrompt(page);

        // A paste event as the browser fires it, with the text in its DataTransfer.
        await page.keyboard.press('Control+a');
        await page.evaluate(() => {
            const data = new DataTransfer();
            data.setData('text/plain', '株洲市渌口区');
            document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        });
        await nameIs(page, '株洲市渌口区', 'the pasted text in the field');

        // The real thing: text on the system clipboard, Ctrl+V.
        await page.evaluate(() => navigator.clipboard.writeText('湘江风光带'));
        await page.keyboard.press('Control+a');
        await page.keyboard.press('Control+v');
        await nameIs(page, '湘江风光带', 'Ctrl+V pasted the system clipboard');

        // Copy from the field goes to the system clipboard.
        await page.keyboard.insertText('二期');
        await nameIs(page, '湘江风光带二期', 'typed after the paste');
        await page.keyboard.press('Control+a');
        await page.keyboard.press('Control+c');
        let copied = '';
        for (let i = 0; i < 40 && copied !== '湘江风光带二期'; i++) {
            await sleep(50);
            copied = await page.evaluate(() => navigator.clipboard.readText());
        }
        assertEqual(copied, '湘江风光带二期', 'system clipboard after Ctrl+C');
        await page.keyboard.press('Escape');
        await waitForState(page, () => window.kpl.state().workspace.save_as_open === false, null, 'Escape closes the prompt');
    });

    test('j. shortcuts: Ctrl+S, Ctrl+Shift+S, Ctrl+O, Ctrl+F are kept from the browser', async (t) => {
        const page = await t.newPage();
        await loadApp(page, t.url);
        await focusApp(page);
        // Listeners after the app's: a key the app used never arrives (stopped, and its default
        // prevented); any other Ctrl key the browser would act on arrives with its default prevented.
        await page.evaluate(() => {
            window.kplSeenKeys = [];
            window.addEventListener('keydown', (e) => {
                if (e.ctrlKey) window.kplSeenKeys.push({ key: e.key.toLowerCase(), shift: e.shiftKey, prevented: e.defaultPrevented });
            }, true);
        });
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('Control+s')]);
        assert(download.suggestedFilename().endsWith('.json'), 'Ctrl+S downloads the ledger');
        const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), page.keyboard.press('Control+o')]);
        assert(chooser, 'Ctrl+O shows the file chooser');
        await page.keyboard.press('Control+f');
        await page.keyboard.press('Control+Shift+S');
        await waitForState(page, () => window.kpl.state().workspace.save_as_open === true, null, 'Ctrl+Shift+S opens Save As');
        await page.keyboard.press('Escape');
        await waitForState(page, () => window.kpl.state().workspace.save_as_open === false, null, 'Escape closes Save As');
        const seen = await page.evaluate(() => window.kplSeenKeys);
        for (const k of seen)
            if (['s', 'o', 'f'].includes(k.key)) assert(k.prevented, `Ctrl+${k.shift ? 'Shift+' : ''}${k.key} reached the browser: ${JSON.stringify(seen)}`);
    });

    test('k. never lose work: autosave, reload restores with a notice; an opened file is remembered', async (t) => {
        const page = await t.newPage();
        await loadApp(page, t.url);
        // An opened file is written to the browser's storage within 2 s and comes back on reload
        // under its name.
        const fixture = JSON.parse(readFileSync(h.smallLedgerPath, 'utf8'));
        await openThroughChooser(page, h.smallLedgerPath);
        await waitForState(page, (n) => window.kpl.state().file_name === n, 'small-ledger.json', 'the opened file');
        const opened = Date.now();
        await waitForState(page, () => window.kpl.state().workspace.writes >= 1 && !window.kpl.state().workspace.pending,
            null, 'the autosave write', 4000);
        assert(Date.now() - opened < 2500, `autosave took ${Date.now() - opened} ms`);
        await page.reload();
        await readyAgain(page);
        let s = await state(page);
        assertEqual(s.file_name, 'small-ledger.json', 'file name after reload');
        assertEqual(s.project_count, fixture.projects.length, 'project_count after reload');
        assertEqual(s.dirty, false, 'dirty after reload of a saved file');
        assertEqual(s.workspace.notice_open, false, 'no notice for work that is in a file');

        // Unsaved work in the storage (a crash, a closed tab): restored at start, with the notice.
        const seeded = await seedUnsavedWork(page, '株洲市重点项目台账（现场修改）');
        await page.reload();
        await readyAgain(page);
        s = await state(page);
        assertEqual(s.title, seeded.meta.title, 'restored title');
        assertEqual(s.file_name, 'site-report.json', 'restored file name');
        assertEqual(s.dirty, true, 'restored work is unsaved');
        assertEqual(s.workspace.notice_open, true, 'restore notice shown');
        assert(s.workspace.version_count >= 1, `versions kept: ${s.workspace.version_count}`);
        await sleep(300);
        const shot = await screenshot(page, 'k-restored-notice.png');
        assertNotBlank(shot.png, shot.file, { minBandsWithContent: 1 });

        // The notice's "versions" button opens the version history; the opened file is listed
        // and comes back as the current (unsaved) work.
        const click = async (rect) => page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
        await click(s.workspace.versions_button);
        await waitForState(page, () => window.kpl.state().workspace.versions_open === true, null, 'the versions window');
        s = await state(page);
        assertEqual(s.workspace.versions[0].file_name, 'small-ledger.json', 'newest version');
        await sleep(300);
        await screenshot(page, 'k-versions-window.png');
        await click(s.workspace.restore_button);
        await waitForState(page, (n) => window.kpl.state().file_name === n && window.kpl.state().workspace.versions_open === false,
            'small-ledger.json', 'the restored version');
        s = await state(page);
        assertEqual(s.title, fixture.meta.title, 'title of the restored version');
        assertEqual(s.dirty, true, 'a restored version is not in a file');
    });

    const markRect = h.waitForMark;
    const clickAt = (page, r) => page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);

    test('k2. an edit in the editor is autosaved within 2 s and restored after a reload', async (t) => {
        const page = await t.newPage({ viewport: { width: 1400, height: 860 } });
        await loadApp(page, t.url);
        const row = await markRect(page, 'project.P001');
        if (!row) {
            t.note('no marks for the project editor: edit-and-reload not checked');
            return;
        }
        await clickAt(page, row);
        await clickAt(page, await markRect(page, 'button.edit_project'));
        await waitForState(page, () => window.kpl.state().editor_open, null, 'the editor');
        await clickAt(page, await markRect(page, 'editor.name'));
        await page.keyboard.press('Control+a');
        await page.keyboard.insertText('株洲湘江风光带（现场复核）');
        await page.keyboard.press('Enter');
        await waitForState(page, () => window.kpl.state().dirty, null, 'the edit');
        const edited = Date.now();
        await waitForState(page, () => { const w = window.kpl.state().workspace; return w.writes >= 1 && !w.pending; },
            null, 'the autosave write', 4000);
        assert(Date.now() - edited < 2500, `autosave took ${Date.now() - edited} ms`);
        await page.reload();
        await readyAgain(page);
        const s = await state(page);
        const name = await page.evaluate(() => JSON.parse(window.kpl.saveText()).projects[0].name);
        assertEqual(name, '株洲湘江风光带（现场复核）', 'edited name after reload');
        assertEqual(s.dirty, true, 'restored edit is unsaved');
        assertEqual(s.workspace.notice_open, true, 'restore notice');
        await sleep(300);
        await screenshot(page, 'k2-edit-restored.png');
    });

    test('l. closing the tab with unsaved changes asks first (beforeunload)', async (t) => {
        const page = await t.newPage();
        await loadApp(page, t.url);
        await seedUnsavedWork(page, '未保存的台账');
        await page.reload();
        await readyAgain(page);
        assertEqual((await state(page)).dirty, true, 'dirty');
        await focusApp(page);  // the browser asks only on pages the user has interacted with
        const dialog = new Promise((resolve) => page.once('dialog', resolve));
        await page.close({ runBeforeUnload: true });
        const d = await Promise.race([dialog, sleep(5000).then(() => null)]);
        assert(d, 'no dialog when closing with unsaved changes');
        assertEqual(d.type(), 'beforeunload', 'dialog type');
        await d.accept();
    });

    test('m. the offline file works from file:// with the demo ledger', async (t) => {
        assert(existsSync(offlineFile), `${offlineFile} is missing (build the web app)`);
        const page = await t.newPage();
        await loadApp(page, pathToFileURL(offlineFile).href);
        const s = await state(page);
        assert(s.title.includes('株洲'), `title ${JSON.stringify(s.title)}`);
        assertEqual(s.project_count, 153, 'project_count');
        assertEqual(s.error_dialog_open, false, 'error_dialog_open');
        const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
        assert(resources.every((r) => r.startsWith('data:') || r.startsWith('blob:')), `fetched: ${resources.join(', ')}`);
        await sleep(300);
        const shot = await screenshot(page, 'm-offline-file.png');
        assertNotBlank(shot.png, shot.file);
    });

    test('n. service worker: the app loads offline after the first visit', async (t) => {
        const page = await t.newPage();
        await loadApp(page, t.url);
        await page.waitForFunction(async () => {
            await navigator.serviceWorker.ready;
            return !!navigator.serviceWorker.controller;
        }, null, { timeout: 15000, polling: 100 });
        const cached = await page.evaluate(async () => {
            const keys = await caches.keys();
            const cache = await caches.open(keys.find((k) => k.startsWith('kpl-')));
            return (await cache.keys()).map((r) => new URL(r.url).pathname);
        });
        for (const f of ['/app.js', '/app.wasm', '/app.data', '/page.js'])
            assert(cached.includes(f), `${f} not cached: ${cached.join(', ')}`);
        await page.context().setOffline(true);
        await page.reload();
        await readyAgain(page);
        const s = await state(page);
        assertEqual(s.project_count, 153, 'project_count offline');
        await sleep(300);
        const shot = await screenshot(page, 'n-offline-reload.png');
        assertNotBlank(shot.png, shot.file);
        await page.context().setOffline(false);
    });
}
