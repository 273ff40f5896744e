#include "core/copy_diff.h"
#include "core/document.h"
#include "core/markdown.h"
#include "core/reprints.h"
#include "core/schema.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using core::reprint_signature;

namespace {

const std::string kStory =
    "В Москве с понедельника закроют на ремонт участок Садового кольца между Смоленской и Зубовской "
    "площадями. Работы продлятся до конца месяца, движение будет организовано по двум полосам в каждую "
    "сторону. Водителям советуют заранее выбирать маршрут объезда через Бульварное кольцо, а пассажирам "
    "автобусов — пользоваться метро. В департаменте транспорта пообещали, что ночью ремонт будет идти без "
    "перерывов, чтобы закончить его раньше срока.";

const std::string kRewrite =
    "Ремонт Садового кольца начнется в понедельник: на участке от Смоленской до Зубовской площади "
    "водителям оставят по две полосы. Дорожники рассчитывают уложиться в три недели и будут работать "
    "круглосуточно. Городские власти рекомендуют объезжать стройку по Бульварному кольцу или пересесть "
    "на метро, пока работы не закончатся.";

std::string rates(const std::string& dollar, const std::string& euro, const std::string& bitcoin) {
    return "Колонка котировок на эту минуту:\n\nКурс доллара на сегодняшний вечер на внебиржевом рынке составляет " +
           dollar + " рублей к концу торгов, евро — " + euro + " рублей, биткоин стоит " + bitcoin +
           " долларов, золото 2650 долларов за унцию, нефть Brent 73 доллара за баррель.";
}

core::Article article(const std::string& id, const std::string& text, const std::string& date = "2024-11-20") {
    core::Article a;
    a.id = id;
    a.title = "Заголовок " + id;
    a.text = text;
    a.date = date;
    a.source = "Источник " + id;
    return a;
}

std::string cluster_of(const Xapian::Document& doc) { return doc.get_value(core::schema::kClusterSlot); }

}  // namespace

TEST_CASE("a Telegram repost with a new first line and the channel footer is a reprint") {
    const std::string repost = "⚡️**Садовое кольцо закроют на ремонт**\n\n" + kStory +
                               "\n\n❤ [Подписаться](https://t.me/moscowtop) | [Прислать новость](https://t.me/moscowtop02_bot)";
    CHECK(core::is_reprint(reprint_signature(kStory), reprint_signature(repost)));
}

TEST_CASE("an agency dateline and a link line are left out of the compared words") {
    const std::vector<std::string> words =
        core::reprint_words("МОСКВА, 5 мар — РИА Новости. Текст «новости» ёлки.\nСсылка на новость: https://ria.ru/1");
    CHECK(words == std::vector<std::string>{"текст", "новости", "елки"});
}

TEST_CASE("a rewrite of the same story in other words is not a reprint") {
    CHECK_FALSE(core::is_reprint(reprint_signature(kStory), reprint_signature(kRewrite)));
}

TEST_CASE("a template post with new figures is not a reprint of yesterday's") {
    CHECK_FALSE(core::is_reprint(reprint_signature(rates("97,3", "106,1", "70340")),
                                 reprint_signature(rates("104,3", "109,4", "95958"))));
    CHECK(core::is_reprint(reprint_signature(rates("97,3", "106,1", "70340")),
                           reprint_signature(rates("97,3", "106,1", "70340"))));
}

TEST_CASE("an article that is entirely a quotation of another is a reprint of it") {
    const std::string quoting = "«" + kStory + "» — сообщил источник.";
    CHECK(core::is_reprint(reprint_signature(kStory), reprint_signature(quoting)));
}

TEST_CASE("an article quoting one sentence of another inside its own text is not a reprint") {
    const std::string quoting = kRewrite + " Как писали ранее, «работы продлятся до конца месяца». " + kRewrite;
    CHECK_FALSE(core::is_reprint(reprint_signature(kStory), reprint_signature(quoting)));
}

TEST_CASE("a post of a few words is a copy only of the same words, reposted within a day") {
    const auto alert = reprint_signature("⚡️Доллар выше 110 рублей на бирже", "2024-11-27T11:15:17+00:00");
    const auto repost = reprint_signature("Доллар выше 110 рублей на бирже\n\n🔴 [Подписаться](https://t.me/x)",
                                          "2024-11-27T11:17:33+00:00");
    CHECK(core::is_reprint(alert, repost));
    CHECK_FALSE(core::is_reprint(alert, reprint_signature("Доллар выше 111 рублей на бирже", "2024-11-27")));
    CHECK_FALSE(core::is_reprint(alert, reprint_signature("Доллар выше 110 рублей на бирже", "2024-12-05")));
    CHECK_FALSE(core::is_reprint(alert, reprint_signature("Доллар выше 110 рублей на бирже")));  // undated: unknown
    CHECK_FALSE(core::is_reprint(alert, reprint_signature("Доллар выше 110 рублей на бирже, сообщили трейдеры "
                                                          "после открытия торгов в среду утром", "2024-11-27")));
}

