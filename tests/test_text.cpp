#include "core/text.h"

#include <catch2/catch.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

using core::normalize_text;

namespace {

// What normalize_text() means, computed by ICU alone: NFKC_Casefold, then ё as е.
std::string icu_normalized(const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    REQUIRE(U_SUCCESS(status));
    std::string out;
    normalizer->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(out);
    REQUIRE(U_SUCCESS(status));
    for (std::size_t at = out.find("ё"); at != std::string::npos; at = out.find("ё", at)) out.replace(at, 2, "е");
    return out;
}

std::string utf8(UChar32 c) {
    std::string out;
    icu::UnicodeString(c).toUTF8String(out);
    return out;
}

}  // namespace

TEST_CASE("normalisation lower-cases Russian and Latin letters") {
    CHECK(normalize_text("ЛАВРОВ Lavrov") == "лавров lavrov");
}

TEST_CASE("ё and е are one letter after normalisation") {
    CHECK(normalize_text("Ёлка") == "елка");
    CHECK(normalize_text("ещё") == normalize_text("еще"));
}

TEST_CASE("a decomposed й is composed before matching") {
    CHECK(normalize_text("Сергеи\u0306") == "сергей");
}

TEST_CASE("compatibility characters are folded by NFKC") {
    CHECK(normalize_text("ﬁnal") == "final");
    CHECK(normalize_text("２０２１") == "2021");
}

TEST_CASE("a paragraph of Russian prose is normalised as ICU normalises it") {
    const std::string paragraph =
        "«Мы\u00A0готовы\u2009—\u202Fи точка…», — заявил ЁЖИКОВ в «Телеграме» 🔥 ⚡️ (№\u00A05, 20 °C, 5 ₽).";
    CHECK(normalize_text(paragraph) == icu_normalized(paragraph));
    CHECK(normalize_text("ждём\u00A0…") == "ждем ...");
}

TEST_CASE("every character is normalised as ICU normalises it, between letters and before a combining mark") {
    for (UChar32 c = 0x80; c < 0x30000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const std::string between = "Ab" + utf8(c) + "Юё";
        const std::string before_mark = "и" + utf8(c) + "\u0306";
        const std::string after_letter = "И" + utf8(c);
        if (normalize_text(between) != icu_normalized(between) || normalize_text(before_mark) != icu_normalized(before_mark) ||
            normalize_text(after_letter) != icu_normalized(after_letter)) {
            FAIL("U+" << std::hex << c << " is normalised unlike ICU");
        }
    }
}

TEST_CASE("words are split on punctuation and keep their offsets in the original text") {
    const std::string text = "«Россия — партнёр», сказал Лавров.";
    std::vector<std::string> raw, normalized;
    core::for_each_word(text, [&](const core::Word& w) {
        raw.emplace_back(w.raw);
        normalized.push_back(w.normalized);
        CHECK(text.substr(w.begin, w.end - w.begin) == w.raw);
    });
    CHECK(raw == std::vector<std::string>{"Россия", "партнёр", "сказал", "Лавров"});
    CHECK(normalized == std::vector<std::string>{"россия", "партнер", "сказал", "лавров"});
}

TEST_CASE("a word written with a capital letter is marked capitalised") {
    std::vector<bool> capitalized;
    core::for_each_word("Лавров сказал", [&](const core::Word& w) { capitalized.push_back(w.capitalized); });
    CHECK(capitalized == std::vector<bool>{true, false});
}

TEST_CASE("invalid UTF-8 is replaced, never passed on") {
    const std::string broken = "abc\xff\xfe" "def";
    CHECK_FALSE(core::is_valid_utf8(broken));
    CHECK(core::is_valid_utf8(core::sanitize_utf8(broken)));
}

TEST_CASE("HTML escaping covers the characters that could open markup") {
    CHECK(core::html_escape("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST_CASE("an emoji's variation selector before a name is no part of the word, so the name stays capitalised") {
    std::vector<std::string> words;
    std::vector<bool> capitalized;
    core::for_each_word("\u26A1\uFE0FЗеленский прибыл", [&](const core::Word& w) {
        words.emplace_back(w.raw);
        capitalized.push_back(w.capitalized);
    });
    CHECK(words == std::vector<std::string>{"Зеленский", "прибыл"});
    CHECK(capitalized == std::vector<bool>{true, false});
}

TEST_CASE("a UTF-8 prefix counts letters, not bytes, and never cuts a letter in two") {
    CHECK(core::utf8_prefix("Раздольное", 3) == "Раз");
    CHECK(core::utf8_prefix("Ёж", 3) == "Ёж");
    CHECK(core::utf8_prefix("aЖb", 2) == "aЖ");
    CHECK(core::utf8_prefix("Лавров", 0).empty());
    CHECK(core::utf8_length(core::utf8_prefix("Казакбаев", 4)) == 4);
}
