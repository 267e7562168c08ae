#include "text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <vector>

namespace kpl::sheets {

bool IsValidUtf8(const std::string& bytes)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        std::size_t extra = 0;
        uint32_t code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n)
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and code points beyond Unicode are not UTF-8.
        static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (code < kMin[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

const char* EncodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf8Bom: return "UTF-8 (BOM)";
    case TextEncoding::Gbk: return "GBK";
    }
    return "";
}

DecodedText DecodeSpreadsheetText(const std::string& bytes)
{
    DecodedText out;
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        out.encoding = TextEncoding::Utf8Bom;
        out.text = bytes.substr(3);
        out.ok = IsValidUtf8(out.text);
        if (!out.ok) {
            out.error_zh = "文件以 UTF-8 标记开头，但内容不是有效的 UTF-8";
            out.error_en = "the file starts with a UTF-8 byte order mark but is not valid UTF-8";
        }
        return out;
    }
    if (IsValidUtf8(bytes)) {
        out.ok = true;
        out.text = bytes;
        return out;
    }
    out.encoding = TextEncoding::Gbk;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        out.error_zh = "无法解码 GBK 文本（系统缺少 GB18030 转换）";
        out.error_en = "cannot decode GBK text (the system lacks a GB18030 converter)";
        return out;
    }
    std::string input = bytes;
    char* in = input.data();
    std::size_t in_left = input.size();
    std::vector<char> buffer(4096);
    while (in_left > 0) {
        char* outp = buffer.data();
        std::size_t out_left = buffer.size();
        const std::size_t r = iconv(cd, &in, &in_left, &outp, &out_left);
        out.text.append(buffer.data(), buffer.size() - out_left);
        if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
            const std::size_t offset = static_cast<std::size_t>(in - input.data());
            out.error_zh = "文件既不是 UTF-8 也不是 GBK 编码：第 " + std::to_string(offset + 1) + " 个字节无法解码";
            out.error_en = "the file is neither UTF-8 nor GBK: byte " + std::to_string(offset + 1) + " cannot be decoded";
            iconv_close(cd);
            out.text.clear();
            return out;
        }
    }
    iconv_close(cd);
    out.ok = true;
    return out;
}

} // namespace kpl::sheets
