// Money in 万元, held exactly as an integer count of 0.01万元 (= 100元), so totals never drift.
// Core module: standard library only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpl {

// Why Money::Parse refused a text, so that the loader can say so precisely.
enum class MoneyParseError { None, Syntax, TooManyDecimals, OutOfRange };

class Money {
public:
    constexpr Money() = default;
    static constexpr Money FromCents(int64_t hundredths_of_wan) { Money m; m.cents_ = hundredths_of_wan; return m; }
    static constexpr Money FromWan(int64_t whole_wan) { return FromCents(whole_wan * 100); }

    // Parses a decimal number of 万元 with at most two decimals ("1234", "1234.5", "-0.25",
    // "1.5e3"). Returns nothing for anything else, including more than two significant decimals
    // ("1.50" is fine, "1.505" is not) and magnitudes above 10^13 万元; `error` (optional) says why.
    static std::optional<Money> Parse(std::string_view text, MoneyParseError* error = nullptr);

    constexpr int64_t Cents() const { return cents_; }
    // The canonical text written to files and shown: "1234", "1234.5", "1234.56", "-0.05".
    std::string ToString() const;
    // Display with thousands separators and exactly two decimals: "736,500.00".
    std::string ToDisplay() const;
    // 亿元 with two decimals, for headline figures: 736500万元 -> "73.65".
    std::string ToYiDisplay() const;
    double ToWanDouble() const { return static_cast<double>(cents_) / 100.0; }

    constexpr bool IsNegative() const { return cents_ < 0; }
    constexpr Money operator+(Money o) const { return FromCents(cents_ + o.cents_); }
    constexpr Money operator-(Money o) const { return FromCents(cents_ - o.cents_); }
    Money& operator+=(Money o) { cents_ += o.cents_; return *this; }
    Money& operator-=(Money o) { cents_ -= o.cents_; return *this; }
    constexpr bool operator==(Money o) const { return cents_ == o.cents_; }
    constexpr bool operator!=(Money o) const { return cents_ != o.cents_; }
    constexpr bool operator<(Money o) const { return cents_ < o.cents_; }
    constexpr bool operator<=(Money o) const { return cents_ <= o.cents_; }
    constexpr bool operator>(Money o) const { return cents_ > o.cents_; }
    constexpr bool operator>=(Money o) const { return cents_ >= o.cents_; }

private:
    int64_t cents_ = 0;
};

// Appends hundredths as the canonical decimal text of Money::ToString(): integer when whole,
// otherwise one or two decimals ("12", "12.5", "12.05", "-0.05"). Also used for other 2-decimal
// figures of the file format (percentages, settings).
void AppendHundredths(std::string& out, int64_t hundredths);

// numerator / denominator as a percentage, or nothing when the denominator is zero.
std::optional<double> Percent(Money numerator, Money denominator);

} // namespace kpl
