// Extractor: where the attribution of a quotation stands — after its
// closing mark, before a colon, inside it, or in `говорится в статье`.
#include "core/quotes/extractor.h"

#include "core/text.h"
#include "core/quotes/roles.h"
#include "core/quotes/words.h"

#include <algorithm>
#include <set>

namespace core::quotes_detail {
namespace {

constexpr std::size_t kMaxColonSpeakerWords = 6;
constexpr std::size_t kMaxSourceWords = 3;
constexpr std::size_t kMaxPlaceWords = 6;

// `Сенатор также добавил`, `Президент тогда сказал`: a word between the
// subject and its verb that is no part of the title.
bool is_adverb_before_verb(const std::string& normalized) {
    static const std::set<std::string> adverbs{"также", "тоже", "еще", "уже", "даже", "тогда", "вновь", "снова", "затем",
                                               "ранее", "позднее", "вчера", "сегодня", "накануне", "неоднократно", "однако",
                                               "прямо", "открыто", "лишь", "только", "в", "при"};
    return adverbs.count(normalized) != 0;
}

}  // namespace

bool Extractor::attribute_after(Quotation& quote, std::size_t after) {
    std::size_t at = after;
    bool comma = false;
    // `''«...»'', — сказал`, `«...»,** — подчеркнул`: wiki and Telegram markup.
    while (at < text.size() && (text[at] == ',' || text[at] == ' ' || text[at] == '.' || text[at] == '!' ||
                                text[at] == '?' || text[at] == '\'' || text[at] == '*' || text[at] == '_' ||
                                text.substr(at, 3) == "…")) {
        comma = comma || text[at] == ',';
        at += text.substr(at, 3) == "…" ? 3 : 1;
    }
    const std::string_view rest = text.substr(at);
    std::size_t dash = 0;
    for (std::string_view mark : {"—", "–", "-"}) {
        if (rest.substr(0, mark.size()) == mark) dash = mark.size();
    }
    if (dash == 0 && !comma) return false;
    // `», — ⏎сообщила автор исследования⏎ Куини Чан.`: RT's links leave the
    // line ending at the dash, the verb on the next line.
    std::size_t from = at + dash;
    if (const std::size_t gap_end = text.find_first_not_of(' ', from); dash != 0 && gap_end < text.size() && text[gap_end] == '\n') {
        from = gap_end + 1;
    }
    const std::size_t first = token_at(tokens, from);
    const std::size_t last = phrase_end_token(from);
    if (first >= last) return false;
    const std::string& verb = tokens[first].normalized;
    if (is_document_verb(verb)) return attribute_to_document(quote, first + 1, last);
    // `— приводятся слова министра Олега Туркова`, `— цитируется заявление Штайнмайера`.
    const bool passive = verb == "приводятся" || verb == "приводится" || verb == "цитируется" || verb == "цитируются";
    if (passive && first + 1 < last && is_speech_noun(tokens[first + 1].normalized)) {
        return attribute(quote, first + 2, last, false, true) && !quote.speaker.empty();
    }
    // `— привели в пресс-службе слова ...`: a verb of quoting in any tense.
    if ((is_finite_speech_verb(verb) || is_source_verb(verb) || quotes_its_object(verb)) && !tokens[first].capitalized) {
        if (!attribute_after_verb(quote, first, last)) return false;
        // `— заявил главком контингента в Европе, генерал-лейтенант Бен Ходжес`,
        // `— заявил актер, продюсер и директор Нейл Патрик Харрис`: a title the
        // phrase gives, then the name in apposition after a comma.
        if (!named_directly && !is_personal_pronoun_phrase(first + 1, last) && !is_plural_verb(verb) && !is_neuter_past(verb)) {
            if (const auto person = name_in_apposition(last)) {
                set_speaker(quote, *person);
                reference.reset();
            }
        }
        return true;
    }
    // `«...», — и добавил, что ...`: the speaker of the sentence before goes on.
    if (dash != 0 && verb == "и" && first + 1 < last && is_finite_speech_verb(tokens[first + 1].normalized)) {
        if (first + 2 < last) return attribute_after_verb(quote, first + 1, last);
        const Gender gender = gender_of_verb(tokens[first + 1].normalized);
        if (const auto person = previous_speaker(first, gender)) set_speaker(quote, *person);
        reference.emplace(first, gender);
        return true;
    }
    if (dash != 0 && first + 1 < last && is_finite_speech_verb(tokens[first + 1].normalized)) {
        return attribute(quote, first, first + 1, true, true);
    }
    return false;
}

bool Extractor::attribute_after_verb(Quotation& quote, std::size_t verb, std::size_t last) {
    const std::string& v = tokens[verb].normalized;
    // `— передает слова судьи издание`, `приводит слова министра`.
    if ((quotes_its_object(v) || is_source_verb(v)) && verb + 1 < last) {
        std::size_t words = skip_medium(verb + 1, last);
        // `— приводит пресс-служба слова министра ...`: a body that is no
        // medium may stand before the words too.
        const bool pronoun = words < last && (tokens[words].normalized == "его" || tokens[words].normalized == "ее");
        // `— привели в пресс-службе Корпорации МСП слова ...`: where the words
        // were given, a preposition's phrase, may stand before them.
        const bool place = words < last && (tokens[words].normalized == "в" || tokens[words].normalized == "на");
        const std::size_t reach = place ? kMaxPlaceWords : kMaxSourceWords;
        for (std::size_t k = words; !pronoun && k < last && k < words + reach; ++k) {
            if (tokens[k].normalized == "слова" && !tokens[k].capitalized && tokens[k - 1].normalized != "его" &&
                tokens[k - 1].normalized != "ее") {
                words = k;
                break;
            }
        }
        if (words < last && (tokens[words].normalized == "слова" || tokens[words].normalized == "слов")) {
            return attribute(quote, words + 1, last, false, true);
        }
        // `— приводит РИА Новости его слова`.
        if (words + 1 < last && (tokens[words].normalized == "его" || tokens[words].normalized == "ее") &&
            tokens[words + 1].normalized == "слова") {
            return attribute_to_antecedent(quote, words);
        }
    }
    if (quotes_its_object(v)) return attribute(quote, skip_medium(verb + 1, last), last, false, true);
    verb_gender = gender_of_verb(v);
    // `— высказал мнение Шифф`, `— поделился сомнениями один из жителей`:
    // the noun of speech the verb takes stands before the speaker.
    std::size_t subject = verb + 1;
    if (subject + 1 < last && !tokens[subject].capitalized && is_speech_noun(tokens[subject].normalized)) ++subject;
    const bool attributed = attribute(quote, subject, last, true, true);
    verb_gender = Gender::unknown;
    // `— сообщало Минэнерго`, `— сообщалось в заявлении`: a neuter verb has
    // a body or no one for its subject, like a plural one several.
    if (attributed && (is_plural_verb(v) || is_neuter_past(v))) {
        clear_speaker(quote);
        reference.reset();
    }
    return attributed;
}

std::optional<Person> Extractor::name_in_apposition(std::size_t after) const {
    constexpr std::size_t kMaxApposition = 14;
    constexpr std::size_t kMaxClauses = 2;
    constexpr std::size_t kMaxNameWords = 3;
    const auto gap_before = [&](std::size_t k) { return text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end); };
    // `концерна «Калашников», чемпион мира ...`: a quoted name may close the phrase before.
    const auto comma_only = [](std::string_view gap) {
        std::string rest(gap);
        for (std::string_view mark : {"»", "”", "\""}) {
            for (std::size_t at = rest.find(mark); at != std::string::npos; at = rest.find(mark)) rest.erase(at, mark.size());
        }
        return rest.find(',') != std::string::npos && rest.find_first_not_of(", ") == std::string::npos;
    };
    std::size_t start = after;
    for (std::size_t clause = 0; clause < kMaxClauses; ++clause) {
        if (start == 0 || start >= tokens.size() || !comma_only(gap_before(start))) return std::nullopt;
        // The apposition runs to the end of its clause: title words (`генеральный
        // директор Школы экспорта РЭЦ`, `эксперт по банкротству`), then the name.
        std::size_t end = start;
        while (end < tokens.size() && end - after < kMaxApposition && tokens[end].sentence == tokens[start].sentence &&
               (end == start || gap_before(end).find_first_of(",;:()") == std::string_view::npos)) {
            if (!tokens[end].capitalized && is_finite_speech_verb(tokens[end].normalized)) return std::nullopt;
            ++end;
        }
        // It closes there: the sentence ends, or a comma or a bracket follows
        // (`Харрис, известный своими ролями`), nothing else goes on.
        const std::size_t stop = text.find_first_not_of(' ', tokens[end - 1].end);
        if (stop < text.size() && std::string_view(",(").find(text[stop]) == std::string_view::npos &&
            sentence_end(tokens[end - 1].end) != stop) {
            return std::nullopt;
        }
        std::size_t name = end;
        while (name > start && end - name < kMaxNameWords && may_start_name(tokens[name - 1]) && !quoted[name - 1]) --name;
        // `, посвящённой их публикации, основатель WikiLeaks Джулиан Ассанж`:
        // a clause of its own before the title.
        if (name == end) {
            if (end >= tokens.size() || stop >= text.size() || text[stop] != ',') return std::nullopt;
            start = end;
            continue;
        }
        // `генетика из Университета Вандербильта`, `говоря о Черезове`: after a
        // preposition stands a place or what was spoken of.
        if (name > start && !tokens[name - 1].capitalized && is_preposition(tokens[name - 1].normalized)) return std::nullopt;
        // A first name and a surname, not a place or a body in apposition.
        const auto person = find_person(name, end, true, false);
        if (!person || person->token + 1 != end || (end - name < 2 && person->full_name == person->surname)) return std::nullopt;
        return person;
    }
    return std::nullopt;
}

