#include "indexer/corpus_reader.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <unicode/ucnv.h>

#include <map>
#include <string>
#include <vector>

using test_support::TempDir;

namespace {

struct ReadResult {
    std::vector<core::Article> articles;
    std::vector<indexer::Skip> skips;
    bool ok = false;

    const core::Article* find(const std::string& id) const {
        for (const core::Article& a : articles) {
            if (a.id == id) return &a;
        }
        return nullptr;
    }
};

ReadResult read(const std::filesystem::path& path) {
    ReadResult result;
    indexer::ReadCallbacks callbacks;
    callbacks.on_article = [&](core::Article&& a) { result.articles.push_back(std::move(a)); };
    callbacks.on_skip = [&](const indexer::Skip& s) { result.skips.push_back(s); };
    result.ok = indexer::read_corpus(path.string(), callbacks);
    return result;
}

// `utf8` in another charset, converted with ICU at test time.
std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(charset, &status);
    REQUIRE(U_SUCCESS(status));
    std::string out(utf8.size() * 2 + 8, '\0');
    const int32_t length = ucnv_fromAlgorithmic(converter, UCNV_UTF8, out.data(), static_cast<int32_t>(out.size()),
                                                utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    ucnv_close(converter);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

const std::string kRussianText =
    "Министр иностранных дел России Сергей Лавров провёл переговоры с коллегой из Кыргызстана. "
    "Стороны обсудили вопросы сотрудничества в экономике, безопасности, образовании и культуре, "
    "а также подготовку к будущему визиту президента в Москву. Встреча прошла в дружеской обстановке.\n";

}  // namespace

TEST_CASE("a text file's article id is its file name without .txt") {
    TempDir dir;
    dir.write("corpus/001_d8841eb2ca9e328e.txt", "Заголовок\n\nТекст статьи.");
    const ReadResult r = read(dir / "corpus");
    REQUIRE(r.ok);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "001_d8841eb2ca9e328e");
    CHECK(r.articles[0].title == "Заголовок");
    CHECK(r.articles[0].text == "Заголовок\n\nТекст статьи.");
}

TEST_CASE("folders are read recursively in name order, other files are not articles") {
    TempDir dir;
    dir.write("c/b/2.txt", "Вторая статья.");
    dir.write("c/a/1.txt", "Первая статья.");
    dir.write("c/3.TXT", "Третья статья.");
    dir.write("c/readme.md", "not an article");
    const ReadResult r = read(dir / "c");
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].id == "3");
    CHECK(r.articles[1].id == "1");
    CHECK(r.articles[2].id == "2");
    CHECK(r.skips.empty());
}

TEST_CASE("a single file can be given instead of a folder") {
    TempDir dir;
    const auto file = dir.write("one.txt", "Одна статья.");
    const ReadResult r = read(file);
    REQUIRE(r.ok);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "one");
}

TEST_CASE("a path that does not exist is reported as unreadable") {
    TempDir dir;
    CHECK_FALSE(read(dir / "missing").ok);
}

TEST_CASE("jsonl lines give id, title, text, date, url and source") {
    TempDir dir;
    dir.write("a.jsonl",
              R"({"id": "j1", "title": "Заголовок", "text": "Текст один.", "date": "2021-05-25T08:00:00", )"
              R"("url": "https://example.ru/x", "source": "Кабар"})" "\n"
              R"({"id": 42, "text": "Текст два. Без заголовка."})" "\n");
    const ReadResult r = read(dir / "a.jsonl");
    REQUIRE(r.articles.size() == 2);
    CHECK(r.skips.empty());
    const core::Article& a = r.articles[0];
    CHECK(a.id == "j1");
    CHECK(a.title == "Заголовок");
    CHECK(a.text == "Текст один.");
    CHECK(a.date == "2021-05-25");
    CHECK(a.url == "https://example.ru/x");
    CHECK(a.source == "Кабар");
    CHECK(r.articles[1].id == "42");
    CHECK_FALSE(r.articles[1].title.empty());
}

TEST_CASE("broken jsonl lines are reported with file and line number, the rest are read") {
    TempDir dir;
    const auto file = dir.write("b.jsonl",
                                R"({"id": "ok1", "text": "Хорошая строка."})" "\n"
                                R"({"id": "broken", "text": )" "\n"
                                "\n"
                                R"(["not", "an", "object"])" "\n"
                                R"({"text": "без id"})" "\n"
                                R"({"id": "no-text"})" "\n"
                                R"({"id": "a/b", "text": "слэш в id"})" "\n"
                                "{\"id\": \"bad-utf8\", \"text\": \"\xff\xfe\"}\n"
                                R"({"id": "ok2", "text": "Ещё одна хорошая строка."})");
    const ReadResult r = read(file);
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "ok1");
    CHECK(r.articles[1].id == "ok2");
    std::map<std::string, std::string> reasons;
    for (const indexer::Skip& s : r.skips) reasons[s.where] = s.reason;
    const std::string name = file.string();
    REQUIRE(reasons.size() == 6);
    CHECK(reasons[name + ":2"] == "not a JSON object");
    CHECK(reasons[name + ":4"] == "not a JSON object");
    CHECK(reasons[name + ":5"] == "no \"id\"");
    CHECK(reasons[name + ":6"] == "no \"text\"");
    CHECK(reasons[name + ":7"] == "invalid \"id\"");
    CHECK(reasons[name + ":8"] == "not UTF-8");
}

