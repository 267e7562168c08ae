// Checks that the JSON Schema (docs/ledger.schema.json) and the C++ loader (ledgertool check) agree
// on the demo ledger and on a set of good and bad files, each bad file having exactly one defect.
//
//   node tests/schema/check_schema.mjs [--schema-only]
//
// LEDGERTOOL=path overrides the default build/native/src/cli/ledgertool. --schema-only skips every
// loader check (for working on the schema before the native build exists).
// The files under tests/data/{good,bad} are written by tests/schema/make_cases.py; what each one
// must give is the table below, the single place for these expectations. A file without an entry,
// or an entry without a file, is a failure.
//
// Verdicts. schema: "accept" | "reject" (a file that is not JSON text at all, malformed or not
// UTF-8, has no instance to validate and counts as "reject"). loader: "accept" (exit 0, no
// warnings) | "warn" (exit 0 with warnings) | "reject" (exit 1, and the first error line names
// `path`). For accepted canonical files, `ledgertool format` must also give back the same bytes.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaOnly = process.argv.includes('--schema-only');
const ledgertool = process.env.LEDGERTOOL || path.join(root, 'build/native/src/cli/ledgertool');

// [SECTION] Expectations -----------------------------------------------------------------------
const S_ONLY = 'schema cannot tell; loader only';
const DEMO = { file: 'assets/demo-ledger.json', schema: 'accept', loader: 'accept', canonical: true };
const GOOD = {
  'minimal.json': { schema: 'accept', loader: 'accept', canonical: true, why: 'small complete ledger' },
  'unknown-fields.json': { schema: 'accept', loader: 'accept', canonical: true, why: 'unknown members kept and written back' },
  'sharing.json': { schema: 'accept', loader: 'accept', canonical: true, why: 'settings.ownership and an open merge conflict kept (§14)' },
  'published.json': { schema: 'accept', loader: 'accept', canonical: true, why: 'a month\'s published rankings (§15)' },
  'optional-absent.json': { schema: 'accept', loader: 'accept', why: 'no settings, stamps, as_of, optional dates' },
  'warnings.json': { schema: 'accept', loader: 'warn', why: 'completed more than total; percent goes down' },
};
const BAD = {
  // caught by both
  'format-name.json': { schema: 'reject', loader: 'reject', path: 'format', why: 'format is not "key-project-ledger"' },
  'format-version-2.json': { schema: 'reject', loader: 'reject', path: 'format_version', why: 'unknown format version' },
  'missing-meta.json': { schema: 'reject', loader: 'reject', path: 'meta', why: 'required member missing' },
  'missing-project-name.json': { schema: 'reject', loader: 'reject', path: 'projects[0].name', why: 'required field missing' },
  'plan-is-string.json': { schema: 'reject', loader: 'reject', path: 'projects[0].plan_wan', why: 'money as a string' },
  'money-negative.json': { schema: 'reject', loader: 'reject', path: 'projects[0].funds_in_place_wan', why: 'negative money' },
  'status-unknown.json': { schema: 'reject', loader: 'reject', path: 'projects[0].status', why: 'bad enum' },
  'date-slashes.json': { schema: 'reject', loader: 'reject', path: 'projects[0].planned_completion', why: 'date pattern' },
  'date-feb-30.json': { schema: 'reject', loader: 'reject', path: 'projects[0].actual_start', why: '2016-02-30 (format "date" asserted)' },
  'month-13.json': { schema: 'reject', loader: 'reject', path: 'projects[0].reports[0].month', why: 'month pattern' },
  'id-bad-chars.json': { schema: 'reject', loader: 'reject', path: 'task_force.roles[0].id', why: 'ID with a space' },
  'id-too-long.json': { schema: 'reject', loader: 'reject', path: 'districts[1].id', why: 'ID over 64 characters' },
  'percent-over-100.json': { schema: 'reject', loader: 'reject', path: 'projects[0].reports[1].percent_complete', why: 'percent > 100' },
  'problem-state-unknown.json': { schema: 'reject', loader: 'reject', path: 'problems[0].state', why: 'bad enum' },
  'action-kind-unknown.json': { schema: 'reject', loader: 'reject', path: 'problems[0].history[1].kind', why: 'bad enum' },
  'history-starts-with-accept.json': { schema: 'reject', loader: 'reject', path: 'problems[0].history[0].kind', why: 'first action not assign' },
  'history-empty.json': { schema: 'reject', loader: 'reject', path: 'problems[0].history', why: 'empty history' },
  'state-assigned-after-accept.json': { schema: 'reject', loader: 'reject', path: 'problems[0].state', why: 'state assigned, history went on' },
  'demo-not-boolean.json': { schema: 'reject', loader: 'reject', path: 'meta.demo', why: 'wrong type' },
  'money-unit-yuan.json': { schema: 'reject', loader: 'reject', path: 'meta.money_unit', why: 'money unit not 万元' },
  'timestamp-no-zone.json': { schema: 'reject', loader: 'reject', path: 'projects[0].modified_at', why: 'timestamp pattern' },
  'district-kind-unknown.json': { schema: 'reject', loader: 'reject', path: 'districts[0].kind', why: 'bad enum' },
  'year-fraction.json': { schema: 'reject', loader: 'reject', path: 'meta.year', why: 'integer expected' },
  'milestones-not-array.json': { schema: 'reject', loader: 'reject', path: 'projects[0].milestones', why: 'object for an array' },
  'rev-negative.json': { schema: 'reject', loader: 'reject', path: 'districts[0].rev', why: 'negative revision' },
  'bottom-n-negative.json': { schema: 'reject', loader: 'reject', path: 'settings.ranking.bottom_n', why: 'negative setting' },
  'schedule-basis-unknown.json': { schema: 'reject', loader: 'reject', path: 'settings.indicators.schedule_basis', why: 'unknown schedule basis' },
  'schedule-start-month-13.json': { schema: 'reject', loader: 'reject', path: 'settings.indicators.schedule_start_month', why: 'start month out of range' },
  'qualitative-score-over-100.json': { schema: 'reject', loader: 'reject', path: 'settings.assessment.qualitative_scores[0].score', why: 'qualitative score over 100' },
  'published-rank-zero.json': { schema: 'reject', loader: 'reject', path: 'published_rankings[0].districts[0].rank', why: 'published rank below 1' },
  'published-rate-negative.json': { schema: 'reject', loader: 'reject', path: 'published_rankings[0].districts[0].rates.start', why: 'negative published rate' },
  'not-an-object.json': { schema: 'reject', loader: 'reject', path: '', why: 'top level is an array' },
  'malformed-double-comma.json': { schema: 'reject', loader: 'reject', path: 'line 5, column 17', why: 'malformed JSON (no instance)' },
  'invalid-utf8.json': { schema: 'reject', loader: 'reject', path: 'line 7, column 16', why: 'not UTF-8 (no instance)' },
  // loader only
  'duplicate-district-id.json': { schema: 'accept', loader: 'reject', path: 'districts[1].id', why: S_ONLY + ': duplicate ID' },
  'duplicate-milestone-id.json': { schema: 'accept', loader: 'reject', path: 'projects[0].milestones[1].id', why: S_ONLY + ': duplicate ID' },
  'dangling-district.json': { schema: 'accept', loader: 'reject', path: 'projects[0].district_id', why: S_ONLY + ': dangling reference' },
  'dangling-responsible-unit.json': { schema: 'accept', loader: 'reject', path: 'problems[0].responsible_unit_id', why: S_ONLY + ': dangling reference' },
  'dangling-member-unit.json': { schema: 'accept', loader: 'reject', path: 'task_force.member_unit_ids[2]', why: S_ONLY + ': dangling reference' },
  'department-shares-district-id.json': { schema: 'accept', loader: 'reject', path: 'departments[1].id', why: S_ONLY + ': department and district share an ID' },
  'duplicate-report-month.json': { schema: 'accept', loader: 'reject', path: 'projects[0].reports[1].month', why: S_ONLY + ': two reports for one month' },
  'money-three-decimals.json': { schema: 'accept', loader: 'reject', path: 'projects[0].plan_wan', why: S_ONLY + ': more than two decimals of 万元' },
  'deadline-before-assigned.json': { schema: 'accept', loader: 'reject', path: 'problems[0].deadline', why: S_ONLY + ': deadline before assigned date' },
  'history-illegal-step.json': { schema: 'accept', loader: 'reject', path: 'problems[0].history[1].kind', why: S_ONLY + ': feedback before accept' },
  'state-disagrees-with-history.json': { schema: 'accept', loader: 'reject', path: 'problems[0].state', why: S_ONLY + ': history ends closed' },
  'red-below-yellow.json': { schema: 'accept', loader: 'reject', path: 'settings.warnings.behind_red_points', why: S_ONLY + ': red threshold below yellow' },
  'published-month-twice.json': { schema: 'accept', loader: 'reject', path: 'published_rankings[1].month', why: S_ONLY + ': a month published twice' },
  'published-month-other-year.json': { schema: 'accept', loader: 'reject', path: 'published_rankings[0].month', why: S_ONLY + ': a month outside the ledger year' },
  'published-unit-unknown.json': { schema: 'accept', loader: 'reject', path: 'published_rankings[0].departments[0].unit_id', why: S_ONLY + ': a district in the departments\' ranking' },
  'year-zero-date.json': { schema: 'accept', loader: 'reject', path: 'projects[0].milestones[1].planned', why: S_ONLY + ': year 0000' },
  'format-version-1.0.json': { schema: 'accept', loader: 'reject', path: 'format_version', why: S_ONLY + ': 1.0 is the number 1 to JSON' },
  'duplicate-key.json': { schema: 'accept', loader: 'reject', path: 'projects[0].name', why: S_ONLY + ': duplicate key (JSON.parse keeps the last)' },
};

