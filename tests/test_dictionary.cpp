#include "core/dictionary.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

using core::RussianDictionary;

namespace {
bool has(const std::vector<std::string>& lemmas, const std::string& lemma) {
    return std::find(lemmas.begin(), lemmas.end(), lemma) != lemmas.end();
}
}  // namespace

TEST_CASE("the Russian dictionary is installed with the project") {
    REQUIRE(RussianDictionary::instance().available());
}

TEST_CASE("forms that Snowball splits share a dictionary lemma") {
    const RussianDictionary& dictionary = RussianDictionary::instance();
    CHECK(has(dictionary.lemmas("пишет"), "писать"));
    CHECK(has(dictionary.lemmas("писала"), "писать"));
    CHECK(has(dictionary.lemmas("рынках"), "рынок"));
    CHECK(has(dictionary.lemmas("экспортируем"), "экспортировать"));
}

TEST_CASE("lemmas are folded as indexed words are: lower case, ё as е") {
    const RussianDictionary& dictionary = RussianDictionary::instance();
    CHECK(has(dictionary.lemmas("Афины"), "афины"));
    CHECK(has(dictionary.lemmas("ёлки"), "елка"));
}

TEST_CASE("a capitalised common word is known to the dictionary, a case form of a surname is not") {
    const RussianDictionary& dictionary = RussianDictionary::instance();
    CHECK(dictionary.knows("Однако"));
    CHECK_FALSE(dictionary.knows("Казакбаева"));
    CHECK(dictionary.lemmas("Казакбаева").empty());
}

TEST_CASE("a dictionary whose files are missing answers unknown instead of failing") {
    const RussianDictionary missing("/nonexistent/ru_RU.aff", "/nonexistent/ru_RU.dic");
    CHECK_FALSE(missing.available());
    CHECK_FALSE(missing.knows("однако"));
    CHECK(missing.lemmas("рынках").empty());
}

TEST_CASE("the shared lemma cache is sized once per process, and a second setting is refused") {
    const core::RussianDictionary& dictionary = core::RussianDictionary::instance();
    CHECK(dictionary.cached_words() == core::RussianDictionary::kDefaultCachedWords);
    core::RussianDictionary::set_cached_words(12345);
    CHECK(dictionary.cached_words() == 12345);
    CHECK_THROWS_AS(core::RussianDictionary::set_cached_words(99), std::logic_error);
    CHECK(dictionary.cached_words() == 12345);
    // It still answers as before.
    CHECK_FALSE(dictionary.lemmas("санкциями").empty());
}
