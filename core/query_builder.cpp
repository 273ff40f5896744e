#include "core/query_builder.h"

#include "core/fields.h"
#include "core/quotes.h"
#include "core/schema.h"
#include "core/spelling.h"
#include "core/stopwords.h"
#include "core/text.h"
#include "core/transliteration.h"

#include <algorithm>
#include <set>

namespace core {
namespace {

using Xapian::Query;

// Weights relative to the exact form, so an article with the very word typed
// ranks above one with another form of it, and both above an equivalent.
constexpr double kStemWeight = 0.7;
constexpr double kNameWeight = 0.7;
// An everyday word (below) counts any of its forms alike: the article a
// journalist remembers says `санкций` where the query says `санкциями`, and
// an exact-form bonus would rank every rival holding `санкциями` above it.
constexpr double kEverydayExactWeight = 0.0;
constexpr double kEverydayStemWeight = 1.0;
constexpr double kLemmaWeight = 1.0;
constexpr double kTransliterationWeight = 0.9;
constexpr double kSynonymWeight = 0.5;
constexpr double kCorrectionWeight = 0.5;
// Proximity: words within about a paragraph of each other (any of their
// forms) earn a bonus. The words a reader remembers of an article stand
// together in it, while a long rival holding each common word somewhere
// holds them far apart. Chosen on the everyday-words development half
// (12 on the typed word's stem forms: found@10 0.767, MRR@10 0.542; 64 on
// any form: 0.833 / 0.654). A second, sentence-wide window (16 and 48:
// 0.847 / 0.659) cost 8% more instructions per search, reading positions twice.
constexpr Xapian::termcount kProximityWindow = 64;
constexpr std::size_t kMaxProximityWords = 6;
// From three words on, articles holding all but one come first too: one
// word may simply have no form in the article the user remembers (typed as
// a synonym, or a form no analysis joins). Holding every word still earns
// the AND's weight. Up to this many words (n queries of n - 1 words).
constexpr std::size_t kMinWordsForAllButOne = 3;
constexpr std::size_t kMaxWordsForAllButOne = 6;
constexpr std::size_t kMaxForms = 24;
constexpr std::size_t kMaxFormsScanned = 300;
constexpr std::size_t kMaxCorrectedWords = 3;  // corrections cost term lookups
constexpr std::size_t kCorrectionsSearched = 3;  // per word: the closest by frequency may be another word
// Weights scale single terms only: Xapian 1.4.22 can drop a document from
// the top of an OR whose branches are OP_SCALE_WEIGHT over compound queries
// (an OR of scaled ORs and ANDs returned a different top 10 for limit 10 and
// limit 20), so factors are pushed down to the terms. An article holding
// every word earns the AND's weight once more; words close together, the
// NEAR's.

constexpr Xapian::termcount kMaxPrefixExpansion = 64;
constexpr std::size_t kMinPrefixBytes = 4;  // two Cyrillic letters, four Latin
constexpr std::size_t kMaxTransliterations = 3;
constexpr Xapian::doccount kMaxSpellingRarity = 10;  // a spelling kept is at least 1/10 as frequent as the first

using FieldPrefixes = TextPrefixes;

bool has_capital(const std::string& raw_word) { return normalize_text(raw_word) != raw_word; }

FieldPrefixes prefixes_for(const std::string& field) {
    const Field* known = field.empty() ? nullptr : find_field(field);
    return known && known->kind == FieldKind::Text ? known->text : body_prefixes();
}

// UFC, WTCC: a word of two to five capitals.
bool is_acronym(const std::string& raw_word) {
    const std::size_t length = utf8_length(raw_word);
    return length >= 2 && length <= 5 && is_all_caps(raw_word);
}

Query scaled_term(const std::string& term, double weight) {
    if (weight == 1.0) return Query(term);
    return Query(Query::OP_SCALE_WEIGHT, Query(term), weight);
}

Query combine(Query::op op, const std::vector<Query>& parts) {
    std::vector<Query> present;
    for (const Query& q : parts) {
        if (!q.empty()) present.push_back(q);
    }
    if (present.empty()) return Query();
    if (present.size() == 1) return present.front();
    return Query(op, present.begin(), present.end());
}

bool is_plain_word(const QueryNode& node) {
    return node.kind == QueryNode::Kind::Word && node.field.empty() && !node.prefix;
}

std::string date_bound(std::string_view text, bool upper) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') digits.push_back(c);
    }
    if (digits.size() != 4 && digits.size() != 6 && digits.size() != 8) return {};
    while (digits.size() < 8) digits += upper ? "99" : "00";
    return digits;
}

}  // namespace

