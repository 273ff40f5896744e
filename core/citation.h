// An article cited in the usual Russian forms: a short line for a text or
// notes (as quotations are cited), and the bibliographic references of
// ГОСТ Р 7.0.100–2018 and ГОСТ Р 7.0.5–2008 for an online publication.
#pragma once

#include "core/article.h"

#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Citation {
    std::string style;  // "short", "gost-2018", "gost-2008"
    std::string name;   // how a reader knows the form: «Кратко», «ГОСТ Р 7.0.100–2018», ...
    std::string text;
};

// The article's citations, the short line first. `accessed` (YYYY-MM-DD) is
// the «дата обращения» that the references give with a URL. Parts the
// article lacks (source, date, URL) are left out with their punctuation.
std::vector<Citation> article_citations(const Article& article, std::string_view accessed);

// "2021-03-05" -> "5 марта 2021"; another shape as it is.
std::string russian_date(std::string_view date);

}  // namespace core
