// People (core/people.h): GET /api/people/{name}, GET /api/people?prefix= and
// the /person/{name} page, over a small index of articles quoting two
// ministers in several months.
#include "server/router.h"
#include "server/url.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using nlohmann::json;
using server::percent_encode;

namespace {

core::Article dated(const std::string& id, const std::string& title, const std::string& text, const std::string& date) {
    core::Article a = test_support::make_article(id, title, text);
    a.date = date;
    return a;
}

class People {
public:
    static People& instance() {
        static People people;
        return people;
    }
    server::Reply get(const std::string& target) { return server::route(server::Method::Get, target, index_); }

private:
    People() : index_(build()) {}

    std::string build() {
        test_support::build_index(
            dir_ / "idx",
            {dated("m1", "Лавров о переговорах",
                   "Министр иностранных дел Сергей Лавров провёл переговоры в Бишкеке. «Мы обсудили торговлю и "
                   "границы», — сказал Сергей Лавров. «Работа над соглашением продолжится в следующем году», — добавил Руслан Казакбаев.",
                   "2021-03-04"),
             dated("m2", "Лавров в Москве",
                   "«Наши страны остаются союзниками», — заявил Лавров журналистам в Москве после встречи.",
                   "2021-05-20"),
             dated("m3", "Встреча с Лавровым",
                   "Глава МИД Киргизии Руслан Казакбаев встретился с Лавровым. «Встреча была полезной», — сказал "
                   "Руслан Казакбаев.",
                   "2021-05-02"),
             dated("m4", "Погода", "В Бишкеке идёт снег, сообщили синоптики.", "2021-06-01")});
        return (dir_ / "idx").string();
    }

    test_support::TempDir dir_;
    server::IndexHandle index_;
};

json get_json(const std::string& target) { return json::parse(People::instance().get(target).body); }

}  // namespace

TEST_CASE("a person's API gathers their quotations newest first, whatever case form names them") {
    const json person = get_json("/api/people/" + percent_encode("Лаврова"));
    CHECK(person["name"] == "Сергей Лавров");
    REQUIRE(person["quotations"].size() == 2);
    CHECK(person["quotations"][0]["article"]["id"] == "m2");  // 2021-05-20 before 2021-03-04
    CHECK(person["quotations"][1]["article"]["id"] == "m1");
    CHECK(person["quotations"][1]["citation"].get<std::string>().find("Сергей Лавров") != std::string::npos);
}

TEST_CASE("a person's API counts the articles naming them in any case form, month by month") {
    const json person = get_json("/api/people/" + percent_encode("Лавров"));
    CHECK(person["articles"] == 3);  // Лавров, Лавров, Лавровым; not the weather
    CHECK(person["months"] == json::array({{{"value", "2021-03"}, {"count", 1}}, {{"value", "2021-05"}, {"count", 2}}}));
}

TEST_CASE("a person's API names the people quoted in the same articles") {
    const json person = get_json("/api/people/" + percent_encode("Лавров"));
    REQUIRE(person["named_with"].size() == 1);
    CHECK(person["named_with"][0]["value"] == "Руслан Казакбаев");
    CHECK(person["named_with"][0]["count"] == 2);
}

TEST_CASE("people are suggested from the first letters of a surname, the most quoted first") {
    const json people = get_json("/api/people?prefix=" + percent_encode("ка"));
    REQUIRE(people["people"].size() == 1);
    CHECK(people["people"][0]["name"] == "Руслан Казакбаев");
    CHECK(people["people"][0]["articles"] == 2);
    CHECK(get_json("/api/people?prefix=" + percent_encode("к"))["people"].empty());  // one letter suggests nothing
}

TEST_CASE("a name nobody in the archive bears gets 404; a blank, broken or overlong one 400") {
    CHECK(People::instance().get("/api/people/" + percent_encode("Никтоневедомов")).status == 404);
    CHECK(People::instance().get("/api/people/%20").status == 400);
    CHECK(People::instance().get("/api/people/%FF").status == 400);
    CHECK(People::instance().get("/api/people/" + std::string(201, 'a')).status == 400);
    CHECK(People::instance().get("/api/people").status == 400);
    CHECK(People::instance().get("/person/" + percent_encode("Никтоневедомов")).status == 404);
}

TEST_CASE("the person page draws the months as bars and links the people quoted beside them") {
    const server::Reply page = People::instance().get("/person/" + percent_encode("Лаврова"));
    REQUIRE(page.status == 200);
    CHECK(page.content_type.find("text/html") == 0);
    CHECK(page.body.find("<h1 id=\"person\">Сергей Лавров</h1>") != std::string::npos);
    CHECK(page.body.find("<svg") != std::string::npos);
    std::size_t bars = 0;
    for (std::size_t at = page.body.find("<rect"); at != std::string::npos; at = page.body.find("<rect", at + 1)) ++bars;
    CHECK(bars == 2);
    CHECK(page.body.find("href=\"/person/" + percent_encode("Руслан Казакбаев") + "\"") != std::string::npos);
}