bool Extractor::attribute_before(Quotation& quote, std::size_t open) {
    std::size_t at = open;
    // A colon may end the paragraph before: `... комментарии Николая Дурманова:` / `«...»`.
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\n')) --at;
    if (at == 0 || text[at - 1] != ':') return false;
    const std::size_t start = clause_start(at - 1);
    const std::size_t first = token_at(tokens, start);
    const std::size_t last = token_at(tokens, at - 1);
    if (first >= last) return false;
    std::size_t verb = last;
    for (std::size_t i = first; i < last; ++i) {
        // `Березовец пишет:` — a source verb introduces a person's words too.
        if (is_finite_speech_verb(tokens[i].normalized) || (is_source_verb(tokens[i].normalized) && !tokens[i].capitalized) ||
            (is_introducing_verb(tokens[i].normalized) && !tokens[i].capitalized)) {
            verb = i;
        }
    }
    // `В заявлении Гелетея, размещенном на сайте, говорится:`
    if (verb == last && is_document_verb(tokens[last - 1].normalized)) {
        const std::size_t comma_or_verb = std::min(last - 1, token_at(tokens, text.find(',', tokens[first].end)));
        return attribute_to_document(quote, first, comma_or_verb);
    }
    // Without a verb only a short clause names a speaker: `Лавров:`,
    // `Глава МИД Сергей Лавров:`, not a whole sentence ending in a colon.
    if (verb == last) {
        if (last - first <= kMaxColonSpeakerWords) return attribute(quote, first, last, false, true);
        // `Председатель комитета Госдумы по международным делам Леонид Слуцкий:`:
        // a long title, but a full name right before the colon.
        if (const auto person = full_name_ending_at(last); person) {
            set_speaker(quote, *person);
            return true;
        }
        const std::size_t topic = headline_topic(first, last);
        if (topic < last) return attribute(quote, first, topic, true, true);
        return attribute_to_words_of(quote, first, last);
    }
    // `заявил Лавров:` or `Лавров заявил:` / `Глава МИД заявил журналистам:`
    // `Соловьёв отметил, что ...:` — a comma after the verb: the speaker stands before it.
    const bool clause_follows = text.find_first_not_of(' ', tokens[verb].end) == text.find(',', tokens[verb].end);
    // A name in quote marks after the verb (`пишет стихотворение «Могила
    // Батюшкова»`) is no speaker.
    const auto after_verb = verb + 1 < last ? find_person(verb + 1, last, true, true) : std::nullopt;
    bool attributed = false;
    if (!clause_follows && after_verb && !quoted[after_verb->token]) {
        attributed = attribute(quote, verb + 1, last, true, true);
    } else {
        std::size_t subject = find_person(first, verb, true, true) ? first : clause_after_last_comma(first, verb);
        std::size_t subject_end = verb;
        // `Глава МИД, выступая перед журналистами, заявил:`, `он, отвечая на
        // вопрос, говорил:`: the subject stands before the gerund's clause.
        const std::size_t gerund = subject == verb && verb > first + 1 ? clause_after_last_comma(first, verb - 1) : verb;
        if (gerund > first && gerund < verb && is_gerund(tokens[gerund].normalized)) {
            subject_end = gerund;
            subject = clause_after_last_comma(first, gerund - 1);
            const std::size_t named = subject_before_verb(subject, subject_end);
            if (named < subject_end) {
                subject = named;
            } else if (subject_end - subject > kMaxColonSpeakerWords) {
                return false;
            }
        }
        attributed = attribute(quote, subject, subject_end, true, true);
    }
    // `Украинские «Вести» сообщают:`, `о чём заявило посольство:`: said by
    // several, or by a body.
    if (attributed && (is_plural_verb(tokens[verb].normalized) || is_neuter_past(tokens[verb].normalized))) {
        clear_speaker(quote);
        reference.reset();
    }
    return attributed;
}

