#include "core/highlight.h"

#include "core/text.h"

#include <algorithm>

namespace core {

void HighlightTerms::note_first_letter(const std::string& key) {
    const int letter = first_letter_folded(key);
    if (letter < 0) {
        any_first_letter_ = true;
    } else if (std::find(first_letters_.begin(), first_letters_.end(), letter) == first_letters_.end()) {
        first_letters_.push_back(letter);
    }
}

HighlightTerms::Match HighlightTerms::match(const std::string& normalized, RussianStemmer& stemmer) const {
    if (auto found = exact_.find(normalized); found != exact_.end()) return {found->second, true};
    for (const auto& [prefix, topic] : prefixes_) {
        if (normalized.compare(0, prefix.size(), prefix) == 0) return {topic, true};
    }
    // A name base is the word less its ending (or, for -ей names, less its
    // last letter too), so only a word sharing its start can have it.
    for (const auto& [base, topic] : names_) {
        const std::size_t start = base.size() > 2 ? base.size() - 2 : base.size();
        if (normalized.compare(0, start, base, 0, start) != 0) continue;
        if (auto found = names_.find(surname_base(normalized)); found != names_.end()) return {found->second, false};
        break;
    }
    // Snowball only removes endings, so a word can have stem S only if it
    // starts with S: test that before paying for stemming.
    for (const auto& [stem, topic] : stems_) {
        if (normalized.compare(0, stem.size(), stem) != 0) continue;
        if (auto found = stems_.find(stemmer.stem(normalized)); found != stems_.end()) return {found->second, false};
        break;
    }
    // A lemma can differ from its form past the first letter (`писать`,
    // `пишет`), rarely in it: only words sharing one pay for a lookup.
    for (const auto& [lemma, topic] : lemmas_) {
        if (first_letter_folded(normalized) != first_letter_folded(lemma)) continue;
        for (const std::string& word_lemma : stemmer.lemmas(normalized)) {
            if (auto found = lemmas_.find(word_lemma); found != lemmas_.end()) return {found->second, false};
        }
        break;
    }
    return {};
}

}  // namespace core
