#include "core/quote_marks.h"

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

}  // namespace

const QuotePair* quote_opening_at(std::string_view text, std::size_t at, bool with_apostrophes) {
    for (const QuotePair& pair : kQuotePairs) {
        if (!with_apostrophes && (pair.open == "'" || pair.open == "‘")) continue;
        if (starts_with(text.substr(at), pair.open)) return &pair;
    }
    return nullptr;
}

std::size_t find_closing(std::string_view text, std::size_t from, const QuotePair& pair, std::size_t& closer_size) {
    const bool nests = pair.open != pair.close[0] && pair.open != pair.close[1];
    std::size_t depth = 0;
    for (std::size_t at = from; at < text.size(); ++at) {
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