TEST_CASE("jsonl with Windows line endings is read") {
    TempDir dir;
    dir.write("w.jsonl", "{\"id\": \"w1\", \"text\": \"Первая.\"}\r\n{\"id\": \"w2\", \"text\": \"Вторая.\"}\r\n");
    const ReadResult r = read(dir / "w.jsonl");
    CHECK(r.articles.size() == 2);
    CHECK(r.skips.empty());
}

TEST_CASE("a Windows-1251 text file is converted to UTF-8") {
    TempDir dir;
    dir.write("cp1251.txt", encode(kRussianText, "windows-1251"));
    const ReadResult r = read(dir / "cp1251.txt");
    REQUIRE(r.skips.empty());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == kRussianText);
}

TEST_CASE("a KOI8-R text file is converted to UTF-8") {
    TempDir dir;
    dir.write("koi8.txt", encode(kRussianText, "KOI8-R"));
    const ReadResult r = read(dir / "koi8.txt");
    REQUIRE(r.skips.empty());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == kRussianText);
}

TEST_CASE("a UTF-8 byte order mark is dropped") {
    TempDir dir;
    dir.write("bom.txt", "\xEF\xBB\xBFЗаголовок\n\nТекст.");
    const ReadResult r = read(dir / "bom.txt");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Заголовок");
}

TEST_CASE("empty and blank files are skipped with a reason") {
    TempDir dir;
    dir.write("c/empty.txt", "");
    dir.write("c/blank.txt", " \n\t\r\n");
    dir.write("c/good.txt", "Статья.");
    const ReadResult r = read(dir / "c");
    REQUIRE(r.articles.size() == 1);
    REQUIRE(r.skips.size() == 2);
    for (const indexer::Skip& s : r.skips) {
        CHECK(s.reason == "empty file");
        CHECK((s.where.find("empty.txt") != std::string::npos || s.where.find("blank.txt") != std::string::npos));
    }
}

TEST_CASE("a binary file is skipped with a reason, not indexed") {
    TempDir dir;
    dir.write("bin.txt", std::string("\x7f" "ELF\0\0\x01\x02", 8));
    const ReadResult r = read(dir / "bin.txt");
    CHECK(r.articles.empty());
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].where.find("bin.txt") != std::string::npos);
    CHECK_FALSE(r.skips[0].reason.empty());
}

TEST_CASE("duplicate ids are all passed on in order, so the last one wins in the index") {
    TempDir dir;
    dir.write("c/a.jsonl", R"({"id": "dup", "text": "Первая версия."})" "\n" R"({"id": "dup", "text": "Вторая версия."})");
    dir.write("c/dup.txt", "Третья версия.");
    const ReadResult r = read(dir / "c");
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles.back().id == "dup");
    CHECK(r.articles.back().text == "Третья версия.");
}

TEST_CASE("decoding leaves valid UTF-8 as it is and refuses undecodable bytes with a reason") {
    std::string text = "Привет, мир";
    std::string reason;
    CHECK(indexer::decode_text(text, reason));
    CHECK(text == "Привет, мир");
    std::string binary("abc\0def", 7);
    CHECK_FALSE(indexer::decode_text(binary, reason));
    CHECK_FALSE(reason.empty());
}

TEST_CASE("a Telegram post's Markdown is read as markup in its title and text") {
    TempDir dir;
    dir.write("t.jsonl",
              R"j({"id": "tg1", "source": "telegram", "title": "**⚡Военная техника уже на улицах Сеула**", )j"
              R"j("text": "**⚡Военная техника уже на улицах Сеула**\n\n[Подписаться](https://t.me/x)"})j" "\n"
              R"({"id": "site1", "source": "Сайт", "title": "**как есть**", "text": "Текст **как есть**."})" "\n");
    const ReadResult r = read(dir / "t.jsonl");
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].title == "⚡Военная техника уже на улицах Сеула");
    CHECK(r.articles[0].text == "⚡Военная техника уже на улицах Сеула\n\nПодписаться");
    CHECK(r.articles[1].title == "**как есть**");
}
