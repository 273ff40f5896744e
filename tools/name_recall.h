// The name-recall evaluation: for every person annotated in the
// factRuEval-2016 devset, query the nominative surname and count how many of
// the documents that mention the person are found.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace eval {

struct NameMention {
    std::string surname;  // nominative, from the .coref `lastname`
    std::string doc_id;   // e.g. book_100
    bool hard = false;    // the text never has the nominative form itself
};

// Reads `<dir>/*.coref` and the matching texts in `texts_dir`.
std::vector<NameMention> load_name_mentions(const std::string& annotations_dir, const std::string& texts_dir);

// Ordinary (lower-case, non-name) words from the texts: the most common
// ones and a sample of rarer ones, to check that name analysis loses nothing.
std::vector<std::string> ordinary_words(const std::string& texts_dir, std::size_t count);

struct RecallFigures {
    std::size_t pairs = 0, found = 0, hard_pairs = 0, hard_found = 0;
    std::vector<NameMention> missed;
    double recall() const { return pairs ? double(found) / double(pairs) : 0; }
    double hard_recall() const { return hard_pairs ? double(hard_found) / double(hard_pairs) : 0; }
};

enum class Analysis { Ours, PlainSnowball };
// How the surname is typed: as annotated, in lower case, or in Latin letters
// (ICU's BGN/PCGN romanisation without the marks people do not type,
// `Навальный` → `Navalnyy`, `Соловьёв` → `Solovyev`).
// Typo: capitalised, with one letter wrong, missing or doubled (with_typo()).
enum class Casing { Capitalized, Lowercase, Latin, Typo };

std::string romanized(const std::string& cyrillic);

// The surname with one typo, the same for the same surname: a letter after
// the first replaced by another, left out or doubled, in turn by surname
// (`Абрамович` → `Абраиович`, `Бетховен` → `Бетховн`).
std::string with_typo(const std::string& surname);

// Builds an index of `texts_dir` in `work_dir` with the given analysis and
// measures recall for every mention, the surname typed with `casing`.
class NameRecallEvaluation {
public:
    NameRecallEvaluation(const std::string& texts_dir, const std::string& work_dir, Analysis analysis);
    RecallFigures measure(const std::vector<NameMention>& mentions, Casing casing);
    // Documents matching `word` (any analysis), by id.
    std::set<std::string> matching_ids(const std::string& word);

private:
    std::string db_path_;
    Analysis analysis_;
};

}  // namespace eval
