// Spreadsheets (src/sheets): the zip container, .xlsx written and read back, CSV in UTF-8 and GBK,
// the column guess, the import of a spreadsheet ledger with its errors listed by row and column,
// the round trip export -> import, and the import as one undoable edit.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "edit.h"
#include "ledger_json.h"
#include "ledger_tables.h"
#include "sheet_import.h"
#include "sheet_read.h"
#include "test_support.h"
#include "text_encoding.h"
#include "xlsx.h"
#include "zip_archive.h"

using namespace kpl;
using namespace kpl::sheets;

namespace {

Ledger GoodLedger()
{
    LoadResult loaded = LoadLedger(kpl_test::GoodText());
    REQUIRE(loaded.ledger);
    return *loaded.ledger;
}

// The fixture written by tests/data/sheets/make_fixtures.py (GBK bytes).
std::string GbkFixture() { return kpl_test::ReadDataFile("../sheets/gbk-ledger.csv"); }

const ImportIssue* IssueAt(const SheetImport& import, std::size_t row, std::size_t column)
{
    for (const ImportIssue& issue : import.issues)
        if (issue.row == row && issue.column == column)
            return &issue;
    return nullptr;
}

// What a project says that a spreadsheet carries: everything but the ID, stamps, milestones,
// reports and unknown members.
void CheckSameProjectFields(const Project& a, const Project& b)
{
    CAPTURE(a.name);
    CHECK(a.code == b.code);
    CHECK(a.name == b.name);
    CHECK(a.category == b.category);
    CHECK(a.district_id == b.district_id);
    CHECK(a.owner_unit == b.owner_unit);
    CHECK(a.content == b.content);
    CHECK(a.start_year == b.start_year);
    CHECK(a.planned_completion == b.planned_completion);
    CHECK(a.city_leader_id == b.city_leader_id);
    CHECK(a.department_id == b.department_id);
    CHECK(a.responsible_leader == b.responsible_leader);
    CHECK(a.responsible_person == b.responsible_person);
    CHECK(a.contact == b.contact);
    CHECK(a.total_investment == b.total_investment);
    CHECK(a.completed_before_year == b.completed_before_year);
    CHECK(a.plan == b.plan);
    CHECK(a.funds_required == b.funds_required);
    CHECK(a.funds_in_place == b.funds_in_place);
    CHECK(a.status == b.status);
    CHECK(a.completion_target == b.completion_target);
    CHECK(a.actual_start == b.actual_start);
    CHECK(a.actual_completion == b.actual_completion);
}

} // namespace

TEST_CASE("zip: entries come back byte for byte; damage is refused")
{
    std::string binary;
    for (int i = 0; i < 256; ++i)
        binary += static_cast<char>(i);
    const std::vector<ZipEntry> entries{{"a.txt", "株洲 zhuzhou"}, {"dir/b.bin", binary}, {"empty", ""}};
    const std::string bytes = WriteZip(entries);
    REQUIRE(bytes.compare(0, 2, "PK") == 0);
    CHECK(WriteZip(entries) == bytes);  // deterministic

    ZipReadResult read = ReadZip(bytes);
    REQUIRE(read.ok);
    REQUIRE(read.entries.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(read.entries[i].name == entries[i].name);
        CHECK(read.entries[i].data == entries[i].data);
    }

    CHECK_FALSE(ReadZip("PK not really a zip").ok);
    CHECK_FALSE(ReadZip("").ok);
    // A flipped byte inside the first entry's compressed data: a CRC or inflate error, never data.
    std::string damaged = bytes;
    damaged[30 + 5 + 3] ^= 0x55;  // 30-byte local header + "a.txt" + 3 bytes into the data
    ZipReadResult bad = ReadZip(damaged);
    CHECK_FALSE(bad.ok);
    CHECK(bad.error_en.find("a.txt") != std::string::npos);
    // Too big to unpack: the limit is checked before inflating.
    CHECK_FALSE(ReadZip(bytes, 100).ok);
}

