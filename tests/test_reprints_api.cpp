// Reprint clusters through the HTTP handlers: folded hits, "first", the
// copies of an article, and the line on the search page. The index is built
// by the indexer (IndexBuilder), which assigns the clusters.
#include "server/router.h"
#include "server/url.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

using nlohmann::json;
using server::percent_encode;

namespace {

const std::string kStory =
    "В Туле коммунальщики третий день ищут пожарный гидрант, который исчез с улицы Металлистов вместе с "
    "крышкой колодца. Жители заметили пропажу в понедельник утром и сообщили в управляющую компанию. "
    "Полиция проверяет записи камер наружного наблюдения, а водоканал обещает поставить новый гидрант до "
    "конца недели, чтобы пожарные машины могли заправляться водой без задержек.";

core::Article article(std::string id, std::string text, std::string source, std::string date) {
    core::Article a = test_support::make_article(id, "Пропал гидрант (" + source + ")", std::move(text));
    a.source = std::move(source);
    a.date = std::move(date);
    return a;
}

class ReprintsFixture {
public:
    static ReprintsFixture& instance() {
        static ReprintsFixture fixture;
        return fixture;
    }
    server::IndexHandle& index() { return index_; }

private:
    ReprintsFixture() : index_((dir_ / "idx").string()) {
        test_support::build_index(
            dir_ / "idx",
            {article("regional", "Срочная новость.\n" + kStory, "Тульские вести", "2024-03-06"),
             article("tass", "ТУЛА, 5 мар — ТАСС. " + kStory, "ТАСС", "2024-03-05"),
             article("site", kStory + "\n[Подписаться](https://t.me/tula_news)", "Сайт", "2024-03-07"),
             article("other", "В Туле установили новый пожарный гидрант на улице Металлистов взамен украденного. "
                              "Старый так и не нашли, полиция возбудила дело о краже.",
                      "Другая газета", "2024-03-09")});
    }