Query match_all_query() { return Query(std::string()); }

QueryBuilder::QueryBuilder(const Xapian::Database& db, RussianStemmer& stemmer, const Synonyms& synonyms)
    : db_(db), stemmer_(stemmer), synonyms_(synonyms),
      has_lemmas_(db.get_metadata(schema::kLemmasMetadataKey) == "1") {}

BuiltQuery QueryBuilder::build(const QueryNode& root, Strictness strictness) {
    out_ = BuiltQuery{};
    strictness_ = strictness;
    root_ = &root;
    out_.query = node_query(root);
    if (out_.score_parts.empty() && !out_.query.empty()) {
        const bool word = is_plain_word(root);
        out_.score_parts.push_back({word ? "word" : "query", word ? root.words.front() : describe(root), out_.query});
    }
    return std::move(out_);
}

Query QueryBuilder::node_query(const QueryNode& node) {
    switch (node.kind) {
        case QueryNode::Kind::Word:
            if (is_plain_word(node)) return combine(Query::OP_OR, plain_words_queries({node.words.front()}));
            return word_query(node.words.front(), node.field, node.prefix);
        case QueryNode::Kind::Phrase:
            return phrase_query(node);
        case QueryNode::Kind::Filter:
            return Query(Query::OP_FILTER, match_all_query(), filter_query(node));
        case QueryNode::Kind::And:
            return and_query(node);
        case QueryNode::Kind::Or: {
            std::vector<Query> parts;
            for (const QueryNode& child : node.children) parts.push_back(node_query(child));
            return combine(Query::OP_OR, parts);
        }
        case QueryNode::Kind::AndNot: {
            Query positive = node_query(node.children[0]);
            Query negative = node_query(node.children[1]);
            if (positive.empty()) positive = match_all_query();
            if (negative.empty()) return positive;
            return Query(Query::OP_AND_NOT, positive, negative);
        }
    }
    return Query();
}

// Words written side by side: articles with all of them rank first, then
// articles with some (so `Казакбаев Лавров` also lists articles naming only
// one). With an explicit AND every word must match. Runs of plain words are
// checked against the equivalents list; filters restrict without weight.
Query QueryBuilder::and_query(const QueryNode& node) {
    const std::vector<QueryNode>& children = node.children;
    std::vector<Query> parts;
    std::vector<Query> filters;
    std::vector<std::string> run;  // consecutive plain words
    std::vector<Query> nearby;     // their forms, for the proximity bonus
    std::vector<std::string> labels;  // per part, for explain=1
    auto flush_run = [&]() {
        for (Query& q : plain_words_queries(run, &labels)) parts.push_back(std::move(q));
        run.clear();
    };

    for (const QueryNode& child : children) {
        if (is_plain_word(child)) {
            run.push_back(child.words.front());
            const std::string normalized = normalize_text(child.words.front());
            if (!is_stopword(normalized)) nearby.push_back(indexed_forms_query(normalized));
            continue;
        }
        flush_run();
        if (child.kind == QueryNode::Kind::Filter) {
            filters.push_back(filter_query(child));
        } else {
            parts.push_back(node_query(child));
            labels.push_back(describe(child));
        }
    }
    flush_run();

    const bool is_root = &node == root_;
    if (is_root) {
        for (std::size_t i = 0; i < parts.size() && i < labels.size(); ++i) {
            if (!parts[i].empty()) out_.score_parts.push_back({"word", labels[i], parts[i]});
        }
    }
    Query text;
    if (node.explicit_and && strictness_ == Strictness::Strict) {
        out_.can_relax = true;
        text = combine(Query::OP_AND, parts);
    } else if (parts.size() > 1) {
        const Query all = combine(Query::OP_AND, parts);
        text = Query(Query::OP_AND_MAYBE, combine(Query::OP_OR, parts), all);
        if (is_root) out_.all_words = first_rank(parts);
        if (is_root) out_.score_parts.push_back({"all_words", {}, all});
    } else {
        text = combine(Query::OP_OR, parts);
    }
    std::erase_if(nearby, [](const Query& q) { return q.empty(); });
    if (nearby.size() > 1 && nearby.size() <= kMaxProximityWords) {
        // Articles where the words stand close together rank higher.
        Query near(Query::OP_NEAR, nearby.begin(), nearby.end(), kProximityWindow);
        text = Query(Query::OP_AND_MAYBE, text, near);
        if (is_root) out_.score_parts.push_back({"proximity", {}, near});
    }
    Query filter = combine(Query::OP_AND, filters);
    if (filter.empty()) return text;
    return Query(Query::OP_FILTER, text.empty() ? match_all_query() : text, filter);
}