TEST_CASE("a post under four words has no signature, and a short post never joins a longer story's cluster") {
    const auto tiny = reprint_signature("Садовое кольцо закроют.");
    CHECK(tiny.empty());
    CHECK_FALSE(core::is_reprint(tiny, tiny));
    core::ReprintIndex index;
    CHECK(index.assign("a", reprint_signature(kStory)) == "a");
    CHECK(index.assign("tiny", tiny) == "tiny");
    CHECK(index.assign("short", reprint_signature("Садовое кольцо закроют, подробности позже.")) == "short");
}

TEST_CASE("a signature survives its stored form") {
    const auto signature = reprint_signature(rates("97,3", "106,1", "70340"));
    REQUIRE_FALSE(signature.figure_slots.empty());
    const auto parsed = core::ReprintSignature::parse(signature.serialize());
    CHECK(parsed.minhash == signature.minhash);
    CHECK(parsed.opening == signature.opening);
    CHECK(parsed.numbers == signature.numbers);
    CHECK(parsed.figure_slots == signature.figure_slots);
    CHECK(parsed.day == core::ReprintSignature::kUndated);
    CHECK(core::ReprintSignature::parse("garbage").empty());
}

TEST_CASE("a signature stored before figure slots were kept reads with none, and still compares") {
    auto dated = reprint_signature(rates("97,3", "106,1", "70340"), "2024-11-20");
    auto old = dated;
    old.figure_slots.clear();
    const auto parsed = core::ReprintSignature::parse(old.serialize());
    CHECK(parsed.figure_slots.empty());
    CHECK(parsed.day == dated.day);
    CHECK_FALSE(core::figures_conflict(parsed, reprint_signature(rates("104,3", "109,4", "95958"))));
    CHECK(core::is_reprint(parsed, dated));
}

TEST_CASE("a new copy joins the existing cluster, whose key does not change") {
    core::ReprintIndex index;
    CHECK(index.assign("first", reprint_signature(kStory)) == "first");
    CHECK(index.assign("other", reprint_signature(kRewrite)) == "other");
    CHECK(index.assign("copy1", reprint_signature("Срочно.\n" + kStory)) == "first");
    CHECK(index.assign("copy2", reprint_signature(kStory + "\nФото: пресс-служба мэрии.")) == "first");
}

TEST_CASE("an article in reach of two clusters joins the one of its most similar copy") {
    const std::string more =
        " Похожие работы в прошлом году заняли два месяца и вызвали пробки на соседних улицах, поэтому на этот "
        "раз график сделали плотнее, а подрядчику запретили перекрывать больше одной полосы днем в будни.";
    const std::string most = more + " " + kRewrite +
                             " Работы оплатит город, подрядчика выбрали на конкурсе летом, а гарантия на новое покрытие "
                             "составит шесть лет. Жители соседних домов жалуются на шум, но мэрия обещает поставить "
                             "временные экраны вдоль всего участка до начала ночных работ.";
    core::ReprintIndex index;
    CHECK(index.assign("a", reprint_signature(kStory)) == "a");
    // Too much of it is new for a copy of `a`: its own cluster.
    CHECK(index.assign("b", reprint_signature(kStory + most)) == "b");
    // In reach of both: it joins the cluster of the one it is closer to, and the two stay apart.
    const auto c = reprint_signature(kStory + more);
    CHECK(core::is_reprint(c, reprint_signature(kStory)));
    CHECK(core::is_reprint(c, reprint_signature(kStory + most)));
    const std::string closest =
        core::body_similarity(c, reprint_signature(kStory)) >= core::body_similarity(c, reprint_signature(kStory + most)) ? "a" : "b";
    CHECK(index.assign("c", c) == closest);
    CHECK(index.assign("d", reprint_signature(kStory)) == "a");
}

TEST_CASE("an update that changes an article enough takes it out of its cluster; the others keep the key") {
    core::ReprintIndex index;
    CHECK(index.assign("a", reprint_signature(kStory)) == "a");
    CHECK(index.assign("b", reprint_signature("Срочно.\n" + kStory)) == "a");
    // `a` is rewritten: its key still names the cluster of `b`, so it gets a new one.
    const std::string moved = index.assign("a", reprint_signature(kRewrite));
    CHECK(moved != "a");
    CHECK(moved.rfind("a", 0) == 0);
    CHECK(index.assign("c", reprint_signature(kStory + "\nФото: пресс-служба.")) == "a");
}

TEST_CASE("an article added to a living archive finds its copies with a query and joins their cluster") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    core::DocumentBuilder batch;
    db.add_document(batch.build(article("first", kStory, "2024-11-20")));
    db.add_document(batch.build(article("other", kRewrite)));
    db.add_document(batch.build(article("second", "Срочно.\n" + kStory, "2024-11-21")));

    core::DocumentBuilder live;  // a write path's own builder: it has seen nothing
    Xapian::Document doc = live.build(article("late", kStory + "\nФото: пресс-служба.", "2024-11-22"));
    CHECK(core::assign_cluster(db, "late", doc) == "first");
    CHECK(cluster_of(doc) == "first");
    db.add_document(doc);
    CHECK(db.get_termfreq(core::cluster_term("first")) == 3);

    // Deleting the first copy leaves the others clustered under the same key.
    db.delete_document(core::id_term("first"));
    CHECK(db.get_termfreq(core::cluster_term("first")) == 2);
    Xapian::Document again = live.build(article("later", kStory + "\nИсточник: мэрия."));
    CHECK(core::assign_cluster(db, "later", again) == "first");
}

