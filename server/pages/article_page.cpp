// The article page: the whole text with every match highlighted, its
// quotations and a citation line.
#include "core/text.h"
#include "server/pages.h"
#include "server/pages/parts.h"
#include "server/url.h"

namespace server {
namespace {

using namespace pages;
using core::html_escape;

// The article's copies, earliest first.
std::string reprints_section(const core::ArticleView& view) {
    if (view.reprints.empty()) return {};
    std::string out = "<section id=\"reprints\"><h2>Перепечатки (" + std::to_string(view.reprints.size()) + ")</h2><ol>";
    for (const core::Copy& copy : view.reprints) {
        out += "<li><a " + href("/doc/" + percent_encode(copy.id)) + ">" +
               html_escape(copy.title.empty() ? copy.id : copy.title) + "</a> <span class=\"meta\">" +
               html_escape(copy.source) + (copy.date.empty() ? "" : ", " + html_escape(ru_date(copy.date))) +
               "</span></li>";
    }
    return out + "</ol></section>";
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

}  // namespace

Reply article_page(const Request& http, IndexHandle& index) {
    const std::string& id = http.path_value;
    if (!is_valid_article_id(id)) return error_page(400, "Неверный идентификатор статьи.");
    PageQuery query{http.param("q"), read_filters(http)};
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

}  // namespace server
