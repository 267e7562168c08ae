// Report packages, import, three-way merge and ownership (merge.h), on the hand-built ledger of
// test_ledgers.h: one case per rule, then properties on ledgers and edits generated from fixed seeds.
//
// In SmallLedger U1 (市住建局) serves P001 and P004, U3 (市发改委) P002, U2 (市交通局) P003; problem
// Q001 is U1's (accepted), Q003 U3's (assigned), Q002 D3's (closed).
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "edit.h"
#include "ledger_json.h"
#include "merge.h"
#include "test_ledgers.h"
#include "test_support.h"

using namespace kpl;
using json = nlohmann::json;
using kpl_test::Describe;
using kpl_test::SmallLedger;

namespace {

const EditContext kOffice{"项目竣工攻坚组办公室", "2016-07-02T09:00:00+08:00"};
const EditContext kU1{"市住建局", "2016-07-01T10:00:00+08:00"};
const EditContext kU3{"市发改委", "2016-07-01T11:00:00+08:00"};

Project& ProjectOf(Ledger& l, const std::string& id)
{
    for (Project& p : l.projects)
        if (p.id == id)
            return p;
    FAIL("no project " << id);
    return l.projects.front();
}

// A department's copy after `edit`, made through the editor (stamps as the app would set them).
Ledger Edited(const Ledger& base, const EditContext& who, const std::function<void(Project&)>& edit,
              const std::string& project_id)
{
    EditHistory h(base);
    Ledger copy = base;
    Project draft = ProjectOf(copy, project_id);
    edit(draft);
    EditResult r = h.ReplaceProject(who, project_id, draft);
    INFO(Describe(r.errors));
    REQUIRE(r.applied);
    return h.ledger();
}

ReportPackage Package(const Ledger& base, const Ledger& copy, const std::string& unit)
{
    std::vector<Diagnostic> errors;
    ReportPackage p = MakePackage(base, copy, unit, unit, "2016-07-01T18:00:00+08:00", &errors);
    INFO(Describe(errors));
    REQUIRE(errors.empty());
    return p;
}

Ledger Imported(const Ledger& ledger, const ReportPackage& p, ImportSummary* summary = nullptr)
{
    ImportResult r = ImportPackage(ledger, p);
    INFO(Describe(r.errors));
    REQUIRE(r.ledger);
    if (summary)
        *summary = r.summary;
    return *r.ledger;
}

const MergeConflict* FindConflict(const Ledger& l, const std::string& record, const std::string& field)
{
    static SharingState state;
    state = ReadSharing(l);
    for (const MergeConflict& c : state.conflicts)
        if (c.record == record && c.field == field)
            return &c;
    return nullptr;
}

} // namespace

TEST_SUITE("merge")
{

TEST_CASE("a package lists the department's field changes, new records and deletions since its base")
{
    Ledger base = SmallLedger();
    Ledger copy = Edited(base, kU1, [](Project& p) {
        p.funds_in_place = Money::FromWan(1800);                              // 1500 -> 1800
        p.reports.push_back(kpl_test::TestReport(7, 400, 60, "亮化施工"));     // new July report
        p.reports.erase(p.reports.begin());                                    // April removed
    }, "P001");
    ReportPackage p = Package(base, copy, "U1");
    CHECK(p.ledger_id == "test-2016");
    CHECK(p.base_revision == 10);
    CHECK(p.revision == 11);
    REQUIRE(p.changes.size() == 3);
    // Sorted by record key: the project, then its reports 2016-04 and 2016-07.
    CHECK(p.changes[0].op == ChangeOp::Set);
    CHECK(p.changes[0].record == "projects/P001");
    CHECK(p.changes[0].field == "funds_in_place_wan");
    CHECK(p.changes[0].base == json(1500));
    CHECK(p.changes[0].value == json(1800));
    CHECK(p.changes[0].stamp.revision == 5);  // P001 was at rev 4
    CHECK(p.changes[0].stamp.modified_by == "市住建局");
    CHECK(p.changes[1].op == ChangeOp::Delete);
    CHECK(p.changes[1].record == "projects/P001/reports/2016-04");
    CHECK(p.changes[1].base["investment_wan"] == json(500));
    CHECK(p.changes[2].op == ChangeOp::Add);
    CHECK(p.changes[2].record == "projects/P001/reports/2016-07");
    CHECK(p.changes[2].value["progress_text"] == "亮化施工");

    // Saved and loaded back: the same package, the same content-derived ID.
    PackageLoadResult loaded = LoadPackage(SavePackage(p));
    INFO(Describe(loaded.errors));
    REQUIRE(loaded.ok());
    CHECK(loaded.package->package_id == p.package_id);
    CHECK(SavePackage(*loaded.package) == SavePackage(p));
}

TEST_CASE("bad packages are refused with the path of what is wrong")
{
    CHECK(LoadPackage("{").errors.size() == 1);
    PackageLoadResult other = LoadPackage(R"({"format": "key-project-ledger", "format_version": 1})");
    REQUIRE(other.errors.size() == 1);
    CHECK(other.errors[0].path == "format");
    PackageLoadResult bad = LoadPackage(R"({"format": "key-project-ledger-package", "format_version": 1,
        "ledger_id": "x", "base_revision": 3, "unit_id": "U1",
        "changes": [{"op": "set", "record": "projects/P 1", "field": "x", "base": 1, "value": 2},
                    {"op": "move", "record": "projects/P1"}]})");
    CHECK_FALSE(bad.ok());
    CHECK(kpl_test::FindDiagnostic(bad.errors, "changes[0].record"));
    CHECK(kpl_test::FindDiagnostic(bad.errors, "changes[1].op"));
}

