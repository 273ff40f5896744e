// The one JSON writer (server/json.h) and the one definition of each object
// the API answers with (server/json_objects.h).
#include "server/json.h"
#include "server/json_objects.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using nlohmann::json;

namespace {

core::Quotation lavrov_quote() {
    core::Quotation q;
    q.text = "Мы остаёмся партнёрами";
    q.begin = 10;
    q.end = 32;
    q.speaker = "Лавров";
    q.speaker_full = "Сергей Лавров";
    q.speaker_title = "министр";
    return q;
}

std::set<std::string> keys(const json& object) {
    std::set<std::string> out;
    for (const auto& item : object.items()) out.insert(item.key());
    return out;
}

}  // namespace

TEST_CASE("the writer separates values with commas at every depth") {
    std::string out;
    server::JsonWriter writer(out);
    writer.begin_object().field("a", "x").key("list").begin_array();
    writer.value(std::uint64_t{1}).begin_object().field("b", true).end_object().value(2.5);
    writer.end_array().field("c", false).end_object();
    CHECK(out == R"({"a":"x","list":[1,{"b":true},2.5],"c":false})");
}

TEST_CASE("strings are escaped, and bytes that are not UTF-8 become U+FFFD") {
    std::string out;
    server::JsonWriter(out).value(std::string("кавычка \" обратная \\ строка\nтаб\t\x01 плохой \xFF байт"));
    const json parsed = json::parse(out);
    CHECK(parsed.get<std::string>() == "кавычка \" обратная \\ строка\nтаб\t\x01 плохой \xEF\xBF\xBD байт");
    CHECK(out.find("\\u0001") != std::string::npos);
}

TEST_CASE("a number that is not finite is written as 0, so the answer stays JSON") {
    std::string out;
    server::JsonWriter(out).begin_array().value(1.0 / 0.0).value(0.25).end_array();
    CHECK(out == "[0,0.25]");
}

TEST_CASE("a value slot is filled in later and the values around it stay separated") {
    std::string out;
    server::JsonWriter writer(out);
    writer.begin_object();
    const std::size_t at = writer.key("took_ms").value_slot();
    writer.field("limit", 10u).end_object();
    out.insert(at, "1.5");
    CHECK(json::parse(out) == json{{"took_ms", 1.5}, {"limit", 10}});
}

TEST_CASE("a quotation has the same fields in a search hit, in /api/quotes and in /api/doc") {
    core::SearchHit hit;
    hit.article.id = "a";
    hit.quoted = lavrov_quote();
    hit.citation = "«Мы остаёмся партнёрами» — Сергей Лавров";
    std::string hit_text;
    server::JsonWriter hit_writer(hit_text);
    server::write_hit(hit_writer, hit);

    core::QuoteHit quote_hit;
    quote_hit.quote = lavrov_quote();
    quote_hit.citation = hit.citation;
    std::string quote_text;
    server::JsonWriter quote_writer(quote_text);
    server::write_quote_hit(quote_writer, quote_hit);

    core::Article article;
    article.quotes = {lavrov_quote()};
    std::string article_text;
    server::JsonWriter article_writer(article_text);
    server::write_article(article_writer, article);

    const json in_hit = json::parse(hit_text)["quote"];
    const json in_quotes = json::parse(quote_text);
    const json in_article = json::parse(article_text)["quotes"][0];
    for (const std::string& key : keys(in_article)) {
        INFO("field: " << key);
        CHECK(in_hit[key] == in_article[key]);
        CHECK(in_quotes[key] == in_article[key]);
    }
    CHECK(in_hit["citation"] == in_quotes["citation"]);
    CHECK(in_article["speaker_full"] == "Сергей Лавров");
    CHECK(in_article["begin"] == 10);
}

TEST_CASE("coverage is written only when some shards did not answer") {
    std::string complete;
    server::JsonWriter writer(complete);
    writer.begin_object();
    server::write_coverage(writer, {});
    writer.end_object();
    CHECK(complete == "{}");

    std::string partial;
    server::JsonWriter partial_writer(partial);
    partial_writer.begin_object().field("total", 3u);
    server::write_coverage(partial_writer, {"host:1", "host:2"});
    partial_writer.end_object();
    CHECK(json::parse(partial) == json{{"total", 3}, {"partial", true}, {"failed_shards", {"host:1", "host:2"}}});
}
