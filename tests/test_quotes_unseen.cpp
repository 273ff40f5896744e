// Forms of attribution read from the fifth and seventh rounds' development misses
// (issue #15), each with sentences written for the test.
#include "core/quotes.h"
#include "tests/support/quotations.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using core::extract_quotations;
using test_support::find_quote;

TEST_CASE("a neuter verb ('— заявило министерство', 'заявило посольство:') gives no person the words") {
    const auto body = extract_quotations(
        "Министр Иван Соколов провел совещание.\n«Запасы топлива в стране выросли на треть», — заявило Минэнерго.\n");
    REQUIRE(body.size() == 1);
    CHECK(body[0].speaker.empty());
    const auto colon = extract_quotations(
        "Министр Иван Соколов провел совещание. О помощи Украине заявило посольство в Киеве: «Мы выделим средства на оборону».");
    for (const auto& q : colon) CHECK(q.speaker.empty());
}

TEST_CASE("a name in apposition after the title and a comma ('— заявил командующий ..., генерал Иван Петров') is the speaker") {
    const auto quotes = extract_quotations(
        "«Учения пройдут по плану, без изменений», — заявил командующий округом в Сибири, генерал-майор Иван Сидоренко.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Сидоренко");
    CHECK(quotes[0].speaker_full == "Иван Сидоренко");
}

TEST_CASE("a list of titles before the name ('актриса, певица и продюсер Анна Орлова') names her, not the speaker before") {
    const auto quotes = extract_quotations(
        "«Я горжусь своими коллегами по цеху», — сказала Мария Громова.\n"
        "«Это смелый и честный поступок», — заявила актриса, певица и продюсер Анна Орлова, известная по сериалам.");
    const auto* q = find_quote(quotes, "Это смелый");
    REQUIRE(q);
    CHECK(q->speaker == "Орлова");
}

TEST_CASE("a word in apposition that is a place or a plain title is no speaker") {
    const auto quotes = extract_quotations(
        "«Мы продолжим работу над проектом», — сообщил представитель компании, Москва.");
    for (const auto& q : quotes) CHECK(q.speaker != "Москва");
}

TEST_CASE("a place after a preposition in the attribution is never the speaker ('на встрече в Берлине')") {
    const auto quotes = extract_quotations(
        "«Каждый должен заработать свои права сам», — заявила комиссар Озогуз на презентации документа в Берлине.");
    for (const auto& q : quotes) CHECK(q.speaker != "Берлине");
    const auto named = extract_quotations(
        "«Каждый должен заработать свои права сам», — заявил в Берлине министр Томас Шмидт.");
    REQUIRE(named.size() == 1);
    CHECK(named[0].speaker == "Шмидт");
}

TEST_CASE("verbs of speech in any form a finite verb takes attribute after a dash ('— замечает', '— поделилась', '— возмутился')") {
    const std::vector<std::pair<std::string, std::string>> verbs{
        {"размышляет", "Соколов"}, {"замечает", "Соколов"}, {"поделилась", "Соколова"}, {"сообщала", "Соколова"},
        {"возмутился", "Соколов"}, {"разъяснил", "Соколов"}, {"возражает", "Соколов"}, {"воскликнула", "Соколова"}};
    for (const auto& [verb, speaker] : verbs) {
        const auto quotes = extract_quotations("«Сроки строительства моста никто не переносил», — " + verb + " " + speaker + ".");
        INFO(verb);
        REQUIRE(quotes.size() == 1);
        CHECK(quotes[0].speaker == speaker);
    }
}

TEST_CASE("the new verbs in their neuter forms ('— сообщало Минэнерго', '— сообщалось в заявлении') give no person the words") {
    const auto body = extract_quotations(
        "Министр Иван Соколов провел совещание.\n«Запасы топлива в стране выросли на треть», — сообщало Минэнерго.\n");
    REQUIRE(body.size() == 1);
    CHECK(body[0].speaker.empty());
    const auto statement = extract_quotations(
        "Министр Иван Соколов провел совещание.\n«Запасы топлива в стране выросли на треть», — сообщалось в заявлении компании.\n");
    for (const auto& q : statement) CHECK(q.speaker != "Соколов");
}

