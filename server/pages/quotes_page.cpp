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

// One quotation: its words with the matches marked, who said it (a link to
// all their quotations), the article it comes from and a citation line.
void quote_item(Html& out, const core::QuoteHit& hit, const std::string& words) {
    const core::Quotation& q = hit.quote;
    out.open("li").attr("class", "quote").open("blockquote").open("q");
    out.raw(hit.text_html).close("q").close("blockquote");  // escaped, with <mark>
    out.open("p").text("— ");
    speaker_line(out, q, quotes_link("", q.speaker), true);
    const std::string link = page_link("/doc/" + percent_encode(hit.article.id), PageQuery{words, {}});
    out.text(" · ").open("a").attr("href", link);
    out.text(hit.article.title.empty() ? hit.article.id : hit.article.title).close("a").close("p");
    meta_line(out, hit.article);
    out.open("details").attr("class", "citation").open("summary").text("Строка для цитирования").close("summary");
    out.open("textarea").attr("rows", "2").attr("readonly").text(hit.citation).close("textarea");
    out.close("details").close("li");
}

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