TEST_CASE("a cluster's members are listed by date, then by id where dates are equal or missing") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    core::DocumentBuilder batch;
    db.add_document(batch.build(article("b-same-day", kStory, "2024-03-05")));
    db.add_document(batch.build(article("undated", "Срочно.\n" + kStory, "")));
    db.add_document(batch.build(article("a-same-day", kStory + "\nФото: мэрия.", "2024-03-05")));
    db.add_document(batch.build(article("earliest", "Молния.\n" + kStory, "2024-03-04")));
    std::vector<std::string> ids;
    for (const core::Copy& copy : core::cluster_members(db, "b-same-day")) ids.push_back(copy.id);
    CHECK(ids == std::vector<std::string>{"earliest", "a-same-day", "b-same-day", "undated"});
}

TEST_CASE("Telegram Markdown is read as markup: markers and link targets go, link texts stay") {
    CHECK(core::markdown_to_plain("**⚡Военная техника уже на улицах Сеула**") == "⚡Военная техника уже на улицах Сеула");
    CHECK(core::markdown_to_plain("С 1 ноября [появится](https://www.kommersant.ru/doc/7265564) __платная__ парковка") ==
          "С 1 ноября появится платная парковка");
    CHECK(core::markdown_to_plain("Код:\n```\nx = 1\n```\nКонец") == "Код:\nx = 1\nКонец");
    CHECK(core::markdown_to_plain("a [b] (c) и 2*3") == "a [b] (c) и 2*3");
    core::Article post;
    post.source = "telegram";
    post.title = "**Заголовок**";
    post.text = "Текст.\n[Подписаться](https://t.me/channel)";
    core::read_telegram_markup(post);
    CHECK(post.title == "Заголовок");
    CHECK(post.text == "Текст.\nПодписаться");
}

TEST_CASE("a channel footer is boilerplate once its links were read as markup") {
    const std::string footer = "❤ [Подписаться](https://t.me/moscowtop) | [Прислать новость](https://t.me/moscowtop02_bot)";
    const auto words = core::reprint_words(core::markdown_to_plain(kStory + "\n\n" + footer));
    CHECK(std::find(words.begin(), words.end(), "подписаться") == words.end());
    CHECK(words == core::reprint_words(kStory));
}

namespace {

// kStory with a paragraph of new text: most of it reused, but not verbatim.
const std::string kStoryWithNewParagraph =
    kStory +
    " Похожие работы в прошлом году заняли два месяца и вызвали пробки на соседних улицах, поэтому на этот "
    "раз график сделали плотнее, а подрядчику запретили перекрывать больше одной полосы днем в будни.";

}  // namespace

TEST_CASE("a story reused in part within a day is a reprint, but days later it is a follow-up") {
    const auto story = reprint_signature(kStory, "2024-11-20");
    REQUIRE(core::body_similarity(story, reprint_signature(kStoryWithNewParagraph)) < 0.75);
    CHECK(core::is_reprint(story, reprint_signature(kStoryWithNewParagraph, "2024-11-20T22:44:41+00:00")));
    CHECK(core::is_reprint(story, reprint_signature(kStoryWithNewParagraph, "2024-11-21T01:10:00+00:00")));
    CHECK(core::is_reprint(story, reprint_signature(kStoryWithNewParagraph, "2024-11-19")));
    CHECK_FALSE(core::is_reprint(story, reprint_signature(kStoryWithNewParagraph, "2024-11-22T10:44:41+00:00")));
    CHECK_FALSE(core::is_reprint(story, reprint_signature(kStoryWithNewParagraph, "2024-12-20")));
    CHECK_FALSE(core::is_reprint(reprint_signature(kStoryWithNewParagraph, "2024-10-01"), story));
}

TEST_CASE("a channel's warning extended to another day is a new post, not a copy of the first") {
    const auto warning = [](const std::string& until) {
        return "«Жёлтый» уровень погодной опасности из-за гололедицы продлён в Московском регионе " + until +
               ". Водителей просят соблюдать дистанцию и скоростной режим, а пешеходов быть внимательнее на лестницах.";
    };
    const auto first = reprint_signature(warning("до вечера вторника"), "2024-12-01T17:40:53+00:00");
    const auto extended = reprint_signature(warning("до полудня четверга"), "2024-12-03T11:59:45+00:00");
    REQUIRE(core::body_similarity(first, extended) >= 0.5);
    CHECK_FALSE(core::is_reprint(first, extended));
    // The same warning reposted by another channel that evening is a copy.
    CHECK(core::is_reprint(first, reprint_signature("⚠️ " + warning("до вечера вторника"), "2024-12-01T18:02:10+00:00")));
}

TEST_CASE("a near-verbatim repost of an old story is a reprint however late it comes") {
    const auto story = reprint_signature(kStory, "2024-03-05");
    const auto repost = reprint_signature("Срочно.\n" + kStory + "\nФото: пресс-служба мэрии.", "2024-11-20");
    CHECK(core::is_reprint(story, repost));
    CHECK(core::published_close(story, repost));
}

