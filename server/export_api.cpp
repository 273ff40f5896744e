#include "server/export_api.h"

#include "core/export.h"
#include "core/text.h"
#include "server/json.h"

#include <charconv>
#include <memory>
#include <optional>

namespace server {
namespace {

// Rows written per piece of the body: a piece is about 350 KB of CSV on the
// real texts, and the export holds one at a time.
constexpr Xapian::doccount kBatchRows = 500;
constexpr Xapian::doccount kBatchArticles = 200;  // quotations: articles read per piece

enum class Format { Csv, Ndjson };

struct ExportOptions {
    Format format = Format::Csv;
    bool quotes = false;
    Xapian::doccount limit = kMaxExportRows;
};

std::optional<Xapian::doccount> export_limit(const std::string& text) {
    if (text.empty()) return kMaxExportRows;
    long value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > kMaxExportRows) return std::nullopt;
    return static_cast<Xapian::doccount>(value);
}

// The export's own parameters; the search's are read as /api/search reads them.
std::variant<ExportOptions, RequestError> read_options(const Request& http) {
    ExportOptions options;
    const std::string& format = http.param("format");
    if (!format.empty() && format != "csv" && format != "ndjson") {
        return RequestError{400, "format must be csv (the default) or ndjson"};
    }
    options.format = format == "ndjson" ? Format::Ndjson : Format::Csv;
    const std::string& kind = http.param("kind");
    if (!kind.empty() && kind != "hits" && kind != "quotes") {
        return RequestError{400, "kind must be hits (the default: articles) or quotes (quotations)"};
    }
    options.quotes = kind == "quotes";
    const auto limit = export_limit(http.param("limit"));
    if (!limit) return RequestError{400, "limit must be a whole number from 0 to " + std::to_string(kMaxExportRows)};
    options.limit = *limit;
    if (!http.param("offset").empty()) return RequestError{400, "an export has every hit from the first: no offset"};
    for (const char* bound : {"from", "to"}) {
        const std::string& value = http.param(bound);
        if (!value.empty() && !is_date_bound(value)) {
            return RequestError{400, std::string(bound) + " must be a date: YYYY, YYYY-MM or YYYY-MM-DD"};
        }
    }
    return options;
}

const char* content_type(Format format) {
    return format == Format::Csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8";
}

void write_hit_row(std::string& out, const core::ExportRow& row, Format format) {
    const core::Article& a = row.article;
    if (format == Format::Csv) return append_csv_record(out, {a.id, a.date, a.source, a.title, a.url, row.snippet, row.speaker});
    JsonWriter json(out);
    json.begin_object().field("id", a.id).field("date", a.date).field("source", a.source).field("title", a.title);
    json.field("url", a.url).field("snippet", row.snippet).field("speaker", row.speaker).end_object();
    out += '\n';
}

void write_quote_row(std::string& out, const core::QuoteRow& row, Format format) {
    const core::Article& a = row.article;
    const core::Quotation& q = row.quote;
    if (format == Format::Csv) {
        return append_csv_record(out, {a.id, a.date, a.source, a.title, a.url, q.speaker, q.speaker_full, q.speaker_title,
                                       q.text, row.citation});
    }
    JsonWriter json(out);
    json.begin_object().field("id", a.id).field("date", a.date).field("source", a.source).field("title", a.title);
    json.field("url", a.url).field("speaker", q.speaker).field("speaker_full", q.speaker_full);
    json.field("speaker_title", q.speaker_title).field("quote", q.text).field("citation", row.citation).end_object();
    out += '\n';
}

// The rows of an export as pieces of the body: one batch a piece, each
// batch on the searcher of the thread that asks for it.
template <class Rows, class RowWriter>
struct ExportStream {
    IndexHandle& index;
    Rows rows;
    Format format;
    Xapian::doccount batch;
    RowWriter write_row;

    bool next(std::string& out) {
        const auto found = index.run([&](core::Searcher& s) { return rows.next(s, batch); });
        for (const auto& row : found) write_row(out, row, format);
        return !found.empty();
    }
};

template <class Stream>
Reply streamed(std::shared_ptr<Stream> stream, const ExportOptions& options, std::string first_line,
               const std::string& name) {
    Reply reply{200, content_type(options.format), std::move(first_line)};
    stream->next(reply.body);  // the first piece here: a failure still gets its status
    const std::string file = name + (options.format == Format::Csv ? ".csv" : ".ndjson");
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
    reply.more = [stream](std::string& out) { return stream->next(out); };
    return reply;
}

Reply export_hits(const Request& http, IndexHandle& index, const ExportOptions& options) {
    auto parsed = parse_search_request(http, false);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_reply(error->status, error->message);
    core::SearchRequest& request = std::get<core::SearchRequest>(parsed);
    request.filters = read_filters(http);
    if (is_blank(request.query) && request.filters.empty()) {
        return error_reply(400, "q is empty: give the words to search for (or a filter: source, place, from, to)");
    }
    std::string header;
    if (options.format == Format::Csv) append_csv_record(header, {"id", "date", "source", "title", "url", "snippet", "speaker"});
    using Stream = ExportStream<core::HitExport, decltype(&write_hit_row)>;
    auto stream = std::make_shared<Stream>(
        Stream{index, core::HitExport(std::move(request), options.limit), options.format, kBatchRows, &write_hit_row});
    return streamed(std::move(stream), options, std::move(header), "newsearch-hits");
}

Reply export_quotes(const Request& http, IndexHandle& index, const ExportOptions& options) {
    auto parsed = parse_quote_request(http, http.param("speaker"));
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_reply(error->status, error->message);
    core::QuoteRequest& request = std::get<core::QuoteRequest>(parsed);
    if (!core::is_valid_utf8(request.speaker) || core::utf8_length(request.speaker) > 200) {
        return error_reply(400, "speaker must be a name of at most 200 characters");
    }
    if (is_blank(request.query) && request.speaker.empty()) return error_reply(400, "give q (words of the quotation) or speaker");
    std::string header;
    if (options.format == Format::Csv) {
        append_csv_record(header, {"id", "date", "source", "title", "url", "speaker", "speaker_full", "speaker_title",
                                   "quote", "citation"});
    }
    const bool newest_first = http.param("sort") == "date";
    using Stream = ExportStream<core::QuoteExport, decltype(&write_quote_row)>;
    auto stream = std::make_shared<Stream>(
        Stream{index, core::QuoteExport(std::move(request), newest_first, options.limit), options.format, kBatchArticles,
               &write_quote_row});
    return streamed(std::move(stream), options, std::move(header), "newsearch-quotes");
}

}  // namespace

void append_csv_record(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view field : fields) {
        if (!first) out += ',';
        first = false;
        out += '"';
        for (std::size_t at = 0;;) {
            const std::size_t quote = field.find('"', at);
            out.append(field.substr(at, quote == std::string_view::npos ? std::string_view::npos : quote + 1 - at));
            if (quote == std::string_view::npos) break;
            out += '"';
            at = quote + 1;
        }
        out += '"';
    }
    out += "\r\n";
}

Reply api_export(const Request& http, IndexHandle& index) {
    auto options = read_options(http);
    if (auto* error = std::get_if<RequestError>(&options)) return error_reply(error->status, error->message);
    Request search = http;
    search.params.erase("limit");  // the export's own, read above; the search's is one page
    const ExportOptions& chosen = std::get<ExportOptions>(options);
    return chosen.quotes ? export_quotes(search, index, chosen) : export_hits(search, index, chosen);
}

}  // namespace server
