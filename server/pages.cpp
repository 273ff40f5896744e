#include "server/pages.h"

#include "core/text.h"
#include "server/api.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <variant>

// The style sheet and script from server/assets, embedded at build time.
namespace core::data {
extern const char* const kStyleCss;
extern const char* const kAppJs;
}  // namespace core::data

namespace server {
namespace {

using core::html_escape;

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr std::size_t kMaxFilterBytes = 200;
constexpr std::size_t kFacetRows = 10;

// Filters chosen on the page. In URLs they are separate parameters (source,
// place, from, to); for the searcher they become the query syntax's filter
// fields, appended to the words typed in the box.
struct Filters {
    std::string source;
    std::string place;
    std::string from;  // YYYY, YYYY-MM or YYYY-MM-DD
    std::string to;

    bool empty() const { return source.empty() && place.empty() && from.empty() && to.empty(); }
};

// The words of a page's query and its filters, as the links on it keep them.
struct PageQuery {
    std::string text;
    Filters filters;
};

constexpr std::array<std::string_view, 10> kQuoteMarks = {"\"", "'", "«", "»", "„", "“", "”", "‘", "’", "‚"};

// A filter value is put between quote marks in the query, so it may hold
// none itself; control characters and surrounding spaces go too.
std::string clean_filter_value(std::string value) {
    if (!core::is_valid_utf8(value) || value.size() > kMaxFilterBytes) return {};
    for (std::string_view mark : kQuoteMarks) {
        for (std::size_t at; (at = value.find(mark)) != std::string::npos;) value.replace(at, mark.size(), " ");
    }
    for (char& c : value) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    const std::size_t first = value.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return value.substr(first, value.find_last_not_of(' ') - first + 1);
}

bool is_date_bound(const std::string& value) {
    static constexpr std::array<std::string_view, 3> kShapes = {"dddd", "dddd-dd", "dddd-dd-dd"};
    return std::any_of(kShapes.begin(), kShapes.end(), [&](std::string_view shape) {
        if (shape.size() != value.size()) return false;
        for (std::size_t i = 0; i < shape.size(); ++i) {
            const bool digit = value[i] >= '0' && value[i] <= '9';
            if (shape[i] == 'd' ? !digit : value[i] != '-') return false;
        }
        return true;
    });
}

std::string param(const Target& target, const std::string& name) {
    auto it = target.params.find(name);
    return it == target.params.end() ? std::string() : it->second;
}

Filters read_filters(const Target& target) {
    Filters filters;
    filters.source = clean_filter_value(param(target, "source"));
    filters.place = clean_filter_value(param(target, "place"));
    filters.from = param(target, "from");
    filters.to = param(target, "to");
    if (!is_date_bound(filters.from)) filters.from.clear();
    if (!is_date_bound(filters.to)) filters.to.clear();
    return filters;
}

// " source:«Sputnik» date:2020..2021", to append to the typed words.
std::string filter_syntax(const Filters& filters) {
    std::string out;
    if (!filters.source.empty()) out += " source:«" + filters.source + "»";
    if (!filters.place.empty()) out += " place:«" + filters.place + "»";
    if (!filters.from.empty() || !filters.to.empty()) out += " date:" + filters.from + ".." + filters.to;
    return out;
}

std::string page_link(const std::string& base, const PageQuery& query, long offset = 0) {
    std::string link = base + "?q=" + percent_encode(query.text);
    const Filters& f = query.filters;
    for (const auto& [name, value] : {std::pair{"source", &f.source}, std::pair{"place", &f.place},
                                      std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
        if (!value->empty()) link += std::string("&") + name + "=" + percent_encode(*value);
    }
    if (offset > 0) link += "&offset=" + std::to_string(offset);
    return link;
}

std::string search_link(const PageQuery& query, long offset = 0) { return page_link("/search", query, offset); }

// The "Цитаты" view of the search page: quotations matching the words,
// optionally by one speaker (`speaker=`).
std::string quotes_link(const std::string& words, const std::string& speaker, long offset = 0) {
    std::string link = "/search?view=quotes&q=" + percent_encode(words);
    if (!speaker.empty()) link += "&speaker=" + percent_encode(speaker);
    if (offset > 0) link += "&offset=" + std::to_string(offset);
    return link;
}

// An attribute value: href="..." with the text escaped.
std::string href(const std::string& link) { return "href=\"" + html_escape(link) + "\""; }

std::string ru_date(const std::string& date) {
    static constexpr std::array<const char*, 12> kMonths = {"января", "февраля", "марта",    "апреля",
                                                            "мая",    "июня",    "июля",     "августа",
                                                            "сентября", "октября", "ноября", "декабря"};
    if (!is_date_bound(date) || date.size() != 10) return date;
    const int month = std::stoi(date.substr(5, 2));
    if (month < 1 || month > 12) return date;
    return std::to_string(std::stoi(date.substr(8, 2))) + " " + kMonths[month - 1] + " " + date.substr(0, 4);
}

std::string ru_month(const std::string& year_month) {
    static constexpr std::array<const char*, 12> kMonths = {"январь", "февраль", "март",     "апрель",
                                                            "май",    "июнь",    "июль",     "август",
                                                            "сентябрь", "октябрь", "ноябрь", "декабрь"};
    const int month = year_month.size() == 7 ? std::atoi(year_month.c_str() + 5) : 0;
    if (month < 1 || month > 12) return year_month;
    return std::string(kMonths[month - 1]) + " " + year_month.substr(0, 4);
}

std::string plural(Xapian::doccount n, const char* one, const char* few, const char* many) {
    const unsigned last = n % 10, last_two = n % 100;
    if (last == 1 && last_two != 11) return one;
    if (last >= 2 && last <= 4 && (last_two < 12 || last_two > 14)) return few;
    return many;
}

constexpr const char* kHelp = R"html(<details class="help" id="help"%OPEN%><summary>Как искать</summary><ul>
<li><code>Казакбаев Лавров</code> — статьи, где есть оба слова в любой форме: «Лавров» найдёт «Лаврова» и «Лавровым».</li>
<li><code>«стратегическое партнерство»</code> — точная фраза; подойдут любые кавычки: «», „“, "" и ''.</li>
<li><code>-Путин</code> или <code>NOT Путин</code> — без этого слова; <code>Путин OR Жапаров</code> — любое из слов.</li>
<li><code>интеграц*</code> — слова, начинающиеся так.</li>
<li><code>title:Лавров</code> — слово в заголовке; <code>title:"визит в Москву"</code> — фраза в заголовке.</li>
<li><code>speaker:Лавров</code> — статьи, где цитируют этого человека; цитаты видны в статье.</li>
<li>Вкладка «Цитаты» ищет слова среди цитат и показывает, кто их сказал, с готовой строкой для цитирования.</li>
<li><code>source:Sputnik</code>, <code>place:Бишкек</code>, <code>date:2021-05</code>, <code>date:2020..2021</code> — фильтры;
то же делают списки справа.</li>
<li>Буквы «е» и «ё» не различаются; имена можно писать латиницей: <code>Lavrov</code>.</li>
<li>Клавиша <kbd>/</kbd> ставит курсор в строку поиска.</li></ul></details>)html";

std::string help(bool open) {
    std::string out = kHelp;
    out.replace(out.find("%OPEN%"), 6, open ? " open" : "");
    return out;
}

std::string hidden_filter_inputs(const Filters& filters) {
    std::string out;
    for (const auto& [name, value] : {std::pair{"source", &filters.source}, std::pair{"place", &filters.place},
                                      std::pair{"from", &filters.from}, std::pair{"to", &filters.to}}) {
        if (!value->empty()) {
            out += "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" + html_escape(*value) + "\">";
        }
    }
    return out;
}

struct Page {
    std::string title;
    PageQuery query;
    std::string main;
    std::string aside;  // the filter column, or "" for none
    bool quotes_view = false;  // the search box searches quotations
};

std::string render(const Page& page) {
    std::string out;
    out.reserve(page.main.size() + page.aside.size() + 4096);
    out += "<!doctype html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta name=\"referrer\" content=\"no-referrer\">";
    out += "<title>" + html_escape(page.title) + "</title>";
    out += "<link rel=\"stylesheet\" href=\"/assets/style.css\"><script src=\"/assets/app.js\" defer></script>";
    out += "</head><body><header><form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"
           "<a class=\"logo\" href=\"/\">Поиск по новостям</a><span class=\"box\">"
           "<input type=\"search\" id=\"q\" name=\"q\" aria-label=\"Запрос\" autocomplete=\"off\" "
           "placeholder=\"Например: Казакбаев Лавров\" value=\"";
    out += html_escape(page.query.text);
    out += "\"><button type=\"submit\">Найти</button></span>";
    out += hidden_filter_inputs(page.query.filters);
    if (page.quotes_view) out += "<input type=\"hidden\" name=\"view\" value=\"quotes\">";
    out += "<span class=\"shortcut\"><kbd>/</kbd> — к поиску</span></form></header>";
    out += page.aside.empty() ? "<div class=\"layout no-aside\"><main>" : "<div class=\"layout\"><main>";
    out += page.main;
    out += "</main>";
    if (!page.aside.empty()) out += "<aside class=\"filters\" id=\"filters\">" + page.aside + "</aside>";
    out += "</div></body></html>\n";
    return out;
}

std::string meta_line(const core::Article& a) {
    std::string out = "<div class=\"meta\">";
    if (!a.source.empty()) out += "<span class=\"source\">" + html_escape(a.source) + "</span>";
    if (!a.place.empty()) out += "<span class=\"place\">" + html_escape(a.place) + "</span>";
    if (!a.date.empty()) {
        out += "<span><time datetime=\"" + html_escape(a.date) + "\">" + html_escape(ru_date(a.date)) + "</time></span>";
    }
    return out + "</div>";
}

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

// «перепечатка», «перепечатки», «перепечаток» after a count.
std::string reprints_word(std::uint64_t n) {
    if (n % 10 == 1 && n % 100 != 11) return "перепечатка";
    if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return "перепечатки";
    return "перепечаток";
}

// «ещё 3 перепечатки · первым: ТАСС, 5 марта 2024» under a hit that stands for a cluster,
// linking to its article page, which lists the copies.
std::string reprints_line(const core::SearchHit& hit, const PageQuery& query) {
    if (!hit.first) return {};
    const core::Copy& first = *hit.first;
    std::string out = "<p class=\"reprints meta\">";
    if (hit.reprints > 0) {
        out += "<a " + href(page_link("/doc/" + percent_encode(hit.article.id), query) + "#reprints") + ">ещё " +
               std::to_string(hit.reprints) + " " + reprints_word(hit.reprints) + "</a> · ";
    }
    out += "первым: " + html_escape(first.source.empty() ? first.id : first.source);
    if (!first.date.empty()) out += ", " + html_escape(ru_date(first.date));
    return out + "</p>";
}

// The article's copies, earliest first, on its page.
std::string reprints_section(const core::ArticleView& view) {
    if (view.reprints.empty()) return {};
    std::string out = "<section id=\"reprints\"><h2>Перепечатки (" + std::to_string(view.reprints.size()) + ")</h2><ol>";
    for (const core::Copy& copy : view.reprints) {
        out += "<li><a " + href("/doc/" + percent_encode(copy.id)) + ">" + html_escape(copy.title.empty() ? copy.id : copy.title) +
               "</a> <span class=\"meta\">" + html_escape(copy.source) + (copy.date.empty() ? "" : ", " + html_escape(ru_date(copy.date))) +
               "</span></li>";
    }
    return out + "</ol></section>";
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

// The chosen filters as chips; each link removes its filter.
std::string active_filters(const PageQuery& query) {
    const Filters& f = query.filters;
    if (f.empty()) return {};
    std::string out = "<div class=\"chips\" id=\"active-filters\">";
    auto chip = [&](const char* label, const std::string& value, Filters without) {
        out += "<a class=\"chip\" title=\"Убрать фильтр\" " + href(search_link({query.text, without})) + ">" + label +
               ": <b>" + html_escape(value) + "</b> ✕</a>";
    };
    if (!f.source.empty()) chip("Источник", f.source, Filters{"", f.place, f.from, f.to});
    if (!f.place.empty()) chip("Место", f.place, Filters{f.source, "", f.from, f.to});
    if (!f.from.empty() || !f.to.empty()) {
        const std::string range = f.from == f.to ? f.from : (f.from.empty() ? "…" : f.from) + " — " + (f.to.empty() ? "…" : f.to);
        chip("Дата", range, Filters{f.source, f.place, "", ""});
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
    out += hidden_filter_inputs(Filters{f.source, f.place, "", ""});
    out += "<label for=\"from\">с</label>" + date_input("from", f.from);
    out += "<label for=\"to\">по</label>" + date_input("to", f.to);
    return out + "<button type=\"submit\" class=\"secondary\">Показать</button></form>";
}

std::string filter_column(const core::Facets& facets, const PageQuery& query) {
    const Filters& f = query.filters;
    std::string lists;
    lists += facet_list("Источник", "facet-source", facets.sources, f.source, query,
                        [](Filters& x, const std::string& v) { x.source = v; }, same);
    lists += facet_list("Место", "facet-place", facets.places, f.place, query,
                        [](Filters& x, const std::string& v) { x.place = v; }, same);
    // Years while the matches span several, then the months of the one year.
    const bool one_year = facets.years.size() == 1;
    const std::string chosen_date = f.from == f.to ? f.from : std::string();
    if (!one_year) {
        lists += facet_list("Год", "facet-year", facets.years, chosen_date, query,
                            [](Filters& x, const std::string& v) { x.from = x.to = v; }, same);
    } else {
        std::vector<core::FacetValue> months = facets.months;
        std::reverse(months.begin(), months.end());  // the latest first
        lists += facet_list("Месяц", "facet-month", months, chosen_date, query,
                            [](Filters& x, const std::string& v) { x.from = x.to = v; }, ru_month);
    }
    if (lists.empty() && f.empty()) return {};
    std::string out = "<details open><summary>Фильтры</summary>" + lists + date_form(query);
    if (!facets.complete) {
        out += "<p class=\"note\">Числа — по первым " + std::to_string(facets.counted) + " найденным статьям.</p>";
    }
    return out + "</details>";
}

std::string took_text(std::chrono::steady_clock::time_point started) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", ms);
    return text;
}

// Xapian's suggestion covers the whole query, filters included: keep the
// typed part, and the filters as they are.
PageQuery suggested_query(const std::string& suggestion, const PageQuery& query) {
    const std::string suffix = filter_syntax(query.filters);
    if (suffix.size() <= suggestion.size() && suggestion.compare(suggestion.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return {suggestion.substr(0, suggestion.size() - suffix.size()), query.filters};
    }
    return {suggestion, {}};
}

std::string home_page_content() {
    std::string out = "<p class=\"summary\">Поиск по архиву новостей: имена в любом падеже, фразы, фильтры по "
                      "источнику, месту и дате.</p>";
    out += "<p>Например: <a href=\"/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BA%D0%B1%D0%B0%D0%B5%D0%B2+%D0%9B%D0%B0%D0%B2"
           "%D1%80%D0%BE%D0%B2\">Казакбаев Лавров</a></p>";
    return out + help(true);
}

// The article's attributed quotations, each with its speaker; a speaker's
// name links to every article quoting them (the speaker: filter).
std::string quotations_section(const core::ArticleView& view) {
    if (view.article.quotes.empty()) return {};
    std::string out = "<section class=\"quotes\" id=\"quotes\"><h2>Цитаты</h2><ul>";
    for (const core::Quotation& quote : view.article.quotes) {
        out += "<li><q>" + html_escape(quote.text) + "</q> — ";
        const std::string who = quote.speaker_full.empty() ? quote.speaker : quote.speaker_full;
        if (!quote.speaker.empty()) {
            out += "<a class=\"speaker\" " + href(search_link({"speaker:«" + quote.speaker + "»", {}})) + ">" +
                   html_escape(who) + "</a>";
        }
        if (!quote.speaker_title.empty()) {
            out += (quote.speaker.empty() ? "" : ", ") + std::string("<span class=\"meta\">") +
                   html_escape(quote.speaker_title) + "</span>";
        }
        out += "</li>";
    }
    return out + "</ul></section>";
}

std::string citation_text(const core::Article& a) {
    std::string out = "«" + a.title + "»";
    std::string details;
    for (const std::string& part : {a.source, a.place, ru_date(a.date)}) {
        if (part.empty()) continue;
        if (!details.empty()) details += ", ";
        details += part;
    }
    if (!details.empty()) out += " // " + details;
    out += a.url.empty() ? "." : ". " + a.url;
    return out;
}

std::string paragraphs(const std::string& html) {
    std::string out = "<div class=\"text\"><p>";
    for (char c : html) {
        if (c == '\n') out += "</p><p>";
        else out.push_back(c);
    }
    return out + "</p></div>";
}

std::size_t count_marks(const std::string& html) {
    std::size_t n = 0;
    for (std::size_t at = html.find("<mark"); at != std::string::npos; at = html.find("<mark", at + 5)) ++n;
    return n;
}

bool is_web_link(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

// "Статьи | Цитаты": the same words searched in articles or in quotations.
std::string view_tabs(const PageQuery& query, bool quotes_view) {
    std::string out = "<nav class=\"chips\" id=\"views\" aria-label=\"Что искать\">";
    out += quotes_view ? "<a class=\"chip\" " + href(search_link(query)) + ">Статьи</a><span class=\"chip active\">Цитаты</span>"
                       : "<span class=\"chip active\">Статьи</span><a class=\"chip\" id=\"quotes-view\" " +
                             href(quotes_link(query.text, "")) + ">Цитаты</a>";
    return out + "</nav>";
}

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

Reply quotes_page(const Target& target, const PageQuery& query, IndexHandle& index) {
    auto parsed = parse_search_request(target, false);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_page(error->status, error->message);
    const core::SearchRequest search = std::get<core::SearchRequest>(parsed);
    core::QuoteRequest request;
    request.query = search.query;
    request.limit = search.limit;
    request.offset = search.offset;
    request.speaker = clean_filter_value(param(target, "speaker"));
    const bool blank = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank && request.speaker.empty()) {
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

}  // namespace

Reply error_page(int status, const std::string& message) {
    return Reply{status, kHtml, render(Page{"Ошибка", {}, "<p class=\"error\">" + html_escape(message) + "</p>", ""})};
}

Reply search_page(const Target& target, IndexHandle& index) {
    const auto started = std::chrono::steady_clock::now();
    PageQuery query{param(target, "q"), read_filters(target)};
    if (param(target, "view") == "quotes") return quotes_page(target, PageQuery{query.text, {}}, index);
    Target effective = target;
    effective.params["q"] = query.text + filter_syntax(query.filters);
    auto parsed = parse_search_request(effective, false);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_page(error->status, error->message);
    core::SearchRequest request = std::get<core::SearchRequest>(parsed);
    const bool blank = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank) return Reply{200, kHtml, render(Page{"Поиск по новостям", query, home_page_content(), ""})};

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

Reply article_page(const std::string& id, const Target& target, IndexHandle& index) {
    if (!is_valid_article_id(id)) return error_page(400, "Неверный идентификатор статьи.");
    PageQuery query{param(target, "q"), read_filters(target)};
    if (!core::is_valid_utf8(query.text) || core::utf8_length(query.text) > kMaxQueryChars) query.text.clear();
    const auto view = index.run([&](core::Searcher& s) { return s.article(id, query.text); });
    if (!view) return error_page(404, "Статья " + id + " не найдена.");
    const core::Article& a = view->article;

    std::string content = "<article>";
    if (!query.text.empty() || !query.filters.empty()) {
        content += "<p class=\"backlink\"><a id=\"back\" " + href(search_link(query)) + ">← К результатам</a></p>";
    }
    content += "<h1>" + (view->title_html.empty() ? html_escape(a.id) : view->title_html) + "</h1>" + meta_line(a);
    if (is_web_link(a.url)) {
        content += "<p class=\"meta\"><a " + href(a.url) + " rel=\"noopener noreferrer\">" + html_escape(a.url) + "</a></p>";
    }
    content += "<div class=\"actions\">";
    const std::size_t marks = count_marks(view->title_html) + count_marks(view->text_html);
    if (view->text_html.find("id=\"first-match\"") != std::string::npos) {
        content += "<a class=\"button secondary\" id=\"jump\" href=\"#first-match\">↓ К первому совпадению</a>";
    }
    if (marks > 0) {
        content += "<span class=\"meta\">Совпадений: " + std::to_string(marks) + "</span>";
    }
    if (!a.quotes.empty()) {
        content += "<a class=\"button secondary\" href=\"#quotes\">Цитаты (" + std::to_string(a.quotes.size()) + ") ↓</a>";
    }
    content += "<button type=\"button\" class=\"secondary\" id=\"copy-citation\" hidden>Скопировать цитату</button>"
               "<span class=\"copied\" id=\"copy-status\" role=\"status\"></span></div>";
    content += "<details class=\"citation\"><summary>Ссылка для цитирования</summary><textarea id=\"citation-text\" "
               "rows=\"3\" readonly>" + html_escape(citation_text(a)) + "</textarea></details>";
    content += paragraphs(view->text_html) + quotations_section(*view) + reprints_section(*view) + "</article>";
    return Reply{200, kHtml, render(Page{a.title.empty() ? a.id : a.title, query, content, ""})};
}

Reply asset(const std::string& name) {
    if (name == "style.css") return Reply{200, "text/css; charset=utf-8", core::data::kStyleCss};
    if (name == "app.js") return Reply{200, "text/javascript; charset=utf-8", core::data::kAppJs};
    return Reply{404, "text/plain; charset=utf-8", "no such asset\n"};
}

}  // namespace server