TEST_CASE("import: a field the office left alone is applied; one it changed too is a conflict kept until chosen")
{
    Ledger base = SmallLedger();
    Ledger dept = Edited(base, kU1, [](Project& p) {
        p.funds_in_place = Money::FromWan(1800);
        p.contact = "建管科 0731-1";
    }, "P001");
    // The office, meanwhile, changed the contact differently and the responsible person.
    Ledger office = Edited(base, kOffice, [](Project& p) {
        p.contact = "办公室转建管科";
        p.responsible_person = "市住建局副科长";
    }, "P001");

    ImportSummary summary;
    Ledger merged = Imported(office, Package(base, dept, "U1"), &summary);
    const Project& p = merged.projects[0];
    CHECK(p.funds_in_place == Money::FromWan(1800));        // department only: applied
    CHECK(p.responsible_person == "市住建局副科长");          // office only: kept
    CHECK(p.contact == "办公室转建管科");                      // both: the office's own until chosen
    REQUIRE(summary.applied.size() == 1);
    CHECK(summary.applied[0].field == "funds_in_place_wan");
    REQUIRE(summary.conflicts.size() == 1);
    const MergeConflict& c = summary.conflicts[0];
    CHECK(c.record == "projects/P001");
    CHECK(c.field == "contact");
    CHECK(c.base == json("建管科"));
    CHECK(c.mine == json("办公室转建管科"));
    REQUIRE(c.theirs.size() == 1);
    CHECK(c.theirs[0].value == json("建管科 0731-1"));
    CHECK(c.theirs[0].modified_by == "市住建局");
    CHECK(c.theirs[0].modified_at == "2016-07-01T10:00:00+08:00");
    CHECK(merged.revision == office.revision + 1);

    // The conflict survives saving and loading.
    LoadResult reloaded = LoadLedger(SaveLedger(merged));
    REQUIRE(reloaded.ok());
    CHECK(SaveLedger(*reloaded.ledger) == SaveLedger(merged));
    REQUIRE(FindConflict(*reloaded.ledger, "projects/P001", "contact"));

    // Choosing theirs is one undoable step; undo brings the conflict back.
    EditHistory h(*reloaded.ledger);
    const std::string before = SaveLedger(h.ledger());
    EditResult r = ResolveConflictEdit(h, kOffice, "projects/P001", "contact", 0);
    INFO(Describe(r.errors));
    REQUIRE(r.applied);
    CHECK(h.ledger().projects[0].contact == "建管科 0731-1");
    CHECK(h.ledger().projects[0].stamp.modified_by == "项目竣工攻坚组办公室");
    CHECK_FALSE(FindConflict(h.ledger(), "projects/P001", "contact"));
    REQUIRE(h.UndoLabel());
    CHECK(h.UndoLabel()->zh == "冲突用对方的 projects/P001 contact");
    REQUIRE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == before);
    // Keeping mine leaves the value and clears the conflict.
    REQUIRE(ResolveConflictEdit(h, kOffice, "projects/P001", "contact", -1).applied);
    CHECK(h.ledger().projects[0].contact == "办公室转建管科");
    CHECK_FALSE(FindConflict(h.ledger(), "projects/P001", "contact"));
}

