// An article as the indexer reads it and the server shows it.
#pragma once

#include "core/quotes.h"

#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Article {
    std::string id;
    std::string title;
    std::string text;
    std::string date;    // YYYY-MM-DD, or "" when unknown
    // HH:MM:SS when the date came with a time of day (as written, not moved
    // between time zones), or "". Kept in a value slot, not in the record:
    // it orders copies published on one day (reprints.h).
    std::string time;
    std::string url;
    std::string source;  // agency or site, e.g. "Sputnik"
    std::string place;   // dateline place, e.g. "Бишкек"
    std::vector<Quotation> quotes;  // filled by the indexer (extract_quotations)
};

// The stored form of an article in the Xapian document data, and back.
std::string serialize_article(const Article& article);
Article deserialize_article(std::string_view data);

// Fills in what a plain-text article carries in its text: a title (first line
// when it reads as a headline, else the start of the first sentence), a
// dateline (`БИШКЕК, 5 мар — Sputnik` gives place and source), a trailing
// `Ссылка на новость: URL`, an agency named in the first lines, and a date
// found in the URL. Fields already set are kept.
void extract_metadata(Article& article);

// Accepts YYYY-MM-DD (optionally followed by a time), YYYY/MM/DD and
// DD.MM.YYYY; returns YYYY-MM-DD, or "" when `text` is not such a date.
std::string normalize_date(std::string_view text);
// The time of day after such a date (`2024-12-03T14:50:38+00:00`,
// `2024-12-03 14:50`): HH:MM:SS, or "" when there is none.
std::string normalize_time(std::string_view text);

}  // namespace core
