#include "xlsx.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <utility>

#include "json_tree.h"  // AppendUtf8
#include "zip_archive.h"

namespace kpl::sheets {

using json_tree::AppendUtf8;

//-----------------------------------------------------------------------------
// [SECTION] UTF-8 helpers
//-----------------------------------------------------------------------------

namespace {

// Code points of UTF-8 text (the text is valid UTF-8: it comes from the ledger or a decoder).
std::vector<std::string> CodePoints(const std::string& text)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}


// How wide a text shows in a column, in Excel's character units: CJK and other wide characters
// count two.
std::size_t DisplayWidth(const std::string& text)
{
    std::size_t width = 0;
    for (const std::string& cp : CodePoints(text))
        width += cp.size() == 1 ? 1 : 2;
    return width;
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------

// XML text: markup characters escaped; control characters XML 1.0 forbids are dropped.
std::string XmlEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            if (c >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r')
                out += ch;
        }
    }
    return out;
}

std::string NumberText(double value)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    if (std::strtod(buffer, nullptr) != value)
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

// Two decimals shown ("1234.50") -> the "0.00" style, so the sheet shows what the CSV shows.
bool ShowsTwoDecimals(const std::string& shown)
{
    const std::size_t dot = shown.rfind('.');
    return dot != std::string::npos && shown.size() - dot == 3;
}

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

enum Style { kStyleNormal = 0, kStyleHeader = 1, kStyleTwoDecimals = 2 };

// Styles: 0 normal, 1 bold (header), 2 numbers with two decimals. SimSun (宋体) is what Chinese
// Excel and WPS use by default.
std::string StylesXml()
{
    std::string s = kXmlHead;
    s += "<styleSheet xmlns=\"";
    s += kMainNs;
    s += "\">"
         "<fonts count=\"2\">"
         "<font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
         "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
         "</fonts>"
         "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
         "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
         "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
         "<cellXfs count=\"3\">"
         "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
         "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
         "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
         "</cellXfs>"
         "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
         "</styleSheet>";
    return s;
}

class SharedStrings {
public:
    std::size_t Index(const std::string& text)
    {
        auto [it, inserted] = index_.emplace(text, order_.size());
        if (inserted)
            order_.push_back(text);
        ++uses_;
        return it->second;
    }
    std::string Xml() const
    {
        std::string s = kXmlHead;
        s += "<sst xmlns=\"";
        s += kMainNs;
        s += "\" count=\"" + std::to_string(uses_) + "\" uniqueCount=\"" + std::to_string(order_.size()) + "\">";
        for (const std::string& text : order_) {
            const bool keep_space = !text.empty() && (text.front() == ' ' || text.back() == ' ' ||
                                                      text.find('\n') != std::string::npos);
            s += keep_space ? "<si><t xml:space=\"preserve\">" : "<si><t>";
            s += XmlEscape(text);
            s += "</t></si>";
        }
        s += "</sst>";
        return s;
    }

private:
    std::map<std::string, std::size_t> index_;
    std::vector<std::string> order_;
    std::size_t uses_ = 0;
};

struct SheetWriter {
    std::string data;                  // <row> elements
    std::vector<std::size_t> widths;   // per column, in characters
    std::size_t row = 0;               // rows written

