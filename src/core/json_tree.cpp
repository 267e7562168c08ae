// The compact JSON document: SAX handler that builds it, duplicate-key detection, UTF-8 checks,
// positions, paths and JSON string escaping.
#include "json_tree.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

namespace kpl::json_tree {

namespace {

// Builds a Document from SAX events. Open containers are kept on a stack so that each new node can
// be linked after its previous sibling, and so that a duplicate key's path can be spelled out.
class Builder : public nlohmann::json_sax<nlohmann::json> {
public:
    Builder(Document& doc, std::vector<DuplicateKey>& duplicates)
        : doc_(doc), duplicates_(duplicates) {}

    bool null() override { AddNode(NodeType::Null); return true; }
    bool boolean(bool value) override { doc_.nodes[AddNode(NodeType::Boolean)].flag = value; return true; }
    bool number_integer(number_integer_t value) override { return AddInteger(value); }
    bool number_unsigned(number_unsigned_t value) override { return AddInteger(value); }
    bool number_float(number_float_t, const string_t& raw) override
    {
        uint32_t index = AddNode(NodeType::Number);
        SetText(index, raw);
        return true;
    }
    bool string(string_t& value) override
    {
        SetText(AddNode(NodeType::String), value);
        return true;
    }
    bool binary(binary_t&) override { return false; }  // never produced by the JSON parser

    bool start_object(std::size_t) override { return Open(NodeType::Object); }
    bool start_array(std::size_t) override { return Open(NodeType::Array); }
    bool key(string_t& key) override
    {
        pending_key_begin_ = static_cast<uint32_t>(doc_.text.size());
        pending_key_size_ = static_cast<uint32_t>(key.size());
        doc_.text += key;
        return true;
    }
    bool end_object() override
    {
        FindDuplicateKeys(stack_.back().node);
        stack_.pop_back();
        return true;
    }
    bool end_array() override
    {
        stack_.pop_back();
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override
    {
        failed_ = true;
        failure_offset_ = position;
        failure_detail_ = ex.what();
        return false;
    }

    bool failed() const { return failed_; }
    bool too_deep() const { return too_deep_; }
    std::size_t failure_offset() const { return failure_offset_; }
    const std::string& failure_detail() const { return failure_detail_; }

private:
    struct Frame {
        uint32_t node;
        uint32_t last_child;
    };

    template <typename Int>
    bool AddInteger(Int value)
    {
        char buffer[24];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        uint32_t index = AddNode(NodeType::Number);
        doc_.nodes[index].flag = true;
        SetText(index, std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
        return true;
    }

    void SetText(uint32_t index, std::string_view text)
    {
        Node& n = doc_.nodes[index];
        n.text_begin = static_cast<uint32_t>(doc_.text.size());
        n.text_size = static_cast<uint32_t>(text.size());
        doc_.text.append(text);
    }

    uint32_t AddNode(NodeType type)
    {
        uint32_t index = static_cast<uint32_t>(doc_.nodes.size());
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

    bool Open(NodeType type)
    {
        if (stack_.size() >= kMaxDepth) {
            too_deep_ = true;
            return false;
        }
        uint32_t index = AddNode(type);
        stack_.push_back(Frame{index, kNoNode});
        return true;
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

    Document& doc_;
    std::vector<DuplicateKey>& duplicates_;
    std::vector<Frame> stack_;
    std::vector<std::string_view> keys_, sorted_keys_;
    uint32_t pending_key_begin_ = 0, pending_key_size_ = 0;
    bool failed_ = false, too_deep_ = false;
    std::size_t failure_offset_ = 0;
    std::string failure_detail_;
};

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

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

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 2:
// syntax error while parsing ...": keep only what follows the position, which we compute ourselves.
std::string ParserDetail(const std::string& what)
{
    std::size_t colon = what.find(": ");
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    // nlohmann quotes the last bytes it read ("last read: '\xE9'"), which may cut a character
    // in half: spell out bytes that are not whole UTF-8 so the message itself stays valid text.
    std::string clean;
    std::string_view rest = detail;
    for (std::size_t bad = FindInvalidUtf8(rest); bad != std::string_view::npos; bad = FindInvalidUtf8(rest)) {
        static const char kHex[] = "0123456789ABCDEF";
        auto byte = static_cast<unsigned char>(rest[bad]);
        clean.append(rest.substr(0, bad));
        clean += "\\x";
        clean += kHex[byte >> 4];
        clean += kHex[byte & 15];
        rest = rest.substr(bad + 1);
    }
    clean.append(rest);
    return clean;
}

} // namespace

bool Parse(std::string_view bytes, Document& doc, ParseFailure& failure, std::vector<DuplicateKey>& duplicates)
{
    doc.nodes.clear();
    doc.text.clear();
    // A ledger's text is mostly strings; the node count is roughly one per 20 bytes.
    doc.nodes.reserve(bytes.size() / 24 + 16);
    doc.text.reserve(bytes.size() / 2 + 16);
    Builder builder(doc, duplicates);
    bool ok = nlohmann::json::sax_parse(bytes.data(), bytes.data() + bytes.size(), &builder);
    if (ok && !doc.nodes.empty())
        return true;
    if (builder.too_deep()) {
        failure.too_deep = true;
        failure.offset = 0;
        failure.detail = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
        // Locate the offending bracket: the first one at depth kMaxDepth + 1.
        std::size_t depth = 0;
        bool in_string = false;
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            char c = bytes[i];
            if (in_string) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    in_string = false;
            } else if (c == '"') {
                in_string = true;
            } else if (c == '[' || c == '{') {
                if (++depth > kMaxDepth) {
                    failure.offset = i;
                    break;
                }
            } else if (c == ']' || c == '}') {
                --depth;
            }
        }
        return false;
    }
    // The parser's position counts the characters read, the offending one included.
    std::size_t position = builder.failure_offset();
    failure.offset = position > 0 ? position - 1 : 0;
    if (failure.offset > bytes.size())
        failure.offset = bytes.size();
    failure.detail = ParserDetail(builder.failure_detail());
    return false;
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
