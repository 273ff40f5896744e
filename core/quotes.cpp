#include "core/quotes.h"

#include "core/data.h"
#include "core/quote_marks.h"
#include "core/russian.h"
#include "core/stopwords.h"
#include "core/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace core {
namespace {

constexpr std::size_t kMinQuoteWords = 3;
constexpr std::size_t kMaxSpeakerPhraseWords = 20;
constexpr std::size_t kTitleContextWords = 8;
constexpr std::size_t kMaxTitleWords = 6;
constexpr std::size_t kMaxColonSpeakerWords = 6;

// ---------------------------------------------------------------- words --

struct Token {
    std::size_t begin = 0, end = 0;  // bytes in the article
    std::string raw;
    std::string normalized;
    bool capitalized = false;
    bool all_caps = false;
    bool sentence_start = false;  // first word of a sentence: capitalised anyway
    bool in_name_of_site = false; // `Лента.ру`, `NEWSru.com`: glued to a dot
    bool after_open_quote = false; // `«Росбалт»`: the first word of something quoted
    std::size_t sentence = 0;      // which sentence of the article it stands in
};

// `МИД`, `КР`, `ТАСС`: abbreviations, not names.
bool is_all_caps(std::string_view raw) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(raw.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(raw.data(), i, length, c);
        if (c < 0 || u_islower(c)) return false;
    }
    return true;
}

// Whether the word at `begin` comes right after an opening quote mark.
bool opened_by_quote_mark(std::string_view text, std::size_t begin) {
    for (std::string_view mark : {"«", "„", "“", "\""}) {
        if (begin >= mark.size() && text.substr(begin - mark.size(), mark.size()) == mark) return true;
    }
    return false;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    for_each_word(text, [&](const Word& w) {
        Token t;
        t.begin = w.begin;
        t.end = w.end;
        t.raw = std::string(w.raw);
        t.normalized = w.normalized;
        t.capitalized = w.capitalized;
        t.all_caps = w.capitalized && utf8_length(w.raw) > 1 && is_all_caps(w.raw);
        t.in_name_of_site = (w.end < text.size() && text[w.end] == '.' && w.end + 1 < text.size() &&
                             text[w.end + 1] != ' ' && text[w.end + 1] != '\n') ||
                            (w.begin > 0 && text[w.begin - 1] == '.');
        std::size_t before = w.begin;
        while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '"' ||
                              static_cast<unsigned char>(text[before - 1]) >= 0x80)) {
            // step back over spaces, quotes and multi-byte punctuation (« — „)
            if (static_cast<unsigned char>(text[before - 1]) >= 0x80) {
                std::size_t start = before - 1;
                while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
                const std::string_view mark = text.substr(start, before - start);
                if (mark != "«" && mark != "—" && mark != "–" && mark != "„" && mark != "“") break;
                before = start;
            } else {
                --before;
            }
        }
        // `Джордж Х. Кинг`: the period after an initial ends no sentence.
        const bool after_initial = before > 0 && text[before - 1] == '.' && !tokens.empty() &&
                                   tokens.back().end == before - 1 && tokens.back().capitalized &&
                                   utf8_length(tokens.back().raw) == 1;
        t.sentence_start = before == 0 || (text[before - 1] == '.' && !after_initial) || text[before - 1] == '!' ||
                           text[before - 1] == '?' || text[before - 1] == '\n' || text[before - 1] == ':';
        t.after_open_quote = opened_by_quote_mark(text, w.begin);
        t.sentence = tokens.empty() ? 0 : tokens.back().sentence + (t.sentence_start ? 1 : 0);
        tokens.push_back(std::move(t));
    });
    return tokens;
}

// Index of the first token starting at or after `byte`.
std::size_t token_at(const std::vector<Token>& tokens, std::size_t byte) {
    return static_cast<std::size_t>(
        std::lower_bound(tokens.begin(), tokens.end(), byte, [](const Token& t, std::size_t b) { return t.begin < b; }) -
        tokens.begin());
}

std::string capitalize(const std::string& lower) {
    if (lower.empty()) return lower;
    std::string first_letter;
    std::size_t size = (static_cast<unsigned char>(lower[0]) < 0x80) ? 1 : 2;
    first_letter = lower.substr(0, size);
    static const std::string lower_letters = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
    static const std::string upper_letters = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
    if (size == 1) return std::string(1, static_cast<char>(std::toupper(lower[0]))) + lower.substr(1);
    const std::size_t at = lower_letters.find(first_letter);
    if (at == std::string::npos) return lower;
    return upper_letters.substr(at, 2) + lower.substr(2);
}

// ------------------------------------------------------- word lists --

bool ends_with(std::string_view word, std::string_view ending) {
    return word.size() > ending.size() && word.compare(word.size() - ending.size(), ending.size(), ending) == 0;
}

bool is_speech_verb(const std::string& normalized) {
    static const std::vector<std::string> stems = data::words(data::kSpeechVerbs);
    for (const std::string& stem : stems) {
        if (normalized.compare(0, stem.size(), stem) == 0) return true;
    }
    return false;
}

