#include "core/quote_marks.h"

#include <cctype>

namespace core {
namespace {

constexpr std::array<QuotePair, 7> kQuotePairs = {{
    {"«", {"»", "»"}},
    {"„", {"“", "”"}},
    {"“", {"”", "“"}},
    {"”", {"”", "”"}},
    {"\"", {"\"", "\""}},
    {"‘", {"’", "’"}},
    {"'", {"'", "'"}},
}};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_word_byte(char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)); }

// A straight quote before a word and after a space opens a nested quotation
// (`"... о "заборе", которым ..."`); any other straight quote closes.
bool opens_nested_straight_quote(std::string_view text, std::size_t at, std::size_t from) {
    const bool after_gap = at == from || text[at - 1] == ' ' || text[at - 1] == '(';
    return after_gap && at + 1 < text.size() && is_word_byte(text[at + 1]);
}

std::size_t find_closing_straight(std::string_view text, std::size_t from, std::size_t& closer_size) {
    std::size_t depth = 0;
    for (std::size_t at = text.find('"', from); at != std::string_view::npos; at = text.find('"', at + 1)) {
        if (opens_nested_straight_quote(text, at, from)) {
            ++depth;
        } else if (depth == 0) {
            closer_size = 1;
            return at;
        } else {
            --depth;
        }
    }
    return std::string_view::npos;
}

}  // namespace

const QuotePair* quote_opening_at(std::string_view text, std::size_t at, bool with_apostrophes) {
    // The extractor asks at every byte of an article, so most answers stop here.
    if (at >= text.size() || !may_start_quote_mark(text[at])) return nullptr;
    for (const QuotePair& pair : kQuotePairs) {
        if (!with_apostrophes && (pair.open == "'" || pair.open == "‘")) continue;
        if (starts_with(text.substr(at), pair.open)) return &pair;
    }
    return nullptr;
}

std::size_t find_closing(std::string_view text, std::size_t from, const QuotePair& pair, std::size_t& closer_size) {
    if (pair.open == "\"") {
        const std::size_t nested = find_closing_straight(text, from, closer_size);
        if (nested != std::string_view::npos) return nested;
    }
    const bool nests = pair.open != pair.close[0] && pair.open != pair.close[1];
    std::size_t depth = 0;
    for (std::size_t at = from; at < text.size(); ++at) {
        if (!may_start_quote_mark(text[at])) continue;  // neither an opening nor a closing mark
        const std::string_view rest = text.substr(at);
        if (nests && starts_with(rest, pair.open)) {
            ++depth;
            at += pair.open.size() - 1;
            continue;
        }
        for (std::string_view closer : pair.close) {
            if (!starts_with(rest, closer)) continue;
            if (depth == 0) {
                closer_size = closer.size();
                return at;
            }
            --depth;
            at += closer.size() - 1;
            break;
        }
    }
    return std::string_view::npos;
}

}  // namespace core
