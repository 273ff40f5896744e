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

constexpr std::size_t kFacetRows = 10;

// How the pages name a field (core/fields.cpp; the labels are string literals).
const char* label(std::string_view field) { return core::find_field(field)->label.data(); }

// «ещё 3 перепечатки · первым: ТАСС, 5 марта 2024» under a hit that stands for a cluster,
// linking to its article page, which lists the copies.
void reprints_line(Html& out, const core::SearchHit& hit, const PageQuery& query) {
    if (!hit.first) return;
    const core::Copy& first = *hit.first;
    out.open("p").attr("class", "reprints meta");
    if (hit.reprints > 0) {
        out.open("a").attr("href", page_link("/doc/" + percent_encode(hit.article.id), query) + "#reprints");
        out.text("ещё ").text(hit.reprints).text(" " + plural(hit.reprints, "перепечатка", "перепечатки", "перепечаток"));
        out.close("a").text(" · ");
    }
    out.text("первым: ").text(first.source.empty() ? first.id : first.source);
    if (!first.date.empty()) out.text(", ").text(ru_date(first.date));
    out.close("p");
}

void result_item(Html& out, const core::SearchHit& hit, const PageQuery& query) {
    out.open("li").attr("class", "result").open("h2");
    out.open("a").attr("href", page_link("/doc/" + percent_encode(hit.article.id), query));
    if (hit.title_html.empty()) out.text(hit.article.id);
    else out.raw(labelled_marks(hit.title_html, hit.title_matches));  // escaped by the snippet maker, with <mark>
    out.close("a").close("h2");
    meta_line(out, hit.article);
    out.open("p").attr("class", "snippet").raw(labelled_marks(hit.snippet_html, hit.snippet_matches)).close("p");  // escaped, with <mark>
    if (hit.quoted) {
        // Under a hit whose quotation the query quotes: who said it.
        out.open("p").attr("class", "quoted").text("Цитата — ");
        speaker_line(out, *hit.quoted, search_link({"speaker:«" + hit.quoted->speaker + "»", {}}), true);
        out.close("p");
    }
    reprints_line(out, hit, query);
    out.close("li");
}

void result_pages(Html& out, const PageQuery& query, const core::SearchRequest& request, Xapian::doccount total) {
    if (total <= request.limit || request.limit == 0) return;
    const long limit = request.limit;
    const long current = static_cast<long>(request.offset) / limit;
    const long last = std::min<long>((static_cast<long>(total) - 1) / limit, kMaxOffset / limit);
    std::vector<PageNumber> numbers;
    for (long p = std::max(0L, current - 4); p <= std::min(last, current + 4); ++p) {
        numbers.push_back({p + 1, p == current ? std::string() : search_link(query, p * limit)});
    }
    pagination(out, current > 0 ? search_link(query, (current - 1) * limit) : std::string(), numbers,
               current < last ? search_link(query, (current + 1) * limit) : std::string());
}

Filters without(Filters filters, std::initializer_list<std::string Filters::*> fields) {
    for (auto field : fields) (filters.*field).clear();
    return filters;
}

// The chosen filters as chips; each link removes its filter.
void active_filters(Html& out, const PageQuery& query) {
    const Filters& f = query.filters;
    if (f.empty()) return;
    out.open("div").attr("class", "chips").attr("id", "active-filters");
    auto chip = [&](const char* field, const std::string& value, Filters without) {
        out.open("a").attr("class", "chip").attr("title", "Убрать фильтр").attr("href", search_link({query.text, without, query.newest_first, query.every_copy}));
        out.text(label(field)).text(": ").open("b").text(value).close("b").text(" ✕").close("a");
    };
    if (!f.source.empty()) chip("source", f.source, without(f, {&Filters::source}));
    if (!f.place.empty()) chip("place", f.place, without(f, {&Filters::place}));
    if (!f.date_from.empty() || !f.date_to.empty()) {
        const std::string range = f.date_from == f.date_to ? f.date_from
                                                             : (f.date_from.empty() ? "…" : f.date_from) + " — " +
                                                                   (f.date_to.empty() ? "…" : f.date_to);
        chip("date", range, without(f, {&Filters::date_from, &Filters::date_to}));
    }
    out.close("div");
}

// One facet list: each value links to the results narrowed to it; the
// chosen one links back to all.
template <typename Narrow>
void facet_list(Html& out, const char* heading, const char* id, const std::vector<core::FacetValue>& values,
                const std::string& chosen, const PageQuery& query, Narrow narrow,
                std::string (*label)(const std::string&)) {
    if (values.empty()) return;
    out.open("h3").text(heading).close("h3").open("ul").attr("id", id);
    const std::size_t shown = std::min(values.size(), kFacetRows);
    for (std::size_t i = 0; i < shown; ++i) {
        const core::FacetValue& v = values[i];
        const bool active = !chosen.empty() && core::normalize_text(chosen) == core::normalize_text(v.value);
        PageQuery next = query;
        narrow(next.filters, active ? std::string() : v.value);
        out.open("li");
        if (active) out.attr("class", "active");
        out.open("a").attr("href", search_link(next)).attr("title", label(v.value));
        out.text(active ? "✓ " : "").text(label(v.value)).close("a");
        out.open("span").attr("class", "count").text(static_cast<long long>(v.count)).close("span").close("li");
    }
    if (values.size() > shown) {
        out.open("li").attr("class", "more").open("span").attr("class", "count");
        out.text("и ещё ").text(static_cast<long long>(values.size() - shown)).close("span").close("li");
    }
    out.close("ul");
}

