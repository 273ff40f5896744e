// Extractor: who a phrase names — a person by name, a pronoun or a title
// referring back, a body, or someone unnamed.
#include "core/quotes/extractor.h"

#include "core/data.h"
#include "core/stopwords.h"
#include "core/text.h"
#include "core/quotes/roles.h"
#include "core/quotes/words.h"

#include <algorithm>
#include <set>

namespace core::quotes_detail {
namespace {

constexpr std::size_t kMaxSpeakerPhraseWords = 20;
constexpr std::size_t kMaxTitleWords = 6;

}  // namespace

bool Extractor::attribute(Quotation& quote, std::size_t from, std::size_t to, bool nominative, bool first_position) {
    to = std::min(to, from + kMaxSpeakerPhraseWords);
    reference.reset();
    named_directly = false;
    if (from >= to) return false;
    const std::string& first = tokens[from].normalized;
    if (first == "они" || first == "их") return false;  // several people: no one speaker
    if (is_personal_pronoun_phrase(from, to)) return attribute_to_antecedent(quote, from);
    // `— рассказал изданию депутат Алексей Гончаренко`: a medium in the
    // dative is who was told, not who spoke.
    const bool told = is_dative_medium(tokens[from]);
    if (told) from = skip_medium(from + 1, to) < to ? from + 1 : from;
    const bool body = !told && names_a_body(from, to);
    if (!body) {
        if (auto person = find_person(from, to, nominative, first_position)) {
            set_speaker(quote, *person);
            named_directly = true;
            return true;
        }
        from = skip_adverbial(from, to);
    }
    add_title_words(quote, from, to);
    const std::size_t title_end = title_end_token(from, to);
    // `— добавил собеседник RT`: an unnamed role word alone points back.
    if (!body && nominative && is_referring_role(from, to)) {
        const Gender wanted = verb_gender != Gender::unknown ? verb_gender : gender_of_role(tokens[from].normalized);
        // `— сказал собеседник агентства` after `сообщил РИА Новости его
        // помощник Малик Аминов`: the one the agency spoke with is the speaker
        // of a quotation before, never merely the last person named.
        if (from + 1 < to && is_genitive_medium(tokens[from + 1])) {
            if (auto person = previous_speaker(from, wanted); person && quoted_before(*person, from)) set_speaker(quote, *person);
            return true;
        }
        if (auto person = previous_speaker(from, wanted)) set_speaker(quote, *person);
        // Resolved again once every quotation is found (`По мнению X, ...` comes later).
        reference.emplace(from, wanted);
        return true;
    }
    // `представитель компании`, `источник`: someone new and unnamed.
    if (body || names_unnamed_speaker(from, title_end)) return true;
    // `цитирует поручение`, `по данным за год`: a thing, not a person.
    if (!nominative && !looks_like_person_in_oblique_case(tokens[head_of(from, title_end)].normalized)) return true;
    if (auto person = person_with_title(from, title_end, nominative)) set_speaker(quote, *person);
    return true;
}

void Extractor::add_title_words(Quotation& quote, std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to && i < from + kMaxTitleWords; ++i) {
        quote.speaker_title += (quote.speaker_title.empty() ? "" : " ") + tokens[i].raw;
    }
}

bool Extractor::is_personal_pronoun_phrase(std::size_t from, std::size_t to) const {
    const std::string& first = tokens[from].normalized;
    if (is_he_or_she(first)) return true;
    return (first == "его" || first == "ее") && skip_medium(from + 1, to) == to;
}

bool Extractor::attribute_to_antecedent(Quotation& quote, std::size_t pronoun) {
    const Gender gender = gender_of_pronoun(tokens[pronoun].normalized);
    // Kept with no speaker when no one is found yet: the antecedent may be
    // found by a later pass (`По словам Гонзалеса, ...` / `«...», — сообщил он`),
    // and resolve_references asks again.
    if (const auto person = previous_speaker(pronoun, gender)) set_speaker(quote, *person);
    reference.emplace(pronoun, gender);
    return true;
}