TEST_CASE("an undated article is judged by its text alone") {
    const auto undated = reprint_signature(kStoryWithNewParagraph, "");
    CHECK(undated.day == core::ReprintSignature::kUndated);
    CHECK(core::is_reprint(reprint_signature(kStory, "2024-11-20"), undated));
    CHECK(core::is_reprint(undated, reprint_signature(kStory, "2020-01-01")));
}

TEST_CASE("a publication day is read from the date's YYYY-MM-DD; anything else leaves the article undated") {
    CHECK(core::publication_day("1970-01-02") == 1);
    CHECK(core::publication_day("2024-11-22T23:59:00+00:00") - core::publication_day("2024-11-21") == 1);
    CHECK(core::publication_day("2024-03-01") - core::publication_day("2024-02-28") == 2);
    CHECK(core::publication_day("") == core::ReprintSignature::kUndated);
    CHECK(core::publication_day("22.11.2024") == core::ReprintSignature::kUndated);
    CHECK(core::publication_day("2024-02-30") == core::ReprintSignature::kUndated);
}

TEST_CASE("a stored signature keeps its day, and one stored before days were kept reads as undated") {
    const auto dated = reprint_signature(kStory, "2024-11-20");
    CHECK(core::ReprintSignature::parse(dated.serialize()).day == core::publication_day("2024-11-20"));
    auto undated = dated;
    undated.day = core::ReprintSignature::kUndated;
    const auto old = core::ReprintSignature::parse(undated.serialize());
    CHECK(old.day == core::ReprintSignature::kUndated);
    CHECK(old.minhash == dated.minhash);
}

TEST_CASE("the batch index and a live write apply the same date rule") {
    for (const auto& [date, expected] : {std::pair{"2024-12-20", "follow-up"}, std::pair{"2024-11-21", "story"}}) {
        core::ReprintIndex index;
        CHECK(index.assign("story", reprint_signature(kStory, "2024-11-20")) == "story");
        CHECK(index.assign("follow-up", reprint_signature(kStoryWithNewParagraph, date)) == expected);

        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        core::DocumentBuilder batch;
        db.add_document(batch.build(article("story", kStory, "2024-11-20")));
        core::DocumentBuilder live;  // a write path's own builder: it has seen nothing
        Xapian::Document doc = live.build(article("follow-up", kStoryWithNewParagraph, date));
        CHECK(core::assign_cluster(db, "follow-up", doc) == expected);
    }
}

TEST_CASE("a template post with new figures written as words is a new post, the same figures a copy") {
    const auto drones = [](const std::string& count, const std::string& places) {
        return "Ещё " + count + " беспилотника, летевших на город, сбиты силами ПВО в округах " + places +
               ". Специалисты экстренных служб работают на месте падения обломков, — мэр";
    };
    const auto three = reprint_signature(drones("три", "Северный и Южный"), "2024-11-10");
    CHECK_FALSE(core::is_reprint(three, reprint_signature(drones("восемь", "Северный и Южный"), "2024-11-10")));
    CHECK(core::is_reprint(three, reprint_signature("⚡️" + drones("три", "Северный и Южный"), "2024-11-10")));
    CHECK(core::number_agreement(three, reprint_signature(drones("восьми", "Северный и Южный"))) == 0.0);
    CHECK(core::number_agreement(reprint_signature(drones("трёх", "Северный")), reprint_signature(drones("трех", "Северный"))) == 1.0);
}

TEST_CASE("a body of nothing but wording common across the archive has no signature and joins no cluster") {
    // The footnote that ends many RT pages: a page whose scraped body is only
    // this is not a copy of every other such page.
    const std::string disclaimer = "* «Исламское государство» — террористическая группировка, запрещённая на территории России.";
    CHECK(reprint_signature(disclaimer, "2024-11-20").empty());
    core::ReprintIndex index;
    CHECK(index.assign("page-1", reprint_signature(disclaimer)) == "page-1");
    CHECK(index.assign("page-2", reprint_signature(disclaimer)) == "page-2");
}

TEST_CASE("wording common across the archive counts for nothing: a copy with a disclaimer added stays a copy") {
    const std::string disclaimer = "\n* «Исламское государство» — террористическая группировка, запрещённая на территории России.";
    CHECK(core::is_reprint(reprint_signature(kStory), reprint_signature(kStory + disclaimer)));
    CHECK(core::body_similarity(reprint_signature(kStory), reprint_signature(kStory + disclaimer)) >
          core::body_similarity(reprint_signature(kStory), reprint_signature(kStory + "\n" + kRewrite)));
    CHECK_FALSE(core::is_reprint(reprint_signature(kRewrite + disclaimer), reprint_signature(kStory + disclaimer)));
}

TEST_CASE("a figure written with a thousands space is the figure written without one") {
    const auto gold = [](const std::string& price) {
        return "Стоимость фьючерса на золото обновила исторический максимум, превысив " + price +
               " за тройскую унцию, следует из данных биржи Comex";
    };
    CHECK(core::number_agreement(reprint_signature(gold("$2800")), reprint_signature(gold("$2 800"))) == 1.0);
    CHECK(core::is_reprint(reprint_signature(gold("$2800")), reprint_signature(gold("$2 800"))));
    CHECK_FALSE(core::is_reprint(reprint_signature(gold("$2800")), reprint_signature(gold("$2 900"))));
}

