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

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace core {

// A query matching every article, made afresh each time. Xapian's shared
// Query::MatchAll counts its references without atomics, so server threads
// copying it at once corrupted the count and crashed (found by the soak).
Xapian::Query match_all_query();

// A part of `query` whose weights add to an article's score, for explain=1:
// the parts of a query together hold each weighted term of it once.
struct ScorePart {
    std::string kind;  // "word", "all_words" (the bonus for holding every word), "proximity", "query"
    std::string word;  // for "word": the query word (words, for equivalents) as typed
    Xapian::Query query;
};

struct BuiltQuery {
    Xapian::Query query;
    std::vector<ScorePart> score_parts;
    HighlightTerms highlight;
    std::vector<std::string> unknown_words;  // normalized, in no form in the index: for "did you mean"
    std::vector<std::string> short_prefixes;  // `п*`: too short to expand, searched as the word itself
    bool can_relax = false;                // a relaxed build may find more
    // For words side by side (the whole query): the articles holding every
    // word (from three words on, all but one), without weight. `query` ranks
    // them first; the searcher ranks them on their own, so that articles
    // holding fewer words are not scored when the page is full without them.
    Xapian::Query all_words;
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
    Xapian::Query first_rank(const std::vector<Xapian::Query>& parts) const;
    std::vector<Xapian::Query> plain_words_queries(const std::vector<std::string>& words,
                                                   std::vector<std::string>* labels = nullptr);
    Xapian::Query word_query(const std::string& raw_word, const std::string& field, bool prefix);
    Xapian::Query prefix_query(const std::string& term_prefix);
    Xapian::Query indexed_forms_query(const std::string& normalized);
    void add_lemma_forms(const std::string& normalized, const std::string& stem, std::set<std::string>& forms);
    // Whether the index has the word in any form (exact, stem, name base).
    bool is_known(const std::string& normalized);
    const std::vector<std::string>& lemmas(const std::string& normalized);
    bool is_everyday_word(const std::string& raw_word, const std::string& normalized);
    Xapian::Query everyday_forms_query(const std::string& normalized, const std::string& field, int topic);
    // The word's exact form, stem and name base, each term scaled by `weight`.
    Xapian::Query forms_query(const std::string& normalized, const std::string& field, int topic, double weight = 1.0);
    // Its stem and name base, each term scaled by `weight`: its other forms.
    Xapian::Query other_forms_query(const std::string& normalized, const std::string& field, int topic, double weight);
    Xapian::Query latin_query(const std::string& normalized, const std::string& field, int topic, bool acronym);
    const std::vector<std::string>& known_spellings(const std::string& latin, bool acronym);
    Xapian::doccount name_frequency(const std::string& word);
    bool stem_cuts_into_name(const std::string& normalized, const std::string& stem, const std::string& name);
    Xapian::Query phrase_query(const QueryNode& node);
    Xapian::Query phrase_position(const std::string& raw_word, const std::string& exact_prefix);
    Xapian::Query filter_query(const QueryNode& node) const;
    Xapian::Query synonym_query(const std::vector<std::string>& words, const Synonyms::Match& match);

    const Xapian::Database& db_;
    RussianStemmer& stemmer_;
    const Synonyms& synonyms_;
    const bool has_lemmas_;  // the index holds lemma terms (schema.h)
    Strictness strictness_ = Strictness::Strict;
    BuiltQuery out_;
    const QueryNode* root_ = nullptr;
    std::unordered_map<std::string, std::vector<std::string>> spellings_;  // by Latin word, for this query
};

}  // namespace core