// What puts an article in the first rank: every word, or from three words
// on all but one.
Query QueryBuilder::first_rank(const std::vector<Query>& parts) const {
    if (parts.size() < kMinWordsForAllButOne || parts.size() > kMaxWordsForAllButOne) {
        return combine(Query::OP_AND, parts);
    }
    std::vector<Query> all_but_one;
    for (std::size_t left_out = 0; left_out < parts.size(); ++left_out) {
        std::vector<Query> others = parts;
        others.erase(others.begin() + static_cast<std::ptrdiff_t>(left_out));
        all_but_one.push_back(combine(Query::OP_AND, others));
    }
    return combine(Query::OP_OR, all_but_one);
}

// One query per word, except that a run of words naming something in the
// equivalents list becomes one query for all its names.
std::vector<Query> QueryBuilder::plain_words_queries(const std::vector<std::string>& words,
                                                    std::vector<std::string>* labels) {
    std::vector<std::string> stems;
    bool has_content_word = false;
    for (const std::string& word : words) {
        const std::string normalized = normalize_text(word);
        stems.push_back(stemmer_.stem(normalized));
        has_content_word = has_content_word || !is_stopword(normalized);
    }
    std::vector<Query> queries;
    for (std::size_t i = 0; i < words.size();) {
        if (auto match = synonyms_.match(stems, i)) {
            const std::vector<std::string> covered(words.begin() + static_cast<std::ptrdiff_t>(i),
                                                   words.begin() + static_cast<std::ptrdiff_t>(i + match->length));
            queries.push_back(synonym_query(covered, *match));
            if (labels) {
                std::string label;
                for (const std::string& word : covered) label += (label.empty() ? "" : " ") + word;
                labels->push_back(std::move(label));
            }
            i += match->length;
            continue;
        }
        // `и`, `в`, `что` beside other words only add noise.
        if (!(has_content_word && is_stopword(normalize_text(words[i])))) {
            queries.push_back(word_query(words[i], "", false));
            if (labels) labels->push_back(words[i]);
        }
        ++i;
    }
    return queries;
}

