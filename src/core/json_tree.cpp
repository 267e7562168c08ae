// The compact JSON document: the parser that builds it, duplicate-key detection, UTF-8 checks,
// positions, paths and JSON string escaping.
#include "json_tree.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>


namespace kpl::json_tree {

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// What the parser expected where it stopped, worded for the user in both languages.
enum class Expected { Value, Key, Colon, CommaOrBrace, CommaOrBracket, End };

const char* ExpectedEn(Expected e)
{
    switch (e) {
    case Expected::Value: return "a value";
    case Expected::Key: return "a member name in double quotes";
    case Expected::Colon: return "':' after the member name";
    case Expected::CommaOrBrace: return "',' or '}'";
    case Expected::CommaOrBracket: return "',' or ']'";
    case Expected::End: return "the end of the file";
    }
    return "";
}

const char* ExpectedZh(Expected e)
{
    switch (e) {
    case Expected::Value: return "值";
    case Expected::Key: return "带双引号的成员名";
    case Expected::Colon: return "成员名后的冒号 ':'";
    case Expected::CommaOrBrace: return "逗号 ',' 或 '}'";
    case Expected::CommaOrBracket: return "逗号 ',' 或 ']'";
    case Expected::End: return "文件结束";
    }
    return "";
}

// A hand-written JSON parser (RFC 8259) building the Document directly: the ledger is already known
// to be valid UTF-8, so strings are copied in runs and only escapes and control characters need a
// closer look. It replaced nlohmann's SAX parser, whose lexer took two thirds of a browser load.
// Containers are kept on an explicit stack (no recursion), so that each new node can be linked after
// its previous sibling and a duplicate key's path can be spelled out.
class Parser {
public:
    Parser(std::string_view bytes, Document& doc, ParseFailure& failure, std::vector<DuplicateKey>& duplicates)
        : bytes_(bytes), doc_(doc), failure_(failure), duplicates_(duplicates) {}

    bool Run()
    {
        // A byte order mark is no JSON, but editors on Windows write one: skip it as browsers do.
        if (bytes_.substr(0, 3) == "\xEF\xBB\xBF")
            pos_ = 3;
        SkipSpace();
        if (!ParseValue())
            return false;
        // After a value: ',' and the closing bracket of the open containers, then the end.
        while (!stack_.empty()) {
            SkipSpace();
            Frame& top = stack_.back();
            const bool object = doc_.nodes[top.node].type == NodeType::Object;
            if (AtEnd())
                return Fail(object ? Expected::CommaOrBrace : Expected::CommaOrBracket);
            const char c = bytes_[pos_];
            if (c == ',') {
                ++pos_;
                SkipSpace();
                if (object && !ParseKey())
                    return false;
                if (!ParseValue())
                    return false;
            } else if (c == (object ? '}' : ']')) {
                ++pos_;
                Close();
            } else {
                return Fail(object ? Expected::CommaOrBrace : Expected::CommaOrBracket);
            }
        }
        SkipSpace();
        if (!AtEnd())
            return Fail(Expected::End);
        return true;
    }

private:
    struct Frame {
        uint32_t node;
        uint32_t last_child;
    };

    bool AtEnd() const { return pos_ >= bytes_.size(); }

