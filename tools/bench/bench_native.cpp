// Benchmark (not a test): times the core's kpl::LoadLedger and kpl::SaveLedger on one ledger file,
// next to plain nlohmann::json parse and dump(2) of the same bytes as a baseline. Native only.
//
//   kpl_bench FILE [RUNS]     prints one JSON object with every run's milliseconds and the medians
//   kpl_bench --supervision FILE [RUNS]
//                             the same for computing everything the office publishes for the
//                             ledger's as-of month: indicators (every unit and project), the
//                             warning history from January, the ranking history and interviews,
//                             the assessment, and the bulletin with its HTML and CSV
//
// Built as target kpl_bench (tools/bench/CMakeLists.txt) or directly by tools/bench/run_bench.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bulletin.h"
#include "ledger_json.h"

namespace {

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string JsonArray(const std::vector<double>& v) {
    std::ostringstream out;
    out << "[";
    for (size_t i = 0; i < v.size(); i++) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3f", v[i]);
        out << (i ? ", " : "") << buf;
    }
    out << "]";
    return out.str();
}

} // namespace

// Times the supervision computations on an already loaded ledger; prints the same style of JSON.
int BenchSupervision(const char* file, int runs) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "kpl_bench: cannot read %s\n", file);
        return 2;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    kpl::LoadResult loaded = kpl::LoadLedger(bytes);
    if (!loaded.ok()) {
        std::fprintf(stderr, "kpl_bench: %s does not load\n", file);
        return 1;
    }
    const kpl::Ledger& ledger = *loaded.ledger;
    const kpl::YearMonth month = ledger.meta.as_of.value_or(kpl::YearMonth{ledger.meta.year, 12});
    std::vector<double> indicators_ms, warnings_ms, rankings_ms, assessment_ms, bulletin_ms, total_ms;
    size_t sink = 0;
    for (int i = 0; i < runs; i++) {
        const auto start = Clock::now();
        auto t0 = Clock::now();
        kpl::IndicatorReport report = kpl::ComputeIndicators(ledger, month);
        indicators_ms.push_back(MillisecondsSince(t0));
        sink += report.projects.size();

        t0 = Clock::now();
        kpl::WarningHistory warnings = kpl::ComputeWarningHistory(ledger, month);
        warnings_ms.push_back(MillisecondsSince(t0));
        sink += warnings.months.size();

        t0 = Clock::now();
        std::vector<kpl::MonthRankings> rankings = kpl::ComputeRankingHistory(ledger, month);
        std::vector<kpl::InterviewEntry> interviews = kpl::ComputeInterviews(ledger, rankings, month);
        rankings_ms.push_back(MillisecondsSince(t0));
        sink += rankings.size() + interviews.size();

        t0 = Clock::now();
        kpl::Assessment assessment = kpl::ComputeAssessment(ledger, month);
        assessment_ms.push_back(MillisecondsSince(t0));
        sink += assessment.districts.size();

        t0 = Clock::now();
        kpl::Bulletin bulletin = kpl::BuildBulletin(ledger, month);
        sink += kpl::BulletinHtml(bulletin, ledger).size() + kpl::BulletinCsv(bulletin, ledger).size();
        bulletin_ms.push_back(MillisecondsSince(t0));
        total_ms.push_back(MillisecondsSince(start));
    }
    std::printf("{\n");
    std::printf("  \"file\": \"%s\",\n  \"file_bytes\": %zu,\n  \"project_count\": %zu,\n", file, bytes.size(),
                ledger.projects.size());
    std::printf("  \"month\": \"%s\",\n  \"runs\": %d,\n", month.ToString().c_str(), runs);
    std::printf("  \"indicators_ms\": %s,\n  \"warning_history_ms\": %s,\n", JsonArray(indicators_ms).c_str(),
                JsonArray(warnings_ms).c_str());
    std::printf("  \"ranking_history_ms\": %s,\n  \"assessment_ms\": %s,\n", JsonArray(rankings_ms).c_str(),
                JsonArray(assessment_ms).c_str());
    std::printf("  \"bulletin_ms\": %s,\n  \"total_ms\": %s,\n", JsonArray(bulletin_ms).c_str(), JsonArray(total_ms).c_str());
    std::printf("  \"median_indicators_ms\": %.3f,\n  \"median_warning_history_ms\": %.3f,\n", Median(indicators_ms),
                Median(warnings_ms));
    std::printf("  \"median_ranking_history_ms\": %.3f,\n  \"median_assessment_ms\": %.3f,\n", Median(rankings_ms),
                Median(assessment_ms));
    std::printf("  \"median_bulletin_ms\": %.3f,\n  \"median_total_ms\": %.3f,\n", Median(bulletin_ms), Median(total_ms));
    std::printf("  \"sink\": %zu\n}\n", sink);
    return 0;
}