TEST_CASE("a statement holding a noun of a new verb's root ('замечание') is still what 'Об этом заявил X' refers to") {
    const auto quotes = extract_quotations(
        "Комиссия сделала замечание подрядчику и потребовала ускорить работы. Об этом заявил министр Иван Соколов.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Соколов");
}

TEST_CASE("a word of a quoted name before the verb is not the subject of a quoted fragment") {
    const auto quotes = extract_quotations(
        "Пользователь под именем «Отделение партии Пресненский район» сообщал, что в подъездах «образовались трещины в "
        "потолке и стенах».");
    for (const auto& q : quotes) CHECK(q.speaker != "Пресненский");
}

TEST_CASE("'чиновник' or 'политик' alone after the dash is the person named just before, even where the text speaks of policy") {
    const auto official = extract_quotations(
        "Об этом сообщил заместитель министра финансов Ирана Сейед Али Роухани. \"Речь идет о том, что Иран может "
        "предоставить свою территорию для транзита\", — сказал чиновник.");
    const auto* q = find_quote(official, "Речь идет");
    REQUIRE(q);
    CHECK(q->speaker == "Роухани");
    const auto politician = extract_quotations(
        "Кандидат Джон Смит выступил с речью о том, что внешнюю политику Вашингтона пора менять.\n"
        "«Наши интересы должны быть на первом месте», — добавил политик.\n");
    const auto* p = find_quote(politician, "Наши интересы");
    REQUIRE(p);
    CHECK(p->speaker == "Смит");
}

TEST_CASE("an apposition whose title holds a body's name or a preposition still ends in the speaker's name") {
    const auto body = extract_quotations(
        "«Экспорт услуг растет быстрее экспорта товаров», — уверена модератор турнира, генеральный директор Школы экспорта "
        "РЭЦ Алисия Никитина.");
    REQUIRE(body.size() == 1);
    CHECK(body[0].speaker == "Никитина");
    const auto expert = extract_quotations(
        "«Упрощенное банкротство доступно не всем должникам», — рассказала агентству юрист, эксперт по банкротству "
        "физических лиц Екатерина Кузнецова.");
    REQUIRE(expert.size() == 1);
    CHECK(expert[0].speaker == "Кузнецова");
}

TEST_CASE("a participle's clause may stand before the apposition; a name after a preposition in it is no speaker") {
    const auto clause = extract_quotations(
        "«Это пример разрушительной некомпетентности», — заявил во время пресс-конференции, посвящённой утечке, "
        "основатель проекта Джулиан Ассанж.");
    REQUIRE(clause.size() == 1);
    CHECK(clause[0].speaker == "Ассанж");
    const auto place = extract_quotations(
        "«Нашим главным открытием стали гены древних людей», — приводит газета сообщение учёного, генетика из "
        "Университета Вандербильта.");
    for (const auto& q : place) CHECK(q.speaker != "Вандербильта");
}

TEST_CASE("a short bracket inside the title ('(ФНЭБ)') does not end the speaker phrase") {
    const auto quotes = extract_quotations(
        "«Цены на газ останутся высокими всю зиму», — сообщил ведущий эксперт Фонда энергетической безопасности (ФНЭБ) "
        "Игорь Юшков.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Юшков");
}

TEST_CASE("'приводит ... слова X' names X whoever stands between the verb and the words") {
    const auto quotes = extract_quotations(
        "«Рост экономики продолжится и в следующем году», — приводит пресс-служба слова министра экономического "
        "развития Максима Решетникова.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Решетников");
}

TEST_CASE("a place after a preposition before a first name and surname is left out of the name ('в Грозном Рукман Бартиев')") {
    const auto quotes = extract_quotations(
        "«Пострадавшим оказана вся необходимая помощь», — рассказал директор центра медицины катастроф в Грозном "
        "Рукман Бартиев.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Бартиев");
}