    void Widen(std::size_t column, const std::string& text)
    {
        if (widths.size() <= column)
            widths.resize(column + 1, 0);
        widths[column] = std::max(widths[column], DisplayWidth(text));
    }
    void TextRow(const std::vector<std::string>& cells, Style style, SharedStrings& strings, bool widen)
    {
        ++row;
        data += "<row r=\"" + std::to_string(row) + "\">";
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty())
                continue;
            data += "<c r=\"" + ColumnLetters(c) + std::to_string(row) + "\" t=\"s\"";
            if (style != kStyleNormal)
                data += " s=\"" + std::to_string(style) + "\"";
            data += "><v>" + std::to_string(strings.Index(cells[c])) + "</v></c>";
            if (widen)
                Widen(c, cells[c]);
        }
        data += "</row>";
    }
    void CellRow(const std::vector<TableCell>& cells, SharedStrings& strings)
    {
        ++row;
        data += "<row r=\"" + std::to_string(row) + "\">";
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const TableCell& cell = cells[c];
            const std::string reference = ColumnLetters(c) + std::to_string(row);
            if (cell.number) {
                data += "<c r=\"" + reference + "\"";
                if (ShowsTwoDecimals(cell.text))
                    data += " s=\"" + std::to_string(kStyleTwoDecimals) + "\"";
                data += "><v>" + NumberText(*cell.number) + "</v></c>";
            } else if (!cell.text.empty()) {
                data += "<c r=\"" + reference + "\" t=\"s\"><v>" + std::to_string(strings.Index(cell.text)) + "</v></c>";
            }
            Widen(c, cell.text);
        }
        data += "</row>";
    }
    std::string Xml(std::size_t frozen_rows) const
    {
        std::string s = kXmlHead;
        s += "<worksheet xmlns=\"";
        s += kMainNs;
        s += "\" xmlns:r=\"";
        s += kRelNs;
        s += "\"><sheetViews><sheetView workbookViewId=\"0\">";
        if (frozen_rows > 0)
            s += "<pane ySplit=\"" + std::to_string(frozen_rows) + "\" topLeftCell=\"A" + std::to_string(frozen_rows + 1) +
                 "\" activePane=\"bottomLeft\" state=\"frozen\"/>";
        s += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
        if (!widths.empty()) {
            s += "<cols>";
            for (std::size_t c = 0; c < widths.size(); ++c) {
                const std::size_t width = std::clamp<std::size_t>(widths[c] + 2, 6, 60);
                s += "<col min=\"" + std::to_string(c + 1) + "\" max=\"" + std::to_string(c + 1) + "\" width=\"" +
                     std::to_string(width) + "\" customWidth=\"1\"/>";
            }
            s += "</cols>";
        }
        s += "<sheetData>" + data + "</sheetData></worksheet>";
        return s;
    }
};

} // namespace

std::string SheetName(const std::string& wanted, const std::vector<std::string>& taken)
{
    std::vector<std::string> cps;
    for (std::string cp : CodePoints(wanted)) {
        if (cp.size() == 1 && std::string("[]:*?/\\").find(cp[0]) != std::string::npos)
            cp = "_";
        if (cp.size() == 1 && static_cast<unsigned char>(cp[0]) < 0x20)
            continue;
        cps.push_back(cp);
    }
    // Excel also refuses a name starting or ending with an apostrophe.
    while (!cps.empty() && cps.front() == "'")
        cps.erase(cps.begin());
    while (!cps.empty() && cps.back() == "'")
        cps.pop_back();
    if (cps.empty())
        cps = {"S", "h", "e", "e", "t"};
    const auto join = [](const std::vector<std::string>& parts, std::size_t count) {
        std::string s;
        for (std::size_t i = 0; i < std::min(count, parts.size()); ++i)
            s += parts[i];
        return s;
    };
    // Excel compares sheet names without regard to ASCII case.
    const auto is_taken = [&](const std::string& name) {
        for (const std::string& t : taken) {
            if (t.size() != name.size())
                continue;
            bool same = true;
            for (std::size_t i = 0; i < t.size() && same; ++i)
                same = std::tolower(static_cast<unsigned char>(t[i])) == std::tolower(static_cast<unsigned char>(name[i]));
            if (same)
                return true;
        }
        return false;
    };
    std::string name = join(cps, 31);
    for (int n = 2; is_taken(name); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        name = join(cps, 31 - suffix.size()) + suffix;
    }
    return name;
}

