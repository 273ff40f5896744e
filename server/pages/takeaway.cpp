// What a reader takes away: from a search page, the whole result set as a
// file (CSV, NDJSON from /api/export) and a link that reproduces the search;
// from an article page, its citations.
#include "core/citation.h"
#include "server/json_objects.h"
#include "server/pages/parts.h"
#include "server/request.h"
#include "server/url.h"

namespace server::pages {

std::string exact_search_link(const PageQuery& query, const core::SearchRequest& request) {
    std::string link = search_link(query, static_cast<long>(request.offset));
    if (request.limit != kDefaultLimit) link += "&limit=" + std::to_string(request.limit);
    return link;
}

std::string export_link(const PageQuery& query, const char* format) {
    return page_link("/api/export", query) + "&format=" + format;
}

void takeaway_line(Html& out, const PageQuery& query, const core::SearchRequest& request) {
    out.open("p").attr("class", "takeaway meta").attr("id", "takeaway").text("Все результаты: ");
    out.open("a").attr("id", "export-csv").attr("href", export_link(query, "csv")).attr("download");
    out.text("Скачать CSV").close("a").text(" · ");
    out.open("a").attr("id", "export-ndjson").attr("href", export_link(query, "ndjson")).attr("download");
    out.text("NDJSON").close("a").text(" · ");
    // A plain link without scripts; the button only copies it.
    out.open("a").attr("id", "copy-link").attr("href", exact_search_link(query, request)).text("Ссылка на этот поиск").close("a");
    out.text(" ").open("button").attr("type", "button").attr("class", "secondary").attr("id", "copy-link-button").attr("hidden");
    out.text("Скопировать ссылку").close("button");
    out.open("span").attr("class", "copied").attr("id", "copy-link-status").attr("role", "status").close("span");
    out.close("p");
}

void quotes_takeaway_line(Html& out, const std::string& words, const std::string& speaker) {
    std::string link = "/api/export?kind=quotes&q=" + percent_encode(words);
    if (!speaker.empty()) link += "&speaker=" + percent_encode(speaker);
    out.open("p").attr("class", "takeaway meta").attr("id", "takeaway").text("Все цитаты: ");
    out.open("a").attr("id", "export-csv").attr("href", link + "&format=csv").attr("download").text("Скачать CSV").close("a");
    out.text(" · ").open("a").attr("id", "export-ndjson").attr("href", link + "&format=ndjson").attr("download");
    out.text("NDJSON").close("a").close("p");
}

void citation_forms(Html& out, const core::Article& article) {
    for (const core::Citation& citation : core::article_citations(article, utc_date_today())) {
        const std::string id = citation.style == "short" ? "citation-text" : "citation-" + citation.style;
        out.open("p").attr("class", "citation-form").open("label").attr("for", id).text(citation.name).close("label");
        out.open("textarea").attr("id", id).attr("rows", "3").attr("readonly").text(citation.text).close("textarea");
        out.close("p");
    }
}

}  // namespace server::pages
