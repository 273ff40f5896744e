// Everyday words in any form: the article a journalist remembers is found
// whatever forms of its words are typed, including forms Snowball does not
// join (a dictionary lemma does), and without the typed form burying it.
#include "core/dictionary.h"
#include "core/document.h"
#include "core/schema.h"
#include "core/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

namespace {

using test_support::make_article;

class SmallIndex {
public:
    explicit SmallIndex(const std::vector<core::Article>& articles) {
        test_support::build_index(folder_ / "index", articles);
        searcher_ = std::make_unique<core::Searcher>((folder_ / "index").string());
    }

    core::SearchResult search(const std::string& query) {
        core::SearchRequest request;
        request.query = query;
        return searcher_->search(request);
    }

    std::vector<std::string> found(const std::string& query) {
        std::vector<std::string> out;
        for (const core::SearchHit& hit : search(query).hits) out.push_back(hit.article.id);
        return out;
    }

    std::filesystem::path path() const { return folder_ / "index"; }

private:
    test_support::TempDir folder_;
    std::unique_ptr<core::Searcher> searcher_;
};

bool dictionary_installed() { return core::RussianDictionary::instance().available(); }

}  // namespace

TEST_CASE("a verb form Snowball does not join with the typed one is found through its lemma") {
    REQUIRE(dictionary_installed());  // hunspell-ru is a build dependency (install-deps.sh)
    SmallIndex index({make_article("export", "Торговля", "Мы экспортируем зерно в двенадцать стран."),
                      make_article("other", "Погода", "Завтра ожидается дождь.")});
    CHECK(index.found("экспортировать") == std::vector<std::string>{"export"});
}

TEST_CASE("the typed form of an everyday word does not outrank the article holding the other words") {
    REQUIRE(dictionary_installed());  // hunspell-ru is a build dependency (install-deps.sh)
    std::vector<core::Article> articles{
        make_article("remembered", "Экономика", "Новые ограничения против экспортёров: санкций стало больше, рынки ждут.")};
    for (int i = 0; i < 3; ++i) {
        articles.push_back(make_article("rival-" + std::to_string(i), "Политика",
                                        "Страна ответила санкциями. Санкциями грозят и другим."));
    }
    for (int i = 0; i < 10; ++i) {
        articles.push_back(make_article("filler-" + std::to_string(i), "Новости", "Правительство обсудило бюджет."));
    }
    SmallIndex index(articles);
    const std::vector<std::string> found = index.found("санкциями экспортёра рынок");
    REQUIRE_FALSE(found.empty());
    CHECK(found.front() == "remembered");
}

TEST_CASE("words standing together in forms only the dictionary joins rank their article above one holding them apart") {
    REQUIRE(dictionary_installed());  // hunspell-ru is a build dependency (install-deps.sh)
    // The same length; the rival holds the verb twice, but far from the grain.
    std::string weather, rains;
    for (int i = 0; i < 20; ++i) {
        weather += " Погода на неделе " + std::to_string(i) + " была тёплой.";
        rains += " Дожди в горах " + std::to_string(i) + " шли долго.";
    }
    std::vector<core::Article> articles{
        make_article("together", "Торговля", "Мы экспортируем пшеницу." + weather + " Продали лес. Лес тоже."),
        make_article("apart", "Торговля", "Мы экспортируем лес. Экспортируем лес." + rains + " Продали пшеницу.")};
    for (int i = 0; i < 10; ++i) {
        articles.push_back(make_article("filler-" + std::to_string(i), "Новости", "Правительство обсудило бюджет."));
    }
    SmallIndex index(articles);
    const std::vector<std::string> found = index.found("экспортировать пшеница");
    REQUIRE(found.size() >= 2);
    CHECK(found.front() == "together");
}

TEST_CASE("a lemma match is marked in the snippet") {
    REQUIRE(dictionary_installed());  // hunspell-ru is a build dependency (install-deps.sh)
    SmallIndex index({make_article("export", "Торговля", "Мы экспортируем зерно в двенадцать стран.")});
    const core::SearchResult result = index.search("экспортировать");
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits.front().snippet_html.find("<mark>экспортируем</mark>") != std::string::npos);
}

