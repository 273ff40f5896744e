#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace core {
namespace {

constexpr UChar32 kCyrillicCapitalA = 0x0410;
constexpr UChar32 kCyrillicCapitalYa = 0x042F;
constexpr UChar32 kCyrillicSmallA = 0x0430;
constexpr UChar32 kCyrillicSmallYa = 0x044F;
constexpr UChar32 kCapitalYo = 0x0401;
constexpr UChar32 kSmallYo = 0x0451;
constexpr UChar32 kSmallIe = 0x0435;

const icu::Normalizer2& nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold is unavailable");
    return *normalizer;
}

void append_utf8(std::string& out, UChar32 c) {
    char buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, c, error);
    if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

// Folds ё/Ё into е after ICU has done NFKC and case folding (ICU keeps ё).
std::string fold_yo(std::string text) {
    static const std::string yo = "\u0451";
    static const std::string ie = "\u0435";
    for (std::size_t at = text.find(yo); at != std::string::npos; at = text.find(yo, at)) {
        text.replace(at, yo.size(), ie);
    }
    return text;
}

// The character at byte `i` (moved past it), or a negative value for an
// invalid sequence, as U8_NEXT reads it; the two-byte sequences of the
// Russian alphabet (lead byte D0 or D1) decoded inline, most of a text.
UChar32 next_char(std::string_view text, int32_t& i) {
    const auto lead = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
    const auto size = static_cast<int32_t>(text.size());
    if ((lead == 0xD0 || lead == 0xD1) && i + 1 < size) {
        const auto trail = static_cast<unsigned char>(text[static_cast<std::size_t>(i) + 1]);
        if ((trail & 0xC0) == 0x80) {
            i += 2;
            return static_cast<UChar32>((lead & 0x1F) << 6 | (trail & 0x3F));
        }
    }
    UChar32 c;
    U8_NEXT(text.data(), i, size, c);
    return c;
}

// The few characters outside ASCII and the Russian alphabet that news texts
// hold often and NFKC_Casefold maps to the same ASCII whatever stands
// around them: no-break, thin and narrow no-break spaces are a space, an
// ellipsis is three dots. Empty for any other character.
std::string_view context_free_mapping(UChar32 c) {
    switch (c) {
        case 0x00A0:
        case 0x2009:
        case 0x202F:
            return " ";
        case 0x2026:
            return "...";
        default:
            return {};
    }
}

// Lower-cases the common case (ASCII and the Russian alphabet) without ICU,
// and copies the characters NFKC_Casefold leaves as they are whatever
// stands around them (ICU's "inert" ones: «, », —, “, most symbols and
// emoji), so that a paragraph of plain Russian prose needs no ICU either.
// Returns false when the text holds anything that needs full normalisation
// (a combining mark, a ligature, a full-width digit, an invalid sequence).
bool try_fast_normalize(std::string_view text, std::string& out) {
    // No character here grows when normalised, so the output is written
    // over a buffer of the input's size, never ahead of the reading.
    out.resize(text.size());
    char* to = out.data();
    std::size_t written = 0;
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            to[written++] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
            ++i;
            continue;
        }
        const int32_t at = i;
        UChar32 c = next_char(text, i);
        if (c < 0) return false;  // an invalid sequence
        if (c >= kCyrillicCapitalA && c <= kCyrillicCapitalYa) {
            c += 0x20;
        } else if (c == kCapitalYo || c == kSmallYo) {
            c = kSmallIe;
        } else if (c < kCyrillicSmallA || c > kCyrillicSmallYa) {
            const std::string_view mapped = context_free_mapping(c);
            if (mapped.empty() && !nfkc_casefold().isInert(c)) return false;
            const std::string_view copied = mapped.empty() ? text.substr(at, i - at) : mapped;
            copied.copy(to + written, copied.size());
            written += copied.size();
            continue;
        }
        // Every letter here is U+0400..U+047F: two bytes, as in the input.
        if (i - at != 2) return false;
        to[written++] = static_cast<char>(0xC0 | (c >> 6));
        to[written++] = static_cast<char>(0x80 | (c & 0x3F));
    }
    out.resize(written);
    return true;
}

bool is_word_char(UChar32 c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if ((c >= kCyrillicCapitalA && c <= kCyrillicSmallYa) || c == kCapitalYo || c == kSmallYo) return true;
    // Soft hyphens and joiners sit inside words; NFKC_Casefold removes them.
    if (c == 0x00AD || c == 0x200C || c == 0x200D || c == 0x2060) return true;
    return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
           u_charType(c) == U_COMBINING_SPACING_MARK;
}

// A mark or a joiner continues a word but never starts one: the variation
// selector after an emoji (`⚡️Зеленский`) is not the first letter of a name.
bool starts_word(UChar32 c) {
    if (!is_word_char(c)) return false;
    if (c == 0x00AD || c == 0x200C || c == 0x200D || c == 0x2060) return false;
    const int8_t type = u_charType(c);
    return type != U_NON_SPACING_MARK && type != U_COMBINING_SPACING_MARK && type != U_ENCLOSING_MARK;
}

