// The ledger's own JSON parser (json_tree.h): the document it builds (order, exact number text,
// unescaped strings, duplicate keys) and where and why it refuses malformed text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "json_tree.h"

using namespace kpl::json_tree;

namespace {

struct Parsed {
    bool ok = false;
    Document doc;
    ParseFailure failure;
    std::vector<DuplicateKey> duplicates;
};

Parsed ParseText(const std::string& text)
{
    Parsed p;
    p.ok = Parse(text, p.doc, p.failure, p.duplicates);
    return p;
}

// The children of node `index`, in order.
std::vector<const Node*> Children(const Document& doc, uint32_t index)
{
    std::vector<const Node*> out;
    for (uint32_t c = doc.nodes[index].first_child; c != kNoNode; c = doc.nodes[c].next_sibling)
        out.push_back(&doc.nodes[c]);
    return out;
}

} // namespace

TEST_CASE("json_tree: members keep their order, keys and values")
{
    Parsed p = ParseText(" {\"b\": 1, \"a\": [true, false, null], \"c\": {}, \"d\": []}\n");
    REQUIRE(p.ok);
    REQUIRE(p.doc.nodes[0].type == NodeType::Object);
    std::vector<const Node*> members = Children(p.doc, 0);
    REQUIRE(members.size() == 4);
    CHECK(p.doc.Key(*members[0]) == "b");
    CHECK(p.doc.Key(*members[1]) == "a");
    CHECK(p.doc.Key(*members[2]) == "c");
    CHECK(p.doc.Key(*members[3]) == "d");
    CHECK(members[1]->child_count == 3);
    CHECK(members[2]->type == NodeType::Object);
    CHECK(members[2]->child_count == 0);
    CHECK(members[3]->type == NodeType::Array);
    const Node& array = *members[1];
    const Node& t = p.doc.nodes[array.first_child];
    const Node& f = p.doc.nodes[t.next_sibling];
    const Node& n = p.doc.nodes[f.next_sibling];
    CHECK((t.type == NodeType::Boolean && t.flag));
    CHECK((f.type == NodeType::Boolean && !f.flag));
    CHECK(n.type == NodeType::Null);
}

TEST_CASE("json_tree: numbers keep their exact text; integers are marked")
{
    Parsed p = ParseText("[1.50, -0, 1e2, 12, 0.1E-3, 9223372036854775807, 18446744073709551615, 18446744073709551616]");
    REQUIRE(p.ok);
    std::vector<const Node*> items = Children(p.doc, 0);
    REQUIRE(items.size() == 8);
    const char* texts[] = {"1.50", "-0", "1e2", "12", "0.1E-3", "9223372036854775807", "18446744073709551615",
                           "18446744073709551616"};
    // Integer: no fraction or exponent and within 64 bits (int64 max, uint64 max; 2^64 is not).
    const bool integers[] = {false, true, false, true, false, true, true, false};
    for (std::size_t i = 0; i < items.size(); ++i) {
        CAPTURE(i);
        CHECK(items[i]->type == NodeType::Number);
        CHECK(p.doc.Text(*items[i]) == texts[i]);
        CHECK(items[i]->flag == integers[i]);
    }
}

TEST_CASE("json_tree: strings are unescaped, Chinese kept as is")
{
    // \u4e2d is 中 (E4 B8 AD); \ud834\udd1e is U+1D11E (F0 9D 84 9E); \u00e9 is é (C3 A9).
    Parsed p = ParseText(R"(["株洲\"\\\/\b\f\n\r\t", "\u4e2d\u00e9", "\ud834\udd1e", ""])");
    REQUIRE(p.ok);
    std::vector<const Node*> items = Children(p.doc, 0);
    REQUIRE(items.size() == 4);
    CHECK(p.doc.Text(*items[0]) == "株洲\"\\/\b\f\n\r\t");
    CHECK(p.doc.Text(*items[1]) == "\xE4\xB8\xAD\xC3\xA9");
    CHECK(p.doc.Text(*items[2]) == "\xF0\x9D\x84\x9E");
    CHECK(p.doc.Text(*items[3]).empty());
}

