// Internal to src/core: a compact, read-only JSON document built by our own parser, for the ledger
// loader. Unlike nlohmann::json it keeps member order, duplicate keys (reported) and the exact text
// of every number (so money is read exactly, never through a double).
// Also UTF-8 checking and encoding, and the JSON text helpers shared by the loader and the saver
// (the spreadsheet reader uses the UTF-8 encoder too).
// Core module: standard library only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpl::json_tree {

enum class NodeType : uint8_t { Null, Boolean, Number, String, Object, Array };

constexpr uint32_t kNoNode = 0xFFFFFFFFu;

struct Node {
    NodeType type = NodeType::Null;
    // Boolean: the value. Number: written without fraction or exponent, and within 64 bits.
    bool flag = false;
    uint32_t text_begin = 0, text_size = 0;  // String: its value; Number: its text (in Document::text)
    uint32_t key_begin = 0, key_size = 0;    // the member's key when the parent is an object
    uint32_t first_child = kNoNode;
    uint32_t next_sibling = kNoNode;
    uint32_t child_count = 0;
};

// Nodes are stored flat; children are linked through first_child / next_sibling in document order.
struct Document {
    std::vector<Node> nodes;   // nodes[0] is the root once parsed
    std::string text;          // all strings, keys and number texts, back to back

    std::string_view Text(const Node& n) const { return std::string_view(text).substr(n.text_begin, n.text_size); }
    std::string_view Key(const Node& n) const { return std::string_view(text).substr(n.key_begin, n.key_size); }
};

struct DuplicateKey {
    std::string path;   // JSON path of the repeated member, e.g. "projects[3].name"
    std::string key;
};

struct ParseFailure {
    std::size_t offset = 0;        // byte offset of the offending character
    std::string detail;            // what is wrong there, in English ("unexpected '}'; expected ...")
    std::string detail_zh;         // the same in Chinese
    bool too_deep = false;         // nesting deeper than kMaxDepth
};

constexpr std::size_t kMaxDepth = 256;

// Parses `bytes` (already known to be UTF-8: FindInvalidUtf8 first) into `doc`. Returns false and fills `failure` on
// malformed JSON. Duplicate keys do not stop the parse; each is appended to `duplicates`.
bool Parse(std::string_view bytes, Document& doc, ParseFailure& failure, std::vector<DuplicateKey>& duplicates);

// Index of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF), or npos when the whole text is valid.
std::size_t FindInvalidUtf8(std::string_view bytes);

// 1-based line and column (in characters) of a byte offset.
void LineAndColumn(std::string_view bytes, std::size_t offset, int& line, int& column);

// Path building: "projects" + [12] + .plan_wan; keys that are not plain identifiers are quoted.
void AppendPathKey(std::string& path, std::string_view key);
void AppendPathIndex(std::string& path, std::size_t index);

// Appends the UTF-8 encoding of code point `code` (at most U+10FFFF, not a surrogate).
void AppendUtf8(std::string& out, uint32_t code);

// Appends `s` as a JSON string literal: UTF-8 kept as is; only '"', '\\' and control characters
// escaped (\n \t \r \b \f, others \u00xx with lowercase hex), like JSON.stringify.
void AppendJsonString(std::string& out, std::string_view s);

} // namespace kpl::json_tree