TEST_CASE("text encoding: BOM, UTF-8 and GBK are told apart and decoded")
{
    DecodedText bom = DecodeSpreadsheetText("\xEF\xBB\xBF中文");
    CHECK(bom.ok);
    CHECK(bom.encoding == TextEncoding::Utf8Bom);
    CHECK(bom.text == "中文");

    DecodedText utf8 = DecodeSpreadsheetText("项目,1");
    CHECK(utf8.encoding == TextEncoding::Utf8);
    CHECK(utf8.text == "项目,1");

    // 中 = D6 D0, 文 = CE C4 in GBK; not valid UTF-8 (D6 needs one continuation byte, D0 is none).
    DecodedText gbk = DecodeSpreadsheetText("\xD6\xD0\xCE\xC4,42");
    REQUIRE(gbk.ok);
    CHECK(gbk.encoding == TextEncoding::Gbk);
    CHECK(gbk.text == "中文,42");

    // 0xFF is neither UTF-8 nor a GBK lead byte.
    DecodedText bad = DecodeSpreadsheetText("ab\xFF");
    CHECK_FALSE(bad.ok);
    CHECK(bad.error_en.find("byte 3") != std::string::npos);
    CHECK_FALSE(IsValidUtf8("\xC0\xAF"));  // overlong "/"
    CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));  // a surrogate
}

TEST_CASE("cell references and column letters")
{
    CHECK(ColumnLetters(0) == "A");
    CHECK(ColumnLetters(25) == "Z");
    CHECK(ColumnLetters(26) == "AA");
    CHECK(ColumnLetters(27) == "AB");
    CHECK(ColumnLetters(701) == "ZZ");   // 26 + 26*26 - 1
    CHECK(ColumnLetters(702) == "AAA");
    std::size_t column = 0, row = 0;
    REQUIRE(ParseCellReference("AB12", column, row));
    CHECK(column == 27);  // A..Z are 0..25, AA 26, AB 27
    CHECK(row == 12);
    CHECK_FALSE(ParseCellReference("12", column, row));
    CHECK_FALSE(ParseCellReference("A0", column, row));
    CHECK_FALSE(ParseCellReference("a1", column, row));
    CHECK_FALSE(ParseCellReference("XFE1", column, row));  // past the last column XFD
}

TEST_CASE("CSV: quotes, doubled quotes, line breaks inside a field, tabs, an unclosed quote")
{
    SheetReadResult r = ReadCsv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\r\n\r\n");
    REQUIRE(r.ok);
    REQUIRE(r.sheets.size() == 1);
    const Sheet& s = r.sheets[0];
    REQUIRE(s.rows.size() == 2);  // the trailing blank line is no row
    REQUIRE(s.rows[0].size() == 3);
    CHECK(s.rows[0][1].text == "b,c");
    CHECK(s.rows[0][2].text == "say \"hi\"");
    REQUIRE(s.rows[1].size() == 3);
    CHECK(s.rows[1][0].text == "two\nlines");
    CHECK(s.rows[1][1].text.empty());

    SheetReadResult tabs = ReadCsv("名称\t计划\n甲\t1\n");
    REQUIRE(tabs.ok);
    CHECK(tabs.sheets[0].rows[1][1].text == "1");

    SheetReadResult open = ReadCsv("a,b\n1,\"never closed\n2,3\n");
    CHECK_FALSE(open.ok);
    CHECK(open.error_zh.find("第 2 行") != std::string::npos);
}

TEST_CASE("sheet names: forbidden characters, 31 characters, unique")
{
    CHECK(SheetName("a/b:c", {}) == "a_b_c");
    // 35 CJK characters are cut to 31 (Excel counts characters, not bytes).
    std::string long_name;
    for (int i = 0; i < 35; ++i)
        long_name += "表";
    std::string cut;
    for (int i = 0; i < 31; ++i)
        cut += "表";
    CHECK(SheetName(long_name, {}) == cut);
    CHECK(SheetName("项目表", {"项目表"}) == "项目表 (2)");
    CHECK(SheetName("Sheet", {"sheet", "Sheet (2)"}) == "Sheet (3)");
    CHECK(SheetName("", {}) == "Sheet");
}

