// ledgertool: the ledger core on the command line, for the office's scripts and for our tests.
//   ledgertool check FILE...   exit 0 when every file is valid (warnings on stderr), 1 when any is
//                              invalid (one "path: message" line per error on stdout), 2 on usage
//                              or I/O errors
//   ledgertool stats FILE      one JSON object of summary figures on stdout
//   ledgertool format FILE     the canonical save of FILE on stdout (load + save)
//   ledgertool bulletin FILE --month YYYY-MM [--format html|csv] [-o OUT]
//                              the monthly bulletin (一月一通报) as printable HTML (default) or CSV
//                              (UTF-8 with BOM) on stdout or in OUT; exit 1 when FILE is invalid,
//                              2 on usage or I/O errors (a month outside the ledger's year included)
//   ledgertool dispatch FILE --quarter YYYY-Qn [--format html|csv] [-o OUT]
//                              the quarterly dispatch (一季一调度), exits as bulletin
//   ledgertool assessment FILE [--month YYYY-MM] [--format html|csv] [-o OUT]
//                              the annual assessment (年度考核) with the figures of the month (default:
//                              the ledger's as-of month, else December), exits as bulletin
//   ledgertool package LEDGER --base BASE --unit UNIT [--by WHO] [--at TIME] -o OUT
//                              a report package (报送包) of UNIT: LEDGER's changes since BASE
//   ledgertool import LEDGER PACKAGE... -o OUT
//                              imports the packages in turn; a JSON summary on stdout
//   ledgertool merge BASE MINE THEIRS -o OUT
//                              three-way merge of whole ledgers (THEIRS' changes into MINE)
//                              package/import/merge exit 0 when OUT has no open conflict, refused
//                              change or deletion to review, 1 when it has (OUT written) or an input
//                              is invalid (nothing written), 2 on usage or I/O errors
//   ledgertool publish LEDGER --month YYYY-MM [--by WHO] [--at TIME] -o OUT
//                              publishes (发布) the month's rankings as the ledger gives them now,
//                              replacing an earlier publication of the month; a JSON summary on
//                              stdout; exit 1 when LEDGER is invalid, 2 on usage or I/O errors
#include <cstdio>
#include <ctime>
#include <optional>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bulletin.h"
#include "edit.h"
#include "merge.h"
#include "ledger_json.h"
#include "summary.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

void PrintUsage()
{
    std::cerr << "usage: ledgertool check FILE...\n"
                 "       ledgertool stats FILE\n"
                 "       ledgertool format FILE\n"
                 "       ledgertool bulletin FILE --month YYYY-MM [--format html|csv] [-o OUT]\n"
                 "       ledgertool dispatch FILE --quarter YYYY-Qn [--format html|csv] [-o OUT]\n"
                 "       ledgertool assessment FILE [--month YYYY-MM] [--format html|csv] [-o OUT]\n"
                 "       ledgertool package LEDGER --base BASE --unit UNIT [--by WHO] [--at TIME] -o OUT\n"
                 "       ledgertool import LEDGER PACKAGE... -o OUT\n"
                 "       ledgertool merge BASE MINE THEIRS -o OUT\n"
                 "       ledgertool publish LEDGER --month YYYY-MM [--by WHO] [--at TIME] -o OUT\n";
}

bool ReadFile(const std::string& name, std::string& bytes)
{
    std::ifstream in(name, std::ios::binary);
    if (!in) {
        std::cerr << name << ": 无法打开文件 / cannot open the file\n";
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        std::cerr << name << ": 读取失败 / read error\n";
        return false;
    }
    bytes = buffer.str();
    return true;
}

void PrintErrors(std::ostream& out, const kpl::LoadResult& result, const std::string& prefix)
{
    for (const kpl::Diagnostic& d : result.errors)
        out << prefix << d.ToString() << '\n';
    if (result.errors_truncated)
        std::cerr << prefix << "错误过多，只列出前 " << result.errors.size() << " 条 / too many errors, only the first "
                  << result.errors.size() << " are listed\n";
}

void PrintWarnings(const kpl::LoadResult& result, const std::string& prefix)
{
    for (const kpl::Diagnostic& d : result.warnings)
        std::cerr << prefix << "warning: " << d.ToString() << '\n';
}