int Extractor::person_score(std::size_t begin, std::size_t end, bool first_position, bool nominative, std::string& first_name) const {
    const int score = name_score(begin, end, first_position, nominative, first_name);
    if (score == 0 || end - begin != 1 || !first_name.empty()) return score;
    // Asked last, of the few words that would otherwise be a speaker: the dictionary is dear.
    const Person* found = find_known(known, tokens[begin].normalized);
    return (!found || found->full_name == found->surname) && is_dictionary_word(tokens[begin]) ? 0 : score;
}

int Extractor::name_score(std::size_t begin, std::size_t end, bool first_position, bool nominative, std::string& first_name) const {
    first_name.clear();
    for (std::size_t k = begin; k < end; ++k) {
        if (nominative && looks_instrumental_or_dative(tokens[k].normalized) && !is_known_nominative(tokens[k])) return 0;
    }
    for (std::size_t k = begin; k + 1 < end; ++k) {
        if (std::string name = first_name_nominative(tokens[k].normalized); !name.empty()) first_name = name;
    }
    const Token& last = tokens[end - 1];
    // `постпреда Соединённых Штатов`, `Белый Дом`: an adjective and its noun, no name.
    if (end - begin == 2 && first_name.empty() && looks_adjectival(tokens[begin].normalized) && !find_known(known, last.normalized)) {
        return 0;
    }
    if (!first_name_nominative(last.normalized).empty() || is_latin_word(last.normalized)) {
        return !first_name.empty() && is_latin_word(last.normalized) ? 3 : 0;
    }
    if (!first_name.empty()) return 3;
    // `рассказал о форме Уайлда тренер Денис Салагаев`: a known surname in
    // another case where the subject is sought yields to a full name.
    if (find_known(known, last.normalized)) return nominative && end - begin == 1 && !is_known_nominative(last) ? 2 : 3;
    // `Российский президент назвал`: an adjective opening a sentence.
    if (end - begin == 1 && last.sentence_start && looks_adjectival(last.normalized)) return 0;
    // `по словам главы Сургутского района`, `Чешское ТВ`: an adjective before its noun.
    if (end - begin == 1 && looks_adjectival(last.normalized) && end < tokens.size() &&
        (!tokens[end].capitalized || tokens[end].all_caps) &&
        tokens[end].begin == last.end + 1 && text[last.end] == ' ' && !is_stopword(tokens[end].normalized)) {
        return 0;
    }
    // `по мнению России`, `в заявлении МИД Украины`: a place, not a person.
    // `Президент Украины считает`: so too a subject's genitive, where only a
    // word right after the verb may be an indeclinable surname (`— сказал Мухамедиулы`).
    const bool bare_after_verb = end - begin == 1 && first_position;
    if (looks_like_place_genitive(last.normalized) && ((!nominative && end - begin == 1) || (nominative && !bare_after_verb))) {
        return 0;
    }
    if (has_surname_suffix(last.normalized)) return 2;
    // `Ларс Нильсон`: two capitalised words inside a sentence, the second not
    // in an oblique case, read as first name and surname.
    const bool case_fits = !nominative || !ends_like_oblique_noun(last.normalized);
    if (end - begin == 2 && !opens_sentence(begin) && case_fits) return 2;
    // `кардинал Федерико Ломбарди`: a surname no dictionary knows after a
    // word that is no common word of its own (unlike `Совета Федерации`,
    // `Белый Дом`) are a foreign first name and surname.
    if (end - begin == 2 && !opens_sentence(begin) && !is_common_headword(tokens[begin]) && !in_dictionary(last)) return 2;
    // `университета Перуджи Марко Лоренци`: the last two of a longer run.
    if (end - begin > 2 && !is_common_headword(tokens[end - 2]) && !in_dictionary(last) &&
        !looks_adjectival(tokens[end - 2].normalized)) {
        return 2;
    }
    // `премьер Малайзии Наджиб Разак`: a place before a name.
    if (end - begin > 2 && case_fits && ends_like_oblique_noun(tokens[end - 3].normalized) &&
        !ends_like_oblique_noun(tokens[end - 2].normalized) && !looks_adjectival(tokens[end - 2].normalized)) {
        return 2;
    }
    // A lone word with no sign of a name counts only right after the verb
    // (`сказал Шойгу`); deeper in a phrase it is more often an organisation.
    // Right after the verb the subject stands in the nominative whatever its
    // ending (`— добавил Бадалбейли`).
    const bool bare = end - begin == 1;
    if (first_position && bare && !last.sentence_start) return 1;
    return bare && nominative && surname_after_title(begin) ? 1 : 0;
}