bool Extractor::attribute_to_words_of(Quotation& quote, std::size_t first, std::size_t last) {
    // `По словам продюсера Ильи Стюарта, Серебренников успел ...:`
    if (first + 2 < last && tokens[first].normalized == "по" && is_reporting_noun(tokens[first + 1].normalized) &&
        reports_words(tokens[first + 1].normalized)) {
        const std::size_t comma = std::min(last, token_at(tokens, text.find(',', tokens[first + 1].end)));
        return attribute(quote, first + 2, comma, false, true) && !quote.speaker.empty();
    }
    // `RT удалось получить комментарии экс-главы РУСАДА Николая Дурманова:`:
    // a noun of speech, then a person the article names in full.
    for (std::size_t i = first; i + 1 < last; ++i) {
        if (tokens[i].capitalized || !is_speech_noun(tokens[i].normalized)) continue;
        const auto person = find_person(i + 1, last, false, false);
        if (!person || person->full_name == person->surname) return false;
        set_speaker(quote, *person);
        return true;
    }
    return false;
}

std::size_t Extractor::clause_start(std::size_t colon) const {
    const std::size_t start = sentence_start(colon);
    for (std::size_t at = colon; at > start; --at) {
        const auto span = quoted_span_at(at - 1);
        if (span && span->close > colon) return span->inside;
    }
    return start;
}

