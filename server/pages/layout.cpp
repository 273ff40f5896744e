#include "server/pages.h"
#include "server/pages/parts.h"

namespace server {
namespace pages {
namespace {

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

void hidden_filter_inputs(Html& out, const Filters& filters) {
    for (const auto& [name, value] : {std::pair{"source", &filters.source}, std::pair{"place", &filters.place},
                                      std::pair{"from", &filters.date_from}, std::pair{"to", &filters.date_to}}) {
        if (!value->empty()) out.open("input").attr("type", "hidden").attr("name", name).attr("value", *value);
    }
}

void help(Html& out, bool open) {
    std::string text = kHelp;
    text.replace(text.find("%OPEN%"), 6, open ? " open" : "");
    out.raw(text);  // a fixed block of markup, nothing from outside
}

std::string render(Page& page) {
    Html out;
    out.raw("<!doctype html>").text("\n");
    out.open("html").attr("lang", "ru").open("head").open("meta").attr("charset", "utf-8");
    out.open("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    out.open("meta").attr("name", "referrer").attr("content", "no-referrer");
    out.open("title").text(page.title).close("title");
    out.open("link").attr("rel", "stylesheet").attr("href", "/assets/style.css");
    out.open("script").attr("src", "/assets/app.js").attr("defer").close("script");
    out.close("head").open("body").open("header");
    out.open("form").attr("class", "search").attr("action", "/search").attr("method", "get").attr("role", "search");
    out.open("a").attr("class", "logo").attr("href", "/").text("Поиск по новостям").close("a");
    out.open("span").attr("class", "box");
    out.open("input").attr("type", "search").attr("id", "q").attr("name", "q").attr("aria-label", "Запрос");
    out.attr("autocomplete", "off").attr("placeholder", "Например: Казакбаев Лавров").attr("value", page.query.text);
    out.open("button").attr("type", "submit").text("Найти").close("button").close("span");
    hidden_filter_inputs(out, page.query.filters);
    if (page.quotes_view) out.open("input").attr("type", "hidden").attr("name", "view").attr("value", "quotes");
    out.open("span").attr("class", "shortcut").open("kbd").text("/").close("kbd").text(" — к поиску").close("span");
    out.close("form").close("header");
    out.open("div").attr("class", page.aside.empty() ? "layout no-aside" : "layout").open("main");
    out.append(page.main).close("main");
    if (!page.aside.empty()) out.open("aside").attr("class", "filters").attr("id", "filters").append(page.aside).close("aside");
    out.close("div").close("body").close("html").text("\n");
    return out.str();
}

void meta_line(Html& out, const core::Article& a) {
    out.open("div").attr("class", "meta");
    if (!a.source.empty()) out.open("span").attr("class", "source").text(a.source).close("span");
    if (!a.place.empty()) out.open("span").attr("class", "place").text(a.place).close("span");
    if (!a.date.empty()) {
        out.open("span").open("time").attr("datetime", a.date).text(ru_date(a.date)).close("time").close("span");
    }
    out.close("div");
}

void home_page_content(Html& out) {
    out.open("p").attr("class", "summary");
    out.text("Поиск по архиву новостей: имена в любом падеже, фразы, фильтры по источнику, месту и дате.").close("p");
    out.open("p").text("Например: ").open("a");
    out.attr("href", "/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BA%D0%B1%D0%B0%D0%B5%D0%B2+%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2");
    out.text("Казакбаев Лавров").close("a").close("p");
    help(out, true);
}

void view_tabs(Html& out, const PageQuery& query, bool quotes_view) {
    out.open("nav").attr("class", "chips").attr("id", "views").attr("aria-label", "Что искать");
    if (quotes_view) {
        out.open("a").attr("class", "chip").attr("href", search_link(query)).text("Статьи").close("a");
        out.open("span").attr("class", "chip active").text("Цитаты").close("span");
    } else {
        out.open("span").attr("class", "chip active").text("Статьи").close("span");
        out.open("a").attr("class", "chip").attr("id", "quotes-view").attr("href", quotes_link(query.text, ""));
        out.text("Цитаты").close("a");
    }
    out.close("nav");
}

}  // namespace pages

Reply error_page(int status, const std::string& message) {
    pages::Page page{"Ошибка", {}, {}, {}};
    page.main.open("p").attr("class", "error").text(message).close("p");
    return Reply{status, pages::kHtml, pages::render(page)};
}

}  // namespace server