TEST_CASE("importing the same package again changes nothing, also after the office decided")
{
    Ledger base = SmallLedger();
    Ledger dept = Edited(base, kU1, [](Project& p) { p.contact = "新联系方式"; }, "P001");
    Ledger office = Edited(base, kOffice, [](Project& p) { p.contact = "办公室的"; }, "P001");
    ReportPackage pkg = Package(base, dept, "U1");
    Ledger once = Imported(office, pkg);
    ImportSummary again;
    Ledger twice = Imported(once, pkg, &again);
    CHECK(again.already_imported);
    CHECK(SaveLedger(twice) == SaveLedger(once));
    ImportResult resolved = ResolveConflict(once, kOffice, "projects/P001", "contact", -1);
    REQUIRE(resolved.ledger);
    CHECK(SaveLedger(Imported(*resolved.ledger, pkg)) == SaveLedger(*resolved.ledger));
    // Re-exported with the same changes at another time: the same package.
    ReportPackage later = MakePackage(base, dept, "U1", "市住建局", "2016-07-09T08:00:00+08:00");
    CHECK(later.package_id == pkg.package_id);
}

TEST_CASE("two packages changing one field differently: the office's value stays and both are listed, in either order")
{
    Ledger base = SmallLedger();
    // U1 sent two packages from two copies (e.g. two people); both change P001's contact.
    ReportPackage a = Package(base, Edited(base, kU1, [](Project& p) { p.contact = "甲"; }, "P001"), "U1");
    ReportPackage b = Package(base, Edited(base, EditContext{"市住建局", "2016-07-03T10:00:00+08:00"},
                                           [](Project& p) { p.contact = "乙"; }, "P001"), "U1");
    REQUIRE(a.package_id != b.package_id);
    Ledger ab = Imported(Imported(base, a), b);
    Ledger ba = Imported(Imported(base, b), a);
    CHECK(SaveLedger(ab) == SaveLedger(ba));
    CHECK(ab.projects[0].contact == "建管科");  // the base value, the office's own
    const MergeConflict* c = FindConflict(ab, "projects/P001", "contact");
    REQUIRE(c);
    CHECK(c->mine == json("建管科"));
    REQUIRE(c->theirs.size() == 2);
    std::set<std::string> values{c->theirs[0].value.get<std::string>(), c->theirs[1].value.get<std::string>()};
    CHECK(values == std::set<std::string>{"甲", "乙"});
    // Both imports changed something: two revisions up.
    CHECK(ab.revision == base.revision + 2);
}

TEST_CASE("new records from both sides are kept; deletions wait for review")
{
    Ledger base = SmallLedger();
    EditHistory office(base);
    Project fresh = base.projects[3];
    fresh.id = "P005";
    fresh.name = "办公室新增项目";
    fresh.reports.clear();
    REQUIRE(office.AddProject(kOffice, fresh).applied);
    EditHistory theirs(base);
    Project other = base.projects[3];
    other.id = "P006";
    other.name = "部门副本新增项目";
    other.reports.clear();
    REQUIRE(theirs.AddProject(kU1, other).applied);
    REQUIRE(theirs.RemoveReport(kU1, "P003", YearMonth{2016, 5}).applied);

    ImportResult merged = MergeLedgers(base, office.ledger(), theirs.ledger());
    INFO(Describe(merged.errors));
    REQUIRE(merged.ledger);
    std::vector<std::string> ids;
    for (const Project& p : merged.ledger->projects)
        ids.push_back(p.id);
    CHECK(ids == std::vector<std::string>{"P001", "P002", "P003", "P004", "P005", "P006"});
    // The deleted report is still there, listed for review.
    CHECK(merged.ledger->projects[2].reports.size() == 2);
    REQUIRE(merged.summary.deletions.size() == 1);
    CHECK(merged.summary.deletions[0].change.record == "projects/P003/reports/2016-05");
    SharingState state = ReadSharing(*merged.ledger);
    REQUIRE(state.pending.size() == 1);
    CHECK(state.pending[0].kind == PendingKind::Deletion);

    // Accepting the deletion removes the report, as one undoable step.
    EditHistory h(*merged.ledger);
    EditResult r = DecidePendingEdit(h, kOffice, 0, true);
    INFO(Describe(r.errors));
    REQUIRE(r.applied);
    CHECK(h.ledger().projects[2].reports.size() == 1);
    CHECK(ReadSharing(h.ledger()).pending.empty());
    REQUIRE(h.Undo());
    CHECK(h.ledger().projects[2].reports.size() == 2);
}

