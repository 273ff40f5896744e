// Quotation marks: which closer ends which opener. Shared by the query
// parser (phrases) and the quotation extractor, so both pair marks alike.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace core {

struct QuotePair {
    std::string_view open;
    std::array<std::string_view, 2> close;
};

// Whether a quote mark (opening or closing) may start at a byte equal to
// `c`: every mark starts with one of these (« and » with C2, „“”‘’ with
// E2), so the other bytes of a text are passed over without a comparison.
inline bool may_start_quote_mark(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte == '"' || byte == '\'' || byte == 0xC2 || byte == 0xE2;
}

// The pair whose opening mark starts at `text[at]`, or nullptr. With
// `with_apostrophes` false, ' and ‘ are not treated as quote marks (in
// article text they are mostly apostrophes).
const QuotePair* quote_opening_at(std::string_view text, std::size_t at, bool with_apostrophes = true);

// Where the quotation opened by `pair` (its inside starting at `from`)
// closes; npos when it never does. Quotations opened with the same kind of
// mark nest; other marks inside are just characters, so „...“ inside «...»
// does not end it.
std::size_t find_closing(std::string_view text, std::size_t from, const QuotePair& pair, std::size_t& closer_size);

}  // namespace core