    test_support::TempDir dir_;
    server::IndexHandle index_;
};

server::Reply get(const std::string& target) {
    return server::route(server::Method::Get, target, ReprintsFixture::instance().index());
}

json body_json(const server::Reply& reply) {
    INFO(reply.body);
    json j = json::parse(reply.body, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

}  // namespace

TEST_CASE("copies of one story fold into one hit carrying the number of reprints and the first source") {
    const json j = body_json(get("/api/search?q=" + percent_encode("гидрант")));
    CHECK(j["counts"] == "stories");
    CHECK(j["total"] == 2);
    REQUIRE(j["hits"].size() == 2);
    int folded = 0;
    for (const json& hit : j["hits"]) {
        if (hit["id"] == "other") {
            CHECK_FALSE(hit.contains("reprints"));
            continue;
        }
        ++folded;
        CHECK(hit["reprints"] == 2);
        CHECK(hit["first"] == json{{"id", "tass"}, {"source", "ТАСС"}, {"date", "2024-03-05"}});
    }
    CHECK(folded == 1);
}

TEST_CASE("collapse=0 shows every copy and counts articles") {
    const json j = body_json(get("/api/search?collapse=0&q=" + percent_encode("гидрант")));
    CHECK(j["counts"] == "articles");
    CHECK(j["total"] == 4);
    CHECK(j["hits"].size() == 4);
}

TEST_CASE("a collapse parameter other than 0 or 1 is refused with 400") {
    const server::Reply reply = get("/api/search?collapse=yes&q=" + percent_encode("гидрант"));
    CHECK(reply.status == 400);
    CHECK(body_json(reply).contains("error"));
}

TEST_CASE("the article endpoint gives the cluster and the other copies, earliest first") {
    const json regional = body_json(get("/api/doc/regional"));
    const json site = body_json(get("/api/doc/site"));
    CHECK(regional["cluster"] == site["cluster"]);
    REQUIRE(regional["reprints"].size() == 2);
    CHECK(regional["reprints"][0]["id"] == "tass");
    CHECK(regional["reprints"][0]["source"] == "ТАСС");
    CHECK(regional["reprints"][1]["id"] == "site");
    CHECK(regional["reprints"][1]["title"] == "Пропал гидрант (Сайт)");
    CHECK(regional["reprints"][0]["added"] == json{"ТУЛА, 5 мар — ТАСС."});  // what the copy has that this one lacks
    CHECK(regional["reprints"][0]["missing"] == json{"Срочная новость."});
    const json other = body_json(get("/api/doc/other"));
    CHECK(other["cluster"] != regional["cluster"]);
    CHECK(other["reprints"].empty());
}

TEST_CASE("the search page says how many reprints a hit stands for and who published first") {
    const server::Reply reply = get("/search?q=" + percent_encode("гидрант"));
    REQUIRE(reply.status == 200);
    CHECK(reply.body.find("ещё 2 перепечатки</a> · первым: ТАСС, 5 марта 2024") != std::string::npos);
    const server::Reply page = get("/doc/tass");
    CHECK(page.body.find("id=\"reprints\"") != std::string::npos);
    CHECK(page.body.find("Перепечатки (2)") != std::string::npos);
}

TEST_CASE("the article page says, for each copy, the sentences it added and the ones it left out") {
    const std::string page = get("/doc/tass").body;
    const std::size_t regional = page.find("href=\"/doc/regional\"");
    REQUIRE(regional != std::string::npos);
    const std::size_t diff = page.find("<details class=\"copy-diff\"><summary>Отличия: +1 / −1 предложение</summary>", regional);
    REQUIRE(diff != std::string::npos);
    CHECK(page.find("Есть только в копии:</p><ul><li>Срочная новость.</li></ul>", diff) != std::string::npos);
    CHECK(page.find("Нет в копии:</p><ul><li>ТУЛА, 5 мар — ТАСС.</li></ul>", diff) != std::string::npos);
}

TEST_CASE("related articles are on the same story but not its copies, one per cluster") {
    // Built by the indexer program, which keeps the term lists related articles read.
    test_support::TempDir dir;
    const auto corpus = dir / "corpus";
    std::filesystem::create_directories(corpus);
    dir.write("corpus/regional.txt", "Пропал гидрант\n\nСрочная новость.\n" + kStory);
    dir.write("corpus/tass.txt", "Пропал гидрант\n\nТУЛА, 5 мар — ТАСС. " + kStory);
    dir.write("corpus/other.txt", "Новый гидрант\n\nВ Туле установили новый пожарный гидрант на улице Металлистов "
                                  "взамен украденного. Старый так и не нашли, полиция возбудила дело о краже.");
    // Other news, so that the story's words are rare in the archive, as they are in a real one.
    dir.write("corpus/weather.txt", "Погода\n\nВ Москве ожидается снег и гололедица, синоптики советуют метро.");
    dir.write("corpus/football.txt", "Спорт\n\nСборная провела товарищеский матч и победила со счётом два один.");
    REQUIRE(test_support::run_indexer(dir / "idx", {corpus.string()}).exit_code == 0);
    server::IndexHandle index((dir / "idx").string());
    auto related = [&](const std::string& target) {
        return body_json(server::route(server::Method::Get, target, index));
    };
    const json regional = related("/api/doc/regional/related");
    REQUIRE(regional["related"].size() == 1);
    CHECK(regional["related"][0]["id"] == "other");  // tass is a copy: left out
    const json other = related("/api/doc/other/related");
    REQUIRE(other["related"].size() == 1);  // the two copies are one story
    CHECK(std::set<std::string>{"regional", "tass"}.count(other["related"][0]["id"].get<std::string>()) == 1);
    CHECK(server::route(server::Method::Get, "/api/doc/nosuch/related", index).status == 404);
    CHECK(server::route(server::Method::Get, "/api/doc/other/related?limit=0x", index).status == 400);
    CHECK(related("/api/doc/other").contains("cluster"));  // the plain article route still answers

    const server::Reply page = server::route(server::Method::Get, "/doc/regional", index);
    REQUIRE(page.status == 200);
    const std::size_t section = page.body.find("<section id=\"related\"><h2>Похожие</h2>");
    REQUIRE(section != std::string::npos);
    CHECK(page.body.find("href=\"/doc/other\"", section) != std::string::npos);
    CHECK(page.body.find("href=\"/doc/tass\"", section) == std::string::npos);  // a copy is a reprint, not a related story
}

TEST_CASE("related articles over an index without term lists are refused with the reason") {
    test_support::TempDir dir;
    test_support::build_index(dir / "idx", {article("one", kStory, "ТАСС", "2024-03-05")});
    server::IndexHandle index((dir / "idx").string());
    const server::Reply reply = server::route(server::Method::Get, "/api/doc/one/related", index);
    CHECK(reply.status == 409);
    CHECK(reply.body.find("term lists") != std::string::npos);
    const server::Reply page = server::route(server::Method::Get, "/doc/one", index);
    CHECK(page.status == 200);  // the article page simply has no «Похожие»
    CHECK(page.body.find("id=\"related\"") == std::string::npos);
}

TEST_CASE("among copies posted on one day, the first is the one posted earliest in the day, not the first id") {
    test_support::TempDir dir;
    core::Article early = article("zz-channel", kStory, "Канал Б", "2024-12-03");
    core::Article late = article("aa-channel", kStory + "\nПодробности позже.", "Канал А", "2024-12-03");
    early.time = "14:50:38";
    late.time = "14:51:47";
    test_support::build_index(dir / "idx", {late, early});
    server::IndexHandle index((dir / "idx").string());

    const server::Reply search = server::route(server::Method::Get, "/api/search?q=" + percent_encode("гидрант"), index);
    const json hits = body_json(search)["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["first"]["id"] == "zz-channel");

    const json doc = body_json(server::route(server::Method::Get, "/api/doc/aa-channel", index));
    REQUIRE(doc["reprints"].size() == 1);
    CHECK(doc["reprints"][0]["id"] == "zz-channel");
}

