// The zip container of .xlsx files, in memory: zlib's minizip behind two functions, so nothing else
// sees minizip and no file is ever touched (the browser has none).
// Sheets module: standard library; minizip and zlib in the .cpp only.
#pragma once
#include <string>
#include <vector>

namespace kpl::sheets {

struct ZipEntry {
    std::string name;   // path inside the archive, "xl/workbook.xml"
    std::string data;
};

// The entries deflated into one archive, in the order given. Deterministic: every entry is dated
// 1980-01-01, so the same entries give the same bytes.
std::string WriteZip(const std::vector<ZipEntry>& entries);

struct ZipReadResult {
    bool ok = false;
    std::vector<ZipEntry> entries;   // files only (folders are skipped), in archive order
    std::string error_zh, error_en;  // why it failed, naming the entry when one is at fault
};

// Every file of an archive. Refuses what is not a zip, damaged entries (bad CRC, truncated data),
// encrypted entries and archives that would unpack to more than `max_total_bytes`.
ZipReadResult ReadZip(const std::string& bytes, std::size_t max_total_bytes = 256u << 20);

} // namespace kpl::sheets
