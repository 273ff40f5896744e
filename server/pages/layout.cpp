#include "core/text.h"
#include "server/pages.h"
#include "server/pages/parts.h"

namespace server {
namespace pages {
namespace {

using core::html_escape;

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

}  // namespace

std::string hidden_filter_inputs(const Filters& filters) {
    std::string out;
    for (const auto& [name, value] : {std::pair{"source", &filters.source}, std::pair{"place", &filters.place},
                                      std::pair{"from", &filters.date_from}, std::pair{"to", &filters.date_to}}) {
        if (!value->empty()) {
            out += "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" + html_escape(*value) + "\">";
        }
    }
    return out;
}

std::string help(bool open) {
    std::string out = kHelp;
    out.replace(out.find("%OPEN%"), 6, open ? " open" : "");
    return out;
}

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

std::string home_page_content() {
    std::string out = "<p class=\"summary\">Поиск по архиву новостей: имена в любом падеже, фразы, фильтры по "
                      "источнику, месту и дате.</p>";
    out += "<p>Например: <a href=\"/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BA%D0%B1%D0%B0%D0%B5%D0%B2+%D0%9B%D0%B0%D0%B2"
           "%D1%80%D0%BE%D0%B2\">Казакбаев Лавров</a></p>";
    return out + help(true);
}

std::string view_tabs(const PageQuery& query, bool quotes_view) {
    std::string out = "<nav class=\"chips\" id=\"views\" aria-label=\"Что искать\">";
    out += quotes_view ? "<a class=\"chip\" " + href(search_link(query)) + ">Статьи</a><span class=\"chip active\">Цитаты</span>"
                       : "<span class=\"chip active\">Статьи</span><a class=\"chip\" id=\"quotes-view\" " +
                             href(quotes_link(query.text, "")) + ">Цитаты</a>";
    return out + "</nav>";
}

}  // namespace pages

Reply error_page(int status, const std::string& message) {
    const std::string text = "<p class=\"error\">" + core::html_escape(message) + "</p>";
    return Reply{status, pages::kHtml, pages::render(pages::Page{"Ошибка", {}, text, ""})};
}

}  // namespace server