bool Extractor::opens_sentence(std::size_t at) const {
    if (at == 0 || !tokens[at].sentence_start) return tokens[at].sentence_start;
    // `— ⏎сообщила автор исследования⏎ Куини Чан`: RT's links break the
    // line inside a sentence, after a word in lower case and no mark.
    const Token& before = tokens[at - 1];
    const std::string_view gap = text.substr(before.end, tokens[at].begin - before.end);
    return before.capitalized || gap.find_first_not_of(" \n") != std::string_view::npos ||
           std::count(gap.begin(), gap.end(), '\n') != 1;
}

bool Extractor::surname_after_title(std::size_t at) const {
    // `— заявила комиссар Озогуз на презентации`, `глава центра
    // микробиологии Гинцбург`: a word in the nominative (no oblique ending)
    // that no dictionary knows, right after a title noun or its genitive, is
    // the surname; `глава Минфина`, `министр Бразилии` stand in the genitive.
    // After a dative or a place (`агентству Интерфакс`, `на базе Мирамар`)
    // stands a name of a thing.
    if (at == 0) return false;
    const Token& title = tokens[at - 1];
    const Token& word = tokens[at];
    if (title.capitalized || title.sentence != word.sentence || title.end + 1 != word.begin || text[title.end] != ' ' ||
        is_preposition(title.normalized) || is_stopword(title.normalized) || looks_adjectival(title.normalized) ||
        has_verb_ending(title.normalized) || utf8_length(title.raw) < 4) {
        return false;
    }
    for (std::string_view ending : {"е", "у", "ю", "ам", "ям"}) {
        if (ends_with(title.normalized, ending)) return false;
    }
    // `РАНХиГС`: a capital inside the word makes it an abbreviation.
    if (word.raw != capitalize(word.normalized)) return false;
    return !word.all_caps && !is_latin_word(word.normalized) && !ends_like_oblique_noun(word.normalized) &&
           !ends_with(word.normalized, "о") && !in_dictionary(word);
}

bool Extractor::is_known_nominative(const Token& word) const {
    const Person* found = find_known(known, word.normalized);
    return found && normalize_text(found->surname) == word.normalized;
}

bool Extractor::in_dative_or_instrumental(const Token& word) const {
    const Person* found = find_known(known, word.normalized);
    if (!found || normalize_text(found->surname) == word.normalized) return false;
    for (std::string_view ending : {"у", "ю", "ом", "ем", "ым", "им", "ой", "ей"}) {
        if (ends_with(word.normalized, ending)) return true;
    }
    return false;
}

std::optional<Person> Extractor::find_person(std::size_t from, std::size_t to, bool nominative, bool first_position) const {
    std::optional<Person> best;
    int best_score = 0;
    for (std::size_t i = from; i < to; ++i) {
        if (!may_start_name(tokens[i])) continue;
        // `SYZ Asset Management Стефано Джирола`: a Latin name and a Cyrillic one are two runs.
        std::size_t end = i + 1;
        while (end < to && (may_start_name(tokens[end]) || name_particle_at(end, to)) &&
               is_latin_word(tokens[end].normalized) == is_latin_word(tokens[i].normalized) && !starts_second_name(end)) {
            ++end;
        }
        // `университета им. Т.Г. Шевченко`: whom a body is named after. Its
        // name ends at the surname; a name after it (`ИМЭМО РАН имени Е.М.
        // Примакова Натальи Рогожиной`) is read on.
        if (names_eponym(i)) {
            std::size_t k = i;
            while (k < end && utf8_length(tokens[k].raw) == 1) ++k;
            if (k + 1 < end && !first_name_nominative(tokens[k].normalized).empty()) ++k;
            i = k;
            continue;
        }
        // `пресс-секретарь Путина Дмитрий Песков`: the name before another is
        // the genitive of whose title it is.
        if (end < to && may_start_name(tokens[end]) && starts_second_name(end)) {
            i = end - 1;
            continue;
        }
        // `— заявила комиссар Озогуз на презентации в Берлине`: one word right
        // after a preposition is a place or a thing, never the subject.
        // (`С.Буянский`, `В.Путин`: an initial is no preposition.)
        // `директор центра медицины катастроф в Грозном Рукман Бартиев`: the
        // place goes, a first name and surname after it stay.
        if (nominative && i > from && !tokens[i - 1].capitalized && is_preposition(tokens[i - 1].normalized)) {
            const bool hyphenated = end == i + 2 && tokens[i + 1].begin == tokens[i].end + 1 && text[tokens[i].end] == '-';
            if (end == i + 1 || hyphenated) continue;  // `в Эр-Рияде`
            if (end >= i + 3) ++i;
        }
        std::string first_name;
        // (`Ян Рязанцев`: a Russian surname after it makes `Ян` a first name.)
        const bool east_asian = east_asian_name_length(tokens, i) > 0 && find_known(known, tokens[i].normalized) &&
                                !(i + 1 < end && (ends_with(tokens[i + 1].normalized, "ов") || ends_with(tokens[i + 1].normalized, "ев")));
        const int score = east_asian ? 3 : person_score(i, end, first_position && i == from, nominative, first_name);
        if (score > best_score) {
            best = east_asian ? person_named_by(i, "", true) : person_named_by(end - 1, first_name, nominative);
            best_score = score;
        }
        i = end - 1;
    }
    return best;
}