TEST_CASE("an apposition may follow a quoted name that closes the phrase ('концерна «Калашников», чемпион мира ... Всеволод Ильин')") {
    const auto quotes = extract_quotations(
        "«Новая модель проще в обслуживании», — рассказал директор по проектам концерна «Калашников», чемпион мира по "
        "стрельбе Всеволод Ильин.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Ильин");
}

TEST_CASE("an adjective and its noun ('Соединённых Штатов') are no name, and 'Ян' before a Russian surname is a first name") {
    const auto country = extract_quotations(
        "«Мы больше не можем заниматься только этим регионом», — цитирует агентство слова постпреда Соединённых Штатов "
        "в ООН Никки Хейли.");
    REQUIRE(country.size() == 1);
    CHECK(country[0].speaker == "Хейли");
    const auto first_name = extract_quotations(
        "«Отток капитала замедлился», — пояснил директор по инвестициям компании Ян Рязанцев.\n"
        "«Курс юаня останется стабильным», — добавил Ян Рязанцев.\n");
    for (const auto& q : first_name) CHECK(q.speaker == "Рязанцев");
}

TEST_CASE("an attribution whose line ends at the dash goes on on the next line ('», — ⏎отметил автор ⏎ Дэвид Килкойн.')") {
    const auto quotes = extract_quotations(
        "Учёные изучили метеорит.\n«Это похоже на муху в янтаре», — \nотметил автор исследования\n Дэвид Килкойн.\nДалее о другом.\n");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Килкойн");
    CHECK(quotes[0].speaker_full == "Дэвид Килкойн");
}

TEST_CASE("a line going on in lower case goes on with the sentence, so the subject after a genitive name is read") {
    const auto quotes = extract_quotations(
        "США ввели новые санкции.\n«Мы оцениваем эти решения крайне негативно», — \nпрокомментировал заявление Трампа \n"
        "замглавы МИД России Сергей Рябков. — Главное в том, что давление усиливается и становится всё сильнее.\n");
    const auto* q = find_quote(quotes, "Мы оцениваем");
    REQUIRE(q);
    CHECK(q->speaker == "Рябков");
}

TEST_CASE("a verb of quoting in any tense attributes the words of the one it names ('— привели в пресс-службе слова', '— цитировал X ТАСС')") {
    const auto press = extract_quotations(
        "Компания расширит выпуск мебели. \"Льготный лизинг остается одним из главных направлений нашей работы\", – привели в "
        "пресс-службе Корпорации МСП слова ее генерального директора Александра Исаевича.");
    REQUIRE(press.size() == 1);
    CHECK(press[0].speaker == "Исаевич");
    const auto agency = extract_quotations(
        "Россия отвергла обвинения.\n«Мы никогда не вели подобных исследований», — цитировал Шульгина ТАСС.\n");
    REQUIRE(agency.size() == 1);
    CHECK(agency[0].speaker == "Шульгин");
    // What the words led to is no one's speech.
    const auto led = extract_quotations("«Цены на топливо выросли вдвое за год», — привело к протестам в столице.");
    for (const auto& q : led) CHECK(q.speaker.empty());
}

TEST_CASE("'собеседник агентства' points back to the speaker of a quotation before, never to someone only named") {
    const auto quoted = extract_quotations(
        "МОСКВА, 1 дек - РИА Новости. \"Мы поддерживаем это решение суда\", - сказал РИА Новости священник Андрей Ларин.  "
        "\"Оно защищает семьи и детей от давления извне, и это главное для нас\", - заключил собеседник агентства.");
    const auto* q = find_quote(quoted, "Оно защищает");
    REQUIRE(q);
    CHECK(q->speaker == "Ларин");
    const auto named = extract_quotations(
        "МОСКВА, 16 окт - РИА Новости. Композитор Геннадий Светлов умер на 89-м году жизни, сообщил РИА Новости его помощник "
        "Малик Аминов.  \"Он ушел тихо, дома, рядом были близкие люди\", - сказал собеседник агентства.");
    for (const auto& n : named) CHECK(n.speaker != "Светлов");
}