TEST_CASE("xlsx: written tables read back with Chinese text, numbers as numbers, one sheet per table")
{
    Table a;
    a.title = "县市区排名";
    a.header = {"单位", "得分"};
    a.rows = {{TableCell("醴陵市"), TableCell::Number(92.5, "92.50")}, {TableCell("A & B <c>"), TableCell::Number(-3, "-3")}};
    Table b;
    b.title = "县市区排名";  // the same title: the second sheet gets " (2)"
    b.header = {"说明"};
    b.rows = {{TableCell(" 前后有空格 ")}};
    const std::string bytes = WriteXlsx({a, b}, {{"重点项目建设工作通报"}});

    // The parts Excel needs are there.
    ZipReadResult zip = ReadZip(bytes);
    REQUIRE(zip.ok);
    std::vector<std::string> names;
    for (const ZipEntry& e : zip.entries)
        names.push_back(e.name);
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                             "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                             "xl/sharedStrings.xml"})
        CHECK_MESSAGE(std::find(names.begin(), names.end(), part) != names.end(), part);

    SheetReadResult read = ReadXlsx(bytes);
    REQUIRE_MESSAGE(read.ok, read.error_en);
    REQUIRE(read.sheets.size() == 2);
    CHECK(read.sheets[0].name == "县市区排名");
    CHECK(read.sheets[1].name == "县市区排名 (2)");
    const Sheet& s = read.sheets[0];
    REQUIRE(s.rows.size() == 4);  // preamble, header, two rows
    CHECK(s.rows[0][0].text == "重点项目建设工作通报");
    CHECK(s.rows[1][1].text == "得分");
    CHECK(s.rows[2][0].text == "醴陵市");
    REQUIRE(s.rows[2][1].number);
    CHECK(*s.rows[2][1].number == 92.5);
    CHECK(s.rows[3][0].text == "A & B <c>");
    CHECK(*s.rows[3][1].number == -3);
    CHECK(read.sheets[1].rows[1][0].text == " 前后有空格 ");
}

TEST_CASE("xlsx reading: rich text, inline strings, formulas, booleans, gaps and bad parts")
{
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    const std::string workbook = "<?xml version=\"1.0\"?><workbook " + ns +
                                 "><sheets><sheet name=\"台账\" sheetId=\"7\" r:id=\"rId3\"/></sheets></workbook>";
    const std::string rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"/xl/worksheets/data.xml\"/>"
        "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
        "Target=\"strings.xml\"/></Relationships>";
    // Shared string 0 is rich text in two runs with a phonetic run to skip; 1 has entities.
    const std::string strings = "<sst " + ns + "><si><r><rPr><b/></rPr><t>醴陵</t></r><r><t xml:space=\"preserve\">市 </t></r>"
                                "<rPh sb=\"0\" eb=\"1\"><t>LI</t></rPh></si><si><t>&lt;a&amp;b&gt; &#x4E2D;&#25991;</t></si></sst>";
    const std::string sheet =
        "<worksheet " + ns + "><sheetData>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>内联</t></is></c>"
        "<c r=\"AB2\"><v>1234.5</v></c></row>"
        "<row r=\"4\"><c r=\"B4\" t=\"s\"><v>1</v></c><c r=\"C4\" t=\"str\"><f>A2&amp;\"x\"</f><v>醴陵市 x</v></c>"
        "<c r=\"D4\" t=\"b\"><v>1</v></c><c r=\"E4\"><f>1+1</f><v>2</v></c></row>"
        "</sheetData></worksheet>";
    const std::vector<ZipEntry> parts{{"xl/workbook.xml", workbook},
                                      {"xl/_rels/workbook.xml.rels", rels},
                                      {"xl/strings.xml", strings},
                                      {"xl/worksheets/data.xml", sheet}};
    SheetReadResult read = ReadXlsx(WriteZip(parts));
    REQUIRE_MESSAGE(read.ok, read.error_en);
    REQUIRE(read.sheets.size() == 1);
    const Sheet& s = read.sheets[0];
    CHECK(s.name == "台账");
    REQUIRE(s.rows.size() == 4);
    CHECK(s.rows[0].empty());  // row 1 is missing: empty
    REQUIRE(s.rows[1].size() == 28);  // A..AB
    CHECK(s.rows[1][0].text == "醴陵市 ");
    CHECK(s.rows[1][1].text.empty());  // B2 missing
    CHECK(s.rows[1][2].text == "内联");
    REQUIRE(s.rows[1][27].number);
    CHECK(*s.rows[1][27].number == 1234.5);
    CHECK(s.rows[3][1].text == "<a&b> 中文");
    CHECK(s.rows[3][2].text == "醴陵市 x");  // a formula gives its cached value
    CHECK(s.rows[3][3].text == "TRUE");
    CHECK(*s.rows[3][4].number == 2);

    // A shared string index past the end names the cell.
    std::vector<ZipEntry> broken = parts;
    broken[3].data = "<worksheet " + ns + "><sheetData><row r=\"1\"><c r=\"B1\" t=\"s\"><v>5</v></c></row></sheetData></worksheet>";
    SheetReadResult bad = ReadXlsx(WriteZip(broken));
    CHECK_FALSE(bad.ok);
    CHECK(bad.error_en.find("B1") != std::string::npos);
    // Malformed XML names the part.
    broken[3].data = "<worksheet><sheetData><row>";
    bad = ReadXlsx(WriteZip(broken));
    CHECK_FALSE(bad.ok);
    CHECK(bad.error_en.find("xl/worksheets/data.xml") != std::string::npos);
    // No workbook at all.
    bad = ReadXlsx(WriteZip({{"hello.txt", "hi"}}));
    CHECK_FALSE(bad.ok);
    CHECK(bad.error_zh.find("xl/workbook.xml") != std::string::npos);
}