TEST_CASE("yesterday's figures in today's template post make a new post, a copy adding a line of figures does not") {
    const auto losses = [](const std::string& soldiers) {
        return "Потери противника на курском направлении за сутки составили более " + soldiers +
               " военнослужащих, уничтожены два танка, сообщили в Минобороны России";
    };
    const auto today = reprint_signature(losses("250"), "2024-11-27");
    CHECK_FALSE(core::is_reprint(today, reprint_signature(losses("300"), "2024-11-28")));
    const auto with_line = reprint_signature(losses("250") + "\nЗа неделю сбито 40 беспилотников и 12 ракет.", "2024-11-27");
    CHECK(core::number_agreement(today, with_line) == 1.0);
    CHECK(core::is_reprint(today, with_line));
}

TEST_CASE("a text is cut into sentences after . ! ? and … before a space, and at line breaks") {
    const std::vector<std::string_view> parts = core::sentences_of("Первое. Второе! Третье? Четвёртое… Пятое\nШестое. 10.5 тыс.");
    CHECK(parts == std::vector<std::string_view>{"Первое.", "Второе!", "Третье?", "Четвёртое…", "Пятое", "Шестое.",
                                                 "10.5 тыс."});
}

TEST_CASE("a copy differing only in quote marks, ё, case and spacing has no differing sentence") {
    const core::CopyDiff diff = core::compare_with_copy("Министр сказал: «Всё решено». Ждём  итогов.",
                                                        "министр сказал: \"Все решено\".  Ждём итогов.");
    CHECK(diff.added.empty());
    CHECK(diff.missing.empty());
}

TEST_CASE("a copy's added line and cut sentence are named as such") {
    const core::CopyDiff diff = core::compare_with_copy(
        "В Туле пропал гидрант. Полиция ищет похитителей. Водоканал обещает новый.",
        "Срочная новость\nВ Туле пропал гидрант. Водоканал обещает новый.");
    CHECK(diff.added == std::vector<std::string>{"Срочная новость"});
    CHECK(diff.missing == std::vector<std::string>{"Полиция ищет похитителей."});
}

namespace {

std::string giveaway(const std::string& results, const std::string& post) {
    return "👌 Мы дарим три iPhone 16 Pro Max на 256 ГБ вместе с коллегами из канала «Москва 24/7»\n"
           "1. Подпишитесь на оба канала\n2. Нажмите на кнопку «Участвовать»\n"
           "Итоги — " + results + ". Итоги всех наших розыгрышей, которые проводились с 2023 года, мы собираем "
           "[здесь](https://t.me/itogimos/" + post + ")";
}

}  // namespace

TEST_CASE("the next giveaway with a new results date is a new post, though every other figure is the same") {
    const auto october = reprint_signature(giveaway("18 октября", "1"), "2024-10-17");
    const auto november = reprint_signature(giveaway("21 ноября", "1"), "2024-10-17");
    REQUIRE(core::body_similarity(october, november) >= 0.7);
    REQUIRE(core::number_agreement(october, november) >= 0.6);
    CHECK(core::figures_conflict(october, november));
    CHECK_FALSE(core::is_reprint(october, november));
    CHECK(core::is_reprint(october, reprint_signature("🎁 " + giveaway("18 октября", "1"), "2024-10-17")));
}

TEST_CASE("a copy that adds a figure after a word where the original had the same one does not conflict") {
    // «мероприятия 16-17 ноября» on Friday and «мероприятия 17 ноября» on Sunday:
    // the run of figures after a word shares one, so the figures agree.
    const auto column = [](const std::string& days) {
        return "Куда сходить в Москве: идеи для прогулок и интересные мероприятия " + days +
               " ноября. Выставка транспорта на ВДНХ, фестиваль керамики в Москино и бесплатные мастер-классы чайного клуба.";
    };
    CHECK_FALSE(core::figures_conflict(reprint_signature(column("16-17")), reprint_signature(column("17"))));
    CHECK(core::figures_conflict(reprint_signature(column("16-17")), reprint_signature(column("23-24"))));
    // A figure after a word that one text lacks is not a conflict: the copy added a line.
    const auto story = reprint_signature(kStory);
    CHECK_FALSE(core::figures_conflict(story, reprint_signature(kStory + " Ремонт обойдётся в 300 миллионов рублей.")));
}

TEST_CASE("the next lesson of a series is not a copy of the last one") {
    const auto lesson = [](const std::string& part) {
        return "Самоучитель по Go для начинающих. Часть " + part +
               ". В этой статье разберём пакеты стандартной библиотеки, научимся читать документацию и "
               "напишем небольшую программу. Остальные части серии собраны в нашем канале, читайте и делитесь с друзьями.";
    };
    CHECK(core::figures_conflict(reprint_signature(lesson("14")), reprint_signature(lesson("16"))));
    CHECK_FALSE(core::is_reprint(reprint_signature(lesson("14")), reprint_signature(lesson("16"))));
    CHECK(core::is_reprint(reprint_signature(lesson("14")), reprint_signature("🏃 " + lesson("14"))));
}