TEST_CASE("a bare role the article gives its speaker under another role ('— заявил госсекретарь' after the foreign minister) is nobody's") {
    const auto quotes = extract_quotations(
        "Глава МИД Иван Соколов провел переговоры в Вене.\n"
        "«Мы готовы продолжать диалог с партнерами», — сказал Соколов.\n"
        "«Санкции не помогут решить этот вопрос», — заявил госсекретарь.\n"
        "«Решение о поставках будет принято до конца года», — добавил посол.\n");
    const auto* minister = find_quote(quotes, "Мы готовы");
    REQUIRE(minister);
    CHECK(minister->speaker == "Соколов");
    for (const char* start : {"Санкции не помогут", "Решение о поставках"}) {
        const auto* q = find_quote(quotes, start);
        REQUIRE(q);
        CHECK(q->speaker.empty());
    }
}

TEST_CASE("a bare role the article gives its speaker, or one meaning the same ('министр' for 'глава МИД'), still points back") {
    const auto same = extract_quotations(
        "Глава МИД Иван Соколов провел переговоры в Вене.\n"
        "«Мы готовы продолжать диалог с партнерами», — сказал Соколов.\n"
        "«Санкции не помогут решить этот вопрос», — заявил министр.\n");
    const auto* minister = find_quote(same, "Санкции не помогут");
    REQUIRE(minister);
    CHECK(minister->speaker == "Соколов");
    const auto deputy = extract_quotations(
        "Депутат Госдумы Олег Петров внес законопроект.\n"
        "«Закон защитит покупателей жилья», — сказал Петров.\n"
        "«Мы обсудим поправки во втором чтении», — продолжил парламентарий.\n");
    const auto* q = find_quote(deputy, "Мы обсудим");
    REQUIRE(q);
    CHECK(q->speaker == "Петров");
    // The pronoun path asks no role.
    const auto pronoun = extract_quotations(
        "Глава МИД Иван Соколов провел переговоры в Вене.\n"
        "«Мы готовы продолжать диалог с партнерами», — сказал Соколов.\n"
        "«Санкции не помогут решить этот вопрос», — заявил он.\n");
    const auto* he = find_quote(pronoun, "Санкции не помогут");
    REQUIRE(he);
    CHECK(he->speaker == "Соколов");
}

TEST_CASE("two people joined by 'и' are a plural subject: a later 'дама' or 'она' is neither of them") {
    const auto quotes = extract_quotations(
        "Прохожая знает, что на выборах борются Анна Смирнова и Иван Петров.\n"
        "«Оба кандидата мне совсем не нравятся», — говорит дама.\n");
    const auto* q = find_quote(quotes, "Оба кандидата");
    REQUIRE(q);
    CHECK(q->speaker.empty());
    // One person as the subject is still pointed back to.
    const auto one = extract_quotations(
        "На выборах борется Анна Смирнова.\n«Я обещаю снизить налоги в первый год», — говорит она.\n");
    const auto* s = find_quote(one, "Я обещаю");
    REQUIRE(s);
    CHECK(s->speaker == "Смирнова");
}

TEST_CASE("'другой мужчина', 'другая женщина' after the dash is someone new, not the speaker before") {
    const auto quotes = extract_quotations(
        "«Мы приехали сюда всей семьей на выходные», — сказал Иван Петров.\n"
        "«Я бываю здесь каждое лето с детьми», — сообщил другой мужчина.\n");
    const auto* first = find_quote(quotes, "Мы приехали");
    REQUIRE(first);
    CHECK(first->speaker == "Петров");
    const auto* other = find_quote(quotes, "Я бываю");
    REQUIRE(other);
    CHECK(other->speaker.empty());
}

TEST_CASE("a known person in the dative ('задавая вопрос Пашиняну') is not the subject of a quoted fragment") {
    const auto quotes = extract_quotations(
        "Премьер-министр Никол Пашинян ответил на вопросы граждан. Один из слушателей, задавая вопрос Пашиняну, выразил "
        "мнение, что влияние соседей - \"худшее, что может быть\".");
    for (const auto& q : quotes) CHECK(q.speaker != "Пашинян");
    // In the nominative the same person is the subject.
    const auto own = extract_quotations(
        "Отвечая на вопросы граждан, Пашинян выразил мнение, что такой подход - \"худшее, что может быть\".");
    const auto* q = find_quote(own, "худшее");
    REQUIRE(q);
    CHECK(q->speaker == "Пашинян");
}

