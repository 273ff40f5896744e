#include "core/quotes/names.h"

#include "core/data.h"
#include "core/dictionary.h"
#include "core/russian.h"
#include "core/text.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace core::quotes_detail {
namespace {

// `Илья` → `ильи`, `илье`, `илью`, `ильей`: the cases of a name in -а/-я,
// which the surname paradigms do not give.
std::vector<std::string> oblique_forms(const std::string& name) {
    std::vector<std::string> forms;
    if (ends_with(name, "я")) {
        const std::string stem = name.substr(0, name.size() - 2);
        for (std::string_view ending : {"и", "е", "ю", "ей"}) forms.push_back(stem + std::string(ending));
    } else if (ends_with(name, "а")) {
        const std::string stem = name.substr(0, name.size() - 2);
        const bool soft = ends_with(stem, "г") || ends_with(stem, "к") || ends_with(stem, "х") || ends_with(stem, "ш") ||
                          ends_with(stem, "ж") || ends_with(stem, "ч") || ends_with(stem, "щ");
        for (std::string_view ending : {soft ? "и" : "ы", "е", "у", "ой"}) forms.push_back(stem + std::string(ending));
    }
    return forms;
}

// First names by their case-independent base (`константина` → Константин).
const std::unordered_map<std::string, std::string>& first_names() {
    static const std::unordered_map<std::string, std::string> names = [] {
        std::unordered_map<std::string, std::string> out;
        for (const std::string& name : data::words(data::kFirstNames)) {
            const std::string base = surname_base(name);
            out.emplace(name, capitalize(name));
            if (!base.empty()) out.emplace(base, capitalize(name));
            for (const std::string& form : oblique_forms(name)) out.emplace(form, capitalize(name));
        }
        return out;
    }();
    return names;
}

}  // namespace

namespace {

std::string look_up_first_name(const std::string& normalized) {
    const auto& names = first_names();
    auto it = names.find(normalized);
    if (it == names.end()) {
        const std::string base = surname_base(normalized);
        if (base.empty()) return {};
        it = names.find(base);
        if (it == names.end()) return {};
    }
    // `Динар` is no case of `Динара`, whose stem never stands bare: a man's
    // name of its own, in the nominative.
    const std::string nominative = normalize_text(it->second);
    if (normalized.size() < nominative.size() && nominative.compare(0, normalized.size(), normalized) == 0) {
        return capitalize(normalized);
    }
    return it->second;
}

constexpr std::size_t kMaxRememberedWords = 100000;

}  // namespace

// Asked for nearly every word of an article, and surname_base() costs about
// as much as the rest of the extraction: each thread remembers the answers.
std::string first_name_nominative(const std::string& normalized) {
    thread_local std::unordered_map<std::string, std::string> answers;
    if (auto it = answers.find(normalized); it != answers.end()) return it->second;
    if (answers.size() >= kMaxRememberedWords) answers.clear();
    return answers.emplace(normalized, look_up_first_name(normalized)).first->second;
}

bool is_listed_first_name(const std::string& normalized) {
    const auto& names = first_names();
    const auto it = names.find(normalized);
    return it != names.end() && normalize_text(it->second) == normalized;
}

bool is_nominative_first_name(const std::string& normalized) {
    const std::string name = first_name_nominative(normalized);
    return !name.empty() && normalize_text(name) == normalized;
}

bool is_patronymic(const std::string& normalized) {
    for (std::string_view part : {"ович", "евич", "овн", "евн", "ичн"}) {
        if (normalized.size() > 8 && normalized.find(part) != std::string::npos) return true;
    }
    return false;
}

bool has_surname_suffix(const std::string& normalized) {
    const std::string base = surname_nominative_base(normalized);
    const std::string& word = base.empty() ? normalized : base;
    for (std::string_view suffix : {"ов", "ев", "ин", "ын", "ск", "цк", "их", "ых", "ко", "ук", "юк", "дзе", "швили", "ян"}) {
        if (ends_with(word, suffix)) return true;
    }
    return false;
}

bool has_distinctive_surname_suffix(const std::string& normalized) {
    for (std::string_view suffix : {"заде", "дзе", "швили", "енко", "ян", "ук", "юк"}) {
        if (ends_with(normalized, suffix)) return true;
    }
    return false;
}

bool is_east_asian_surname(const std::string& normalized) {
    static const std::vector<std::string> surnames = data::words(data::kEastAsianSurnames);
    return std::find(surnames.begin(), surnames.end(), normalized) != surnames.end();
}