std::string WriteXlsx(const std::vector<Table>& tables, const std::vector<std::vector<std::string>>& preamble)
{
    SharedStrings strings;
    std::vector<std::string> names;
    std::vector<ZipEntry> sheets;
    std::vector<Table> all = tables;
    if (all.empty())
        all.push_back(Table{"Sheet1", {}, {}});
    for (std::size_t t = 0; t < all.size(); ++t) {
        const Table& table = all[t];
        SheetWriter writer;
        if (t == 0)
            for (const std::vector<std::string>& row : preamble)
                writer.TextRow(row, kStyleHeader, strings, false);  // titles may be wider than columns
        writer.TextRow(table.header, kStyleHeader, strings, true);
        const std::size_t frozen = writer.row;
        for (const std::vector<TableCell>& row : table.rows)
            writer.CellRow(row, strings);
        names.push_back(SheetName(table.title, names));
        sheets.push_back(ZipEntry{"xl/worksheets/sheet" + std::to_string(t + 1) + ".xml", writer.Xml(frozen)});
    }

    std::string types = kXmlHead;
    types += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
             "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
             "<Override PartName=\"/xl/workbook.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
    for (std::size_t t = 0; t < sheets.size(); ++t)
        types += "<Override PartName=\"/" + sheets[t].name +
                 "\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    types += "<Override PartName=\"/xl/styles.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
             "<Override PartName=\"/xl/sharedStrings.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
             "</Types>";

    std::string root_rels = kXmlHead;
    root_rels += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                 "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

    std::string workbook = kXmlHead;
    workbook += "<workbook xmlns=\"";
    workbook += kMainNs;
    workbook += "\" xmlns:r=\"";
    workbook += kRelNs;
    workbook += "\"><bookViews><workbookView/></bookViews><sheets>";
    for (std::size_t t = 0; t < sheets.size(); ++t)
        workbook += "<sheet name=\"" + XmlEscape(names[t]) + "\" sheetId=\"" + std::to_string(t + 1) + "\" r:id=\"rId" +
                    std::to_string(t + 1) + "\"/>";
    workbook += "</sheets></workbook>";

    std::string workbook_rels = kXmlHead;
    workbook_rels += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    const std::string rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    for (std::size_t t = 0; t < sheets.size(); ++t)
        workbook_rels += "<Relationship Id=\"rId" + std::to_string(t + 1) + "\" Type=\"" + rel_type +
                         "worksheet\" Target=\"worksheets/sheet" + std::to_string(t + 1) + ".xml\"/>";
    workbook_rels += "<Relationship Id=\"rId" + std::to_string(sheets.size() + 1) + "\" Type=\"" + rel_type +
                     "styles\" Target=\"styles.xml\"/>";
    workbook_rels += "<Relationship Id=\"rId" + std::to_string(sheets.size() + 2) + "\" Type=\"" + rel_type +
                     "sharedStrings\" Target=\"sharedStrings.xml\"/>";
    workbook_rels += "</Relationships>";

    std::vector<ZipEntry> entries{{"[Content_Types].xml", types},
                                  {"_rels/.rels", root_rels},
                                  {"xl/workbook.xml", workbook},
                                  {"xl/_rels/workbook.xml.rels", workbook_rels},
                                  {"xl/styles.xml", StylesXml()}};
    for (ZipEntry& sheet : sheets)
        entries.push_back(std::move(sheet));
    entries.push_back(ZipEntry{"xl/sharedStrings.xml", strings.Xml()});
    return WriteZip(entries);
}

//-----------------------------------------------------------------------------
// [SECTION] Reading: a small pull parser for the XML of the parts
//-----------------------------------------------------------------------------

namespace {

struct XmlEvent {
    enum Kind { Start, End, Text, Eof } kind = Eof;
    std::string name;   // local name (prefix dropped) of Start / End
    std::vector<std::pair<std::string, std::string>> attributes;  // as written, values decoded
    std::string text;   // decoded, of Text

