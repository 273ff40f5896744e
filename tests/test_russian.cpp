#include "core/russian.h"
#include "core/text.h"

#include <catch2/catch.hpp>

using core::surname_base;

namespace {
std::string base(const char* word) { return surname_base(core::normalize_text(word)); }
}  // namespace

TEST_CASE("every case form of a surname in -ов has the nominative as its base") {
    for (const char* form : {"Лавров", "Лаврова", "Лаврову", "Лавровым", "Лаврове", "Лавровой", "Лавровых"}) {
        CHECK(base(form) == "лавров");
    }
}

TEST_CASE("surnames no dictionary knows follow the same paradigms") {
    CHECK(base("Казакбаевым") == base("Казакбаев"));
    CHECK(base("Жээнбекову") == base("Жээнбеков"));
    CHECK(base("Мухаметшина") == base("Мухаметшин"));
    CHECK(base("Жапарова") == base("Жапаров"));
}

TEST_CASE("feminine and adjectival surnames share a base with their other forms") {
    CHECK(base("Вертинской") == base("Вертинская"));
    CHECK(base("Вертинскому") == base("Вертинский"));
}

TEST_CASE("first names in -ей and -ий share a base across cases") {
    CHECK(base("Сергея") == base("Сергей"));
    CHECK(base("Сергеем") == base("Сергей"));
    CHECK(base("Юрию") == base("Юрий"));
}

TEST_CASE("names declined as nouns share a base") {
    CHECK(base("Пашиняна") == base("Пашинян"));
    CHECK(base("Пашиняном") == base("Пашинян"));
    CHECK(base("Кыргызстана") == base("Кыргызстан"));
}

TEST_CASE("Snowball alone splits the nominative of a surname from its other cases") {
    core::RussianStemmer stemmer;
    CHECK(stemmer.stem("лавров") != stemmer.stem("лаврова"));
    CHECK(base("лавров") == base("лаврова"));
}

TEST_CASE("short words and Latin words have no name base") {
    CHECK(base("ов").empty());
    CHECK(base("Lavrov").empty());
}