TEST_CASE("column guess from headers")
{
    CHECK(GuessField("项目名称") == ProjectField::Name);
    CHECK(GuessField("名称") == ProjectField::Name);
    CHECK(GuessField("项目编号") == ProjectField::Code);
    CHECK(GuessField("县市区") == ProjectField::District);
    CHECK(GuessField("责任单位") == ProjectField::Department);
    CHECK(GuessField("服务责任部门") == ProjectField::Department);
    CHECK(GuessField("联系市领导") == ProjectField::CityLeader);
    CHECK(GuessField("年度计划投资\n（万元）") == ProjectField::Plan);
    CHECK(GuessField("计划投资") == ProjectField::Plan);
    CHECK(GuessField("总投资(亿元)") == ProjectField::TotalInvestment);
    CHECK(GuessField("开工时间") == ProjectField::ActualStart);
    CHECK(GuessField("竣工时间") == ProjectField::PlannedCompletion);
    CHECK(GuessField("实际竣工时间") == ProjectField::ActualCompletion);
    CHECK(GuessField("本年完成(万元)") == ProjectField::Ignore);
    CHECK(GuessField("序号") == ProjectField::Ignore);
    CHECK(GuessField("备注") == ProjectField::Ignore);
}

TEST_CASE("a GBK CSV ledger imports: guessed columns, converted cells, errors listed by row and column")
{
    const Ledger ledger = GoodLedger();
    SheetReadResult read = ReadSpreadsheet("gbk-ledger.csv", GbkFixture());
    REQUIRE_MESSAGE(read.ok, read.error_en);
    CHECK(read.format == "CSV (GBK)");
    const Sheet& sheet = read.sheets[0];

    ColumnMapping mapping = GuessMapping(sheet);
    CHECK(mapping.header_row == 1);  // row 2 of the file: the title row above it names no field
    using F = ProjectField;
    const std::vector<F> expected{F::Ignore, F::Code, F::Name, F::District, F::Department, F::CityLeader,
                                  F::TotalInvestment, F::Plan, F::ActualStart, F::PlannedCompletion,
                                  F::Status, F::Content};
    CHECK(mapping.columns == expected);

    SheetImport import = BuildImport(ledger, sheet, mapping);
    CHECK(import.skipped_total_rows == 1);  // the 合计 row
    REQUIRE(import.rows.size() == 3);       // rows 3, 4, 5 of the file; none dropped
    CHECK(import.rows[0].sheet_row == 3);
    CHECK(import.rows[2].sheet_row == 5);
    CHECK(import.missing_districts.empty());
    CHECK(import.CanImport());

    const Project& p1 = import.rows[0].project;
    CHECK(p1.code == "XM-001");
    CHECK(p1.name == "醴陵市陶瓷产业园道路");
    CHECK(p1.district_id == "d-liling");
    CHECK(p1.department_id == "dep-zjj");
    CHECK(p1.city_leader_id == "cl-1");
    CHECK(p1.total_investment == Money::FromWan(12000));       // "12,000"
    CHECK(p1.plan == Money::FromCents(300050));                // 3000.5 万元 = 300050 hundredths
    CHECK(p1.actual_start == Date{2016, 3, 1});
    CHECK(p1.planned_completion == Date{2016, 12, 31});        // "2016年12月": the month's last day
    CHECK(p1.status == ProjectStatus::UnderConstruction);
    CHECK(p1.content == "新建道路 2 公里，含\"排水\"工程");
    CHECK(p1.start_year == 2016);                              // no column: the ledger's year
    CHECK_FALSE(import.rows[0].has_issue);

    const Project& p2 = import.rows[1].project;
    CHECK(p2.district_id == "d-youxian");
    CHECK(p2.planned_completion == Date{2017, 6, 30});         // "2017/6/30"
    CHECK(p2.status == ProjectStatus::NotStarted);
    CHECK_FALSE(p2.actual_start);                              // "明年" left empty...
    const ImportIssue* date_issue = IssueAt(import, 4, 8);     // ...and listed: row 4, column I
    REQUIRE(date_issue);
    CHECK(date_issue->header == "开工时间");
    CHECK(date_issue->value == "明年");
    CHECK_FALSE(date_issue->blocking);
    CHECK(import.rows[1].has_issue);

    const Project& p3 = import.rows[2].project;
    CHECK(p3.actual_start == Date{2016, 5, 1});                // "2016.5.1"
    CHECK(p3.plan == Money());                                 // "1200.125" left empty...
    const ImportIssue* money_issue = IssueAt(import, 5, 7);    // ...and listed: row 5, column H
    REQUIRE(money_issue);
    CHECK(money_issue->header == "年度计划投资(万元)");
    CHECK(money_issue->message_zh.find("两位小数") != std::string::npos);
    CHECK(p3.content == "路面改造\n人行道");
    CHECK(import.issues.size() == 2);
}

