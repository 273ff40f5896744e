// The field table (core/fields.h) and filters given apart from the query
// text (core::SearchFilters), called directly against a small index.
#include "core/fields.h"
#include "core/query_parser.h"
#include "core/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

namespace {

core::Article news(const std::string& id, const std::string& title, const std::string& source,
                   const std::string& place, const std::string& date, const std::string& text) {
    core::Article a = test_support::make_article(id, title, text);
    a.source = source;
    a.place = place;
    a.date = date;
    return a;
}

class FieldsFixture {
public:
    static FieldsFixture& instance() {
        static FieldsFixture fixture;
        return fixture;
    }
    std::string path() const { return (dir_ / "idx").string(); }

private:
    FieldsFixture() {
        const std::string talks = "Министры провели переговоры о торговле в Бишкеке.";
        test_support::build_index(
            dir_ / "idx",
            {news("a", "Переговоры в Бишкеке", "Sputnik", "Бишкек", "2021-05-03", talks),
             news("b", "Переговоры о торговле", "ТАСС", "Москва", "2021-06-01", talks),
             news("c", "Саммит в Москве", "Sputnik", "Москва", "2020-11-02", "Президенты встретились на саммите."),
             news("d", "Заявление министра", "ТАСС", "Бишкек", "2021-05-20",
                  "Министр Олег Лапин выступил в парламенте. «Мы продолжим переговоры о торговле», — сказал Лапин.")});
    }

    test_support::TempDir dir_;
};

std::set<std::string> ids(const core::SearchRequest& request) {
    core::Searcher searcher(FieldsFixture::instance().path());
    std::set<std::string> out;
    for (const core::SearchHit& hit : searcher.search(request).hits) out.insert(hit.article.id);
    return out;
}

std::set<std::string> ids_typed(const std::string& query) {
    core::SearchRequest request;
    request.query = query;
    return ids(request);
}

std::set<std::string> ids_with(const std::string& query, const core::SearchFilters& filters) {
    core::SearchRequest request;
    request.query = query;
    request.filters = filters;
    return ids(request);
}

}  // namespace

TEST_CASE("every field is found by its name and by its Russian alias") {
    REQUIRE(core::fields().size() >= 5);
    for (const core::Field& field : core::fields()) {
        INFO("field: " << field.name);
        REQUIRE(core::find_field(field.name) == &field);
        REQUIRE(core::find_field(field.alias) == &field);
        CHECK_FALSE(field.label.empty());
    }
    CHECK(core::find_field("nosuchfield") == nullptr);
    CHECK(core::find_field("") == nullptr);
}

TEST_CASE("a field's Russian alias parses like its English name") {
    for (const core::Field& field : core::fields()) {
        const std::string value = field.kind == core::FieldKind::DateRange ? "2021-05" : "Бишкек";
        INFO("field: " << field.name);
        CHECK(core::describe(core::parse_query(std::string(field.alias) + ":" + value)) ==
              core::describe(core::parse_query(std::string(field.name) + ":" + value)));
    }
}

TEST_CASE("text fields are searched as words, the others filter") {
    for (const core::Field& field : core::fields()) {
        INFO("field: " << field.name);
        CHECK(core::is_text_field(field.name) == (field.kind == core::FieldKind::Text));
        CHECK(core::is_filter_field(field.name) == (field.kind != core::FieldKind::Text));
    }
}

TEST_CASE("the document writer and a filter make the same term for a value") {
    const core::Field& source = *core::find_field("source");
    CHECK(core::filter_term(source, "Sputnik") == core::filter_term(source, "SPUTNIK"));
    CHECK(core::filter_term(source, "Sputnik") != core::filter_term(*core::find_field("place"), "Sputnik"));
    const core::Field& speaker = *core::find_field("speaker");
    CHECK(core::filter_term(speaker, "Лапин") == core::filter_term(speaker, "Лапиным"));
}

TEST_CASE("filters given apart narrow the matches as the same filters typed in the query do") {
    core::SearchFilters source;
    source.source = "Sputnik";
    CHECK(ids_with("переговоры", source) == std::set<std::string>{"a"});
    CHECK(ids_with("переговоры", source) == ids_typed("переговоры source:Sputnik"));

    core::SearchFilters place;
    place.place = "Москва";
    CHECK(ids_with("переговоры", place) == ids_typed("переговоры place:Москва"));
    CHECK(ids_with("переговоры", place) == std::set<std::string>{"b"});

    core::SearchFilters dates;
    dates.date_from = "2021-05-01";
    dates.date_to = "2021-05-31";
    CHECK(ids_with("переговоры", dates) == ids_typed("переговоры date:2021-05-01..2021-05-31"));
    CHECK(ids_with("переговоры", dates) == std::set<std::string>{"a", "d"});

    core::SearchFilters speaker;
    speaker.speaker = "Лапина";
    CHECK(ids_with("переговоры", speaker) == std::set<std::string>{"d"});
}

TEST_CASE("filters given apart with no words typed list every article they keep") {
    core::SearchFilters filters;
    filters.source = "ТАСС";
    filters.place = "Бишкек";
    CHECK(ids_with("", filters) == std::set<std::string>{"d"});
    CHECK(ids_with("", filters) == ids_typed("source:ТАСС place:Бишкек"));
}

TEST_CASE("a filter given apart narrows every alternative of an OR query") {
    core::SearchFilters filters;
    filters.source = "Sputnik";
    CHECK(ids_with("торговле OR саммите", filters) == std::set<std::string>{"a", "c"});
}

TEST_CASE("filters join the query's tree as if typed after it") {
    const std::vector<std::pair<std::string, std::string>> source{{"source", "Sputnik"}};
    CHECK(core::describe(core::add_filters(core::parse_query("Казакбаев Лавров"), source)) ==
          core::describe(core::parse_query("Казакбаев Лавров source:Sputnik")));
    CHECK(core::describe(core::add_filters(core::parse_query("«остаются партнерами»"), source)) ==
          core::describe(core::parse_query("«остаются партнерами» source:Sputnik")));
    CHECK(core::describe(core::add_filters(core::parse_query(""), source)) ==
          core::describe(core::parse_query("source:Sputnik")));
    CHECK(core::describe(core::add_filters(core::parse_query("Путин"), {})) == core::describe(core::parse_query("Путин")));
}
