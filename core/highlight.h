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

    void add_exact(const std::string& normalized, int topic) { exact_.emplace(normalized, topic); }
    void add_stem(const std::string& stem, int topic) { stems_.emplace(stem, topic); }
    void add_name(const std::string& base, int topic) { names_.emplace(base, topic); }
    void add_prefix(const std::string& prefix, int topic) { prefixes_.emplace_back(prefix, topic); }

    struct Match {
        int topic = -1;      // -1: no match
        bool exact = false;  // the very word of the query, not another form
    };
    Match match(const std::string& normalized, RussianStemmer& stemmer) const;
    bool empty() const { return exact_.empty() && stems_.empty() && names_.empty() && prefixes_.empty(); }

private:
    int topics_ = 0;
    std::unordered_map<std::string, int> exact_;
    std::unordered_map<std::string, int> stems_;
    std::unordered_map<std::string, int> names_;
    std::vector<std::pair<std::string, int>> prefixes_;
};

}  // namespace core