    void SkipSpace()
    {
        while (pos_ < bytes_.size()) {
            const char c = bytes_[pos_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++pos_;
        }
    }

    // One value at pos_ (space already skipped). An opened container leaves its first member to
    // the same step: `{` is followed by a key and a value or `}`, `[` by a value or `]`.
    bool ParseValue()
    {
        for (;;) {
            if (AtEnd())
                return Fail(Expected::Value);
            const char c = bytes_[pos_];
            switch (c) {
            case '{':
            case '[': {
                if (stack_.size() >= kMaxDepth) {
                    failure_.too_deep = true;
                    failure_.offset = pos_;
                    failure_.detail = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
                    failure_.detail_zh = "嵌套超过 " + std::to_string(kMaxDepth) + " 层";
                    return false;
                }
                ++pos_;
                const uint32_t index = AddNode(c == '{' ? NodeType::Object : NodeType::Array);
                stack_.push_back(Frame{index, kNoNode});
                SkipSpace();
                if (!AtEnd() && bytes_[pos_] == (c == '{' ? '}' : ']')) {
                    ++pos_;
                    Close();
                    return true;
                }
                if (c == '{' && !ParseKey())
                    return false;
                continue;  // the first member's value
            }
            case '"': {
                const uint32_t index = AddNode(NodeType::String);
                Node& n = doc_.nodes[index];
                n.text_begin = static_cast<uint32_t>(doc_.text.size());
                if (!ParseString())
                    return false;
                doc_.nodes[index].text_size = static_cast<uint32_t>(doc_.text.size() - doc_.nodes[index].text_begin);
                return true;
            }
            case 't': return ParseLiteral("true", NodeType::Boolean, true);
            case 'f': return ParseLiteral("false", NodeType::Boolean, false);
            case 'n': return ParseLiteral("null", NodeType::Null, false);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                    return ParseNumber();
                return Fail(Expected::Value);
            }
        }
    }

    // A member name and its ':' (space after the colon skipped), remembered for the next node.
    bool ParseKey()
    {
        if (AtEnd() || bytes_[pos_] != '"')
            return Fail(Expected::Key);
        pending_key_begin_ = static_cast<uint32_t>(doc_.text.size());
        if (!ParseString())
            return false;
        pending_key_size_ = static_cast<uint32_t>(doc_.text.size() - pending_key_begin_);
        SkipSpace();
        if (AtEnd() || bytes_[pos_] != ':')
            return Fail(Expected::Colon);
        ++pos_;
        SkipSpace();
        return true;
    }

    // The string at pos_ (its opening quote), appended to doc_.text unescaped.
    bool ParseString()
    {
        const std::size_t open = pos_++;
        const char* s = bytes_.data();
        const std::size_t n = bytes_.size();
        for (;;) {
            // Copy the run up to the next quote, backslash or control character in one append.
            std::size_t run = pos_;
            while (pos_ < n) {
                const auto c = static_cast<unsigned char>(s[pos_]);
                if (c == '"' || c == '\\' || c < 0x20)
                    break;
                ++pos_;
            }
            doc_.text.append(s + run, pos_ - run);
            if (pos_ >= n)
                return FailAt(open, "unexpected end of the file inside a string (a closing '\"' is missing)",
                              "文件在字符串中意外结束（缺少结尾的双引号）");
            const auto c = static_cast<unsigned char>(s[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) {
                char code[8];
                std::snprintf(code, sizeof code, "U+%04X", c);
                return FailAt(pos_, std::string("control character ") + code +
                                        " inside a string (write it as an escape, e.g. \\n)",
                              std::string("字符串中不能直接出现控制字符 ") + code + "（应写成转义形式，如 \\n）");
            }
            if (!ParseEscape())
                return false;
        }
    }

    // The escape at pos_ (its backslash).
    bool ParseEscape()
    {
        const std::size_t at = pos_;
        if (pos_ + 1 >= bytes_.size())
            return FailAt(at, "unexpected end of the file inside a string", "文件在字符串中意外结束");
        const char e = bytes_[pos_ + 1];
        pos_ += 2;
        switch (e) {
        case '"': doc_.text += '"'; return true;
        case '\\': doc_.text += '\\'; return true;
        case '/': doc_.text += '/'; return true;
        case 'b': doc_.text += '\b'; return true;
        case 'f': doc_.text += '\f'; return true;
        case 'n': doc_.text += '\n'; return true;
        case 'r': doc_.text += '\r'; return true;
        case 't': doc_.text += '\t'; return true;
        case 'u': break;
        default: {
            const std::string shown = "\\" + CharacterAt(at + 1);
            return FailAt(at, "invalid escape '" + shown + "' in a string", "字符串中的转义 '" + shown + "' 无效");
        }
        }
        uint32_t code = 0;
        if (!ReadHex4(code))
            return FailAt(at, "invalid \\u escape (expected four hex digits)", "无效的 \\u 转义（应为四位十六进制数）");
        if (code >= 0xD800 && code <= 0xDBFF) {
            uint32_t low = 0;
            const bool pair = pos_ + 1 < bytes_.size() && bytes_[pos_] == '\\' && bytes_[pos_ + 1] == 'u' &&
                              (pos_ += 2, ReadHex4(low)) && low >= 0xDC00 && low <= 0xDFFF;
            if (!pair)
                return FailAt(at, "invalid \\u escape: a high surrogate not followed by a low one",
                              "无效的 \\u 转义：高位代理项后缺少低位代理项");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
            return FailAt(at, "invalid \\u escape: a low surrogate without a high one",
                          "无效的 \\u 转义：低位代理项前缺少高位代理项");
        }
        AppendUtf8(doc_.text, code);
        return true;
    }

    bool ReadHex4(uint32_t& code)
    {
        if (pos_ + 4 > bytes_.size())
            return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = bytes_[pos_ + static_cast<std::size_t>(i)];
            uint32_t digit;
            if (h >= '0' && h <= '9')
                digit = static_cast<uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                digit = static_cast<uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                digit = static_cast<uint32_t>(h - 'A' + 10);
            else
                return false;
            code = code * 16 + digit;
        }
        pos_ += 4;
        return true;
    }


    bool ParseLiteral(std::string_view word, NodeType type, bool value)
    {
        if (bytes_.substr(pos_, word.size()) != word) {
            std::size_t end = pos_;
            while (end < bytes_.size() && end - pos_ < 12 && std::isalnum(static_cast<unsigned char>(bytes_[end])))
                ++end;
            const std::string got(bytes_.substr(pos_, std::max<std::size_t>(end - pos_, 1)));
            return FailAt(pos_, "invalid literal '" + got + "'; expected true, false or null",
                          "无效的字面量 '" + got + "'，应为 true、false 或 null");
        }
        pos_ += word.size();
        doc_.nodes[AddNode(type)].flag = value;
        return true;
    }

    // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, kept as written.
    bool ParseNumber()
    {
        const std::size_t begin = pos_;
        const std::size_t n = bytes_.size();
        const auto digit = [&](std::size_t i) { return i < n && bytes_[i] >= '0' && bytes_[i] <= '9'; };
        const auto bad = [&]() {
            std::size_t end = pos_;
            while (end < n && (digit(end) || std::strchr("+-.eE", bytes_[end]) != nullptr) && end - begin < 32)
                ++end;
            const std::string got(bytes_.substr(begin, std::max(end, begin + 1) - begin));
            return FailAt(begin, "invalid number '" + got + "'", "无效的数字 '" + got + "'");
        };
        bool integer = true;
        if (bytes_[pos_] == '-')
            ++pos_;
        if (!digit(pos_))
            return bad();
        if (bytes_[pos_] == '0') {
            ++pos_;
            if (digit(pos_))
                return bad();  // no leading zeros
        } else {
            while (digit(pos_))
                ++pos_;
        }
        if (pos_ < n && bytes_[pos_] == '.') {
            integer = false;
            ++pos_;
            if (!digit(pos_))
                return bad();
            while (digit(pos_))
                ++pos_;
        }
        if (pos_ < n && (bytes_[pos_] == 'e' || bytes_[pos_] == 'E')) {
            integer = false;
            ++pos_;
            if (pos_ < n && (bytes_[pos_] == '+' || bytes_[pos_] == '-'))
                ++pos_;
            if (!digit(pos_))
                return bad();
            while (digit(pos_))
                ++pos_;
        }
        const std::string_view text = bytes_.substr(begin, pos_ - begin);
        // An integer token counts as an integer when a 64-bit integer holds it (as nlohmann had it).
        if (integer && text.size() > 18) {
            int64_t signed_value;
            uint64_t unsigned_value;
            integer = std::from_chars(text.data(), text.data() + text.size(), signed_value).ec == std::errc() ||
                      std::from_chars(text.data(), text.data() + text.size(), unsigned_value).ec == std::errc();
        }
        const uint32_t index = AddNode(NodeType::Number);
        Node& node = doc_.nodes[index];
        node.flag = integer;
        node.text_begin = static_cast<uint32_t>(doc_.text.size());
        node.text_size = static_cast<uint32_t>(text.size());
        doc_.text.append(text);
        return true;
    }

    uint32_t AddNode(NodeType type)
    {
        const uint32_t index = static_cast<uint32_t>(doc_.nodes.size());
        doc_.nodes.emplace_back();
        Node& n = doc_.nodes.back();
        n.type = type;
        if (!stack_.empty()) {
            Frame& parent = stack_.back();
            Node& parent_node = doc_.nodes[parent.node];
            if (parent_node.type == NodeType::Object) {
                n.key_begin = pending_key_begin_;
                n.key_size = pending_key_size_;
            }
            if (parent.last_child == kNoNode)
                parent_node.first_child = index;
            else
                doc_.nodes[parent.last_child].next_sibling = index;
            parent.last_child = index;
            ++parent_node.child_count;
        }
        return index;
    }

    void Close()
    {
        if (doc_.nodes[stack_.back().node].type == NodeType::Object)
            FindDuplicateKeys(stack_.back().node);
        stack_.pop_back();
    }

    // The whole character at `at` (UTF-8 is already checked), for messages.
    std::string CharacterAt(std::size_t at) const
    {
        if (at >= bytes_.size())
            return std::string();
        std::size_t end = at + 1;
        while (end < bytes_.size() && IsContinuation(static_cast<unsigned char>(bytes_[end])))
            ++end;
        return std::string(bytes_.substr(at, end - at));
    }

    bool Fail(Expected expected)
    {
        if (AtEnd())
            return FailAt(bytes_.size(), std::string("unexpected end of the file; expected ") + ExpectedEn(expected),
                          std::string("文件意外结束，此处应为") + ExpectedZh(expected));
        const std::string got = CharacterAt(pos_);
        return FailAt(pos_, "unexpected '" + got + "'; expected " + ExpectedEn(expected),
                      "此处不应出现 '" + got + "'，应为" + ExpectedZh(expected));
    }

    bool FailAt(std::size_t offset, std::string en, std::string zh)
    {
        failure_.offset = offset;
        failure_.detail = std::move(en);
        failure_.detail_zh = std::move(zh);
        return false;
    }

    // The path of the object on top of the stack, spelled from the root.
    std::string OpenObjectPath() const
    {
        std::string path;
        for (std::size_t i = 1; i < stack_.size(); ++i) {
            const Node& parent = doc_.nodes[stack_[i - 1].node];
            const Node& child = doc_.nodes[stack_[i].node];
            if (parent.type == NodeType::Object)
                AppendPathKey(path, doc_.Key(child));
            else
                AppendPathIndex(path, parent.child_count - 1);  // the open child is the last one
        }
        return path;
    }

    void FindDuplicateKeys(uint32_t object_index)
    {
        const Node& object = doc_.nodes[object_index];
        if (object.child_count < 2)
            return;
        keys_.clear();
        for (uint32_t c = object.first_child; c != kNoNode; c = doc_.nodes[c].next_sibling)
            keys_.push_back(doc_.Key(doc_.nodes[c]));
        // Records have a few dozen keys at most: sorting a copy is cheaper than a hash set.
        sorted_keys_ = keys_;
        std::sort(sorted_keys_.begin(), sorted_keys_.end());
        if (std::adjacent_find(sorted_keys_.begin(), sorted_keys_.end()) == sorted_keys_.end())
            return;
        // Report each repetition after the first occurrence, in document order.
        std::string object_path = OpenObjectPath();
        for (std::size_t i = 1; i < keys_.size(); ++i) {
            if (std::find(keys_.begin(), keys_.begin() + static_cast<long>(i), keys_[i]) == keys_.begin() + static_cast<long>(i))
                continue;
            std::string path = object_path;
            AppendPathKey(path, keys_[i]);
            duplicates_.push_back(DuplicateKey{path, std::string(keys_[i])});
        }
    }

    std::string_view bytes_;
    std::size_t pos_ = 0;
    Document& doc_;
    ParseFailure& failure_;
    std::vector<DuplicateKey>& duplicates_;
    std::vector<Frame> stack_;
    std::vector<std::string_view> keys_, sorted_keys_;
    uint32_t pending_key_begin_ = 0, pending_key_size_ = 0;
};

bool IsIdentifier(std::string_view key)
{
    if (key.empty())
        return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        bool digit = c >= '0' && c <= '9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

} // namespace

bool Parse(std::string_view bytes, Document& doc, ParseFailure& failure, std::vector<DuplicateKey>& duplicates)
{
    doc.nodes.clear();
    doc.text.clear();
    // A ledger's text is mostly strings; the node count is roughly one per 20 bytes.
    doc.nodes.reserve(bytes.size() / 24 + 16);
    doc.text.reserve(bytes.size() / 2 + 16);
    return Parser(bytes, doc, failure, duplicates).Run();
}

std::size_t FindInvalidUtf8(std::string_view bytes)
{
    const unsigned char* s = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        // Indentation and keys are ASCII: skip eight such bytes at a time.
        while (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        unsigned char min_second = 0x80, max_second = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                min_second = 0xA0;      // no overlong 3-byte forms
            else if (c == 0xED)
                max_second = 0x9F;      // no UTF-16 surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                min_second = 0x90;      // no overlong 4-byte forms
            else if (c == 0xF4)
                max_second = 0x8F;      // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + length > n || s[i + 1] < min_second || s[i + 1] > max_second)
            return i;
        for (std::size_t k = 2; k < length; ++k)
            if (!IsContinuation(s[i + k]))
                return i;
        i += length;
    }
    return std::string_view::npos;
}

void LineAndColumn(std::string_view bytes, std::size_t offset, int& line, int& column)
{
    line = 1;
    column = 1;
    offset = std::min(offset, bytes.size());
    for (std::size_t i = 0; i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if (!IsContinuation(c)) {
            ++column;  // count characters, not bytes: a Chinese character is one column
        }
    }
}

void AppendPathKey(std::string& path, std::string_view key)
{
    if (IsIdentifier(key)) {
        if (!path.empty())
            path += '.';
        path.append(key);
    } else {
        path += '[';
        AppendJsonString(path, key);
        path += ']';
    }
}

void AppendPathIndex(std::string& path, std::size_t index)
{
    char buffer[24];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, index);
    path += '[';
    path.append(buffer, result.ptr);
    path += ']';
}

void AppendUtf8(std::string& out, uint32_t code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

void AppendJsonString(std::string& out, std::string_view s)
{
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run_begin = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        // Copy the plain run before this character in one append.
        out.append(s.data() + run_begin, i - run_begin);
        run_begin = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    out.append(s.data() + run_begin, s.size() - run_begin);
    out += '"';
}

} // namespace kpl::json_tree
