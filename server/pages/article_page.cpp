// The article page: the whole text with every match highlighted, its
// quotations and a citation line.
#include "core/related.h"
#include "core/text.h"
#include "server/pages.h"
#include "server/pages/parts.h"
#include "server/url.h"

namespace server {
namespace {

using namespace pages;

void sentence_list(Html& out, const char* heading, const std::vector<std::string>& sentences) {
    if (sentences.empty()) return;
    out.open("p").text(heading).close("p").open("ul");
    for (const std::string& sentence : sentences) out.open("li").text(sentence).close("li");
    out.close("ul");
}

// How a copy differs from this article: the sentences it added and left out.
void copy_differences(Html& out, const core::CopyDiff& diff) {
    if (diff.added.empty() && diff.missing.empty()) {
        out.text(" · ").open("span").attr("class", "meta same-text").text("тот же текст").close("span");
        return;
    }
    out.open("details").attr("class", "copy-diff").open("summary").text("Отличия: ");
    out.text("+").text(static_cast<long long>(diff.added.size())).text(" / −");
    out.text(static_cast<long long>(diff.missing.size())).text(" " + plural(diff.missing.size(), "предложение", "предложения", "предложений"));
    out.close("summary");
    sentence_list(out, "Есть только в копии:", diff.added);
    sentence_list(out, "Нет в копии:", diff.missing);
    out.close("details");
}

// The article's copies, earliest first, each with how it differs.
void reprints_section(Html& out, const core::ArticleView& view) {
    if (view.reprints.empty()) return;
    out.open("section").attr("id", "reprints").open("h2").text("Перепечатки (");
    out.text(static_cast<long long>(view.reprints.size())).text(")").close("h2").open("ol");
    for (std::size_t i = 0; i < view.reprints.size(); ++i) {
        const core::Copy& copy = view.reprints[i];
        out.open("li").open("a").attr("href", "/doc/" + percent_encode(copy.id));
        out.text(copy.title.empty() ? copy.id : copy.title).close("a").text(" ");
        out.open("span").attr("class", "meta").text(copy.source);
        if (!copy.date.empty()) out.text(", ").text(ru_date(copy.date));
        out.close("span");
        if (i < view.differences.size()) copy_differences(out, view.differences[i]);
        out.close("li");
    }
    out.close("ol").close("section");
}

constexpr Xapian::doccount kRelatedShown = 5;

// «Похожие»: other stories on the same subject, one article each (its own
// copies are listed under «Перепечатки»). None over an index without term lists.
std::vector<core::RelatedArticle> related_to(IndexHandle& index, const std::string& id) {
    try {
        auto related = index.run([&](core::Searcher& s) { return core::related_articles(s.database(), id, kRelatedShown); });
        return related ? std::move(*related) : std::vector<core::RelatedArticle>{};
    } catch (const core::NoTermLists&) {
        return {};
    }
}

void related_section(Html& out, const std::vector<core::RelatedArticle>& related) {
    if (related.empty()) return;
    out.open("section").attr("id", "related").open("h2").text("Похожие").close("h2").open("ol");
    for (const core::RelatedArticle& r : related) {
        out.open("li").open("a").attr("href", "/doc/" + percent_encode(r.article.id));
        out.text(r.article.title.empty() ? r.article.id : r.article.title).close("a").text(" ");
        out.open("span").attr("class", "meta").text(r.article.source);
        if (!r.article.date.empty()) out.text(r.article.source.empty() ? "" : ", ").text(ru_date(r.article.date));
        out.close("span").close("li");
    }
    out.close("ol").close("section");
}

// The article's attributed quotations, each with its speaker; a speaker's
// name links to every article quoting them (the speaker: filter).
void quotations_section(Html& out, const core::ArticleView& view) {
    if (view.article.quotes.empty()) return;
    out.open("section").attr("class", "quotes").attr("id", "quotes").open("h2").text("Цитаты").close("h2").open("ul");
    for (const core::Quotation& quote : view.article.quotes) {
        out.open("li").open("q").text(quote.text).close("q").text(" — ");
        speaker_line(out, quote, search_link({"speaker:«" + quote.speaker + "»", {}}), false);
        out.close("li");
    }
    out.close("ul").close("section");
}

// The text's lines as paragraphs; the text is markup already escaped, with <mark>.
void paragraphs(Html& out, const std::string& text_html) {
    out.open("div").attr("class", "text").open("p");
    std::size_t start = 0;
    for (std::size_t end = text_html.find('\n'); end != std::string::npos; end = text_html.find('\n', start)) {
        out.raw(std::string_view(text_html).substr(start, end - start)).close("p").open("p");
        start = end + 1;
    }
    out.raw(std::string_view(text_html).substr(start)).close("p").close("div");
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
    PageQuery query{http.param("q"), read_filters(http), http.param("sort") == "date", http.param("collapse") == "0"};
    if (!core::is_valid_utf8(query.text) || core::utf8_length(query.text) > kMaxQueryChars) query.text.clear();
    const auto view = index.run([&](core::Searcher& s) { return s.article(id, query.text); });
    if (!view) return error_page(404, "Статья " + id + " не найдена.");
    const core::Article& a = view->article;

    Page page{a.title.empty() ? a.id : a.title, query, {}, {}};
    Html& out = page.main;
    out.open("article");
    if (!query.text.empty() || !query.filters.empty()) {
        out.open("p").attr("class", "backlink").open("a").attr("id", "back").attr("href", search_link(query));
        out.text("← К результатам").close("a").close("p");
    }
    out.open("h1");
    if (view->title_html.empty()) out.text(a.id);
    else out.raw(labelled_marks(view->title_html, view->title_matches));  // escaped, with <mark>
    out.close("h1");
    meta_line(out, a);
    if (is_web_link(a.url)) {
        out.open("p").attr("class", "meta").open("a").attr("href", a.url).attr("rel", "noopener noreferrer");
        out.text(a.url).close("a").close("p");
    }
    out.open("div").attr("class", "actions");
    const std::size_t marks = count_marks(view->title_html) + count_marks(view->text_html);
    if (view->text_html.find("id=\"first-match\"") != std::string::npos) {
        out.open("a").attr("class", "button secondary").attr("id", "jump").attr("href", "#first-match");
        out.text("↓ К первому совпадению").close("a");
    }
    if (marks > 0) out.open("span").attr("class", "meta").text("Совпадений: ").text(static_cast<long long>(marks)).close("span");
    if (!a.quotes.empty()) {
        out.open("a").attr("class", "button secondary").attr("href", "#quotes");
        out.text("Цитаты (").text(static_cast<long long>(a.quotes.size())).text(") ↓").close("a");
    }
    out.open("button").attr("type", "button").attr("class", "secondary").attr("id", "copy-citation").attr("hidden");
    out.text("Скопировать цитату").close("button");
    out.open("span").attr("class", "copied").attr("id", "copy-status").attr("role", "status").close("span").close("div");
    out.open("details").attr("class", "citation").open("summary").text("Ссылка для цитирования").close("summary");
    citation_forms(out, a);
    out.close("details");
    paragraphs(out, labelled_marks(view->text_html, view->text_matches));
    quotations_section(out, *view);
    reprints_section(out, *view);
    related_section(out, related_to(index, id));
    out.close("article");
    return Reply{200, kHtml, render(page)};
}

}  // namespace server
