// The encoding of a text file from a spreadsheet program: UTF-8 (with or without a BOM) or GBK
// (what Excel and WPS on a Chinese Windows write as "CSV"), told apart by whether the bytes are
// valid UTF-8. GBK is decoded as GB18030, its superset, with iconv (glibc natively, musl's in the
// browser: both know GB18030). Sheets module: standard library and iconv.
#pragma once
#include <string>

namespace kpl::sheets {

enum class TextEncoding { Utf8, Utf8Bom, Gbk };

struct DecodedText {
    bool ok = false;
    TextEncoding encoding = TextEncoding::Utf8;
    std::string text;                // UTF-8, without a BOM
    std::string error_zh, error_en;  // the byte offset where decoding failed
};

bool IsValidUtf8(const std::string& bytes);
DecodedText DecodeSpreadsheetText(const std::string& bytes);
const char* EncodingName(TextEncoding encoding);  // "UTF-8", "UTF-8 (BOM)", "GBK"

} // namespace kpl::sheets
