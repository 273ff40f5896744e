// The words a query matches, in every form the index matched them, so that
// snippets and article views can mark them in the original text.
#pragma once

#include "core/russian.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace core {

class HighlightTerms {
public:
    // A topic is one thing the user asked for (a word with all its forms,
    // transliterations and equivalents); snippets prefer covering many.
    int new_topic() { return topics_++; }
    int topic_count() const { return topics_; }

    void add_exact(const std::string& normalized, int topic) {
        note_first_letter(normalized);
        exact_.emplace(normalized, topic);
    }
    void add_stem(const std::string& stem, int topic) {
        note_first_letter(stem);
        stems_.emplace(stem, topic);
    }
    void add_name(const std::string& base, int topic) {
        note_first_letter(base);
        names_.emplace(base, topic);
    }
    void add_lemma(const std::string& lemma, int topic) {
        note_first_letter(lemma);
        lemmas_.emplace(lemma, topic);
    }
    void add_prefix(const std::string& prefix, int topic) {
        note_first_letter(prefix);
        prefixes_.emplace_back(prefix, topic);
    }

    // False when no word starting with `letter` (as first_letter_folded()
    // gives it, >= 0) can match: every form matched starts with its own first
    // letter (stems and name bases only lose endings). Lets a caller skip
    // normalising most words of a text.
    bool may_start_with(int letter) const {
        if (any_first_letter_) return true;
        for (int first : first_letters_) {
            if (first == letter) return true;
        }
        return false;
    }

    struct Match {
        int topic = -1;      // -1: no match
        bool exact = false;  // the very word of the query, not another form
    };
    Match match(const std::string& normalized, RussianStemmer& stemmer) const;
    bool empty() const {
        return exact_.empty() && stems_.empty() && names_.empty() && lemmas_.empty() && prefixes_.empty();
    }

private:
    void note_first_letter(const std::string& key);

    int topics_ = 0;
    std::vector<int> first_letters_;
    bool any_first_letter_ = false;  // a key whose first letter is not plain ASCII or Russian
    std::unordered_map<std::string, int> exact_;
    std::unordered_map<std::string, int> stems_;
    std::unordered_map<std::string, int> names_;
    std::unordered_map<std::string, int> lemmas_;
    std::vector<std::pair<std::string, int>> prefixes_;
};

}  // namespace core
