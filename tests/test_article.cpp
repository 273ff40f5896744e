#include "core/article.h"
#include "core/text.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using core::Article;
using core::extract_metadata;

namespace {

Article from_text(std::string text) {
    Article article;
    article.id = "test";
    article.text = std::move(text);
    extract_metadata(article);
    return article;
}

std::string corpus_text(const std::string& name) {
    std::ifstream in(std::string(NEWSEARCH_SOURCE_DIR) + "/corpus/" + name, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

}  // namespace

TEST_CASE("a short first line without a full stop is taken as the headline title") {
    const Article a = from_text("Лавров рассказал о важных моментах отношений\n\nМинистр выступил в Бишкеке. Он сказал многое.");
    CHECK(a.title == "Лавров рассказал о важных моментах отношений");
}

TEST_CASE("a first line that is a sentence gives the start of that sentence as the title") {
    const Article a = from_text(
        "Россия и Кыргызстан сохраняют отношения стратегического партнерства. Об этом было заявлено в Москве.\n"
        "Во встрече приняли участие послы.");
    CHECK(a.title == "Россия и Кыргызстан сохраняют отношения стратегического партнерства");
}

TEST_CASE("a very long first sentence is cut at a word with an ellipsis") {
    std::string sentence = "Президент";
    while (core::utf8_length(sentence) < 300) sentence += " сказал очень длинную фразу";
    const Article a = from_text(sentence + ".\nВторая строка.");
    CHECK(core::utf8_length(a.title) <= 141);
    CHECK(a.title.substr(a.title.size() - 3) == "…");
    CHECK(a.title.rfind("Президент сказал", 0) == 0);
    CHECK(core::is_valid_utf8(a.title));
}

TEST_CASE("a title already given is kept") {
    Article a;
    a.title = "Заголовок из JSON";
    a.text = "Другая первая строка\nТекст.";
    extract_metadata(a);
    CHECK(a.title == "Заголовок из JSON");
}

TEST_CASE("a dateline gives the place and the source") {
    const Article a = from_text("Заголовок новости\n\nБИШКЕК, 5 мар — Sputnik. Министр иностранных дел рассказал.");
    CHECK(a.place == "Бишкек");
    CHECK(a.source == "Sputnik");
    CHECK(a.title == "Заголовок новости");
}

TEST_CASE("a dateline with a full date and a two-word place gives the date too") {
    const Article a = from_text("НИЖНИЙ НОВГОРОД, 12 января 2021 — РИА Новости. На заводе прошла встреча.");
    CHECK(a.place == "Нижний Новгород");
    CHECK(a.source == "РИА Новости");
    CHECK(a.date == "2021-01-12");
}

TEST_CASE("a dateline is not taken for the headline") {
    const Article a = from_text("МОСКВА, 3 июн — РИА Новости. Президент провёл совещание с правительством.\nДалее текст.");
    CHECK(a.title.find("МОСКВА") == std::string::npos);
    CHECK(a.title.rfind("Президент провёл совещание", 0) == 0);
}

TEST_CASE("a trailing news link gives the url and the date found in it") {
    const Article a = from_text(
        "Президент встретился с коллегой в Сочи и обсудил сотрудничество.\nТекст статьи.\n"
        "Ссылка на новость: https://kant.kg/2021-05-25/sostoyalas-vstrecha/\n\n");
    CHECK(a.url == "https://kant.kg/2021-05-25/sostoyalas-vstrecha/");
    CHECK(a.date == "2021-05-25");
    CHECK(a.source == "kant.kg");
}

TEST_CASE("a date written with slashes in the url is found too") {
    const Article a = from_text("Текст новости о встрече министров.\nСсылка на новость: https://example.ru/news/2020/03/15/item\n");
    CHECK(a.date == "2020-03-15");
}

TEST_CASE("an agency named in the first lines is taken as the source") {
    const Article a = from_text(
        "Россия и Киргизия улучшили взаимодействие, заявил президент РФ Владимир Путин на встрече, передает РИА Новости.\n"
        "Далее текст.");
    CHECK(a.source == "РИА Новости");
    CHECK(a.place.empty());
}

TEST_CASE("an article without metadata leaves the fields empty") {
    const Article a = from_text("Просто текст без источника и даты. Ещё одно предложение.");
    CHECK(a.source.empty());
    CHECK(a.url.empty());
    CHECK(a.date.empty());
    CHECK(a.place.empty());
}

TEST_CASE("Windows line endings do not end up in the title or the url") {
    const Article a = from_text("Заголовок статьи\r\n\r\nТекст статьи.\r\nСсылка на новость: https://kant.kg/2021-05-25/x/\r\n");
    CHECK(a.title == "Заголовок статьи");
    CHECK(a.url == "https://kant.kg/2021-05-25/x/");
}

TEST_CASE("fields given in JSON are kept over what the text says") {
    Article a;
    a.title = "T";
    a.source = "Кабар";
    a.date = "2020-01-01";
    a.text = "БИШКЕК, 5 мар — Sputnik. Текст.";
    extract_metadata(a);
    CHECK(a.source == "Кабар");
    CHECK(a.date == "2020-01-01");
    CHECK(a.place == "Бишкек");
}

TEST_CASE("dates are normalised from the accepted forms and refused otherwise") {
    CHECK(core::normalize_date("2021-05-25") == "2021-05-25");
    CHECK(core::normalize_date("2021-05-25T10:00:00Z") == "2021-05-25");
    CHECK(core::normalize_date("2021/05/25") == "2021-05-25");
    CHECK(core::normalize_date("25.05.2021") == "2021-05-25");
    CHECK(core::normalize_date("2021-13-01").empty());
    CHECK(core::normalize_date("2021-05").empty());
    CHECK(core::normalize_date("вчера").empty());
    CHECK(core::normalize_date("").empty());
}

TEST_CASE("the time of day after a date is kept as HH:MM:SS, and nothing else passes for one") {
    CHECK(core::normalize_time("2024-12-03T14:50:38+00:00") == "14:50:38");
    CHECK(core::normalize_time("2024-12-03 14:50") == "14:50:00");
    CHECK(core::normalize_time("2024-12-03").empty());
    CHECK(core::normalize_time("2024-12-03T25:00:00").empty());
    CHECK(core::normalize_time("2024-12-03T1450").empty());
    CHECK(core::normalize_time("вчера в 14:50").empty());
}

TEST_CASE("an article survives storage in the index unchanged") {
    Article a;
    a.id = "001";
    a.title = "Заголовок \"в кавычках\"";
    a.text = "Текст\nс переводом строки";
    a.date = "2021-05-25";
    a.url = "https://kant.kg/";
    a.source = "Sputnik";
    a.place = "Бишкек";
    const Article b = core::deserialize_article(core::serialize_article(a));
    CHECK(b.id == a.id);
    CHECK(b.title == a.title);
    CHECK(b.text == a.text);
    CHECK(b.date == a.date);
    CHECK(b.url == a.url);
    CHECK(b.source == a.source);
    CHECK(b.place == a.place);
}

TEST_CASE("quotations and any bytes survive storage; a damaged record gives an empty article") {
    Article a;
    a.id = "q1";
    a.title = "Лавров";
    const char raw[] = "Текст с \0 нулём и \xff байтом";
    a.text = std::string(raw, sizeof raw - 1) + std::string(300, 'x');
    core::Quotation q;
    q.text = "Мы готовы";
    q.begin = 5;
    q.end = 300;
    q.speaker = "Лавров";
    q.speaker_full = "Сергей Лавров";
    q.speaker_title = "министр";
    a.quotes = {q, q};
    const std::string stored = core::serialize_article(a);
    const Article b = core::deserialize_article(stored);
    CHECK(b.text == a.text);
    REQUIRE(b.quotes.size() == 2);
    CHECK(b.quotes[1].text == q.text);
    CHECK(b.quotes[1].begin == 5);
    CHECK(b.quotes[1].end == 300);
    CHECK(b.quotes[1].speaker == q.speaker);
    CHECK(b.quotes[1].speaker_full == q.speaker_full);
    CHECK(b.quotes[1].speaker_title == q.speaker_title);
    for (std::size_t cut = 0; cut < stored.size(); cut += 7) {
        CHECK(core::deserialize_article(std::string_view(stored).substr(0, cut)).id.empty());
    }
}

TEST_CASE("a stored article is compressed, and a damaged byte gives an empty article") {
    Article a;
    a.id = "long";
    for (int i = 0; i < 200; ++i) a.text += "Министр иностранных дел России Сергей Лавров встретился с коллегой. ";
    const std::string stored = core::serialize_article(a);
    CHECK(stored.size() < a.text.size() / 10);
    CHECK(core::deserialize_article(stored).text == a.text);
    for (std::size_t at = 1; at < stored.size(); at += 5) {
        std::string damaged = stored;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
        const Article b = core::deserialize_article(damaged);
        CHECK((b.id.empty() || (b.id == a.id && b.text == a.text)));
    }
}

TEST_CASE("an article stored uncompressed by an earlier indexer is still read") {
    // Version 1: each field as a one-byte length and its bytes: id, title,
    // date, url, source, place, the quotation count (0), then the text.
    std::string record = "\x01";
    for (std::string_view field : {"7", "T", "2021-05-25", "u", "s", "p"}) {
        record += static_cast<char>(field.size());
        record += field;
    }
    record += '\0';
    record += '\x04';
    record += "Body";
    const Article b = core::deserialize_article(record);
    CHECK(b.id == "7");
    CHECK(b.title == "T");
    CHECK(b.date == "2021-05-25");
    CHECK(b.place == "p");
    CHECK(b.text == "Body");
}

TEST_CASE("an article stored as JSON by an earlier indexer is still read") {
    const Article b = core::deserialize_article(
        R"({"id":"7","title":"T","text":"Body","date":"2021-05-25","url":"u","source":"s","place":"p",)"
        R"("quotes":[{"text":"q","begin":1,"end":2,"speaker":"Лавров","speaker_full":"","speaker_title":""}]})");
    CHECK(b.id == "7");
    CHECK(b.text == "Body");
    REQUIRE(b.quotes.size() == 1);
    CHECK(b.quotes[0].speaker == "Лавров");
}

TEST_CASE("the shipped Sputnik article has its headline, place and source") {
    const Article a = from_text(corpus_text("001_d8841eb2ca9e328e.txt"));
    CHECK(a.title == "Лавров рассказал о важных моментах отношений России и Кыргызстана");
    CHECK(a.place == "Бишкек");
    CHECK(a.source == "Sputnik");
}

TEST_CASE("the shipped kant.kg article has its url and date from the news link") {
    const Article a = from_text(corpus_text("003_aaa7035f5467907a.txt"));
    CHECK(a.url.rfind("https://kant.kg/2021-05-25/", 0) == 0);
    CHECK(a.date == "2021-05-25");
}

TEST_CASE("the shipped RIA article names its agency") {
    CHECK(from_text(corpus_text("004_4cb89f962944c416.txt")).source == "РИА Новости");
}

TEST_CASE("a shipped article that opens with a dateline takes its title from the sentence after it") {
    const Article a = from_text(corpus_text("002_4c942831119a5cc2.txt"));
    CHECK(a.title.rfind("Кыргызстан продолжает следовать курсу", 0) == 0);
    CHECK(a.place == "Бишкек");
    CHECK(a.source == "Sputnik");
}
