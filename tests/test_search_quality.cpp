// How the answers behave for the way people search Russian news, over the
// five seed articles and the factRuEval texts shipped in corpus/.
#include "core/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <set>

namespace {

using test_support::corpus_searcher;

core::SearchResult search(const std::string& query, Xapian::doccount limit = 10, Xapian::doccount offset = 0) {
    core::SearchRequest request;
    request.query = query;
    request.limit = limit;
    request.offset = offset;
    return corpus_searcher().search(request);
}

std::vector<std::string> ids(const core::SearchResult& result) {
    std::vector<std::string> out;
    for (const core::SearchHit& hit : result.hits) out.push_back(hit.article.id);
    return out;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string first_id(const std::string& query) {
    const core::SearchResult result = search(query, 1);
    return result.hits.empty() ? "" : result.hits.front().article.id;
}

// A small index of `articles`, searched as the server searches.
class SmallIndex {
public:
    explicit SmallIndex(const std::vector<core::Article>& articles) {
        test_support::build_index(folder_ / "index", articles);
        searcher_ = std::make_unique<core::Searcher>((folder_ / "index").string());
    }

    std::vector<std::string> found(const std::string& query) {
        core::SearchRequest request;
        request.query = query;
        return ids(searcher_->search(request));
    }

private:
    test_support::TempDir folder_;
    std::unique_ptr<core::Searcher> searcher_;
};

const std::string kLavrovArticle = "001_d8841eb2ca9e328e";
const std::string kKosachevArticle = "000_45e618fe6b6cb5b2";
const std::string kPutinAtambaevArticle = "004_4cb89f962944c416";

}  // namespace

TEST_CASE("two surnames put the article naming both first and list those naming one") {
    const auto found = ids(search("Казакбаев Лавров"));
    REQUIRE_FALSE(found.empty());
    CHECK(found.front() == kLavrovArticle);
    CHECK(contains(found, kKosachevArticle));
}

TEST_CASE("a surname typed in lower case or another case finds the same articles") {
    CHECK(ids(search("лавров", 50)) == ids(search("Лавров", 50)));
    CHECK(contains(ids(search("Лаврову", 50)), kLavrovArticle));
}

TEST_CASE("a surname in the nominative finds an article that only has it in the instrumental case") {
    // 000 says only «Русланом Казакбаевым»... and «Казакбаев», so check a name it inflects only:
    // it mentions «Константина Косачева» and «Косачев», while 003 says only «Путиным».
    CHECK(contains(ids(search("Путин", 50)), "003_aaa7035f5467907a"));
}

TEST_CASE("a surname in -ов or -ев finds the person, not the words its Snowball stem shares") {
    using test_support::make_article;
    SmallIndex index({make_article("minister", "Переговоры", "Министр Сергей Лавров провёл переговоры. Слова Лаврова "
                                                               "передали агентства. Медведев тоже выступил."),
                      make_article("minister2", "Визит", "С Сергеем Лавровым встретился посол."),
                      make_article("monastery", "Паломники", "Паломники пришли в лавру поклониться мощам святого Лавра."),
                      make_article("forest", "Лес", "В лесу видели медведя и медведицу с медвежатами.")});
    const std::vector<std::string> found = index.found("Лавров");
    CHECK(std::set<std::string>(found.begin(), found.end()) == std::set<std::string>{"minister", "minister2"});
    CHECK(index.found("лаврову").size() == 2);
    CHECK(index.found("Медведев") == std::vector<std::string>{"minister"});
}

TEST_CASE("Киргизия also finds articles that say Кыргызстан or Кыргызская Республика") {
    const auto found = ids(search("Киргизия", 50));
    for (const char* id : {"000_45e618fe6b6cb5b2", "001_d8841eb2ca9e328e", "002_4c942831119a5cc2",
                           "003_aaa7035f5467907a", "004_4cb89f962944c416"}) {
        CHECK(contains(found, id));
    }
}

TEST_CASE("an exact name ranks above its equivalents") {
    const auto found = ids(search("Киргизия", 50));
    REQUIRE(found.size() >= 2);
    // 004 and 000 say «Киргизия» itself.
    CHECK((found[0] == kPutinAtambaevArticle || found[0] == kKosachevArticle));
}

TEST_CASE("Latin letters find the Cyrillic names") {
    CHECK(first_id("Kazakbaev Lavrov") == kLavrovArticle);
    CHECK(first_id("Zhaparov") == "003_aaa7035f5467907a");
}

TEST_CASE("a pasted quotation puts its article first, whatever quote marks are used") {
    const std::string quote = "Считаем, что нынешний год позволит продвинуть интеграционные процессы в рамках ЕАЭС";
    CHECK(first_id("«" + quote + "»") == kLavrovArticle);
    CHECK(first_id("„" + quote + "“") == kLavrovArticle);
    CHECK(first_id("\"" + quote + "\"") == kLavrovArticle);
    CHECK(first_id(quote) == kLavrovArticle);
}

TEST_CASE("a quotation with a different dash and spacing still matches") {
    CHECK(first_id("«Мне представляется это очень важным -   подчеркнуть глубокие корни»") == kPutinAtambaevArticle);
}

TEST_CASE("a phrase only matches words standing together") {
    const core::SearchResult together = search("«стратегического партнерства»", 50);
    const core::SearchResult reversed = search("«партнерства стратегического»", 50);
    CHECK(together.total > 0);
    CHECK_FALSE(together.relaxed);
    // Nothing has the words in that order: the answer falls back to the words, and says so.
    CHECK(reversed.relaxed);
}

TEST_CASE("е in the query finds ё in the article, and the snippet keeps the article's ё") {
    const core::SearchResult result = search("черной метки", 5);
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits.front().article.id == "book_100");
    CHECK(result.hits.front().snippet_html.find("<mark>чёрную</mark>") != std::string::npos);
}

