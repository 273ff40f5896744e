#include "server/url.h"

#include <catch2/catch.hpp>

using server::parse_target;
using server::percent_decode;
using server::percent_encode;

TEST_CASE("percent-encoded UTF-8 in a query parameter is decoded") {
    const auto target = parse_target("/api/search?q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2");
    REQUIRE(target.valid);
    CHECK(target.path == "/api/search");
    CHECK(target.params.at("q") == "Лавров");
}

TEST_CASE("a plus sign in the query string is a space, in the path it is a plus") {
    const auto target = parse_target("/a+b?q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2+%D0%9F%D1%83%D1%82%D0%B8%D0%BD");
    CHECK(target.path == "/a+b");
    CHECK(target.params.at("q") == "Лавров Путин");
}

TEST_CASE("several parameters are split on ampersands, empty pairs are ignored") {
    const auto target = parse_target("/api/search?q=x&&limit=5&offset=10&");
    REQUIRE(target.valid);
    CHECK(target.params.size() == 3);
    CHECK(target.params.at("limit") == "5");
    CHECK(target.params.at("offset") == "10");
}

TEST_CASE("the first of repeated parameters wins") {
    CHECK(parse_target("/s?q=first&q=second").params.at("q") == "first");
}

TEST_CASE("a parameter without a value has an empty value") {
    const auto target = parse_target("/s?q&limit=");
    CHECK(target.params.at("q").empty());
    CHECK(target.params.at("limit").empty());
}

TEST_CASE("a percent sign not followed by two hex digits makes the target invalid") {
    CHECK_FALSE(parse_target("/api/search?q=%").valid);
    CHECK_FALSE(parse_target("/api/search?q=%4").valid);
    CHECK_FALSE(parse_target("/api/search?q=%zz").valid);
    CHECK_FALSE(parse_target("/api/search?q=%%41").valid);
    CHECK_FALSE(parse_target("/api/%G0").valid);
    CHECK_FALSE(parse_target("/api/search?%ZZ=1").valid);
}

TEST_CASE("a percent escape at the very end of the text is decoded") {
    CHECK(percent_decode("%41", false) == std::optional<std::string>("A"));
    CHECK(percent_decode("ab%2f", false) == std::optional<std::string>("ab/"));
    CHECK_FALSE(percent_decode("ab%2", false).has_value());
}

TEST_CASE("an encoded slash or NUL is decoded into the path, for the router to judge") {
    CHECK(parse_target("/api/doc/a%2Fb").path == "/api/doc/a/b");
    CHECK(parse_target("/api/doc/a%00b").path == std::string("/api/doc/a\0b", 12));
}

TEST_CASE("percent-encoding keeps unreserved characters and escapes the rest") {
    CHECK(percent_encode("aZ09-_.~") == "aZ09-_.~");
    CHECK(percent_encode("a b&c=d/<") == "a%20b%26c%3Dd%2F%3C");
    CHECK(percent_encode("ё") == "%D1%91");
}

TEST_CASE("encoding then decoding gives the original text back") {
    const std::string text = "«Лавров» & Co / 100% <b>";
    CHECK(percent_decode(percent_encode(text), true) == std::optional<std::string>(text));
}