TEST_CASE("import: names the ledger lacks block it and are listed; defaults fill empty references")
{
    const Ledger ledger = GoodLedger();
    SheetReadResult read = ReadCsv("项目名称,县市区,责任单位,市级领导\n甲,渌口区,市住建局,副市长（分管城建）\n"
                                   "乙,醴陵,,副市长（分管城建）\n丙,渌口区,市外事办,\n");
    REQUIRE(read.ok);
    const Sheet& sheet = read.sheets[0];
    const ColumnMapping mapping = GuessMapping(sheet);
    SheetImport import = BuildImport(ledger, sheet, mapping);
    REQUIRE(import.rows.size() == 3);
    CHECK_FALSE(import.CanImport());
    CHECK(import.missing_districts == std::vector<std::string>{"渌口区"});  // once, though named twice
    CHECK(import.missing_departments == std::vector<std::string>{"市外事办"});
    CHECK(import.rows[1].project.district_id == "d-liling");  // "醴陵" without its 市
    const ImportIssue* unknown = IssueAt(import, 2, 1);
    REQUIRE(unknown);
    CHECK(unknown->blocking);
    CHECK(unknown->message_zh.find("渌口区") != std::string::npos);
    const ImportIssue* empty_department = IssueAt(import, 3, 2);
    REQUIRE(empty_department);
    CHECK(empty_department->blocking);

    // With defaults, row 3's empty department and row 4's empty leader are filled; the unknown
    // names still block.
    ImportDefaults defaults{"", "dep-fgw", "cl-2"};
    SheetImport with_defaults = BuildImport(ledger, sheet, mapping, defaults);
    CHECK(with_defaults.rows[1].project.department_id == "dep-fgw");
    CHECK(with_defaults.rows[2].project.city_leader_id == "cl-2");
    CHECK(IssueAt(with_defaults, 3, 2) == nullptr);
    CHECK_FALSE(with_defaults.CanImport());

    // Money in 亿元 is scaled to 万元; an Excel date number is a date.
    Sheet scaled;
    scaled.rows = {{SheetCell{"项目名称", {}}, SheetCell{"总投资(亿元)", {}}, SheetCell{"竣工时间", {}},
                    SheetCell{"县市区", {}}, SheetCell{"责任单位", {}}, SheetCell{"市级领导", {}}},
                   {SheetCell{"丁", {}}, SheetCell{"1.5", 1.5}, SheetCell{"42735", 42735.0}, SheetCell{"攸县", {}},
                    SheetCell{"市交通局", {}}, SheetCell{"副市长（分管交通）", {}}}};
    SheetImport s = BuildImport(ledger, scaled, GuessMapping(scaled));
    REQUIRE(s.rows.size() == 1);
    CHECK(s.rows[0].project.total_investment == Money::FromWan(15000));  // 1.5 亿元 = 15000 万元
    // Serial 42735: 42735 - 25569 = 17166 days after 1970-01-01 = 2016-12-31.
    CHECK(s.rows[0].project.planned_completion == Date{2016, 12, 31});
    CHECK(s.CanImport());
}

