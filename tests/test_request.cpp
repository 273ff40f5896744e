// The request object and the typed requests read from its parameters
// (server/request.h), and the route table's answers to methods (router.h).
#include "server/request.h"
#include "server/router.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

server::Request with_params(std::map<std::string, std::string> params) {
    server::Request request;
    request.params = std::move(params);
    return request;
}

}  // namespace

TEST_CASE("a request's headers are found whatever the case of their names") {
    server::Request request;
    request.headers = {{"Content-Type", "application/json"}, {"X-Forwarded-For", "10.0.0.1"}};
    CHECK(request.header("content-type") == "application/json");
    CHECK(request.header("X-FORWARDED-FOR") == "10.0.0.1");
    CHECK(request.header("Accept").empty());
}

TEST_CASE("a parameter not given reads as empty") {
    const server::Request request = with_params({{"q", "Лавров"}});
    CHECK(request.param("q") == "Лавров");
    CHECK(request.param("limit").empty());
}

TEST_CASE("the page's filters are read as typed filters, not as query text") {
    const core::SearchFilters filters = server::read_filters(
        with_params({{"q", "переговоры"}, {"source", " «Sputnik» "}, {"place", "Бишкек"}, {"from", "2021-05"}, {"to", "2021-13-45x"}}));
    CHECK(filters.source == "Sputnik");
    CHECK(filters.place == "Бишкек");
    CHECK(filters.date_from == "2021-05");
    CHECK(filters.date_to.empty());  // not a date: ignored
    CHECK(filters.speaker.empty());
}

TEST_CASE("a filter value that is not UTF-8 or too long is dropped") {
    CHECK(server::filter_value(with_params({{"source", "\xFF\xFE"}}), "source").empty());
    CHECK(server::filter_value(with_params({{"source", std::string(300, 'a')}}), "source").empty());
}

TEST_CASE("a search request keeps the typed words apart from the limits") {
    auto parsed = server::parse_search_request(with_params({{"q", "Лавров"}, {"limit", "3"}, {"offset", "6"}}), true);
    REQUIRE(std::holds_alternative<core::SearchRequest>(parsed));
    const auto& request = std::get<core::SearchRequest>(parsed);
    CHECK(request.query == "Лавров");
    CHECK(request.limit == 3);
    CHECK(request.offset == 6);
    CHECK(request.filters.empty());
}

TEST_CASE("a caller may bound a search's time with timeout_ms, within limits") {
    auto defaults = server::parse_search_request(with_params({{"q", "Лавров"}}), true);
    REQUIRE(std::holds_alternative<core::SearchRequest>(defaults));
    CHECK(std::get<core::SearchRequest>(defaults).page_time_limit == core::kPageTimeLimitSeconds);
    CHECK(std::get<core::SearchRequest>(defaults).count_time_limit == core::kCountTimeLimitSeconds);

    auto tight = server::parse_search_request(with_params({{"q", "Лавров"}, {"timeout_ms", "20"}}), true);
    REQUIRE(std::holds_alternative<core::SearchRequest>(tight));
    CHECK(std::get<core::SearchRequest>(tight).page_time_limit == Approx(0.020));
    CHECK(std::get<core::SearchRequest>(tight).count_time_limit == Approx(0.020));

    auto patient = server::parse_search_request(with_params({{"q", "Лавров"}, {"timeout_ms", "5000"}}), true);
    REQUIRE(std::holds_alternative<core::SearchRequest>(patient));
    CHECK(std::get<core::SearchRequest>(patient).page_time_limit == Approx(5.0));
    CHECK(std::get<core::SearchRequest>(patient).count_time_limit == core::kCountTimeLimitSeconds);

    for (const char* bad : {"0", "-5", "10001", "1.5", "soon"}) {
        auto refused = server::parse_search_request(with_params({{"q", "Лавров"}, {"timeout_ms", bad}}), true);
        REQUIRE(std::holds_alternative<server::RequestError>(refused));
        CHECK(std::get<server::RequestError>(refused).status == 400);
        CHECK_THAT(std::get<server::RequestError>(refused).message, Catch::Contains("timeout_ms"));
    }
}

TEST_CASE("a blank query is an error only where words are required") {
    const server::Request blank = with_params({{"q", "  \t "}});
    auto required = server::parse_search_request(blank, true);
    REQUIRE(std::holds_alternative<server::RequestError>(required));
    CHECK(std::get<server::RequestError>(required).status == 400);
    CHECK(std::holds_alternative<core::SearchRequest>(server::parse_search_request(blank, false)));
    CHECK(server::is_blank(" \r\n"));
    CHECK_FALSE(server::is_blank(" a "));
}

TEST_CASE("a method no route takes is answered 405 with the methods allowed") {
    // No index is opened: the router refuses before any handler runs.
    server::IndexHandle index("/nonexistent/index");
    for (server::Method method : {server::Method::Post, server::Method::Put, server::Method::Delete, server::Method::Other}) {
        const server::Reply reply = server::route(method, "/api/search?q=x", index);
        CHECK(reply.status == 405);
        REQUIRE(reply.headers.size() == 1);
        CHECK(reply.headers.front().first == "Allow");
        CHECK(reply.headers.front().second == "GET, HEAD");
    }
}

TEST_CASE("an unknown path is answered 404 before the index is opened") {
    server::IndexHandle index("/nonexistent/index");
    CHECK(server::route(server::Method::Get, "/no/such/path", index).status == 404);
}

TEST_CASE("a quotations request keeps the words, the speaker and the limits") {
    auto parsed = server::parse_quote_request(with_params({{"q", "партнерами"}, {"limit", "5"}, {"offset", "10"}}), "Лавров");
    REQUIRE(std::holds_alternative<core::QuoteRequest>(parsed));
    const auto& request = std::get<core::QuoteRequest>(parsed);
    CHECK(request.query == "партнерами");
    CHECK(request.speaker == "Лавров");
    CHECK(request.limit == 5);
    CHECK(request.offset == 10);
    auto refused = server::parse_quote_request(with_params({{"limit", "1000"}}), "");
    REQUIRE(std::holds_alternative<server::RequestError>(refused));
    CHECK(std::get<server::RequestError>(refused).status == 400);
}