    // An attribute by its full name, else by its local name ("r:id" or "id").
    std::optional<std::string> Attribute(const std::string& wanted) const
    {
        for (const auto& [key, value] : attributes)
            if (key == wanted)
                return value;
        for (const auto& [key, value] : attributes) {
            const std::size_t colon = key.find(':');
            if (colon != std::string::npos && key.compare(colon + 1, std::string::npos, wanted) == 0)
                return value;
        }
        return std::nullopt;
    }
};

// Enough XML for the parts of a workbook: elements, attributes, text, the five entities and
// character references, CDATA, comments, processing instructions; a DOCTYPE is skipped (entity
// definitions are not expanded). Errors carry the byte offset.
class XmlReader {
public:
    explicit XmlReader(const std::string& text) : s_(text) {}

    bool Next(XmlEvent& event)
    {
        if (pending_end_) {
            pending_end_ = false;
            event.kind = XmlEvent::End;
            event.attributes.clear();
            return true;
        }
        event = XmlEvent{};
        while (true) {
            if (p_ >= s_.size()) {
                if (depth_ != 0)
                    return Fail("文件在元素结束前截断", "the part ends before its elements are closed");
                event.kind = XmlEvent::Eof;
                return true;
            }
            if (s_[p_] != '<') {
                const std::size_t end = std::min(s_.find('<', p_), s_.size());
                if (!Decode(s_.substr(p_, end - p_), event.text))
                    return false;
                p_ = end;
                event.kind = XmlEvent::Text;
                return true;
            }
            if (s_.compare(p_, 4, "<!--") == 0) {
                if (!SkipPast("-->"))
                    return false;
                continue;
            }
            if (s_.compare(p_, 9, "<![CDATA[") == 0) {
                const std::size_t end = s_.find("]]>", p_ + 9);
                if (end == std::string::npos)
                    return Fail("CDATA 段未结束", "a CDATA section is not closed");
                event.kind = XmlEvent::Text;
                event.text = s_.substr(p_ + 9, end - p_ - 9);
                p_ = end + 3;
                return true;
            }
            if (s_.compare(p_, 2, "<?") == 0) {
                if (!SkipPast("?>"))
                    return false;
                continue;
            }
            if (s_.compare(p_, 2, "<!") == 0) {
                if (!SkipPast(">"))
                    return false;
                continue;
            }
            return Tag(event);
        }
    }