std::optional<Person> Extractor::full_name_ending_at(std::size_t end) const {
    constexpr std::size_t kMaxNameWords = 3;
    // `Роберт Ф. Кеннеди-младший:`
    if (end > 0 && !tokens[end - 1].capitalized &&
        (tokens[end - 1].normalized.rfind("старш", 0) == 0 || tokens[end - 1].normalized.rfind("младш", 0) == 0)) {
        --end;
    }
    const std::size_t from = end > kMaxNameWords ? end - kMaxNameWords : 0;
    const auto person = find_person(from, end, true, false);
    if (!person || person->token + 1 != end || end < 2 || normalize_text(person->surname) != tokens[end - 1].normalized) {
        return std::nullopt;
    }
    // The first name written right before (not `со стороны Собчак` for a
    // Ксения Собчак named elsewhere), and one person (not `Зе Луиш и Луис Адриано`).
    const std::size_t first_name = utf8_length(tokens[end - 2].raw) == 1 && end >= 3 ? end - 3 : end - 2;
    const std::string& name = tokens[first_name].normalized;
    if (person->full_name.rfind(tokens[first_name].raw + " ", 0) != 0 ||
        !(is_nominative_first_name(name) || first_name_nominative(name).empty())) {
        return std::nullopt;
    }
    if (first_name > 0 && tokens[first_name - 1].normalized == "и") return std::nullopt;
    return person;
}