bool Extractor::names_eponym(std::size_t name_begin) const {
    // `им. Т.Г. Шевченко`: initials may stand between.
    std::size_t k = name_begin;
    while (k > 0 && tokens[k - 1].capitalized && utf8_length(tokens[k - 1].raw) == 1) --k;
    return k > 0 && (tokens[k - 1].normalized == "им" || tokens[k - 1].normalized == "имени");
}

bool Extractor::starts_second_name(std::size_t at) const {
    return is_nominative_first_name(tokens[at].normalized) && first_name_nominative(tokens[at - 1].normalized).empty();
}

bool Extractor::name_particle_at(std::size_t at, std::size_t to) const {
    static const std::set<std::string> particles{"де", "ди", "да", "дель", "делла", "фон", "ван", "дер", "ле", "ла", "бин", "ибн",
                                                 "аль", "эль"};
    return at + 1 < to && !tokens[at].capitalized && particles.count(tokens[at].normalized) != 0 &&
           may_start_name(tokens[at + 1]) && tokens[at + 1].sentence == tokens[at].sentence;
}

Person Extractor::person_named_by(std::size_t surname, const std::string& first_name, bool nominative) const {
    const Token& last = tokens[surname];
    if (const Person* found = find_known(known, last.normalized)) {
        Person person = *found;
        person.token = surname;
        return person;
    }
    Person person;
    person.surname = nominative ? last.raw : surname_nominative(last);
    person.full_name = first_name.empty() ? person.surname : first_name + " " + person.surname;
    person.token = surname;
    person.gender = first_name.empty() ? gender_of_surname(person.surname)
                                       : (is_female_first_name(first_name) ? Gender::female : Gender::male);
    return person;
}

std::optional<Person> Extractor::person_with_title(std::size_t from, std::size_t to, bool nominative) {
    // `— заявил накануне турецкий лидер`: when it was said is no part of the title.
    static const std::set<std::string> times{"накануне", "ранее", "позднее", "позже", "затем", "тогда", "сегодня", "вчера", "впоследствии"};
    while (from + 1 < to && times.count(tokens[from].normalized) != 0) ++from;
    std::vector<std::string> title_words;
    for (std::size_t i = from; i < to; ++i) {
        if (!is_stopword(tokens[i].normalized)) title_words.push_back(tokens[i].normalized);
    }
    // `глава государства` after `глава МИД РФ Сергей Лавров`: a word in
    // common is no match when the article gives the person another role.
    if (auto person = resolve_title(title_words, mentions, from);
        person && fits(*person, verb_gender) && !titled_as_other_role(*person, title_words)) {
        return person;
    }
    // `— продолжил парламентарий`: a bare role word refers back to the
    // person quoted or named just before, unless the article gives the
    // role to someone else too.
    if (!is_role_phrase(from, to, nominative) || role_names_someone_else(tokens[head_of(from, to)].normalized, from)) {
        return std::nullopt;
    }
    const Gender wanted = verb_gender != Gender::unknown ? verb_gender : gender_of_role(tokens[head_of(from, to)].normalized);
    auto person = previous_speaker(from, wanted);
    if (!person || titled_otherwise(*person, title_words)) return std::nullopt;
    role_references[from] = title_words;
    reference.emplace(from, wanted);
    // Asked again by resolve_references: `По мнению Пушкова, ...` before
    // `— отметил сенатор` may be found by a later pass.
    if (titled_as_other_role(*person, title_words)) return std::nullopt;
    return person;
}

