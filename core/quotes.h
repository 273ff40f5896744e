// Direct speech in an article and who said it: «...», — сказал Путин;
// Лавров: «...»; По словам Лаврова, ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Quotation {
    std::string text;          // the quoted words, without the quote marks
    std::size_t begin = 0;     // code-point offset of `text` in the article
    std::size_t end = 0;       // code-point offset just past it
    std::string speaker;       // nominative surname (`Лавров`), or "" when unknown
    std::string speaker_full;  // `Сергей Лавров` when the article gives it, else = speaker
    std::string speaker_title; // the title used for the speaker (`министр`), if any
};

// Every attributed quotation in `text`, in order. A quotation the article
// does not attribute is left out; one attributed only by a title the
// article never ties to a person keeps the title and an empty speaker.
std::vector<Quotation> extract_quotations(std::string_view text);

// The key under which a speaker is indexed and searched: the base of the
// last word, so `speaker:Лаврова` and `Сергей Лавров` find quotations by Лавров.
std::string speaker_key(std::string_view name);

// A ready citation line: «quotation» — Speaker, source, date, URL.
std::string citation_line(const Quotation& quote, std::string_view source, std::string_view date, std::string_view url);

}  // namespace core
