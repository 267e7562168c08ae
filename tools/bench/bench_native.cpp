// Benchmark (not a test): times the core's kpl::LoadLedger and kpl::SaveLedger on one ledger file,
// next to plain nlohmann::json parse and dump(2) of the same bytes as a baseline. Native only.
//
//   kpl_bench FILE [RUNS]     prints one JSON object with every run's milliseconds and the medians
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

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: kpl_bench FILE [RUNS]\n");
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
