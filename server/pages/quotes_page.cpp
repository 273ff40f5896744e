// The "Цитаты" view of the search page: quotations matching the words,
// optionally by one speaker, each with a citation line.
#include "core/text.h"
#include "server/pages.h"
#include "server/pages/parts.h"
#include "server/url.h"

#include <algorithm>
#include <variant>

namespace server {
namespace {

using namespace pages;
using core::html_escape;

// One quotation: its words with the matches marked, who said it (a link to
// all their quotations), the article it comes from and a citation line.
std::string quote_item(const core::QuoteHit& hit, const std::string& words) {
    const core::Quotation& q = hit.quote;
    std::string out = "<li class=\"quote\"><blockquote><q>" + hit.text_html + "</q></blockquote><p>— ";
    if (!q.speaker.empty()) {
        out += "<a class=\"speaker\" " + href(quotes_link("", q.speaker)) + ">" +
               html_escape(q.speaker_full.empty() ? q.speaker : q.speaker_full) + "</a>";
    } else {
        out += "<span class=\"meta\">автор не установлен</span>";
    }
    if (!q.speaker_title.empty()) out += ", <span class=\"meta\">" + html_escape(q.speaker_title) + "</span>";
    const std::string link = page_link("/doc/" + percent_encode(hit.article.id), PageQuery{words, {}});
    out += " · <a " + href(link) + ">" + html_escape(hit.article.title.empty() ? hit.article.id : hit.article.title) + "</a></p>";
    out += meta_line(hit.article);
    out += "<details class=\"citation\"><summary>Строка для цитирования</summary><textarea rows=\"2\" readonly>" +
           html_escape(hit.citation) + "</textarea></details></li>";
    return out;
}

std::string quote_pages(const std::string& words, const std::string& speaker, const core::QuoteRequest& request,
                        std::size_t total) {
    if (request.limit == 0 || total <= request.limit) return {};
    const long limit = request.limit, offset = request.offset;
    std::string out = "<nav class=\"pages\" aria-label=\"Страницы\">";
    if (offset > 0) out += "<a rel=\"prev\" " + href(quotes_link(words, speaker, std::max(0L, offset - limit))) + ">← Назад</a>";
    if (offset + limit < static_cast<long>(total) && offset + limit <= kMaxOffset) {
        out += "<a rel=\"next\" " + href(quotes_link(words, speaker, offset + limit)) + ">Дальше →</a>";
    }
    return out + "</nav>";
}

}  // namespace

namespace pages {

Reply quotes_page(const Request& http, const PageQuery& query, IndexHandle& index) {
    auto parsed = parse_quote_request(http, filter_value(http, "speaker"));
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_page(error->status, error->message);
    const core::QuoteRequest& request = std::get<core::QuoteRequest>(parsed);
    if (is_blank(request.query) && request.speaker.empty()) {
        return Reply{200, kHtml, render(Page{"Цитаты — поиск по новостям", query, view_tabs(query, true) + home_page_content(), "", true})};
    }
    const core::QuoteResult result = index.run([&](core::Searcher& s) { return s.search_quotes(request); });
    std::string content = view_tabs(query, true);
    if (!request.speaker.empty()) {
        content += "<div class=\"chips\" id=\"active-filters\"><a class=\"chip\" title=\"Убрать фильтр\" " +
                   href(quotes_link(query.text, "")) + ">Кто сказал: <b>" + html_escape(request.speaker) + "</b> ✕</a></div>";
    }
    content += "<p class=\"summary\" id=\"summary\">Найдено цитат: " + std::to_string(result.total) + "</p>";
    if (result.hits.empty()) content += "<p class=\"notice\">Ничего не найдено. Проверьте написание или уберите часть слов.</p>";
    content += "<ol class=\"results quotes\" id=\"quote-results\" start=\"" + std::to_string(request.offset + 1) + "\">";
    for (const core::QuoteHit& hit : result.hits) content += quote_item(hit, query.text);
    content += "</ol>" + quote_pages(query.text, request.speaker, request, result.total);
    const std::string title = (query.text.empty() ? request.speaker : query.text) + " — цитаты";
    return Reply{200, kHtml, render(Page{title, query, content, "", true})};
}

}  // namespace pages
}  // namespace server
