// A spreadsheet as read from a file: sheets of rows of cells (text, and the number when the cell
// held one), whatever the file was. CSV (UTF-8 or GBK, comma- or tab-separated) and .xlsx.
// Sheets module: standard library.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "text_encoding.h"

namespace kpl::sheets {

struct SheetCell {
    std::string text;               // as shown; for a number cell, its shortest decimal text
    std::optional<double> number;   // set for numeric cells of .xlsx (CSV cells are all text)
};

struct Sheet {
    std::string name;
    std::vector<std::vector<SheetCell>> rows;   // row 1 first; rows may differ in length
};

struct SheetReadResult {
    bool ok = false;
    std::vector<Sheet> sheets;
    std::string format;              // "CSV (GBK)", "CSV (UTF-8)", "xlsx"
    std::string error_zh, error_en;  // where and what ("第 12 行：引号未闭合")
};

// Column letters: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string ColumnLetters(std::size_t column);
// "AB12" -> column 27 (0-based), row 12 (1-based); nothing when it is not a cell reference.
bool ParseCellReference(const std::string& reference, std::size_t& column, std::size_t& row);

// CSV text (any encoding DecodeSpreadsheetText knows), quoted fields with "" and line breaks;
// separated by commas, or by tabs when the first line has tabs and no commas.
SheetReadResult ReadCsv(const std::string& bytes);
// By content: a zip archive (starts "PK") is read as .xlsx, anything else as CSV; `file_name` only
// words the error when neither fits.
SheetReadResult ReadSpreadsheet(const std::string& file_name, const std::string& bytes);

} // namespace kpl::sheets