int Check(const std::vector<std::string>& files)
{
    bool io_error = false, invalid = false;
    for (const std::string& file : files) {
        // With several files, each line says which file it is about.
        std::string prefix = files.size() > 1 ? file + ": " : "";
        std::string bytes;
        if (!ReadFile(file, bytes)) {
            io_error = true;
            continue;
        }
        kpl::LoadResult result = kpl::LoadLedger(bytes);
        PrintWarnings(result, prefix);
        if (!result.ok()) {
            invalid = true;
            PrintErrors(std::cout, result, prefix);
        }
    }
    return io_error ? kExitUsage : invalid ? kExitInvalid : kExitOk;
}

// Loads one file for stats/format; prints errors on stderr. Returns an exit code, kExitOk on success.
int LoadOne(const std::string& file, kpl::LoadResult& result)
{
    std::string bytes;
    if (!ReadFile(file, bytes))
        return kExitUsage;
    result = kpl::LoadLedger(bytes);
    PrintWarnings(result, "");
    if (!result.ok()) {
        PrintErrors(std::cerr, result, "");
        return kExitInvalid;
    }
    return kExitOk;
}

int Stats(const std::string& file)
{
    kpl::LoadResult result;
    if (int code = LoadOne(file, result); code != kExitOk)
        return code;
    kpl::LedgerSummary s = kpl::Summarize(*result.ledger);
    std::cout << "{\n"
              << "  \"project_count\": " << s.project_count << ",\n"
              << "  \"completion_target_count\": " << s.completion_target_count << ",\n"
              << "  \"annual_plan_wan\": " << s.annual_plan.ToString() << ",\n"
              << "  \"completed_this_year_wan\": " << s.completed_this_year.ToString() << ",\n"
              << "  \"problem_count\": " << s.problem_count << ",\n"
              << "  \"open_problem_count\": " << s.open_problem_count << "\n"
              << "}\n";
    return kExitOk;
}

int Format(const std::string& file)
{
    kpl::LoadResult result;
    if (int code = LoadOne(file, result); code != kExitOk)
        return code;
    std::string text = kpl::SaveLedger(*result.ledger);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitUsage;
}

// Writes a document to stdout or to `out_name`; returns the exit code.
int WriteDocument(const std::string& text, const std::string& out_name)
{
    if (out_name.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? kExitOk : kExitUsage;
    }
    std::ofstream out(out_name, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
        std::cerr << out_name << ": 写入失败 / write error\n";
        return kExitUsage;
    }
    return kExitOk;
}

// The arguments of bulletin, dispatch and assessment: FILE, one period option (`period_flag`), --format, -o.
struct DocumentArgs {
    std::string file, period, format = "html", out_name;
};

bool ParseDocumentArgs(const std::vector<std::string>& args, const std::string& period_flag, DocumentArgs& parsed)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == period_flag && has_value)
            parsed.period = args[++i];
        else if (a == "--format" && has_value)
            parsed.format = args[++i];
        else if ((a == "-o" || a == "--output") && has_value)
            parsed.out_name = args[++i];
        else if (parsed.file.empty() && !a.empty() && a[0] != '-')
            parsed.file = a;
        else
            return false;
    }
    return !parsed.file.empty() && (parsed.format == "html" || parsed.format == "csv");
}

// The documents are about the ledger's year: other years have no reports to show. Prints why not.
bool InLedgerYear(const std::string& flag, const std::string& period, int year, const kpl::Ledger& ledger)
{
    if (year == ledger.meta.year)
        return true;
    std::cerr << flag << " " << period << ": 不在台账年度 " << ledger.meta.year << " 内 / not in the ledger's year "
              << ledger.meta.year << "\n";
    return false;
}

// A --month value; says why not on stderr when it is given but is no YYYY-MM.
std::optional<kpl::YearMonth> MonthArg(const std::string& text)
{
    std::optional<kpl::YearMonth> month = kpl::YearMonth::Parse(text);
    if (!month && !text.empty())
        std::cerr << "--month " << text << ": 应为 YYYY-MM / expected YYYY-MM\n";
    return month;
}