TEST_CASE("the index records that it holds lemmas") {
    REQUIRE(dictionary_installed());  // hunspell-ru is a build dependency (install-deps.sh)
    SmallIndex index({make_article("export", "Торговля", "Мы экспортируем зерно.")});
    const Xapian::Database db(index.path().string());
    CHECK(db.get_metadata(core::schema::kLemmasMetadataKey) == "1");
    CHECK(db.term_exists(std::string(core::schema::kLemmaPrefix) + "экспортировать"));
}

TEST_CASE("a server over an index built before lemmas searches everyday words by their stems") {
    // Documents as an older indexer wrote them: the metadata saying that the
    // index holds lemmas is absent, so lemma terms are not asked for.
    test_support::TempDir folder;
    const std::string path = (folder / "old").string();
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        core::DocumentBuilder builder;
        db.add_document(builder.build(make_article("sanctions", "Политика", "Новые санкции против экспортёров.")));
        db.add_document(builder.build(make_article("export", "Торговля", "Мы экспортируем зерно.")));
        db.commit();
    }
    core::Searcher searcher(path);
    core::SearchRequest request;
    request.query = "санкциями";
    const core::SearchResult sanctions = searcher.search(request);
    REQUIRE(sanctions.hits.size() == 1);
    CHECK(sanctions.hits.front().article.id == "sanctions");
    request.query = "экспортировать";
    CHECK(searcher.search(request).hits.empty());
}

TEST_CASE("a surname whose nominative never occurs is found when misspelt") {
    SmallIndex index({make_article("abramovich", "Футбол", "Клуб Абрамовича выиграл. Об Абрамовиче писали все."),
                      make_article("other", "Погода", "Завтра ожидается дождь.")});
    const core::SearchResult result = index.search("Абраиович");
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits.front().article.id == "abramovich");
    CHECK(result.suggestion == "абрамович");
}

TEST_CASE("a misspelt surname one edit from a more frequent word too still finds its articles") {
    std::vector<core::Article> articles{make_article("iksanov", "Театр", "Директор Иксанов ответил на вопросы.")};
    for (int i = 0; i < 3; ++i) {
        articles.push_back(make_article("ivanov-" + std::to_string(i), "Спорт", "Нападающий Иванов забил гол."));
    }
    SmallIndex index(articles);
    const std::vector<std::string> found = index.found("Исанов");
    CHECK(std::find(found.begin(), found.end(), "iksanov") != found.end());
}

TEST_CASE("a misspelt surname declined as an adjective is found though its nominative never occurs") {
    SmallIndex index({make_article("stanislavsky", "Театр", "Система Станиславского. О Станиславском писали все."),
                      make_article("other", "Погода", "Завтра ожидается дождь.")});
    CHECK(index.found("Станиславркий") == std::vector<std::string>{"stanislavsky"});
}

TEST_CASE("a short surname typed without a letter is corrected into the name, not a common word") {
    REQUIRE(dictionary_installed());  // hunspell-ru is a build dependency (install-deps.sh)
    std::vector<core::Article> articles{make_article("sharf", "Футбол", "Нападающий Шарф забил гол.")};
    for (int i = 0; i < 5; ++i) {
        articles.push_back(make_article("fire-" + std::to_string(i), "Быт", "Пожар начался на кухне, был сильный жар."));
    }
    SmallIndex index(articles);
    CHECK(index.found("Шрф") == std::vector<std::string>{"sharf"});
    CHECK(index.found("Жр").empty());  // `жар` is no name: nothing is searched for it
}

TEST_CASE("a hyphenated name with a letter doubled is found as a phrase, not only word by word") {
    SmallIndex index({make_article("hajj", "Политика", "Заявление сделал Хасан аль-Хадж."),
                      make_article("other", "Погода", "Завтра ожидается дождь.")});
    const core::SearchResult result = index.search("аль-Хаадж");
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits.front().article.id == "hajj");
    CHECK_FALSE(result.relaxed);
}

TEST_CASE("a real word the archive lacks is not corrected into a frequent neighbour") {
    REQUIRE(dictionary_installed());  // hunspell-ru is a build dependency (install-deps.sh)
    SmallIndex index({make_article("fly", "Природа", "Муха села на стол. Муха улетела."),
                      make_article("other", "Погода", "Завтра ожидается дождь.")});
    const core::SearchResult result = index.search("мука");
    CHECK(result.suggestion.empty());
    CHECK(result.hits.empty());
    CHECK(index.search("Мухв").suggestion == "муха");
}
