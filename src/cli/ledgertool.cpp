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
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bulletin.h"
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
                 "       ledgertool bulletin FILE --month YYYY-MM [--format html|csv] [-o OUT]\n";
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

int Bulletin(const std::vector<std::string>& args)
{
    std::string file, month_text, format = "html", out_name;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--month" && has_value)
            month_text = args[++i];
        else if (a == "--format" && has_value)
            format = args[++i];
        else if ((a == "-o" || a == "--output") && has_value)
            out_name = args[++i];
        else if (file.empty() && !a.empty() && a[0] != '-')
            file = a;
        else {
            PrintUsage();
            return kExitUsage;
        }
    }
    std::optional<kpl::YearMonth> month = kpl::YearMonth::Parse(month_text);
    if (file.empty() || !month || (format != "html" && format != "csv")) {
        if (!month_text.empty() && !month)
            std::cerr << "--month " << month_text << ": 应为 YYYY-MM / expected YYYY-MM\n";
        PrintUsage();
        return kExitUsage;
    }
    kpl::LoadResult result;
    if (int code = LoadOne(file, result); code != kExitOk)
        return code;
    const kpl::Ledger& ledger = *result.ledger;
    // A bulletin is about one month of the ledger's year: other months have no reports to show.
    if (month->year != ledger.meta.year) {
        std::cerr << "--month " << month_text << ": 不在台账年度 " << ledger.meta.year << " 内 / not in the ledger's year "
                  << ledger.meta.year << "\n";
        return kExitUsage;
    }
    kpl::Bulletin bulletin = kpl::BuildBulletin(ledger, *month);
    const std::string text = format == "csv" ? kpl::BulletinCsv(bulletin, ledger) : kpl::BulletinHtml(bulletin, ledger);
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
    if (command == "-h" || command == "--help" || command == "help") {
        PrintUsage();
        return kExitOk;
    }
    PrintUsage();
    return kExitUsage;
}
