#include "server/pages/parts.h"
#include "server/url.h"

namespace server::pages {

void speaker_line(Html& out, const core::Quotation& quote, const std::string& link, bool say_unknown) {
    if (!quote.speaker.empty()) {
        out.open("a").attr("class", "speaker").attr("href", link);
        out.text(quote.speaker_full.empty() ? quote.speaker : quote.speaker_full).close("a");
    } else if (say_unknown) {
        out.open("span").attr("class", "meta").text("автор не установлен").close("span");
    }
    if (quote.speaker_title.empty()) return;
    if (!quote.speaker.empty() || say_unknown) out.text(", ");
    out.open("span").attr("class", "meta").text(quote.speaker_title).close("span");
}

void pagination(Html& out, const std::string& prev, const std::vector<PageNumber>& numbers, const std::string& next) {
    out.open("nav").attr("class", "pages").attr("aria-label", "Страницы");
    if (!prev.empty()) out.open("a").attr("rel", "prev").attr("href", prev).text("← Назад").close("a");
    for (const PageNumber& page : numbers) {
        if (page.link.empty()) {
            out.open("span").attr("class", "current").attr("aria-current", "page").text(page.number).close("span");
        } else {
            out.open("a").attr("href", page.link).text(page.number).close("a");
        }
    }
    if (!next.empty()) out.open("a").attr("rel", "next").attr("href", next).text("Дальше →").close("a");
    out.close("nav");
}

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

}  // namespace server::pages
