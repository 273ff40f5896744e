#include "core/quotes/people.h"

#include "core/stopwords.h"
#include "core/text.h"
#include "core/quotes/words.h"

#include <algorithm>

namespace core::quotes_detail {
namespace {

constexpr std::size_t kTitleContextWords = 8;

void learn_person(KnownPersons& known, const std::string& key, Person person) {
    auto [it, added] = known.emplace(key, person);
    if (added) return;
    // A full name or a gender learnt later completes what is known.
    if (it->second.full_name == it->second.surname && person.full_name != person.surname) it->second = person;
    if (it->second.gender == Gender::unknown) it->second.gender = person.gender;
}

// `Александра`, `Евгения`: a woman's name, or the genitive of a man's
// (`главы ведомства Александра Жарова`); news more often mean the man.
// Returns the man's name (`Александр`), or "".
std::string male_name_in_genitive(const Token& first, const Token& surname) {
    const std::string& name = first.normalized;
    if (!(ends_with(name, "а") || ends_with(name, "я")) || !ends_with(surname.normalized, "а")) return {};
    const std::string stem = name.substr(0, name.size() - 2);
    for (const std::string& male : {stem, stem + "й"}) {
        if (is_listed_first_name(male)) return first_name_nominative(male);
    }
    return {};
}

void learn_full_names(const std::vector<Token>& tokens, KnownPersons& known) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        // Capitalised first: most words are not, and their first name is not looked up.
        if (!tokens[i].capitalized) continue;
        const std::string first = first_name_nominative(tokens[i].normalized);
        if (first.empty()) continue;
        std::size_t surname = i + 1;
        // `Сергеевич`, and an initial: `Джордж Х. Кинг`.
        const bool initial = utf8_length(tokens[surname].raw) == 1;
        if ((is_patronymic(tokens[surname].normalized) || initial) && surname + 1 < tokens.size()) ++surname;
        if (!may_be_surname(tokens[surname]) || tokens[surname].sentence != tokens[i].sentence) continue;
        Person person;
        const std::string man = is_female_first_name(first) ? male_name_in_genitive(tokens[i], tokens[surname]) : "";
        person.gender = is_female_first_name(first) && man.empty() ? Gender::female : Gender::male;
        const bool first_declines = !ends_with(tokens[i].normalized, "о") && !ends_with(tokens[i].normalized, "э");
        person.surname = is_nominative_first_name(tokens[i].normalized) && first_declines && man.empty()
                             ? tokens[surname].raw
                             : surname_nominative_for(tokens[surname], person.gender);
        person.full_name = (man.empty() ? first : man) + " " + person.surname;
        learn_person(known, name_key(tokens[surname].normalized), person);
    }
}

// `выразил`, `пришла`: a past-tense verb (not `генерал`, `маршал`).
bool looks_past_tense(const std::string& word) {
    for (std::string_view ending : {"ил", "ел", "ыл", "ила", "ела", "ыла", "ала", "или", "ели", "али"}) {
        if (ends_with(word, ending)) return true;
    }
    return false;
}

// Whether a capitalised word of the same sentence follows token `i`
// (`Айдын Мирзазаде`: `Айдын` is no surname there).
bool followed_by_capitalised(const std::vector<Token>& tokens, std::size_t i) {
    return i + 1 < tokens.size() && tokens[i + 1].capitalized && tokens[i + 1].sentence == tokens[i].sentence &&
           tokens[i + 1].begin == tokens[i].end + 1;
}