TEST_CASE("json_tree: duplicate keys are reported with their path and do not stop the parse")
{
    Parsed p = ParseText(R"({"projects": [{"id": "P1"}, {"id": "P2", "名称": 1, "id": "P3"}], "x": 1, "x": 2})");
    REQUIRE(p.ok);
    REQUIRE(p.duplicates.size() == 2);
    CHECK(p.duplicates[0].path == "projects[1].id");
    CHECK(p.duplicates[1].path == "x");
}

TEST_CASE("json_tree: malformed text is refused at the offending character, in English and Chinese")
{
    struct Case {
        const char* text;
        std::size_t offset;
        const char* en;
        const char* zh;
    };
    const Case cases[] = {
        {"", 0, "unexpected end of the file; expected a value", "文件意外结束，此处应为值"},
        {"{\"a\": 1,}", 8, "unexpected '}'; expected a member name in double quotes", "此处不应出现 '}'，应为带双引号的成员名"},
        {"{\"a\" 1}", 5, "unexpected '1'; expected ':' after the member name", "此处不应出现 '1'，应为成员名后的冒号 ':'"},
        {"[1 2]", 3, "unexpected '2'; expected ',' or ']'", "此处不应出现 '2'，应为逗号 ',' 或 ']'"},
        {"{\"a\": 1 \"b\": 2}", 8, "unexpected '\"'; expected ',' or '}'", "此处不应出现 '\"'，应为逗号 ',' 或 '}'"},
        {"{} x", 3, "unexpected 'x'; expected the end of the file", "此处不应出现 'x'，应为文件结束"},
        {"[tru]", 1, "invalid literal 'tru'; expected true, false or null", "无效的字面量 'tru'，应为 true、false 或 null"},
        {"[01]", 1, "invalid number '01'", "无效的数字 '01'"},
        {"[1.]", 1, "invalid number '1.'", "无效的数字 '1.'"},
        {"[-]", 1, "invalid number '-'", "无效的数字 '-'"},
        {"[1e+]", 1, "invalid number '1e+'", "无效的数字 '1e+'"},
        {"[\"a\nb\"]", 3, "control character U+000A inside a string (write it as an escape, e.g. \\n)",
         "字符串中不能直接出现控制字符 U+000A（应写成转义形式，如 \\n）"},
        {"[\"a\\x\"]", 3, "invalid escape '\\x' in a string", "字符串中的转义 '\\x' 无效"},
        {"[\"\\u12g4\"]", 2, "invalid \\u escape (expected four hex digits)", "无效的 \\u 转义（应为四位十六进制数）"},
        {"[\"\\ud800x\"]", 2, "invalid \\u escape: a high surrogate not followed by a low one",
         "无效的 \\u 转义：高位代理项后缺少低位代理项"},
        {"[\"\\udc00\"]", 2, "invalid \\u escape: a low surrogate without a high one",
         "无效的 \\u 转义：低位代理项前缺少高位代理项"},
        {"[\"open", 1, "unexpected end of the file inside a string (a closing '\"' is missing)",
         "文件在字符串中意外结束（缺少结尾的双引号）"},
        {"[1,", 3, "unexpected end of the file; expected a value", "文件意外结束，此处应为值"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        Parsed p = ParseText(c.text);
        REQUIRE_FALSE(p.ok);
        CHECK_FALSE(p.failure.too_deep);
        CHECK(p.failure.offset == c.offset);
        CHECK(p.failure.detail == c.en);
        CHECK(p.failure.detail_zh == c.zh);
    }
}

TEST_CASE("json_tree: nesting deeper than the limit is refused at the first bracket too deep")
{
    // kMaxDepth containers nest fine; one more is refused at its bracket (offset kMaxDepth).
    const std::string fine = std::string(kMaxDepth, '[') + std::string(kMaxDepth, ']');
    CHECK(ParseText(fine).ok);
    const std::string deep = std::string(kMaxDepth + 1, '[') + std::string(kMaxDepth + 1, ']');
    Parsed p = ParseText(deep);
    REQUIRE_FALSE(p.ok);
    CHECK(p.failure.too_deep);
    CHECK(p.failure.offset == kMaxDepth);
}
