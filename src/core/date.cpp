// Dates, year-months and timestamps: strict ISO 8601 parsing and day arithmetic.
#include "date.h"

namespace kpl {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at `pos`; false if any is not a digit.
bool ReadDigits(std::string_view text, std::size_t pos, std::size_t count, int& value)
{
    if (pos + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!IsDigit(text[i]))
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

void AppendPadded(std::string& out, int value, int width)
{
    std::string digits = std::to_string(value);
    for (int i = static_cast<int>(digits.size()); i < width; ++i)
        out += '0';
    out += digits;
}

// Floor division, since C++ truncates toward zero and day numbers before 1970 are negative.
constexpr long FloorDiv(long a, long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// Days from 0000-03-01 in the proleptic Gregorian calendar to the given date. Counting years from
// March puts the leap day last, so each 400-year era has a fixed shape.
constexpr long DaysFromMarchEpoch(int year, int month, int day)
{
    long y = month <= 2 ? year - 1 : year;
    long m = month <= 2 ? month + 9 : month - 3;       // March = 0 ... February = 11
    long days_before_month = (153 * m + 2) / 5;        // 31,30,31,30,31,31,30,31,30,31,31,28/29
    long era = FloorDiv(y, 400);
    long year_of_era = y - era * 400;                  // 0..399
    long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + days_before_month + day - 1;
    return era * 146097 + day_of_era;
}

constexpr long kEpochOffset = DaysFromMarchEpoch(1970, 1, 1);

} // namespace

bool IsLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month)
{
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && IsLeapYear(year))
        return 29;
    return kDays[month - 1];
}

std::optional<Date> Date::Parse(std::string_view text)
{
    Date d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    if (!ReadDigits(text, 0, 4, d.year) || !ReadDigits(text, 5, 2, d.month) || !ReadDigits(text, 8, 2, d.day))
        return std::nullopt;
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month))
        return std::nullopt;
    return d;
}

std::string Date::ToString() const
{
    std::string out;
    out.reserve(10);
    AppendPadded(out, year, 4);
    out += '-';
    AppendPadded(out, month, 2);
    out += '-';
    AppendPadded(out, day, 2);
    return out;
}

long Date::DayNumber() const
{
    return DaysFromMarchEpoch(year, month, day) - kEpochOffset;
}

Date Date::FromDayNumber(long day_number)
{
    long days = day_number + kEpochOffset;             // days since 0000-03-01
    long era = FloorDiv(days, 146097);
    long day_of_era = days - era * 146097;             // 0..146096
    // Years of the era: remove the leap days of 4-, 100- and 400-year cycles before dividing by 365.
    long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    long m = (5 * day_of_year + 2) / 153;              // March = 0
    Date d;
    d.day = static_cast<int>(day_of_year - (153 * m + 2) / 5 + 1);
    d.month = static_cast<int>(m < 10 ? m + 3 : m - 9);
    d.year = static_cast<int>(year_of_era + era * 400 + (d.month <= 2 ? 1 : 0));
    return d;
}

std::optional<YearMonth> YearMonth::Parse(std::string_view text)
{
    YearMonth ym;
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    if (!ReadDigits(text, 0, 4, ym.year) || !ReadDigits(text, 5, 2, ym.month))
        return std::nullopt;
    if (ym.year < 1 || ym.month < 1 || ym.month > 12)
        return std::nullopt;
    return ym;
}

std::string YearMonth::ToString() const
{
    std::string out;
    out.reserve(7);
    AppendPadded(out, year, 4);
    out += '-';
    AppendPadded(out, month, 2);
    return out;
}

YearMonth YearMonth::FromIndex(int index)
{
    YearMonth ym;
    ym.year = static_cast<int>(FloorDiv(index, 12));
    ym.month = index - ym.year * 12 + 1;
    return ym;
}

bool IsValidTimestamp(std::string_view text)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
    if (text.size() < 20 || !Date::Parse(text.substr(0, 10)) || text[10] != 'T')
        return false;
    int hour = 0, minute = 0, second = 0;
    if (!ReadDigits(text, 11, 2, hour) || text[13] != ':' || !ReadDigits(text, 14, 2, minute) ||
        text[16] != ':' || !ReadDigits(text, 17, 2, second))
        return false;
    if (hour > 23 || minute > 59 || second > 59)
        return false;
    std::size_t pos = 19;
    if (text[pos] == '.') {
        std::size_t begin = ++pos;
        while (pos < text.size() && IsDigit(text[pos]))
            ++pos;
        if (pos == begin || pos - begin > 9)
            return false;
    }
    std::string_view zone = text.substr(pos);
    if (zone == "Z")
        return true;
    int zone_hour = 0, zone_minute = 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
        return false;
    if (!ReadDigits(zone, 1, 2, zone_hour) || !ReadDigits(zone, 4, 2, zone_minute))
        return false;
    return zone_hour <= 23 && zone_minute <= 59;
}

std::optional<double> TimestampToUnixMs(std::string_view text)
{
    if (!IsValidTimestamp(text))
        return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    ReadDigits(text, 11, 2, hour);
    ReadDigits(text, 14, 2, minute);
    ReadDigits(text, 17, 2, second);
    double ms = (static_cast<double>(Date::Parse(text.substr(0, 10))->DayNumber()) * 86400.0 + hour * 3600.0 +
                 minute * 60.0 + second) * 1000.0;
    std::size_t pos = 19;
    if (text[pos] == '.') {
        // Milliseconds are the first three digits of the fraction.
        double scale = 100;
        for (++pos; pos < text.size() && IsDigit(text[pos]); ++pos, scale /= 10)
            if (scale >= 1)
                ms += (text[pos] - '0') * scale;
    }
    std::string_view zone = text.substr(pos);
    if (zone != "Z") {
        int zone_hour = 0, zone_minute = 0;
        ReadDigits(zone, 1, 2, zone_hour);
        ReadDigits(zone, 4, 2, zone_minute);
        const double offset_ms = (zone_hour * 60.0 + zone_minute) * 60000.0;
        // 10:00+08:00 is 02:00Z: an offset east of Greenwich is taken off.
        ms += zone[0] == '+' ? -offset_ms : offset_ms;
    }
    return ms;
}

} // namespace kpl