TEST_CASE("ownership: another department's project, the office's plan fields and office actions are refused")
{
    Ledger base = SmallLedger();
    // U3 serves P002 only: it edits P001 (U1's), its own P002's plan (office) and its own contact.
    EditHistory h(base);
    Project p1 = base.projects[0];
    p1.contact = "U3 改的";
    REQUIRE(h.ReplaceProject(kU3, "P001", p1).applied);
    Project p2 = base.projects[1];
    p2.plan = Money::FromWan(6000);
    p2.contact = "发改委重点办";
    REQUIRE(h.ReplaceProject(kU3, "P002", p2).applied);
    // It accepts its problem Q003 (allowed) ...
    ProblemActionInput accept{ActionKind::Accept, Date{2016, 6, 7}, "市发改委", "已签收"};
    REQUIRE(h.ApplyProblemAction(kU3, "Q003", accept).applied);
    // ... and supervises Q003, which is the office's to do.
    ProblemActionInput supervise{ActionKind::Supervise, Date{2016, 6, 8}, "市发改委", "自行督查"};
    REQUIRE(h.ApplyProblemAction(kU3, "Q003", supervise).applied);

    ImportSummary summary;
    Ledger merged = Imported(base, Package(base, h.ledger(), "U3"), &summary);
    CHECK(merged.projects[0].contact == "建管科");                 // refused: U1's project
    CHECK(merged.projects[1].plan == Money::FromWan(5000));         // refused: the office's plan
    CHECK(merged.projects[1].contact == "发改委重点办");            // applied
    REQUIRE(merged.problems[2].history.size() == 2);                // accept applied, supervise refused
    CHECK(merged.problems[2].history[1].kind == ActionKind::Accept);
    CHECK(merged.problems[2].state == ProblemState::Accepted);
    REQUIRE(summary.refused.size() == 3);
    std::set<std::string> refused;
    for (const PendingChange& p : summary.refused)
        refused.insert(p.change.record + " " + p.change.field + ": " + p.reason_en);
    CHECK(refused == std::set<std::string>{
                         "projects/P001 contact: project P001 belongs to 市住建局 (U1); this package is from 市发改委 (U3)",
                         "projects/P002 plan_wan: plans and targets (plan_wan) are the office's",
                         "problems/Q003/history/Q003-A3 : assigning, supervising, closing out and reopening are the office's"});

    // The office accepts the plan change: applied as an undoable step.
    EditHistory office(merged);
    SharingState state = ReadSharing(merged);
    REQUIRE(state.pending.size() == 3);
    std::size_t plan_index = 0;
    for (std::size_t i = 0; i < state.pending.size(); ++i)
        if (state.pending[i].change.field == "plan_wan")
            plan_index = i;
    EditResult r = DecidePendingEdit(office, kOffice, plan_index, true);
    INFO(Describe(r.errors));
    REQUIRE(r.applied);
    CHECK(office.ledger().projects[1].plan == Money::FromWan(6000));
    CHECK(ReadSharing(office.ledger()).pending.size() == 2);
    // Dismissing another leaves the ledger's value.
    REQUIRE(DecidePendingEdit(office, kOffice, 0, false).applied);
    CHECK(ReadSharing(office.ledger()).pending.size() == 1);
    CHECK(office.ledger().projects[0].contact == "建管科");
}

