#include "core/quotes.h"
#include "tests/support/quotations.h"
#include "tools/quote_attribution.h"

#include <catch2/catch.hpp>

using core::extract_quotations;
using test_support::find_quote;

namespace {

std::string read_seed(const std::string& id) {
    return eval::read_document(std::string(NEWSEARCH_SOURCE_DIR) + "/corpus", id);
}

}  // namespace

TEST_CASE("a quotation followed by a dash and a speech verb is attributed to the name after it") {
    const auto quotes = extract_quotations("«Мы готовы продолжать переговоры», — сказал Сергей Лавров журналистам.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "Мы готовы продолжать переговоры");
    CHECK(quotes[0].speaker == "Лавров");
    CHECK(quotes[0].speaker_full == "Сергей Лавров");
}

TEST_CASE("straight quotes and a hyphen work like «ёлочки» and a dash") {
    const auto quotes = extract_quotations("\"Россия остается нашим партнером\", - отметил Константин Косачев.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker_full == "Константин Косачев");
}

TEST_CASE("a speaker before a colon is found in any grammatical case") {
    const auto quotes = extract_quotations("Лавров: «Мы не допустим эскалации конфликта».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лавров");
}

TEST_CASE("По словам with a genitive name gives the nominative speaker") {
    const auto quotes = extract_quotations("По словам Лаврова, стороны договорились о новых встречах.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лавров");
    CHECK(quotes[0].text == "стороны договорились о новых встречах");
}

TEST_CASE("the full name is taken from elsewhere in the article") {
    const auto quotes = extract_quotations(
        "Встреча Константина Косачева с коллегами прошла в Москве. «Отношения остаются союзническими», — отметил Косачев.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker_full == "Константин Косачев");
}

TEST_CASE("a title is tied to the person the article gives that title") {
    const auto quotes = extract_quotations(
        "Министр иностранных дел России Сергей Лавров провел переговоры. «Считаем, что год будет успешным», — сказал министр.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лавров");
    CHECK(quotes[0].speaker_title == "министр");
}

TEST_CASE("a title the article never ties to a person is kept, and the speaker left unknown") {
    const auto quotes = extract_quotations("«Ситуация остается сложной и напряженной», — заявил источник в правительстве.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
    CHECK(quotes[0].speaker_title == "источник в правительстве");
}

TEST_CASE("a pronoun refers to the speaker named just before") {
    const auto quotes = extract_quotations(
        "Ангела Меркель выступила на саммите. \"Такие конфликты не решаются за один день\", — констатировала она.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Меркель");
}

TEST_CASE("names of things in quote marks are not quotations") {
    CHECK(extract_quotations("Акция «День гнева» прошла у здания мэрии, сообщает «Интерфакс».").empty());
}

TEST_CASE("quote marks nested inside a quotation stay part of it") {
    const auto quotes = extract_quotations("«Компания „Газпром“ выполнит все обязательства», — сказал Алексей Миллер.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "Компания „Газпром“ выполнит все обязательства");
}

TEST_CASE("offsets point at the quotation in the article, in characters") {
    const std::string text = "Ёлка. «Мы готовы продолжать переговоры», — сказал Лавров.";
    const auto quotes = extract_quotations(text);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].begin == 7);
    CHECK(quotes[0].end == quotes[0].begin + 31);
}

TEST_CASE("the seed quotations are attributed to Косачев, Лавров and Путин") {
    const auto kosachev = extract_quotations(read_seed("000_45e618fe6b6cb5b2"));
    bool found = false;
    for (const auto& q : kosachev) {
        if (q.text.find("Россия и Киргизия остаются партнерами и союзниками") != std::string::npos) {
            found = true;
            CHECK(q.speaker_full == "Константин Косачев");
        }
    }
    CHECK(found);
    const auto lavrov_quotes = extract_quotations(read_seed("001_d8841eb2ca9e328e"));
    const auto* lavrov = find_quote(lavrov_quotes, "Считаем, что нынешний год");
    REQUIRE(lavrov);
    CHECK(lavrov->speaker_full == "Сергей Лавров");
    const auto putin_quotes = extract_quotations(read_seed("004_4cb89f962944c416"));
    const auto* putin = find_quote(putin_quotes, "Мне представляется это очень важным");
    REQUIRE(putin);
    CHECK(putin->speaker_full == "Владимир Путин");
}

TEST_CASE("a citation line names the quotation, speaker, source, date and URL") {
    core::Quotation q;
    q.text = "Мы готовы";
    q.speaker = "Лавров";
    q.speaker_full = "Сергей Лавров";
    CHECK(core::citation_line(q, "Sputnik", "2021-03-05", "https://example.org/a") ==
          "«Мы готовы» — Сергей Лавров, Sputnik, 2021-03-05, https://example.org/a");
}

TEST_CASE("a speech verb at the very start of a text is not read before the text begins") {
    // Found by bench/: a generated article beginning ", заявил ..." made the
    // extractor look three bytes before the start and stopped the indexer.
    CHECK_NOTHROW(extract_quotations(", заявил Лавров."));
    CHECK_NOTHROW(extract_quotations(" , заявил Лавров"));
    CHECK_NOTHROW(extract_quotations("—, заявил"));
    CHECK_NOTHROW(extract_quotations("x заявил Лавров"));
    CHECK_NOTHROW(extract_quotations("Я заявил Лавров"));
}

// ------------------------------------------------ who the article's people are

TEST_CASE("a word right after a speech verb in an attribution is learnt as a surname and found again later") {
    const auto quotes = extract_quotations(
        "«Рынок растет медленно», — написал Жмыхов. Позже Жмыхов уточнил детали. «Цены вырастут к осени», — добавил он.");
    const auto* later = find_quote(quotes, "Цены вырастут");
    REQUIRE(later);
    CHECK(later->speaker == "Жмыхов");
}

TEST_CASE("a two-word name right before a speech verb is learnt even with a first name we do not know") {
    const auto quotes = extract_quotations(
        "Министр Ханнес Брукмайер высказался за диалог. Он отметил, что Запад не мог проигнорировать "
        "\"грубое нарушение международного права\".");
    const auto* fragment = find_quote(quotes, "грубое нарушение");
    REQUIRE(fragment);
    CHECK(fragment->speaker == "Брукмайер");
}

TEST_CASE("'она' refers to the nearest woman named as a subject, past a man named later") {
    const auto quotes = extract_quotations(
        "Ольга Смирнова выступила первой. Павел Дроздов согласился с ней. «Нужно действовать быстрее», — сказала она.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Смирнова");
}

TEST_CASE("'он' refers to a person named as a subject, not to one named in another case") {
    const auto quotes = extract_quotations(
        "Олег Лапин провел переговоры с Игорем Корневым. «Мы договорились о главном», — сказал он.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("a pronoun is resolved in text order, after quotations found by later passes") {
    const auto quotes = extract_quotations(
        "«Мы обсудили торговлю», — сказал Олег Иванов. Павел Петров рассказал об итогах переговоров с Ивановым. "
        "По словам Иванова, стороны подпишут договор.\n«Мы говорили и о культуре, и о спорте», — отметил он.");
    const auto* last = find_quote(quotes, "Мы говорили");
    REQUIRE(last);
    CHECK(last->speaker == "Иванов");
}

TEST_CASE("Chinese and Korean names are read surname first") {
    const auto quotes = extract_quotations("«Наши народы будут работать вместе», — заявил Си Цзиньпин.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Си");
    CHECK(quotes[0].speaker_full == "Си Цзиньпин");
}

// ------------------------------------------------------------ speaker phrases

TEST_CASE("a name in the instrumental after the verb is not the speaker; the title is resolved instead") {
    const auto quotes = extract_quotations(
        "Премьер-министр Андрей Лосев приехал в Казань. «Переговоры прошли успешно», — сказал премьер на встрече "
        "с министром Олегом Котовым.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лосев");
}

TEST_CASE("a quoted name inside the speaker phrase does not cut it short") {
    const auto quotes =
        extract_quotations("«Огонь не прекратится до весны», — заявил представитель «народной милиции» Игорь Стрельцов.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Стрельцов");
}

TEST_CASE("after 'цитирует' the medium is skipped and the person quoted is the speaker") {
    const auto quotes = extract_quotations(
        "Режиссер Никита Громов представил фильм. «Это очень личная история», — цитирует «Интерфакс» режиссера.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Громов");
}

TEST_CASE("'цитирует' with a document as its object names no one") {
    const auto quotes = extract_quotations(
        "Президент Олег Иванов подписал указ. \"Подготовить предложения по поддержке фермеров\", - цитирует РБК "
        "поручение президента.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
}

TEST_CASE("a body such as a press service keeps its title even when a person's name follows") {
    const auto quotes = extract_quotations(
        "Президент Олег Иванов провел переговоры. «Стороны договорились о прекращении огня», — цитирует РБК "
        "пресс-службу Иванова.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
    CHECK(quotes[0].speaker_title.rfind("пресс", 0) == 0);
}

TEST_CASE("a title that introduces someone new and unnamed is not taken for the person named before") {
    const auto quotes = extract_quotations(
        "Глава компании Максим Орлов выступил утром. «Сделка уже закрыта», — сказал представитель компании.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
    CHECK(quotes[0].speaker_title == "представитель компании");
}

TEST_CASE("a role word the article also gives to someone it names in a way we cannot read stays unknown") {
    const auto quotes = extract_quotations(
        "Патриарх Московский и всея Руси Кирилл выступил в храме. Никита Громов поддержал его. "
        "«Мы должны беречь семью», — заявил патриарх.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
}

TEST_CASE("a title is not resolved to a person whose gender the verb contradicts") {
    const auto quotes = extract_quotations(
        "Председатель палаты писательница Анна Орлова представила книгу. «Книга будет интересна всем», — сказал "
        "председатель палаты.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
}

TEST_CASE("a plural verb names no one speaker") {
    const auto quotes = extract_quotations("«Кризис скоро закончится», — заявили депутаты Олег Лапин и Игорь Корнев.");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

TEST_CASE("a place in the genitive after 'по мнению' is not a speaker") {
    const auto quotes = extract_quotations("По мнению России, страны Запада должны оплатить восстановление.");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

// ------------------------------------------------ reporting without quote marks

TEST_CASE("a quotation followed by a comma and a speech verb without a dash is attributed") {
    const auto quotes = extract_quotations("\"Мы не будем строить забор выше\", заявил депутат Сергей Корнев.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Корнев");
}

TEST_CASE("a statement followed by 'Об этом заявил X' is X's") {
    const auto quotes =
        extract_quotations("Компания закроет три завода в следующем году. Об этом заявил ее гендиректор Максим Орлов.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "Компания закроет три завода в следующем году.");
    CHECK(quotes[0].speaker == "Орлов");
}

TEST_CASE("'Об этом он заявил' takes the speaker from before the verb") {
    const auto quotes = extract_quotations(
        "Кандидат Олег Лапин выступил в парке. Он собрал в фонд десять миллионов рублей. Об этом он заявил вечером.");
    const auto* q = find_quote(quotes, "Он собрал");
    REQUIRE(q);
    CHECK(q->speaker == "Лапин");
}

TEST_CASE("a statement that itself reports speech is not taken for what 'Об этом' refers to") {
    const auto quotes = extract_quotations(
        "Вчера Олег Лапин заявил, что дороги отремонтируют. Об этом губернатор заявил на брифинге.");
    CHECK(quotes.empty());
}

TEST_CASE("'Как отметил X, ...' attributes the rest of the sentence to X") {
    const auto quotes = extract_quotations("Как отметил губернатор Виктор Лапин, дороги отремонтируют к лету.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "дороги отремонтируют к лету");
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("'по мнению X' and 'по признанию X' report X's words like 'по словам X'") {
    const auto opinion = extract_quotations("По мнению Лапина, дороги отремонтируют к лету.");
    REQUIRE(opinion.size() == 1);
    CHECK(opinion[0].speaker == "Лапин");
}

TEST_CASE("'по данным X' attributes only to a person named outright, not to a body") {
    CHECK(extract_quotations("По данным Росстата, цены выросли на два процента за месяц.").empty());
}

TEST_CASE("an abbreviation such as 'тыс.' does not end the reported sentence") {
    const auto quotes = extract_quotations("По словам Лапина, на ремонт выделят 300 тыс. рублей из бюджета.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "на ремонт выделят 300 тыс. рублей из бюджета");
}

TEST_CASE("a sentence-final attribution may be followed by the medium that reports it") {
    const auto quotes =
        extract_quotations("Россия и Казахстан расширят торговлю, заявил президент Олег Иванов, передает ТАСС.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Иванов");
}

TEST_CASE("a gerund or an impersonal verb attributes nothing") {
    CHECK(extract_quotations("Москва отвергла эти обвинения в агрессии, считая их необоснованными.").empty());
    CHECK(extract_quotations("Как говорится, старый друг лучше новых двух.").empty());
}

TEST_CASE("a medium alone after a sentence is no speaker") {
    CHECK(extract_quotations("Новый забор обойдется городу в миллион рублей, пишет «Коммерсантъ».").empty());
}

// ------------------------------------------------------- quote marks and colons

TEST_CASE("a headline 'X о Y: «...»' is X's") {
    const auto quotes = extract_quotations("Игорь Лапин о выборах в городскую думу: «Я не собираюсь уходить»");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("a quotation inside an unattributed quotation, such as an article title, can be attributed") {
    const auto quotes = extract_quotations("Читайте интервью «Игорь Лапин: «Я не собираюсь уходить»»");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "Я не собираюсь уходить");
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("a straight-quoted quotation with nested straight quotes ends at the mark before the attribution") {
    const auto quotes =
        extract_quotations("\"Я \"за\" новые дороги в городе, а они \"против\", - заметил Олег Лапин.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text.rfind("Я \"за\" новые дороги", 0) == 0);
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("spaces inside the quote marks are not part of the quotation") {
    const auto quotes = extract_quotations("Олег Лапин заявил: « Мы открыты для партнеров. »");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "Мы открыты для партнеров.");
}

TEST_CASE("a colon introduction looks for the subject in the verb's own clause, and a woman's role word is no man") {
    const auto quotes = extract_quotations(
        "Олег Лапин изучал древние мифы. Например, исследовательница говорит: «Боги не рождаются добрыми»");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
}

// ------------------------------------------------------------- short fragments

TEST_CASE("a short lower-case fragment after a speech verb is attributed to the verb's subject") {
    const auto quotes = extract_quotations("Олег Лапин назвал переговоры «очень трудными».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "очень трудными");
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("quoted words after a preposition are a name or a scare quote, not a fragment of speech") {
    CHECK(extract_quotations("Олег Лапин заявил, что встреча пройдет \"на полях\".").empty());
    CHECK(extract_quotations("Олег Лапин заявил, что работа идет в рамках \"большой двадцатки\".").empty());
}

TEST_CASE("a fragment after a plural verb names no one") {
    CHECK(extract_quotations("Олег Лапин и Игорь Корнев призвали «не спешить с выводами».").empty());
}

TEST_CASE("a one-word surname before a speech verb is learnt when the article also writes it inside a sentence") {
    const auto quotes = extract_quotations(
        "Журналисты получили заявление Мутко. Мутко напомнил о новых правилах. «Все спортсмены будут проверены», "
        "— добавил он.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Мутко");
}

TEST_CASE("a place before a speech verb is not learnt as a surname") {
    const auto quotes = extract_quotations(
        "В Киеве прошли переговоры. Киев заявил о готовности к диалогу. «Мы готовы к диалогу», — сказал он.");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

TEST_CASE("only the head of a role word decides whether the article gives it to someone unreadable") {
    const auto quotes = extract_quotations(
        "Проверки будут продолжены, заявил министр спорта РФ. «Мы открыты для любых проверок», — сказал Олег Лапин. "
        "«Лаборатория работает честно», — отметил министр спорта.");
    const auto* last = find_quote(quotes, "Лаборатория работает");
    REQUIRE(last);
    CHECK(last->speaker == "Лапин");
}

TEST_CASE("'передает слова X' and 'приводит слова X' attribute to X, in the genitive") {
    const auto quotes = extract_quotations(
        "«Решение будет исполнено в срок», — передает слова Олега Лапина издание.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("an initial between first name and surname is skipped") {
    const auto quotes = extract_quotations(
        "Решение вынес судья Джордж Х. Кинг. «Права на песню никому не принадлежат», — сказал судья.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Кинг");
}

TEST_CASE("a Western name with a short first name is not read surname first") {
    const auto cook = extract_quotations("«Мы продолжим выпускать новые модели», — заявил гендиректор Тим Кук.");
    REQUIRE(cook.size() == 1);
    CHECK(cook[0].speaker == "Кук");
    const auto juan = extract_quotations("«Выборы прошли честно», — сообщил парламентарий Хуан Суареш.");
    REQUIRE(juan.size() == 1);
    CHECK(juan[0].speaker == "Суареш");
}

TEST_CASE("a genitive before a speech verb is not learnt as a surname") {
    const auto quotes = extract_quotations(
        "Встреча прошла в Кремле. Президент России подчеркнул важность диалога с партнерами России. "
        "«Мы готовы к переговорам», — сказал он.");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

TEST_CASE("'говорится в статье X' attributes to X, the author of the document") {
    const auto quotes = extract_quotations("Власти не справились с кризисом, говорится в статье Олега Лапина.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("'говорится в заявлении' of a named body keeps the document as the title, with no speaker") {
    const auto quotes = extract_quotations("«Мы не признаем этих обвинений», — говорится в заявлении МИД Украины.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
    CHECK(quotes[0].speaker_title == "в заявлении МИД Украины");
}

TEST_CASE("a colon after 'В заявлении X ... говорится' attributes to X") {
    const auto quotes =
        extract_quotations("В заявлении Олега Лапина, размещенном на сайте, говорится: «Мы не отступим от плана»");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лапин");
}

TEST_CASE("'как говорится', and 'говорится в статье' with no one named before, name no one") {
    CHECK(extract_quotations("Как говорится, старый друг лучше новых двух.").empty());
    CHECK(extract_quotations("Рождаемость в регионах снижается, говорится в статье.").empty());
}

TEST_CASE("'говорится в статье' with no author named is the article of the person just quoted") {
    const auto quotes = extract_quotations(
        "«Рынок жилья растет медленно», — написал Олег Лапин. Спрос на квартиры в столице снижается, говорится в статье.");
    const auto* q = find_quote(quotes, "Спрос на квартиры");
    REQUIRE(q);
    CHECK(q->speaker == "Лапин");
}

TEST_CASE("'говорится в сообщении' with no source named is no one's") {
    const auto quotes = extract_quotations(
        "«Рынок жилья растет медленно», — написал Олег Лапин. Спрос на квартиры в столице снижается, говорится в "
        "сообщении.");
    CHECK_FALSE(find_quote(quotes, "Спрос на квартиры"));
}

TEST_CASE("a woman's surname in the genitive after 'по словам' is a speaker") {
    const auto quotes = extract_quotations("По словам Ивановой, решение примут до конца месяца.");
    REQUIRE(quotes.size() == 1);
    CHECK(core::speaker_key(quotes[0].speaker) == core::speaker_key("Иванова"));
}

TEST_CASE("pieces of the new attribution patterns at the edges of a text never read outside it") {
    // Checked further with 200,000 random texts under AddressSanitizer.
    for (const char* text : {"Об этом", "Об этом заявил", ". Об этом он", "По данным", "по его", "Как отметил",
                             ", говорится в", "В заявлении говорится:", "«", "\"", "\"Я \"за\"", "Си", "Си Цзиньпин",
                             "Х. Кинг", "тыс.", "— заявил он", "», — цитирует", "передает слова", "«а»", "Он назвал «"}) {
        INFO(text);
        CHECK_NOTHROW(extract_quotations(text));
    }
}

TEST_CASE("a Chinese name opening a sentence is read surname first too") {
    const auto quotes = extract_quotations(
        "Си Цзиньпин заявил о готовности к сотрудничеству. «Наши народы будут работать вместе», — сказал он.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Си");
}

TEST_CASE("a role word is not resolved to a person named inside the reported words themselves") {
    const auto quotes = extract_quotations(
        "Раймонд Паулс считает, что эстраде нужны новые звезды. Недавно ушедший Майкл Джексон совершил переворот в "
        "музыке, считает маэстро.");
    const auto* q = find_quote(quotes, "Недавно ушедший");
    REQUIRE(q);
    CHECK(q->speaker == "Паулс");
}

TEST_CASE("a title with one country's adjective is not resolved to a person titled with another's") {
    const auto quotes = extract_quotations(
        "Глава итальянского правительства Сильвио Берлускони прибыл в Москву. «Газопровод будет построен», — заявил "
        "глава российского правительства.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
}

TEST_CASE("an abstract noun after a speech verb is no role word") {
    const auto quotes =
        extract_quotations("Олег Лапин выступил утром. «Председатель суда Иван Петров», высказал сомнения в решении.");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

TEST_CASE("a Chinese name in an oblique case keeps its surname") {
    const auto quotes = extract_quotations(
        "«Наши народы будут работать вместе», — цитирует РБК обращение председателя КНР Си Цзиньпина к россиянам.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Си");
}

TEST_CASE("verbs of manner attribute like сказал: сетует, вспоминает, предупреждает") {
    for (const char* verb : {"сетует", "вспоминает", "предупреждает", "иронизирует", "подытожил"}) {
        INFO(verb);
        const auto quotes = extract_quotations(std::string("«Раньше все было проще и понятнее», — ") + verb + " Олег Лапин.");
        REQUIRE(quotes.size() == 1);
        CHECK(quotes[0].speaker == "Лапин");
    }
}

TEST_CASE("'по информации X' attributes only to a person named outright") {
    CHECK(extract_quotations("По информации агентства, переговоры продлятся еще два дня.").empty());
    const auto named = extract_quotations("По информации Олега Лапина, переговоры продлятся еще два дня.");
    REQUIRE(named.size() == 1);
    CHECK(named[0].speaker == "Лапин");
}

TEST_CASE("a verb going on to its topic does not attribute the words before its comma") {
    CHECK(extract_quotations(
              "Аукционный дом, традиционно проводящий русские торги, сообщил о проведении новых торгов искусством.")
              .empty());
}

TEST_CASE("a capitalised word the dictionary knows as a common word or a place is no speaker") {
    const auto quotes = extract_quotations("«Переговоры прошли успешно и продлятся завтра», — сообщил Рим.");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
    const auto named = extract_quotations("«Переговоры прошли успешно и продлятся завтра», — сообщил Лапин.");
    REQUIRE(named.size() == 1);
    CHECK(named[0].speaker == "Лапин");
}

TEST_CASE("no-break spaces around the dash read as plain spaces, and the offsets still hold for the original text") {
    const std::string text = "Он сказал: «Мы готовы продолжать переговоры»,\u00A0— сказал Сергей\u00A0Лавров.";
    const auto quotes = extract_quotations(text);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Лавров");
    CHECK(quotes[0].begin == 12);
    CHECK(quotes[0].end == 12 + 31);
}

TEST_CASE("'приводит РИА Новости слова X' attributes to X, not to the agency's second word") {
    const auto quotes = extract_quotations("«Надо самые строжайшие меры принимать», — приводит РИА Новости слова депутата Ивана Петрова.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Петров");
}

TEST_CASE("brackets inside a quoted company name do not cut the speaker phrase") {
    const auto quotes = extract_quotations(
        "«Наша компания развивается в новых условиях», - прокомментировал президент ООО \"Ксерокс (СНГ)\" Антон Бородихин.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker_full == "Антон Бородихин");
}

TEST_CASE("a man's first name that is the stem of a woman's (Динар, Динара) does not read as a dative") {
    const auto quotes = extract_quotations(
        "«Дважды за нарушение, которого он совершить не мог», комментирует правозащитник Динар Идрисов.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Идрисов");
}

TEST_CASE("a colon introduction naming the person after a noun of speech gives the quotation in the next paragraph") {
    const auto quotes = extract_quotations(
        "Редакции удалось получить комментарии экс-главы РУСАДА Николая Дурманова:\n«Перед нами достаточно любопытный феномен».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Дурманов");
}

TEST_CASE("a role word goes to the person the article titled so in another case, not to the last person named") {
    const auto quotes = extract_quotations(
        "По словам продюсера Ильи Стюарта, режиссер успел снять почти всё: «Несколько сцен удалось доснять по запискам», – "
        "рассказал продюсер. В фильме играет Ирина Старшенбаум.\n«В фильме очень много музыки и энергии», – говорит продюсер.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0].speaker_full == "Илья Стюарт");
    CHECK(quotes[1].speaker == "Стюарт");
}

TEST_CASE("two capitalised words no dictionary knows after a title are a foreign first name and surname") {
    const auto quotes = extract_quotations(
        "«Это никак не повлияло на его решение», — сказал глава пресс-службы кардинал Федерико Ломбарди.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Ломбарди");
}

TEST_CASE("'приводит РИА Новости его слова' refers back to the person named before") {
    const auto quotes = extract_quotations(
        "С инициативой выступил депутат Виталий Ефимов.\n«Я считаю, это безнравственно», — приводит РИА Новости его слова.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Ефимов");
}

TEST_CASE("a surname glued to an initial (Р.Русинов) is a name, not a site") {
    const auto quotes = extract_quotations(
        "Отвечая на вопрос корреспондента, Р.Русинов сказал: «Опыт общения с детьми в школах у меня уже был».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Русинов");
}

TEST_CASE("a pronoun reaches back two paragraphs, not to a speaker four paragraphs away") {
    const auto near = extract_quotations(
        "Глава полиции Иван Браун сообщил о находках.\n\nОн добавил, что расследование идет.\n\n"
        "«Большое количество полиции, избегайте этого района», — написал он.");
    REQUIRE(near.size() == 1);
    CHECK(near[0].speaker == "Браун");
    const auto far = extract_quotations(
        "Глава полиции Иван Браун сообщил о находках.\n\nПозже назвали имя нападавшего.\n\nВ феврале уже поступало сообщение.\n\n"
        "Расследование ведут сотрудники офиса шерифа.\n\n«Большое количество полиции, избегайте этого района», — написал он.");
    for (const auto& q : far) CHECK(q.speaker.empty());
}

TEST_CASE("a quotation over several paragraphs is attributed by the dash after its closing mark") {
    const auto quotes = extract_quotations(
        "Председатель движения Армен Оганесян предложил общественные работы.\n"
        "«Очень хорошо может подействовать на нарушителей такая мера, как общественные работы.\n"
        "Помимо этого, можно размещать на баннерах фотографии нарушителей.\n"
        "Такие меры порой более действенны, чем финансовые», — отметил Оганесян.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Оганесян");
    CHECK(quotes[0].text.rfind("Очень хорошо", 0) == 0);
    CHECK(quotes[0].text.find("чем финансовые") != std::string::npos);
}

TEST_CASE("a quotation standing alone right after one by a named speaker in the same paragraph is theirs") {
    const auto quotes = extract_quotations(
        "По словам Кириенко, этот конкурс станет «открытым окном в завтрашнюю элиту». «Это вертикальный лифт с "
        "открытой государственной поддержкой». Конкурс будет ежегодным.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[1].text == "Это вертикальный лифт с открытой государственной поддержкой");
    CHECK(quotes[1].speaker == "Кириенко");
}

TEST_CASE("a sentence naming one person as its subject, then a quotation without a verb, gives the quotation to them") {
    const auto named = extract_quotations(
        "Студент из Польши Роман Глебовски также праздновал победу на площади. «Я не видел сам момент гола, но все кричали».");
    REQUIRE(named.size() == 1);
    CHECK(named[0].speaker == "Глебовски");
    const auto two = extract_quotations(
        "Роман Глебовски и Анна Ковальская праздновали победу на площади. «Я не видел сам момент гола, но все кричали».");
    for (const auto& q : two) CHECK(q.speaker.empty());
    const auto next_paragraph = extract_quotations(
        "Студент Роман Глебовски праздновал победу на площади.\n«Я не видел сам момент гола, но все кричали».");
    for (const auto& q : next_paragraph) CHECK(q.speaker.empty());
}

TEST_CASE("a dialogue after a naming sentence gives only its first line to the person named") {
    const auto quotes = extract_quotations(
        "Понятие происходит от шутки, которую президент Джон Кулидж отпустил на птицефабрике. «А что у вас, каждый "
        "петух обслуживает одну курицу?». «Нет, на каждого петуха у нас несколько куриц!».");
    REQUIRE(!quotes.empty());
    CHECK(quotes[0].speaker == "Кулидж");
    for (std::size_t i = 1; i < quotes.size(); ++i) CHECK(quotes[i].speaker.empty());
}

TEST_CASE("a first name given as the speaker becomes the surname the article always writes after it") {
    const auto quotes = extract_quotations(
        "Сессию прервали после аварии Габриэле Тарквини (Honda). «Это была моя ошибка, - сказал Габриэле, - трасса сухая, "
        "а бордюр был влажный».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Тарквини");
    CHECK(quotes[0].speaker_full == "Габриэле Тарквини");
}

TEST_CASE("a foreign name after a Latin company name or a place is found by the two words no dictionary knows") {
    const auto after_latin = extract_quotations(
        "«Коррупционные скандалы привели банк к фактическому дефолту», — заявил экономист агентства SYZ Asset Management "
        "Стефано Джирола.");
    REQUIRE(after_latin.size() == 1);
    CHECK(after_latin[0].speaker == "Джирола");
    const auto after_place = extract_quotations(
        "«Правительство пытается спасти банковский сектор», — заявил преподаватель университета Перуджи Марко Лоренци.");
    REQUIRE(after_place.size() == 1);
    CHECK(after_place[0].speaker == "Лоренци");
}

TEST_CASE("'приводятся слова X' attributes to X") {
    const auto quotes = extract_quotations(
        "\"Ромненский округ - это один из важнейших муниципалитетов\", - приводятся слова министра Олега Туркова.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Турков");
}

TEST_CASE("a common noun opening the sentence before a colon is no speaker") {
    const auto quotes = extract_quotations(
        "Сын погибшего, потерявший также двух братьев, говорит: «Я не хочу их здесь видеть, потому что они убивают».");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

TEST_CASE("a post introduced by 'опубликовала ...:' is the words of the woman named before") {
    const auto quotes = extract_quotations(
        "Кандидат Хиллари Клинтон использовала новый тренд. В день выборов она опубликовала в Twitter свою версию, "
        "сопроводив её призывом: «Не стой на месте. Проголосуй сегодня».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Клинтон");
}

TEST_CASE("'Александра Жарова' after a genitive title is a man's name in the genitive, so 'он' finds him") {
    const auto quotes = extract_quotations(
        "Павел Дуров согласился предоставить сведения. По словам главы ведомства Александра Жарова, данных достаточно для реестра. "
        "При этом он подчеркнул, что «законы России обязательны для исполнения всеми компаниями».");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0].speaker == "Жаров");
    CHECK(quotes[1].speaker == "Жаров");
}

TEST_CASE("a sentence that lost its period (a double space before a capital) does not lend the speaker phrase its names") {
    const auto quotes = extract_quotations(
        "\"Это великий день для нас, я буду стартовать шестым\", - написал Роб Хафф в своем Instagram  Но его напарник "
        "Джеймс Томпсон не прошел дальше.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Хафф");
}

TEST_CASE("Telegram's bold markup around a quotation does not hide it") {
    const auto quotes = extract_quotations(
        "Идею выдвинул губернатор региона Александр Дрозденко.\n\n**«Времени на споры сейчас нет»,** — подчеркнул губернатор.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Дрозденко");
}

TEST_CASE("'цитируется заявление X' attributes to X") {
    const auto quotes = extract_quotations(
        "«Новости из Великобритании поистине отрезвляют», — цитируется заявление Штайнмайера в аккаунте МИД ФРГ.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Штайнмайер");
}

TEST_CASE("a quoted fragment goes to the subject of the verb, not to a name after a preposition") {
    const auto quotes = extract_quotations(
        "После встречи с Ли Куан Ю в 2009 году президент США Барак Обама назвал экс-премьера «одной из легендарных "
        "фигур Азии в двадцатом столетии».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Обама");
}

TEST_CASE("a quotation over two paragraphs attributed inside its first paragraph") {
    const auto quotes = extract_quotations(
        "Новость пришла по ходу первой сессии. «Безусловно, все это очень печально, – признал Джефф Роули, представитель "
        "компании. – У этой компании большая поддержка.\nК сожалению, решение найти не удалось». Работу потеряли 200 человек.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Роули");
    CHECK(quotes[0].text.find("решение найти не удалось") != std::string::npos);
}

TEST_CASE("an unnamed role word alone ('собеседник RT', 'топ-менеджер') points back to the person just quoted") {
    const auto quotes = extract_quotations(
        "По мнению замдиректора института Дмитрия Егорченкова, руководство было недовольно Западом.\n"
        "«Особенно учитывая двусмысленную позицию европейских государств», — добавил собеседник RT.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[1].speaker == "Егорченков");
    const auto manager = extract_quotations(
        "Данные утекли в Сеть, заявил глава компании Михаил Осеевский. «Если мы зайдем в даркнет, там есть информация "
        "по каждому», — сказал топ-менеджер.");
    const core::Quotation* darknet = find_quote(manager, "Если мы зайдем");
    REQUIRE(darknet != nullptr);
    CHECK(darknet->speaker == "Осеевский");
    const auto with_more_words = extract_quotations(
        "Данные утекли в Сеть, заявил глава компании Михаил Осеевский. «Если мы зайдем в даркнет, там есть информация "
        "по каждому», — сказал эксперт другой компании.");
    const core::Quotation* other = find_quote(with_more_words, "Если мы зайдем");
    CHECK((other == nullptr || other->speaker.empty()));
}

TEST_CASE("a reference back skips no one: a name we cannot read between leaves the speaker unknown") {
    const auto quotes = extract_quotations(
        "По мнению замдиректора института Дмитрия Егорченкова, руководство было недовольно Западом.\n"
        "Замдиректора центра Фаридун Усмонов также отметил, что резолюция важна.\n"
        "«Сейчас в турецком истеблишменте звучат разговоры о повороте на восток», — сказал эксперт.");
    for (const auto& q : quotes) {
        if (q.text.rfind("Сейчас", 0) == 0) CHECK(q.speaker != "Егорченков");
    }
}

TEST_CASE("a pronoun after a quotation refers back to a person quoted by 'по словам' in the paragraph before") {
    const auto quotes = extract_quotations(
        "По словам шерифа округа Эда Гонзалеса, полиция сейчас устанавливает число пострадавших.\n\n"
        "«Всего погибли порядка восьми или десяти человек, большинство из них школьники», — сообщил он.");
    const core::Quotation* said = find_quote(quotes, "Всего погибли");
    REQUIRE(said != nullptr);
    CHECK(said->speaker == "Гонзалес");
}

TEST_CASE("a pronoun with no one to refer to yields to a colon introduction naming the speaker") {
    const auto quotes = extract_quotations(
        "RT удалось получить комментарии экс-главы РУСАДА Николая Дурманова:\n"
        "«Перед нами достаточно любопытный феномен спортивной медицины» — заявил он.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Дурманов");
    CHECK(extract_quotations("«Перед нами достаточно любопытный феномен спортивной медицины», — заявил он.").empty());
}

TEST_CASE("a person named with a first name we do not list is who a later pronoun refers to") {
    const auto quotes = extract_quotations(
        "Глава агентства Сергей Качмазов рассказал о ценах в Лондоне.\n"
        "Архитектор Омар Калияев последние 10 лет живёт в столице Великобритании. «Сам факт покупки недвижимости "
        "не даёт права на вид на жительство», — сообщил он RT.");
    const core::Quotation* said = find_quote(quotes, "Сам факт покупки");
    REQUIRE(said != nullptr);
    CHECK(said->speaker == "Калияев");
}

TEST_CASE("a first name standing alone is the known person who bears it") {
    const auto quotes = extract_quotations(
        "Предприниматель Георгий Багри живет в Каннах.\n"
        "Президент США Дональд Трамп заявил о победе.\n"
        "По этой причине Георгий считает, что результаты выборов непредсказуемы.\n"
        "«Я говорю на тему политики только внутри своей семьи», — пояснил он.");
    const core::Quotation* said = find_quote(quotes, "Я говорю на тему");
    REQUIRE(said != nullptr);
    CHECK(said->speaker == "Багри");
}

TEST_CASE("a head's title does not go to a deputy named later") {
    const auto quotes = extract_quotations(
        "Председатель комитета по международным делам Константин Косачев встретился с коллегами.\n"
        "Во встрече принял участие заместитель председателя данного комитета Баир Жамсуев.\n"
        "«Уверен, что такая работа является взаимополезной», - заключил глава комитета по международным делам.");
    const core::Quotation* said = find_quote(quotes, "Уверен, что такая");
    REQUIRE(said != nullptr);
    CHECK(said->speaker == "Косачев");
}

TEST_CASE("a surname ending like an instrumental is the speaker when the article names the person so in full") {
    const auto quotes = extract_quotations(
        "Комплекс начал работу, сообщил глава района Андрей Трубецкой.\n"
        "\"В прошлом году мы по просьбам предпринимателей запустили программу\", - написал Трубецкой в своем Telegram-канале.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[1].speaker == "Трубецкой");
}

TEST_CASE("a capitalised adjective before its noun is a place, not a speaker") {
    const auto quotes = extract_quotations(
        "За девять лет, по словам главы Сургутского района, число предпринимателей выросло втрое.");
    for (const auto& q : quotes) CHECK(q.speaker != "Сургутский");
}

TEST_CASE("'— и добавил' after a quotation goes on with the speaker of the sentence before") {
    const auto quotes = extract_quotations(
        "Пресс-секретарь президента Дмитрий Песков сказал, что тенденцию в этом усматривать не стоит. «Это незначительное "
        "увеличение в рамках естественных колебаний», — и добавил, что решение было обосновано.");
    const core::Quotation* said = find_quote(quotes, "Это незначительное");
    REQUIRE(said != nullptr);
    CHECK(said->speaker == "Песков");
}

TEST_CASE("the subject's title before a verb is not the title of the person named after it") {
    const auto quotes = extract_quotations(
        "Ранее сенатор выразил признательность госсекретарю Рексу Тиллерсону за его работу.\n"
        "Заявление поставил под сомнение первый зампред комитета по обороне Франц Клинцевич.\n"
        "«Колоссальное неуважение ко всему человечеству и крайне непрофессиональное прикрытие», — пояснил сенатор в беседе с RT.");
    const core::Quotation* said = find_quote(quotes, "Колоссальное");
    REQUIRE(said != nullptr);
    CHECK(said->speaker != "Тиллерсон");
}

TEST_CASE("a capitalised adjective before an abbreviation names a body, not a speaker") {
    const auto quotes = extract_quotations(
        "Компания, как утверждает Чешское ТВ, владеет долей в нефтяной компании и двумя отелями в Карловых Варах.");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

TEST_CASE("a quotation opening a paragraph is the words of the one person whose speech the paragraph before reports") {
    const auto quotes = extract_quotations(
        "Доцент кафедры истории Василий Зверев полагает, что важно привлекать внимание граждан к общей истории.\n"
        "«Французы помнят эту битву, и вокруг саркофага Наполеона написано её название». Русская армия оставила поле боя.");
    const core::Quotation* said = find_quote(quotes, "Французы помнят");
    REQUIRE(said != nullptr);
    CHECK(said->speaker == "Зверев");
    // A subheading with no period, after a sentence naming the speaker after the verb, is no one's words.
    const auto heading = extract_quotations(
        "Группировка создана на деньги тех же людей, которые дают средства в фонд Клинтонов, заключил главред WikiLeaks.\n"
        "«Трампу не дадут стать президентом»\n"
        "Обсуждая с журналистом предвыборную гонку, он объяснил свою позицию.");
    CHECK(find_quote(heading, "Трампу не дадут") == nullptr);
}

TEST_CASE("'предположил', 'рапортовал', 'прогнозирует' attribute like 'сказал'") {
    const auto quotes = extract_quotations(
        "«Реальная причина — это, скорее всего, необходимость списать украденное», — предположил Богдан Безпалько в беседе с RT.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Безпалько");
}

TEST_CASE("a noun of speech between the verb and the speaker ('высказал мнение Шифф') is skipped") {
    const auto quotes = extract_quotations(
        "Конгрессмен Адам Шифф выступил в Вашингтоне. «Председатель должен определиться, на чьей он стороне в этом деле», — "
        "высказал мнение Шифф.");
    const core::Quotation* said = find_quote(quotes, "Председатель должен");
    REQUIRE(said != nullptr);
    CHECK(said->speaker == "Шифф");
}

TEST_CASE("'— добавил он' after an unnamed source's sentence is not given to a person named before") {
    const auto quotes = extract_quotations(
        "Решение приняла комиссия, председателем которой является Сергей Собянин. Источник «Медузы» в компании сказал, что "
        "там о строительстве ничего не знают. «Если строительство будет рядом с нами, съемки вести невозможно», — добавил он.");
    for (const auto& q : quotes) CHECK(q.speaker != "Собянин");
    const auto inside = extract_quotations(
        "С ним полемизирует обозреватель Forbes Марк Адоманис. Москва - один из самых дорогих городов мира, поясняет он.");
    const core::Quotation* said = find_quote(inside, "Москва - один");
    REQUIRE(said != nullptr);
    CHECK(said->speaker == "Адоманис");
}

TEST_CASE("a name with a particle ('Хамиш де Бреттон-Гордон') is not cut to its first name") {
    const auto quotes = extract_quotations(
        "«Полагаю, недавнее задержание подозреваемого стало поводом для этой атаки», — высказал мнение Хамиш де Бреттон-Гордон.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker != "Хамиш");
}

TEST_CASE("the capitalised head of a compound adjective ('Российско-азиатского') is no speaker") {
    const auto quotes = extract_quotations(
        "Китайский производитель рассматривает Новосибирскую область для завода, сообщил председатель Российско-азиатского "
        "союза промышленников.");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

TEST_CASE("a quoted fragment after a neuter verb ('Министерство подтвердило') is no person's") {
    const auto quotes = extract_quotations(
        "Министерство финансов Украины подтвердило, что совет директоров перенёс «рассмотрение вопроса о завершении пересмотра».");
    for (const auto& q : quotes) CHECK(q.speaker.empty());
}

TEST_CASE("'Об этом, в частности, рассказал X' is not a quotation of the words 'Об этом'") {
    const auto quotes = extract_quotations(
        "Правительственные войска внесли наибольший вклад в победу. Об этом, в частности, рассказал генерал-полковник "
        "Сергей Рудской.");
    CHECK(find_quote(quotes, "Об этом") == nullptr);
}

TEST_CASE("a speaker on the short line after a line break that cuts the attribution (a link) is read") {
    const auto quotes = extract_quotations(
        "«Это сумасшедшие президентские выборы — кажется, политика вышла из-под контроля», — рассказал \n"
        "Reuters\n"
        " автор инсталляции профессор Мэтт Воршер.\n"
        "Производители эля тоже не остались в стороне.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Воршер");
    const auto next_sentence = extract_quotations(
        "«Проблемы на Ближнем Востоке начались после вторжения в Ирак», - заявил Трамп\n"
        "По его утверждению, ошибки допустила прежняя администрация Белого дома.");
    REQUIRE(!next_sentence.empty());
    CHECK(next_sentence[0].speaker == "Трамп");
}

TEST_CASE("a colon introduction with 'пишет' names its writer; a plural verb before the colon names no one") {
    const auto writes = extract_quotations(
        "Политолог Тарас Березовец считает объединение логичным. Считая его неизбежным, Березовец пишет: «Будет ли этот "
        "союз прочным, покажут ближайшие выборы».");
    const core::Quotation* written = find_quote(writes, "Будет ли этот");
    REQUIRE(written != nullptr);
    CHECK(written->speaker == "Березовец");
    const auto several = extract_quotations(
        "Сторонники Путина, которые не собирались голосовать, говорили: «Нет, послушав такое, я, конечно, пойду на выборы».");
    for (const auto& q : several) CHECK(q.speaker.empty());
}

TEST_CASE("a name inside a quoted title after the verb is not who wrote the quotation") {
    const auto quotes = extract_quotations(
        "Так, в 1975 году Елена Игнатова пишет стихотворение «Могила Батюшкова в Вологде», где место возникает на фоне "
        "обители: «В монастыре армейский склад снарядов, топочет часовой по вымерзшей земле».");
    const core::Quotation* poem = find_quote(quotes, "В монастыре");
    REQUIRE(poem != nullptr);
    CHECK(poem->speaker != "Батюшков");
}

TEST_CASE("a name in the nominative after a title holding someone else's name in the genitive is the speaker") {
    const auto quotes = extract_quotations(
        "Выборы прошли спокойно. Советник кандидата в президенты Григория Явлинского Елена Морозова напомнила опыт "
        "прошлых выборов: «Тогда для голосующих на дому были сделаны уменьшенные плакаты».");
    const auto* q = find_quote(quotes, "Тогда для голосующих");
    REQUIRE(q);
    CHECK(q->speaker == "Морозова");
    CHECK(q->speaker_full == "Елена Морозова");
}

TEST_CASE("the genitive name in a title ('пресс-секретарь Путина Дмитрий Песков') is not the speaker") {
    const auto quotes = extract_quotations(
        "Переговоры продолжатся. «Стороны обменялись мнениями о ситуации в регионе», — сказал пресс-секретарь Путина "
        "Дмитрий Песков.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Песков");
}

TEST_CASE("a colon introduction with 'предложил' or 'разместила' names the one who proposes or posts") {
    const auto proposed = extract_quotations(
        "На заседании сопредседатель движения «Голос» Григорий Мельконьянц предложил составить памятку: «Там можно "
        "указать, куда звонить, если на избирателя давят».");
    REQUIRE(proposed.size() == 1);
    CHECK(proposed[0].speaker == "Мельконьянц");
    const auto posted = extract_quotations(
        "Вечером Ирина Соколова разместила в соцсети обращение к землякам: «Друзья, у нас сгорел дом, помогите, "
        "кто чем сможет».");
    REQUIRE(posted.size() == 1);
    CHECK(posted[0].speaker == "Соколова");
}

TEST_CASE("a quoted proposal after 'предложил' is the words of its subject") {
    const auto quotes = extract_quotations(
        "Сенатор Бен Кардин выступил с законопроектом. Кардин предложил «наращивать оборонительную инфраструктуру в Европе».");
    const auto* q = find_quote(quotes, "наращивать");
    REQUIRE(q);
    CHECK(q->speaker == "Кардин");
}

TEST_CASE("'предложил' or 'разместил' after a comma attributes nothing") {
    const auto quotes = extract_quotations(
        "В октябре городской институт, принадлежащий мэрии, разместил тендер на разработку документации.");
    CHECK(quotes.empty());
}

TEST_CASE("'— заявила она' in the next paragraph refers to a woman with a first name we do not list, named as a subject") {
    const auto quotes = extract_quotations(
        "На акции Милдред Оукли откровенно призналась, что живёт в стране нелегально. Работу она нашла не сразу.\n"
        "«Я буду стоять здесь весь день и всю ночь, пусть меня депортируют», — заявила она журналистам.\n");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Оукли");
    CHECK(quotes[0].speaker_full == "Милдред Оукли");
}

TEST_CASE("a foreign first name and surname with a title between commas before the verb name a subject") {
    const auto quotes = extract_quotations(
        "Вэнни Ралли, студентка колледжа, родилась в Турции. Её родители вскоре переехали в Штаты.\n"
        "«Я гражданка этой страны и не хочу, чтобы кто-то ущемлял мои права», — сказала она.\n");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Ралли");
}

TEST_CASE("a place and a noun that ends like a verb ('Капустин Яр генерал-майор') are no person") {
    const auto quotes = extract_quotations(
        "Испытание провели успешно. Об этом сообщил начальник полигона Капустин Яр генерал-майор Олег Кислов.\n"
        "«Полигон обеспечивает испытания вооружения на новых принципах», — сообщил он.\n");
    const auto* q = find_quote(quotes, "Полигон обеспечивает");
    REQUIRE(q);
    CHECK(q->speaker == "Кислов");
}

TEST_CASE("a known surname in another case after the verb yields to the full name of the subject") {
    const auto quotes = extract_quotations(
        "Лыжник Вик Уайлд выиграл гонку.\n"
        "«Подготовка сборной к сезону прошла по плану, у нас всё в порядке», — рассказал о форме Уайлда тренер "
        "Денис Салагаев.\n");
    const auto* q = find_quote(quotes, "Подготовка сборной");
    REQUIRE(q);
    CHECK(q->speaker == "Салагаев");
}

TEST_CASE("'накануне' before a title is not a word of the title ('— заявил накануне турецкий лидер')") {
    const auto quotes = extract_quotations(
        "Накануне глава европейской дипломатии Федерика Могерини заявила, что отношения зашли в тупик.\n"
        "В свою очередь, Эрдоган подчеркнул, что решение парламента не имеет значения.\n"
        "«Пусть голосуют как хотят, никакой ценности это голосование не имеет», — заявил накануне турецкий лидер.\n");
    const auto* q = find_quote(quotes, "Пусть голосуют");
    REQUIRE(q);
    CHECK(q->speaker == "Эрдоган");
}

TEST_CASE("a capitalised adjective before a verb in a headline ('Худрук Большого завершил') is no person") {
    const auto quotes = extract_quotations(
        "Худрук Большого завершил работу.\n"
        "«Мы не ставим точку в наших отношениях с хореографом», — сказал генеральный директор Большого театра "
        "Анатолий Иксанов.\n");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Иксанов");
}

TEST_CASE("a foreign name after a place in the genitive, with the speech verb further on, is the antecedent of 'Он утверждает:'") {
    const auto quotes = extract_quotations(
        "Министр иностранных дел Литвы Линас Линкявичюс во время встречи в Вашингтоне заявил, что приветствует "
        "присутствие союзников.\nАльянс станет сильнее, считает глава МИД. Он утверждает: «Мы ясно подчеркнули, что "
        "заинтересованы в присутствии союзников».");
    const auto* q = find_quote(quotes, "Мы ясно подчеркнули");
    REQUIRE(q);
    CHECK(q->speaker == "Линкявичюс");
}

TEST_CASE("a capitalised word after a preposition, or a man's name in the genitive, is not learnt as a person") {
    const auto place = extract_quotations(
        "С начала операции в Мосуле Вашингтон ни разу не признал жертв. По словам отца пострадавшей девочки, они три "
        "дня не могли добраться до больницы.");
    for (const auto& q : place) CHECK(q.speaker != "Вашингтон");
    const auto genitive = extract_quotations(
        "Законопроект республиканца Эда Ройса предполагает новые санкции.\n«Размещение этих ракет представляет "
        "серьёзную угрозу для безопасности», — заявил Ройс.");
    const auto* q = find_quote(genitive, "Размещение этих ракет");
    REQUIRE(q);
    CHECK(q->speaker == "Ройс");
}

TEST_CASE("a country in the genitive after a title ('Президент Украины считает') is not the speaker of a fragment") {
    const auto quotes = extract_quotations(
        "Канцлер позвонил в Кремль впервые за два года. Президент Украины считает, что канцлер открыл «ящик Пандоры "
        "для всей Европы».");
    for (const auto& q : quotes) CHECK(q.speaker != "Украины");
}

TEST_CASE("an unnamed source in a ministry of a country ('источник RT в МИД Украины') names no speaker") {
    const auto quotes = extract_quotations(
        "«Переговоры о квотах продолжатся в следующем году», — сказал источник RT в Министерстве экономики Украины.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker.empty());
}

TEST_CASE("a surname with '-старший' or '-младший' after it is the speaker") {
    const auto quotes = extract_quotations(
        "Боксёр готовится к бою. «Флойду нужно считаться со своим возрастом и не рисковать», — сказал Мейвезер-старший.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Мейвезер");
}

TEST_CASE("'радовалась' after a quotation attributes it like 'сказала'") {
    const auto quotes = extract_quotations(
        "Теннисистка вышла в четвёртый круг. «Я уверенно вела, но потом немного зажалась», — радовалась Макарова.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Макарова");
}

TEST_CASE("a quotation opening a paragraph after one person's reported speech is theirs, whoever else that sentence mentions in another case") {
    const auto quotes = extract_quotations(
        "Матч закончился вничью.\nДмитрий Комбаров также заметил, что второй тайм команда провела лучше первого, и "
        "оценил выход Романа Зобнина.\n«Словенцы с самого начала матча плотно сели в оборону. В перерыве мы внесли "
        "коррективы».\n");
    const auto* q = find_quote(quotes, "Словенцы");
    REQUIRE(q);
    CHECK(q->speaker == "Комбаров");
}

TEST_CASE("a long title ending in a full name before a colon names the speaker") {
    const auto quotes = extract_quotations(
        "Председатель комитета Госдумы по международным делам Леонид Слуцкий: «Это решение противоречит нормам "
        "международного права».");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Слуцкий");
    CHECK(quotes[0].speaker_full == "Леонид Слуцкий");
}

TEST_CASE("a surname alone or two people before a colon at the end of a long sentence name no speaker") {
    const auto alone = extract_quotations(
        "Ксения Собчак выдвинулась в президенты. Этот призыв блогеры расценили как признак отсутствия поддержки со "
        "стороны Собчак: «Если кандидат не откликнулась на беду, что от нее ожидать обычным людям?»");
    for (const auto& q : alone) CHECK(q.speaker != "Собчак");
    const auto two = extract_quotations(
        "Тренер умолчал лишь о том, сыграют ли в последнем матче форварды Зе Луиш и Луис Адриано: «Посмотрим, "
        "насколько они будут готовы к игре».");
    for (const auto& q : two) CHECK(q.speaker != "Адриано");
}

TEST_CASE("an Arabic article inside a name ('Мухаммад аль-Джулани') does not cut the name at the first name") {
    const auto quotes = extract_quotations(
        "«Он погиб мученической смертью, защищая республику», — заявил лидер партии Файка аль-Саид.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Саид");
}

TEST_CASE("a surname opening a Telegram post after an emoji is a person, and '— ответил президент' refers to them") {
    const auto quotes = extract_quotations(
        "⚡️Зеленский не подтвердил, что удар нанесли этими ракетами\n\n"
        "\"Простите, без лишних деталей. У нас есть дальнобойные возможности\", ответил президент.\n");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Зеленский");
}

TEST_CASE("a surname before a past-tense verb of its gender is a person, a place before one is not") {
    const auto person = extract_quotations(
        "Одегова изгнала активиста из движения.\n«Он предал наши идеалы и больше не с нами», — заявила она.\n");
    REQUIRE(person.size() == 1);
    CHECK(person[0].speaker == "Одегова");
    const auto place = extract_quotations(
        "Киев заявил о новых поставках.\n«Мы получим эти системы уже в этом году», — сказал он.\n");
    for (const auto& q : place) CHECK(q.speaker != "Киев");
}

TEST_CASE("a name between commas after 'По словам ...' or 'Как отметил ...' is the speaker, and the words start after it") {
    const auto reported = extract_quotations(
        "По словам официального представителя МИД России, Марии Захаровой, эти заявления не соответствуют "
        "действительности.");
    REQUIRE(reported.size() == 1);
    CHECK(reported[0].speaker == "Захарова");
    CHECK(reported[0].text.rfind("эти заявления", 0) == 0);
    const auto as_said = extract_quotations(
        "Как отметил глава комитета, Андрей Клишас, закон вступит в силу после подписания президентом.");
    REQUIRE(as_said.size() == 1);
    CHECK(as_said[0].speaker == "Клишас");
}

TEST_CASE("'по данным СМИ, зовут ...' names no source of the words") {
    const auto quotes = extract_quotations(
        "Водитель, которого, по данным некоторых СМИ, зовут Казимбек Батыров, признал вину и заплатил штраф.");
    for (const auto& q : quotes) CHECK(q.speaker != "Батыров");
}

TEST_CASE("a colon introduction whose subject stands before a gerund's clause ('он, отвечая на вопрос, говорил:') is read") {
    const auto quotes = extract_quotations(
        "«Это правильно, и это нужно делать», — сказал Владимир Путин.\nВ декабре он, отвечая на вопрос об "
        "оппозиции, говорил: «Нужно предложить реальную повестку дня, в которую люди бы поверили».");
    const auto* q = find_quote(quotes, "Нужно предложить");
    REQUIRE(q);
    CHECK(q->speaker == "Путин");
}

TEST_CASE("a medium in the dative after the verb ('рассказал изданию') is who was told, the speaker follows it") {
    const auto told = extract_quotations(
        "«Мы не видим оснований для отмены этого решения», — рассказал изданию депутат Верховной рады Алексей Гончаренко.");
    REQUIRE(told.size() == 1);
    CHECK(told[0].speaker == "Гончаренко");
    const auto alone = extract_quotations(
        "Сергей Иванов выступил на форуме. «Мы не видим оснований для отмены этого решения», — рассказали изданию.");
    for (const auto& q : alone) CHECK(q.speaker.empty());
}

TEST_CASE("a role word opening a sentence before a colon ('Дипломат напомнила:') refers back like one inside it") {
    const auto quotes = extract_quotations(
        "Об этом рассказала Мария Захарова. Дипломат напомнила: «Мы не видим оснований для отмены этого решения».");
    const auto* q = find_quote(quotes, "Мы не видим");
    REQUIRE(q);
    CHECK(q->speaker == "Захарова");
}

TEST_CASE("a quotation opening a paragraph after one person's 'По словам X, ...' is theirs; a quoted name before does not stop it") {
    const auto reported = extract_quotations(
        "В букмекерских конторах принята десятичная система. По словам Юрия Вервекина, такая система наиболее проста "
        "для расчёта.\n«Например, коэффициент два означает, что ставка удвоится».\n");
    const auto* q = find_quote(reported, "Например");
    REQUIRE(q);
    CHECK(q->speaker == "Вервекин");
    const auto named = extract_quotations(
        "Командир крейсера «Адмирал Кузнецов» Сергей Артамонов сообщил, что никто из экипажа не пострадал.\n"
        "«Задачи похода выполнены полностью, все вернулись домой».\n");
    const auto* n = find_quote(named, "Задачи похода");
    REQUIRE(n);
    CHECK(n->speaker == "Артамонов");
}
