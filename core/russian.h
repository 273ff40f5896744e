// Russian word analysis: Snowball stems and surname bases.
#pragma once

#include "core/word_cache.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace core {

// The base shared by every case form of a Russian surname or first name, or
// "" when the word does not follow a name paradigm. `лавров`, `лаврова`,
// `лавровым`, `лавровой` all give one base; so do `вертинская` and
// `вертинскому`, `сергей` and `сергеем`, `кыргызстана` and `кыргызстан`, and
// `павел` and `павла` (a vowel that comes and goes is left out: `павл`).
// Snowball cannot do this: it stems `лавров` to `лавр` but `лаврова` to
// `лавров`. Only Cyrillic words have a base. `normalized` must already be
// normalize_text() output.
std::string surname_base(std::string_view normalized);

// The same base with the vowel kept, which for the nominative is the word
// itself or its start: `лаврову` → `лавров`, `вертинскому` → `вертинск`,
// `кэмерона` → `кэмерон` (to name a person in the nominative).
std::string surname_nominative_base(std::string_view normalized);

// What every word whose surname_base() is `base` starts with: the base
// itself, or the base with its left-out vowel (or ь, й) back before its last
// letter (`павл` → `павл`, `павел`, `павьл`, `павйл`).
std::vector<std::string> name_base_starts(const std::string& base);

// Snowball Russian stemming and dictionary lemmas, with caches (most words
// repeat, and a lemma costs a Hunspell call under a process-wide lock).
// Not thread-safe: give each thread its own analyzer.
class RussianStemmer {
public:
    RussianStemmer();
    const std::string& stem(const std::string& normalized);
    // The dictionary forms of a lower-case word (`санкциями` -> `санкция`;
    // `стали` -> `сталь`, `стать`), empty where the dictionary does not know
    // it (names, new words). See dictionary.h.
    const std::vector<std::string>& lemmas(const std::string& normalized);
    // How many words each cache keeps (default kDefaultCachedWords): what an
    // analysis thread holds does not grow with the corpus's vocabulary.
    void set_cached_words(std::size_t words);

    static constexpr std::size_t kDefaultCachedWords = 500000;

private:
    Xapian::Stem stemmer_;
    WordCache<std::string> cache_{kDefaultCachedWords};
    WordCache<std::vector<std::string>> lemma_cache_{kDefaultCachedWords};
};

}  // namespace core
