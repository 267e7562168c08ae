// Dates, year-months and timestamps: strict parsing, leap years, day arithmetic.
#include <doctest/doctest.h>

#include "date.h"

using kpl::Date;
using kpl::YearMonth;

TEST_CASE("date: leap years and month lengths")
{
    CHECK(kpl::IsLeapYear(2016));
    CHECK(kpl::IsLeapYear(2000));   // divisible by 400
    CHECK_FALSE(kpl::IsLeapYear(1900));  // divisible by 100 only
    CHECK_FALSE(kpl::IsLeapYear(2015));
    CHECK(kpl::DaysInMonth(2016, 2) == 29);
    CHECK(kpl::DaysInMonth(2015, 2) == 28);
    CHECK(kpl::DaysInMonth(2100, 2) == 28);
    CHECK(kpl::DaysInMonth(2016, 4) == 30);
    CHECK(kpl::DaysInMonth(2016, 12) == 31);
    CHECK(kpl::DaysInMonth(2016, 13) == 0);
}

TEST_CASE("date: parses only real days written YYYY-MM-DD")
{
    std::optional<Date> d = Date::Parse("2016-02-29");
    REQUIRE(d);
    CHECK(d->year == 2016);
    CHECK(d->month == 2);
    CHECK(d->day == 29);
    CHECK(d->ToString() == "2016-02-29");
    CHECK_FALSE(Date::Parse("2016-02-30"));
    CHECK_FALSE(Date::Parse("2015-02-29"));
    CHECK_FALSE(Date::Parse("2016-04-31"));
    CHECK_FALSE(Date::Parse("2016-13-01"));
    CHECK_FALSE(Date::Parse("2016-00-10"));
    CHECK_FALSE(Date::Parse("2016-01-00"));
    CHECK_FALSE(Date::Parse("2016-2-3"));
    CHECK_FALSE(Date::Parse("2016/02/03"));
    CHECK_FALSE(Date::Parse("2016-02-03x"));
    CHECK_FALSE(Date::Parse("2016-02-03T00:00:00Z"));
    CHECK_FALSE(Date::Parse(""));
    CHECK_FALSE(Date::Parse("0000-01-01"));
    CHECK(Date::Parse("2016-12-31"));
    CHECK(Date::Parse("0001-01-01")->ToString() == "0001-01-01");
}

TEST_CASE("date: day numbers count from 1970-01-01")
{
    CHECK(Date{1970, 1, 1}.DayNumber() == 0);
    CHECK(Date{1970, 1, 2}.DayNumber() == 1);
    CHECK(Date{1969, 12, 31}.DayNumber() == -1);
    // 30 years of 365 days plus the leap days of 1972..1996 (7), then January (31) and February 2000 (29).
    CHECK(Date{2000, 3, 1}.DayNumber() == 30 * 365 + 7 + 31 + 29);
    // 46 years plus the leap days of 1972..2012 (11).
    CHECK(Date{2016, 1, 1}.DayNumber() == 46 * 365 + 11);
    CHECK(Date{2016, 12, 31}.DayNumber() - Date{2016, 1, 1}.DayNumber() == 365);  // leap year
    CHECK(Date{2015, 12, 31}.DayNumber() - Date{2015, 1, 1}.DayNumber() == 364);
}

TEST_CASE("date: every day of 1899..2101 survives a round trip through its day number")
{
    Date d{1899, 1, 1};
    long n = d.DayNumber();
    for (int i = 0; i < 203 * 366 && d.year <= 2101; ++i) {
        Date back = Date::FromDayNumber(n);
        REQUIRE(back == d);
        REQUIRE(Date::Parse(d.ToString()) == d);
        // Next calendar day, the long way round.
        Date next = d;
        if (++next.day > kpl::DaysInMonth(next.year, next.month)) {
            next.day = 1;
            if (++next.month > 12) {
                next.month = 1;
                ++next.year;
            }
        }
        REQUIRE(next.DayNumber() == n + 1);
        d = next;
        ++n;
    }
    CHECK(d.year == 2102);
}

TEST_CASE("date: adding days and comparing")
{
    Date feb28{2016, 2, 28};
    CHECK(feb28.AddDays(1) == Date{2016, 2, 29});
    CHECK(feb28.AddDays(2) == Date{2016, 3, 1});
    CHECK(Date{2015, 2, 28}.AddDays(1) == Date{2015, 3, 1});
    CHECK(Date{2016, 12, 31}.AddDays(1) == Date{2017, 1, 1});
    CHECK(Date{2016, 1, 1}.AddDays(-1) == Date{2015, 12, 31});
    CHECK(Date{2016, 5, 10} < Date{2016, 6, 1});
    CHECK(Date{2016, 6, 1} > Date{2016, 5, 31});
    CHECK(Date{2016, 6, 1} <= Date{2016, 6, 1});
    CHECK(Date{2016, 6, 1} != Date{2016, 6, 2});
}

