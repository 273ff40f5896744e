// Every field of an article that a query can name, in one table: its name
// and Russian alias in the query syntax, what kind of field it is, where the
// index keeps it (prefixes and slots from schema.h) and how pages name it.
// The query parser, the query builder, the document writer and the pages
// read it: a new field is one row in fields.cpp plus its tests.
#pragma once

#include "core/article.h"

#include <xapian.h>

#include <span>
#include <string>
#include <string_view>

namespace core {

enum class FieldKind {
    Text,       // words, searched like the body's under their own prefixes (title:)
    Term,       // one boolean term of the article's normalized value (source:, place:)
    DateRange,  // dates from..to over a value slot (date:2021-05, date:2020..2021)
    Speaker,    // a boolean term per quoted person, any case form of the name (speaker:)
};

// The term prefixes of words: exact forms (with positions), Snowball stems,
// surname bases.
struct TextPrefixes {
    const char* exact;
    const char* stem;
    const char* name;
};

struct Field {
    std::string_view name;   // in queries and page parameters: "source"
    std::string_view alias;  // the Russian name queries may use: "источник"
    FieldKind kind;
    std::string_view label;  // how pages name it: "Источник"
    TextPrefixes text{"", "", ""};               // Text
    const char* prefix = "";                     // Term, Speaker: the boolean term's prefix
    Xapian::valueno slot = Xapian::BAD_VALUENO;  // Term: the value kept for facets; DateRange: the dates
    std::string Article::*value = nullptr;       // Term: the article's value
};

std::span<const Field> fields();

// The field with that name or alias (as written, lower case), or null.
const Field* find_field(std::string_view name);

// The prefixes of words outside any field (the body, and the title too).
TextPrefixes body_prefixes();

// The boolean term a Term or Speaker field holds for `value`: the same
// whether the document writer or a filter makes it.
std::string filter_term(const Field& field, std::string_view value);

}  // namespace core
