// Every hit of a search, to take away (the server's /api/export writes them
// as CSV or NDJSON): the search's query, filters, order and folding of
// reprints, without paging. Read in batches, so that an export of 100,000
// rows holds one batch at a time and each batch may be read on another
// thread's searcher.
#pragma once

#include "core/searcher.h"

#include <set>
#include <string>
#include <vector>

namespace core {

struct ExportRow {
    Article article;      // text and quotations left empty
    std::string snippet;  // the search's snippet as plain text: no markup, no escaping
    // The speaker (full name when known) of a quotation in the article that
    // matches the query: one by a speaker the query names (`speaker:Лавров`),
    // else the one holding the most query words; "" when none holds any.
    std::string speaker;
};

// The rows of one search in the search's order: relevance as the search
// page ranks them (the articles holding every word first, then the rest),
// or newest first. With `collapse`, one row per story, as `total` counts.
// Like the search, a query nothing matches as typed is relaxed.
class HitExport {
public:
    HitExport(SearchRequest request, Xapian::doccount max_rows);

    // The next rows (at most `batch`) over `searcher`'s index; empty when
    // every row is out. On an exception the export is as before the call,
    // so the same call may be tried again.
    std::vector<ExportRow> next(Searcher& searcher, Xapian::doccount batch);
    Xapian::doccount rows_given() const { return given_; }

private:
    enum class Phase { First, Rest, Done };
    static constexpr Xapian::doccount kFetchAhead = 5000;  // ids ranked per Xapian match
    void fetch(Searcher& searcher, const BuiltQuery& built);
    void add_row(std::vector<ExportRow>& rows, Searcher& searcher, const BuiltQuery& built,
                 const std::set<std::string>& named, Xapian::docid id);

    SearchRequest request_;
    Xapian::doccount max_rows_;
    Xapian::doccount given_ = 0;
    bool started_ = false;
    Strictness strictness_ = Strictness::Strict;
    Phase phase_ = Phase::First;
    Xapian::doccount offset_ = 0;  // in the current phase's ranking
    std::vector<Xapian::docid> pending_;  // fetched, not yet given
    std::size_t pending_at_ = 0;
};

struct QuoteRow {
    Quotation quote;
    Article article;       // the article it comes from (text and quotations left empty)
    std::string citation;  // «...» — Speaker, source, date, URL
};

// Every quotation matching the words (and by the speaker) of a quotation
// search: the matching articles in relevance order (or newest first), each
// article's quotations in text order. Batches as HitExport's.
class QuoteExport {
public:
    QuoteExport(QuoteRequest request, bool newest_first, Xapian::doccount max_rows);

    std::vector<QuoteRow> next(Searcher& searcher, Xapian::doccount batch);

private:
    QuoteRequest request_;
    bool newest_first_;
    Xapian::doccount max_rows_;
    Xapian::doccount given_ = 0;
    Xapian::doccount offset_ = 0;  // articles read
    bool done_ = false;
};

// The text of HTML made by html_escape and <mark> tags: tags dropped,
// entities read back.
std::string html_to_text(std::string_view html);

}  // namespace core
