#include "zip_archive.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <minizip/unzip.h>
#include <minizip/zip.h>

namespace kpl::sheets {

namespace {

// One archive in memory, as minizip's I/O callbacks see it: a growable buffer and a position.
struct MemoryStream {
    std::string* bytes = nullptr;
    const std::string* read_only = nullptr;
    uint64_t position = 0;
    const std::string& Data() const { return bytes ? *bytes : *read_only; }
};

voidpf OpenStream(voidpf opaque, const void* /*filename*/, int /*mode*/) { return opaque; }

uLong ReadStream(voidpf /*opaque*/, voidpf stream, void* buffer, uLong size)
{
    auto* s = static_cast<MemoryStream*>(stream);
    const std::string& data = s->Data();
    if (s->position >= data.size())
        return 0;
    const uint64_t n = std::min<uint64_t>(size, data.size() - s->position);
    std::memcpy(buffer, data.data() + s->position, static_cast<std::size_t>(n));
    s->position += n;
    return static_cast<uLong>(n);
}

uLong WriteStream(voidpf /*opaque*/, voidpf stream, const void* buffer, uLong size)
{
    auto* s = static_cast<MemoryStream*>(stream);
    if (!s->bytes)
        return 0;
    std::string& data = *s->bytes;
    if (s->position > data.size())
        data.resize(static_cast<std::size_t>(s->position));
    const std::size_t at = static_cast<std::size_t>(s->position);
    const std::size_t overlap = std::min<std::size_t>(size, data.size() - at);
    data.replace(at, overlap, static_cast<const char*>(buffer), size);
    s->position += size;
    return size;
}

ZPOS64_T TellStream(voidpf /*opaque*/, voidpf stream) { return static_cast<MemoryStream*>(stream)->position; }

long SeekStream(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin)
{
    auto* s = static_cast<MemoryStream*>(stream);
    uint64_t base = 0;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = s->position; break;
    case ZLIB_FILEFUNC_SEEK_END: base = s->Data().size(); break;
    default: return -1;
    }
    const uint64_t target = base + offset;
    if (!s->bytes && target > s->Data().size())
        return -1;
    s->position = target;
    return 0;
}

int CloseStream(voidpf /*opaque*/, voidpf /*stream*/) { return 0; }
int ErrorOfStream(voidpf /*opaque*/, voidpf /*stream*/) { return 0; }

zlib_filefunc64_def MemoryFunctions(MemoryStream& stream)
{
    zlib_filefunc64_def def{};
    def.zopen64_file = OpenStream;
    def.zread_file = ReadStream;
    def.zwrite_file = WriteStream;
    def.ztell64_file = TellStream;
    def.zseek64_file = SeekStream;
    def.zclose_file = CloseStream;
    def.zerror_file = ErrorOfStream;
    def.opaque = &stream;
    return def;
}

ZipReadResult Failure(std::string zh, std::string en)
{
    ZipReadResult r;
    r.error_zh = std::move(zh);
    r.error_en = std::move(en);
    return r;
}

} // namespace

std::string WriteZip(const std::vector<ZipEntry>& entries)
{
    std::string bytes;
    MemoryStream stream;
    stream.bytes = &bytes;
    zlib_filefunc64_def functions = MemoryFunctions(stream);
    zipFile zip = zipOpen2_64("memory", APPEND_STATUS_CREATE, nullptr, &functions);
    if (!zip)
        return {};
    bool ok = true;
    for (const ZipEntry& entry : entries) {
        zip_fileinfo info{};
        info.tmz_date.tm_year = 1980;
        info.tmz_date.tm_mday = 1;
        ok = ok && zipOpenNewFileInZip64(zip, entry.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                         Z_DEFAULT_COMPRESSION, 0) == ZIP_OK;
        ok = ok && zipWriteInFileInZip(zip, entry.data.data(), static_cast<unsigned>(entry.data.size())) == ZIP_OK;
        ok = ok && zipCloseFileInZip(zip) == ZIP_OK;
    }
    ok = zipClose(zip, nullptr) == ZIP_OK && ok;
    return ok ? bytes : std::string();
}

ZipReadResult ReadZip(const std::string& bytes, std::size_t max_total_bytes)
{
    MemoryStream stream;
    stream.read_only = &bytes;
    zlib_filefunc64_def functions = MemoryFunctions(stream);
    unzFile zip = unzOpen2_64("memory", &functions);
    if (!zip)
        return Failure("不是有效的 .xlsx 文件（无法作为 zip 压缩包读取）",
                       "not a valid .xlsx file (it cannot be read as a zip archive)");
    ZipReadResult result;
    std::size_t total = 0;
    int status = unzGoToFirstFile(zip);
    while (status == UNZ_OK) {
        unz_file_info64 info{};
        char name[1024] = {};
        if (unzGetCurrentFileInfo64(zip, &info, name, sizeof name - 1, nullptr, 0, nullptr, 0) != UNZ_OK) {
            unzClose(zip);
            return Failure("压缩包目录已损坏", "the archive's directory is damaged");
        }
        const std::string entry_name = name;
        const bool folder = !entry_name.empty() && entry_name.back() == '/';
        if (!folder) {
            if (info.flag & 1u) {
                unzClose(zip);
                return Failure("压缩包中的 " + entry_name + " 已加密，无法读取",
                               entry_name + " in the archive is encrypted and cannot be read");
            }
            total += static_cast<std::size_t>(std::min<ZPOS64_T>(info.uncompressed_size, max_total_bytes + 1));
            if (total > max_total_bytes) {
                unzClose(zip);
                return Failure("压缩包解压后过大", "the archive unpacks to too many bytes");
            }
            ZipEntry entry;
            entry.name = entry_name;
            entry.data.resize(static_cast<std::size_t>(info.uncompressed_size));
            bool ok = unzOpenCurrentFile(zip) == UNZ_OK;
            int got = ok ? unzReadCurrentFile(zip, entry.data.data(), static_cast<unsigned>(entry.data.size())) : -1;
            // One more read must find the end: a longer entry than its directory says is damaged.
            char probe = 0;
            ok = ok && got == static_cast<int>(entry.data.size()) && unzReadCurrentFile(zip, &probe, 1) == 0;
            const int closed = unzCloseCurrentFile(zip);  // UNZ_CRCERROR when the data is corrupt
            if (!ok || closed != UNZ_OK) {
                unzClose(zip);
                return Failure("压缩包中的 " + entry_name + " 已损坏", entry_name + " in the archive is damaged");
            }
            result.entries.push_back(std::move(entry));
        }
        status = unzGoToNextFile(zip);
    }
    unzClose(zip);
    if (status != UNZ_END_OF_LIST_OF_FILE)
        return Failure("压缩包目录已损坏", "the archive's directory is damaged");
    result.ok = true;
    return result;
}

} // namespace kpl::sheets