inline bool is_ascii_word_char(unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// The UTF-8 bytes of А..я (U+0410..U+044F), Ё and ё.
inline bool is_russian_letter(unsigned char lead, unsigned char trail) {
    if (lead == 0xD0) return (trail >= 0x90 && trail <= 0xBF) || trail == 0x81;
    if (lead == 0xD1) return (trail >= 0x80 && trail <= 0x8F) || trail == 0x91;
    return false;
}

bool is_upper_char(UChar32 c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= kCyrillicCapitalA && c <= kCyrillicSmallYa) return c <= kCyrillicCapitalYa;
    return u_isupper(c) || u_istitle(c);
}

}  // namespace

std::string normalize_text(std::string_view text) {
    std::string out;
    if (try_fast_normalize(text, out)) return out;
    const std::string clean = sanitize_utf8(text);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(clean);
    icu::UnicodeString folded = nfkc_casefold().normalize(unicode, status);
    if (U_FAILURE(status)) return fold_yo(clean);
    out.clear();
    folded.toUTF8String(out);
    return fold_yo(std::move(out));
}

bool is_valid_utf8(std::string_view text) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(text.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (c < 0) return false;
    }
    return true;
}

std::string sanitize_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    int32_t i = 0;
    const auto length = static_cast<int32_t>(text.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        append_utf8(out, c < 0 ? 0xFFFD : c);
    }
    return out;
}

std::size_t for_each_word_while(std::string_view text, const std::function<bool(const Word&)>& on_word,
                                bool normalize) {
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    std::size_t chars = 0;
    Word word;
    const char* data = text.data();
    while (i < length) {
        const int32_t start = i;
        const auto lead = static_cast<unsigned char>(data[i]);
        if (lead < 0x80 && !is_ascii_word_char(lead)) {  // spaces and punctuation, most of the gaps
            ++i;
            ++chars;
            continue;
        }
        UChar32 c;
        U8_NEXT(data, i, length, c);
        ++chars;
        if (c < 0 || !starts_word(c)) continue;
        word.capitalized = is_upper_char(c);
        word.char_begin = chars - 1;
        int32_t end = i;
        while (end < length) {
            // The letters of Russian and ASCII words without decoding.
            const auto byte = static_cast<unsigned char>(data[end]);
            if (byte < 0x80) {
                if (!is_ascii_word_char(byte)) break;
                ++end;
                ++chars;
                continue;
            }
            if (end + 1 < length && is_russian_letter(byte, static_cast<unsigned char>(data[end + 1]))) {
                end += 2;
                ++chars;
                continue;
            }
            int32_t next = end;
            U8_NEXT(data, next, length, c);
            if (c < 0 || !is_word_char(c)) break;
            end = next;
            ++chars;
        }
        word.begin = static_cast<std::size_t>(start);
        word.end = static_cast<std::size_t>(end);
        word.raw = text.substr(word.begin, word.end - word.begin);
        i = end;
        if (!normalize) {
            if (!on_word(word)) return static_cast<std::size_t>(i);
            continue;
        }
        normalize_word(word.raw, word.normalized);
        if (!word.normalized.empty() && !on_word(word)) return static_cast<std::size_t>(i);
    }
    return text.size();
}

// Most words are plain Russian or ASCII: normalised into the same buffer,
// word after word, without a new allocation each.
void normalize_word(std::string_view raw, std::string& out) {
    if (!try_fast_normalize(raw, out)) out = normalize_text(raw);
}

int first_letter_folded(std::string_view raw) {
    if (raw.empty()) return -1;
    const auto byte = static_cast<unsigned char>(raw[0]);
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(raw.data(), i, static_cast<int32_t>(raw.size()), c);
    // A combining mark next (U+0300..U+036F, lead byte 0xCC or 0xCD) may
    // compose with the letter (и + breve = й): not plain to see.
    if (static_cast<std::size_t>(i) < raw.size()) {
        const auto after = static_cast<unsigned char>(raw[static_cast<std::size_t>(i)]);
        if (after == 0xCC || after == 0xCD) return -1;
    }
    if (byte < 0x80) return byte >= 'A' && byte <= 'Z' ? byte + 32 : byte;
    if (c >= kCyrillicCapitalA && c <= kCyrillicCapitalYa) return c + 0x20;
    if (c >= kCyrillicSmallA && c <= kCyrillicSmallYa) return c;
    if (c == kCapitalYo || c == kSmallYo) return kSmallIe;
    return -1;
}

void for_each_word(std::string_view text, const std::function<void(const Word&)>& on_word) {
    for_each_word_while(text, [&on_word](const Word& word) {
        on_word(word);
        return true;
    });
}

bool is_all_caps(std::string_view raw) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(raw.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(raw.data(), i, length, c);
        if (c < 0 || u_islower(c)) return false;
    }
    return true;
}

bool is_latin_word(std::string_view normalized) {
    bool has_letter = false;
    for (char ch : normalized) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) return false;
        if (c >= 'a' && c <= 'z') has_letter = true;
    }
    return has_letter;
}

void append_html_escaped(std::string& out, std::string_view text) {
    std::size_t run = 0;  // start of the bytes not yet copied: copied in one go
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&#39;"; break;
        }
    }
    out.append(text.data() + run, text.size() - run);
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    append_html_escaped(out, text);
    return out;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_chars) {
    std::size_t bytes = 0;
    for (std::size_t chars = 0; bytes < text.size() && chars < max_chars; ++chars) {
        ++bytes;
        while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
    }
    return text.substr(0, bytes);
}

}  // namespace core