// `Замдиректора центра Фаридун Усмонов`, `Архитектор Омар Калияев`: a
// capitalised word inside a sentence that is no first name we list, then a
// man's surname in the nominative (-ов, -ев, -ин, -ын, -ский, -цкий, -ич:
// `Франц Клинцевич`). Without them, `— сказал он` after such a sentence went
// back past this person to someone named before. A first word the dictionary knows as a common word
// (`Омар`, `Президент`) is kept out of the full name.
void learn_unlisted_first_names(std::string_view text, const std::vector<Token>& tokens, KnownPersons& known) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& first = tokens[i];
        const Token& surname = tokens[i + 1];
        // At a sentence start only a word no dictionary knows (`Ренат`, not `Также`).
        const bool opening = first.sentence_start;
        if (!may_start_name(first) || is_latin_word(first.normalized) ||
            !first_name_nominative(first.normalized).empty() || looks_adjectival(first.normalized) ||
            is_patronymic(first.normalized) || surname.sentence != first.sentence || surname.begin != first.end + 1 ||
            text[first.end] != ' ' || !may_be_surname(surname) ||
            !(gender_of_surname(surname.raw) == Gender::male || ends_with(surname.normalized, "ич")) ||
            followed_by_capitalised(tokens, i + 1) || is_common_headword(surname) ||
            (opening && (is_stopword(first.normalized) || in_dictionary(first) || is_common_headword(first)))) {
            continue;
        }
        Person person;
        person.surname = surname.raw;
        person.full_name = is_common_headword(first) ? surname.raw : first.raw + " " + surname.raw;
        person.token = i + 1;
        person.gender = Gender::male;
        learn_person(known, name_key(surname.normalized), person);
    }
}

// `сказал`, `призналась`: a past-tense verb of one man or one woman, its gender.
Gender gender_of_past_verb(const std::string& word) {
    static constexpr std::string_view vowels[] = {"а", "е", "и", "о", "у", "ы", "я", "ё"};
    std::string stem = word;
    if (ends_with(stem, "ся") || ends_with(stem, "сь")) stem.resize(stem.size() - 4);
    const bool female = ends_with(stem, "ла");
    if (!female && !ends_with(stem, "л")) return Gender::unknown;
    stem.resize(stem.size() - (female ? 4 : 2));
    for (std::string_view vowel : vowels) {
        if (ends_with(stem, vowel)) return female ? Gender::female : Gender::male;
    }
    return Gender::unknown;
}

// `Линас Линкявичюс во время встречи в Вашингтоне ... заявил`: a verb of
// speech further on in the clause of the name ending at token `name_end`,
// with no comma or quote mark before it; npos when there is none.
std::size_t speech_verb_later(std::string_view text, const std::vector<Token>& tokens, std::size_t name_end) {
    constexpr std::size_t kMaxWords = 12;
    for (std::size_t k = name_end + 1; k < tokens.size() && k <= name_end + kMaxWords; ++k) {
        const std::string_view between = text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end);
        if (tokens[k].sentence != tokens[name_end].sentence || between.find_first_of(",:;\"") != std::string_view::npos ||
            between.find("«") != std::string_view::npos || between.find("»") != std::string_view::npos) {
            return std::string_view::npos;
        }
        if (!tokens[k].capitalized && is_finite_speech_verb(tokens[k].normalized)) return k;
    }
    return std::string_view::npos;
}

// The verb whose subject is the name ending at token `name_end`: right after
// it, past an adverb (`Ребекка Спич откровенно призналась`) or a title
// between commas (`Вэнни Ралли, студентка колледжа, родилась`); npos when
// none follows in the sentence.
std::size_t verb_after_name(std::string_view text, const std::vector<Token>& tokens, std::size_t name_end) {
    constexpr std::size_t kMaxTitleWords = 6;
    std::size_t k = name_end + 1;
    if (k >= tokens.size() || tokens[k].sentence != tokens[name_end].sentence) return std::string_view::npos;
    if (text.substr(tokens[name_end].end, 1) == ",") {
        std::size_t words = 0;
        while (k < tokens.size() && words < kMaxTitleWords && !tokens[k].capitalized &&
               text.substr(tokens[k].end, 1) != ",") {
            ++k, ++words;
        }
        if (k >= tokens.size() || tokens[k].capitalized || text.substr(tokens[k].end, 1) != ",") return std::string_view::npos;
        ++k;
    } else if (ends_with(tokens[k].normalized, "о") || tokens[k].normalized == "также" || tokens[k].normalized == "тоже") {
        ++k;
    }
    if (k >= tokens.size() || tokens[k].sentence != tokens[name_end].sentence) return std::string_view::npos;
    if (!tokens[k].capitalized && gender_of_past_verb(tokens[k].normalized) != Gender::unknown) return k;
    return speech_verb_later(text, tokens, name_end);
}