Ledger DemoLedger()
{
    std::ifstream in(KPL_DEMO_LEDGER, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream text;
    text << in.rdbuf();
    LoadResult loaded = LoadLedger(text.str());
    REQUIRE(loaded.ledger);
    return *loaded.ledger;
}

TEST_CASE("round trip: the projects table exported as .xlsx and as CSV imports as the same projects")
{
    // The small ledger (every field filled, a content with a line break and quotes) and the demo
    // ledger's 153 projects, each through both formats.
    for (const Ledger& ledger : {GoodLedger(), DemoLedger()}) {
        Ledger empty = ledger;
        empty.problems.clear();
        empty.projects.clear();
        const std::vector<Table> tables = ProjectsTables(ledger);
        REQUIRE(tables.size() == 1);
        REQUIRE(tables[0].rows.size() == ledger.projects.size());
        for (const bool xlsx : {true, false}) {
            CAPTURE(ledger.meta.title);
            CAPTURE(xlsx);
            const SheetReadResult read = xlsx ? ReadSpreadsheet("projects.xlsx", WriteXlsx(tables))
                                              : ReadSpreadsheet("projects.csv", TablesCsv(tables, false));
            REQUIRE_MESSAGE(read.ok, read.error_en);
            const ColumnMapping mapping = GuessMapping(read.sheets[0]);
            CHECK(mapping.header_row == 0);
            SheetImport import = BuildImport(empty, read.sheets[0], mapping);
            CHECK(import.issues.empty());
            REQUIRE(import.CanImport());
            REQUIRE(import.rows.size() == ledger.projects.size());

            EditHistory history(empty);
            EditResult added = history.AddProjects(EditContext{"市住建局", "2016-07-01T10:00:00+08:00"}, import.Projects());
            REQUIRE_MESSAGE(added.applied, kpl_test::Describe(added.errors));
            REQUIRE(history.ledger().projects.size() == ledger.projects.size());
            for (std::size_t i = 0; i < ledger.projects.size(); ++i)
                CheckSameProjectFields(history.ledger().projects[i], ledger.projects[i]);
        }
    }
}

TEST_CASE("the projects table: numbers are numbers, names are names")
{
    const Ledger ledger = GoodLedger();
    const Table table = ProjectsTables(ledger)[0];
    const auto column = [&](const std::string& header) {
        for (std::size_t c = 0; c < table.header.size(); ++c)
            if (table.header[c] == header)
                return c;
        FAIL("no column " << header);
        return std::size_t(0);
    };
    const std::vector<TableCell>& first = table.rows[0];
    CHECK(first[column("项目名称")].text == "醴陵市渌江大桥");
    CHECK(first[column("县市区")].text == "醴陵市");
    REQUIRE(first[column("年度计划投资(万元)")].number);
    CHECK(*first[column("年度计划投资(万元)")].number == 12000.25);
    CHECK(first[column("竣工目标")].text == "是");
    CHECK_FALSE(first[column("项目名称")].number);

    const Table problems = ProblemsTables(ledger)[0];
    CHECK(problems.rows.size() == ledger.problems.size());
}

TEST_CASE("AddProjects: one undo step for them all; any error refuses them all")
{
    EditHistory history(GoodLedger());
    const std::size_t before = history.ledger().projects.size();
    const EditContext context{"市住建局", "2016-07-01T10:00:00+08:00"};
    Project a;
    a.name = "新项目甲";
    a.district_id = "d-liling";
    a.department_id = "dep-zjj";
    a.city_leader_id = "cl-1";
    a.start_year = 2016;
    Project b = a;
    b.name = "新项目乙";
    EditResult added = history.AddProjects(context, {a, b});
    REQUIRE_MESSAGE(added.applied, kpl_test::Describe(added.errors));
    REQUIRE(history.ledger().projects.size() == before + 2);
    CHECK(history.ledger().projects[before].id != history.ledger().projects[before + 1].id);
    CHECK(history.ledger().projects[before + 1].stamp.modified_by == "市住建局");
    REQUIRE(history.UndoLabel());
    CHECK(history.UndoLabel()->zh == "导入 2 个项目");
    REQUIRE(history.Undo());
    CHECK(history.ledger().projects.size() == before);
    REQUIRE(history.Redo());
    CHECK(history.ledger().projects.size() == before + 2);

    Project bad = a;
    bad.district_id = "d-nowhere";
    EditResult refused = history.AddProjects(context, {a, bad});
    CHECK_FALSE(refused.applied);
    CHECK(history.ledger().projects.size() == before + 2);
    CHECK(kpl_test::FindDiagnostic(refused.errors, "[1].district_id"));
}
