// Calendar dates, year-months and timestamps in ISO 8601, validated strictly (2016-02-30 is an error).
// Core module: standard library only.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kpl {

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

struct Date {
    int year = 0, month = 0, day = 0;

    // Accepts exactly "YYYY-MM-DD" naming a real day.
    static std::optional<Date> Parse(std::string_view text);
    std::string ToString() const;
    // Days since 1970-01-01 (negative before), for differences and comparison.
    long DayNumber() const;
    static Date FromDayNumber(long day_number);
    Date AddDays(long days) const { return FromDayNumber(DayNumber() + days); }

    bool operator==(const Date& o) const { return year == o.year && month == o.month && day == o.day; }
    bool operator!=(const Date& o) const { return !(*this == o); }
    // Field by field: the same order as DayNumber() for real days, without its arithmetic (dates are
    // compared in the indicators' inner loops).
    bool operator<(const Date& o) const
    {
        return year != o.year ? year < o.year : month != o.month ? month < o.month : day < o.day;
    }
    bool operator<=(const Date& o) const { return !(o < *this); }
    bool operator>(const Date& o) const { return o < *this; }
    bool operator>=(const Date& o) const { return !(*this < o); }
};

struct YearMonth {
    int year = 0, month = 0;

    // Accepts exactly "YYYY-MM".
    static std::optional<YearMonth> Parse(std::string_view text);
    std::string ToString() const;
    int Index() const { return year * 12 + (month - 1); }  // for ordering and month arithmetic
    static YearMonth FromIndex(int index);
    YearMonth Next() const { return FromIndex(Index() + 1); }
    Date FirstDay() const { return Date{year, month, 1}; }
    Date LastDay() const { return Date{year, month, DaysInMonth(year, month)}; }

    bool operator==(const YearMonth& o) const { return year == o.year && month == o.month; }
    bool operator!=(const YearMonth& o) const { return !(*this == o); }
    bool operator<(const YearMonth& o) const { return Index() < o.Index(); }
    bool operator<=(const YearMonth& o) const { return Index() <= o.Index(); }
};

// "YYYY-MM-DDTHH:MM:SSZ" or with an offset "+08:00"; kept as the text given once validated.
bool IsValidTimestamp(std::string_view text);
// The instant a valid timestamp names, in milliseconds since 1970-01-01T00:00:00Z (fractions of a
// millisecond dropped); nothing for text IsValidTimestamp refuses.
std::optional<double> TimestampToUnixMs(std::string_view text);

} // namespace kpl
