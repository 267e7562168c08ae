// Display formatting helpers: percentages, printf into std::string, download names.
#include "format.h"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <vector>

namespace kpl::ui {

std::string FormatPercent(std::optional<double> percent, const char* missing)
{
    if (!percent || !std::isfinite(*percent))
        return missing;
    char buffer[32];
    std::snprintf(buffer, sizeof(buffer), "%.1f%%", *percent);
    return buffer;
}

std::string Format(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    va_list copy;
    va_copy(copy, args);
    const int size = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string out;
    if (size > 0) {
        std::vector<char> buffer(static_cast<size_t>(size) + 1);
        std::vsnprintf(buffer.data(), buffer.size(), format, args);
        out.assign(buffer.data(), static_cast<size_t>(size));
    }
    va_end(args);
    return out;
}

std::string DownloadName(const std::string& file_name)
{
    if (file_name.empty())
        return "ledger.json";
    std::string stem = file_name;
    const size_t dot = stem.rfind('.');
    if (dot != std::string::npos && dot > 0)
        stem.erase(dot);
    return stem + ".json";
}

} // namespace kpl::ui