// Whether the word before token `i` lets a name start there: a lower-case
// word that is no preposition (`в Мосуле Вашингтон признал`), or a place in
// the genitive (`министр Литвы Линас Линкявичюс`), not an East Asian surname
// (`Ли Куан Ю`).
bool preceded_by_name_context(const std::vector<Token>& tokens, std::size_t i) {
    const Token& before = tokens[i - 1];
    if (before.sentence != tokens[i].sentence) return true;
    if (!before.capitalized) return !is_preposition(before.normalized);
    return ends_like_oblique_noun(before.normalized) && !is_east_asian_surname(before.normalized);
}

// `Ребекка Спич откровенно призналась`: two capitalised words, the first no
// first name we list and no word of the dictionary, as the subject of a
// past-tense verb of one person, which gives the gender. Without them
// `— заявила она` in the next paragraph found no one to refer to.
void learn_named_subjects(std::string_view text, const std::vector<Token>& tokens, KnownPersons& known) {
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        const Token& first = tokens[i];
        const Token& surname = tokens[i + 1];
        if (!first.capitalized || !surname.capitalized || surname.sentence != first.sentence || surname.begin != first.end + 1 ||
            text[first.end] != ' ' || followed_by_capitalised(tokens, i + 1) || !may_start_name(first) ||
            !may_be_surname(surname) || is_latin_word(first.normalized) || !first_name_nominative(first.normalized).empty() ||
            looks_adjectival(first.normalized) || looks_adjectival(surname.normalized) || is_east_asian_surname(first.normalized) ||
            (i > 0 && !preceded_by_name_context(tokens, i)) ||
            known.count(name_key(surname.normalized)) != 0) {
            continue;
        }
        const std::size_t verb = verb_after_name(text, tokens, i + 1);
        if (verb == std::string_view::npos) continue;
        // `Капустин Яр генерал-майор`: a noun ending like a verb is its own
        // headword in the dictionary; a verb's is its infinitive.
        const std::string& v = tokens[verb].normalized;
        const Gender gender = gender_of_past_verb(v);
        // `считает`: a present tense of one person tells no gender.
        const bool one_speaker = is_finite_speech_verb(v) && !is_plural_verb(v) && !ends_with(v, "ло") && !ends_with(v, "лось");
        // `Законопроект республиканца Эда Ройса предполагает`: both words in
        // -а are a man's name in the genitive unless a woman's verb agrees.
        const bool genitive_pair = (ends_with(first.normalized, "а") || ends_with(first.normalized, "я")) &&
                                   ends_with(surname.normalized, "а") && gender != Gender::female;
        if ((gender == Gender::unknown && !one_speaker) || genitive_pair || is_stopword(first.normalized) || in_dictionary(first) || is_common_headword(first) ||
            is_common_headword(tokens[verb])) {
            continue;
        }
        Person person;
        person.surname = surname.raw;
        person.full_name = first.raw + " " + surname.raw;
        person.token = i + 1;
        person.gender = gender;
        learn_person(known, name_key(surname.normalized), person);
    }
}