    const std::string& error_zh() const { return error_zh_; }
    const std::string& error_en() const { return error_en_; }

private:
    bool Fail(const std::string& zh, const std::string& en)
    {
        error_zh_ = "第 " + std::to_string(p_ + 1) + " 个字节处 XML 有误：" + zh;
        error_en_ = "bad XML at byte " + std::to_string(p_ + 1) + ": " + en;
        return false;
    }
    bool SkipPast(const char* end)
    {
        const std::size_t at = s_.find(end, p_);
        if (at == std::string::npos)
            return Fail("注释或声明未结束", "a comment or declaration is not closed");
        p_ = at + std::char_traits<char>::length(end);
        return true;
    }
    static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
    static bool IsNameChar(char c) { return !IsSpace(c) && c != '=' && c != '>' && c != '/' && c != '<' && c != '"' && c != '\''; }
    static std::string Local(const std::string& name)
    {
        const std::size_t colon = name.find(':');
        return colon == std::string::npos ? name : name.substr(colon + 1);
    }
    void SkipSpace()
    {
        while (p_ < s_.size() && IsSpace(s_[p_]))
            ++p_;
    }
    std::string Name()
    {
        const std::size_t start = p_;
        while (p_ < s_.size() && IsNameChar(s_[p_]))
            ++p_;
        return s_.substr(start, p_ - start);
    }
    bool Tag(XmlEvent& event)
    {
        ++p_;  // '<'
        const bool closing = p_ < s_.size() && s_[p_] == '/';
        if (closing)
            ++p_;
        const std::string name = Name();
        if (name.empty())
            return Fail("缺少元素名", "an element name is missing");
        event.name = Local(name);
        if (closing) {
            SkipSpace();
            if (p_ >= s_.size() || s_[p_] != '>')
                return Fail("结束标记 </" + name + " 未以 > 结束", "the end tag </" + name + " does not end with >");
            ++p_;
            if (depth_ == 0)
                return Fail("多余的结束标记 </" + name + ">", "an unexpected end tag </" + name + ">");
            --depth_;
            event.kind = XmlEvent::End;
            return true;
        }
        while (true) {
            SkipSpace();
            if (p_ >= s_.size())
                return Fail("元素 <" + name + "> 未结束", "the element <" + name + "> is not closed");
            if (s_[p_] == '>') {
                ++p_;
                ++depth_;
                event.kind = XmlEvent::Start;
                return true;
            }
            if (s_.compare(p_, 2, "/>") == 0) {
                p_ += 2;
                event.kind = XmlEvent::Start;
                pending_end_ = true;
                return true;
            }
            const std::string key = Name();
            SkipSpace();
            if (key.empty() || p_ >= s_.size() || s_[p_] != '=')
                return Fail("元素 <" + name + "> 的属性有误", "a bad attribute in <" + name + ">");
            ++p_;
            SkipSpace();
            if (p_ >= s_.size() || (s_[p_] != '"' && s_[p_] != '\''))
                return Fail("属性 " + key + " 的值缺少引号", "the value of attribute " + key + " is not quoted");
            const char quote = s_[p_++];
            const std::size_t end = s_.find(quote, p_);
            if (end == std::string::npos)
                return Fail("属性 " + key + " 的值未结束", "the value of attribute " + key + " is not closed");
            std::string value;
            if (!Decode(s_.substr(p_, end - p_), value))
                return false;
            event.attributes.emplace_back(key, std::move(value));
            p_ = end + 1;
        }
    }
    bool Decode(const std::string& raw, std::string& out)
    {
        out.clear();
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '&') {
                out += raw[i];
                continue;
            }
            const std::size_t semi = raw.find(';', i);
            if (semi == std::string::npos || semi - i > 12)
                return Fail("& 之后不是实体", "an & that starts no entity");
            const std::string entity = raw.substr(i + 1, semi - i - 1);
            if (entity == "amp") out += '&';
            else if (entity == "lt") out += '<';
            else if (entity == "gt") out += '>';
            else if (entity == "quot") out += '"';
            else if (entity == "apos") out += '\'';
            else if (entity.size() > 1 && entity[0] == '#') {
                const bool hex = entity[1] == 'x' || entity[1] == 'X';
                char* end = nullptr;
                const std::string digits = entity.substr(hex ? 2 : 1);
                const unsigned long code = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
                if (digits.empty() || *end != '\0' || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                    return Fail("无效的字符引用 &" + entity + ";", "an invalid character reference &" + entity + ";");
                AppendUtf8(out, static_cast<uint32_t>(code));
            } else {
                return Fail("未知实体 &" + entity + ";", "an unknown entity &" + entity + ";");
            }
            i = semi;
        }
        return true;
    }

    const std::string& s_;
    std::size_t p_ = 0;
    int depth_ = 0;
    bool pending_end_ = false;
    std::string error_zh_, error_en_;
};

// Excel writes "_x000D_" for characters XML cannot carry; decoded back.
std::string DecodeEscapedCharacters(const std::string& text)
{
    if (text.find("_x") == std::string::npos)
        return text;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_') {
            const std::string hex = text.substr(i + 2, 4);
            if (hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
                AppendUtf8(out, static_cast<uint32_t>(std::strtoul(hex.c_str(), nullptr, 16)));
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

struct PartError {
    std::string zh, en;
};

// "xl/worksheets/../sharedStrings.xml" -> "xl/sharedStrings.xml"; a target starting with "/" is
// from the package root.
std::string ResolveTarget(const std::string& base_dir, const std::string& target)
{
    std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty())
                parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : "/") + part;
    return out;
}

