// A titled table of cells: what every export shares. The bulletin, the dispatch, the assessment,
// the projects table and the problems list are each turned into tables once; the CSV writer here
// and the .xlsx writer (src/sheets) lay the same tables out, so the two formats never disagree.
// Core module: standard library only.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace kpl {

// A cell: text, or a number (written as a number, so spreadsheets can sum it) with the text it
// shows in CSV (e.g. "1234.50" for 1234.5 万元 at two decimals).
struct TableCell {
    std::string text;
    std::optional<double> number;

    TableCell() = default;
    TableCell(std::string text_) : text(std::move(text_)) {}          // NOLINT: text is the common case
    TableCell(const char* text_) : text(text_ ? text_ : "") {}       // NOLINT
    static TableCell Number(double value, std::string shown)
    {
        TableCell cell(std::move(shown));
        cell.number = value;
        return cell;
    }
};

struct Table {
    std::string title;                          // "县市区排名"; one sheet or one CSV section
    std::vector<std::string> header;            // column names
    std::vector<std::vector<TableCell>> rows;
};

// CSV field quoting: quoted when it holds a comma, quote, CR or LF, or leading/trailing space.
std::string CsvField(const std::string& text);

// Tables one after another as CSV that Excel and WPS open with Chinese intact: UTF-8 with BOM,
// CRLF. With `titles`, each table starts with its title on a row of its own and ends with an empty
// row (a document of sections); without, one table is written as header + rows (a plain list).
// `preamble` rows (e.g. a document's title and number) come first.
std::string TablesCsv(const std::vector<Table>& tables, bool titles = true,
                      const std::vector<std::vector<std::string>>& preamble = {});

} // namespace kpl