TEST_CASE("a one-sentence alert reused days later for a new event is not a copy, though most words are the same") {
    const auto alert = [](const std::string& where) {
        return "Воздушная тревога объявлена " + where + " и ещё в семи областях Украины, жителей просят пройти в укрытия";
    };
    const auto first = reprint_signature(alert("в Киевской"), "2024-11-28T20:47:31+00:00");
    const auto later = reprint_signature(alert("в Киеве, Киевской"), "2024-12-02T22:38:45+00:00");
    REQUIRE(core::body_similarity(first, later) >= 0.75);
    CHECK_FALSE(core::is_reprint(first, later));
    // Another channel's repost of it that evening is a copy.
    CHECK(core::is_reprint(first, reprint_signature("❗️ " + alert("в Киевской"), "2024-11-28T21:02:00+00:00")));
    // The same words posted again days later are a repost.
    CHECK(core::is_reprint(first, reprint_signature(alert("в Киевской"), "2024-12-02T10:00:00+00:00")));
}

TEST_CASE("a stored signature keeps the body's size, and one stored before sizes were kept reads as unknown") {
    const auto story = reprint_signature(kStory, "2024-11-20");
    REQUIRE(story.own_pairs > 30);
    CHECK(core::ReprintSignature::parse(story.serialize()).own_pairs == story.own_pairs);
    auto old = story;
    old.own_pairs = 0;
    CHECK(core::ReprintSignature::parse(old.serialize()).own_pairs == 0);
    CHECK(core::ReprintSignature::parse(old.serialize()).figure_slots == story.figure_slots);
}

TEST_CASE("a follow-up that recalls the earlier story in a «Ранее сообщалось» paragraph is not its copy") {
    const std::string earlier =
        "Программа полетов российских авиакомпаний между Россией и Кубой может быть скорректирована из-за "
        "дефицита авиакеросина в аэропортах Гаваны и Варадеро, сообщили в Росавиации.";
    const std::string follow_up =
        "Рейс Москва — Варадеро на 30 ноября задерживается из-за нехватки топлива на острове, сообщил перевозчик.\n\n"
        "Ранее сообщалось, что программа полетов российских авиакомпаний между Россией и Кубой может быть "
        "скорректирована из-за дефицита авиакеросина в аэропортах Гаваны и Варадеро, сообщили в Росавиации.";
    CHECK_FALSE(core::is_reprint(reprint_signature(earlier, "2024-11-30"), reprint_signature(follow_up, "2024-11-30")));
    // A copy that keeps the same background paragraph is still a copy.
    CHECK(core::is_reprint(reprint_signature(follow_up, "2024-11-30"),
                           reprint_signature("⚡️" + follow_up + "\n\n👉 Подписаться", "2024-11-30")));
}

TEST_CASE("a background paragraph is found behind a quote mark, a dash or an emoji too") {
    const std::string lead = "Рейс Москва — Варадеро на 30 ноября задерживается из-за нехватки топлива на острове, сообщил перевозчик.";
    const std::string background =
        "программа полетов российских авиакомпаний между Россией и Кубой может быть скорректирована из-за "
        "дефицита авиакеросина в аэропортах Гаваны и Варадеро, сообщили в Росавиации.";
    const std::vector<std::string> lead_words = core::reprint_words(lead);
    for (const std::string opening : {"«Ранее сообщалось, что ", "— Напомним, ", "❗️Ранее сообщалось, что ", "**Напомним**, "}) {
        CAPTURE(opening);
        CHECK(core::reprint_words(lead + "\n\n" + opening + background) == lead_words);
    }
    // A paragraph whose first word only starts like it is kept.
    CHECK(core::reprint_words(lead + "\n\nРанееее " + background).size() > lead_words.size());
}

TEST_CASE("a copy whose lead was rewritten is a copy when the rest is most of both texts") {
    const std::string rest = kStory + "\n" + kRewrite;
    const auto original = reprint_signature(
        "Столичные власти объявили о масштабном ремонте одной из главных магистралей города, который затронет "
        "тысячи водителей и пассажиров общественного транспорта уже на этой неделе.\n" + rest, "2024-11-20");
    const auto copy = reprint_signature(
        "Мэрия предупредила автомобилистов о пробках: с понедельника часть центральной дороги перекроют, "
        "и объезжать её придется по соседним улицам еще несколько недель подряд.\n" + rest, "2024-11-20");
    REQUIRE(core::opening_overlap(original, copy) < 0.55);
    REQUIRE(core::body_similarity(original, copy) >= 0.65);
    CHECK(core::is_reprint(original, copy));
    // A follow-up that keeps only part of the story under its new lead is not.
    const auto follow_up = reprint_signature(
        "Мэрия предупредила автомобилистов о пробках: с понедельника часть центральной дороги перекроют, "
        "и объезжать её придется по соседним улицам еще несколько недель подряд.\n" + kStory, "2024-11-20");
    CHECK_FALSE(core::is_reprint(original, follow_up));
}

