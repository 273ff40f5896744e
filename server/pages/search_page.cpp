// The search page: results with snippets, the filter column (facets and
// dates), chips for the chosen filters, "did you mean" and pagination.
#include "core/fields.h"
#include "core/text.h"
#include "server/pages.h"
#include "server/pages/parts.h"
#include "server/url.h"

#include <algorithm>
#include <chrono>
#include <variant>

namespace server {
namespace {

using namespace pages;
using core::html_escape;

constexpr std::size_t kFacetRows = 10;

// How the pages name a field (core/fields.cpp; the labels are string literals).
const char* label(std::string_view field) { return core::find_field(field)->label.data(); }

// Under a hit whose quotation the query quotes: who said it.
std::string quoted_line(const core::Quotation& quote) {
    std::string out = "<p class=\"quoted\">Цитата — ";
    if (!quote.speaker.empty()) {
        out += "<a class=\"speaker\" " + href(search_link({"speaker:«" + quote.speaker + "»", {}})) + ">" +
               html_escape(quote.speaker_full.empty() ? quote.speaker : quote.speaker_full) + "</a>";
    } else {
        out += "<span class=\"meta\">автор не установлен</span>";
    }
    if (!quote.speaker_title.empty()) out += ", <span class=\"meta\">" + html_escape(quote.speaker_title) + "</span>";
    return out + "</p>";
}

// «ещё 3 перепечатки · первым: ТАСС, 5 марта 2024» under a hit that stands for a cluster,
// linking to its article page, which lists the copies.
std::string reprints_line(const core::SearchHit& hit, const PageQuery& query) {
    if (!hit.first) return {};
    const core::Copy& first = *hit.first;
    std::string out = "<p class=\"reprints meta\">";
    if (hit.reprints > 0) {
        out += "<a " + href(page_link("/doc/" + percent_encode(hit.article.id), query) + "#reprints") + ">ещё " +
               std::to_string(hit.reprints) + " " +
               plural(hit.reprints, "перепечатка", "перепечатки", "перепечаток") + "</a> · ";
    }
    out += "первым: " + html_escape(first.source.empty() ? first.id : first.source);
    if (!first.date.empty()) out += ", " + html_escape(ru_date(first.date));
    return out + "</p>";
}

std::string result_item(const core::SearchHit& hit, const PageQuery& query) {
    const std::string link = page_link("/doc/" + percent_encode(hit.article.id), query);
    std::string out = "<li class=\"result\"><h2><a " + href(link) + ">";
    out += hit.title_html.empty() ? html_escape(hit.article.id) : hit.title_html;
    out += "</a></h2>" + meta_line(hit.article);
    out += "<p class=\"snippet\">" + hit.snippet_html + "</p>";
    if (hit.quoted) out += quoted_line(*hit.quoted);
    out += reprints_line(hit, query);
    return out + "</li>";
}

std::string pagination(const PageQuery& query, const core::SearchRequest& request, Xapian::doccount total) {
    if (total <= request.limit || request.limit == 0) return {};
    const long limit = request.limit;
    const long current = static_cast<long>(request.offset) / limit;
    const long last = std::min<long>((static_cast<long>(total) - 1) / limit, kMaxOffset / limit);
    std::string out = "<nav class=\"pages\" aria-label=\"Страницы\">";
    if (current > 0) out += "<a rel=\"prev\" " + href(search_link(query, (current - 1) * limit)) + ">← Назад</a>";
    for (long p = std::max(0L, current - 4); p <= std::min(last, current + 4); ++p) {
        if (p == current) {
            out += "<span class=\"current\" aria-current=\"page\">" + std::to_string(p + 1) + "</span>";
        } else {
            out += "<a " + href(search_link(query, p * limit)) + ">" + std::to_string(p + 1) + "</a>";
        }
    }
    if (current < last) out += "<a rel=\"next\" " + href(search_link(query, (current + 1) * limit)) + ">Дальше →</a>";
    return out + "</nav>";
}

Filters without(Filters filters, std::initializer_list<std::string Filters::*> fields) {
    for (auto field : fields) (filters.*field).clear();
    return filters;
}

// The chosen filters as chips; each link removes its filter.
std::string active_filters(const PageQuery& query) {
    const Filters& f = query.filters;
    if (f.empty()) return {};
    std::string out = "<div class=\"chips\" id=\"active-filters\">";
    auto chip = [&](const char* field, const std::string& value, Filters without) {
        out += "<a class=\"chip\" title=\"Убрать фильтр\" " + href(search_link({query.text, without})) + ">" +
               label(field) + ": <b>" + html_escape(value) + "</b> ✕</a>";
    };
    if (!f.source.empty()) chip("source", f.source, without(f, {&Filters::source}));
    if (!f.place.empty()) chip("place", f.place, without(f, {&Filters::place}));
    if (!f.date_from.empty() || !f.date_to.empty()) {
        const std::string range = f.date_from == f.date_to ? f.date_from
                                                             : (f.date_from.empty() ? "…" : f.date_from) + " — " +
                                                                   (f.date_to.empty() ? "…" : f.date_to);
        chip("date", range, without(f, {&Filters::date_from, &Filters::date_to}));
    }
    return out + "</div>";
}

// One facet list: each value links to the results narrowed to it; the
// chosen one links back to all.
template <typename Narrow>
std::string facet_list(const char* heading, const char* id, const std::vector<core::FacetValue>& values,
                       const std::string& chosen, const PageQuery& query, Narrow narrow,
                       std::string (*label)(const std::string&)) {
    if (values.empty()) return {};
    std::string out = std::string("<h3>") + heading + "</h3><ul id=\"" + id + "\">";
    const std::size_t shown = std::min(values.size(), kFacetRows);
    for (std::size_t i = 0; i < shown; ++i) {
        const core::FacetValue& v = values[i];
        const bool active = !chosen.empty() && core::normalize_text(chosen) == core::normalize_text(v.value);
        PageQuery next = query;
        narrow(next.filters, active ? std::string() : v.value);
        out += active ? "<li class=\"active\">" : "<li>";
        out += "<a " + href(search_link(next)) + " title=\"" + html_escape(label(v.value)) + "\">" +
               (active ? "✓ " : "") + html_escape(label(v.value)) + "</a><span class=\"count\">" +
               std::to_string(v.count) + "</span></li>";
    }
    if (values.size() > shown) {
        out += "<li class=\"more\"><span class=\"count\">и ещё " + std::to_string(values.size() - shown) + "</span></li>";
    }
    return out + "</ul>";
}

std::string same(const std::string& s) { return s; }

std::string date_form(const PageQuery& query) {
    const Filters& f = query.filters;
    auto date_input = [](const char* name, const std::string& value) {
        return std::string("<input type=\"date\" name=\"") + name + "\" id=\"" + name + "\" value=\"" +
               (value.size() == 10 ? html_escape(value) : std::string()) + "\">";
    };
    std::string out = "<h3>Период</h3><form class=\"dates\" action=\"/search\" method=\"get\">";
    out += "<input type=\"hidden\" name=\"q\" value=\"" + html_escape(query.text) + "\">";
    out += hidden_filter_inputs(without(f, {&Filters::date_from, &Filters::date_to}));
    out += "<label for=\"from\">с</label>" + date_input("from", f.date_from);
    out += "<label for=\"to\">по</label>" + date_input("to", f.date_to);
    return out + "<button type=\"submit\" class=\"secondary\">Показать</button></form>";
}

std::string filter_column(const core::Facets& facets, const PageQuery& query) {
    const Filters& f = query.filters;
    std::string lists;
    lists += facet_list(label("source"), "facet-source", facets.sources, f.source, query,
                        [](Filters& x, const std::string& v) { x.source = v; }, same);
    lists += facet_list(label("place"), "facet-place", facets.places, f.place, query,
                        [](Filters& x, const std::string& v) { x.place = v; }, same);
    // Years while the matches span several, then the months of the one year.
    const bool one_year = facets.years.size() == 1;
    const std::string chosen_date = f.date_from == f.date_to ? f.date_from : std::string();
    if (!one_year) {
        lists += facet_list("Год", "facet-year", facets.years, chosen_date, query,
                            [](Filters& x, const std::string& v) { x.date_from = x.date_to = v; }, same);
    } else {
        std::vector<core::FacetValue> months = facets.months;
        std::reverse(months.begin(), months.end());  // the latest first
        lists += facet_list("Месяц", "facet-month", months, chosen_date, query,
                            [](Filters& x, const std::string& v) { x.date_from = x.date_to = v; }, ru_month);
    }
    if (lists.empty() && f.empty()) return {};
    std::string out = "<details open><summary>Фильтры</summary>" + lists + date_form(query);
    if (!facets.complete) {
        out += "<p class=\"note\">Числа — по первым " + std::to_string(facets.counted) + " найденным статьям.</p>";
    }
    return out + "</details>";
}

// The suggestion corrects the words typed; the filters stay as they are.
PageQuery suggested_query(const std::string& suggestion, const PageQuery& query) { return {suggestion, query.filters}; }

}  // namespace

Reply search_page(const Request& http, IndexHandle& index) {
    const auto started = std::chrono::steady_clock::now();
    PageQuery query{http.param("q"), read_filters(http)};
    if (http.param("view") == "quotes") return quotes_page(http, PageQuery{query.text, {}}, index);
    auto parsed = parse_search_request(http, false);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_page(error->status, error->message);
    core::SearchRequest request = std::get<core::SearchRequest>(parsed);
    request.filters = query.filters;
    if (is_blank(request.query) && request.filters.empty()) return Reply{200, kHtml, render(Page{"Поиск по новостям", query, home_page_content(), ""})};

    request.facets = true;
    const core::SearchResult result = index.run([&](core::Searcher& s) { return s.search(request); });
    // Counting facets saw every match when complete: a better total than the estimate.
    const Xapian::doccount total =
        result.facets.complete && !result.relaxed ? result.facets.counted : result.total;

    std::string content = view_tabs(query, false) + active_filters(query);
    if (!result.suggestion.empty()) {
        const PageQuery suggested = suggested_query(result.suggestion, query);
        content += "<p class=\"suggestion\">Возможно, вы имели в виду: <a id=\"suggestion\" " +
                   href(search_link(suggested)) + ">" + html_escape(suggested.text) + "</a></p>";
    }
    content += "<p class=\"summary\" id=\"summary\">Найдено: " + std::to_string(total) + " " +
               plural(total, "статья", "статьи", "статей") + " за " + took_text(started) + " мс";
    if (request.offset > 0 && !result.hits.empty()) {
        content += " · показаны " + std::to_string(request.offset + 1) + "–" +
                   std::to_string(request.offset + result.hits.size());
    }
    if (!result.hits.empty()) content += "<a class=\"to-filters\" href=\"#filters\">Фильтры ↓</a>";
    content += "</p>";
    if (result.relaxed) {
        content += "<p class=\"notice\">Нет статей со всеми словами запроса; показаны статьи с частью слов.</p>";
    }
    if (!result.missing_shards.empty()) {
        content += "<p class=\"notice\" id=\"partial\">Часть архива сейчас не отвечает: результаты неполные.</p>";
    }
    if (result.hits.empty()) {
        content += "<p class=\"notice\">Ничего не найдено. Проверьте написание, уберите часть слов";
        content += query.filters.empty() ? "." : " или фильтры.";
        content += "</p>";
    }
    content += "<ol class=\"results\" id=\"results\" start=\"" + std::to_string(request.offset + 1) + "\">";
    for (const core::SearchHit& hit : result.hits) content += result_item(hit, query);
    content += "</ol>" + pagination(query, request, total) + help(false);
    const std::string title = (query.text.empty() ? filter_syntax(query.filters) : query.text) + " — поиск по новостям";
    return Reply{200, kHtml, render(Page{title, query, content, filter_column(result.facets, query)})};
}

}  // namespace server