class Package {
public:
    explicit Package(std::vector<ZipEntry> entries) : entries_(std::move(entries)) {}
    const std::string* Find(const std::string& name) const
    {
        for (const ZipEntry& e : entries_)
            if (e.name == name)
                return &e.data;
        // Some writers differ in case ("xl/SharedStrings.xml").
        for (const ZipEntry& e : entries_)
            if (e.name.size() == name.size() &&
                std::equal(e.name.begin(), e.name.end(), name.begin(), [](char a, char b) {
                    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
                }))
                return &e.data;
        return nullptr;
    }

private:
    std::vector<ZipEntry> entries_;
};

struct Relationship {
    std::string id, type, target;
};

bool ReadRelationships(const std::string& xml, const std::string& part, std::vector<Relationship>& out, PartError& error)
{
    XmlReader reader(xml);
    XmlEvent e;
    while (reader.Next(e)) {
        if (e.kind == XmlEvent::Eof)
            return true;
        if (e.kind == XmlEvent::Start && e.name == "Relationship")
            out.push_back(Relationship{e.Attribute("Id").value_or(""), e.Attribute("Type").value_or(""),
                                       e.Attribute("Target").value_or("")});
    }
    error = {part + "：" + reader.error_zh(), part + ": " + reader.error_en()};
    return false;
}

