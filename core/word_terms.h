// The terms an article's words give its Xapian document (schema.h): the
// exact form with its position, the stem, the name base of a capitalised
// word, the dictionary lemmas, and the title copies.
#pragma once

#include "core/text.h"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace core {

// Counts each word of one article and adds its derived terms once per
// distinct word when the article ends. Xapian's document keeps its terms in
// a tree of strings, so every add_term() is a search with string compares,
// and most words of an article repeat; what a word gives (stem, name base,
// lemmas) is worked out once and remembered across articles, found with one
// lookup per word. The document is the same as adding every term at every
// word: wdfs add up. Not thread-safe: one per thread.
class WordTerms {
public:
    // Remembers about this many distinct words, in two generations: when
    // the current one holds half, it becomes the previous one and the one
    // before is forgotten; a word found in the previous generation moves
    // back, so the words a text keeps using stay while rare ones age out.
    // The indexer sets the bound from its memory budget (issue #18).
    static constexpr std::size_t kDefaultMaxWords = 500000;

    explicit WordTerms(std::size_t max_words = kDefaultMaxWords);
    void set_max_words(std::size_t max_words) { max_words_ = max_words; }

    // One word of the article at `position`: its exact-form posting is added
    // now, the rest on finish().
    void add(Xapian::Document& doc, const Word& word, bool is_title, Xapian::termpos position);
    // Adds the terms of the words added since the last finish().
    void finish(Xapian::Document& doc);

private:
    // What a word gives, and how often it occurred in the current article.
    struct WordInfo {
        std::string stem;
        std::vector<std::string> lemmas;
        std::string name;        // surname_base(), once the word came capitalised
        bool name_known = false;
        // In the current article: occurrences, and capitalised ones, in the
        // body and in the title.
        Xapian::termcount body = 0, body_capitalized = 0, title = 0, title_capitalized = 0;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
    };

    using Entry = std::pair<const std::string, WordInfo>;
    Entry& entry(const std::string& normalized);
    const std::string& term(const char* prefix, const std::string& text);

    Xapian::Stem stemmer_;
    std::size_t max_words_;
    using Words = std::unordered_map<std::string, WordInfo, Hash, std::equal_to<>>;
    Words words_;     // the current generation
    Words previous_;  // the one before
    std::vector<Entry*> seen_;  // words of the current article
    std::string term_;  // reused to build prefixed terms
};

}  // namespace core
