// Names typed in Latin letters, read into the Cyrillic spellings that a
// vocabulary (as an index answers) holds.
#include "core/transliteration.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

namespace {

core::Vocabulary vocabulary_of(std::vector<std::string> words) {
    auto shared = std::make_shared<const std::vector<std::string>>(std::move(words));
    return {[shared](const std::string& start) {
                return std::any_of(shared->begin(), shared->end(),
                                   [&](const std::string& word) { return word.rfind(start, 0) == 0; });
            },
            [shared](const std::string& word) {
                return std::find(shared->begin(), shared->end(), word) != shared->end();
            }};
}

const core::Vocabulary& news_vocabulary() {
    static const core::Vocabulary vocabulary =
        vocabulary_of({"ельцин", "меркель", "трамп", "байден", "джонсон", "навальный", "кличко", "соловьев",
                       "симоньян", "нетаньяху", "колокольцев", "лавров", "путин", "путина", "брифинг"});
    return vocabulary;
}

std::vector<std::string> spell(const char* latin) { return core::known_cyrillic_spellings(latin, news_vocabulary()); }

}  // namespace

TEST_CASE("a soft sign the Latin spelling dropped is put back") {
    CHECK(spell("yeltsin") == std::vector<std::string>{"ельцин"});
    CHECK(spell("merkel") == std::vector<std::string>{"меркель"});
    CHECK(spell("kolokoltsev") == std::vector<std::string>{"колокольцев"});
    CHECK(spell("solovyov") == std::vector<std::string>{"соловьев"});
    CHECK(spell("simonyan") == std::vector<std::string>{"симоньян"});
    CHECK(spell("netanyahu") == std::vector<std::string>{"нетаньяху"});
}

TEST_CASE("English and German spellings of names are read as such") {
    CHECK(spell("trump") == std::vector<std::string>{"трамп"});
    CHECK(spell("biden") == std::vector<std::string>{"байден"});
    CHECK(spell("johnson") == std::vector<std::string>{"джонсон"});
    CHECK(spell("klitschko") == std::vector<std::string>{"кличко"});
}

TEST_CASE("a name in -y is read with the adjectival ending") {
    CHECK(spell("navalny") == std::vector<std::string>{"навальный"});
}

TEST_CASE("only words of the vocabulary are offered") {
    CHECK(spell("lavrov") == std::vector<std::string>{"лавров"});
    CHECK(spell("putin") == std::vector<std::string>{"путин"});
    CHECK(spell("petrov").empty());
    CHECK(spell("лавров").empty());  // not Latin
}

TEST_CASE("the usual reading of a letter comes before the English one") {
    const core::Vocabulary vocabulary = vocabulary_of({"трамп", "трумп"});
    CHECK(core::known_cyrillic_spellings("trump", vocabulary) == std::vector<std::string>{"трумп", "трамп"});
}

TEST_CASE("an acronym gets only the usual readings, letter by letter") {
    const core::Vocabulary vocabulary = vocabulary_of({"афк", "уфк"});
    CHECK(core::known_cyrillic_spellings("ufc", vocabulary, true) == std::vector<std::string>{"уфк"});
    CHECK(core::known_cyrillic_spellings("ufc", vocabulary, false) == std::vector<std::string>{"уфк", "афк"});
}

TEST_CASE("the last letters of a reading need not start a word: the name may only occur in other cases") {
    const core::Vocabulary vocabulary = {
        [](const std::string& start) { return std::string("станиславского").rfind(start, 0) == 0; },
        [](const std::string& word) { return word == "станиславский"; }};
    CHECK(core::known_cyrillic_spellings("stanislavskiy", vocabulary) == std::vector<std::string>{"станиславский"});
}

TEST_CASE("a silent e only ends a word") {
    const core::Vocabulary vocabulary = vocabulary_of({"гугл", "кора"});
    CHECK(core::known_cyrillic_spellings("google", vocabulary) == std::vector<std::string>{"гугл"});
    CHECK(core::known_cyrillic_spellings("korea", vocabulary).empty());
}