bool EndsWith(const std::string& s, const std::string& end)
{
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

bool ReadSharedStrings(const std::string& xml, const std::string& part, std::vector<std::string>& out, PartError& error)
{
    XmlReader reader(xml);
    XmlEvent e;
    int in_si = 0, in_t = 0, in_phonetic = 0;
    std::string current;
    while (reader.Next(e)) {
        switch (e.kind) {
        case XmlEvent::Eof:
            return true;
        case XmlEvent::Start:
            if (e.name == "si") {
                ++in_si;
                current.clear();
            } else if (e.name == "t") {
                ++in_t;
            } else if (e.name == "rPh") {
                ++in_phonetic;
            }
            break;
        case XmlEvent::End:
            if (e.name == "si" && in_si > 0) {
                --in_si;
                out.push_back(DecodeEscapedCharacters(current));
            } else if (e.name == "t" && in_t > 0) {
                --in_t;
            } else if (e.name == "rPh" && in_phonetic > 0) {
                --in_phonetic;
            }
            break;
        case XmlEvent::Text:
            if (in_si && in_t && !in_phonetic)
                current += e.text;
            break;
        }
    }
    error = {part + "：" + reader.error_zh(), part + ": " + reader.error_en()};
    return false;
}

std::string Trim(const std::string& text)
{
    const std::size_t a = text.find_first_not_of(" \t\r\n");
    if (a == std::string::npos)
        return "";
    const std::size_t b = text.find_last_not_of(" \t\r\n");
    return text.substr(a, b - a + 1);
}

bool ReadWorksheet(const std::string& xml, const std::string& part, const std::vector<std::string>& shared, Sheet& sheet,
                   PartError& error)
{
    XmlReader reader(xml);
    XmlEvent e;
    bool in_data = false;
    std::size_t row_number = 0;     // of the current row
    std::size_t next_column = 0;    // for cells without a reference
    // The current cell
    bool in_cell = false;
    std::string cell_ref, cell_type, value, inline_text;
    std::size_t cell_column = 0;
    int in_v = 0, in_is = 0, in_t = 0, in_phonetic = 0;
    const auto fail = [&](const std::string& zh, const std::string& en) {
        error = {part + "：" + zh, part + ": " + en};
        return false;
    };
    while (reader.Next(e)) {
        if (e.kind == XmlEvent::Eof)
            return true;
        if (e.kind == XmlEvent::Start) {
            if (e.name == "sheetData") {
                in_data = true;
            } else if (in_data && e.name == "row") {
                std::size_t r = row_number + 1;
                if (auto attr = e.Attribute("r")) {
                    char* end = nullptr;
                    const unsigned long parsed = std::strtoul(attr->c_str(), &end, 10);
                    if (attr->empty() || *end != '\0' || parsed == 0 || parsed > 1048576)
                        return fail("行号 \"" + *attr + "\" 无效", "the row number \"" + *attr + "\" is invalid");
                    r = parsed;
                }
                row_number = r;
                next_column = 0;
            } else if (in_data && e.name == "c") {
                in_cell = true;
                cell_type = e.Attribute("t").value_or("n");
                value.clear();
                inline_text.clear();
                cell_column = next_column;
                cell_ref = e.Attribute("r").value_or("");
                if (!cell_ref.empty()) {
                    std::size_t column = 0, row = 0;
                    if (!ParseCellReference(cell_ref, column, row))
                        return fail("单元格引用 \"" + cell_ref + "\" 无效", "the cell reference \"" + cell_ref + "\" is invalid");
                    cell_column = column;
                    if (row_number == 0)
                        row_number = row;
                } else {
                    cell_ref = ColumnLetters(cell_column) + std::to_string(row_number);
                }
                if (row_number == 0)
                    row_number = 1;
            } else if (in_cell && e.name == "v") {
                ++in_v;
            } else if (in_cell && e.name == "is") {
                ++in_is;
            } else if (in_is && e.name == "t") {
                ++in_t;
            } else if (in_is && e.name == "rPh") {
                ++in_phonetic;
            }
        } else if (e.kind == XmlEvent::Text) {
            if (in_v)
                value += e.text;
            else if (in_t && !in_phonetic)
                inline_text += e.text;
        } else if (e.kind == XmlEvent::End) {
            if (e.name == "sheetData") {
                in_data = false;
            } else if (e.name == "v" && in_v) {
                --in_v;
            } else if (e.name == "is" && in_is) {
                --in_is;
            } else if (e.name == "t" && in_t) {
                --in_t;
            } else if (e.name == "rPh" && in_phonetic) {
                --in_phonetic;
            } else if (e.name == "c" && in_cell) {
                in_cell = false;
                next_column = cell_column + 1;
                SheetCell cell;
                if (cell_type == "s") {
                    const std::string index_text = Trim(value);
                    char* end = nullptr;
                    const unsigned long index = std::strtoul(index_text.c_str(), &end, 10);
                    if (index_text.empty() || *end != '\0' || index >= shared.size())
                        return fail("单元格 " + cell_ref + " 引用的共享字符串 " + index_text + " 不存在",
                                    "cell " + cell_ref + " refers to shared string " + index_text + ", which does not exist");
                    cell.text = shared[index];
                } else if (cell_type == "inlineStr") {
                    cell.text = DecodeEscapedCharacters(inline_text);
                } else if (cell_type == "str" || cell_type == "e") {
                    cell.text = DecodeEscapedCharacters(value);
                } else if (cell_type == "b") {
                    cell.text = Trim(value) == "1" ? "TRUE" : "FALSE";
                } else if (cell_type == "n" || cell_type == "d") {
                    cell.text = Trim(value);
                    if (cell_type == "n" && !cell.text.empty()) {
                        char* end = nullptr;
                        const double number = std::strtod(cell.text.c_str(), &end);
                        if (*end != '\0')
                            return fail("单元格 " + cell_ref + " 的数值 \"" + cell.text + "\" 无效",
                                        "cell " + cell_ref + " holds an invalid number \"" + cell.text + "\"");
                        cell.number = number;
                    }
                } else {
                    return fail("单元格 " + cell_ref + " 的类型 \"" + cell_type + "\" 未知",
                                "cell " + cell_ref + " has an unknown type \"" + cell_type + "\"");
                }
                if (cell.text.empty() && !cell.number)
                    continue;
                if (sheet.rows.size() < row_number)
                    sheet.rows.resize(row_number);
                std::vector<SheetCell>& row = sheet.rows[row_number - 1];
                if (row.size() <= cell_column)
                    row.resize(cell_column + 1);
                row[cell_column] = std::move(cell);
            }
        }
    }
    error = {part + "：" + reader.error_zh(), part + ": " + reader.error_en()};
    return false;
}

SheetReadResult Failure(const std::string& zh, const std::string& en)
{
    SheetReadResult r;
    r.error_zh = zh;
    r.error_en = en;
    return r;
}

} // namespace

