#include "fuzz/fixture.h"

#include "core/article.h"
#include "indexer/index_builder.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace fuzz {
namespace {

std::string temporary_folder;

void remove_fixture() {
    std::error_code ec;
    if (!temporary_folder.empty()) std::filesystem::remove_all(temporary_folder, ec);
}

std::vector<core::Article> fixture_articles() {
    auto article = [](std::string id, std::string title, std::string text, std::string date, std::string source,
                      std::string place) {
        core::Article a;
        a.id = std::move(id);
        a.title = std::move(title);
        a.text = std::move(text);
        a.date = std::move(date);
        a.source = std::move(source);
        a.place = std::move(place);
        a.url = "https://example.org/" + a.id;
        return a;
    };
    return {
        article("a1", "Лавров встретился с Казакбаевым",
                "МОСКВА, 22 окт — Sputnik. Министр иностранных дел России Сергей Лавров провёл переговоры с главой МИД "
                "Киргизии Русланом Казакбаевым. Стороны обсудили стратегическое партнёрство и интеграцию в ЕАЭС.",
                "2020-10-22", "Sputnik", "Москва"),
        article("a2", "Жапаров посетил Бишкек",
                "БИШКЕК, 5 мар — Sputnik. Президент Садыр Жапаров (Zhaparov) открыл новую школу. «Это наш общий "
                "успех», — сказал он. Ёлка, елка и ЁЖ: проверка буквы ё. Курс доллара 85,5 сома; рост 3%.",
                "2021-03-05", "Sputnik", "Бишкек"),
        article("a3", "Putin and Lavrov on integration",
                "Vladimir Putin said the Eurasian integration will continue. Путин заявил, что интеграция продолжится. "
                "Переговоры Путина и Лаврова прошли в Кремле; <b>разметка</b> & \"кавычки\" в тексте статьи.",
                "2019-12-01", "ТАСС", "Москва"),
        article("a4", "Новости экономики",
                "Экономика Кыргызстана выросла на 2,1 процента. Министерство экономики сообщило о росте экспорта. "
                "Эксперты ожидают, что инфляция замедлится к концу года.",
                "2021-05-17", "24.kg", "Бишкек"),
        article("a5", "Спорт: чемпионат",
                "Сборная провела товарищеский матч. Тренер Иванова поблагодарила игроков; Иванов, Ивановым, Ивановой "
                "— формы фамилии. Счёт 2:1.",
                "2018-07-01", "Спорт-Экспресс", "Ош"),
    };
}

const std::string& fixture_folder() {
    static const std::string folder = [] {
        char pattern[] = "/tmp/newsearch-fuzz-XXXXXX";
        if (!::mkdtemp(pattern)) {
            std::perror("fuzz: mkdtemp");
            std::abort();
        }
        temporary_folder = pattern;
        std::atexit(remove_fixture);
        return temporary_folder;
    }();
    return folder;
}

std::string build_fixture(const std::string& name, bool termlists) {
    const std::string path = fixture_folder() + "/" + name;
    indexer::IndexBuilder builder(path, 0, termlists);
    for (const core::Article& article : fixture_articles()) builder.add(article);
    builder.publish();
    return path;
}

}  // namespace

const std::string& fixture_index() {
    static const std::string path = build_fixture("index", false);
    return path;
}

const std::string& writable_fixture_index() {
    static const std::string path = build_fixture("writable", true);
    return path;
}

void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    std::abort();
}

bool only_mark_tags(std::string_view html) {
    static constexpr std::string_view kAllowed[] = {"<mark>", "</mark>", "<mark id=\"first-match\">"};
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
        bool allowed = false;
        for (std::string_view tag : kAllowed) allowed = allowed || html.substr(at, tag.size()) == tag;
        if (!allowed) return false;
    }
    return true;
}

}  // namespace fuzz