TEST_CASE("year-month: parsing, order and month arithmetic")
{
    std::optional<YearMonth> ym = YearMonth::Parse("2016-06");
    REQUIRE(ym);
    CHECK(ym->year == 2016);
    CHECK(ym->month == 6);
    CHECK(ym->ToString() == "2016-06");
    CHECK_FALSE(YearMonth::Parse("2016-6"));
    CHECK_FALSE(YearMonth::Parse("2016-13"));
    CHECK_FALSE(YearMonth::Parse("2016-00"));
    CHECK_FALSE(YearMonth::Parse("2016-06-01"));
    CHECK_FALSE(YearMonth::Parse("201606"));
    CHECK(YearMonth{2016, 12}.Next() == YearMonth{2017, 1});
    CHECK(YearMonth::FromIndex(YearMonth{2016, 1}.Index() - 1) == YearMonth{2015, 12});
    CHECK(YearMonth{2016, 7}.Index() - YearMonth{2016, 4}.Index() == 3);
    CHECK(YearMonth{2016, 2}.LastDay() == Date{2016, 2, 29});
    CHECK(YearMonth{2015, 2}.LastDay() == Date{2015, 2, 28});
    CHECK(YearMonth{2016, 6}.FirstDay() == Date{2016, 6, 1});
    CHECK(YearMonth{2015, 12} < YearMonth{2016, 1});
}

TEST_CASE("timestamps: ISO 8601 with Z or an offset")
{
    CHECK(kpl::IsValidTimestamp("2016-05-03T09:30:00Z"));
    CHECK(kpl::IsValidTimestamp("2016-05-03T09:30:00+08:00"));
    CHECK(kpl::IsValidTimestamp("2016-05-03T23:59:59-05:30"));
    CHECK(kpl::IsValidTimestamp("2016-05-03T09:30:00.123Z"));
    CHECK_FALSE(kpl::IsValidTimestamp("2016-05-03T09:30:00"));       // no zone
    CHECK_FALSE(kpl::IsValidTimestamp("2016-05-03 09:30:00Z"));      // space for T
    CHECK_FALSE(kpl::IsValidTimestamp("2016-02-30T09:30:00Z"));      // no such day
    CHECK_FALSE(kpl::IsValidTimestamp("2016-05-03T24:00:00Z"));
    CHECK_FALSE(kpl::IsValidTimestamp("2016-05-03T09:60:00Z"));
    CHECK_FALSE(kpl::IsValidTimestamp("2016-05-03T09:30:00+0800"));
    CHECK_FALSE(kpl::IsValidTimestamp("2016-05-03T09:30:00.Z"));
    CHECK_FALSE(kpl::IsValidTimestamp("2016-05-03"));
    CHECK_FALSE(kpl::IsValidTimestamp(""));
}

TEST_CASE("date: a timestamp's instant in milliseconds since 1970, zones taken off")
{
    // 1970-01-01T08:00:00+08:00 is midnight UTC.
    CHECK(*kpl::TimestampToUnixMs("1970-01-01T08:00:00+08:00") == 0);
    // 2016-07-05 is day 16987 after 1970-01-01 (46 years of 365 days = 16790, 11 leap days
    // 1972..2012, and 186 days of 2016 before July 5th: 31+29+31+30+31+30 + 4): 16987 x 86400 s,
    // + 02:00:00.250 UTC (10:00:00.250 at +08:00) = 7200.25 s.
    CHECK(*kpl::TimestampToUnixMs("2016-07-05T10:00:00.250+08:00") == (16987.0 * 86400 + 7200.25) * 1000);
    CHECK(*kpl::TimestampToUnixMs("2016-07-05T02:00:00.250Z") == (16987.0 * 86400 + 7200.25) * 1000);
    // West of Greenwich the offset is added: 21:30-05:00 is 02:30Z the next day.
    CHECK(*kpl::TimestampToUnixMs("2016-07-04T21:30:00-05:00") == (16987.0 * 86400 + 2.5 * 3600) * 1000);
    CHECK_FALSE(kpl::TimestampToUnixMs("2016-07-05 10:00").has_value());
}