SheetReadResult ReadXlsx(const std::string& bytes)
{
    ZipReadResult zip = ReadZip(bytes);
    if (!zip.ok)
        return Failure(zip.error_zh, zip.error_en);
    Package package(std::move(zip.entries));
    PartError error;

    // The workbook: named by the package's relationships, usually xl/workbook.xml.
    std::string workbook_path = "xl/workbook.xml";
    if (const std::string* rels = package.Find("_rels/.rels")) {
        std::vector<Relationship> list;
        if (!ReadRelationships(*rels, "_rels/.rels", list, error))
            return Failure(error.zh, error.en);
        for (const Relationship& r : list)
            if (EndsWith(r.type, "/officeDocument"))
                workbook_path = ResolveTarget("", r.target);
    }
    const std::string* workbook = package.Find(workbook_path);
    if (!workbook)
        return Failure("不是 Excel 工作簿：压缩包中没有 " + workbook_path,
                       "not an Excel workbook: the archive has no " + workbook_path);
    const std::size_t slash = workbook_path.rfind('/');
    const std::string base_dir = slash == std::string::npos ? "" : workbook_path.substr(0, slash + 1);
    const std::string rels_path = base_dir + "_rels/" + workbook_path.substr(slash + 1) + ".rels";
    std::vector<Relationship> relationships;
    if (const std::string* rels = package.Find(rels_path))
        if (!ReadRelationships(*rels, rels_path, relationships, error))
            return Failure(error.zh, error.en);

    std::vector<std::string> shared;
    std::string shared_path = base_dir + "sharedStrings.xml";
    for (const Relationship& r : relationships)
        if (EndsWith(r.type, "/sharedStrings"))
            shared_path = ResolveTarget(base_dir, r.target);
    if (const std::string* xml = package.Find(shared_path))
        if (!ReadSharedStrings(*xml, shared_path, shared, error))
            return Failure(error.zh, error.en);

    // The sheets, in the workbook's order.
    std::vector<std::pair<std::string, std::string>> sheet_parts;  // name, part
    {
        XmlReader reader(*workbook);
        XmlEvent e;
        while (true) {
            if (!reader.Next(e))
                return Failure(workbook_path + "：" + reader.error_zh(), workbook_path + ": " + reader.error_en());
            if (e.kind == XmlEvent::Eof)
                break;
            if (e.kind != XmlEvent::Start || e.name != "sheet")
                continue;
            const std::string name = e.Attribute("name").value_or("");
            const std::string id = e.Attribute("r:id").value_or(e.Attribute("id").value_or(""));
            std::string part;
            for (const Relationship& r : relationships)
                if (r.id == id)
                    part = ResolveTarget(base_dir, r.target);
            if (part.empty())
                return Failure(workbook_path + "：工作表 \"" + name + "\" 的关系 " + id + " 不存在",
                               workbook_path + ": the relationship " + id + " of sheet \"" + name + "\" does not exist");
            sheet_parts.emplace_back(name, part);
        }
    }
    if (sheet_parts.empty())
        return Failure("工作簿中没有工作表", "the workbook has no sheets");

    SheetReadResult result;
    result.format = "xlsx";
    for (const auto& [name, part] : sheet_parts) {
        const std::string* xml = package.Find(part);
        if (!xml)
            return Failure("工作表 \"" + name + "\" 的内容 " + part + " 不在压缩包中",
                           "the part " + part + " of sheet \"" + name + "\" is not in the archive");
        Sheet sheet;
        sheet.name = name;
        if (!ReadWorksheet(*xml, part, shared, sheet, error))
            return Failure("工作表 \"" + name + "\"，" + error.zh, "sheet \"" + name + "\", " + error.en);
        result.sheets.push_back(std::move(sheet));
    }
    result.ok = true;
    return result;
}

} // namespace kpl::sheets