TEST_CASE("a misspelt surname gets a suggestion and still finds the articles") {
    const core::SearchResult result = search("Казакбаеф");
    CHECK(result.suggestion == "казакбаев");
    CHECK(contains(ids(result), kLavrovArticle));
}

TEST_CASE("a correctly spelt query gets no suggestion") {
    CHECK(search("Лавров").suggestion.empty());
}

TEST_CASE("a minus excludes articles with the word") {
    const auto with = ids(search("Казакбаев", 50));
    const auto without = ids(search("Казакбаев -Лавров", 50));
    CHECK(contains(with, kLavrovArticle));
    CHECK_FALSE(contains(without, kLavrovArticle));
    CHECK(contains(without, kKosachevArticle));
}

TEST_CASE("title: searches only titles") {
    const auto found = ids(search("title:Лавров", 50));
    CHECK(contains(found, kLavrovArticle));
    CHECK_FALSE(contains(found, kKosachevArticle));
}

TEST_CASE("a prefix finds words that start with it") {
    CHECK(contains(ids(search("интеграц*", 50)), kLavrovArticle));
}

TEST_CASE("a title match ranks above a body match") {
    // 001's title names Лавров; others name him only in the text.
    CHECK(first_id("Лавров") == kLavrovArticle);
}

TEST_CASE("source and place filters restrict to articles from a dateline or agency") {
    const auto sputnik = ids(search("Кыргызстан source:Sputnik", 50));
    CHECK(contains(sputnik, kLavrovArticle));
    CHECK_FALSE(contains(sputnik, kKosachevArticle));
    CHECK(contains(ids(search("place:Бишкек", 50)), "002_4c942831119a5cc2"));
}

TEST_CASE("a date range keeps articles whose date falls inside it") {
    CHECK(contains(ids(search("Жапаров date:2021", 50)), "003_aaa7035f5467907a"));
    CHECK(search("Жапаров date:2019..2020", 50).hits.empty());
}

TEST_CASE("operator soup and unbalanced syntax search words instead of failing") {
    CHECK_NOTHROW(search("AND OR NOT ( * \""));
    CHECK_FALSE(search("Лавров ((").hits.empty());
    CHECK_FALSE(search("«Лавров").hits.empty());
}

TEST_CASE("snippets mark the matched words in their original spelling and case") {
    const core::SearchResult result = search("Казакбаев", 5);
    REQUIRE_FALSE(result.hits.empty());
    bool marked = false;
    for (const auto& hit : result.hits) marked = marked || hit.snippet_html.find("<mark>Казакбаев") != std::string::npos;
    CHECK(marked);
}

TEST_CASE("speaker: restricts to articles quoting that person, in any case form of the name") {
    const auto found = ids(search("speaker:Лаврова", 50));
    CHECK(contains(found, kLavrovArticle));
    CHECK_FALSE(contains(found, kKosachevArticle));
}

TEST_CASE("a pasted quotation found among quotations shows who said it") {
    core::QuoteRequest request;
    request.query = "«Россия и Киргизия остаются партнерами и союзниками»";
    const core::QuoteResult result = corpus_searcher().search_quotes(request);
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits.front().article.id == kKosachevArticle);
    CHECK(result.hits.front().quote.speaker_full == "Константин Косачев");
    CHECK(result.hits.front().text_html.find("<mark>") != std::string::npos);
}

TEST_CASE("quotations by one speaker are listed with a citation line") {
    core::QuoteRequest request;
    request.speaker = "Лавров";
    const core::QuoteResult result = corpus_searcher().search_quotes(request);
    REQUIRE_FALSE(result.hits.empty());
    for (const core::QuoteHit& hit : result.hits) {
        CHECK(hit.quote.speaker == "Лавров");
        CHECK(hit.citation.find("» — Сергей Лавров") != std::string::npos);
    }
}