TEST_CASE("the past tense of 'писать' after the dash quotes a writer ('— писал он', '— писала Глинка'); 'Об этом писала X' does not") {
    const auto quotes = extract_quotations(
        "В эмиграции Борис Яковенко продолжал работать над книгой.\n"
        "«Русская революция есть также и мое детище», – писал он.\n"
        "«Мы все были тогда очень молоды», — писала Анна Глинка.\n");
    const auto* he = find_quote(quotes, "Русская революция");
    REQUIRE(he);
    CHECK(he->speaker == "Яковенко");
    const auto* she = find_quote(quotes, "Мы все были");
    REQUIRE(she);
    CHECK(she->speaker == "Глинка");
    const auto topic = extract_quotations(
        "В уголовном кодексе есть понятие мотива и возможности. Об этом еще Агата Кристи писала.");
    for (const auto& q : topic) CHECK(q.speaker != "Кристи");
}

TEST_CASE("a surname alone after a title ('— заявила комиссар Озогуз', 'глава центра микробиологии Гинцбург') is the speaker") {
    const auto commissioner = extract_quotations(
        "«Мы можем жить вместе, только если все участвуют в жизни страны», — заявила комиссар Озогуз на презентации "
        "документа в Берлине.");
    REQUIRE(commissioner.size() == 1);
    CHECK(commissioner[0].speaker == "Озогуз");
    const auto head = extract_quotations(
        "«Препарат уничтожает не только опухоль, но и метастазы», — заявил глава центра эпидемиологии и микробиологии "
        "Гинцбург.");
    REQUIRE(head.size() == 1);
    CHECK(head[0].speaker == "Гинцбург");
}

TEST_CASE("a name after a dative or a place ('агентству Интерфакс', 'на базе Мирамар') or an abbreviation is no surname after a title") {
    const auto place = extract_quotations(
        "«Наша армия станет сильнее, чем когда-либо», — заявил президент на базе Мирамар в Калифорнии.");
    for (const auto& q : place) CHECK(q.speaker != "Мирамар");
    const auto body = extract_quotations(
        "«Санкции ударят прежде всего по самой Европе», — добавил профессор РАНХиГС.");
    for (const auto& q : body) CHECK(q.speaker != "РАНХиГС");
}

TEST_CASE("'Такое заявление сделал X' and 'С таким заявлением выступил X' give X the sentence before, quoted fragment and all") {
    const auto made = extract_quotations(
        "Санкционный режим стал «мотивирующим фактором для российских компаний и властей». Такое заявление сделал глава "
        "министерства Максим Орешкин по итогам встречи с бизнесом.");
    const auto* q = find_quote(made, "Санкционный режим");
    REQUIRE(q);
    CHECK(q->speaker == "Орешкин");
    const auto came = extract_quotations(
        "Парламент должен начать процедуру отстранения министра. С таким заявлением выступила депутат Анна Грин.");
    const auto* g = find_quote(came, "Парламент должен");
    REQUIRE(g);
    CHECK(g->speaker == "Грин");
    // A linked article's teaser cut short names no one.
    const auto teaser = extract_quotations(
        "Министр Иван Петров посетил Варшаву.\n Также по теме \n Требовать выплаты репараций — суверенное право страны. "
        "Такое заявление сделал глава правящей...\n");
    for (const auto& t : teaser) CHECK(t.speaker.empty());
}