TEST_CASE("ownership settings override the service department")
{
    Ledger base = SmallLedger();
    base.settings.extra["ownership"] = json::array({{{"kind", "project"}, {"id", "P001"}, {"unit_id", "U2"}}});
    CHECK(OwnerOf(base, "projects/P001") == "U2");
    CHECK(OwnerOf(base, "projects/P001/reports/2016-04") == "U2");
    CHECK(OwnerOf(base, "projects/P002") == "U3");
    CHECK(OwnerOf(base, "problems/Q001") == "U1");
    CHECK(OwnerOf(base, "meta") == "");
    Ledger dept = Edited(base, kU1, [](Project& p) { p.contact = "U1"; }, "P001");
    ImportSummary summary;
    Imported(base, Package(base, dept, "U1"), &summary);
    CHECK(summary.applied.empty());
    REQUIRE(summary.refused.size() == 1);
    CHECK(summary.refused[0].reason_en == "project P001 belongs to 市交通局 (U2); this package is from 市住建局 (U1)");
}

TEST_CASE("a package for another ledger is refused and the ledger is untouched")
{
    Ledger base = SmallLedger();
    Ledger other = base;
    other.ledger_id = "another";
    ReportPackage p = Package(other, other, "U1");
    ImportResult r = ImportPackage(base, p);
    CHECK_FALSE(r.ledger);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "ledger_id");
}

TEST_CASE("the import as one undoable step")
{
    Ledger base = SmallLedger();
    Ledger dept = Edited(base, kU1, [](Project& p) { p.contact = "新"; }, "P001");
    EditHistory h(base);
    ImportSummary summary;
    EditResult r = ImportPackageEdit(h, kOffice, Package(base, dept, "U1"), &summary);
    REQUIRE(r.applied);
    CHECK(h.ledger().projects[0].contact == "新");
    CHECK(h.ledger().revision == 11);
    CHECK(h.UndoLabel()->zh == "导入报送包 U1");
    REQUIRE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == SaveLedger(base));
}

} // TEST_SUITE

//-----------------------------------------------------------------------------
// Properties on generated ledgers and edits
//-----------------------------------------------------------------------------

namespace {

// A ledger of SmallLedger's shape with `extra` more projects spread over the three departments.
Ledger GeneratedLedger(std::mt19937& rng, int extra)
{
    Ledger l = SmallLedger();
    const char* units[] = {"U1", "U2", "U3"};
    for (int i = 0; i < extra; ++i) {
        Project p = l.projects[0];
        p.id = "G" + std::to_string(100 + i);
        p.name = "生成项目" + std::to_string(i);
        p.department_id = units[rng() % 3];
        p.milestones.clear();
        p.milestones.push_back(kpl_test::TestMilestoneFor(("G" + std::to_string(100 + i) + "-M1").c_str()));
        p.reports.resize(rng() % 3);
        l.projects.push_back(p);
    }
    return l;
}

// Random edits of the kind a department or the office makes, from small pools of values so that
// two sides sometimes agree. `unit` edits mostly its own projects; `stray` in a hundred edits go to
// another department's project or to a plan field (to be refused).
void RandomEdits(std::mt19937& rng, Ledger& l, const std::string& unit, int count, int stray, const std::string& tag)
{
    const char* contacts[] = {"甲", "乙", "丙"};
    for (int n = 0; n < count; ++n) {
        std::vector<Project*> candidates;
        bool off = static_cast<int>(rng() % 100) < stray;
        for (Project& p : l.projects)
            if (unit.empty() || (p.department_id == unit) != off)
                candidates.push_back(&p);
        if (candidates.empty())
            continue;
        Project& p = *candidates[rng() % candidates.size()];
        int what = static_cast<int>(rng() % (off ? 2 : unit.empty() ? 7 : 6));
        if (off && what == 1 && !unit.empty())
            what = 6;  // a plan field of any project
        switch (what) {
        case 0: p.contact = contacts[rng() % 3]; break;
        case 1: p.funds_in_place = Money::FromWan(static_cast<int64_t>(1000 + 100 * (rng() % 4))); break;
        case 2: p.responsible_person = contacts[rng() % 3] + std::string("科长"); break;
        case 3: {
            int month = 7 + static_cast<int>(rng() % 6);
            MonthlyReport r = kpl_test::TestReport(month, 10 * static_cast<int64_t>(rng() % 3), 60, tag.c_str());
            bool exists = std::any_of(p.reports.begin(), p.reports.end(),
                                      [&](const MonthlyReport& x) { return x.month == r.month; });
            if (!exists) {
                auto at = std::find_if(p.reports.begin(), p.reports.end(),
                                       [&](const MonthlyReport& x) { return r.month < x.month; });
                p.reports.insert(at, r);
            }
            break;
        }
        case 4:
            if (!p.reports.empty())
                p.reports[rng() % p.reports.size()].progress_text = contacts[rng() % 3];
            break;
        case 5:
            if (!p.milestones.empty())
                p.milestones[rng() % p.milestones.size()].actual = Date{2016, 6, 1 + static_cast<int>(rng() % 3)};
            break;
        default: p.plan = Money::FromWan(static_cast<int64_t>(2000 + 500 * (rng() % 3))); break;
        }
        ++p.stamp.revision;
        p.stamp.modified_by = unit.empty() ? "办公室" : unit;
        p.stamp.modified_at = "2016-07-0" + std::to_string(1 + rng() % 9) + "T09:00:00+08:00";
    }
}

struct FieldKey {
    std::string record, field;
    bool operator<(const FieldKey& o) const { return std::tie(record, field) < std::tie(o.record, o.field); }
    bool operator==(const FieldKey& o) const { return record == o.record && field == o.field; }
};

// The fields a copy changed since base, with their new values (a record added: its fields).
std::map<FieldKey, json> ChangedFields(const Ledger& base, const Ledger& copy)
{
    std::map<FieldKey, json> out;
    for (const RecordChange& c : MakePackage(base, copy, "", "", "").changes) {
        if (c.op == ChangeOp::Set)
            out[{c.record, c.field}] = c.value;
        else if (c.op == ChangeOp::Add)
            for (auto it = c.value.begin(); it != c.value.end(); ++it)
                out[{c.record, it.key()}] = it.value();
    }
    return out;
}

// Every field of every record of a ledger, by record key and field.
std::map<FieldKey, json> AllFields(const Ledger& l)
{
    std::map<FieldKey, json> out;
    for (const auto& [record, fields] : LedgerRecords(l))
        for (auto it = fields.begin(); it != fields.end(); ++it)
            out[{record, it.key()}] = it.value();
    return out;
}

} // namespace