int Bulletin(const std::vector<std::string>& args)
{
    DocumentArgs a;
    const bool parsed = ParseDocumentArgs(args, "--month", a);
    const std::optional<kpl::YearMonth> month = parsed ? MonthArg(a.period) : std::nullopt;
    if (!month) {
        PrintUsage();
        return kExitUsage;
    }
    kpl::LoadResult result;
    if (int code = LoadOne(a.file, result); code != kExitOk)
        return code;
    const kpl::Ledger& ledger = *result.ledger;
    if (!InLedgerYear("--month", a.period, month->year, ledger))
        return kExitUsage;
    const kpl::Bulletin bulletin = kpl::BuildBulletin(ledger, *month);
    return WriteDocument(a.format == "csv" ? kpl::BulletinCsv(bulletin, ledger) : kpl::BulletinHtml(bulletin, ledger),
                         a.out_name);
}



int Dispatch(const std::vector<std::string>& args)
{
    DocumentArgs a;
    if (!ParseDocumentArgs(args, "--quarter", a)) {
        PrintUsage();
        return kExitUsage;
    }
    // "2016-Q2": the year, then the quarter 1..4.
    int year = 0, quarter = 0;
    char q = 0, extra = 0;
    if (std::sscanf(a.period.c_str(), "%4d-%c%d%c", &year, &q, &quarter, &extra) != 3 || (q != 'Q' && q != 'q') ||
        quarter < 1 || quarter > 4) {
        std::cerr << "--quarter " << a.period << ": 应为 YYYY-Qn（n 为 1 至 4）/ expected YYYY-Qn (n from 1 to 4)\n";
        PrintUsage();
        return kExitUsage;
    }
    kpl::LoadResult result;
    if (int code = LoadOne(a.file, result); code != kExitOk)
        return code;
    const kpl::Ledger& ledger = *result.ledger;
    if (!InLedgerYear("--quarter", a.period, year, ledger))
        return kExitUsage;
    const kpl::Dispatch dispatch = kpl::BuildDispatch(ledger, year, quarter);
    return WriteDocument(a.format == "csv" ? kpl::DispatchCsv(dispatch) : kpl::DispatchHtml(dispatch, ledger), a.out_name);
}

int Assessment(const std::vector<std::string>& args)
{
    DocumentArgs a;
    if (!ParseDocumentArgs(args, "--month", a)) {
        PrintUsage();
        return kExitUsage;
    }
    std::optional<kpl::YearMonth> month;
    if (!a.period.empty() && !(month = MonthArg(a.period))) {
        PrintUsage();
        return kExitUsage;
    }
    kpl::LoadResult result;
    if (int code = LoadOne(a.file, result); code != kExitOk)
        return code;
    const kpl::Ledger& ledger = *result.ledger;
    if (!month)
        month = ledger.meta.as_of.value_or(kpl::YearMonth{ledger.meta.year, 12});
    if (!InLedgerYear("--month", month->ToString(), month->year, ledger))
        return kExitUsage;
    const kpl::Assessment assessment = kpl::ComputeAssessment(ledger, *month);
    return WriteDocument(a.format == "csv" ? kpl::AssessmentCsv(assessment) : kpl::AssessmentHtml(assessment, ledger),
                         a.out_name);
}

// --- package, import, merge (merge.h): a JSON summary on stdout; exit 0 when the output holds no
// open conflict, refused change or deletion to review, 1 when it does (the output is written all
// the same) or when an input is invalid (nothing written), 2 on usage or I/O errors.

// Options after the positional arguments of package / import / merge.
struct SharingArgs {
    std::vector<std::string> files;
    std::string out_name, base, unit, by, at;
};

bool ParseSharingArgs(const std::vector<std::string>& args, SharingArgs& parsed, bool with_base_unit)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool has_value = i + 1 < args.size();
        if (a == "-o" && has_value)
            parsed.out_name = args[++i];
        else if (a == "--by" && has_value)
            parsed.by = args[++i];
        else if (a == "--at" && has_value)
            parsed.at = args[++i];
        else if (with_base_unit && a == "--base" && has_value)
            parsed.base = args[++i];
        else if (with_base_unit && a == "--unit" && has_value)
            parsed.unit = args[++i];
        else if (!a.empty() && a[0] == '-')
            return false;
        else
            parsed.files.push_back(a);
    }
    return !parsed.out_name.empty();
}

