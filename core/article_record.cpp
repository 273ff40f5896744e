// The stored form of an article: the Xapian document data of each article.
//
// A record is a version byte and what it announces:
// - kCompressedRecord: a zstd frame holding a plain record (what the indexer
//   writes). Glass compresses document data with zlib by itself, and inflating
//   the ten hits of a search was a fifth of its cost (bench/RESULTS.md); zstd
//   decompresses several times faster at about the same size, and glass
//   stores a tag that does not shrink under zlib as it is.
// - kPlainRecord: each field as a LEB128 length and its bytes (numbers as
//   LEB128): id, title, date, url, source, place, the quotation count and each
//   quotation's fields, and the text last. Reading it is a few copies; bytes
//   are kept as they are (the JSON output escapes or replaces them).
// - anything else: the first JSON record, still read so that indexes built
//   before keep working.
#include "core/article.h"

#include <nlohmann/json.hpp>
#include <zstd.h>

#include <cstdint>
#include <memory>

namespace core {
namespace {

using nlohmann::json;

constexpr char kPlainRecord = '\x01';
constexpr char kCompressedRecord = '\x02';
// zstd's default level: faster than zlib's at a similar ratio.
constexpr int kCompressionLevel = 3;
// Articles are at most 20 MB (indexer/corpus_reader.cpp); a frame that claims
// more is not one this code wrote.
constexpr unsigned long long kMaxRecordBytes = 64ull << 20;

void put_number(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

void put_field(std::string& out, std::string_view field) {
    put_number(out, field.size());
    out.append(field);
}

// Reads fields off the front of a record; any malformed or truncated input
// makes ok() false and every later read empty.
class RecordReader {
public:
    explicit RecordReader(std::string_view data) : data_(data) {}

    bool ok() const { return ok_; }

    std::uint64_t number() {
        std::uint64_t value = 0;
        for (unsigned shift = 0; ok_; shift += 7) {
            if (data_.empty() || shift > 63) {
                ok_ = false;
                break;
            }
            const auto byte = static_cast<unsigned char>(data_.front());
            data_.remove_prefix(1);
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return value;
        }
        return 0;
    }

    std::string_view field() {
        const std::uint64_t size = number();
        if (!ok_ || size > data_.size()) {
            ok_ = false;
            return {};
        }
        const std::string_view out = data_.substr(0, size);
        data_.remove_prefix(size);
        return out;
    }

private:
    std::string_view data_;
    bool ok_ = true;
};

Article deserialize_json_article(std::string_view data) {
    const json j = json::parse(data, nullptr, false);
    Article article;
    if (!j.is_object()) return article;
    auto field = [&j](const char* name) { return j.value(name, std::string()); };
    article.id = field("id");
    article.title = field("title");
    article.text = field("text");
    article.date = field("date");
    article.url = field("url");
    article.source = field("source");
    article.place = field("place");
    if (auto quotes = j.find("quotes"); quotes != j.end() && quotes->is_array()) {
        for (const json& q : *quotes) {
            Quotation quote;
            quote.text = q.value("text", std::string());
            quote.begin = q.value("begin", std::size_t{0});
            quote.end = q.value("end", std::size_t{0});
            quote.speaker = q.value("speaker", std::string());
            quote.speaker_full = q.value("speaker_full", std::string());
            quote.speaker_title = q.value("speaker_title", std::string());
            article.quotes.push_back(std::move(quote));
        }
    }
    return article;
}

std::string plain_record(const Article& article) {
    std::string out;
    std::size_t size = 16 + article.id.size() + article.title.size() + article.text.size() + article.date.size() +
                       article.url.size() + article.source.size() + article.place.size();
    for (const Quotation& q : article.quotes) {
        size += 24 + q.text.size() + q.speaker.size() + q.speaker_full.size() + q.speaker_title.size();
    }
    out.reserve(size);
    out.push_back(kPlainRecord);
    for (const std::string* field : {&article.id, &article.title, &article.date, &article.url, &article.source,
                                     &article.place}) {
        put_field(out, *field);
    }
    put_number(out, article.quotes.size());
    for (const Quotation& q : article.quotes) {
        put_field(out, q.text);
        put_number(out, q.begin);
        put_number(out, q.end);
        put_field(out, q.speaker);
        put_field(out, q.speaker_full);
        put_field(out, q.speaker_title);
    }
    put_field(out, article.text);
    return out;
}

Article read_plain_record(std::string_view data) {
    RecordReader in(data.substr(1));
    Article article;
    for (std::string* field : {&article.id, &article.title, &article.date, &article.url, &article.source,
                               &article.place}) {
        *field = in.field();
    }
    const std::uint64_t quotes = in.number();
    for (std::uint64_t i = 0; i < quotes && in.ok(); ++i) {
        Quotation q;
        q.text = in.field();
        q.begin = static_cast<std::size_t>(in.number());
        q.end = static_cast<std::size_t>(in.number());
        q.speaker = in.field();
        q.speaker_full = in.field();
        q.speaker_title = in.field();
        if (in.ok()) article.quotes.push_back(std::move(q));
    }
    article.text = in.field();
    if (!in.ok()) return Article{};  // not a record this code wrote: nothing rather than garbage
    return article;
}

// One compression and one decompression context per thread: making them
// costs more than compressing an article.
struct ContextDeleter {
    void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

// With a checksum, so a damaged record reads as nothing rather than garbage.
ZSTD_CCtx* compression_context() {
    thread_local std::unique_ptr<ZSTD_CCtx, ContextDeleter> context = [] {
        std::unique_ptr<ZSTD_CCtx, ContextDeleter> made(ZSTD_createCCtx());
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_compressionLevel, kCompressionLevel);
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_checksumFlag, 1);
        return made;
    }();
    return context.get();
}

std::string compressed(std::string_view plain) {
    std::string out(1 + ZSTD_compressBound(plain.size()), '\0');
    out[0] = kCompressedRecord;
    const std::size_t size =
        ZSTD_compress2(compression_context(), out.data() + 1, out.size() - 1, plain.data(), plain.size());
    if (ZSTD_isError(size)) return std::string(plain);  // cannot happen with a bound-sized buffer; stay readable
    out.resize(1 + size);
    return out;
}

// The plain record inside a compressed one, or "" when it is damaged.
std::string decompressed(std::string_view frame) {
    thread_local std::unique_ptr<ZSTD_DCtx, ContextDeleter> context(ZSTD_createDCtx());
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > kMaxRecordBytes) return {};
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t written = ZSTD_decompressDCtx(context.get(), out.data(), out.size(), frame.data(), frame.size());
    if (ZSTD_isError(written) || written != out.size()) return {};
    return out;
}

}  // namespace

std::string serialize_article(const Article& article) { return compressed(plain_record(article)); }

Article deserialize_article(std::string_view data) {
    if (data.empty()) return {};
    if (data.front() == kCompressedRecord) {
        const std::string plain = decompressed(data.substr(1));
        if (plain.empty() || plain.front() != kPlainRecord) return {};
        return read_plain_record(plain);
    }
    if (data.front() == kPlainRecord) return read_plain_record(data);
    return deserialize_json_article(data);
}

}  // namespace core
