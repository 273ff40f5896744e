// The words of an article as the quotation extractor reads them: each with
// its place in the text, its case and the sentence it stands in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core::quotes_detail {

struct Token {
    std::size_t begin = 0, end = 0;  // bytes in the article
    std::string raw;
    std::string normalized;
    bool capitalized = false;
    bool all_caps = false;
    bool sentence_start = false;  // first word of a sentence: capitalised anyway
    bool in_name_of_site = false; // `Лента.ру`, `NEWSru.com`: glued to a dot
    bool after_open_quote = false; // `«Росбалт»`: the first word of something quoted
    bool compound_head = false;    // `Российско-азиатского`: glued by a hyphen to a lower-case word
    std::size_t sentence = 0;      // which sentence of the article it stands in
};

// The words of `text` in order, with what the extractor asks of each.
std::vector<Token> tokenize(std::string_view text);

// Index of the first token starting at or after `byte`.
std::size_t token_at(const std::vector<Token>& tokens, std::size_t byte);

// `лавров` → `Лавров`: the first letter (Latin or Russian) in upper case.
std::string capitalize(const std::string& lower);

// Whether `word` ends in `ending` and has something before it: `ов` is no
// surname ending of `ов` itself.
bool ends_with(std::string_view word, std::string_view ending);

// Going back from byte `at` over spaces and dashes (`-`, `—`, `–`): where
// they start. `», — сказал`: from `сказал` back to the comma.
std::size_t skip_spaces_and_dashes_back(std::string_view text, std::size_t at);

// Going on from byte `at` over spaces and dashes, before `end`: where the
// words resume. `— сказал он. — Часть вторая`: from the period to `Часть`.
std::size_t skip_spaces_and_dashes(std::string_view text, std::size_t at, std::size_t end);

}  // namespace core::quotes_detail
