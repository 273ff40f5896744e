// Unicode text handling shared by the indexer and the server: normalisation
// (NFKC + case folding + ё→е) and splitting text into words with byte offsets.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace core {

// NFKC, case folding and ё→е: the form in which every word is indexed and
// searched, so that `Ёлка`, `ёлка` and `елка` are one word.
std::string normalize_text(std::string_view text);

// Replaces invalid UTF-8 sequences with U+FFFD, so later stages never see them.
std::string sanitize_utf8(std::string_view text);
bool is_valid_utf8(std::string_view text);

struct Word {
    std::string_view raw;    // the word as written in the text
    std::size_t begin = 0;   // byte offset of `raw` in the text
    std::size_t end = 0;     // byte offset just past `raw`
    std::size_t char_begin = 0;  // code points before `raw` in the text
    std::string normalized;  // normalize_text(raw), unless the caller asked for raw words only
    bool capitalized = false;
};

// Calls `on_word` for each word of `text` in order. A word is a run of
// letters, digits and combining marks; everything else separates words.
void for_each_word(std::string_view text, const std::function<void(const Word&)>& on_word);

// The same, stopping as soon as `on_word` returns false; returns the byte
// offset where the scan stopped (text.size() when it read the whole text).
// With `normalize` false, `normalized` is left empty (and words that would
// normalise to nothing are not skipped): for callers that normalise only the
// words they need, with normalize_word().
std::size_t for_each_word_while(std::string_view text, const std::function<bool(const Word&)>& on_word,
                                bool normalize = true);

// normalize_text(raw) into `out`, reusing its buffer.
void normalize_word(std::string_view raw, std::string& out);

// The first letter of `raw` as it starts the normalised word, when that is
// plain to see (ASCII or Russian, lower-cased, ё as е); -1 otherwise.
int first_letter_folded(std::string_view raw);

// True when the word is written in Latin letters only (digits allowed).
bool is_latin_word(std::string_view normalized);

// True when `raw` has no lower-case letter: `МИД`, `ТАСС`, `UFC`.
bool is_all_caps(std::string_view raw);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);
void append_html_escaped(std::string& out, std::string_view text);

// Number of Unicode code points in valid UTF-8.
std::size_t utf8_length(std::string_view text);
// The first `max_chars` code points of valid UTF-8 (all of it when shorter).
std::string_view utf8_prefix(std::string_view text, std::size_t max_chars);

}  // namespace core