std::string same(const std::string& s) { return s; }

void date_form(Html& out, const PageQuery& query) {
    const Filters& f = query.filters;
    auto date_input = [&](const char* name, const std::string& value) {
        out.open("input").attr("type", "date").attr("name", name).attr("id", name);
        out.attr("value", value.size() == 10 ? value : std::string());
    };
    out.open("h3").text("Период").close("h3");
    out.open("form").attr("class", "dates").attr("action", "/search").attr("method", "get");
    out.open("input").attr("type", "hidden").attr("name", "q").attr("value", query.text);
    hidden_filter_inputs(out, without(f, {&Filters::date_from, &Filters::date_to}));
    out.open("label").attr("for", "from").text("с").close("label");
    date_input("from", f.date_from);
    out.open("label").attr("for", "to").text("по").close("label");
    date_input("to", f.date_to);
    out.open("button").attr("type", "submit").attr("class", "secondary").text("Показать").close("button").close("form");
}

void filter_column(Html& out, const core::Facets& facets, const PageQuery& query) {
    const Filters& f = query.filters;
    Html lists;
    facet_list(lists, label("source"), "facet-source", facets.sources, f.source, query,
               [](Filters& x, const std::string& v) { x.source = v; }, same);
    facet_list(lists, label("place"), "facet-place", facets.places, f.place, query,
               [](Filters& x, const std::string& v) { x.place = v; }, same);
    // Years while the matches span several, then the months of the one year.
    const bool one_year = facets.years.size() == 1;
    const std::string chosen_date = f.date_from == f.date_to ? f.date_from : std::string();
    if (!one_year) {
        facet_list(lists, "Год", "facet-year", facets.years, chosen_date, query,
                   [](Filters& x, const std::string& v) { x.date_from = x.date_to = v; }, same);
    } else {
        std::vector<core::FacetValue> months = facets.months;
        std::reverse(months.begin(), months.end());  // the latest first
        facet_list(lists, "Месяц", "facet-month", months, chosen_date, query,
                   [](Filters& x, const std::string& v) { x.date_from = x.date_to = v; }, ru_month);
    }
    if (lists.empty() && f.empty()) return;
    out.open("details").attr("open").open("summary").text("Фильтры").close("summary").append(lists);
    date_form(out, query);
    if (!facets.complete) {
        out.open("p").attr("class", "note").text("Числа — по первым ").text(static_cast<long long>(facets.counted));
        out.text(" найденным статьям.").close("p");
    }
    out.close("details");
}

// The suggestion corrects the words typed; the filters stay as they are.
PageQuery suggested_query(const std::string& suggestion, const PageQuery& query) {
    PageQuery suggested = query;
    suggested.text = suggestion;
    return suggested;
}

// "Сначала: лучшие · новые": the same search in the other order.
void order_switch(Html& out, const PageQuery& query) {
    out.open("p").attr("class", "order").attr("id", "order").text("Сначала: ");
    for (const bool newest : {false, true}) {
        const char* name = newest ? "новые" : "лучшие";
        if (newest == query.newest_first) {
            out.open("b").text(name).close("b");
        } else {
            PageQuery other = query;
            other.newest_first = newest;
            out.open("a").attr("id", newest ? "sort-date" : "sort-relevance").attr("href", search_link(other)).text(name).close("a");
        }
        if (!newest) out.text(" · ");
    }
    out.close("p");
}

}  // namespace

constexpr std::size_t kCarriersShown = 10;

// «Где впервые»: when the query is a pasted quotation some hit carries, the
// earliest article carrying it, who said it, and the others that copied it.
void first_carrier(Html& out, const core::SearchResult& result, const std::string& pasted, IndexHandle& index) {
    const bool quoted = std::any_of(result.hits.begin(), result.hits.end(), [](const auto& h) { return h.quoted.has_value(); });
    if (!quoted) return;
    const core::Provenance found = index.run([&](core::Searcher& s) { return s.provenance(pasted); });
    if (!found.first) return;
    const core::Article& a = found.first->article;
    out.open("section").attr("class", "provenance").attr("id", "provenance").open("h2").text("Где впервые").close("h2");
    out.open("p").open("a").attr("href", "/doc/" + percent_encode(a.id) + "?q=" + percent_encode(pasted));
    out.text(a.title.empty() ? a.id : a.title).close("a").text(" ").open("span").attr("class", "meta").text(a.source);
    if (!a.date.empty()) out.text(a.source.empty() ? "" : ", ").text(ru_date(a.date));
    out.close("span");
    if (!found.speaker.empty()) out.text(" · сказал: ").text(found.speaker);
    out.close("p");
    if (found.carriers.size() > 1) {
        out.open("details").open("summary").text("Цитата есть ещё в ").text(static_cast<long long>(found.carriers.size() - 1));
        out.text(" " + plural(found.carriers.size() - 1, "статье", "статьях", "статьях")).close("summary").open("ol");
        for (std::size_t i = 1; i < found.carriers.size() && i <= kCarriersShown; ++i) {
            const core::Article& c = found.carriers[i].article;
            out.open("li").open("a").attr("href", "/doc/" + percent_encode(c.id)).text(c.title.empty() ? c.id : c.title);
            out.close("a").text(" ").open("span").attr("class", "meta").text(c.source);
            if (!c.date.empty()) out.text(c.source.empty() ? "" : ", ").text(ru_date(c.date));
            out.close("span").close("li");
        }
        out.close("ol").close("details");
    }
    out.close("section");
}