std::string NowUtc()
{
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Loads a ledger for package / import / merge; returns an exit code (kExitOk on success).
int LoadLedgerFile(const std::string& file, std::optional<kpl::Ledger>& ledger)
{
    kpl::LoadResult result;
    int code = LoadOne(file, result);
    if (code == kExitInvalid)
        std::cerr << file << ": 不是有效的台账 / not a valid ledger\n";
    if (code == kExitOk)
        ledger = std::move(result.ledger);
    return code;
}

// Writes the merged ledger and prints the summary; the exit code says whether decisions are open.
int FinishSharing(const kpl::Ledger& ledger, nlohmann::json summary, const std::string& out_name)
{
    kpl::SharingState state = kpl::ReadSharing(ledger);
    summary["revision"] = ledger.revision;
    summary["open_conflicts"] = state.conflicts.size();
    summary["pending"] = state.pending.size();
    int code = WriteDocument(kpl::SaveLedger(ledger), out_name);
    if (code != kExitOk)
        return code;
    std::cout << summary.dump(2) << '\n';
    return state.conflicts.empty() && state.pending.empty() ? kExitOk : kExitInvalid;
}

int Package(const std::vector<std::string>& args)
{
    SharingArgs a;
    if (!ParseSharingArgs(args, a, true) || a.files.size() != 1 || a.base.empty() || a.unit.empty()) {
        PrintUsage();
        return kExitUsage;
    }
    std::optional<kpl::Ledger> current, base;
    if (int code = LoadLedgerFile(a.files[0], current))
        return code;
    if (int code = LoadLedgerFile(a.base, base))
        return code;
    if (!kpl::FindDepartment(*current, a.unit) && !kpl::FindDistrict(*current, a.unit)) {
        std::cerr << "--unit " << a.unit << ": 台账中没有这个部门或县市区 / no such department or district in the ledger\n";
        return kExitUsage;
    }
    std::vector<kpl::Diagnostic> errors;
    kpl::ReportPackage package = kpl::MakePackage(*base, *current, a.unit, a.by.empty() ? a.unit : a.by,
                                                  a.at.empty() ? NowUtc() : a.at, &errors);
    for (const kpl::Diagnostic& d : errors)
        std::cerr << d.ToString() << '\n';
    if (!errors.empty())
        return kExitInvalid;
    int code = WriteDocument(kpl::SavePackage(package), a.out_name);
    if (code != kExitOk)
        return code;
    nlohmann::json counts = {{"set", 0}, {"add", 0}, {"delete", 0}};
    for (const kpl::RecordChange& c : package.changes)
        counts[c.op == kpl::ChangeOp::Set ? "set" : c.op == kpl::ChangeOp::Add ? "add" : "delete"] =
            counts[c.op == kpl::ChangeOp::Set ? "set" : c.op == kpl::ChangeOp::Add ? "add" : "delete"].get<int>() + 1;
    std::cout << nlohmann::json{{"package_id", package.package_id}, {"unit_id", package.unit_id},
                                {"base_revision", package.base_revision}, {"revision", package.revision},
                                {"changes", counts}}
                     .dump(2)
              << '\n';
    return kExitOk;
}

int Import(const std::vector<std::string>& args)
{
    SharingArgs a;
    if (!ParseSharingArgs(args, a, false) || a.files.size() < 2) {
        PrintUsage();
        return kExitUsage;
    }
    std::optional<kpl::Ledger> ledger;
    if (int code = LoadLedgerFile(a.files[0], ledger))
        return code;
    nlohmann::json summaries = nlohmann::json::array();
    for (std::size_t i = 1; i < a.files.size(); ++i) {
        std::string bytes;
        if (!ReadFile(a.files[i], bytes))
            return kExitUsage;
        kpl::PackageLoadResult loaded = kpl::LoadPackage(bytes);
        for (const kpl::Diagnostic& d : loaded.errors)
            std::cerr << a.files[i] << ": " << d.ToString() << '\n';
        if (!loaded.ok())
            return kExitInvalid;
        kpl::ImportResult r = kpl::ImportPackage(*ledger, *loaded.package);
        for (const kpl::Diagnostic& d : r.errors)
            std::cerr << a.files[i] << ": " << d.ToString() << '\n';
        if (!r.ledger)
            return kExitInvalid;
        ledger = std::move(r.ledger);
        summaries.push_back(kpl::SummaryToJson(r.summary));
    }
    return FinishSharing(*ledger, nlohmann::json{{"packages", summaries}}, a.out_name);
}

int Merge(const std::vector<std::string>& args)
{
    SharingArgs a;
    if (!ParseSharingArgs(args, a, false) || a.files.size() != 3) {
        PrintUsage();
        return kExitUsage;
    }
    std::optional<kpl::Ledger> base, mine, theirs;
    for (auto [file, slot] : {std::pair{&a.files[0], &base}, std::pair{&a.files[1], &mine}, std::pair{&a.files[2], &theirs}})
        if (int code = LoadLedgerFile(*file, *slot))
            return code;
    kpl::ImportResult r = kpl::MergeLedgers(*base, *mine, *theirs);
    for (const kpl::Diagnostic& d : r.errors)
        std::cerr << d.ToString() << '\n';
    if (!r.ledger)
        return kExitInvalid;
    return FinishSharing(*r.ledger, kpl::SummaryToJson(r.summary), a.out_name);
}

nlohmann::json RankingJson(const std::vector<kpl::PublishedRankEntry>& entries)
{
    nlohmann::json out = nlohmann::json::array();
    for (const kpl::PublishedRankEntry& e : entries)
        out.push_back({{"unit_id", e.unit_id}, {"rank", e.rank}, {"score", e.score}, {"bottom", e.bottom}});
    return out;
}

int Publish(const std::vector<std::string>& args)
{
    std::vector<std::string> rest;
    std::string month_text;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--month" && i + 1 < args.size())
            month_text = args[++i];
        else
            rest.push_back(args[i]);
    }
    SharingArgs a;
    const std::optional<kpl::YearMonth> month = MonthArg(month_text);
    if (!ParseSharingArgs(rest, a, false) || a.files.size() != 1 || !month) {
        PrintUsage();
        return kExitUsage;
    }
    std::optional<kpl::Ledger> ledger;
    if (int code = LoadLedgerFile(a.files[0], ledger))
        return code;
    if (!InLedgerYear("--month", month_text, month->year, *ledger))
        return kExitUsage;
    const bool replacing = kpl::FindPublished(*ledger, *month) != nullptr;
    const kpl::MonthRankings computed = kpl::ComputeRankings(*ledger, *month);
    kpl::EditHistory history(std::move(*ledger));
    kpl::EditContext context{a.by, a.at.empty() ? NowUtc() : a.at};
    kpl::EditResult result = history.PublishRankings(
        context, kpl::ToPublished(computed, history.ledger().settings.ranking.bottom_n, "", ""));
    for (const kpl::Diagnostic& d : result.errors)
        std::cerr << d.ToString() << '\n';
    if (!result.errors.empty())
        return kExitUsage;
    if (int code = WriteDocument(kpl::SaveLedger(history.ledger()), a.out_name); code != kExitOk)
        return code;
    const kpl::PublishedRankings& published = *kpl::FindPublished(history.ledger(), *month);
    std::cout << nlohmann::json{{"month", month->ToString()},
                                {"published_at", published.published_at},
                                {"published_by", published.published_by},
                                {"replaced", replacing},
                                {"unchanged", result.unchanged},
                                {"districts", RankingJson(published.districts)},
                                {"departments", RankingJson(published.departments)}}
                     .dump(2)
              << '\n';
    return kExitOk;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        PrintUsage();
        return kExitUsage;
    }
    const std::string command = args[0];
    std::vector<std::string> files(args.begin() + 1, args.end());
    if (command == "check" && !files.empty())
        return Check(files);
    if (command == "stats" && files.size() == 1)
        return Stats(files[0]);
    if (command == "format" && files.size() == 1)
        return Format(files[0]);
    if (command == "bulletin")
        return Bulletin(files);
    if (command == "dispatch")
        return Dispatch(files);
    if (command == "assessment")
        return Assessment(files);
    if (command == "package")
        return Package(files);
    if (command == "import")
        return Import(files);
    if (command == "merge")
        return Merge(files);
    if (command == "publish")
        return Publish(files);
    if (command == "-h" || command == "--help" || command == "help") {
        PrintUsage();
        return kExitOk;
    }
    PrintUsage();
    return kExitUsage;
}
