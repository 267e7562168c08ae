#include "table.h"

namespace kpl {

std::string CsvField(const std::string& text)
{
    const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

namespace {

template <typename Cells, typename TextOf>
void CsvRow(std::string& out, const Cells& cells, TextOf text_of)
{
    bool first = true;
    for (const auto& cell : cells) {
        if (!first)
            out += ',';
        first = false;
        out += CsvField(text_of(cell));
    }
    out += "\r\n";
}

} // namespace

std::string TablesCsv(const std::vector<Table>& tables, bool titles, const std::vector<std::vector<std::string>>& preamble)
{
    std::string out = "\xEF\xBB\xBF";  // the BOM makes Excel read UTF-8
    const auto same = [](const std::string& s) -> const std::string& { return s; };
    for (const std::vector<std::string>& row : preamble)
        CsvRow(out, row, same);
    if (!preamble.empty() && titles)
        out += "\r\n";
    for (const Table& table : tables) {
        if (titles)
            CsvRow(out, std::vector<std::string>{table.title}, same);
        CsvRow(out, table.header, same);
        for (const std::vector<TableCell>& row : table.rows)
            CsvRow(out, row, [](const TableCell& cell) -> const std::string& { return cell.text; });
        if (titles)
            out += "\r\n";
    }
    return out;
}

} // namespace kpl
