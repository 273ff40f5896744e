#include "server/pages.h"

#include "core/text.h"
#include "server/api.h"

#include <chrono>
#include <cstdio>
#include <variant>

namespace server {
namespace {

using core::html_escape;

constexpr const char* kStyle = R"css(
:root { --accent: #1a56a8; --muted: #666; --mark: #ffe58a; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d1d1d; background: #fafafa; }
header { background: #fff; border-bottom: 1px solid #ddd; padding: 12px 16px; }
header a.logo { font-weight: 700; color: var(--accent); text-decoration: none; margin-right: 12px; }
form.search { display: flex; gap: 8px; max-width: 820px; flex-wrap: wrap; align-items: center; }
form.search input[type=search] { flex: 1 1 300px; font-size: 18px; padding: 8px 10px; border: 1px solid #bbb; border-radius: 6px; }
form.search button { font-size: 17px; padding: 8px 16px; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
main { max-width: 820px; padding: 8px 16px 40px; }
.summary { color: var(--muted); margin: 12px 0; }
.suggestion { margin: 12px 0; font-size: 17px; }
ol.results { list-style: none; padding: 0; margin: 0; }
ol.results li { margin: 0 0 22px; }
.result h2 { font-size: 19px; font-weight: 600; margin: 0 0 4px; }
.result h2 a { color: var(--accent); text-decoration: none; }
.result h2 a:hover { text-decoration: underline; }
.meta { color: var(--muted); font-size: 14px; }
.meta span + span::before { content: " · "; }
.snippet { margin: 4px 0 0; }
mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; }
nav.pages { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 24px; }
nav.pages a, nav.pages span { padding: 4px 10px; border: 1px solid #ccc; border-radius: 4px; text-decoration: none; color: var(--accent); }
nav.pages span.current { background: var(--accent); color: #fff; border-color: var(--accent); }
details.help { margin: 16px 0; color: #333; }
details.help code { background: #eee; padding: 0 4px; border-radius: 3px; }
article h1 { font-size: 26px; line-height: 1.25; }
article p { margin: 0 0 12px; }
.error { color: #a00; }
@media (max-width: 600px) { body { font-size: 15px; } .result h2 { font-size: 17px; } }
)css";

constexpr const char* kHelp = R"html(<details class="help"><summary>Как искать</summary><ul>
<li><code>Казакбаев Лавров</code> — статьи, где есть оба слова в любой форме: «Лавров» найдёт «Лаврова» и «Лавровым».</li>
<li><code>«стратегическое партнерство»</code> — точная фраза; подойдут кавычки «», „“, "" и ''.</li>
<li><code>Путин OR Жапаров</code> — любое из слов; <code>NOT</code> или <code>-слово</code> — исключить слово.</li>
<li><code>интеграц*</code> — слова, начинающиеся так; <code>title:Лавров</code> — только в заголовке.</li>
<li><code>source:Sputnik</code>, <code>place:Бишкек</code>, <code>date:2021-05</code>, <code>date:2020..2021</code> — фильтры.</li>
<li>Буквы «е» и «ё» не различаются; имена можно писать латиницей: <code>Lavrov</code>.</li></ul></details>)html";

std::string page(const std::string& title, const std::string& query, const std::string& content) {
    std::string out;
    out.reserve(content.size() + 4096);
    out += "<!doctype html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    out += "<title>" + html_escape(title) + "</title><style>" + kStyle + "</style></head><body>";
    out += "<header><form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"
           "<a class=\"logo\" href=\"/\">Поиск по новостям</a>"
           "<input type=\"search\" name=\"q\" autofocus aria-label=\"Запрос\" placeholder=\"Например: Казакбаев Лавров\" value=\"";
    out += html_escape(query);
    out += "\"><button type=\"submit\">Найти</button></form></header><main>";
    out += content;
    out += "</main></body></html>\n";
    return out;
}

std::string search_link(const std::string& query, long offset) {
    std::string link = "/search?q=" + percent_encode(query);
    if (offset > 0) link += "&offset=" + std::to_string(offset);
    return link;
}

std::string plural_results(Xapian::doccount n) {
    const unsigned last = n % 10, last_two = n % 100;
    if (last == 1 && last_two != 11) return "результат";
    if (last >= 2 && last <= 4 && (last_two < 12 || last_two > 14)) return "результата";
    return "результатов";
}

std::string meta_line(const core::Article& a) {
    std::string out = "<div class=\"meta\">";
    for (const std::string* field : {&a.source, &a.place, &a.date}) {
        if (!field->empty()) out += "<span>" + html_escape(*field) + "</span>";
    }
    return out + "</div>";
}

std::string result_item(const core::SearchHit& hit, const std::string& query) {
    const std::string link = "/doc/" + percent_encode(hit.article.id) + "?q=" + percent_encode(query);
    std::string out = "<li class=\"result\"><h2><a href=\"" + html_escape(link) + "\">";
    out += hit.title_html.empty() ? html_escape(hit.article.id) : hit.title_html;
    out += "</a></h2>" + meta_line(hit.article);
    out += "<p class=\"snippet\">" + hit.snippet_html + "</p></li>";
    return out;
}

std::string pagination(const std::string& query, const core::SearchRequest& request, Xapian::doccount total) {
    if (total <= request.limit || request.limit == 0) return {};
    const long limit = request.limit;
    const long current = static_cast<long>(request.offset) / limit;
    const long last = std::min<long>((static_cast<long>(total) - 1) / limit, kMaxOffset / limit);
    std::string out = "<nav class=\"pages\" aria-label=\"Страницы\">";
    if (current > 0) out += "<a rel=\"prev\" href=\"" + html_escape(search_link(query, (current - 1) * limit)) + "\">← Назад</a>";
    for (long p = std::max(0L, current - 4); p <= std::min(last, current + 4); ++p) {
        if (p == current) out += "<span class=\"current\">" + std::to_string(p + 1) + "</span>";
        else out += "<a href=\"" + html_escape(search_link(query, p * limit)) + "\">" + std::to_string(p + 1) + "</a>";
    }
    if (current < last) out += "<a rel=\"next\" href=\"" + html_escape(search_link(query, (current + 1) * limit)) + "\">Дальше →</a>";
    return out + "</nav>";
}

std::string paragraphs(const std::string& html) {
    std::string out = "<p>";
    for (char c : html) {
        if (c == '\n') out += "</p><p>";
        else out.push_back(c);
    }
    return out + "</p>";
}

}  // namespace

Reply error_page(int status, const std::string& message) {
    return Reply{status, "text/html; charset=utf-8",
                 page("Ошибка", "", "<p class=\"error\">" + html_escape(message) + "</p>")};
}

Reply search_page(const Target& target, IndexHandle& index) {
    const auto started = std::chrono::steady_clock::now();
    auto parsed = parse_search_request(target, false);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_page(error->status, error->message);
    const core::SearchRequest& request = std::get<core::SearchRequest>(parsed);
    const bool blank = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank) return Reply{200, "text/html; charset=utf-8", page("Поиск по новостям", "", kHelp)};

    const core::SearchResult result = index.run([&](core::Searcher& s) { return s.search(request); });
    const double took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();

    std::string content;
    if (!result.suggestion.empty()) {
        content += "<p class=\"suggestion\">Возможно, вы имели в виду: <a id=\"suggestion\" href=\"" +
                   html_escape(search_link(result.suggestion, 0)) + "\">" + html_escape(result.suggestion) +
                   "</a></p>";
    }
    char took[32];
    std::snprintf(took, sizeof took, "%.1f", took_ms);
    content += "<p class=\"summary\" id=\"summary\">Найдено: " + std::to_string(result.total) + " " +
               plural_results(result.total) + " за " + took + " мс</p>";
    if (result.relaxed) content += "<p class=\"summary\">Нет статей со всеми словами запроса; показаны статьи с частью слов.</p>";
    if (result.hits.empty()) content += "<p>Ничего не найдено. Проверьте написание или уберите часть слов.</p>";
    content += "<ol class=\"results\">";
    for (const core::SearchHit& hit : result.hits) content += result_item(hit, request.query);
    content += "</ol>" + pagination(request.query, request, result.total) + kHelp;
    return Reply{200, "text/html; charset=utf-8", page(request.query + " — поиск по новостям", request.query, content)};
}

Reply article_page(const std::string& id, const Target& target, IndexHandle& index) {
    if (!is_valid_article_id(id)) return error_page(400, "Неверный идентификатор статьи.");
    auto q = target.params.find("q");
    std::string query = q == target.params.end() ? std::string() : q->second;
    if (!core::is_valid_utf8(query) || core::utf8_length(query) > kMaxQueryChars) query.clear();
    const auto view = index.run([&](core::Searcher& s) { return s.article(id, query); });
    if (!view) return error_page(404, "Статья " + id + " не найдена.");

    std::string content = "<article><p><a href=\"" + html_escape(search_link(query, 0)) + "\">← К результатам</a>";
    if (view->text_html.find("id=\"first-match\"") != std::string::npos) {
        content += " · <a href=\"#first-match\">К первому совпадению</a>";
    }
    content += "</p><h1>" + view->title_html + "</h1>" + meta_line(view->article);
    const std::string& url = view->article.url;
    if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) {
        content += "<p class=\"meta\"><a href=\"" + html_escape(view->article.url) + "\" rel=\"noopener noreferrer\">" +
                   html_escape(view->article.url) + "</a></p>";
    }
    content += paragraphs(view->text_html) + "</article>";
    return Reply{200, "text/html; charset=utf-8", page(view->article.title, query, content)};
}

}  // namespace server
