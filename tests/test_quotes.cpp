#include "core/quotes.h"
#include "tools/quote_attribution.h"

#include <catch2/catch.hpp>

using core::extract_quotations;

namespace {

const core::Quotation* find_quote(const std::vector<core::Quotation>& quotes, const std::string& start) {
    for (const auto& q : quotes) {
        if (q.text.rfind(start, 0) == 0) return &q;
    }
    return nullptr;
}

std::string read_seed(const std::string& id) {
    return eval::read_document(std::string(NEWSEARCH_SOURCE_DIR) + "/corpus", id);
}

}  // namespace

TEST_CASE("a quotation followed by a dash and a speech verb is attributed to the name after it") {
    const auto quotes = extract_quotations("«Мы готовы продолжать переговоры», — сказал Сергей Лавров журналистам.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "Мы готовы продолжать переговоры");
    CHECK(quotes[0].speaker == "Лавров");
    CHECK(quotes[0].speaker_full == "Сергей Лавров");
}

TEST_CASE("straight quotes and a hyphen work like «ёлочки» and a dash") {
    const auto quotes = extract_quotations("\"Россия остается нашим партнером\", - отметил Константин Косачев.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker_full == "Константин Косачев");
}

TEST_CASE("a speaker before a colon is found in any grammatical case") {
    const auto quotes = extract_quotations("Лавров: «Мы не допустим эскалации конфликта».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лавров");
}

TEST_CASE("По словам with a genitive name gives the nominative speaker") {
    const auto quotes = extract_quotations("По словам Лаврова, стороны договорились о новых встречах.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лавров");
    CHECK(quotes[0].text == "стороны договорились о новых встречах");
}

TEST_CASE("the full name is taken from elsewhere in the article") {
    const auto quotes = extract_quotations(
        "Встреча Константина Косачева с коллегами прошла в Москве. «Отношения остаются союзническими», — отметил Косачев.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker_full == "Константин Косачев");
}

TEST_CASE("a title is tied to the person the article gives that title") {
    const auto quotes = extract_quotations(
        "Министр иностранных дел России Сергей Лавров провел переговоры. «Считаем, что год будет успешным», — сказал министр.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лавров");
    CHECK(quotes[0].speaker_title == "министр");
}

TEST_CASE("a title the article never ties to a person is kept, and the speaker left unknown") {
    const auto quotes = extract_quotations("«Ситуация остается сложной и напряженной», — заявил источник в правительстве.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
    CHECK(quotes[0].speaker_title == "источник в правительстве");
}

TEST_CASE("a pronoun refers to the speaker named just before") {
    const auto quotes = extract_quotations(
        "Ангела Меркель выступила на саммите. \"Такие конфликты не решаются за один день\", — констатировала она.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Меркель");
}

TEST_CASE("names of things in quote marks are not quotations") {
    CHECK(extract_quotations("Акция «День гнева» прошла у здания мэрии, сообщает «Интерфакс».").empty());
}

TEST_CASE("quote marks nested inside a quotation stay part of it") {
    const auto quotes = extract_quotations("«Компания „Газпром“ выполнит все обязательства», — сказал Алексей Миллер.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "Компания „Газпром“ выполнит все обязательства");
}

TEST_CASE("offsets point at the quotation in the article, in characters") {
    const std::string text = "Ёлка. «Мы готовы продолжать переговоры», — сказал Лавров.";
    const auto quotes = extract_quotations(text);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].begin == 7);
    CHECK(quotes[0].end == quotes[0].begin + 31);
}

TEST_CASE("the seed quotations are attributed to Косачев, Лавров and Путин") {
    const auto kosachev = extract_quotations(read_seed("000_45e618fe6b6cb5b2"));
    bool found = false;
    for (const auto& q : kosachev) {
        if (q.text.find("Россия и Киргизия остаются партнерами и союзниками") != std::string::npos) {
            found = true;
            CHECK(q.speaker_full == "Константин Косачев");
        }
    }
    CHECK(found);
    const auto lavrov_quotes = extract_quotations(read_seed("001_d8841eb2ca9e328e"));
    const auto* lavrov = find_quote(lavrov_quotes, "Считаем, что нынешний год");
    REQUIRE(lavrov);
    CHECK(lavrov->speaker_full == "Сергей Лавров");
    const auto putin_quotes = extract_quotations(read_seed("004_4cb89f962944c416"));
    const auto* putin = find_quote(putin_quotes, "Мне представляется это очень важным");
    REQUIRE(putin);
    CHECK(putin->speaker_full == "Владимир Путин");
}

TEST_CASE("a citation line names the quotation, speaker, source, date and URL") {
    core::Quotation q;
    q.text = "Мы готовы";
    q.speaker = "Лавров";
    q.speaker_full = "Сергей Лавров";
    CHECK(core::citation_line(q, "Sputnik", "2021-03-05", "https://example.org/a") ==
          "«Мы готовы» — Сергей Лавров, Sputnik, 2021-03-05, https://example.org/a");
}

TEST_CASE("a speech verb at the very start of a text is not read before the text begins") {
    // Found by bench/: a generated article beginning ", заявил ..." made the
    // extractor look three bytes before the start and stopped the indexer.
    CHECK_NOTHROW(extract_quotations(", заявил Лавров."));
    CHECK_NOTHROW(extract_quotations(" , заявил Лавров"));
    CHECK_NOTHROW(extract_quotations("—, заявил"));
    CHECK_NOTHROW(extract_quotations("x заявил Лавров"));
    CHECK_NOTHROW(extract_quotations("Я заявил Лавров"));
}
