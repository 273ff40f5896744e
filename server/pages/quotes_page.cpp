// The "Цитаты" view of the search page: quotations matching the words,
// optionally by one speaker, each with a citation line.
#include "server/pages.h"
#include "server/pages/parts.h"
#include "server/url.h"

#include <algorithm>
#include <variant>

namespace server {
namespace {

using namespace pages;

void quote_pages(Html& out, const std::string& words, const std::string& speaker, const core::QuoteRequest& request,
                 std::size_t total) {
    if (request.limit == 0 || total <= request.limit) return;
    const long limit = request.limit, offset = request.offset;
    const bool has_next = offset + limit < static_cast<long>(total) && offset + limit <= kMaxOffset;
    pagination(out, offset > 0 ? quotes_link(words, speaker, std::max(0L, offset - limit)) : std::string(), {},
               has_next ? quotes_link(words, speaker, offset + limit) : std::string());
}

}  // namespace

namespace pages {

Reply quotes_page(const Request& http, const PageQuery& query, IndexHandle& index) {
    auto parsed = parse_quote_request(http, filter_value(http, "speaker"));
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_page(error->status, error->message);
    const core::QuoteRequest& request = std::get<core::QuoteRequest>(parsed);
    Page page{(query.text.empty() ? request.speaker : query.text) + " — цитаты", query, {}, {}, true};
    Html& out = page.main;
    view_tabs(out, query, true);
    if (is_blank(request.query) && request.speaker.empty()) {
        page.title = "Цитаты — поиск по новостям";
        home_page_content(out);
        return Reply{200, kHtml, render(page)};
    }
    const core::QuoteResult result = index.run([&](core::Searcher& s) { return s.search_quotes(request); });
    if (!request.speaker.empty()) {
        out.open("div").attr("class", "chips").attr("id", "active-filters");
        out.open("a").attr("class", "chip").attr("title", "Убрать фильтр").attr("href", quotes_link(query.text, ""));
        out.text("Кто сказал: ").open("b").text(request.speaker).close("b").text(" ✕").close("a").close("div");
    }
    out.open("p").attr("class", "summary").attr("id", "summary").text("Найдено цитат: ");
    out.text(static_cast<long long>(result.total)).close("p");
    if (!result.hits.empty()) quotes_takeaway_line(out, query.text, request.speaker);
    if (result.hits.empty()) {
        out.open("p").attr("class", "notice").text("Ничего не найдено. Проверьте написание или уберите часть слов.").close("p");
    }
    out.open("ol").attr("class", "results quotes").attr("id", "quote-results");
    out.attr("start", std::to_string(request.offset + 1));
    for (const core::QuoteHit& hit : result.hits) quote_item(out, hit, query.text);
    out.close("ol");
    quote_pages(out, query.text, request.speaker, request, result.total);
    return Reply{200, kHtml, render(page)};
}

}  // namespace pages
}  // namespace server