// `заявил`, `заявила`, `считает`, `говорят`, `уверен`: endings of a
// finite verb (or short participle), not of a noun (`заявлением`).
bool has_verb_ending(const std::string& normalized) {
    for (std::string_view ending : {"л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ет", "ит", "ют", "ят", "ут", "ат",
                                    "ется", "ится", "ен", "на", "ны"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

// `назвал встречу «хорошей»`, `охарактеризовал переговоры как «сложные»`.
bool is_characterising_verb(const std::string& normalized) {
    return (normalized.rfind("назва", 0) == 0 || normalized.rfind("охарактериз", 0) == 0) && has_verb_ending(normalized);
}

// A speech verb as a finite verb (`заявил`, `считает`), not a gerund or
// participle (`считая`, `отметив`, `считающий`, `заявлено`), which does
// not attribute the words before it.
bool is_finite_speech_verb(const std::string& normalized) {
    if (!is_speech_verb(normalized) || !has_verb_ending(normalized)) return false;
    // `назвал встречу «хорошей»` characterises, it does not attribute what
    // precedes it.
    if (normalized.rfind("назва", 0) == 0 || normalized.rfind("охарактериз", 0) == 0) return false;
    // `как говорится`, `отмечается`: impersonal, no one speaks.
    if (ends_with(normalized, "тся")) return false;
    // `высказался`, `поделилась`: reflexive past forms are finite.
    for (std::string_view ending : {"лся", "лась", "лись", "лось"}) {
        if (ends_with(normalized, ending)) return true;
    }
    for (std::string_view ending : {"я", "в", "вши", "ясь", "щий", "щая", "щие", "щего", "щих", "вший", "вшая", "вшие", "но", "ны", "нный"}) {
        if (ends_with(normalized, ending)) return false;
    }
    return true;
}

// First names by their case-independent base (`константина` → Константин).
const std::unordered_map<std::string, std::string>& first_names() {
    static const std::unordered_map<std::string, std::string> names = [] {
        std::unordered_map<std::string, std::string> out;
        for (const std::string& name : data::words(data::kFirstNames)) {
            const std::string base = surname_base(name);
            out.emplace(name, capitalize(name));
            if (!base.empty()) out.emplace(base, capitalize(name));
        }
        return out;
    }();
    return names;
}

// The nominative of a first name in any case, or "".
std::string first_name_nominative(const std::string& normalized) {
    const auto& names = first_names();
    if (auto it = names.find(normalized); it != names.end()) return it->second;
    const std::string base = surname_base(normalized);
    if (auto it = names.find(base); !base.empty() && it != names.end()) return it->second;
    return {};
}

bool has_surname_suffix(const std::string& normalized) {
    for (std::string_view suffix : {"ов", "ев", "ин", "ын", "ск", "цк", "их", "ых", "ко", "ук", "юк", "дзе", "швили", "ян"}) {
        const std::string base = surname_base(normalized);
        const std::string& word = base.empty() ? normalized : base;
        if (word.size() > suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return true;
        }
    }
    return false;
}

// The nominative (masculine) of a surname written in another case.
std::string surname_nominative(const Token& token) {
    const std::string base = surname_base(token.normalized);
    if (base.empty()) return token.raw;
    const bool adjectival = base.size() >= 4 && (base.compare(base.size() - 4, 4, "ск") == 0 ||
                                                  base.compare(base.size() - 4, 4, "цк") == 0);
    return capitalize(adjectival ? base + "ий" : base);
}

// ----------------------------------------------------------- persons --

enum class Gender { unknown, male, female };

struct Person {
    std::string surname;    // nominative
    std::string full_name;  // `Сергей Лавров`, or the surname
    std::size_t token = 0;  // where the surname stands
    Gender gender = Gender::unknown;
};

bool ends_like_oblique_noun(const std::string& normalized) {
    for (std::string_view ending : {"а", "я", "ы", "и", "е", "у", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

// `Владиславом`, `Сурковым`, `Петру`: a name in the instrumental or dative,
// which cannot be the subject of a speech verb. Genitive forms are left
// alone: `Хасэгава` and `Никита` end like them.
bool looks_instrumental_or_dative(const std::string& normalized) {
    if (!first_name_nominative(normalized).empty()) {
        return normalize_text(first_name_nominative(normalized)) != normalized;
    }
    const std::string base = surname_base(normalized);
    if (base.empty() || base == normalized) return false;
    for (std::string_view ending : {"ым", "ом", "ем", "ой", "ому", "ему", "ого", "его"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

bool looks_adjectival(const std::string& normalized) {
    // Not -ие: `поручение`, `заявление` are nouns.
    for (std::string_view ending : {"ий", "ый", "ой", "ая", "ое", "ые", "ого", "его", "ому", "ему", "ую", "ых", "их"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

// `России`, `Украины`, `Москвы`: feminine genitives, the case of places and
// bodies; a man's surname in the genitive ends in -а/-я instead, a woman's
// in -ой (`Ивановой`).
bool looks_like_place_genitive(const std::string& normalized) {
    for (std::string_view ending : {"ии", "ы"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

bool is_nominative_first_name(const std::string& normalized) {
    const std::string name = first_name_nominative(normalized);
    return !name.empty() && normalize_text(name) == normalized;
}

// `Зиннурович`, `Сергеевна` in any case.
bool is_patronymic(const std::string& normalized) {
    for (std::string_view part : {"ович", "евич", "овн", "евн", "ичн"}) {
        if (normalized.size() > 8 && normalized.find(part) != std::string::npos) return true;
    }
    return false;
}

// Men's names in -а/-я, which otherwise read as women's.
bool is_female_first_name(const std::string& nominative) {
    const std::string n = normalize_text(nominative);
    for (std::string_view male : {"никита", "илья", "кузьма", "фома", "лука", "савва", "данила"}) {
        if (n == male) return false;
    }
    return ends_with(n, "а") || ends_with(n, "я") || n == "любовь";
}

Gender gender_of_surname(const std::string& nominative) {
    const std::string n = normalize_text(nominative);
    for (std::string_view ending : {"ова", "ева", "ина", "ына", "ская", "цкая"}) {
        if (ends_with(n, ending)) return Gender::female;
    }
    for (std::string_view ending : {"ов", "ев", "ин", "ын", "ский", "цкий"}) {
        if (ends_with(n, ending)) return Gender::male;
    }
    return Gender::unknown;
}

// `сказал` → male, `сказала` → female: a past-tense verb agrees with its subject.
Gender gender_of_verb(const std::string& normalized) {
    if (ends_with(normalized, "ла")) return Gender::female;
    if (ends_with(normalized, "л")) return Gender::male;
    return Gender::unknown;
}

// The key under which the forms of one surname meet (`Лаврова` = `Лавров`).
std::string name_key(const std::string& normalized) {
    const std::string base = surname_base(normalized);
    return base.empty() ? normalized : base;
}

// Endings that mark a surname even before a verb (`Мирзазаде подчеркнул`);
// -ов, -ин and -ск are left out there: `Киев заявил`, `Минск сообщил`.
bool has_distinctive_surname_suffix(const std::string& normalized) {
    for (std::string_view suffix : {"заде", "дзе", "швили", "енко", "ян", "ук", "юк"}) {
        if (ends_with(normalized, suffix)) return true;
    }
    return false;
}

// A capitalised word that can be a surname: not an abbreviation, a site, a
// quoted name, a Latin word or a first name.
bool may_be_surname(const Token& t) {
    return t.capitalized && !t.all_caps && !t.in_name_of_site && !t.after_open_quote && !is_latin_word(t.normalized) &&
           first_name_nominative(t.normalized).empty();
}

// The nominative of `token`, a surname of a person of `gender`.
std::string surname_nominative_for(const Token& token, Gender gender) {
    const std::string masculine = surname_nominative(token);
    if (gender != Gender::female || surname_base(token.normalized).empty()) return masculine;
    const std::string m = normalize_text(masculine);
    if (ends_with(m, "ий")) return masculine.substr(0, masculine.size() - 4) + "ая";
    if (ends_with(m, "ов") || ends_with(m, "ев") || ends_with(m, "ин") || ends_with(m, "ын")) return masculine + "а";
    return masculine;
}

// People the article names, by name_key of the surname: `Имя Фамилия`
// with a known first name, a word right after a speech verb
// (`— написал Пайпс`), a word with a surname ending right before one.
using KnownPersons = std::map<std::string, Person>;

void learn_person(KnownPersons& known, const std::string& key, Person person) {
    auto [it, added] = known.emplace(key, person);
    if (added) return;
    // A full name or a gender learnt later completes what is known.
    if (it->second.full_name == it->second.surname && person.full_name != person.surname) it->second = person;
    if (it->second.gender == Gender::unknown) it->second.gender = person.gender;
}

void learn_full_names(const std::vector<Token>& tokens, KnownPersons& known) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const std::string first = first_name_nominative(tokens[i].normalized);
        if (!tokens[i].capitalized || first.empty()) continue;
        std::size_t surname = i + 1;
        // `Сергеевич`, and an initial: `Джордж Х. Кинг`.
        const bool initial = utf8_length(tokens[surname].raw) == 1;
        if ((is_patronymic(tokens[surname].normalized) || initial) && surname + 1 < tokens.size()) ++surname;
        if (!may_be_surname(tokens[surname]) || tokens[surname].sentence != tokens[i].sentence) continue;
        Person person;
        person.gender = is_female_first_name(first) ? Gender::female : Gender::male;
        const bool first_declines = !ends_with(tokens[i].normalized, "о") && !ends_with(tokens[i].normalized, "э");
        person.surname = is_nominative_first_name(tokens[i].normalized) && first_declines
                             ? tokens[surname].raw
                             : surname_nominative_for(tokens[surname], person.gender);
        person.full_name = first + " " + person.surname;
        learn_person(known, name_key(tokens[surname].normalized), person);
    }
}

bool is_east_asian_surname(const std::string& normalized) {
    static const std::vector<std::string> surnames = data::words(data::kEastAsianSurnames);
    return std::find(surnames.begin(), surnames.end(), normalized) != surnames.end();
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
    std::size_t at = begin;
    while (at > 0) {
        if (text[at - 1] == ' ' || text[at - 1] == '-') {
            --at;
        } else if (at >= 3 && (text.substr(at - 3, 3) == "—" || text.substr(at - 3, 3) == "–")) {
            at -= 3;
        } else {
            break;
        }
    }
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

void learn_subjects_of_speech(std::string_view text, const std::vector<Token>& tokens, KnownPersons& known) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& verb = tokens[i];
        const Token& next = tokens[i + 1];
        if (is_finite_speech_verb(verb.normalized) && !verb.capitalized && may_be_surname(next) && next.begin == verb.end + 1 &&
            follows_quoted_words(text, verb.begin) &&
            (i + 2 >= tokens.size() || !tokens[i + 2].capitalized || tokens[i + 2].sentence != next.sentence)) {
            // `цитирует Адоманиса`: the person quoted is the object.
            const bool object = verb.normalized.rfind("цитир", 0) == 0;
            Person person;
            person.gender = object ? Gender::unknown : gender_of_verb(verb.normalized);
            person.surname = object ? surname_nominative(next) : next.raw;
            person.full_name = person.surname;
            learn_person(known, name_key(next.normalized), person);
        }
        // `Си Цзиньпин заявил`: the surname came first.
        const bool after_east_asian_surname = i > 0 && tokens[i - 1].capitalized && is_east_asian_surname(tokens[i - 1].normalized);
        if (is_finite_speech_verb(next.normalized) && !next.capitalized && may_be_surname(verb) && !after_east_asian_surname &&
            (has_distinctive_surname_suffix(verb.normalized) || ends_a_name_inside_sentence(tokens, i) ||
             used_like_a_surname(tokens, keys_of_capitalised(tokens, keys), i, next.normalized))) {
            Person person;
            person.gender = gender_of_verb(next.normalized);
            person.surname = verb.raw;
            person.full_name = verb.raw;
            learn_person(known, name_key(verb.normalized), person);
        }
    }
}


// `Си Цзиньпин`, `Ким Чен Ын`: Chinese and Korean names put the surname
// first. A run of two or three capitalised words inside a sentence opening
// with a common such surname is read that way (`Тим Кук` is not).
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

KnownPersons known_persons(std::string_view text, const std::vector<Token>& tokens) {
    KnownPersons known;
    learn_east_asian_names(tokens, known);
    learn_full_names(tokens, known);
    learn_subjects_of_speech(text, tokens, known);
    for (auto& [key, person] : known) {
        if (person.gender == Gender::unknown) person.gender = gender_of_surname(person.surname);
    }
    return known;
}

// The known person a word names: `Лаврова` → Лавров, and for adjectival
// surnames, which have no name_key paradigm, `Навального` → Навальный.
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

// Each place the article names a known person, with the words before it in
// its sentence (its title).
struct Mention {
    Person person;
    bool nominative = false;        // `Путин сказал`, not `с Путиным`
    bool subject = false;           // the first nominative one in its sentence
    std::size_t name_begin = 0;     // first token of the name
    std::set<std::string> context;  // stems of the title words before the name
};

std::vector<Mention> person_mentions(const std::vector<Token>& tokens, const KnownPersons& known) {
    std::vector<Mention> mentions;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!may_be_surname(tokens[i])) continue;
        const Person* found = find_known(known, tokens[i].normalized);
        if (!found) continue;
        Mention mention;
        mention.person = *found;
        mention.person.token = i;
        mention.name_begin = i;
        mention.nominative = normalize_text(found->surname) == tokens[i].normalized;
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
        for (std::size_t k = mention.name_begin; k > 0 && mention.name_begin - k < kTitleContextWords;) {
            --k;
            if (tokens[k].sentence != sentence) break;
            if (!is_stopword(tokens[k].normalized)) mention.context.insert(tokens[k].normalized);
        }
        mentions.push_back(std::move(mention));
    }
    return mentions;
}

// Whether a word of `context` has the same first letters as `stem`
// (`украинский` ~ `Украины`): titles and names vary in form.
// A context word in the genitive (`администрации президента Володин`)
// belongs to someone else's title and does not match `президент`.
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

// The person a title (`министр`, `глава Комитета СФ`) refers to: the one
// whose own title shares most words with it, nearest before `before_token`.
// `российского`, `итальянского`: an adjective of a country or a body.
bool is_relational_adjective(const std::string& word) {
    return looks_adjectival(word) && word.find("ск") != std::string::npos;
}

// `глава российского правительства` is not the person titled `глава
// итальянского правительства`: the title's relational adjective is not in
// the person's title, which has another.
bool qualifiers_conflict(const std::vector<std::string>& title_words, const std::set<std::string>& context) {
    for (const std::string& word : title_words) {
        if (!is_relational_adjective(word) || shares_root(word, context)) continue;
        for (const std::string& other : context) {
            if (is_relational_adjective(other)) return true;
        }
    }
    return false;
}

// The head of the title (its first word here) weighs double: `глава МИД`
// is rather the `глава министерства` than the `спикер МИД`.
std::optional<Person> resolve_title(const std::vector<std::string>& title_words, const std::vector<Mention>& mentions,
                                    std::size_t before_token) {
    std::optional<Person> best;
    std::size_t best_overlap = 0;
    for (const Mention& m : mentions) {
        if (m.person.token >= before_token) break;
        if (qualifiers_conflict(title_words, m.context)) continue;
        std::size_t overlap = 0;
        for (std::size_t i = 0; i < title_words.size(); ++i) overlap += shares_root(title_words[i], m.context) * (i == 0 ? 2 : 1);
        if (overlap > 0 && overlap >= best_overlap) {
            best = m.person;
            best_overlap = overlap;
        }
    }
    return best;
}

// ------------------------------------------------------- extraction --

// Words after `по` that report what someone said: `По словам Лаврова, ...`,
// `по его мнению, ...`, `по данным министерства, ...`.
bool is_reporting_noun(const std::string& normalized) {
    static const std::vector<std::string> nouns = data::words(data::kReportingNouns);
    return std::find(nouns.begin(), nouns.end(), normalized) != nouns.end();
}

// `по словам`, `по мнению`, `по подсчетам автора` report someone's words;
// `по данным`, `по информации`, `по сведениям` often name a document or a
// body (`по данным переписи`, `по данным прессы`), so they count only with
// a person named outright.
bool reports_words(const std::string& noun) { return noun != "данным" && noun != "информации" && noun != "сведениям"; }

// Verbs that name a medium rather than a speaker: `, пишет NEWSru.com`,
// `Об этом сообщает пресс-служба`.
bool is_source_verb(const std::string& normalized) {
    static const std::vector<std::string> stems = data::words(data::kSourceVerbs);
    for (const std::string& stem : stems) {
        if (normalized.compare(0, stem.size(), stem) == 0) return true;
    }
    return false;
}

bool is_document_verb(const std::string& normalized) {
    static const std::vector<std::string> verbs = data::words(data::kDocumentVerbs);
    return std::find(verbs.begin(), verbs.end(), normalized) != verbs.end();
}

struct Extractor {
    std::string_view text;
    std::vector<Token> tokens;
    KnownPersons known;
    std::vector<Mention> mentions;
    std::vector<bool> quoted;  // per token: inside quote marks
    std::vector<Quotation> out;
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // byte ranges already quoted
    std::vector<std::size_t> byte_begin;                     // of each quotation in `out`
    // A speaker found by reference (`— сказал он`): the token of the
    // reference and the gender it asks for, to resolve again once every
    // quotation before it is known.
    using Reference = std::optional<std::pair<std::size_t, Gender>>;
    Reference reference;              // of the attribution being read
    bool named_directly = false;      // the attribution being read names its speaker
    Gender verb_gender = Gender::unknown;  // what the verb of the attribution asks for
    std::vector<Reference> references;  // of each quotation in `out`

    explicit Extractor(std::string_view t) : text(t), tokens(tokenize(t)), known(known_persons(t, tokens)) {
        mark_quoted_tokens();
        std::set<std::size_t> sentences_with_subject;
        for (Mention& m : person_mentions(tokens, known)) {
            if (quoted[m.person.token]) continue;
            m.subject = m.nominative && sentences_with_subject.insert(tokens[m.person.token].sentence).second;
            mentions.push_back(std::move(m));
        }
    }

    std::size_t chars_before(std::size_t byte) const { return utf8_length(text.substr(0, byte)); }

    bool overlaps(std::size_t begin, std::size_t end) const {
        for (const auto& [b, e] : taken) {
            if (begin < e && b < end) return true;
        }
        return false;
    }

    // Whether a period or other mark at `at`, followed by a space, ends a
    // sentence: not after an abbreviation (`10-15 тыс. рублей`), where a
    // lower-case word follows.
    bool ends_sentence_at(std::size_t at) const {
        const char c = text[at];
        if (c != '.' && c != '!' && c != '?') return false;
        if (at + 1 == text.size() || text[at + 1] == '\n') return true;
        if (text[at + 1] != ' ') return false;
        const std::size_t next = token_at(tokens, at + 1);
        if (next >= tokens.size() || text.find_first_not_of(' ', at + 1) < tokens[next].begin) return true;  // `. — Вторая`
        return tokens[next].capitalized && tokens[next].sentence_start;  // not `тыс. рублей`, `Х. Кинг`
    }

    // Where the sentence holding `byte` ends (., !, ?, newline), exclusive.
    std::size_t sentence_end(std::size_t byte) const {
        for (std::size_t at = byte; at < text.size(); ++at) {
            if (text[at] == '\n' || ends_sentence_at(at)) return at;
        }
        return text.size();
    }

    std::size_t sentence_start(std::size_t byte) const {
        for (std::size_t at = byte; at > 0; --at) {
            if (text[at - 1] == '\n') return at;
            if (at < text.size() && text[at] == ' ' && ends_sentence_at(at - 1)) return at;
        }
        return 0;
    }

    // Where the quotation opened at `at` by `pair` closes, within its
    // paragraph, or npos. A straight quote left open by nested straight
    // quotes (`"Я "за" ... "жмутся", - заметил он`) closes at the mark
    // followed by the attribution.
    std::size_t closing_of(std::size_t at, const QuotePair& pair, std::size_t& closer_size) const {
        const std::size_t inside = at + pair.open.size();
        std::size_t paragraph_end = text.find('\n', inside);
        if (paragraph_end == std::string_view::npos) paragraph_end = text.size();
        const std::size_t close = find_closing(text, inside, pair, closer_size);
        const bool straight = pair.open == "\"";
        // `"... я "за" введение`: a straight mark before a letter opens, not closes.
        const bool before_letter = close != std::string_view::npos && close + 1 < text.size() &&
                                   (static_cast<unsigned char>(text[close + 1]) >= 0x80 || std::isalnum(static_cast<unsigned char>(text[close + 1])));
        if (close != std::string_view::npos && close < paragraph_end && !(straight && before_letter)) return close;
        if (!straight) return std::string_view::npos;
        for (std::size_t k = text.find('"', inside); k < paragraph_end; k = text.find('"', k + 1)) {
            if (comma_and_dash_at(k + 1) != 0) {
                closer_size = 1;
                return k;
            }
        }
        return std::string_view::npos;
    }

    void mark_quoted_tokens() {
        quoted.assign(tokens.size(), false);
        for (std::size_t at = 0; at < text.size(); ++at) {
            const QuotePair* pair = quote_opening_at(text, at, false);
            if (!pair || !opens_at_word_start(at, pair->open.size())) continue;
            std::size_t closer_size = 0;
            const std::size_t close = closing_of(at, *pair, closer_size);
            if (close == std::string_view::npos) continue;
            for (std::size_t i = token_at(tokens, at); i < tokens.size() && tokens[i].begin < close; ++i) quoted[i] = true;
            at = close + closer_size - 1;
        }
    }

    // ------------------------------------------------ who a phrase names --

    // How surely a run of capitalised words tokens[begin, end) names a
    // person: a surname the article shows to be a person's, a first name in
    // it, a surname suffix, or a bare word right after the verb (`сказал
    // Шойгу`). 0: not a person (`Комитета`, `Президент` opening a sentence,
    // `с Владиславом Сурковым` where the speaker stands in the nominative).
    int person_score(std::size_t begin, std::size_t end, bool first_position, bool nominative, std::string& first_name) const {
        first_name.clear();
        for (std::size_t k = begin; k < end; ++k) {
            if (nominative && looks_instrumental_or_dative(tokens[k].normalized)) return 0;
        }
        for (std::size_t k = begin; k + 1 < end; ++k) {
            if (std::string name = first_name_nominative(tokens[k].normalized); !name.empty()) first_name = name;
        }
        const Token& last = tokens[end - 1];
        if (!first_name_nominative(last.normalized).empty() || is_latin_word(last.normalized)) {
            return !first_name.empty() && is_latin_word(last.normalized) ? 3 : 0;
        }
        if (find_known(known, last.normalized)) return 3;
        if (!first_name.empty()) return 3;
        // `Российский президент назвал`: an adjective opening a sentence.
        if (end - begin == 1 && last.sentence_start && looks_adjectival(last.normalized)) return 0;
        // `по мнению России`, `в заявлении МИД Украины`: a place, not a person.
        if (end - begin == 1 && !nominative && looks_like_place_genitive(last.normalized)) return 0;
        if (has_surname_suffix(last.normalized)) return 2;
        // `Ларс Нильсон`: two capitalised words inside a sentence, the second not
        // in an oblique case, read as first name and surname.
        const bool case_fits = !nominative || !ends_like_oblique_noun(last.normalized);
        if (end - begin == 2 && !tokens[begin].sentence_start && case_fits) return 2;
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
        return first_position && bare && !last.sentence_start ? 1 : 0;
    }

    bool may_start_name(const Token& t) const {
        return t.capitalized && !t.all_caps && !t.in_name_of_site && !t.after_open_quote;
    }

    // The person named in tokens[from, to): the run of capitalised words that
    // reads most surely as a name. `nominative` says the phrase names them in
    // the nominative (`сказал Лавров`) rather than another case (`по словам Лаврова`).
    std::optional<Person> find_person(std::size_t from, std::size_t to, bool nominative, bool first_position) const {
        std::optional<Person> best;
        int best_score = 0;
        for (std::size_t i = from; i < to; ++i) {
            if (!may_start_name(tokens[i])) continue;
            std::size_t end = i + 1;
            while (end < to && tokens[end].capitalized && !tokens[end].all_caps && !tokens[end].in_name_of_site &&
                   !tokens[end].after_open_quote) {
                ++end;
            }
            std::string first_name;
            const bool east_asian = east_asian_name_length(tokens, i) > 0 && find_known(known, tokens[i].normalized);
            const int score = east_asian ? 3 : person_score(i, end, first_position && i == from, nominative, first_name);
            if (score > best_score) {
                best = east_asian ? person_named_by(i, "", true) : person_named_by(end - 1, first_name, nominative);
                best_score = score;
            }
            i = end - 1;
        }
        return best;
    }

    Person person_named_by(std::size_t surname, const std::string& first_name, bool nominative) const {
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

    // The speaker of an attributed quotation, with what the article tells of them.
    Person person_of(const Quotation& quote) const {
        if (auto it = known.find(speaker_key(quote.speaker)); it != known.end()) return it->second;
        return Person{quote.speaker, quote.speaker_full, 0, gender_of_surname(quote.speaker)};
    }

    static bool fits(const Person& person, Gender wanted) {
        if (person.gender == Gender::unknown && wanted == Gender::female) {
            return gender_of_surname(person.surname) != Gender::male;
        }
        return wanted == Gender::unknown || person.gender == Gender::unknown || person.gender == wanted;
    }

    // The person a pronoun or a role word before token `at` refers to: the
    // speaker of the last quotation or the last person named as a subject
    // (in the nominative, outside quotations), whichever comes nearer, of
    // the `wanted` gender. `Путин встретился с Меркель. «...», — сказала она`
    // is Меркель's.
    // `self`, when given, is the quotation being attributed: the people named
    // inside its words (`Майкл Джексон совершил переворот, считает маэстро`)
    // are not who said them.
    std::optional<Person> previous_speaker(std::size_t at, Gender wanted = Gender::unknown,
                                           std::size_t self = std::string_view::npos) const {
        const std::size_t byte = at < tokens.size() ? tokens[at].begin : text.size();
        const auto inside_self = [&](std::size_t b) { return self < taken.size() && taken[self].first <= b && b < taken[self].second; };
        std::optional<Person> best;
        std::size_t best_byte = 0;
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (i == self || out[i].speaker.empty() || byte_begin[i] >= byte || (best && byte_begin[i] < best_byte)) continue;
            const Person person = person_of(out[i]);
            if (!fits(person, wanted)) continue;
            best = person;
            best_byte = byte_begin[i];
        }
        for (const Mention& m : mentions) {
            const std::size_t mention_byte = tokens[m.person.token].begin;
            if (!m.subject || mention_byte >= byte || (best && mention_byte <= best_byte) || !fits(m.person, wanted) ||
                inside_self(mention_byte)) {
                continue;
            }
            best = m.person;
            best_byte = mention_byte;
        }
        return best;
    }

    // A short title in lower case (`парламентарий`, `российский лидер`),
    // naming no one and no organisation.
    bool is_role_phrase(std::size_t from, std::size_t to, bool nominative) const {
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
        for (std::size_t i = from; i < to; ++i) {
            if (tokens[i].capitalized || is_latin_word(tokens[i].normalized)) return false;
        }
        return true;
    }

    // Whether the article gives a word of the role to someone it names in a
    // way we cannot read (`Патриарх Московский и всея Руси Кирилл`): then
    // `— заявил патриарх` may be that one, and the speaker stays unknown.
    bool role_names_someone_else(const std::string& role_head, std::size_t before) const {
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

    // `пресс-служба президента`, `посольство КР`: a body, not a person, even
    // when a person's name follows in the genitive.
    // `РАЭК`, `ФАС`: an abbreviation alone is a body too.
    bool names_a_body(std::size_t from, std::size_t to) const {
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

    static Gender gender_of_pronoun(const std::string& normalized) {
        if (normalized == "он" || normalized == "его") return Gender::male;
        if (normalized == "она" || normalized == "ее") return Gender::female;
        return Gender::unknown;
    }

    void set_speaker(Quotation& quote, const Person& person) const {
        quote.speaker = person.surname;
        quote.speaker_full = person.full_name;
    }

    // The speaker named by tokens[from, to), the words after a speech verb
    // (`министр иностранных дел Сергей Лавров`) or before a colon.
    bool attribute(Quotation& quote, std::size_t from, std::size_t to, bool nominative, bool first_position) {
        to = std::min(to, from + kMaxSpeakerPhraseWords);
        reference.reset();
        named_directly = false;
        if (from >= to) return false;
        const std::string& first = tokens[from].normalized;
        if (first == "они" || first == "их") return false;  // several people: no one speaker
        if (is_personal_pronoun_phrase(from, to)) return attribute_to_antecedent(quote, from);
        const bool body = names_a_body(from, to);
        if (!body) {
            if (auto person = find_person(from, to, nominative, first_position)) {
                set_speaker(quote, *person);
                named_directly = true;
                return true;
            }
            from = skip_adverbial(from, to);
        }
        for (std::size_t i = from; i < to && i < from + kMaxTitleWords; ++i) {
            quote.speaker_title += (quote.speaker_title.empty() ? "" : " ") + tokens[i].raw;
        }
        const std::size_t title_end = title_end_token(from, to);
        // `представитель компании`, `источник`: someone new and unnamed.
        if (body || names_unnamed_speaker(from, title_end)) return true;
        // `цитирует поручение`, `по данным за год`: a thing, not a person.
        if (!nominative && !looks_like_person_in_oblique_case(tokens[head_of(from, title_end)].normalized)) return true;
        if (auto person = person_with_title(from, title_end, nominative)) set_speaker(quote, *person);
        return true;
    }

    // `он`, `она`; `его`/`ее` alone (`по его словам`, `приводит его
    // «Росбалт»`), not as a possessive (`ее гендиректор Максим Орлов`).
    bool is_personal_pronoun_phrase(std::size_t from, std::size_t to) const {
        const std::string& first = tokens[from].normalized;
        if (first == "он" || first == "она") return true;
        return (first == "его" || first == "ее") && skip_medium(from + 1, to) == to;
    }

    // `— сказал он`, `по ее словам`.
    bool attribute_to_antecedent(Quotation& quote, std::size_t pronoun) {
        const Gender gender = gender_of_pronoun(tokens[pronoun].normalized);
        const auto person = previous_speaker(pronoun, gender);
        if (!person) return false;
        set_speaker(quote, *person);
        reference.emplace(pronoun, gender);
        return true;
    }

    // The person a title (`министр`, `глава Комитета СФ`) or a bare role
    // word (`парламентарий`) in tokens[from, to) refers to.
    std::optional<Person> person_with_title(std::size_t from, std::size_t to, bool nominative) {
        std::vector<std::string> title_words;
        for (std::size_t i = from; i < to; ++i) {
            if (!is_stopword(tokens[i].normalized)) title_words.push_back(tokens[i].normalized);
        }
        if (auto person = resolve_title(title_words, mentions, from); person && fits(*person, verb_gender)) return person;
        // `— продолжил парламентарий`: a bare role word refers back to the
        // person quoted or named just before, unless the article gives the
        // role to someone else too.
        if (!is_role_phrase(from, to, nominative) || role_names_someone_else(tokens[head_of(from, to)].normalized, from)) {
            return std::nullopt;
        }
        const Gender wanted = verb_gender != Gender::unknown ? verb_gender : gender_of_role(tokens[head_of(from, to)].normalized);
        auto person = previous_speaker(from, wanted);
        if (person && titled_otherwise(*person, title_words)) return std::nullopt;
        if (person) reference.emplace(from, wanted);
        return person;
    }

    // Whether the article titles `person` with another country's or body's
    // adjective than `title_words` have (`итальянского` for `российского`).
    bool titled_otherwise(const Person& person, const std::vector<std::string>& title_words) const {
        for (const Mention& m : mentions) {
            if (m.person.surname == person.surname && qualifiers_conflict(title_words, m.context)) return true;
        }
        return false;
    }

    // `исследовательница`, `феминистка`, `принцесса`: a woman's role word.
    static Gender gender_of_role(const std::string& head) {
        for (std::string_view ending : {"ница", "есса", "иня", "истка", "ачка"}) {
            if (ends_with(head, ending)) return Gender::female;
        }
        return Gender::unknown;
    }

    // `в интервью Fox глава ведомства Джон Керри`, `на брифинге вице-премьер`:
    // where and how, before the speaker.
    std::size_t skip_adverbial(std::size_t from, std::size_t to) const {
        if (from + 2 >= to || !is_preposition(tokens[from].normalized)) return from;
        std::size_t i = from + 2;
        while (i < to && (tokens[i].capitalized || is_latin_word(tokens[i].normalized))) ++i;
        return i < to ? i : from;
    }

    // The title proper: up to a preposition after its first word
    // (`глава государства к членам правительства`).
    std::size_t title_end_token(std::size_t from, std::size_t to) const {
        for (std::size_t i = from + 1; i < to && i < from + kMaxTitleWords; ++i) {
            if (is_preposition(tokens[i].normalized)) return i;
        }
        return std::min(to, from + kMaxTitleWords);
    }

    static bool is_preposition(const std::string& normalized) {
        static const std::set<std::string> prepositions = {"в", "во", "на", "с", "со", "по", "для", "из", "от", "к",
                                                           "о", "об", "у", "за", "при", "под", "над", "до"};
        return prepositions.count(normalized) != 0;
    }

    // The head of a title: its first word that is no adjective
    // (`японского чиновника`, `главы либерал-демократов`).
    std::size_t head_of(std::size_t from, std::size_t to) const {
        std::size_t head = from;
        while (head + 1 < to && looks_adjectival(tokens[head].normalized)) ++head;
        return head;
    }

    // After `цитирует` or `по словам` a person stands in the genitive or
    // accusative (`режиссера`, `главы`, `автора`), a thing often not
    // (`поручение`, `год`).
    static bool looks_like_person_in_oblique_case(const std::string& head) {
        for (std::string_view ending : {"а", "я", "ы", "и", "у", "ю"}) {
            if (ends_with(head, ending)) return true;
        }
        return false;
    }

    bool names_unnamed_speaker(std::size_t from, std::size_t to) const {
        static const std::vector<std::string> words = data::words(data::kUnnamedSpeakers);
        for (std::size_t i = from; i < to; ++i) {
            for (const std::string& word : words) {
                if (tokens[i].normalized.compare(0, word.size(), word) == 0) return true;
            }
        }
        return false;
    }

    // Tokens of the speaker phrase after byte `from`: up to the end of the
    // sentence or clause. Quoted names inside it (`представитель
    // «министерства обороны» ДНР`) do not end it.
    std::size_t phrase_end_token(std::size_t from_byte) const {
        std::size_t end = sentence_end(from_byte);
        for (std::size_t at = from_byte; at < end; ++at) {
            const char c = text[at];
            if (c == ',' || c == ';' || c == '(' || c == ':') {
                end = at;
                break;
            }
        }
        return token_at(tokens, end);
    }

    // The words of a medium after `цитирует`: `РБК`, `«Росбалт»`,
    // `Лента.ру`, `РИА Новости`. Returns the first token after them.
    std::size_t skip_medium(std::size_t i, std::size_t last) const {
        static const std::vector<std::string> agencies = [] {
            std::vector<std::string> out;
            for (std::string_view line : data::lines(data::kAgencies)) out.push_back(normalize_text(line));
            return out;
        }();
        while (i < last) {
            const Token& t = tokens[i];
            if (t.all_caps || t.in_name_of_site || is_latin_word(t.normalized)) {
                ++i;
            } else if (t.after_open_quote) {
                std::size_t closer_size = 0;
                const QuotePair* pair = nullptr;
                std::size_t open = t.begin;
                while (open > 0 && !(pair = quote_opening_at(text, open - 1, false))) --open;
                const std::size_t close = pair ? find_closing(text, open, *pair, closer_size) : std::string_view::npos;
                if (close == std::string_view::npos) return i;
                i = token_at(tokens, close);
            } else if (const std::size_t words = agency_words_at(i, agencies); words > 0) {
                i += words;
            } else {
                break;
            }
        }
        return i;
    }

    std::size_t agency_words_at(std::size_t i, const std::vector<std::string>& agencies) const {
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

    // A verb whose object is the speaker: `— цитирует РБК режиссера`,
    // `— приводит его «Росбалт»`.
    static bool quotes_its_object(const std::string& verb) {
        return verb.rfind("цитир", 0) == 0 || verb.rfind("привод", 0) == 0;
    }

    // The speaker after a speech verb at token `verb`, up to token `last`.
    // `сказала` asks for a woman; `заявили` for no one person.
    bool attribute_after_verb(Quotation& quote, std::size_t verb, std::size_t last) {
        const std::string& v = tokens[verb].normalized;
        // `— передает слова судьи издание`, `приводит слова министра`.
        if ((quotes_its_object(v) || is_source_verb(v)) && verb + 1 < last) {
            const std::size_t words = skip_medium(verb + 1, last);
            if (words < last && (tokens[words].normalized == "слова" || tokens[words].normalized == "слов")) {
                return attribute(quote, words + 1, last, false, true);
            }
        }
        if (quotes_its_object(v)) return attribute(quote, skip_medium(verb + 1, last), last, false, true);
        verb_gender = gender_of_verb(v);
        const bool attributed = attribute(quote, verb + 1, last, true, true);
        verb_gender = Gender::unknown;
        if (attributed && is_plural_verb(v)) {
            quote.speaker.clear();
            quote.speaker_full.clear();
            reference.reset();
        }
        return attributed;
    }

    // `заявили`, `считают`, `говорят`: said by several.
    static bool is_plural_verb(const std::string& normalized) {
        return ends_with(normalized, "ли") || ends_with(normalized, "ют") || ends_with(normalized, "ят") ||
               ends_with(normalized, "лись");
    }

    // After the closing mark: `, — сказал Путин`, `, — Путин сказал`, or
    // without the dash `", заявил Шувалов`.
    bool attribute_after(Quotation& quote, std::size_t after) {
        std::size_t at = after;
        bool comma = false;
        while (at < text.size() && (text[at] == ',' || text[at] == ' ' || text[at] == '.' || text[at] == '!' ||
                                    text[at] == '?' || text.substr(at, 3) == "…")) {
            comma = comma || text[at] == ',';
            at += text.substr(at, 3) == "…" ? 3 : 1;
        }
        const std::string_view rest = text.substr(at);
        std::size_t dash = 0;
        for (std::string_view mark : {"—", "–", "-"}) {
            if (rest.substr(0, mark.size()) == mark) dash = mark.size();
        }
        if (dash == 0 && !comma) return false;
        const std::size_t first = token_at(tokens, at + dash);
        const std::size_t last = phrase_end_token(at + dash);
        if (first >= last) return false;
        const std::string& verb = tokens[first].normalized;
        if (is_document_verb(verb)) return attribute_to_document(quote, first + 1, last);
        if ((is_finite_speech_verb(verb) || is_source_verb(verb)) && !tokens[first].capitalized) {
            return attribute_after_verb(quote, first, last);
        }
        if (dash != 0 && first + 1 < last && is_finite_speech_verb(tokens[first + 1].normalized)) {
            return attribute(quote, first, first + 1, true, true);
        }
        return false;
    }

    // `говорится в статье Лапина`, `в заявлении МИД Украины`: tokens[in, last)
    // open with `в` and the document; its author or source follows in the
    // genitive. True when a person or a named source is given.
    bool attribute_to_document(Quotation& quote, std::size_t in, std::size_t last) {
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
        for (std::size_t i = in; i < last && i < in + kMaxTitleWords; ++i) {
            quote.speaker_title += (quote.speaker_title.empty() ? "" : " ") + tokens[i].raw;
        }
        return tokens[source].capitalized || names_a_body(source, last);
    }

    // `..., говорится в статье.` with no author named: the person quoted or
    // named as a subject just before, whose text the article discusses.
    bool attribute_to_author_discussed(Quotation& quote, std::size_t document) {
        static const std::vector<std::string> authored = data::words(data::kAuthoredTexts);
        if (std::find(authored.begin(), authored.end(), tokens[document].normalized) == authored.end()) return false;
        const auto person = previous_speaker(document);
        if (!person) return false;
        set_speaker(quote, *person);
        reference.emplace(document, Gender::unknown);
        return true;
    }

    // The start of a colon clause: its sentence, or the quotation it stands
    // in (`«Антон Красовский: «Я гей...»»`, a title of an article).
    std::size_t clause_start(std::size_t colon) const {
        const std::size_t start = sentence_start(colon);
        for (std::size_t at = colon; at > start; --at) {
            const QuotePair* pair = quote_opening_at(text, at - 1, false);
            if (!pair || !opens_at_word_start(at - 1, pair->open.size())) continue;
            std::size_t closer_size = 0;
            const std::size_t close = closing_of(at - 1, *pair, closer_size);
            if (close != std::string_view::npos && close > colon) return at - 1 + pair->open.size();
        }
        return start;
    }

    // `Юрий Любимов о предложении вернуться: "..."`: a headline naming the
    // speaker and the topic. Returns the token of `о`, or `last`.
    std::size_t headline_topic(std::size_t first, std::size_t last) const {
        for (std::size_t i = first + 1; i < last && i < first + 4; ++i) {
            const std::string& w = tokens[i].normalized;
            if (w == "о" || w == "об" || w == "про") return find_person(first, i, true, true) ? i : last;
        }
        return last;
    }

    // Before the opening mark: `Лавров: «...»`, `Глава МИД заявил: «...»`.
    bool attribute_before(Quotation& quote, std::size_t open) {
        std::size_t at = open;
        while (at > 0 && text[at - 1] == ' ') --at;
        if (at == 0 || text[at - 1] != ':') return false;
        const std::size_t start = clause_start(at - 1);
        const std::size_t first = token_at(tokens, start);
        const std::size_t last = token_at(tokens, at - 1);
        if (first >= last) return false;
        std::size_t verb = last;
        for (std::size_t i = first; i < last; ++i) {
            if (is_finite_speech_verb(tokens[i].normalized)) verb = i;
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
            const std::size_t topic = headline_topic(first, last);
            return topic < last && attribute(quote, first, topic, true, true);
        }
        // `заявил Лавров:` or `Лавров заявил:` / `Глава МИД заявил журналистам:`
        // `Соловьёв отметил, что ...:` — a comma after the verb: the speaker stands before it.
        const bool clause_follows = text.find_first_not_of(' ', tokens[verb].end) == text.find(',', tokens[verb].end);
        if (!clause_follows && verb + 1 < last && find_person(verb + 1, last, true, true)) {
            return attribute(quote, verb + 1, last, true, true);
        }
        const std::size_t subject = find_person(first, verb, true, true) ? first : clause_after_last_comma(first, verb);
        return attribute(quote, subject, verb, true, true);
    }

    // `Например, исследовательница говорит:`: without a name, the subject is
    // sought in the clause of the verb, after the last comma before it.
    std::size_t clause_after_last_comma(std::size_t first, std::size_t verb) const {
        for (std::size_t i = verb; i > first; --i) {
            if (text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end).find(',') != std::string_view::npos) return i;
        }
        return first;
    }

    void add(Quotation quote, std::size_t begin, std::size_t end) {
        quote.begin = chars_before(begin);
        quote.end = quote.begin + utf8_length(text.substr(begin, end - begin));
        if (quote.speaker_full.empty()) quote.speaker_full = quote.speaker;
        taken.emplace_back(begin, end);
        byte_begin.push_back(begin);
        references.push_back(reference);
        reference.reset();
        out.push_back(std::move(quote));
    }

    // The passes find quotations out of order (`по словам` after «...»), so
    // `— отметил он` is read again, in the order of the text, once all are found.
    void resolve_references() {
        std::vector<std::size_t> order(out.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return byte_begin[a] < byte_begin[b]; });
        for (std::size_t i : order) {
            if (!references[i]) continue;
            if (const auto person = previous_speaker(references[i]->first, references[i]->second, i)) {
                set_speaker(out[i], *person);
            } else {
                out[i].speaker.clear();
                out[i].speaker_full.clear();
            }
        }
    }

    std::size_t word_count(std::size_t begin, std::size_t end) const { return token_at(tokens, end) - token_at(tokens, begin); }

    // Bytes of `, —`, `, –` or `, -` at `at`, or 0.
    std::size_t comma_and_dash_at(std::size_t at) const {
        for (std::string_view mark : {", —", ", –", ", -"}) {
            if (text.substr(at, mark.size()) == mark) return mark.size();
        }
        return 0;
    }

    // «Часть первая, — сказал Путин. — Часть вторая»: the attribution inside.
    bool split_inside(Quotation& quote, std::size_t inside, std::size_t close) {
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
            std::size_t resume = attribution_end + 1;
            while (resume < close && (text[resume] == ' ' || text.substr(resume, 3) == "—" || text.substr(resume, 3) == "–" ||
                                      text[resume] == '-')) {
                resume += (text.substr(resume, 3) == "—" || text.substr(resume, 3) == "–") ? 3 : 1;
            }
            quote.text = std::string(text.substr(inside, at - inside)) + " " + std::string(text.substr(resume, close - resume));
            return true;
        }
        return false;
    }

    // Whether the character before byte `at` is a letter or digit
    // (`меры"`: a mark after a word closes).
    bool after_letter(std::size_t at) const {
        int32_t i = static_cast<int32_t>(at);
        UChar32 c = 0;
        U8_PREV(text.data(), 0, i, c);
        return c >= 0 && u_isalnum(c);
    }

    // An opening mark stands before a word, after a space, a bracket or
    // another mark (`«„`, `—«`), not after a letter.
    bool opens_at_word_start(std::size_t at, std::size_t size) const {
        const bool after_gap = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '(' ||
                               text[at - 1] == ':' || (static_cast<unsigned char>(text[at - 1]) >= 0x80 && !after_letter(at));
        const bool straight = text[at] == '"';
        return after_gap && at + size < text.size() && !(straight && text[at + size] == ' ');
    }

    // `« Мы создали ... »`: the quotation without the spaces inside its marks.
    void trim_inside(std::size_t& inside, std::size_t& close) const {
        while (inside < close && text[inside] == ' ') ++inside;
        while (close > inside && text[close - 1] == ' ') --close;
    }

    void quoted_speech() {
        for (std::size_t at = 0; at < text.size(); ++at) {
            const QuotePair* pair = quote_opening_at(text, at, false);
            if (!pair || !opens_at_word_start(at, pair->open.size())) continue;
            std::size_t inside = at + pair->open.size();
            std::size_t closer_size = 0;
            std::size_t close = closing_of(at, *pair, closer_size);
            if (close == std::string_view::npos) continue;
            const std::size_t after = close + closer_size;
            trim_inside(inside, close);
            bool attributed = false;
            if (word_count(inside, close) >= kMinQuoteWords) {
                Quotation quote;
                quote.text = std::string(text.substr(inside, close - inside));
                attributed = split_inside(quote, inside, close) || attribute_after(quote, after) || attribute_before(quote, at);
                if (attributed) add(std::move(quote), inside, close);
            }
            // A quotation nobody is said to have spoken may hold one that is
            // (`«Антон Красовский: «Я гей...»»`, the title of an article).
            at = attributed ? after - 1 : inside - 1;
        }
    }

    // A paragraph of direct speech: `— Мы готовы, — сказал он.`
    void dashed_speech() {
        std::size_t line_start = 0;
        while (line_start < text.size()) {
            std::size_t line_end = text.find('\n', line_start);
            if (line_end == std::string_view::npos) line_end = text.size();
            std::size_t at = line_start;
            while (at < line_end && text[at] == ' ') ++at;
            const std::string_view line = text.substr(at, line_end - at);
            if (line.substr(0, 3) == "—" || line.substr(0, 3) == "–") {
                const std::size_t inside = at + 3;
                for (std::size_t k = inside; k + 4 < line_end; ++k) {
                    if (text[k] != ',' || (text.substr(k + 2, 3) != "—" && text.substr(k + 2, 3) != "–")) continue;
                    Quotation quote;
                    quote.text = std::string(trim_spaces(text.substr(inside, k - inside)));
                    if (word_count(inside, k) >= kMinQuoteWords && !overlaps(inside, k) && attribute_after(quote, k)) {
                        add(std::move(quote), inside, k);
                    }
                    break;
                }
            }
            line_start = line_end + 1;
        }
    }

    // The words from the comma after an attribution to the end of the
    // sentence: what the attribution reports. False when there are too few.
    bool reported_words(std::size_t comma, std::size_t& inside, std::size_t& end) const {
        end = sentence_end(comma);
        inside = comma + 1;
        while (inside < end && text[inside] == ' ') ++inside;
        return word_count(inside, end) >= kMinQuoteWords && !overlaps(inside, end);
    }

    // `По словам Лаврова, ...`, `по его мнению, ...`, `по признанию
    // экс-худрука, ...` to the end of the sentence.
    void reported_speech() {
        for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
            if (tokens[i].normalized != "по" || quoted[i]) continue;
            const std::string& next = tokens[i + 1].normalized;
            const bool pronoun = next == "его" || next == "ее" || next == "их";
            const std::size_t noun = pronoun ? i + 2 : i + 1;
            if (!is_reporting_noun(tokens[noun].normalized)) continue;
            const std::size_t speaker = pronoun ? i + 1 : i + 2;
            const std::size_t comma = text.find(',', tokens[noun].end);
            if (comma == std::string_view::npos || comma >= sentence_end(tokens[noun].end)) continue;
            std::size_t inside = 0, end = 0;
            if (!reported_words(comma, inside, end)) continue;
            Quotation quote;
            quote.text = std::string(text.substr(inside, end - inside));
            const std::size_t phrase_end = pronoun ? i + 2 : token_at(tokens, comma);
            if (!attribute(quote, speaker, phrase_end, false, true)) continue;
            // `по данным переписи`, `по данным Росстата`: a document or a body,
            // not a speaker, unless the article shows it is a person.
            if (!reports_words(tokens[noun].normalized) && !(named_directly && find_known(known, normalize_text(quote.speaker)))) {
                continue;
            }
            add(std::move(quote), inside, end);
        }
    }

    // `Как отметил депутат, ...`, `как сообщили в посольстве, ...`.
    void as_said_by() {
        for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
            if (tokens[i].normalized != "как" || quoted[i] || !is_finite_speech_verb(tokens[i + 1].normalized)) continue;
            if (tokens[i + 1].begin != tokens[i].end + 1) continue;
            const std::size_t comma = text.find(',', tokens[i + 1].end);
            if (comma == std::string_view::npos || comma >= sentence_end(tokens[i + 1].end)) continue;
            std::size_t inside = 0, end = 0;
            if (!reported_words(comma, inside, end)) continue;
            Quotation quote;
            quote.text = std::string(text.substr(inside, end - inside));
            if (attribute_after_verb(quote, i + 1, token_at(tokens, comma))) add(std::move(quote), inside, end);
        }
    }

    // Whether what follows an attribution at token `end_token` still belongs
    // to it: the sentence ends, or a source follows (`, передает РИА
    // Новости`), not a clause of its own (`, что ...`).
    bool attribution_closes_sentence(std::size_t end_token) const {
        if (end_token >= tokens.size()) return true;
        const std::size_t after = tokens[end_token - 1].end;
        if (sentence_end(after) <= tokens[end_token].begin) return true;
        if (text[after] != ',') return true;
        const std::string& next = tokens[end_token].normalized;
        return is_source_verb(next) || is_speech_verb(next);
    }

    // `Кыргызстан продолжает ..., заявил советник посольства Манас Жолдошбеков.`
    // and `..., — заключил глава комитета.` without quote marks: the sentence
    // before a comma and a speech verb that ends it.
    void sentence_final_attribution() {
        for (std::size_t i = 1; i < tokens.size(); ++i) {
            const std::string& verb = tokens[i].normalized;
            const bool document = is_document_verb(verb);
            if (!(is_finite_speech_verb(verb) || is_source_verb(verb) || document) || tokens[i].capitalized || quoted[i]) continue;
            std::size_t at = tokens[i].begin;
            auto long_dash_before = [&](std::size_t pos) {
                return pos >= 3 && (text.substr(pos - 3, 3) == "—" || text.substr(pos - 3, 3) == "–");
            };
            while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '-' || long_dash_before(at))) {
                at -= long_dash_before(at) ? 3 : 1;
            }
            if (at == 0 || text[at - 1] != ',') continue;
            const std::size_t comma = at - 1;
            const std::size_t start = sentence_start(comma);
            const std::size_t inside = start + (text[start] == ' ' ? 1 : 0);
            if (word_count(inside, comma) < kMinQuoteWords || overlaps(inside, comma)) continue;
            // A quotation in marks that makes the whole clause is found as such.
            if (quote_opening_at(text, inside, false)) continue;
            const std::size_t end_token = phrase_end_token(tokens[i].end);
            if (!attribution_closes_sentence(end_token) || takes_a_topic(i + 1)) continue;
            Quotation quote;
            quote.text = std::string(text.substr(inside, comma - inside));
            if (document ? !attribute_to_document(quote, i + 1, end_token) : !attribute_after_verb(quote, i, end_token)) continue;
            // `..., сообщает «Интерфакс»`: a medium is no speaker.
            if (quote.speaker.empty() && !document && !names_a_body(i + 1, end_token)) continue;
            add(std::move(quote), inside, comma);
        }
    }

    // `... . Об этом заявил Юрий Соловьёв.`: the sentence before is what
    // the speaker said.
    void about_this() {
        for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
            if (tokens[i].normalized != "об" || tokens[i + 1].normalized != "этом" || !tokens[i].sentence_start || quoted[i]) {
                continue;
            }
            const std::size_t end_token = phrase_end_token(tokens[i].end);
            std::size_t verb = i + 2;
            while (verb < end_token && !is_finite_speech_verb(tokens[verb].normalized) && !is_source_verb(tokens[verb].normalized)) {
                ++verb;
            }
            // `Об этом было заявлено`: no one is named.
            if (verb >= end_token || ends_with(tokens[verb].normalized, "но")) continue;
            const std::size_t end = sentence_start(tokens[i].begin);
            if (end < 2 || text[end - 1] == '\n') continue;  // a statement in the same paragraph
            const std::size_t start = sentence_start(end - 2);
            const std::size_t inside = start + (text[start] == ' ' ? 1 : 0);
            const std::size_t stop = text[end - 1] == ' ' ? end - 1 : end;
            if (word_count(inside, stop) < kMinQuoteWords || overlaps(inside, stop) || quote_opening_at(text, inside, false) ||
                has_speech_verb(inside, stop)) {
                continue;
            }
            Quotation quote;
            quote.text = std::string(text.substr(inside, stop - inside));
            // `Об этом он заявил`; `Об этом в интервью заявил Соловьёв`.
            const std::size_t subject = subject_before_verb(i + 2, verb);
            const bool attributed = subject < verb ? attribute(quote, subject, verb, true, true)
                                                   : attribute_after_verb(quote, verb, end_token);
            if (attributed && (!quote.speaker.empty() || names_a_body(verb + 1, end_token))) add(std::move(quote), inside, stop);
        }
    }

    // `..., сообщил о проведении торгов`: the verb goes on to its topic; the
    // words before the comma are not what was said.
    bool takes_a_topic(std::size_t after_verb) const {
        if (after_verb >= tokens.size()) return false;
        const std::string& next = tokens[after_verb].normalized;
        return next == "о" || next == "об" || next == "про" || next == "что";
    }

    // `Кандидат ... заявил, что ...`: the sentence reports speech itself and
    // is no statement `Об этом` could refer to.
    bool has_speech_verb(std::size_t begin, std::size_t end) const {
        for (std::size_t i = token_at(tokens, begin); i < tokens.size() && tokens[i].begin < end; ++i) {
            if (is_speech_verb(tokens[i].normalized)) return true;
        }
        return false;
    }

    // A pronoun or a name among tokens[from, verb), or `verb`.
    std::size_t subject_before_verb(std::size_t from, std::size_t verb) const {
        for (std::size_t i = from; i < verb; ++i) {
            if (tokens[i].normalized == "он" || tokens[i].normalized == "она") return i;
        }
        return find_person(from, verb, true, false) ? from : verb;
    }

    // Where the subject of the sentence holding byte `at` may stand: after
    // the sentence start and after any quotation closed before `at`.
    std::size_t subject_start(std::size_t at) const {
        std::size_t start = sentence_start(at);
        for (const auto& [b, e] : taken) {
            if (e <= at && e > start) start = e;
        }
        return start;
    }

    // A short quoted fragment in reported speech: `Меркель признала, что
    // это "своего рода потеря"`, `охарактеризовал переговоры как «очень
    // сложные»`. It starts in lower case, stands after a speech verb whose
    // subject is a person, and ends the sentence (or is long enough not to
    // be a scare quote like "на полях").
    void embedded_fragments() {
        for (std::size_t at = 0; at < text.size(); ++at) {
            const QuotePair* pair = quote_opening_at(text, at, false);
            if (!pair || !opens_at_word_start(at, pair->open.size())) continue;
            std::size_t inside = at + pair->open.size();
            std::size_t closer_size = 0;
            std::size_t close = closing_of(at, *pair, closer_size);
            if (close == std::string_view::npos) continue;
            const std::size_t after = close + closer_size;
            trim_inside(inside, close);
            const std::size_t first = token_at(tokens, inside);
            if (first < tokens.size() && tokens[first].begin < close && !tokens[first].capitalized && !overlaps(inside, close) &&
                (ends_sentence(after) || word_count(inside, close) >= 4)) {
                Quotation quote;
                quote.text = std::string(text.substr(inside, close - inside));
                if (!after_preposition(first) && !is_set_phrase(first, close) && attribute_fragment(quote, at)) {
                    add(std::move(quote), inside, close);
                }
            }
            at = after - 1;
        }
    }

    // `в рамках "большой двадцатки"`, `на "полях"`: a preposition within two
    // words before the mark makes the quoted words a name, not speech.
    bool after_preposition(std::size_t first_inside) const {
        for (std::size_t k = first_inside; k > 0 && first_inside - k < 2;) {
            --k;
            static const std::set<std::string> prepositions = {"в", "во", "на", "с", "со", "по", "для", "из", "от",
                                                               "к", "о", "об", "у", "за", "при", "под", "над", "до"};
            if (prepositions.count(tokens[k].normalized) != 0) return true;
        }
        return false;
    }

    // `"на полях"`, `«в целом»`: two words opening with a preposition are a
    // set phrase in quote marks, not someone's words.
    bool is_set_phrase(std::size_t first, std::size_t close) const {
        return is_preposition(tokens[first].normalized) && word_count(tokens[first].begin, close) <= 2;
    }

    // After a closing mark: the end of the sentence, or `и «...»` going on.
    bool ends_sentence(std::size_t after) const {
        std::size_t at = after;
        while (at < text.size() && text[at] == ' ') ++at;
        if (at >= text.size() || text[at] == '.' || text[at] == '!' || text[at] == '?' || text[at] == '\n') return true;
        return text.substr(at, 3) == "и " && quote_opening_at(text, at + 3, false);
    }

    bool attribute_fragment(Quotation& quote, std::size_t open) {
        const std::size_t first = token_at(tokens, subject_start(open));
        const std::size_t last = token_at(tokens, open);
        std::size_t verb = first;
        while (verb < last && !((is_finite_speech_verb(tokens[verb].normalized) || is_characterising_verb(tokens[verb].normalized)) &&
                                !tokens[verb].capitalized)) {
            ++verb;
        }
        if (verb >= last || verb == first || is_plural_verb(tokens[verb].normalized)) return false;
        for (std::size_t i = first; i < verb; ++i) {
            if (tokens[i].normalized == "он" || tokens[i].normalized == "она") {
                return attribute(quote, i, verb, true, true) && !quote.speaker.empty();
            }
        }
        reference.reset();
        if (const auto person = find_person(first, verb, true, false)) {
            set_speaker(quote, *person);
            return true;
        }
        return false;
    }

    static std::string_view trim_spaces(std::string_view s) {
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        return s;
    }
};

}  // namespace

std::vector<Quotation> extract_quotations(std::string_view text) {
    Extractor extractor(text);
    extractor.quoted_speech();
    extractor.dashed_speech();
    extractor.reported_speech();
    extractor.as_said_by();
    extractor.sentence_final_attribution();
    extractor.about_this();
    extractor.embedded_fragments();
    extractor.resolve_references();
    std::sort(extractor.out.begin(), extractor.out.end(),
              [](const Quotation& a, const Quotation& b) { return a.begin < b.begin; });
    return std::move(extractor.out);
}

std::string speaker_key(std::string_view name) {
    // `Сергей Лавров` and `Лавров` are one speaker: the surname decides.
    std::string normalized;
    for_each_word(name, [&](const Word& w) { normalized = w.normalized; });
    const std::string base = surname_base(normalized);
    return base.empty() ? normalized : base;
}

}  // namespace core

namespace core {

std::string citation_line(const Quotation& quote, std::string_view source, std::string_view date, std::string_view url) {
    std::string line = "«" + quote.text + "»";
    const std::string& who = !quote.speaker_full.empty() ? quote.speaker_full : quote.speaker_title;
    bool first = true;
    for (std::string_view part : {std::string_view(who), source, date, url}) {
        if (part.empty()) continue;
        line += first ? " — " : ", ";
        line += part;
        first = false;
    }
    return line;
}

}  // namespace core
