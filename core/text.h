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
    std::string normalized;  // normalize_text(raw)
    bool capitalized = false;
};

// Calls `on_word` for each word of `text` in order. A word is a run of
// letters, digits and combining marks; everything else separates words.
void for_each_word(std::string_view text, const std::function<void(const Word&)>& on_word);

// The same, stopping as soon as `on_word` returns false; returns the byte
// offset where the scan stopped (text.size() when it read the whole text).
std::size_t for_each_word_while(std::string_view text, const std::function<bool(const Word&)>& on_word);

// True when the word is written in Latin letters only (digits allowed).
bool is_latin_word(std::string_view normalized);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);
void append_html_escaped(std::string& out, std::string_view text);

// Number of Unicode code points in valid UTF-8.
std::size_t utf8_length(std::string_view text);

}  // namespace core
