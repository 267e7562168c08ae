#include "sheet_read.h"

#include "xlsx.h"

namespace kpl::sheets {

std::string ColumnLetters(std::size_t column)
{
    std::string letters;
    std::size_t n = column + 1;
    while (n > 0) {
        const std::size_t rest = (n - 1) % 26;
        letters.insert(letters.begin(), static_cast<char>('A' + rest));
        n = (n - 1) / 26;
    }
    return letters;
}

bool ParseCellReference(const std::string& reference, std::size_t& column, std::size_t& row)
{
    std::size_t i = 0;
    std::size_t col = 0;
    while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z') {
        col = col * 26 + static_cast<std::size_t>(reference[i] - 'A' + 1);
        if (col > 16384)  // XFD, the last column of a worksheet
            return false;
        ++i;
    }
    if (i == 0 || i == reference.size())
        return false;
    std::size_t r = 0;
    for (; i < reference.size(); ++i) {
        if (reference[i] < '0' || reference[i] > '9')
            return false;
        r = r * 10 + static_cast<std::size_t>(reference[i] - '0');
        if (r > 1048576)  // the last row of a worksheet
            return false;
    }
    if (r == 0)
        return false;
    column = col - 1;
    row = r;
    return true;
}

SheetReadResult ReadCsv(const std::string& bytes)
{
    SheetReadResult result;
    DecodedText decoded = DecodeSpreadsheetText(bytes);
    if (!decoded.ok) {
        result.error_zh = decoded.error_zh;
        result.error_en = decoded.error_en;
        return result;
    }
    result.format = std::string("CSV (") + EncodingName(decoded.encoding) + ")";
    const std::string& text = decoded.text;
    const std::size_t first_line_end = text.find('\n');
    const std::string first_line = text.substr(0, first_line_end);
    const char separator =
        first_line.find('\t') != std::string::npos && first_line.find(',') == std::string::npos ? '\t' : ',';

    Sheet sheet;
    sheet.name = "CSV";
    std::vector<SheetCell> row;
    std::string field;
    bool quoted = false;       // inside a quoted field
    bool any_in_row = false;   // the row has a separator or a character (a blank line is no row)
    std::size_t line = 1;
    std::size_t quote_line = 0;
    const auto end_field = [&] {
        row.push_back(SheetCell{std::move(field), std::nullopt});
        field.clear();
    };
    const auto end_row = [&] {
        if (any_in_row) {
            end_field();
            sheet.rows.push_back(std::move(row));
        } else {
            sheet.rows.emplace_back();  // keep row numbers true to the file
        }
        row.clear();
        any_in_row = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
            quote_line = line;
            any_in_row = true;
        } else if (c == separator) {
            end_field();
            any_in_row = true;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;  // the \n ends the row
        } else if (c == '\n' || c == '\r') {
            end_row();
            ++line;
        } else {
            field += c;
            any_in_row = true;
        }
    }
    if (quoted) {
        result.error_zh = "第 " + std::to_string(quote_line) + " 行：引号未闭合，文件在引号内结束";
        result.error_en = "line " + std::to_string(quote_line) + ": a quote is never closed before the end of the file";
        return result;
    }
    if (any_in_row)
        end_row();
    // Trailing blank rows are no data.
    while (!sheet.rows.empty() && sheet.rows.back().empty())
        sheet.rows.pop_back();
    result.sheets.push_back(std::move(sheet));
    result.ok = true;
    return result;
}

SheetReadResult ReadSpreadsheet(const std::string& file_name, const std::string& bytes)
{
    if (bytes.compare(0, 2, "PK") == 0)
        return ReadXlsx(bytes);
    if (bytes.compare(0, 4, "\xD0\xCF\x11\xE0") == 0) {
        SheetReadResult result;
        result.error_zh = file_name + " 是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入";
        result.error_en = file_name + " is an old Excel (.xls) file: save it as .xlsx or CSV in Excel or WPS, then import that";
        return result;
    }
    return ReadCsv(bytes);
}

} // namespace kpl::sheets
