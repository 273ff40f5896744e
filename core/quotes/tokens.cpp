#include "core/quotes/tokens.h"

#include "core/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace core::quotes_detail {
namespace {

// Whether the word at `begin` comes right after an opening quote mark.
bool opened_by_quote_mark(std::string_view text, std::size_t begin) {
    for (std::string_view mark : {"«", "„", "“", "\""}) {
        if (begin >= mark.size() && text.substr(begin - mark.size(), mark.size()) == mark) return true;
    }
    return false;
}

// Going back from the word at byte `begin` over spaces, straight quotes and
// the marks `«`, `—`, `–`, `„`, `“`: where the gap before the word starts.
std::size_t gap_before(std::string_view text, std::size_t begin) {
    std::size_t before = begin;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '"' ||
                          static_cast<unsigned char>(text[before - 1]) >= 0x80)) {
        // step back over spaces, quotes and multi-byte punctuation (« — „)
        if (static_cast<unsigned char>(text[before - 1]) >= 0x80) {
            std::size_t start = before - 1;
            while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
            const std::string_view mark = text.substr(start, before - start);
            if (mark != "«" && mark != "—" && mark != "–" && mark != "„" && mark != "“") break;
            before = start;
        } else {
            --before;
        }
    }
    return before;
}

// `Джордж Х. Кинг`: the period after an initial ends no sentence, nor after a
// short lower-case abbreviation of a title (`МГУ им. М.В. Ломоносова`,
// `проф. Иванов`).
bool is_abbreviation(const Token& word) {
    if (word.capitalized && utf8_length(word.raw) == 1) return true;
    return word.raw == "им" || word.raw == "проф" || word.raw == "акад" || word.raw == "св";
}

bool starts_sentence(std::string_view text, std::size_t before, const std::vector<Token>& tokens) {
    const bool after_abbreviation = before > 0 && text[before - 1] == '.' && !tokens.empty() &&
                                    tokens.back().end == before - 1 && is_abbreviation(tokens.back());
    return before == 0 || (text[before - 1] == '.' && !after_abbreviation) || text[before - 1] == '!' ||
           text[before - 1] == '?' || text[before - 1] == '\n' || text[before - 1] == ':';
}

// Whether the dot at byte `dot` follows an initial: one capital letter
// opening a word (`Р.Русинов`, `С.Джобс`).
bool after_initial_letter(std::string_view text, std::size_t dot) {
    if (dot < 2) return false;
    const std::size_t letter = dot - 2;  // a Cyrillic letter takes two bytes
    const unsigned char lead = static_cast<unsigned char>(text[letter]);
    const bool capital = lead == 0xD0 && static_cast<unsigned char>(text[letter + 1]) >= 0x81 &&
                         static_cast<unsigned char>(text[letter + 1]) <= 0xAF;
    const bool word_start = letter == 0 || text[letter - 1] == ' ' || text[letter - 1] == '\n';
    return capital && word_start;
}

// `Лента.ру`, `NEWSru.com`: the word at bytes [begin, end) is glued to a dot.
// A surname glued to an initial (`Р.Русинов`) is no site.
bool glued_to_a_dot(std::string_view text, std::size_t begin, std::size_t end) {
    return (end < text.size() && text[end] == '.' && end + 1 < text.size() && text[end + 1] != ' ' &&
            text[end + 1] != '\n') ||
           (begin > 0 && text[begin - 1] == '.' && !after_initial_letter(text, begin - 1));
}