// `Зеленский не подтвердил`, `Кудрин согласился`: a word with a surname's
// suffix that no dictionary knows (not `Киев`, `Московский`), right before
// a past-tense verb of the gender the surname has. Without it `— ответил
// президент` found no one in an article naming only him.
void learn_surnames_before_verbs(const std::vector<Token>& tokens, KnownPersons& known) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& word = tokens[i];
        std::size_t verb = i + 1;
        if (tokens[verb].normalized == "не" && verb + 1 < tokens.size()) ++verb;
        if (!word.capitalized || tokens[verb].capitalized || tokens[verb].sentence != word.sentence) continue;
        const Gender gender = gender_of_past_verb(tokens[verb].normalized);
        if (gender == Gender::unknown || !may_be_surname(word) || !has_surname_suffix(word.normalized) ||
            known.count(name_key(word.normalized)) != 0) {
            continue;
        }
        const Gender surname_gender = gender_of_surname(word.raw);
        if (gender == Gender::unknown || surname_gender != gender || is_common_headword(tokens[verb]) || in_dictionary(word) ||
            is_common_headword(word)) {
            continue;
        }
        Person person;
        person.surname = word.raw;
        person.full_name = word.raw;
        person.token = i;
        person.gender = gender;
        learn_person(known, name_key(word.normalized), person);
    }
}

// `министр ФРГ Франк-Вальтер Штайнмайер высказался`: two capitalised words
// inside a sentence, the last not in an oblique case (`Совета Федерации`)
// and the first no adjective (`Европейский Союз`), ending at token `last`.
bool ends_a_name_inside_sentence(const std::vector<Token>& tokens, std::size_t last) {
    if (last == 0) return false;
    const Token& before = tokens[last - 1];
    if (!before.capitalized || before.all_caps || before.sentence_start || before.sentence != tokens[last].sentence) return false;
    return !ends_like_oblique_noun(tokens[last].normalized) && !looks_adjectival(before.normalized) &&
           !is_latin_word(before.normalized);
}

// Whether the word at byte `begin` follows a comma or a closing quote mark,
// past spaces and dashes: `», — сказал`, `..., заявил` — an attribution
// after the words, where the subject follows the verb. (`Запад пообещал
// России` is no such place.)
bool follows_quoted_words(std::string_view text, std::size_t begin) {
    const std::size_t at = skip_spaces_and_dashes_back(text, begin);
    if (at == 0) return false;
    return text[at - 1] == ',' || text[at - 1] == '"' || (at >= 2 && text.substr(at - 2, 2) == "»") ||
           (at >= 3 && text.substr(at - 3, 3) == "“");
}

// `Мутко напомнил`: a word before a verb of a man or a woman speaking, that
// the article also capitalises inside a sentence (`заявление Мутко`), never
// writes in lower case (`Генпрокурор` — `генпрокурор`) and never puts after
// `в` or `из` (`Киев заявил` — `в Киеве`). Words only capitalised at
// sentence start (`Также`), genitives (`Президент России подчеркнул`),
// adjectives and neuter or plural verbs (`Минобороны сообщило`) do not count.
bool used_like_a_surname(const std::vector<Token>& tokens, const std::vector<std::string>& keys, std::size_t word,
                         const std::string& verb) {
    const std::string& w = tokens[word].normalized;
    if (ends_with(verb, "ло") || ends_with(verb, "лось") || ends_with(verb, "ли") || is_stopword(w) ||
        ends_like_oblique_noun(w) || looks_adjectival(w)) {
        return false;
    }
    bool inside_sentence = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (!tokens[k].capitalized && tokens[k].normalized == w) return false;  // `генпрокурор`: a common noun
        if (keys[k] != keys[word]) continue;
        if (k > 0 && (tokens[k - 1].normalized == "в" || tokens[k - 1].normalized == "во" || tokens[k - 1].normalized == "из")) {
            return false;
        }
        inside_sentence = inside_sentence || (tokens[k].capitalized && !tokens[k].sentence_start);
    }
    return inside_sentence;
}

// name_key of every capitalised token ("" for the others), computed once.
const std::vector<std::string>& keys_of_capitalised(const std::vector<Token>& tokens, std::vector<std::string>& keys) {
    if (keys.empty()) {
        keys.resize(tokens.size());
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            if (tokens[k].capitalized) keys[k] = name_key(tokens[k].normalized);
        }
    }
    return keys;
}