TEST_CASE("property: two departments' packages imported in either order give the same ledger and conflicts; "
          "one-sided edits are never lost; every disagreement is a conflict; strays are refused")
{
    for (unsigned seed = 1; seed <= 120; ++seed) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        Ledger base = GeneratedLedger(rng, 6);
        Ledger office = base, dept_a = base, dept_b = base;
        RandomEdits(rng, office, "", 4, 0, "office");
        RandomEdits(rng, dept_a, "U1", 5, 20, "U1");
        RandomEdits(rng, dept_b, "U3", 5, 20, "U3");
        ++office.revision;
        ++dept_a.revision;
        ++dept_b.revision;
        ReportPackage pa = MakePackage(base, dept_a, "U1", "市住建局", "2016-07-05T09:00:00+08:00");
        ReportPackage pb = MakePackage(base, dept_b, "U3", "市发改委", "2016-07-05T10:00:00+08:00");

        ImportResult a1 = ImportPackage(office, pa);
        REQUIRE_MESSAGE(a1.ledger, Describe(a1.errors));
        ImportResult ab = ImportPackage(*a1.ledger, pb);
        REQUIRE_MESSAGE(ab.ledger, Describe(ab.errors));
        ImportResult b1 = ImportPackage(office, pb);
        REQUIRE(b1.ledger);
        ImportResult ba = ImportPackage(*b1.ledger, pa);
        REQUIRE(ba.ledger);
        const Ledger& result = *ab.ledger;
        CHECK(SaveLedger(result) == SaveLedger(*ba.ledger));

        // Re-importing either package is a no-op.
        CHECK(SaveLedger(*ImportPackage(result, pa).ledger) == SaveLedger(result));
        CHECK(SaveLedger(*ImportPackage(result, pb).ledger) == SaveLedger(result));

        std::map<FieldKey, json> mine = ChangedFields(base, office);
        std::map<FieldKey, json> theirs_a = ChangedFields(base, dept_a);
        std::map<FieldKey, json> theirs_b = ChangedFields(base, dept_b);
        SharingState state = ReadSharing(result);
        std::set<FieldKey> refused;
        for (const PendingChange& p : state.pending)
            if (p.kind == PendingKind::Refused) {
                refused.insert({p.change.record, p.change.field});
                // Ownership: a refused change is another unit's record or an office field.
                std::string zh, en;
                CHECK_FALSE(MayChange(office, p.unit_id, p.change, &zh, &en));
            }
        std::set<FieldKey> conflicted;
        for (const MergeConflict& c : state.conflicts)
            conflicted.insert({c.record, c.field});

        std::map<FieldKey, json> fields = AllFields(result);
        auto value_of = [&](const FieldKey& key) {
            auto it = fields.find(key);
            return it == fields.end() ? json() : it->second;
        };
        std::map<FieldKey, json> base_fields = AllFields(base);
        // The change a copy made to this field, as the package carries it.
        auto as_change = [&](const FieldKey& key, const json& value) {
            RecordChange c{ChangeOp::Set, key.record, key.field, json(), value, "", "", {}};
            bool record_in_base = std::any_of(base_fields.begin(), base_fields.end(),
                                              [&](const auto& f) { return f.first.record == key.record; });
            if (!record_in_base)
                c.op = ChangeOp::Add;
            return c;
        };
        auto check_side = [&](const std::map<FieldKey, json>& side, const std::map<FieldKey, json>& other,
                              const std::string& unit, const std::string& other_unit) {
            for (const auto& entry : side) {
                // (named, not a structured binding: doctest's CAPTURE takes them into a lambda)
                const FieldKey& key = entry.first;
                const json& value = entry.second;
                CAPTURE(key.record);
                CAPTURE(key.field);
                RecordChange change = as_change(key, value);
                if (!MayChange(office, unit, change, nullptr, nullptr)) {
                    // Refused: listed (a new record as a whole).
                    CHECK(refused.count(change.op == ChangeOp::Add ? FieldKey{key.record, ""} : key) == 1);
                    continue;
                }
                auto in_mine = mine.find(key);
                auto in_other = other.find(key);
                bool office_disagrees = in_mine != mine.end() && in_mine->second != value;
                bool other_disagrees = in_other != other.end() && in_other->second != value &&
                                       MayChange(office, other_unit, as_change(key, in_other->second), nullptr, nullptr);
                if (!office_disagrees && !other_disagrees) {
                    // Edited on this side only (or the same everywhere): never lost.
                    CHECK(value_of(key) == value);
                } else {
                    // A disagreement on the field: listed as a conflict with this side's value.
                    CHECK(conflicted.count(key) == 1);
                    if (office_disagrees)
                        CHECK(value_of(key) == in_mine->second);
                }
            }
        };
        check_side(theirs_a, theirs_b, "U1", "U3");
        check_side(theirs_b, theirs_a, "U3", "U1");
        // The office's own edits that no package touched stay as they are.
        for (const auto& [key, value] : mine)
            if (!theirs_a.count(key) && !theirs_b.count(key))
                CHECK(value_of(key) == value);
        // No conflict without a disagreement.
        for (const MergeConflict& c : state.conflicts)
            for (const ConflictSide& s : c.theirs)
                CHECK(s.value != c.mine);
    }
}