// The words that start with `term_prefix`, the most frequent first, as one
// synonym group. Expanded here over the whole index rather than by
// OP_WILDCARD, which Xapian 1.4 expands and weighs in each shard on its own:
// a sharded index would then rank prefix queries differently from one
// database.
Query QueryBuilder::prefix_query(const std::string& term_prefix) {
    std::vector<std::pair<Xapian::doccount, std::string>> terms;
    for (auto it = db_.allterms_begin(term_prefix); it != db_.allterms_end(term_prefix); ++it) {
        terms.emplace_back(it.get_termfreq(), *it);
    }
    if (terms.size() > kMaxPrefixExpansion) {
        std::partial_sort(terms.begin(), terms.begin() + kMaxPrefixExpansion, terms.end(),
                          [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        terms.resize(kMaxPrefixExpansion);
    }
    std::vector<Query> words;
    for (const auto& term : terms) words.emplace_back(term.second);
    return Query(Query::OP_SYNONYM, words.begin(), words.end());
}

Query QueryBuilder::word_query(const std::string& raw_word, const std::string& field, bool prefix) {
    const std::string normalized = normalize_text(raw_word);
    if (normalized.empty()) return Query();
    const int topic = out_.highlight.new_topic();
    const FieldPrefixes prefixes = prefixes_for(field);
    out_.highlight.set_source(HighlightTerms::Source::Typed, raw_word);

    if (prefix && normalized.size() >= kMinPrefixBytes) {
        out_.highlight.add_prefix(normalized, topic);
        return prefix_query(prefixes.exact + normalized);
    }
    if (prefix) out_.short_prefixes.push_back(normalized);
    if (is_latin_word(normalized)) return latin_query(normalized, field, topic, is_acronym(raw_word));
    Query forms = is_everyday_word(raw_word, normalized) ? everyday_forms_query(normalized, field, topic)
                                                          : forms_query(normalized, field, topic);
    // A word the dictionary knows is no typo, however rare in the archive.
    if (field.empty() && !is_known(normalized) && stemmer_.lemmas(normalized).empty()) {
        out_.unknown_words.push_back(normalized);
        // No form of the word is in the index: also search the closest words
        // that are (a misspelt surname still finds its articles).
        if (out_.unknown_words.size() <= kMaxCorrectedWords) {
            out_.highlight.set_source(HighlightTerms::Source::Spelling, raw_word);
            for (const std::string& corrected : closest_known_words(db_, normalized, kCorrectionsSearched, has_capital(raw_word))) {
                forms = Query(Query::OP_OR, forms, forms_query(corrected, field, topic, kCorrectionWeight));
            }
        }
    }
    return forms;
}

// The exact forms in the index that share the word's stem or name base
// (`лавров`: лавров, лаврова, лавровым...) or, where Snowball splits them,
// a dictionary lemma (`воюете`: воевала), as one OR: positions are only
// stored for exact forms, so proximity is checked on them.
Query QueryBuilder::indexed_forms_query(const std::string& normalized) {
    const std::string stem = stemmer_.stem(normalized);
    const std::string name = surname_base(normalized);
    const bool by_stem = !stem_cuts_into_name(normalized, stem, name);
    std::vector<std::string> starts{stem};
    if (!name.empty()) {
        for (std::string& start : name_base_starts(name)) {
            if (start.compare(0, stem.size(), stem) != 0) starts.push_back(std::move(start));
        }
    }
    std::set<std::string> forms;
    std::size_t scanned = 0;
    for (const std::string& start : starts) {
        for (auto it = db_.allterms_begin(start); it != db_.allterms_end(start); ++it) {
            if (++scanned > kMaxFormsScanned || forms.size() == kMaxForms) break;
            const std::string form = *it;
            if ((by_stem && stemmer_.stem(form) == stem) || (!name.empty() && surname_base(form) == name)) {
                forms.insert(form);
            }
        }
    }
    add_lemma_forms(normalized, stem, forms);
    return combine(Query::OP_OR, std::vector<Query>(forms.begin(), forms.end()));
}

// The indexed forms sharing a lemma with the word under a stem of its own:
// the forms beginning with the stem of one of the word's lemmas (`воевать`:
// воева-) or that stem less its last three letters (`экспортировать`:
// экспортир-, for экспортируем) that the dictionary gives that lemma.
void QueryBuilder::add_lemma_forms(const std::string& normalized, const std::string& stem,
                                   std::set<std::string>& forms) {
    constexpr std::size_t kLetterBytes = 2;  // a Cyrillic letter in UTF-8
    constexpr std::size_t kMinStartBytes = 4 * kLetterBytes;
    const std::vector<std::string>& word_lemmas = lemmas(normalized);
    std::set<std::string> starts;
    for (const std::string& lemma : word_lemmas) {
        const std::string& lemma_stem = stemmer_.stem(lemma);
        const std::string shorter = lemma_stem.substr(0, lemma_stem.size() - std::min(lemma_stem.size(), 3 * kLetterBytes));
        for (const std::string& start : {lemma_stem, shorter}) {
            if (start.size() >= kMinStartBytes && start.compare(0, stem.size(), stem) != 0) starts.insert(start);
        }
    }
    auto shares_lemma = [&](const std::string& form) {
        const std::vector<std::string>& form_lemmas = stemmer_.lemmas(form);
        return std::any_of(form_lemmas.begin(), form_lemmas.end(), [&](const std::string& lemma) {
            return std::find(word_lemmas.begin(), word_lemmas.end(), lemma) != word_lemmas.end();
        });
    };
    for (const std::string& start : starts) {
        std::size_t scanned = 0;
        for (auto it = db_.allterms_begin(start); it != db_.allterms_end(start); ++it) {
            if (++scanned > kMaxFormsScanned || forms.size() == kMaxForms) break;
            if (shares_lemma(*it)) forms.insert(*it);
        }
    }
}

bool QueryBuilder::is_known(const std::string& normalized) {
    const std::string name = surname_base(normalized);
    return db_.term_exists(schema::kExactPrefix + normalized) ||
           db_.term_exists(schema::kStemPrefix + stemmer_.stem(normalized)) ||
           (!name.empty() && db_.term_exists(schema::kNamePrefix + name)) ||
           std::any_of(lemmas(normalized).begin(), lemmas(normalized).end(), [this](const std::string& lemma) {
               return db_.term_exists(schema::kLemmaPrefix + lemma);
           });
}

const std::vector<std::string>& QueryBuilder::lemmas(const std::string& normalized) {
    static const std::vector<std::string> none;
    return has_lemmas_ ? stemmer_.lemmas(normalized) : none;
}

// A word typed in lower case that the dictionary knows and the archive
// mostly writes in lower case: not a name (`лавров` is a plural of `лавр`
// to the dictionary, but the archive writes it `Лавров`).
bool QueryBuilder::is_everyday_word(const std::string& raw_word, const std::string& normalized) {
    if (has_capital(raw_word) || stemmer_.lemmas(normalized).empty()) return false;
    return name_frequency(normalized) == 0;
}

// Every form of an everyday word alike: its stem and, where the index has
// them, its lemmas (`экспортируем` and `экспортировать` share no stem). The
// exact form is highlighted but weighs nothing more; no name base, which
// would reward capitalised uses (sentence starts, titles).
Query QueryBuilder::everyday_forms_query(const std::string& normalized, const std::string& field, int topic) {
    const FieldPrefixes prefixes = prefixes_for(field);
    const std::string& stem = stemmer_.stem(normalized);
    out_.highlight.add_exact(normalized, topic);
    out_.highlight.add_stem(stem, topic);
    std::vector<Query> forms{scaled_term(prefixes.stem + stem, kEverydayStemWeight)};
    if (kEverydayExactWeight > 0) forms.push_back(scaled_term(prefixes.exact + normalized, kEverydayExactWeight));
    if (field.empty()) {
        for (const std::string& lemma : lemmas(normalized)) {
            out_.highlight.add_lemma(lemma, topic);
            forms.push_back(scaled_term(schema::kLemmaPrefix + lemma, kLemmaWeight));
        }
    }
    return combine(Query::OP_OR, forms);
}

Query QueryBuilder::forms_query(const std::string& normalized, const std::string& field, int topic, double weight) {
    out_.highlight.add_exact(normalized, topic);
    return combine(Query::OP_OR, {scaled_term(prefixes_for(field).exact + normalized, weight),
                                  other_forms_query(normalized, field, topic, weight)});
}

Query QueryBuilder::other_forms_query(const std::string& normalized, const std::string& field, int topic,
                                      double weight) {
    const FieldPrefixes prefixes = prefixes_for(field);
    const std::string& stem = stemmer_.stem(normalized);
    const std::string name = surname_base(normalized);
    std::vector<Query> forms;
    if (!stem_cuts_into_name(normalized, stem, name)) {
        out_.highlight.add_stem(stem, topic);
        forms.push_back(scaled_term(prefixes.stem + stem, weight * kStemWeight));
    }
    if (!name.empty()) {
        out_.highlight.add_name(name, topic);
        forms.push_back(scaled_term(prefixes.name + name, weight * kNameWeight));
    }
    return combine(Query::OP_OR, forms);
}

// A Latin word searches itself and the Cyrillic spellings the index knows.
// The word typed and those spellings count as one word (OP_SYNONYM): a
// Russian archive has a name mostly in Cyrillic, and in Latin mainly in links
// and embedded posts; weighted apart, the rarer Latin word would rank those
// above the articles about the person. The other forms of the spellings
// (`путина`) count as for any word, a little below.
Query QueryBuilder::latin_query(const std::string& normalized, const std::string& field, int topic, bool acronym) {
    const std::vector<std::string>& spellings = known_spellings(normalized, acronym);
    if (spellings.empty()) return forms_query(normalized, field, topic);
    const FieldPrefixes prefixes = prefixes_for(field);
    out_.highlight.add_exact(normalized, topic);
    std::vector<Query> exact{Query(prefixes.exact + normalized)};
    std::vector<Query> alternatives;
    out_.highlight.set_source(HighlightTerms::Source::Latin, normalized);
    for (const std::string& spelling : spellings) {
        out_.highlight.add_exact(spelling, topic);
        exact.emplace_back(prefixes.exact + spelling);
        alternatives.push_back(other_forms_query(spelling, field, topic, kTransliterationWeight));
    }
    alternatives.insert(alternatives.begin(), Query(Query::OP_SYNONYM, exact.begin(), exact.end()));
    return combine(Query::OP_OR, alternatives);
}

// A surname typed in the nominative whose stem is shorter than the name:
// Snowball takes `-ов` off `Лавров` and `Медведев` as a plural ending, and
// the stem `лавр`, `медвед` then finds the saint Лавр and the bear, not the
// person. The name base finds every form of the surname, so the stem is left
// out, when the archive writes the word mostly as a name (`часов` keeps `час`).
bool QueryBuilder::stem_cuts_into_name(const std::string& normalized, const std::string& stem,
                                       const std::string& name) {
    if (normalized != name || stem.size() >= name.size() || name.compare(0, stem.size(), stem) != 0) return false;
    return name_frequency(normalized) > 0;
}

// Articles with the word (or, for a name, any of its forms) capitalised; 0
// for a word mostly written in lower case.
Xapian::doccount QueryBuilder::name_frequency(const std::string& word) {
    const Xapian::doccount as_word = db_.get_termfreq(schema::kExactPrefix + word);
    const std::string name = surname_base(word);
    if (name.empty()) return as_word;
    const Xapian::doccount capitalised = db_.get_termfreq(schema::kNamePrefix + name);
    return capitalised * 2 >= as_word ? capitalised : 0;
}

// The Cyrillic spellings of a Latin word that the index has, as names: words
// in Latin letters are names of people, places and brands, so a spelling
// that can be a name must mostly occur capitalised, in any of its forms
// (`gromov` finds `Громова`; `bull` is `булл`, not the `балл` of a score;
// `smith` is not `смыт`). The most frequent first, and none far rarer than
// the first (`korea` is `корея`, not `кори`). Remembered for the query, as a
// word in a phrase asks twice.
const std::vector<std::string>& QueryBuilder::known_spellings(const std::string& latin, bool acronym) {
    const std::string key = acronym ? latin + " acronym" : latin;
    if (auto found = spellings_.find(key); found != spellings_.end()) return found->second;
    const Vocabulary vocabulary{
        [this](const std::string& start) { return db_.allterms_begin(start) != db_.allterms_end(start); },
        [this](const std::string& word) { return name_frequency(word) > 0; }};
    struct Candidate {
        std::string word;
        Xapian::doccount frequency;
        bool as_read;  // the index has this very form, not only others of the name
    };
    std::vector<Candidate> candidates;
    for (std::string& spelling : known_cyrillic_spellings(latin, vocabulary, acronym)) {
        const Xapian::doccount frequency = name_frequency(spelling);
        const bool as_read = db_.term_exists(schema::kExactPrefix + spelling);
        candidates.push_back({std::move(spelling), frequency, as_read});
    }
    // A reading the index has as such beats one that only shares a name base
    // with its words (`bull`: `булл`, not `бульл`, whose base is `булл` too).
    if (std::any_of(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.as_read; })) {
        std::erase_if(candidates, [](const Candidate& c) { return !c.as_read; });
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.frequency > b.frequency; });
    std::vector<std::string>& out = spellings_[key];
    for (Candidate& candidate : candidates) {
        if (out.size() == kMaxTransliterations || candidate.frequency * kMaxSpellingRarity < candidates.front().frequency) break;
        out.push_back(std::move(candidate.word));
    }
    return out;
}

