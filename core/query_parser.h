// The user's query syntax, parsed into a tree. Parsing never fails: malformed
// input (stray operators, unbalanced brackets or quotes) degrades to words.
//
//   лавров казакбаев        articles with both words first (any grammatical
//                           form), then articles with either
//   «...», "...", „...“     a phrase, whatever quote marks are used
//   A OR B, A AND B, NOT A  operators (upper case), brackets group
//   -word                   exclude a word
//   word*                   any word starting with `word`
//   title:word              in the title; title:"a phrase" too
//   source:Sputnik place:Бишкек date:2021-05 date:2020..2021
//   speaker:Лавров          articles quoting Лавров (any case form of the name)
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

struct QueryNode {
    enum class Kind { Word, Phrase, Filter, And, Or, AndNot };

    Kind kind = Kind::Word;
    std::string field;               // "" for text, else "title", "source", "date"...
    std::vector<std::string> words;  // Word: one; Phrase: several (as typed)
    std::string value;               // Filter: the raw value
    bool prefix = false;             // Word typed as `word*`
    bool explicit_and = false;       // And written with AND: every child must match
    std::vector<QueryNode> children; // And, Or; AndNot: {positive, negative}
};

// Fields that hold text (searched as words) and fields that filter.
bool is_text_field(std::string_view field);
bool is_filter_field(std::string_view field);

QueryNode parse_query(std::string_view query);

// The tree narrowed by filters given apart from the query text: each
// (field, value) becomes a Filter node, as if typed after the query.
QueryNode add_filters(QueryNode root, const std::vector<std::pair<std::string, std::string>>& filters);

// A readable rendering of the tree, for tests and debugging.
std::string describe(const QueryNode& node);

}  // namespace core