TEST_CASE("property: merging whole ledgers either way round gives the same fields and the same conflicts")
{
    for (unsigned seed = 1000; seed < 1120; ++seed) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        Ledger base = GeneratedLedger(rng, 5);
        Ledger mine = base, theirs = base;
        RandomEdits(rng, mine, "", 6, 0, "mine");
        RandomEdits(rng, theirs, "", 6, 0, "theirs");
        ImportResult mt = MergeLedgers(base, mine, theirs);
        ImportResult tm = MergeLedgers(base, theirs, mine);
        REQUIRE_MESSAGE(mt.ledger, Describe(mt.errors));
        REQUIRE_MESSAGE(tm.ledger, Describe(tm.errors));

        std::map<FieldKey, json> changed_m = ChangedFields(base, mine);
        std::map<FieldKey, json> changed_t = ChangedFields(base, theirs);
        std::map<FieldKey, std::pair<json, json>> conflicts_mt, conflicts_tm;
        for (const MergeConflict& c : ReadSharing(*mt.ledger).conflicts) {
            REQUIRE(c.theirs.size() == 1);
            conflicts_mt[{c.record, c.field}] = {c.mine, c.theirs[0].value};
        }
        for (const MergeConflict& c : ReadSharing(*tm.ledger).conflicts) {
            REQUIRE(c.theirs.size() == 1);
            conflicts_tm[{c.record, c.field}] = {c.theirs[0].value, c.mine};  // swapped back
        }
        CHECK(conflicts_mt == conflicts_tm);
        // Every same-field disagreement is one of them, and nothing else is.
        std::set<FieldKey> disagreements;
        for (const auto& [key, value] : changed_m) {
            auto t = changed_t.find(key);
            if (t != changed_t.end() && t->second != value)
                disagreements.insert(key);
        }
        std::set<FieldKey> listed;
        for (const auto& entry : conflicts_mt)
            listed.insert(entry.first);
        CHECK(listed == disagreements);
        // Every other field reads the same either way round, and a one-sided edit is never lost.
        std::map<FieldKey, json> fields_mt = AllFields(*mt.ledger), fields_tm = AllFields(*tm.ledger);
        for (const auto* side : {&changed_m, &changed_t})
            for (const auto& [key, value] : *side) {
                if (disagreements.count(key))
                    continue;
                CHECK(fields_mt[key] == value);
                CHECK(fields_tm[key] == value);
            }
        for (const auto& [key, value] : fields_mt)
            if (!disagreements.count(key))
                CHECK(fields_tm[key] == value);
        // Merging in what is already there changes no field.
        ImportResult again = MergeLedgers(base, *mt.ledger, theirs);
        REQUIRE(again.ledger);
        CHECK(again.summary.applied.empty());
    }
}

