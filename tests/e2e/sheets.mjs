// Browser tests of spreadsheets (issue 5): a GBK CSV ledger imported through the real file chooser
// and the column-mapping dialog (guesses, preview, the cells in error listed by row and column),
// one undo step; the projects table exported as .xlsx through a real download and unzipped here
// (central directory + inflateRaw) to check a Chinese cell and a numeric cell. Real user actions
// only: clicks at kpl.state().marks, keys, the file chooser, downloads. Registered by run.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { markHelpers } from './harness.mjs';

// The files of a zip archive, read through its central directory (test side only).
function unzip(buffer) {
    let end = buffer.length - 22;
    while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw new Error('not a zip archive: no end of central directory');
    const count = buffer.readUInt16LE(end + 10);
    let p = buffer.readUInt32LE(end + 16);
    const files = {};
    for (let i = 0; i < count; i++) {
        if (buffer.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
        const method = buffer.readUInt16LE(p + 10);
        const compressed = buffer.readUInt32LE(p + 20);
        const nameLength = buffer.readUInt16LE(p + 28), extraLength = buffer.readUInt16LE(p + 30);
        const commentLength = buffer.readUInt16LE(p + 32);
        const local = buffer.readUInt32LE(p + 42);
        const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
        const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
        const data = buffer.subarray(dataStart, dataStart + compressed);
        files[name] = (method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString('utf8');
        p += 46 + nameLength + extraLength + commentLength;
    }
    return files;
}

const decodeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export function registerSheetsTests(test, h) {
    const { assert, assertEqual, focusApp, waitForState, screenshot, sleep, loadApp, state, repoRoot, assertNotBlank } = h;
    const { markRect, clickMark } = markHelpers({ scroll: false });
    const resultsDir = join(repoRoot, 'test-results');
    const gbkFixture = join(repoRoot, 'tests', 'data', 'sheets', 'gbk-ledger.csv');

    const center = (r) => [r[0] + r[2] / 2, r[1] + r[3] / 2];
    async function openFileMenu(page) {
        await clickMark(page, 'menu.file');
        await markRect(page, 'sheets.import');
    }

    test('v. sheets: a GBK CSV imports through the mapping dialog; the projects table exports as .xlsx', async (t) => {
        const page = await t.newPage({ viewport: { width: 1400, height: 900 } });
        await loadApp(page, t.url);
        const before = (await state(page)).project_count;

        // File › 导入表格… → the real file chooser → the GBK fixture.
        await focusApp(page);
        await openFileMenu(page);
        const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), clickMark(page, 'sheets.import')]);
        await chooser.setFiles(gbkFixture);
        await markRect(page, 'sheets.dialog');

        // The guesses from the GBK headers (项目名称, 县市区, 责任单位, 联系市领导, 年度计划投资(万元), 开工时间).
        for (const [letter, key] of [['B', 'code'], ['C', 'name'], ['D', 'district'], ['E', 'department'],
            ['F', 'city_leader'], ['G', 'total_investment_wan'], ['H', 'plan_wan'], ['I', 'actual_start'],
            ['J', 'planned_completion'], ['K', 'status'], ['A', 'ignore']])
            await markRect(page, `sheets.map.${letter}=${key}`);
        // Three data rows in the preview (file rows 3-5; the 合计 row is no project) ...
        for (const row of [3, 4, 5]) await markRect(page, `sheets.preview.${row}`);
        // ... and the two cells that do not convert, by row and column: 明年 (row 4, 开工时间 = I) and
        // 1200.125 (row 5, 年度计划投资 = H).
        await markRect(page, 'sheets.issue.4.I');
        await markRect(page, 'sheets.issue.5.H');
        await sleep(300);
        const shot = await screenshot(page, 'v-sheets-mapping-dialog.png');
        assertNotBlank(shot.png, shot.file);

        // Import: three projects, one edit.
        await clickMark(page, 'sheets.import_button');
        await waitForState(page, (n) => window.kpl.state().project_count === n, before + 3, `${before + 3} projects`);
        assertEqual((await state(page)).dirty, true, 'dirty after the import');
        await focusApp(page);
        await page.keyboard.press('Control+z');
        await waitForState(page, (n) => window.kpl.state().project_count === n, before, 'one undo removes all three');
        await page.keyboard.press('Control+y');
        await waitForState(page, (n) => window.kpl.state().project_count === n, before + 3, 'redo brings them back');

        // The saved ledger holds the Chinese name, the plan 3000.5 万元 and the date of "2016年12月".
        const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('Control+s')]);
        const ledger = JSON.parse(readFileSync(await saved.path(), 'utf8'));
        const imported = ledger.projects.find((p) => p.name === '醴陵市陶瓷产业园道路');
        assert(imported, 'the imported project 醴陵市陶瓷产业园道路 is in the saved ledger');
        assertEqual(imported.plan_wan, 3000.5, 'plan_wan of the imported project');
        assertEqual(imported.planned_completion, '2016-12-31', 'planned_completion from 2016年12月');
        const second = ledger.projects.find((p) => p.name === '攸县城南污水处理厂');
        assert(second && second.actual_start === undefined, 'the row with 明年 is kept, its start left empty');

        // File › 导出表格 › 项目表（xlsx）: a real download, unzipped here.
        await openFileMenu(page);
        const [ex, ey] = center(await markRect(page, 'sheets.export'));
        await page.mouse.move(ex, ey);
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }),
            clickMark(page, 'sheets.export.projects_xlsx')]);
        const name = download.suggestedFilename();
        assert(name.endsWith('.xlsx'), `download name ${name}`);
        const file = join(resultsDir, `v-${name}`);
        await download.saveAs(file);
        const parts = unzip(readFileSync(file));
        for (const part of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'])
            assert(parts[part] !== undefined, `the .xlsx has ${part}`);
        const strings = [...parts['xl/sharedStrings.xml'].matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => decodeXml(m[1]));
        const sheet = parts['xl/worksheets/sheet1.xml'];
        // The Chinese name is a shared string in column C (项目名称); its row's column Q
        // (年度计划投资(万元), the 16th field after 序号) is a numeric cell holding 3000.5.
        const nameIndex = strings.indexOf('醴陵市陶瓷产业园道路');
        assert(nameIndex >= 0, 'the Chinese name is among the shared strings');
        const row = sheet.match(new RegExp(`<c r="C(\\d+)" t="s"><v>${nameIndex}</v></c>`));
        assert(row, 'the name is a cell of column C');
        assert(new RegExp(`<c r="Q${row[1]}"(?: s="\\d+")?><v>3000\\.5</v></c>`).test(sheet),
            `row ${row[1]} has the number 3000.5 in column Q`);
        const headerQ = sheet.match(/<c r="Q1" t="s" s="1"><v>(\d+)<\/v><\/c>/);
        assert(headerQ && strings[Number(headerQ[1])] === '年度计划投资(万元)', 'column Q is 年度计划投资(万元), bold');
    });
}
