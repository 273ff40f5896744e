// Turns a parsed query into a Xapian::Query over the schema in schema.h.
// Each word searches its exact form, its Snowball stem and its surname base
// (so `Лавров` finds `Лаврова`), Latin words also their Cyrillic spellings,
// and known names also their equivalents (synonyms.txt), ranked lower.
#pragma once

#include "core/highlight.h"
#include "core/query_parser.h"
#include "core/russian.h"
#include "core/synonyms.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace core {

struct BuiltQuery {
    Xapian::Query query;
    // When the whole query is words side by side, `query` less the bonus for
    // words standing close together (OP_NEAR, which reads positions for every
    // article holding all the words): the same matches, ranked without that
    // bonus, so a searcher can rank by it first and add the bonus to the best
    // few only. Empty otherwise.
    Xapian::Query without_proximity;
    HighlightTerms highlight;
    std::vector<std::string> unknown_words;  // normalized, in no form in the index: for "did you mean"
    bool can_relax = false;                // a relaxed build may find more
};

enum class Strictness {
    Strict,   // phrases as phrases, AND as AND
    Relaxed,  // phrases and AND as loose words: used when Strict finds nothing
};

class QueryBuilder {
public:
    QueryBuilder(const Xapian::Database& db, RussianStemmer& stemmer,
                 const Synonyms& synonyms = Synonyms::builtin());

    BuiltQuery build(const QueryNode& root, Strictness strictness = Strictness::Strict);

private:
    Xapian::Query node_query(const QueryNode& node);
    Xapian::Query and_query(const QueryNode& node);
    std::vector<Xapian::Query> plain_words_queries(const std::vector<std::string>& words);
    Xapian::Query word_query(const std::string& raw_word, const std::string& field, bool prefix);
    Xapian::Query indexed_forms_query(const std::string& normalized);
    // Whether the index has the word in any form (exact, stem, name base).
    bool is_known(const std::string& normalized);
    // The word's exact form, stem and name base, each term scaled by `weight`.
    Xapian::Query forms_query(const std::string& normalized, const std::string& field, int topic, double weight = 1.0);
    Xapian::Query latin_query(const std::string& normalized, const std::string& field, int topic);
    Xapian::Query phrase_query(const QueryNode& node);
    Xapian::Query filter_query(const QueryNode& node) const;
    Xapian::Query synonym_query(const std::vector<std::string>& words, const Synonyms::Match& match);

    const Xapian::Database& db_;
    RussianStemmer& stemmer_;
    const Synonyms& synonyms_;
    Strictness strictness_ = Strictness::Strict;
    const QueryNode* root_ = nullptr;
    BuiltQuery out_;
};

}  // namespace core