TEST_CASE("a post that is one sentence of a post more than twice its length is not its copy") {
    const std::string sentence =
        "Канцлер Германии прибыл с необъявленным визитом в Киев, где проведет переговоры с руководством страны";
    const auto short_post = reprint_signature(sentence, "2024-12-02T07:09:20+00:00");
    const auto longer = reprint_signature(
        sentence + ". Он намерен объявить о новых поставках вооружений на шестьсот пятьдесят миллионов евро, "
                   "пишет агентство.",
        "2024-12-02T06:52:20+00:00");
    REQUIRE(core::body_similarity(short_post, longer) >= 0.38);
    REQUIRE(core::longer_coverage(short_post, longer) < 0.45);
    CHECK_FALSE(core::is_reprint(short_post, longer));
    // The same post with a line added is a copy: it is most of both.
    const auto with_line = reprint_signature(sentence + ". Визит не анонсировался.", "2024-12-02T07:15:00+00:00");
    CHECK(core::longer_coverage(short_post, with_line) >= 0.45);
    CHECK(core::is_reprint(short_post, with_line));
}

TEST_CASE("an abbreviation written with dots is one word, so two short posts naming it are not copies") {
    CHECK(core::reprint_words("Первые отзывы на S.T.A.L.K.E.R. 2, т.е. на игру") ==
          std::vector<std::string>{"первые", "отзывы", "на", "stalker", "2", "те", "на", "игру"});
    // Initials before a surname stay letters: a space follows their dots.
    CHECK(core::reprint_words("имени Д. В. Скобельцына") == std::vector<std::string>{"имени", "д", "в", "скобельцына"});
    const auto reviews = reprint_signature("Первые отзывы на S.T.A.L.K.E.R. 2. Обстановка.", "2024-11-20");
    const auto delays = reprint_signature("Найдена реальная причина переносов S.T.A.L.K.E.R. 2.", "2024-11-21");
    CHECK_FALSE(core::is_reprint(reviews, delays));
    // The same post reposted is still a copy.
    CHECK(core::is_reprint(delays, reprint_signature("⚡️Найдена реальная причина переносов S.T.A.L.K.E.R. 2.", "2024-11-21")));
}

TEST_CASE("a template post with another village's name is not a copy; a copy with a line naming someone still is") {
    const auto post = [](const std::string& village) {
        return "Жители деревни " + village + " остались без света после урагана, бригады энергетиков уже работают на месте.";
    };
    const auto sosnovka = reprint_signature(post("Сосновка"), "2024-11-29T09:35:18+00:00");
    const auto berezovka = reprint_signature(post("Берёзовка"), "2024-11-29T09:44:35+00:00");
    // Every other measure says copy: only the name tells them apart.
    REQUIRE(core::body_similarity(sosnovka, berezovka) >= 0.38);
    REQUIRE(core::opening_overlap(sosnovka, berezovka) >= 0.55);
    REQUIRE_FALSE(core::figures_conflict(sosnovka, berezovka));
    CHECK(core::names_conflict(sosnovka, berezovka));
    CHECK_FALSE(core::is_reprint(sosnovka, berezovka));
    // A copy that adds a line naming someone keeps the names it copied in their places.
    const auto with_line = reprint_signature(post("Сосновка") + "\nОб этом рассказал глава района Пётр Смирнов.",
                                             "2024-11-29T10:02:00+00:00");
    CHECK_FALSE(core::names_conflict(sosnovka, with_line));
    CHECK(core::is_reprint(sosnovka, with_line));
    // The names survive the stored form.
    CHECK(core::ReprintSignature::parse(with_line.serialize()).names == with_line.names);
}

TEST_CASE("a name is compared in its place: another case, a first name dropped or a sentence's first word do not conflict") {
    const auto post = reprint_signature(
        "Глава района Пётр Смирнов наградил жителей деревни Сосновка. Соседи из деревни Берёзовки приехали поздравить.",
        "2024-11-29");
    // The surname alone and the village in another case are the same names (and «Соседи», a
    // sentence's first word, is none).
    const auto copy = reprint_signature(
        "Глава района Смирнов наградил жителей деревни Сосновки. Соседи из деревни Берёзовки приехали поздравить.",
        "2024-11-29");
    CHECK_FALSE(core::names_conflict(post, copy));
    // An abbreviation is not a name: a copy names its source its own way.
    CHECK(reprint_signature("Жители деревни Сосновка, по данным ТАСС, получили награды района").names ==
          reprint_signature("Жители деревни Сосновка, по данным РИА, получили награды района").names);
    // Another person in the same place is another post.
    const auto other = reprint_signature(
        "Глава района Иван Кузнецов наградил жителей деревни Сосновка. Соседи из деревни Берёзовки приехали поздравить.",
        "2024-11-29");
    CHECK(core::names_conflict(post, other));
}

TEST_CASE("a short post carried as the second statement of a longer post under its own lead is not its copy") {
    const std::string statement =
        "Более пятидесяти полицейских пострадали на акциях протеста оппозиции в Тбилиси, около тридцати из них "
        "потребовалось хирургическое вмешательство, сообщил премьер Грузии";
    const auto post = reprint_signature(statement, "2024-11-30T10:13:00+00:00");
    const auto two_statements = reprint_signature(
        "В Грузии не повторится сценарий украинского «Майдана», заявил премьер Кобахидзе.\n\n"
        "Премьер также сообщил, что " + statement + ".",
        "2024-11-30T10:25:00+00:00");
    // Most of the shorter stands in the longer: only the lead tells them apart.
    REQUIRE(core::body_similarity(post, two_statements) >= 0.38);
    REQUIRE(core::longer_coverage(post, two_statements) >= 0.45);
    CHECK(core::new_lead(post, two_statements));
    CHECK_FALSE(core::is_reprint(post, two_statements));
    // The same post with a line added after it, or a source named before it, is a copy.
    const auto with_line = reprint_signature(statement + ". Пострадавших доставили в больницы столицы, их жизни ничего не угрожает.",
                                             "2024-11-30T10:30:00+00:00");
    CHECK_FALSE(core::new_lead(post, with_line));
    CHECK(core::is_reprint(post, with_line));
    const auto with_source = reprint_signature("⚡️Премьер Грузии: " + statement, "2024-11-30T10:31:00+00:00");
    CHECK_FALSE(core::new_lead(post, with_source));
    CHECK(core::is_reprint(post, with_source));
}

