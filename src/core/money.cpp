// Money: exact decimal parsing and canonical formatting of hundredths of 万元.
#include "money.h"

#include <cstdlib>

namespace kpl {

namespace {

// Beyond this many hundredths (10^13 万元, i.e. 10^17 元) a figure is certainly a typing error,
// and the limit keeps every sum of a ledger's figures far from int64 overflow and exact as a double.
constexpr int64_t kMaxCents = 1000000000000000LL;  // 10^15

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Magnitude as unsigned so that the most negative value cannot overflow on negation.
uint64_t Magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

void AppendWithSeparators(std::string& out, uint64_t whole)
{
    std::string digits = std::to_string(whole);
    std::size_t lead = digits.size() % 3;
    if (lead == 0)
        lead = 3;
    out.append(digits, 0, lead);
    for (std::size_t i = lead; i < digits.size(); i += 3) {
        out += ',';
        out.append(digits, i, 3);
    }
}

void AppendTwoDigits(std::string& out, uint64_t v)
{
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
}

} // namespace

std::optional<Money> Money::Parse(std::string_view text, MoneyParseError* error)
{
    MoneyParseError dummy;
    MoneyParseError& err = error ? *error : dummy;
    err = MoneyParseError::Syntax;

    // Grammar: -?digits(.digits)?([eE][+-]?digits)? ; the JSON number grammar minus its leading-zero
    // rule, which does not matter for a value.
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && text[i] == '-') {
        negative = true;
        ++i;
    }
    std::size_t int_begin = i;
    while (i < text.size() && IsDigit(text[i]))
        ++i;
    std::string_view int_digits = text.substr(int_begin, i - int_begin);
    if (int_digits.empty())
        return std::nullopt;
    std::string_view frac_digits;
    if (i < text.size() && text[i] == '.') {
        std::size_t frac_begin = ++i;
        while (i < text.size() && IsDigit(text[i]))
            ++i;
        frac_digits = text.substr(frac_begin, i - frac_begin);
        if (frac_digits.empty())
            return std::nullopt;
    }
    long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            exp_negative = text[i] == '-';
            ++i;
        }
        std::size_t exp_begin = i;
        while (i < text.size() && IsDigit(text[i])) {
            // Saturate: any exponent this large is out of range or has too many decimals anyway.
            if (exponent < 100000)
                exponent = exponent * 10 + (text[i] - '0');
            ++i;
        }
        if (i == exp_begin)
            return std::nullopt;
        if (exp_negative)
            exponent = -exponent;
    }
    if (i != text.size())
        return std::nullopt;

    // The value is digits × 10^(shift) in hundredths, where digits = int_digits + frac_digits.
    std::string digits;
    digits.reserve(int_digits.size() + frac_digits.size());
    digits.append(int_digits);
    digits.append(frac_digits);
    long shift = exponent + 2 - static_cast<long>(frac_digits.size());

    std::size_t first_nonzero = digits.find_first_not_of('0');
    if (first_nonzero == std::string::npos) {
        err = MoneyParseError::None;
        return Money();  // zero, whatever the exponent ("-0" is plain zero too)
    }
    digits.erase(0, first_nonzero);
    // Drop trailing zeros that fall below a hundredth: "1.500" is 1.5, "1.505" is not money.
    while (shift < 0 && !digits.empty() && digits.back() == '0') {
        digits.pop_back();
        ++shift;
    }
    if (shift < 0) {
        err = MoneyParseError::TooManyDecimals;
        return std::nullopt;
    }
    if (static_cast<long>(digits.size()) + shift > 16) {
        err = MoneyParseError::OutOfRange;
        return std::nullopt;
    }
    int64_t cents = 0;
    for (char c : digits)
        cents = cents * 10 + (c - '0');
    for (long s = 0; s < shift; ++s)
        cents *= 10;
    if (cents > kMaxCents) {
        err = MoneyParseError::OutOfRange;
        return std::nullopt;
    }
    err = MoneyParseError::None;
    return FromCents(negative ? -cents : cents);
}

std::string Money::ToString() const
{
    std::string out;
    AppendHundredths(out, cents_);
    return out;
}

void AppendHundredths(std::string& out, int64_t cents)
{
    if (cents < 0)
        out += '-';
    uint64_t magnitude = Magnitude(cents);
    uint64_t whole = magnitude / 100;
    uint64_t fraction = magnitude % 100;
    char buffer[24];
    char* end = buffer + sizeof buffer;
    char* p = end;
    do {
        *--p = static_cast<char>('0' + whole % 10);
        whole /= 10;
    } while (whole != 0);
    out.append(p, end);
    if (fraction != 0) {
        out += '.';
        out += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0)
            out += static_cast<char>('0' + fraction % 10);
    }
}

std::string Money::ToDisplay() const
{
    std::string out;
    if (cents_ < 0)
        out += '-';
    uint64_t magnitude = Magnitude(cents_);
    AppendWithSeparators(out, magnitude / 100);
    out += '.';
    AppendTwoDigits(out, magnitude % 100);
    return out;
}

std::string Money::ToYiDisplay() const
{
    // 1亿元 = 10,000万元 = 1,000,000 hundredths of 万元; shown to 0.01亿元, rounded half away from zero.
    uint64_t magnitude = Magnitude(cents_);
    uint64_t hundredths_of_yi = (magnitude + 5000) / 10000;
    std::string out;
    if (cents_ < 0 && hundredths_of_yi != 0)
        out += '-';
    out += std::to_string(hundredths_of_yi / 100);
    out += '.';
    AppendTwoDigits(out, hundredths_of_yi % 100);
    return out;
}

std::optional<double> Percent(Money numerator, Money denominator)
{
    if (denominator.Cents() == 0)
        return std::nullopt;
    return static_cast<double>(numerator.Cents()) * 100.0 / static_cast<double>(denominator.Cents());
}

} // namespace kpl