// `», — написал Пайпс`: the word right after a speech verb that follows
// quoted words is its subject. `цитирует Адоманиса`: the person quoted is
// the object.
void learn_subject_after_verb(std::string_view text, const std::vector<Token>& tokens, std::size_t i, KnownPersons& known) {
    const Token& verb = tokens[i];
    const Token& next = tokens[i + 1];
    if (!verb.capitalized && is_finite_speech_verb(verb.normalized) && may_be_surname(next) && next.begin == verb.end + 1 &&
        follows_quoted_words(text, verb.begin) &&
        (i + 2 >= tokens.size() || !tokens[i + 2].capitalized || tokens[i + 2].sentence != next.sentence)) {
        const bool object = verb.normalized.rfind("цитир", 0) == 0;
        Person person;
        person.gender = object ? Gender::unknown : gender_of_verb(verb.normalized);
        person.surname = object ? surname_nominative(next) : next.raw;
        person.full_name = person.surname;
        learn_person(known, name_key(next.normalized), person);
    }
}

// `Мирзазаде подчеркнул`, `Мутко напомнил`: the word at `i`, right before a
// speech verb, read as its subject when it looks like a surname. `Си Цзиньпин
// заявил`: not after an East Asian surname, which came first. `keys` is the
// cache of keys_of_capitalised.
void learn_subject_before_verb(const std::vector<Token>& tokens, std::size_t i, std::vector<std::string>& keys,
                               KnownPersons& known) {
    const Token& word = tokens[i];
    const Token& verb = tokens[i + 1];
    const bool after_east_asian_surname = i > 0 && tokens[i - 1].capitalized && is_east_asian_surname(tokens[i - 1].normalized);
    if (!verb.capitalized && is_finite_speech_verb(verb.normalized) && may_be_surname(word) && !after_east_asian_surname &&
        (has_distinctive_surname_suffix(word.normalized) || ends_a_name_inside_sentence(tokens, i) ||
         used_like_a_surname(tokens, keys_of_capitalised(tokens, keys), i, verb.normalized))) {
        Person person;
        person.gender = gender_of_verb(verb.normalized);
        person.surname = word.raw;
        person.full_name = word.raw;
        learn_person(known, name_key(word.normalized), person);
    }
}

void learn_subjects_of_speech(std::string_view text, const std::vector<Token>& tokens, KnownPersons& known) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        learn_subject_after_verb(text, tokens, i, known);
        learn_subject_before_verb(tokens, i, keys, known);
    }
}

void learn_east_asian_names(const std::vector<Token>& tokens, KnownPersons& known) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const std::size_t length = east_asian_name_length(tokens, i);
        if (length == 0) continue;
        Person person;
        person.surname = tokens[i].raw;
        person.full_name = tokens[i].raw;
        for (std::size_t k = i + 1; k < i + length; ++k) person.full_name += " " + tokens[k].raw;
        learn_person(known, name_key(tokens[i].normalized), person);
        i += length - 1;
    }
}

// `российского`, `итальянского`: an adjective of a country or a body.
bool is_relational_adjective(const std::string& word) {
    return looks_adjectival(word) && word.find("ск") != std::string::npos;
}

// `Георгий считает` where the article has named `Георгий Багри`: a first
// name standing alone (no capitalised word next to it) names the one known
// person who bears it, and no one when several do.
const Person* known_by_first_name_alone(const std::vector<Token>& tokens, std::size_t i, const KnownPersons& known) {
    const Token& word = tokens[i];
    if (!may_start_name(word) || is_latin_word(word.normalized)) return nullptr;
    const auto next_to = [&](std::size_t k) {
        return k < tokens.size() && tokens[k].capitalized && tokens[k].sentence == word.sentence;
    };
    if (next_to(i + 1) || (i > 0 && !word.sentence_start && next_to(i - 1))) return nullptr;
    const std::string first = first_name_nominative(word.normalized);
    if (first.empty()) return nullptr;
    const std::string prefix = first + " ";
    const Person* only = nullptr;
    for (const auto& [key, person] : known) {
        if (person.full_name.rfind(prefix, 0) != 0) continue;
        if (only && only->surname != person.surname) return nullptr;
        only = &person;
    }
    return only;
}

}  // namespace