bool Extractor::is_referring_role(std::size_t from, std::size_t to) const {
    static const std::set<std::string> roles = [] {
        const std::vector<std::string> words = data::words(data::kReferringRoles);
        return std::set<std::string>(words.begin(), words.end());
    }();
    // `топ-менеджер` is two tokens; a medium after the word (`RT`) adds nothing.
    std::size_t i = from;
    if (i + 1 < to && tokens[i].normalized == "топ") ++i;
    if (i >= to || roles.count(tokens[i].normalized) == 0) return false;
    // `— заключил собеседник агентства`: the medium's common noun in the
    // genitive is the medium that spoke with the one just named.
    std::size_t after = i + 1;
    if (after < to && is_genitive_medium(tokens[after])) ++after;
    return skip_medium(after, to) == to;
}

bool Extractor::quoted_before(const Person& person, std::size_t token) const {
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (byte_begin[i] < tokens[token].begin && !out[i].speaker.empty() && person_of(out[i]).surname == person.surname) return true;
    }
    return false;
}

bool Extractor::is_genitive_medium(const Token& word) const {
    const std::string& w = word.normalized;
    return !word.capitalized && (w == "агентства" || w == "издания" || w == "газеты" || w == "телеканала" || w == "портала" ||
                                 w == "журнала" || w == "радиостанции");
}

bool Extractor::is_role_phrase(std::size_t from, std::size_t to, bool nominative) const {
    if (to - from > 3 || from >= to) return false;
    const std::string& head = tokens[head_of(from, to)].normalized;
    if (is_stopword(head) || head.size() <= 4) return false;  // `за 2013 год`
    // `высказал сомнения`, `мнение`: abstract nouns name no one.
    for (std::string_view ending : {"ние", "ния", "тие", "тия", "ость", "ости"}) {
        if (ends_with(head, ending)) return false;
    }
    if (!nominative && !looks_like_person_in_oblique_case(head)) return false;
    // `утверждает кандидатуру`: an object, not the subject.
    if (nominative && (ends_with(head, "у") || ends_with(head, "ю") || ends_with(head, "ом") || ends_with(head, "ем"))) {
        return false;
    }
    // `Дипломат напомнила:`: capitalised only as a sentence's first word.
    for (std::size_t i = from; i < to; ++i) {
        if ((tokens[i].capitalized && !(i == from && tokens[i].sentence_start && is_common_headword(tokens[i]))) ||
            is_latin_word(tokens[i].normalized)) {
            return false;
        }
    }
    return true;
}

bool Extractor::role_names_someone_else(const std::string& role_head, std::size_t before) const {
    const std::set<std::string> head{role_head};
    for (std::size_t k = 0; k + 1 < before; ++k) {
        if (quoted[k] || !shares_root(tokens[k].normalized, head)) continue;
        // The capitalised words right after it (`Московский и ...`, not `РФ`).
        bool names_someone = false, names_known_person = false;
        for (std::size_t j = k + 1; j < before && tokens[j].capitalized && tokens[j].sentence == tokens[k].sentence; ++j) {
            names_someone = names_someone || !tokens[j].all_caps;
            names_known_person = names_known_person || find_known(known, tokens[j].normalized);
        }
        if (names_someone && !names_known_person) return true;
    }
    return false;
}

bool Extractor::titled_otherwise(const Person& person, const std::vector<std::string>& title_words) const {
    for (const Mention& m : mentions) {
        if (m.person.surname == person.surname && qualifiers_conflict(title_words, m.context)) return true;
    }
    return false;
}

