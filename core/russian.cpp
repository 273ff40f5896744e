#include "core/russian.h"

#include "core/dictionary.h"
#include "core/text.h"

#include <algorithm>
#include <array>

namespace core {
namespace {

bool ends_with(std::string_view word, std::string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// Case endings that may follow a possessive surname suffix (-ов, -ин...):
// Лавров-а, -у, -ым, -е; feminine Лавров-а, -ой, -у, -ою; plural -ы, -ых, -ыми;
// and -ом for names declined as nouns (Дарвином, Киевом).
constexpr std::array<std::string_view, 11> kPossessiveEndings = {
    "ыми", "ым", "ых", "ой", "ою", "ом", "а", "у", "е", "ы", ""};
constexpr std::array<std::string_view, 4> kPossessiveSuffixes = {"ов", "ев", "ин", "ын"};

// Adjectival endings of -ский/-цкий surnames (Вертинский, Вертинская...).
constexpr std::array<std::string_view, 13> kAdjectivalEndings = {
    "ими", "ого", "ому", "ий", "ой", "им", "ом", "ая", "ую", "ою", "ие", "их", "ые"};
constexpr std::array<std::string_view, 2> kAdjectivalSuffixes = {"ск", "цк"};

// First names in -ей/-ай/-ий (Сергей, Николай, Юрий) and their case forms.
constexpr std::array<std::string_view, 5> kSoftSignEndings = {"ем", "й", "я", "ю", "е"};

// A name base needs at least this many letters before the paradigm suffix,
// so short words (`ин`, `ова`) are left alone.
constexpr std::size_t kMinStemLetters = 2;

// The word without its case ending when what is left ends in one of the
// paradigm's suffixes (`лаврова` → `лавров`, `вертинской` → `вертинск`).
template <std::size_t E, std::size_t S>
std::string paradigm_base(std::string_view word, const std::array<std::string_view, E>& endings,
                          const std::array<std::string_view, S>& suffixes) {
    for (std::string_view ending : endings) {
        if (!ends_with(word, ending)) continue;
        const std::string_view rest = word.substr(0, word.size() - ending.size());
        for (std::string_view suffix : suffixes) {
            if (ends_with(rest, suffix) && utf8_length(rest) >= suffix.size() / 2 + kMinStemLetters) {
                return std::string(rest);
            }
        }
    }
    return {};
}

std::string soft_first_name_base(std::string_view word) {
    for (std::string_view ending : kSoftSignEndings) {
        if (!ends_with(word, ending)) continue;
        const std::string_view rest = word.substr(0, word.size() - ending.size());
        if (utf8_length(rest) < 3) continue;
        if (ends_with(rest, "е") || ends_with(rest, "а") || ends_with(rest, "и")) {
            return std::string(rest) + "й";
        }
    }
    return {};
}

// Names declined as nouns with a consonant stem (Трамп-а, Пашинян-ом,
// Кыргызстан-е) or an -а stem (Москв-а, -ы, -е, -у, -ой). Snowball mangles
// some of these: it reads the -ан of `кыргызстан` as a verb ending.
constexpr std::array<std::string_view, 11> kNounEndings = {"ами", "ом", "ой", "ою", "ам", "ах", "а", "у", "е", "ы", ""};

bool ends_with_consonant(std::string_view word) {
    static constexpr std::string_view vowels[] = {"а", "е", "и", "о", "у", "ы", "э", "ю", "я", "й", "ь", "ъ"};
    if (word.size() < 2) return false;
    const std::string_view last = word.substr(word.size() - 2);
    if (static_cast<unsigned char>(last[0]) < 0xD0) return false;  // not Cyrillic
    for (std::string_view vowel : vowels) {
        if (last == vowel) return false;
    }
    return true;
}

// Many nouns lose the vowel of their last syllable in the other cases, or
// turn it into ь or й: Павел → Павла, Лев → Льва, Орёл → Орла, Египет →
// Египта, Кравец → Кравца, Стрелец → Стрельца, Боец → Бойца. Their base
// drops that letter in every form (`павел` and `павла` → `павл`), before the
// final consonants where names show it: not in Олег, Ольга, Макрон, and not
// before к or р, where it would make Марек Марк and Петер Петр. A fleeting о
// (сон → сна) is left alone: in names it is rare, and dropping it would make
// Ангола Ангела and Пол Пеле.
constexpr std::array<std::string_view, 3> kFleetingLetters = {"е", "ь", "й"};
constexpr std::array<std::string_view, 4> kAfterFleetingLetter = {"ц", "л", "в", "т"};
constexpr std::size_t kLetterBytes = 2;  // the letters involved are all Cyrillic

template <std::size_t N>
bool is_one_of(std::string_view letter, const std::array<std::string_view, N>& letters) {
    return std::find(letters.begin(), letters.end(), letter) != letters.end();
}

std::string without_fleeting_vowel(std::string_view stem) {
    if (stem.size() < 2 * kLetterBytes) return std::string(stem);
    const std::string_view last = stem.substr(stem.size() - kLetterBytes);
    const std::string_view before_last = stem.substr(stem.size() - 2 * kLetterBytes, kLetterBytes);
    if (!is_one_of(last, kAfterFleetingLetter) || !is_one_of(before_last, kFleetingLetters)) return std::string(stem);
    return std::string(stem.substr(0, stem.size() - 2 * kLetterBytes)) + std::string(last);
}

// After ж, ч, ш, щ and ц the instrumental ending is -ем, not -ом (Абрамовичем,
// Шольцем, Немцем); elsewhere a final -ем is part of the name (Салем). Short
// words in -чем are adverbs (Причём, Зачем), so -ч needs a longer stem.
constexpr std::array<std::string_view, 5> kBeforeInstrumentalEm = {"ж", "ч", "ш", "щ", "ц"};

// The stem of an instrumental in -ем after those letters, or "".
std::string_view instrumental_em_stem(std::string_view word) {
    constexpr std::string_view kEm = "ем";
    if (!ends_with(word, kEm)) return {};
    const std::string_view stem = word.substr(0, word.size() - kEm.size());
    const std::size_t letters = utf8_length(stem);
    if (letters < 4 || !is_one_of(stem.substr(stem.size() - kLetterBytes), kBeforeInstrumentalEm)) return {};
    if (ends_with(stem, "ч") && letters < 5) return {};
    return stem;
}

std::string noun_name_base(std::string_view word) {
    if (std::string_view stem = instrumental_em_stem(word); !stem.empty()) return std::string(stem);
    for (std::string_view ending : kNounEndings) {
        if (!ends_with(word, ending)) continue;
        const std::string_view rest = word.substr(0, word.size() - ending.size());
        if (utf8_length(rest) >= 3 && ends_with_consonant(rest)) return std::string(rest);
    }
    return {};
}

struct NameBase {
    std::string text;
    bool declined_as_noun = false;
};

NameBase find_name_base(std::string_view normalized) {
    if (normalized.empty() || static_cast<unsigned char>(normalized[0]) < 0x80) return {};
    if (std::string base = paradigm_base(normalized, kPossessiveEndings, kPossessiveSuffixes); !base.empty()) {
        return {base};
    }
    if (std::string base = paradigm_base(normalized, kAdjectivalEndings, kAdjectivalSuffixes); !base.empty()) {
        return {base};
    }
    if (std::string base = soft_first_name_base(normalized); !base.empty()) return {base};
    return {noun_name_base(normalized), true};
}

}  // namespace

std::string surname_base(std::string_view normalized) {
    const NameBase base = find_name_base(normalized);
    return base.declined_as_noun ? without_fleeting_vowel(base.text) : base.text;
}

std::string surname_nominative_base(std::string_view normalized) { return find_name_base(normalized).text; }

std::vector<std::string> name_base_starts(const std::string& base) {
    std::vector<std::string> starts{base};
    if (base.size() < 2 * kLetterBytes) return starts;
    const std::string head = base.substr(0, base.size() - kLetterBytes);
    const std::string last = base.substr(base.size() - kLetterBytes);
    for (std::string_view fleeting : kFleetingLetters) starts.push_back(head + std::string(fleeting) + last);
    return starts;
}

RussianStemmer::RussianStemmer() : stemmer_("russian") {}

const std::string& RussianStemmer::stem(const std::string& normalized) {
    return cache_.get(normalized, [this](const std::string& word) { return stemmer_(word); });
}

const std::vector<std::string>& RussianStemmer::lemmas(const std::string& normalized) {
    return lemma_cache_.get(normalized, [](const std::string& word) { return RussianDictionary::instance().lemmas(word); });
}

void RussianStemmer::set_cached_words(std::size_t words) {
    cache_.set_capacity(words);
    lemma_cache_.set_capacity(words);
}

}  // namespace core