// [SECTION] Schema ----------------------------------------------------------------------------
const schema = JSON.parse(readFileSync(path.join(root, 'docs/ledger.schema.json'), 'utf8'));
// strictTuples is off: the history's prefixItems (first action is assign) is deliberately open-ended.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function schemaVerdict(bytes) {
  let value;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return { verdict: 'reject', detail: 'not JSON text: ' + e.message };
  }
  if (validate(value)) return { verdict: 'accept', detail: '' };
  const first = validate.errors[0];
  return { verdict: 'reject', detail: `${first.instancePath || '/'} ${first.message} (${validate.errors.length} error(s))` };
}

// [SECTION] Loader ----------------------------------------------------------------------------
function run(args) {
  const r = spawnSync(ledgertool, args, { encoding: 'buffer', maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`cannot run ${ledgertool}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

function loaderVerdict(file) {
  const r = run(['check', file]);
  const out = r.stdout.toString('utf8');
  if (r.code === 0) return { verdict: r.stderr.trim() ? 'warn' : 'accept', detail: r.stderr.trim().split('\n')[0] || '', lines: [] };
  if (r.code === 1) {
    const lines = out.split('\n').filter(Boolean);
    return { verdict: 'reject', detail: lines[0] || '', lines };
  }
  return { verdict: `exit ${r.code}`, detail: (r.stderr || out).trim(), lines: [] };
}

// [SECTION] Cases -----------------------------------------------------------------------------
let passed = 0;
let failed = 0;
function report(ok, name, message) {
  if (ok) passed++;
  else failed++;
  const shown = message && message.length > 140 ? message.slice(0, 139) + '…' : message;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${shown ? ' — ' + shown : ''}`);
}

function checkFile(rel, exp) {
  const file = path.join(root, rel);
  const bytes = readFileSync(file);
  const s = schemaVerdict(bytes);
  report(s.verdict === exp.schema, `schema ${exp.schema}: ${rel}`,
    s.verdict === exp.schema ? exp.why || '' : `got ${s.verdict}: ${s.detail}`);
  if (schemaOnly) return;
  const l = loaderVerdict(file);
  let ok = l.verdict === exp.loader;
  let note = ok ? l.detail : `got ${l.verdict}: ${l.detail}`;
  if (ok && exp.loader === 'reject') {
    // The loader must reject for the defect of the file: its first error names the expected path.
    const prefix = exp.path === '' ? '' : exp.path + ':';
    ok = exp.path === '' ? !/^[A-Za-z_]/.test(l.lines[0]) : l.lines[0].startsWith(prefix);
    if (!ok) note = `rejected, but the first error is not at "${exp.path}": ${l.lines[0]}`;
  }
  report(ok, `loader ${exp.loader}: ${rel}`, note);
  if (exp.canonical && l.verdict === 'accept') {
    const r = run(['format', file]);
    const same = r.code === 0 && Buffer.compare(r.stdout, bytes) === 0;
    report(same, `format reproduces the bytes: ${rel}`, same ? '' : describeDifference(bytes, r.stdout, r.code));
  }
}

function describeDifference(want, got, code) {
  if (code !== 0) return `ledgertool format exited ${code}`;
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const line = want.subarray(0, i).toString('utf8').split('\n').length;
  const show = (b) => JSON.stringify(b.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  return `first difference at byte ${i} (line ${line}): file ${show(want)} vs saver ${show(got)}`;
}

function checkDirectory(sub, table) {
  const dir = path.join(root, 'tests/data', sub);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of files) {
    if (!(f in table)) report(false, `tests/data/${sub}/${f}`, 'no expectation in the table of check_schema.mjs');
  }
  for (const [f, exp] of Object.entries(table)) {
    if (!files.includes(f)) {
      report(false, `tests/data/${sub}/${f}`, 'missing file (run python3 tests/schema/make_cases.py)');
      continue;
    }
    checkFile(`tests/data/${sub}/${f}`, exp);
  }
}

if (!schemaOnly && !existsSync(ledgertool)) {
  console.log(`FAIL ledgertool not found at ${ledgertool} (build it, set LEDGERTOOL, or pass --schema-only)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
checkFile(DEMO.file, DEMO);
checkDirectory('good', GOOD);
checkDirectory('bad', BAD);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