TEST_CASE("'им.' and initials inside a title end no sentence, and whom a body is named after is no speaker") {
    const auto quotes = extract_quotations(
        "«Частицы бытовой химии медленно накапливаются в организме», — рассказал профессор МГУ им. М.В. Ломоносова "
        "Валерий Петросян.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Петросян");
    const auto after = extract_quotations(
        "По мнению сотрудника ИМЭМО РАН имени Е.М. Примакова Натальи Рогожиной, угроза терроризма сохраняется.");
    const auto* r = find_quote(after, "угроза");
    REQUIRE(r);
    CHECK(r->speaker == "Рогожина");
    const auto body = extract_quotations(
        "«Занятия начнутся не раньше весны», — говорится в сообщении университета им. Т.Г. Шевченко.");
    for (const auto& q : body) CHECK(q.speaker != "Шевченко");
}

TEST_CASE("a title that shares a word with someone else's role ('глава государства' after 'глава МИД X') is not that person") {
    const auto quotes = extract_quotations(
        "На открытии форума глава МИД Иван Петров зачитал послание президента. «Мир в регионе возможен уже в этом году», — "
        "заявил глава государства.");
    const auto* q = find_quote(quotes, "Мир в регионе");
    REQUIRE(q);
    CHECK(q->speaker != "Петров");
    // The same title of the person it names still points back.
    const auto same = extract_quotations(
        "На открытии форума глава МИД Иван Петров выступил с речью. «Мир в регионе возможен уже в этом году», — заявил "
        "глава МИД.");
    const auto* s = find_quote(same, "Мир в регионе");
    REQUIRE(s);
    CHECK(s->speaker == "Петров");
}

TEST_CASE("a quoted fragment after the verb of a named role ('Сенатор также добавил, что ... «...»') is that person's") {
    const auto quotes = extract_quotations(
        "Сенатор Иван Петров раскритиковал новый закон. «Это ошибка», — сказал Петров.\n"
        "Сенатор также добавил, что подобные законы принимаются каждый год, но «до их исполнения дело никогда не доходит».");
    const auto* q = find_quote(quotes, "до их исполнения");
    REQUIRE(q);
    CHECK(q->speaker == "Петров");
    // A word that is no title of a person (`экипаж`, `покупатель`) names no one.
    const auto crew = extract_quotations(
        "Капитан Иван Петров привёл судно в порт. «Шторм был сильным», — сказал Петров.\n"
        "Экипаж заявил, что судно «ожидает улучшения погодных условий в заливе».");
    for (const auto& c : crew) {
        if (c.text.find("ожидает") != std::string::npos) CHECK(c.speaker.empty());
    }
}

TEST_CASE("a fragment after a later verb goes to that verb's subject when the first verb's subject is no person") {
    const auto quotes = extract_quotations(
        "Центр анализа напоминает, что в январе командующий группировкой генерал Андрей Картов, докладывая о результатах, "
        "сообщил, что «за два месяца летчики выполнили четыреста вылетов».");
    const auto* q = find_quote(quotes, "за два месяца");
    REQUIRE(q);
    CHECK(q->speaker == "Картов");
    // The last verb before the fragment decides: its subject here is `тот`, no one named.
    const auto last = extract_quotations(
        "Газета сообщила, что Иван Петров предложил Сидорову остаться, однако тот отказался и назвал решение «большой "
        "ошибкой всей администрации».");
    for (const auto& l : last) {
        if (l.text.find("большой ошибкой") != std::string::npos) CHECK(l.speaker != "Петров");
    }
}

TEST_CASE("a line broken inside the speaker phrase ('— ⏎сообщила автор исследования⏎ Куини Чан') leaves the name whole") {
    const auto quotes = extract_quotations(
        "«Каждый кристалл соли представляет собой небольшую коробочку», — \nсообщила автор исследования\n Куини Чан.\n"
        "Учёные продолжат работу.");
    const auto* q = find_quote(quotes, "Каждый кристалл");
    REQUIRE(q);
    CHECK(q->speaker == "Чан");
    // A line that ends in a mark ends its sentence: a heading's first words are no name.
    const auto heading = extract_quotations(
        "«Работа продолжится и в следующем году», — сказал учёный.\nНовый Свет\nСледующая экспедиция начнётся весной.");
    for (const auto& h : heading) CHECK(h.speaker != "Свет");
}