// `⚡️Зеленский`: an emoji's variation selector (a non-spacing mark) or a
// joiner opens the word; the word starts at its first letter. Returns that
// byte and whether the letter is a capital.
std::pair<std::size_t, bool> first_letter(std::string_view text, std::size_t begin, std::size_t end, bool capitalized) {
    if (begin >= end) return {begin, capitalized};
    const auto lead = static_cast<unsigned char>(text[begin]);
    if (lead < 0xC0 || lead == 0xD0 || lead == 0xD1) return {begin, capitalized};  // ASCII, Cyrillic
    int32_t at = static_cast<int32_t>(begin);
    while (at < static_cast<int32_t>(end)) {
        const int32_t start = at;
        UChar32 c;
        U8_NEXT(text.data(), at, static_cast<int32_t>(end), c);
        if (c < 0) return {begin, capitalized};
        if (u_charType(c) != U_NON_SPACING_MARK && u_charType(c) != U_FORMAT_CHAR) {
            return {static_cast<std::size_t>(start), start == static_cast<int32_t>(begin) ? capitalized : u_isupper(c) != 0};
        }
    }
    return {begin, capitalized};
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    for_each_word(text, [&](const Word& w) {
        Token t;
        const auto [begin, capitalized] = first_letter(text, w.begin, w.end, w.capitalized);
        t.begin = begin;
        t.end = w.end;
        t.raw = std::string(text.substr(begin, w.end - begin));
        t.normalized = w.normalized;
        t.capitalized = capitalized;
        t.all_caps = t.capitalized && utf8_length(t.raw) > 1 && is_all_caps(t.raw);
        t.in_name_of_site = glued_to_a_dot(text, t.begin, w.end);
        t.sentence_start = starts_sentence(text, gap_before(text, t.begin), tokens);
        t.after_open_quote = opened_by_quote_mark(text, t.begin);
        t.sentence = tokens.empty() ? 0 : tokens.back().sentence + (t.sentence_start ? 1 : 0);
        // `Нурмагомедов-старший` is still a surname.
        const bool generation = t.normalized.rfind("старш", 0) == 0 || t.normalized.rfind("младш", 0) == 0;
        if (!tokens.empty() && !t.capitalized && !generation && t.begin == tokens.back().end + 1 &&
            text[tokens.back().end] == '-') {
            tokens.back().compound_head = true;
        }
        tokens.push_back(std::move(t));
    });
    return tokens;
}

std::size_t token_at(const std::vector<Token>& tokens, std::size_t byte) {
    return static_cast<std::size_t>(
        std::lower_bound(tokens.begin(), tokens.end(), byte, [](const Token& t, std::size_t b) { return t.begin < b; }) -
        tokens.begin());
}

std::string capitalize(const std::string& lower) {
    if (lower.empty()) return lower;
    std::string first_letter;
    std::size_t size = (static_cast<unsigned char>(lower[0]) < 0x80) ? 1 : 2;
    first_letter = lower.substr(0, size);
    static const std::string lower_letters = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
    static const std::string upper_letters = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
    if (size == 1) return std::string(1, static_cast<char>(std::toupper(lower[0]))) + lower.substr(1);
    const std::size_t at = lower_letters.find(first_letter);
    if (at == std::string::npos) return lower;
    return upper_letters.substr(at, 2) + lower.substr(2);
}

bool ends_with(std::string_view word, std::string_view ending) {
    return word.size() > ending.size() && word.compare(word.size() - ending.size(), ending.size(), ending) == 0;
}

std::size_t skip_spaces_and_dashes_back(std::string_view text, std::size_t at) {
    while (at > 0) {
        if (text[at - 1] == ' ' || text[at - 1] == '-') {
            --at;
        } else if (at >= 3 && (text.substr(at - 3, 3) == "—" || text.substr(at - 3, 3) == "–")) {
            at -= 3;
        } else {
            break;
        }
    }
    return at;
}

std::size_t skip_spaces_and_dashes(std::string_view text, std::size_t at, std::size_t end) {
    while (at < end && (text[at] == ' ' || text.substr(at, 3) == "—" || text.substr(at, 3) == "–" || text[at] == '-')) {
        at += (text.substr(at, 3) == "—" || text.substr(at, 3) == "–") ? 3 : 1;
    }
    return at;
}

}  // namespace core::quotes_detail