Query QueryBuilder::phrase_query(const QueryNode& node) {
    std::vector<Query> words;
    std::vector<Query> exact_terms;
    const FieldPrefixes prefixes = prefixes_for(node.field);
    for (const std::string& word : node.words) {
        words.push_back(word_query(word, node.field, false));
        exact_terms.push_back(phrase_position(word, prefixes.exact));
    }
    if (strictness_ == Strictness::Relaxed) return combine(Query::OP_AND, words);
    out_.can_relax = true;
    Query phrase(Query::OP_PHRASE, exact_terms.begin(), exact_terms.end(),
                 static_cast<Xapian::termcount>(exact_terms.size()));
    // The phrase decides what matches; the words add weight for their forms.
    return Query(Query::OP_AND_MAYBE, phrase,
                 combine(Query::OP_OR, words));
}

// What may stand at a word's place in a phrase: the word itself, for a
// Latin word its Cyrillic spellings too (`Sen-Lui` is `Сен-Луи`), and for a
// word the index and the dictionary do not know, its corrections
// (`аль-Хаадж` is `аль-Хадж`).
Query QueryBuilder::phrase_position(const std::string& raw_word, const std::string& exact_prefix) {
    const std::string normalized = normalize_text(raw_word);
    std::vector<Query> spellings{Query(exact_prefix + normalized)};
    if (is_latin_word(normalized)) {
        for (const std::string& spelling : known_spellings(normalized, is_acronym(raw_word))) {
            spellings.emplace_back(exact_prefix + spelling);
        }
    }
    if (!is_known(normalized) && stemmer_.lemmas(normalized).empty()) {
        for (const std::string& corrected :
             closest_known_words(db_, normalized, kCorrectionsSearched, has_capital(raw_word))) {
            spellings.emplace_back(exact_prefix + corrected);
        }
    }
    return combine(Query::OP_OR, spellings);
}

