// What the pages share: the query a page keeps in its links, the links,
// Russian formatting, and the layout every page is rendered into.
// Every value put into markup goes through html_escape (or href for links);
// the strings these functions return are markup, ready to append.
#pragma once

#include "core/searcher.h"
#include "server/index_handle.h"
#include "server/reply.h"
#include "server/request.h"

#include <chrono>
#include <string>

namespace server::pages {

inline constexpr const char* kHtml = "text/html; charset=utf-8";

// Filters chosen on the page: separate URL parameters (source, place, from,
// to), read by server/request.h and given to the searcher as they are.
using Filters = core::SearchFilters;

// The words of a page's query and its filters, as the links on it keep them.
struct PageQuery {
    std::string text;
    Filters filters;
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
// An attribute: href="..." with the link escaped.
std::string href(const std::string& link);

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
    std::string main;
    std::string aside;  // the filter column, or "" for none
    bool quotes_view = false;  // the search box searches quotations
};

// The whole document: head, the search form keeping the query, main and aside.
std::string render(const Page& page);
// Hidden form inputs keeping the filters.
std::string hidden_filter_inputs(const Filters& filters);
// The help on the syntax, open or folded.
std::string help(bool open);
// Source, place and date of an article.
std::string meta_line(const core::Article& a);
// The front page's text.
std::string home_page_content();
// "Статьи | Цитаты": the same words searched in articles or in quotations.
std::string view_tabs(const PageQuery& query, bool quotes_view);

// --- the quotations view (quotes_page.cpp), reached from the search page ---
Reply quotes_page(const Request& http, const PageQuery& query, IndexHandle& index);

}  // namespace server::pages