std::size_t Extractor::headline_topic(std::size_t first, std::size_t last) const {
    for (std::size_t i = first + 1; i < last && i < first + 4; ++i) {
        const std::string& w = tokens[i].normalized;
        if (w == "о" || w == "об" || w == "про") return find_person(first, i, true, true) ? i : last;
    }
    return last;
}

std::size_t Extractor::clause_after_last_comma(std::size_t first, std::size_t verb) const {
    for (std::size_t i = verb; i > first; --i) {
        if (text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end).find(',') != std::string_view::npos) return i;
    }
    return first;
}

bool Extractor::attribute_to_document(Quotation& quote, std::size_t in, std::size_t last) {
    if (in + 1 >= last || (tokens[in].normalized != "в" && tokens[in].normalized != "во")) return false;
    const std::size_t source = in + 2;
    if (source >= last) return attribute_to_author_discussed(quote, in + 1);
    // Only someone the article shows to be a person: `в обращении
    // Общества` is a body's document.
    if (!names_a_body(source, last)) {
        const auto person = find_person(source, last, false, true);
        if (person && (person->full_name != person->surname || find_known(known, normalize_text(person->surname)))) {
            set_speaker(quote, *person);
            return true;
        }
    }
    add_title_words(quote, in, last);
    return tokens[source].capitalized || names_a_body(source, last);
}

bool Extractor::attribute_to_author_discussed(Quotation& quote, std::size_t document) {
    if (!is_authored_text(tokens[document].normalized)) return false;
    const auto person = previous_speaker(document);
    if (!person) return false;
    set_speaker(quote, *person);
    reference.emplace(document, Gender::unknown);
    return true;
}

bool Extractor::split_inside(Quotation& quote, std::size_t inside, std::size_t close) {
    for (std::size_t at = inside; at < close; ++at) {
        const std::size_t dash = comma_and_dash_at(at);
        if (dash == 0) continue;
        const std::size_t dash_end = at + dash;
        const std::size_t first = token_at(tokens, dash_end);
        if (first >= tokens.size() || !is_finite_speech_verb(tokens[first].normalized)) continue;
        const std::size_t attribution_end = sentence_end(dash_end);
        if (attribution_end >= close) continue;
        if (!attribute(quote, first + 1, std::min(phrase_end_token(dash_end), token_at(tokens, attribution_end)), true, true)) {
            continue;
        }
        const std::size_t resume = skip_spaces_and_dashes(text, attribution_end + 1, close);
        quote.text = std::string(text.substr(inside, at - inside)) + " " + std::string(text.substr(resume, close - resume));
        return true;
    }
    return false;
}

bool Extractor::attribute_fragment(Quotation& quote, std::size_t open) {
    const std::size_t first = token_at(tokens, subject_start(open));
    const std::size_t last = token_at(tokens, open);
    const std::size_t verb = fragment_verb(first, last);
    if (verb >= last || verb == first || has_body_subject(verb)) return false;
    if (attribute_to_subject(quote, first, verb, true)) return true;
    // `Центр АСТ напоминает, что ... генерал Андрей Картаполов, докладывая о
    // ..., сообщил, что «...»`: when the first verb's subject is no one, the
    // subject of the last verb before the fragment, named after the one before it.
    std::size_t before = verb, nearest = verb;
    for (std::size_t k = fragment_verb(verb + 1, last); k < last; k = fragment_verb(k + 1, last)) {
        before = nearest;
        nearest = k;
    }
    quote.speaker_title.clear();
    return nearest != verb && !has_body_subject(nearest) && attribute_to_subject(quote, before + 1, nearest, false);
}