TEST_CASE("a decimal is one figure: two prices of one moment differ, the same price is a copy") {
    const auto prices = [](const std::string& dollar, const std::string& euro) {
        return "На внебиржевом рынке курс доллара к полудню достиг отметки " + dollar +
               " рубля, а курс евро поднялся до " + euro +
               " рубля, следует из данных торговых площадок, за которыми следят аналитики банков";
    };
    const auto first = reprint_signature(prices("114,4", "120,6"), "2024-11-27");
    const auto second = reprint_signature(prices("114,5", "120"), "2024-11-27");
    // Split at the comma, both would hold 114 and 120: most figures agree.
    REQUIRE(core::body_similarity(first, second) >= 0.38);
    CHECK(core::number_agreement(first, second) == 0.0);
    CHECK_FALSE(core::is_reprint(first, second));
    const auto copy = reprint_signature(prices("114,4", "120,6") + "\nПодписаться на канал", "2024-11-27");
    CHECK(core::number_agreement(first, copy) == 1.0);
    CHECK(core::is_reprint(first, copy));
}

TEST_CASE("a signature stored before whole figures were kept is compared by its split figures") {
    const std::string text = "Курс доллара на бирже составил 96,9 рубля, евро подешевел до 105,2 рубля, сообщили торговые "
                             "площадки вечером в четверг после закрытия основной сессии";
    const auto story = reprint_signature(text, "2024-11-07");
    REQUIRE(story.has_whole_figures);
    const auto stored = core::ReprintSignature::parse(story.serialize());
    CHECK(stored.has_whole_figures);
    CHECK(stored.whole_figures == story.whole_figures);
    CHECK(stored.names == story.names);
    auto old = story;
    old.has_whole_figures = false;
    old.whole_figures.clear();
    old.items = 0;
    const auto old_stored = core::ReprintSignature::parse(old.serialize());
    CHECK_FALSE(old_stored.has_whole_figures);
    CHECK(old_stored.own_pairs == story.own_pairs);
    CHECK(old_stored.names == story.names);
    // A copy written later against one stored before: the split figures agree.
    CHECK(core::number_agreement(story, old_stored) == 1.0);
    CHECK(core::is_reprint(story, old_stored));
}

TEST_CASE("two digests sharing half their items are not copies; a digest with an item cut is") {
    const std::vector<std::string> items = {
        "— Наступает момент истины, прежнее устройство мира уже ушло безвозвратно",
        "— Современный неолиберализм выродился в тоталитарную идеологию меньшинства",
        "— В мире идёт столкновение самих принципов отношений стран и народов",
        "— Слепая вера в собственную исключительность может обернуться трагедией",
        "— Следующее двадцатилетие будет не менее сложным для всех государств",
        "— Ни о какой гегемонии в новой системе мироустройства речи быть не может",
        "— Россия готова к диалогу со всеми, кто заинтересован в прочном мире",
        "— Мир становится многополярным, и это процесс необратимый по своей природе",
    };
    const auto digest = [&](std::size_t from, std::size_t to) {
        std::string text = "Главное из выступления президента на пленарной сессии клуба «Валдай»:";
        for (std::size_t i = from; i < to; ++i) text += "\n" + items[i];
        return reprint_signature(text, "2024-11-07");
    };
    const auto first = digest(0, 6);
    REQUIRE(first.items == 6);
    const auto other_channel = digest(3, 8);  // three items of the first, two of its own
    CHECK(core::digests_differ(first, other_channel));
    CHECK_FALSE(core::is_reprint(first, other_channel));
    const auto copy = digest(0, 5);  // the last item cut
    CHECK_FALSE(core::digests_differ(first, copy));
    CHECK(core::is_reprint(first, copy));
}

TEST_CASE("a list item is a line of some length opened by a dash, a bullet, an emoji or a number") {
    const auto items_of = [](const std::string& text) { return reprint_signature(text).items; };
    CHECK(items_of("Итоги дня:\n— Первый пункт списка новостей дня\n• Второй пункт списка новостей дня\n"
                   "🔹 Третий пункт списка новостей дня\n1. Четвёртый пункт списка новостей дня\n"
                   "2) Пятый пункт списка новостей дня") == 5);
    // Quotations, plain paragraphs and short headers are not items.
    CHECK(items_of("«Мы не признаём результат», — сказал он журналистам вечером.\nОбычный абзац текста о событиях дня "
                   "идёт дальше.\n— Да\n2024 год стал рекордным для отрасли по выпуску") == 0);
}