TEST_CASE("merge: months published in either copy are all kept, in month order; one month published differently is a conflict")
{
    // A publication of the districts D1, D2 of SmallLedger, as the office would store it.
    auto publication = [](int month, const char* first, const char* second, const char* at) {
        PublishedRankings p;
        p.month = YearMonth{2016, month};
        p.published_at = at;
        p.published_by = "项目竣工攻坚组办公室";
        p.bottom_n = 1;
        int rank = 1;
        for (const char* id : {first, second}) {
            PublishedRankEntry e;
            e.unit_id = id;
            e.name = id;
            e.score = 90 - rank * 10;
            e.rank = rank;
            e.bottom = rank == 2;
            p.districts.push_back(e);
            ++rank;
        }
        return p;
    };
    const Ledger base = SmallLedger();
    const std::string d1 = base.districts[0].id, d2 = base.districts[1].id;
    Ledger mine = base, theirs = base;
    mine.published_rankings = {publication(6, d1.c_str(), d2.c_str(), "2016-07-05T10:00:00+08:00")};
    theirs.published_rankings = {publication(5, d2.c_str(), d1.c_str(), "2016-06-05T10:00:00+08:00")};
    for (bool swapped : {false, true}) {
        CAPTURE(swapped);
        ImportResult r = swapped ? MergeLedgers(base, theirs, mine) : MergeLedgers(base, mine, theirs);
        REQUIRE_MESSAGE(r.ledger, Describe(r.errors));
        CHECK(ReadSharing(*r.ledger).conflicts.empty());
        REQUIRE(r.ledger->published_rankings.size() == 2);
        CHECK(r.ledger->published_rankings[0].month == YearMonth{2016, 5});
        CHECK(r.ledger->published_rankings[0].districts[0].unit_id == d2);
        CHECK(r.ledger->published_rankings[1].month == YearMonth{2016, 6});
        CHECK(r.ledger->published_rankings[1].districts[0].unit_id == d1);
    }

    // Both publish June, the other way round: the ranking and the time conflict; the office's stays.
    theirs.published_rankings = {publication(6, d2.c_str(), d1.c_str(), "2016-07-06T10:00:00+08:00")};
    ImportResult r = MergeLedgers(base, mine, theirs);
    REQUIRE_MESSAGE(r.ledger, Describe(r.errors));
    std::set<std::string> fields;
    for (const MergeConflict& c : ReadSharing(*r.ledger).conflicts) {
        CHECK(c.record == "published_rankings/2016-06");
        fields.insert(c.field);
    }
    CHECK(fields == std::set<std::string>{"districts", "published_at"});
    CHECK(RecordLabel(*r.ledger, "published_rankings/2016-06") == "已发布排名 2016-06");
    REQUIRE(r.ledger->published_rankings.size() == 1);
    CHECK(r.ledger->published_rankings[0].districts[0].unit_id == d1);
}