bool fits(const Person& person, Gender wanted) {
    if (person.gender == Gender::unknown && wanted == Gender::female) {
        return gender_of_surname(person.surname) != Gender::male;
    }
    return wanted == Gender::unknown || person.gender == Gender::unknown || person.gender == wanted;
}

KnownPersons known_persons(std::string_view text, const std::vector<Token>& tokens) {
    KnownPersons known;
    learn_east_asian_names(tokens, known);
    learn_full_names(tokens, known);
    learn_unlisted_first_names(text, tokens, known);
    learn_named_subjects(text, tokens, known);
    learn_surnames_before_verbs(tokens, known);
    learn_subjects_of_speech(text, tokens, known);
    for (auto& [key, person] : known) {
        if (person.gender == Gender::unknown) person.gender = gender_of_surname(person.surname);
    }
    return known;
}

const Person* find_known(const KnownPersons& known, const std::string& normalized) {
    if (auto it = known.find(name_key(normalized)); it != known.end()) return &it->second;
    for (std::string_view ending : {"ого", "ому", "ым", "ом"}) {
        if (!ends_with(normalized, ending)) continue;
        const std::string stem = normalized.substr(0, normalized.size() - ending.size());
        for (std::string_view nominative : {"ый", "ой", "ий"}) {
            if (auto it = known.find(name_key(stem + std::string(nominative))); it != known.end()) return &it->second;
        }
    }
    return nullptr;
}

std::size_t east_asian_name_length(const std::vector<Token>& tokens, std::size_t i) {
    const Token& first = tokens[i];
    // At a sentence start only when it is no function word (`Но Путин заявил`).
    if (!may_be_surname(first) || !is_east_asian_surname(first.normalized) || (first.sentence_start && is_stopword(first.normalized))) {
        return 0;
    }
    std::size_t end = i + 1;
    while (end < tokens.size() && end < i + 3 && may_be_surname(tokens[end]) && tokens[end].sentence == first.sentence &&
           tokens[end].begin == tokens[end - 1].end + 1 && utf8_length(tokens[end].raw) >= 2) {
        ++end;
    }
    return end - i >= 2 ? end - i : 0;
}

std::vector<Mention> person_mentions(const std::vector<Token>& tokens, const KnownPersons& known) {
    std::vector<Mention> mentions;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Person* found = may_be_surname(tokens[i]) ? find_known(known, tokens[i].normalized) : nullptr;
        const Person* by_first_name = found ? nullptr : known_by_first_name_alone(tokens, i, known);
        if (by_first_name) {
            found = by_first_name;
        } else if (!found) {
            continue;
        }
        Mention mention;
        mention.person = *found;
        mention.person.token = i;
        mention.name_begin = i;
        mention.nominative = by_first_name ? is_nominative_first_name(tokens[i].normalized)
                                           : normalize_text(found->surname) == tokens[i].normalized;
        while (mention.name_begin > 0 && tokens[mention.name_begin - 1].sentence == tokens[i].sentence &&
               tokens[mention.name_begin - 1].capitalized &&
               (!first_name_nominative(tokens[mention.name_begin - 1].normalized).empty() ||
                is_patronymic(tokens[mention.name_begin - 1].normalized))) {
            --mention.name_begin;
            if (is_patronymic(tokens[mention.name_begin].normalized)) continue;
            mention.nominative = is_nominative_first_name(tokens[mention.name_begin].normalized);
            break;
        }
        const std::size_t sentence = tokens[i].sentence;
        if (mention.name_begin > 0 && tokens[mention.name_begin - 1].sentence == sentence &&
            !tokens[mention.name_begin - 1].capitalized) {
            mention.title_before = tokens[mention.name_begin - 1].normalized;
        }
        bool own_title = true;  // up to `и`: `заместитель министра Иванов и министр Петров`
        for (std::size_t k = mention.name_begin; k > 0 && mention.name_begin - k < kTitleContextWords;) {
            --k;
            if (tokens[k].sentence != sentence) break;
            // `госсекретарю Рексу Тиллерсону, министру обороны Джеймсу Мэттису`:
            // the words before another person's name are that person's title.
            if (tokens[k].capitalized && !tokens[k].sentence_start && may_be_surname(tokens[k]) &&
                find_known(known, tokens[k].normalized) && name_key(tokens[k].normalized) != name_key(tokens[i].normalized)) {
                break;
            }
            // `сенатор выразил признательность госсекретарю Тиллерсону`: a verb
            // ends the title; what stands before it is the subject's.
            if (!tokens[k].capitalized && (is_finite_speech_verb(tokens[k].normalized) || looks_past_tense(tokens[k].normalized))) break;
            own_title = own_title && tokens[k].normalized != "и";
            mention.deputy = mention.deputy || (own_title && is_deputy_word(tokens[k].normalized));
            if (!is_stopword(tokens[k].normalized)) mention.context.insert(tokens[k].normalized);
        }
        mentions.push_back(std::move(mention));
    }
    return mentions;
}