Query QueryBuilder::filter_query(const QueryNode& node) const {
    const Field* field = find_field(node.field);
    if (!field || field->kind == FieldKind::Text) return Query::MatchNothing;
    if (field->kind != FieldKind::DateRange) return Query(filter_term(*field, node.value));
    // date:2021, date:2021-05, date:2021-05-24, date:2020..2021
    const std::size_t dots = node.value.find("..");
    const std::string from = date_bound(node.value.substr(0, dots), false);
    const std::string to = date_bound(dots == std::string::npos ? node.value : node.value.substr(dots + 2), true);
    if (from.empty() && to.empty()) return Query::MatchNothing;
    return Query(Query::OP_VALUE_RANGE, field->slot, from.empty() ? "00000000" : from,
                 to.empty() ? "99999999" : to);
}

// `Киргизия` also searches `Кыргызстан`, `Кыргызская Республика`...;
// the words as typed keep full weight.
Query QueryBuilder::synonym_query(const std::vector<std::string>& words, const Synonyms::Match& match) {
    // The equivalents are the same thing asked for as the words typed: one
    // topic (the first typed word's), so that a snippet or a quotation
    // holding `Киргизия` holds all the user asked for.
    const int topic = out_.highlight.topic_count();
    std::vector<Query> typed;
    for (const std::string& word : words) typed.push_back(word_query(word, "", false));
    std::vector<Query> alternatives{combine(Query::OP_AND, typed)};
    std::string typed_words;
    for (const std::string& word : words) typed_words += (typed_words.empty() ? "" : " ") + word;
    out_.highlight.set_source(HighlightTerms::Source::Equivalent, typed_words);

    const std::vector<Synonyms::Variant>& group = synonyms_.group(match.group);
    for (std::size_t v = 0; v < group.size(); ++v) {
        if (v == match.variant) continue;
        std::vector<Query> stems;
        for (std::size_t i = 0; i < group[v].words.size(); ++i) {
            const std::string& word = group[v].words[i];
            if (group[v].words.size() == 1) {
                stems.push_back(forms_query(word, "", topic, kSynonymWeight));
            } else if (utf8_length(word) > 2) {  // skip `и`, `по`, `о` inside names
                stems.push_back(scaled_term(schema::kStemPrefix + group[v].stems[i], kSynonymWeight));
                out_.highlight.add_stem(group[v].stems[i], topic);
            }
        }
        alternatives.push_back(combine(Query::OP_AND, stems));
    }
    return combine(Query::OP_OR, alternatives);
}

}  // namespace core
