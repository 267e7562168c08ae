// Browser test of sharing (issue 5): a department's copy edits a project's monthly report and
// exports a report package (File › 导出报送包…, the received ledger picked with the real file
// chooser, a real download); the office's copy edits the same report differently, imports the
// package (File › 导入报送包…, the file chooser), sees the conflict side by side and takes theirs
// (用对方的), saves with Ctrl+S, and ledgertool checks the file. Real user actions only: clicks at
// kpl.state().marks, keys, typed text. Registered by run.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markHelpers } from './harness.mjs';

export function registerSharingTests(test, h) {
    const { assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp, state } = h;
    const { markRect, clickMark } = markHelpers({ scroll: true });
    const resultsDir = join(h.repoRoot, 'test-results');

    // The File menu is the menu bar's first item, left of the View menu (whose mark we have).
    async function openFileMenu(page) {
        const view = await markRect(page, 'menu.view');
        await page.mouse.click(18, view[1] + view[3] / 2);
        await markRect(page, 'sharing.import');
    }
    const ledgerNow = async (page) => JSON.parse(await page.evaluate(() => window.kpl.saveText()));

    // Types `amount` as the as-of month's investment of project `index` through the editor.
    async function editReport(page, projectId, amount) {
        await clickMark(page, `project.${projectId}`);
        await clickMark(page, 'button.edit_project');
        await waitForState(page, (id) => window.kpl.state().editor_open && window.kpl.state().selected_project_id === id,
            projectId, `the editor of ${projectId}`);
        await clickMark(page, 'report.investment');
        await page.keyboard.press('Control+a');
        await page.keyboard.type(amount, { delay: 10 });
        await clickMark(page, 'report.save');
    }
    const reportOf = (ledger, projectId) => {
        const p = ledger.projects.find((x) => x.id === projectId);
        return p.reports.find((r) => r.month === ledger.meta.as_of);
    };

    test('x. sharing: a package exported from one copy conflicts in another and is resolved through the dialog', async (t) => {
        // --- the department's copy
        const dept = await t.newPage({ viewport: { width: 1400, height: 900 } });
        await loadApp(dept, t.url);
        const base = await ledgerNow(dept);
        const project = base.projects[2];
        assert(reportOf(base, project.id), `project ${project.id} has a report for ${base.meta.as_of}`);
        // The file the office sent: the ledger as it opened, saved with Ctrl+S.
        await focusApp(dept);
        const [received] = await Promise.all([dept.waitForEvent('download', { timeout: 10000 }), dept.keyboard.press('Control+s')]);
        const basePath = join(resultsDir, 'x-received-ledger.json');
        await received.saveAs(basePath);

        await editReport(dept, project.id, '123.45');
        await waitForState(dept, ({ pid }) => {
            const l = JSON.parse(window.kpl.saveText());
            const p = l.projects.find((x) => x.id === pid);
            return p.reports.some((r) => r.month === l.meta.as_of && r.investment_wan === 123.45);
        }, { pid: project.id }, 'the department edit');

        // File › 导出报送包…: the project's department, the received file, download.
        await focusApp(dept);
        await openFileMenu(dept);
        await clickMark(dept, 'sharing.export');
        await markRect(dept, 'sharing.export.window');
        await clickMark(dept, 'sharing.export.unit');
        await clickMark(dept, `sharing.export.unit.${project.department_id}`);
        const [chooser] = await Promise.all([dept.waitForEvent('filechooser', { timeout: 10000 }),
            clickMark(dept, 'sharing.export.pick_base')]);
        await chooser.setFiles(basePath);
        await sleep(400);
        await screenshot(dept, 'x-sharing-export.png');
        const [pkgDownload] = await Promise.all([dept.waitForEvent('download', { timeout: 10000 }),
            clickMark(dept, 'sharing.export.download')]);
        const packagePath = join(resultsDir, 'x-package.json');
        await pkgDownload.saveAs(packagePath);
        const pkg = JSON.parse(readFileSync(packagePath, 'utf8'));
        assertEqual(pkg.format, 'key-project-ledger-package', 'package format');
        assertEqual(pkg.unit_id, project.department_id, 'package unit');
        // Stamped with the time of the export (UTC), within this test's run.
        const exportedAt = Date.parse(pkg.exported_at);
        assert(/Z$/.test(pkg.exported_at) && Math.abs(Date.now() - exportedAt) < 10 * 60 * 1000,
            `exported_at is the time of the export: ${pkg.exported_at}`);
        const change = pkg.changes.find((c) => c.record === `projects/${project.id}/reports/${base.meta.as_of}` && c.field === 'investment_wan');
        assert(change && change.value === 123.45, `the package holds the report's investment: ${JSON.stringify(pkg.changes)}`);

        // --- the office's copy: the same report, another figure
        const office = await t.newPage({ viewport: { width: 1400, height: 900 } });
        await loadApp(office, t.url);
        await editReport(office, project.id, '99.5');
        await waitForState(office, ({ pid }) => {
            const l = JSON.parse(window.kpl.saveText());
            const p = l.projects.find((x) => x.id === pid);
            return p.reports.some((r) => r.month === l.meta.as_of && r.investment_wan === 99.5);
        }, { pid: project.id }, 'the office edit');

        // File › 导入报送包… → the package: one conflict, the office's figure kept for now.
        await focusApp(office);
        await openFileMenu(office);
        const [importChooser] = await Promise.all([office.waitForEvent('filechooser', { timeout: 10000 }),
            clickMark(office, 'sharing.import')]);
        await importChooser.setFiles(packagePath);
        await markRect(office, 'sharing.summary.conflicts');
        await sleep(300);
        await screenshot(office, 'x-sharing-summary.png');
        let ledger = await ledgerNow(office);
        assertEqual(reportOf(ledger, project.id).investment_wan, 99.5, 'the office keeps its value until it chooses');
        assertEqual(ledger.sharing.conflicts.length, 1, 'one open conflict');

        // The dialog: base, mine, theirs side by side; take theirs.
        await clickMark(office, 'sharing.summary.show_conflicts');
        await markRect(office, 'sharing.conflict.0.use_theirs.0');
        await clickMark(office, 'sharing.summary.close');
        await sleep(300);
        await screenshot(office, 'x-sharing-conflicts.png');
        await clickMark(office, 'sharing.conflict.0.use_theirs.0');
        await waitForState(office, ({ pid }) => {
            const l = JSON.parse(window.kpl.saveText());
            const p = l.projects.find((x) => x.id === pid);
            return p.reports.some((r) => r.month === l.meta.as_of && r.investment_wan === 123.45);
        }, { pid: project.id }, 'theirs taken');
        const s = await state(office);
        assert(/冲突|theirs/i.test(s.undo_label), `one undo step names the choice: ${s.undo_label}`);

        // Save (Ctrl+S): the file loads, holds the department's figure and no open conflict.
        await focusApp(office);
        const [saved] = await Promise.all([office.waitForEvent('download', { timeout: 10000 }), office.keyboard.press('Control+s')]);
        const savedPath = join(resultsDir, 'x-office-after-import.json');
        await saved.saveAs(savedPath);
        execFileSync(h.ledgertool, ['check', savedPath], { stdio: ['ignore', 'pipe', 'pipe'] });  // throws unless exit 0
        ledger = JSON.parse(readFileSync(savedPath, 'utf8'));
        assertEqual(reportOf(ledger, project.id).investment_wan, 123.45, 'saved investment');
        assertEqual(ledger.sharing.conflicts.length, 0, 'no open conflict in the saved file');
        assertEqual(ledger.sharing.imports.length, 1, 'the package is recorded as imported');
        // Importing the same package again through ledgertool changes nothing (exit 0: nothing open).
        const out = execFileSync(h.ledgertool, ['import', savedPath, packagePath, '-o', join(resultsDir, 'x-reimport.json')],
            { encoding: 'utf8' });
        assertEqual(JSON.parse(out).packages[0].already_imported, true, 're-import recognised');
    });
}