bool same_root(const std::string& a, const std::string& b) {
    constexpr std::size_t kRootBytes = 10;  // five Cyrillic letters
    const std::size_t n = std::min({kRootBytes, a.size(), b.size()});
    return n >= 6 && a.compare(0, n, b, 0, n) == 0;
}

bool shares_root(const std::string& title_word, const std::set<std::string>& context) {
    constexpr std::size_t kRootBytes = 10;  // five Cyrillic letters
    const bool title_genitive = ends_with(title_word, "а") || ends_with(title_word, "я");
    for (const std::string& word : context) {
        const std::size_t n = std::min({kRootBytes, title_word.size(), word.size()});
        if (n < 6 || title_word.compare(0, n, word, 0, n) != 0) continue;
        if (word != title_word && !title_genitive && (ends_with(word, "а") || ends_with(word, "я"))) continue;
        return true;
    }
    return false;
}

bool qualifiers_conflict(const std::vector<std::string>& title_words, const std::set<std::string>& context) {
    for (const std::string& word : title_words) {
        if (!is_relational_adjective(word) || shares_root(word, context)) continue;
        for (const std::string& other : context) {
            if (is_relational_adjective(other)) return true;
        }
    }
    return false;
}

bool is_deputy_word(const std::string& normalized) {
    for (std::string_view prefix : {"заместител", "замминистр", "замглав", "зампред", "замдиректор", "замруковод", "замгендир", "вице"}) {
        if (normalized.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

std::optional<Person> resolve_title(const std::vector<std::string>& title_words, const std::vector<Mention>& mentions,
                                    std::size_t before_token) {
    const bool deputy_title = std::any_of(title_words.begin(), title_words.end(), is_deputy_word);
    std::optional<Person> best;
    std::size_t best_overlap = 0;
    for (const Mention& m : mentions) {
        if (m.person.token >= before_token) break;
        if (qualifiers_conflict(title_words, m.context) || (m.deputy && !deputy_title)) continue;
        std::size_t overlap = 0;
        for (std::size_t i = 0; i < title_words.size(); ++i) overlap += shares_root(title_words[i], m.context) * (i == 0 ? 2 : 1);
        // `по словам продюсера Ильи Стюарта` ... `— говорит продюсер`: named in
        // another case, the title right before the name is in that case too.
        if (overlap == 0 && !m.nominative && !title_words.empty() && same_root(title_words[0], m.title_before)) overlap = 2;
        if (overlap > 0 && overlap >= best_overlap) {
            best = m.person;
            best_overlap = overlap;
        }
    }
    return best;
}

}  // namespace core::quotes_detail
