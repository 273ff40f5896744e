// What the pages share: the query a page keeps in its links, the links,
// Russian formatting, and the layout every page is rendered into.
// Markup is written with Html (html.h), which escapes every value; the
// pieces here append to the page's writer.
#pragma once

#include "core/searcher.h"
#include "server/pages/html.h"
#include "server/index_handle.h"
#include "server/reply.h"
#include "server/request.h"

#include <chrono>
#include <string>
#include <vector>

namespace server::pages {

inline constexpr const char* kHtml = "text/html; charset=utf-8";

// Filters chosen on the page: separate URL parameters (source, place, from,
// to), read by server/request.h and given to the searcher as they are.
using Filters = core::SearchFilters;

// The words of a page's query, its filters and its order, as the links on it
// keep them.
struct PageQuery {
    std::string text;
    Filters filters;
    bool newest_first = false;  // sort=date
    bool every_copy = false;    // collapse=0: reprints listed one by one
};

// --- links (links.cpp) ---

// " source:«Sputnik» date:2020..2021": the filters as the query syntax
// writes them, for a page title when no words were typed.
std::string filter_syntax(const Filters& filters);
std::string page_link(const std::string& base, const PageQuery& query, long offset = 0);
std::string search_link(const PageQuery& query, long offset = 0);
// The "Цитаты" view of the search page: quotations matching the words,
// optionally by one speaker (`speaker=`).
std::string quotes_link(const std::string& words, const std::string& speaker, long offset = 0);

// --- taking results away (takeaway.cpp) ---

// The search page's own link with every parameter (words, filters, order,
// folding, page and page size), to reproduce the search exactly.
std::string exact_search_link(const PageQuery& query, const core::SearchRequest& request);
// /api/export of every hit of the search, in `format` (csv, ndjson).
std::string export_link(const PageQuery& query, const char* format);
// «Все результаты: Скачать CSV · NDJSON · Ссылка на этот поиск [Скопировать ссылку]».
void takeaway_line(Html& out, const PageQuery& query, const core::SearchRequest& request);
// The same for the Цитаты view: its quotations (kind=quotes) as CSV, NDJSON.
void quotes_takeaway_line(Html& out, const std::string& words, const std::string& speaker);
// The article's citations (core/citation.h), each named, in a read-only text
// area; the short line's is #citation-text, which «Скопировать цитату» copies.
void citation_forms(Html& out, const core::Article& article);

// --- Russian formatting (russian.cpp) ---

// "2021-05-03" -> "3 мая 2021"; other shapes as they are.
std::string ru_date(const std::string& date);
// "2021-05" -> "май 2021".
std::string ru_month(const std::string& year_month);
// The form of a noun after the number n: статья, статьи, статей.
std::string plural(Xapian::doccount n, const char* one, const char* few, const char* many);
// Milliseconds since `started`, "12.3".
std::string took_text(std::chrono::steady_clock::time_point started);

// --- layout (layout.cpp) ---

struct Page {
    std::string title;
    PageQuery query;
    Html main;
    Html aside;  // the filter column, or empty for none
    bool quotes_view = false;  // the search box searches quotations
};

// The whole document: head, the search form keeping the query, main and aside.
std::string render(Page& page);
// Hidden form inputs keeping the filters.
void hidden_filter_inputs(Html& out, const Filters& filters);
// The help on the syntax, open or folded.
void help(Html& out, bool open);
// Source, place and date of an article.
void meta_line(Html& out, const core::Article& a);
// The front page's text.
void home_page_content(Html& out);
// "Статьи | Цитаты": the same words searched in articles or in quotations.
void view_tabs(Html& out, const PageQuery& query, bool quotes_view);

// --- pieces more than one page shows (pieces.cpp) ---

// Who said a quotation: the speaker's name linking to `link`, and their
// title. When no speaker is known, `say_unknown` writes "автор не установлен".
void speaker_line(Html& out, const core::Quotation& quote, const std::string& link, bool say_unknown);
// One quotation as a list item: its words (matches of `words` marked), who
// said it, the article and a citation line.
void quote_item(Html& out, const core::QuoteHit& hit, const std::string& words);
// One page number in the pagination; an empty link marks the current page.
struct PageNumber {
    long number;
    std::string link;
};
// "← Назад 1 2 3 Дальше →": an empty prev or next link leaves that link out.
void pagination(Html& out, const std::string& prev, const std::vector<PageNumber>& numbers, const std::string& next);

// --- why each match matched (match_marks.cpp) ---

// The tooltip of a mark: «другая форма слова „лавров“».
std::string match_tooltip(const core::MatchSpan& span);
// `html` (a snippet or a text from core/snippet.h) with each <mark> given
// the class and tooltip of its span: `spans` holds one per mark, in order.
std::string labelled_marks(std::string_view html, const std::vector<core::MatchSpan>& spans);

// --- the quotations view (quotes_page.cpp), reached from the search page ---
Reply quotes_page(const Request& http, const PageQuery& query, IndexHandle& index);

}  // namespace server::pages
