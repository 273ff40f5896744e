#include "core/query_parser.h"

#include <catch2/catch.hpp>

using core::describe;
using core::parse_query;

TEST_CASE("words side by side form one group") {
    CHECK(describe(parse_query("Казакбаев Лавров")) == "(ALL Казакбаев Лавров)");
}

TEST_CASE("text in any quote marks is a phrase") {
    const std::string expected = "\"остаются партнерами\"";
    CHECK(describe(parse_query("«остаются партнерами»")) == expected);
    CHECK(describe(parse_query("„остаются партнерами“")) == expected);
    CHECK(describe(parse_query("“остаются партнерами”")) == expected);
    CHECK(describe(parse_query("\"остаются партнерами\"")) == expected);
    CHECK(describe(parse_query("'остаются партнерами'")) == expected);
}

TEST_CASE("quote marks nested inside a quotation do not break the phrase") {
    CHECK(describe(parse_query("«компания „Газпром“ заявила»")) == "\"компания Газпром заявила\"");
}

TEST_CASE("dashes inside a quotation are not words") {
    CHECK(describe(parse_query("«важным — подчеркнуть»")) == "\"важным подчеркнуть\"");
}

TEST_CASE("an unbalanced quote degrades to plain words") {
    CHECK(describe(parse_query("«Лавров Казакбаев")) == "(ALL Лавров Казакбаев)");
}

TEST_CASE("operators combine groups") {
    CHECK(describe(parse_query("Путин OR Жапаров")) == "(OR Путин Жапаров)");
    CHECK(describe(parse_query("Путин AND Жапаров")) == "(AND Путин Жапаров)");
    CHECK(describe(parse_query("Путин NOT Жапаров")) == "(AND_NOT Путин (OR Жапаров))");
    CHECK(describe(parse_query("Путин -Жапаров")) == "(AND_NOT Путин (OR Жапаров))");
}

TEST_CASE("brackets group alternatives") {
    CHECK(describe(parse_query("(Путин OR Жапаров) Сочи")) == "(ALL (OR Путин Жапаров) Сочи)");
}

TEST_CASE("a trailing star asks for a prefix") {
    CHECK(describe(parse_query("интеграц*")) == "интеграц*");
}

TEST_CASE("fields restrict words or filter") {
    CHECK(describe(parse_query("title:Лавров")) == "title:Лавров");
    CHECK(describe(parse_query("заголовок:Лавров")) == "title:Лавров");
    CHECK(describe(parse_query("source:Sputnik date:2021..2022")) == "(ALL source=Sputnik date=2021..2022)");
    CHECK(describe(parse_query("title:«важных моментах»")) == "title:\"важных моментах\"");
}

TEST_CASE("operator soup degrades to words and never fails") {
    CHECK_NOTHROW(parse_query("AND OR NOT ( * \""));
    CHECK(describe(parse_query("AND OR NOT")) == "(ALL AND OR NOT)");
    CHECK(describe(parse_query("Лавров)")) == "Лавров");
    CHECK(describe(parse_query("(Лавров")) == "Лавров");
}

TEST_CASE("a colon that is not a known field is part of the text") {
    CHECK(describe(parse_query("время:12")) == "\"время 12\"");
}

TEST_CASE("deep nesting is bounded") {
    const std::string deep(10000, '(');
    CHECK_NOTHROW(parse_query(deep + "Лавров"));
}