bool Extractor::titled_as_other_role(const Person& person, const std::vector<std::string>& title_words) const {
    const std::set<std::string> title(title_words.begin(), title_words.end());
    if (!names_a_role(title, false)) return false;
    bool has_role = false;
    for (const Mention& m : mentions) {
        // Named in another case (`действия сенатора ... Волкера`), the words
        // before may be someone else's title: only the nominative tells.
        if (m.person.surname != person.surname || !m.nominative || !names_a_role(m.context, true)) continue;
        if (same_role(title, m.context, true)) return false;
        has_role = true;
    }
    return has_role;
}

bool Extractor::names_a_body(std::size_t from, std::size_t to) const {
    static const std::vector<std::string_view> bodies = data::lines(data::kSpeakerBodies);
    if (from < to && (tokens[from].normalized == "в" || tokens[from].normalized == "во")) ++from;
    if (from >= to) return false;
    if (to - from == 1 && tokens[from].all_caps) return true;
    from = head_of(from, to);
    std::string phrase;
    for (std::size_t i = from; i < to && i < from + 3; ++i) phrase += tokens[i].normalized + " ";
    for (std::string_view body : bodies) {
        // The body's word with an ending of at most two letters:
        // `посольства`, not `советник` for `совет`.
        if (phrase.compare(0, body.size(), body) == 0 && phrase.find(' ', body.size()) <= body.size() + 4) return true;
    }
    return false;
}

bool Extractor::is_dative_medium(const Token& word) const {
    const std::string& w = word.normalized;
    return !word.capitalized && (w == "изданию" || w == "агентству" || w == "газете" || w == "телеканалу" || w == "порталу" ||
                                 w == "журналу" || w == "радиостанции");
}

bool Extractor::names_unnamed_speaker(std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to; ++i) {
        if (is_unnamed_speaker_word(tokens[i].normalized)) return true;
    }
    return false;
}

std::size_t Extractor::skip_adverbial(std::size_t from, std::size_t to) const {
    if (from + 2 >= to || !is_preposition(tokens[from].normalized)) return from;
    std::size_t i = from + 2;
    while (i < to && (tokens[i].capitalized || is_latin_word(tokens[i].normalized))) ++i;
    return i < to ? i : from;
}

std::size_t Extractor::title_end_token(std::size_t from, std::size_t to) const {
    for (std::size_t i = from + 1; i < to && i < from + kMaxTitleWords; ++i) {
        if (is_preposition(tokens[i].normalized)) return i;
    }
    return std::min(to, from + kMaxTitleWords);
}

std::size_t Extractor::head_of(std::size_t from, std::size_t to) const {
    std::size_t head = from;
    while (head + 1 < to && looks_adjectival(tokens[head].normalized)) ++head;
    return head;
}

std::size_t Extractor::skip_medium(std::size_t i, std::size_t last) const {
    static const std::vector<std::string> agencies = [] {
        std::vector<std::string> out;
        for (std::string_view line : data::lines(data::kAgencies)) out.push_back(normalize_text(line));
        return out;
    }();
    while (i < last) {
        const Token& t = tokens[i];
        // `РИА Новости` before `РИА` alone, which would leave `Новости` for a name.
        if (const std::size_t words = agency_words_at(i, agencies); words > 0) {
            i += words;
        } else if (t.all_caps || t.in_name_of_site || is_latin_word(t.normalized)) {
            ++i;
        } else if (t.after_open_quote) {
            std::size_t closer_size = 0;
            const QuotePair* pair = nullptr;
            std::size_t open = t.begin;
            while (open > 0 && !(pair = quote_opening_at(text, open - 1, false))) --open;
            const std::size_t close = pair ? find_closing(text, open, *pair, closer_size) : std::string_view::npos;
            if (close == std::string_view::npos) return i;
            i = token_at(tokens, close);
        } else {
            break;
        }
    }
    return i;
}

std::size_t Extractor::agency_words_at(std::size_t i, const std::vector<std::string>& agencies) const {
    for (const std::string& agency : agencies) {
        std::string phrase;
        std::size_t k = i;
        while (k < tokens.size() && phrase.size() < agency.size()) {
            phrase += (phrase.empty() ? "" : " ") + tokens[k].normalized;
            ++k;
        }
        if (phrase == agency && tokens[i].capitalized) return k - i;
    }
    return 0;
}

}  // namespace core::quotes_detail