Reply search_page(const Request& http, IndexHandle& index) {
    const auto started = std::chrono::steady_clock::now();
    PageQuery query{http.param("q"), read_filters(http)};
    if (http.param("view") == "quotes") return quotes_page(http, PageQuery{query.text, {}}, index);
    auto parsed = parse_search_request(http, false);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_page(error->status, error->message);
    core::SearchRequest request = std::get<core::SearchRequest>(parsed);
    request.filters = query.filters;
    query.newest_first = request.newest_first;
    query.every_copy = !request.collapse;
    if (is_blank(request.query) && request.filters.empty()) {
        Page page{"Поиск по новостям", query, {}, {}};
        home_page_content(page.main);
        return Reply{200, kHtml, render(page)};
    }

    request.facets = true;
    const core::SearchResult result = index.run([&](core::Searcher& s) { return s.search(request); });
    // Counting facets saw every match when complete: a better total than the estimate.
    const bool counted_by_facets = result.facets.complete && !result.relaxed;
    const Xapian::doccount total = counted_by_facets ? result.facets.counted : result.total;

    Page page{(query.text.empty() ? filter_syntax(query.filters) : query.text) + " — поиск по новостям", query, {}, {}};
    Html& out = page.main;
    view_tabs(out, query, false);
    active_filters(out, query);
    if (!result.suggestion.empty()) {
        const PageQuery suggested = suggested_query(result.suggestion, query);
        out.open("p").attr("class", "suggestion").text("Возможно, вы имели в виду: ");
        out.open("a").attr("id", "suggestion").attr("href", search_link(suggested)).text(suggested.text).close("a").close("p");
    }
    out.open("p").attr("class", "summary").attr("id", "summary").text("Найдено: ");
    if (!counted_by_facets && !result.total_exact) out.text("около ");
    out.text(static_cast<long long>(total));
    out.text(" " + plural(total, "статья", "статьи", "статей") + " за " + took_text(started) + " мс");
    if (request.offset > 0 && !result.hits.empty()) {
        out.text(" · показаны ").text(static_cast<long long>(request.offset + 1)).text("–");
        out.text(static_cast<long long>(request.offset + result.hits.size()));
    }
    if (!result.hits.empty()) out.open("a").attr("class", "to-filters").attr("href", "#filters").text("Фильтры ↓").close("a");
    out.close("p");
    if (!result.hits.empty()) order_switch(out, query);
    if (result.cut_short) {
        out.open("p").attr("class", "notice").text("Запрос слишком общий: поиск остановлен по времени, ");
        out.text("показаны лучшие из просмотренных статей, число статей примерное.").close("p");
    }
    if (!result.hits.empty()) takeaway_line(out, query, request);
    for (const std::string& prefix : result.short_prefixes) {
        out.open("p").attr("class", "notice").text("«" + prefix + "*»: для поиска по началу слова нужны хотя бы две буквы; ");
        out.text("искали слово «" + prefix + "».").close("p");
    }
    if (result.relaxed) {
        out.open("p").attr("class", "notice").text("Нет статей со всеми словами запроса; показаны статьи с частью слов.").close("p");
    }
    if (!result.missing_shards.empty()) {
        out.open("p").attr("class", "notice").attr("id", "partial");
        out.text("Часть архива сейчас не отвечает: результаты неполные.").close("p");
    }
    if (result.hits.empty()) {
        out.open("p").attr("class", "notice").text("Ничего не найдено. Проверьте написание, уберите часть слов");
        out.text(query.filters.empty() ? "." : " или фильтры.").close("p");
    }
    if (request.offset == 0) first_carrier(out, result, request.query, index);
    out.open("ol").attr("class", "results").attr("id", "results").attr("start", std::to_string(request.offset + 1));
    for (const core::SearchHit& hit : result.hits) result_item(out, hit, query);
    out.close("ol");
    result_pages(out, query, request, total);
    help(out, false);
    filter_column(page.aside, result.facets, query);
    return Reply{200, kHtml, render(page)};
}

}  // namespace server