TEST_CASE("the first page is the start of any longer page, so pages never overlap") {
    for (const char* query : {"Россия", "Киргизия", "МИД России", "Kazakbaev Lavrov", "Путин Медведев", "интеграц*",
                              "Казакбаеф", "«стратегического партнерства»"}) {
        INFO(query);
        const auto ten = ids(search(query, 10));
        const auto fifty = ids(search(query, 50));
        REQUIRE(fifty.size() >= ten.size());
        CHECK(std::vector<std::string>(fifty.begin(), fifty.begin() + static_cast<std::ptrdiff_t>(ten.size())) == ten);
    }
}

TEST_CASE("articles holding every word come before any holding only some") {
    for (const char* words : {"МИД России", "Путин Медведев", "Казакбаев Лавров"}) {
        INFO(words);
        const std::string both = std::string(words).replace(std::string(words).find(' '), 1, " AND ");
        const auto with_all = ids(search(both, 200));
        const auto found = ids(search(words, 200));
        REQUIRE_FALSE(with_all.empty());
        REQUIRE(found.size() > with_all.size());
        std::vector<std::string> first(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(with_all.size()));
        std::vector<std::string> expected = with_all;
        std::sort(first.begin(), first.end());
        std::sort(expected.begin(), expected.end());
        CHECK(first == expected);
    }
}

TEST_CASE("pages continue each other where the articles holding every word end") {
    const auto found = ids(search("МИД России", 200));
    const auto with_all = search("МИД AND России", 200).hits.size();
    REQUIRE(with_all >= 3);
    REQUIRE(found.size() >= with_all + 3);
    for (std::size_t offset : {with_all - 3, with_all - 1, with_all, with_all + 1}) {
        INFO(offset);
        const auto page = ids(search("МИД России", 5, static_cast<Xapian::doccount>(offset)));
        const auto slice = std::vector<std::string>(found.begin() + static_cast<std::ptrdiff_t>(offset),
                                                    found.begin() + static_cast<std::ptrdiff_t>(std::min(offset + 5, found.size())));
        CHECK(page == slice);
    }
    const auto total = search("МИД России").total;
    CHECK(search("МИД России", 5, static_cast<Xapian::doccount>(with_all - 1)).total == total);
    const auto past_the_end = search("МИД России", 5, 5000);
    CHECK(past_the_end.hits.empty());
    CHECK(past_the_end.total == total);
}

TEST_CASE("a first name typed in the nominative finds its other cases, where the vowel drops out") {
    using test_support::make_article;
    SmallIndex index({make_article("durov", "Интервью",
                                   "Журналисты поговорили с Павлом Дуровым. Слова Павла Дурова разошлись по сети."),
                      make_article("peacock", "Зоопарк", "В зоопарке показали павлина."),
                      make_article("egypt", "Отдых", "Туристы вернулись из Египта.")});
    CHECK(index.found("Павел Дуров") == std::vector<std::string>{"durov"});
    CHECK(index.found("павел") == std::vector<std::string>{"durov"});
    CHECK(index.found("Египет") == std::vector<std::string>{"egypt"});
}

TEST_CASE("a name typed in Latin letters ranks the articles about the person above its Latin mentions in links") {
    using test_support::make_article;
    std::vector<core::Article> articles{
        make_article("link", "Погода", "Завтра в Москве дождь. Видео: example.com/putin, твит: Putin meets Putin fans."),
        make_article("about", "Совещание", "Владимир Путин провёл совещание. Путин поручил подготовить доклад.")};
    for (int i = 0; i < 6; ++i) {
        articles.push_back(make_article("mention-" + std::to_string(i), "Визит",
                                        "Путин прибыл в Казань, где встретился с президентом Татарстана. Визит " +
                                            std::to_string(i + 1) + "."));
    }
    for (int i = 0; i < 20; ++i) {
        articles.push_back(make_article("other-" + std::to_string(i), "Новости", "Правительство обсудило бюджет."));
    }
    SmallIndex index(articles);
    const std::vector<std::string> found = index.found("Putin");
    REQUIRE(found.size() == 8);
    CHECK(found.front() == "about");
    CHECK(found.back() == "link");
}

TEST_CASE("a word typed in Latin letters is read as a name, not as a common noun spelt alike") {
    using test_support::make_article;
    SmallIndex index({make_article("score-1", "Итоги", "Команда получила высший балл жюри."),
                      make_article("score-2", "Экзамен", "Средний балл вырос, каждый балл на счету."),
                      make_article("bull", "Гонка", "Пилот команды Ред Булл выиграл гонку. Булл доволен.")});
    CHECK(index.found("Ball").empty());
    CHECK(index.found("Bull") == std::vector<std::string>{"bull"});
}

TEST_CASE("a hyphenated name typed in Latin letters finds its Cyrillic spelling") {
    using test_support::make_article;
    SmallIndex index({make_article("stlouis", "Турнир", "Финал турнира прошёл в Сен-Луи."),
                      make_article("link", "Погода", "Прогноз: example.com/sen-lui, снег и ветер."),
                      make_article("other", "Погода", "В Луисвилле шёл снег, сенокос отложили.")});
    std::vector<std::string> found = index.found("Sen-Lui");
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"link", "stlouis"});
}
