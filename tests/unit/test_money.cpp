// Money: exact parsing, canonical and display formatting, sums without drift.
#include <doctest/doctest.h>

#include "money.h"

using kpl::Money;
using kpl::MoneyParseError;

namespace {

int64_t CentsOf(const char* text)
{
    std::optional<Money> m = Money::Parse(text);
    REQUIRE_MESSAGE(m.has_value(), "should parse: " << text);
    return m->Cents();
}

MoneyParseError WhyNot(const char* text)
{
    MoneyParseError why = MoneyParseError::None;
    CHECK_FALSE(Money::Parse(text, &why).has_value());
    return why;
}

} // namespace

TEST_CASE("money: parses plain decimals into hundredths of 万元")
{
    CHECK(CentsOf("0") == 0);
    CHECK(CentsOf("1234") == 123400);
    CHECK(CentsOf("1234.5") == 123450);
    CHECK(CentsOf("1234.56") == 123456);
    CHECK(CentsOf("0.01") == 1);
    CHECK(CentsOf("-0.25") == -25);
    CHECK(CentsOf("736500") == 73650000);
}

TEST_CASE("money: exponents and trailing zeros")
{
    CHECK(CentsOf("1.5e3") == 150000);       // 1500万元
    CHECK(CentsOf("1.5E+3") == 150000);
    CHECK(CentsOf("12345e-2") == 12345);     // 123.45
    CHECK(CentsOf("1.50") == 150);           // a zero third decimal is no decimal
    CHECK(CentsOf("2.000000") == 200);
    CHECK(CentsOf("0e999999") == 0);
    CHECK(CentsOf("-0") == 0);
    CHECK_FALSE(Money::Parse("-0")->IsNegative());
}

TEST_CASE("money: refuses more than two decimals, bad syntax and absurd sizes")
{
    CHECK(WhyNot("1.505") == MoneyParseError::TooManyDecimals);
    CHECK(WhyNot("0.001") == MoneyParseError::TooManyDecimals);
    CHECK(WhyNot("1e-3") == MoneyParseError::TooManyDecimals);
    CHECK(WhyNot("12345e-3") == MoneyParseError::TooManyDecimals);
    for (const char* bad : {"", "abc", "1.", ".5", "+1", "1e", "--1", "1 ", " 1", "1,000", "0x10", "1e+"})
        CHECK_MESSAGE(WhyNot(bad) == MoneyParseError::Syntax, bad);
    CHECK(WhyNot("1e20") == MoneyParseError::OutOfRange);
    CHECK(WhyNot("99999999999999999999") == MoneyParseError::OutOfRange);
    // 10^13 万元 is the largest accepted magnitude.
    CHECK(CentsOf("10000000000000") == 1000000000000000LL);
    CHECK(WhyNot("10000000000000.01") == MoneyParseError::OutOfRange);
}

TEST_CASE("money: canonical text is integer when whole, else the fewest decimals")
{
    CHECK(Money::FromCents(123400).ToString() == "1234");
    CHECK(Money::FromCents(123450).ToString() == "1234.5");
    CHECK(Money::FromCents(123456).ToString() == "1234.56");
    CHECK(Money::FromCents(1005).ToString() == "10.05");
    CHECK(Money::FromCents(-5).ToString() == "-0.05");
    CHECK(Money::FromCents(-150).ToString() == "-1.5");
    CHECK(Money::FromCents(0).ToString() == "0");
    CHECK(Money::FromWan(736500).ToString() == "736500");
    // Parse and ToString agree both ways.
    for (const char* text : {"0", "1", "0.5", "0.05", "99.99", "123456789.12", "-7.1"})
        CHECK(Money::Parse(text)->ToString() == text);
}

TEST_CASE("money: display forms")
{
    CHECK(Money::FromWan(736500).ToDisplay() == "736,500.00");
    CHECK(Money::FromCents(-123450).ToDisplay() == "-1,234.50");
    CHECK(Money::FromCents(99).ToDisplay() == "0.99");
    CHECK(Money::FromWan(100).ToDisplay() == "100.00");
    CHECK(Money::FromWan(1000).ToDisplay() == "1,000.00");
    // 736,500万元 = 73.65亿元
    CHECK(Money::FromWan(736500).ToYiDisplay() == "73.65");
    // 50万元 = 0.005亿元, rounded half away from zero to 0.01; 49.99万元 rounds down.
    CHECK(Money::FromWan(50).ToYiDisplay() == "0.01");
    CHECK(Money::FromCents(4999).ToYiDisplay() == "0.00");
    CHECK(Money::FromWan(12345678).ToYiDisplay() == "1234.57");
}

TEST_CASE("money: summing 0.1万元 ten thousand times gives exactly 1000万元")
{
    Money total;
    double naive = 0;
    Money tenth = *Money::Parse("0.1");
    for (int i = 0; i < 10000; ++i) {
        total += tenth;
        naive += 0.1;
    }
    CHECK(total == Money::FromWan(1000));
    CHECK(total.ToString() == "1000");
    CHECK(naive != 1000.0);  // why money is not a double
}

TEST_CASE("money: arithmetic, comparison and percent")
{
    Money a = Money::FromCents(250), b = Money::FromCents(100);
    CHECK((a + b).Cents() == 350);
    CHECK((a - b).Cents() == 150);
    CHECK((b - a).IsNegative());
    CHECK(b < a);
    CHECK(a >= a);
    CHECK(*kpl::Percent(Money::FromWan(1), Money::FromWan(4)) == doctest::Approx(25.0));
    CHECK(*kpl::Percent(Money::FromWan(736500), Money::FromWan(736500)) == doctest::Approx(100.0));
    CHECK_FALSE(kpl::Percent(Money::FromWan(1), Money()).has_value());
    CHECK(Money::FromCents(12345).ToWanDouble() == doctest::Approx(123.45));
}