bool may_start_name(const Token& t) {
    return t.capitalized && !t.all_caps && !t.in_name_of_site && !t.after_open_quote && !t.compound_head;
}

bool may_be_surname(const Token& t) {
    return may_start_name(t) && !is_latin_word(t.normalized) && first_name_nominative(t.normalized).empty();
}

namespace {

// What the dictionary says of a word, asked once per spelling: a look-up
// costs about 13 µs and names keep coming, so each thread remembers.
struct DictionaryFacts {
    bool known_as_written = false;  // `Совета`, `Однако`, `Афины`
    bool headword = false;          // in lower case a dictionary form of its own: `однако`, `сын`
};

const DictionaryFacts& facts_of(const Token& t) {
    thread_local std::unordered_map<std::string, DictionaryFacts> answers;
    if (auto it = answers.find(t.raw); it != answers.end()) return it->second;
    if (answers.size() >= kMaxRememberedWords) answers.clear();
    const RussianDictionary& dictionary = RussianDictionary::instance();
    DictionaryFacts facts;
    facts.known_as_written = dictionary.knows(t.raw);
    if (dictionary.knows(t.normalized)) {
        const std::vector<std::string> lemmas = dictionary.lemmas(t.normalized);
        facts.headword = std::find(lemmas.begin(), lemmas.end(), t.normalized) != lemmas.end();
    }
    return answers.emplace(t.raw, facts).first->second;
}

}  // namespace

bool is_dictionary_word(const Token& t) {
    const DictionaryFacts& facts = facts_of(t);
    // `Сын погибшего говорит:`: opening a sentence, a word of its own in the
    // dictionary (not a form of another, as `лавров` of `лавр`).
    if (t.sentence_start && facts.headword) return true;
    // `Лапина`, `Лавров`, `Янукович` may be dictionary words too; a surname's
    // ending keeps them names.
    if (has_surname_suffix(t.normalized) || ends_with(t.normalized, "ич")) return false;
    // Hunspell accepts a common word capitalised (`Однако`) and knows places
    // (`Афины`) only so.
    return facts.known_as_written;
}

bool is_common_headword(const Token& t) { return facts_of(t).headword; }

bool in_dictionary(const Token& t) { return facts_of(t).known_as_written; }

std::string surname_nominative(const Token& token) {
    const std::string base = surname_nominative_base(token.normalized);
    if (base.empty()) return token.raw;
    const bool adjectival = base.size() >= 4 && (base.compare(base.size() - 4, 4, "ск") == 0 ||
                                                  base.compare(base.size() - 4, 4, "цк") == 0);
    return capitalize(adjectival ? base + "ий" : base);
}

bool looks_instrumental_or_dative(const std::string& normalized) {
    if (!first_name_nominative(normalized).empty()) {
        return normalize_text(first_name_nominative(normalized)) != normalized;
    }
    const std::string base = surname_nominative_base(normalized);
    if (base.empty() || base == normalized) return false;
    for (std::string_view ending : {"ым", "ом", "ем", "ой", "ому", "ему", "ого", "его"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

std::string name_key(const std::string& normalized) {
    const std::string base = surname_base(normalized);
    return base.empty() ? normalized : base;
}

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

std::string surname_nominative_for(const Token& token, Gender gender) {
    const std::string masculine = surname_nominative(token);
    if (gender != Gender::female || surname_base(token.normalized).empty()) return masculine;
    const std::string m = normalize_text(masculine);
    if (ends_with(m, "ий")) return masculine.substr(0, masculine.size() - 4) + "ая";
    if (ends_with(m, "ов") || ends_with(m, "ев") || ends_with(m, "ин") || ends_with(m, "ын")) return masculine + "а";
    return masculine;
}

Gender gender_of_verb(const std::string& normalized) {
    if (ends_with(normalized, "ла")) return Gender::female;
    if (ends_with(normalized, "л")) return Gender::male;
    return Gender::unknown;
}

Gender gender_of_pronoun(const std::string& normalized) {
    if (normalized == "он" || normalized == "его") return Gender::male;
    if (normalized == "она" || normalized == "ее") return Gender::female;
    return Gender::unknown;
}

Gender gender_of_role(const std::string& head) {
    for (std::string_view ending : {"ница", "есса", "иня", "истка", "ачка"}) {
        if (ends_with(head, ending)) return Gender::female;
    }
    return Gender::unknown;
}

}  // namespace core::quotes_detail