int main(int argc, char** argv) {
    if (argc >= 3 && argc <= 4 && std::string(argv[1]) == "--supervision")
        return BenchSupervision(argv[2], argc == 4 ? std::max(1, std::atoi(argv[3])) : 5);
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: kpl_bench FILE [RUNS]\n       kpl_bench --supervision FILE [RUNS]\n");
        return 2;
    }
    const int runs = argc == 3 ? std::max(1, std::atoi(argv[2])) : 5;
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "kpl_bench: cannot read %s\n", argv[1]);
        return 2;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

    // One untimed round first: checks the file loads and warms caches and the allocator.
    kpl::LoadResult warm = kpl::LoadLedger(bytes);
    if (!warm.ok()) {
        std::fprintf(stderr, "kpl_bench: %s does not load: %s\n", argv[1],
                     warm.errors.empty() ? "?" : warm.errors[0].ToString().c_str());
        return 1;
    }
    const std::string saved = kpl::SaveLedger(*warm.ledger);
    const bool round_trip_identical = saved == bytes;
    const size_t project_count = warm.ledger->projects.size();
    warm = kpl::LoadResult();

    std::vector<double> load_ms, save_ms, parse_ms, dump_ms;
    size_t sink = 0;
    for (int i = 0; i < runs; i++) {
        auto t0 = Clock::now();
        kpl::LoadResult r = kpl::LoadLedger(bytes);
        load_ms.push_back(MillisecondsSince(t0));

        t0 = Clock::now();
        std::string out = kpl::SaveLedger(*r.ledger);
        save_ms.push_back(MillisecondsSince(t0));
        sink += out.size();

        t0 = Clock::now();
        nlohmann::json doc = nlohmann::json::parse(bytes);
        parse_ms.push_back(MillisecondsSince(t0));

        t0 = Clock::now();
        std::string dumped = doc.dump(2);
        dump_ms.push_back(MillisecondsSince(t0));
        sink += dumped.size();
    }

    std::printf("{\n");
    std::printf("  \"file\": \"%s\",\n  \"file_bytes\": %zu,\n  \"project_count\": %zu,\n", argv[1], bytes.size(), project_count);
    std::printf("  \"runs\": %d,\n  \"round_trip_identical\": %s,\n", runs, round_trip_identical ? "true" : "false");
    std::printf("  \"load_ms\": %s,\n  \"save_ms\": %s,\n", JsonArray(load_ms).c_str(), JsonArray(save_ms).c_str());
    std::printf("  \"json_parse_ms\": %s,\n  \"json_dump_ms\": %s,\n", JsonArray(parse_ms).c_str(), JsonArray(dump_ms).c_str());
    std::printf("  \"median_load_ms\": %.3f,\n  \"median_save_ms\": %.3f,\n", Median(load_ms), Median(save_ms));
    std::printf("  \"median_json_parse_ms\": %.3f,\n  \"median_json_dump_ms\": %.3f,\n", Median(parse_ms), Median(dump_ms));
    std::printf("  \"sink\": %zu\n}\n", sink);
    return 0;
}