bool Extractor::has_body_subject(std::size_t verb) const {
    // `Министерство ... подтвердило`: a neuter verb has a body for its subject.
    const std::string& v = tokens[verb].normalized;
    return is_plural_verb(v) || ends_with(v, "ло") || ends_with(v, "лось");
}

std::size_t Extractor::fragment_verb(std::size_t from, std::size_t last) const {
    // `Кардин предложил «наращивать ...»`: what one proposes is quoted too.
    while (from < last && !((is_finite_speech_verb(tokens[from].normalized) || is_characterising_verb(tokens[from].normalized) ||
                             is_introducing_verb(tokens[from].normalized)) &&
                            !tokens[from].capitalized)) {
        ++from;
    }
    return from;
}

bool Extractor::attribute_to_subject(Quotation& quote, std::size_t first, std::size_t verb, bool title) {
    for (std::size_t i = first; i < verb; ++i) {
        if (is_he_or_she(tokens[i].normalized)) {
            return attribute(quote, i, verb, true, true) && !quote.speaker.empty();
        }
    }
    reference.reset();
    // `После встречи с Ли Куан Ю президент Барак Обама назвал ... «...»`: a
    // name after a preposition is no subject.
    for (std::size_t from = first; from < verb;) {
        const auto person = find_person(from, verb, true, false);
        if (!person) break;
        // `Один из представителей диаспоры, задавая вопрос Пашиняну, выразил
        // мнение, что ... «...»`: a known person in the dative or the
        // instrumental is who was spoken to or of, not the subject.
        if (in_dative_or_instrumental(tokens[person->token])) {
            from = person->token + 1;
            continue;
        }
        // `пользователь под именем «... Пресненский район» сообщал`: a word
        // of a quoted name is no subject.
        if (quoted[person->token] && !quoted[first]) {
            from = person->token + 1;
            continue;
        }
        std::size_t start = std::min(person->token, verb - 1);
        while (start > from && may_start_name(tokens[start - 1])) --start;
        if (start == 0 || !is_preposition(tokens[start - 1].normalized)) {
            set_speaker(quote, *person);
            return true;
        }
        from = std::max(person->token, start) + 1;
    }
    // `Президент ответил, что ... «...»`, `Сенатор также добавил, что ...
    // «...»`: a bare title right before the verb points back as after a dash;
    // not `собеседник издания`, who is someone new.
    const std::size_t subject = clause_after_last_comma(first, verb);
    std::size_t role_end = subject;
    while (role_end < verb && !is_adverb_before_verb(tokens[role_end].normalized)) ++role_end;
    if (!title || role_end == subject || !is_role_phrase(subject, role_end, true) || !names_known_role(subject, role_end)) {
        return false;
    }
    return attribute(quote, subject, role_end, true, true) && !quote.speaker.empty();
}

bool Extractor::names_known_role(std::size_t from, std::size_t to) const {
    // `раунд пятый`, `экипаж`, `покупатель`: no title of a person.
    std::set<std::string> words;
    for (std::size_t i = from; i < to; ++i) words.insert(tokens[i].normalized);
    return names_a_role(words, true) || (to == from + 1 && is_referring_role(from, to));
}

std::size_t Extractor::subject_before_verb(std::size_t from, std::size_t verb) const {
    for (std::size_t i = from; i < verb; ++i) {
        if (is_he_or_she(tokens[i].normalized)) return i;
    }
    return find_person(from, verb, true, false) ? from : verb;
}

}  // namespace core::quotes_detail
