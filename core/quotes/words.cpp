#include "core/quotes/words.h"

#include "core/data.h"
#include "core/quotes/tokens.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace core::quotes_detail {
namespace {

// Stems grouped by their first two letters (four bytes of Cyrillic), those
// shorter by their first byte pair, so asking whether a word starts with one
// of them compares a stem or two, not a letter's dozens: the extractor asks
// for nearly every word of every article.
class StemSet {
public:
    explicit StemSet(const std::vector<std::string>& stems) {
        for (const std::string& stem : stems) {
            if (stem.size() >= kLong) {
                by_long_start_[start_of(stem, kLong)].push_back(stem);
            } else {
                by_start_[start_of(stem, kPair)].push_back(stem);
            }
        }
    }

    bool starts(const std::string& word) const {
        // One-byte stems (none today) are kept apart: they share no two-byte start.
        return starts_with_any(by_long_start_, start_of(word, kLong), word) ||
               starts_with_any(by_start_, start_of(word, kPair), word) || starts_with_any(by_start_, kShort, word);
    }

private:
    using Buckets = std::unordered_map<std::uint32_t, std::vector<std::string>>;
    static constexpr std::size_t kPair = 2;
    static constexpr std::size_t kLong = 4;
    static constexpr std::uint32_t kShort = 0xFFFFFFFF;  // no bucket of a string shorter than the start asked
    // The first `bytes` bytes of `s` as a number, or kShort when `s` is shorter.
    static std::uint32_t start_of(const std::string& s, std::size_t bytes) {
        if (s.size() < bytes) return kShort;
        std::uint32_t start = 0;
        for (std::size_t i = 0; i < bytes; ++i) start = start << 8 | static_cast<unsigned char>(s[i]);
        return start;
    }
    static bool starts_with_any(const Buckets& buckets, std::uint32_t start, const std::string& word) {
        const auto bucket = buckets.find(start);
        if (bucket == buckets.end()) return false;
        return std::any_of(bucket->second.begin(), bucket->second.end(),
                           [&word](const std::string& stem) { return word.compare(0, stem.size(), stem) == 0; });
    }
    Buckets by_long_start_;  // stems of kLong bytes or more
    Buckets by_start_;       // shorter stems; those under kPair bytes under kShort
};

std::unordered_set<std::string> word_set(std::string_view list) {
    const std::vector<std::string> words = data::words(list);
    return {words.begin(), words.end()};
}

}  // namespace

bool is_speech_verb(const std::string& normalized) {
    static const StemSet stems(data::words(data::kSpeechVerbs));
    return stems.starts(normalized);
}

bool has_verb_ending(const std::string& normalized) {
    for (std::string_view ending : {"л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ет", "ит", "ют", "ят", "ут", "ат",
                                    "ется", "ится", "ен", "на", "ны"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

bool is_characterising_verb(const std::string& normalized) {
    return (normalized.rfind("назва", 0) == 0 || normalized.rfind("охарактериз", 0) == 0) && has_verb_ending(normalized);
}

namespace {

bool is_finite_form(const std::string& normalized) {
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

}  // namespace

bool is_finite_speech_verb(const std::string& normalized) {
    if (!is_speech_verb(normalized) || !has_verb_ending(normalized)) return false;
    // `назвал встречу «хорошей»` characterises, it does not attribute what
    // precedes it.
    if (normalized.rfind("назва", 0) == 0 || normalized.rfind("охарактериз", 0) == 0) return false;
    return is_finite_form(normalized);
}

bool is_introducing_verb(const std::string& normalized) {
    static const StemSet stems(data::words(data::kIntroducingVerbs));
    return stems.starts(normalized) && has_verb_ending(normalized) && is_finite_form(normalized);
}

bool is_gerund(const std::string& normalized) {
    if (normalized.size() < 8) return false;  // `я`, `моя`, `своя`
    for (std::string_view ending : {"ая", "яя", "уя", "юя", "вшись", "ясь", "ив", "ав", "ев"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

bool is_plural_verb(const std::string& normalized) {
    return ends_with(normalized, "ли") || ends_with(normalized, "ют") || ends_with(normalized, "ят") ||
           ends_with(normalized, "лись");
}

bool is_neuter_past(const std::string& normalized) {
    return has_verb_ending(normalized) && (ends_with(normalized, "ло") || ends_with(normalized, "лось"));
}

bool is_source_verb(const std::string& normalized) {
    static const StemSet stems(data::words(data::kSourceVerbs));
    return stems.starts(normalized);
}

bool quotes_its_object(const std::string& verb) {
    // Every tense: `приводит`, `привел`, `привели в пресс-службе слова ...`.
    return verb.rfind("цитир", 0) == 0 || verb.rfind("привод", 0) == 0 || verb.rfind("привел", 0) == 0;
}

bool is_document_verb(const std::string& normalized) {
    static const std::unordered_set<std::string> verbs = word_set(data::kDocumentVerbs);
    return verbs.count(normalized) != 0;
}

bool is_authored_text(const std::string& normalized) {
    static const std::unordered_set<std::string> texts = word_set(data::kAuthoredTexts);
    return texts.count(normalized) != 0;
}

bool is_reporting_noun(const std::string& normalized) {
    static const std::unordered_set<std::string> nouns = word_set(data::kReportingNouns);
    return nouns.count(normalized) != 0;
}

bool is_speech_noun(const std::string& normalized) {
    static const StemSet stems(data::words(data::kSpeechNouns));
    return stems.starts(normalized);
}

bool reports_words(const std::string& noun) { return noun != "данным" && noun != "информации" && noun != "сведениям"; }

bool is_preposition(const std::string& normalized) {
    static const std::set<std::string> prepositions = {"в", "во", "на", "с", "со", "по", "для", "из", "от", "к",
                                                       "о", "об", "у", "за", "при", "под", "над", "до"};
    return prepositions.count(normalized) != 0;
}

bool is_he_or_she(const std::string& normalized) { return normalized == "он" || normalized == "она"; }

bool is_unnamed_speaker_word(const std::string& normalized) {
    static const StemSet words(data::words(data::kUnnamedSpeakers));
    return words.starts(normalized);
}

bool ends_like_oblique_noun(const std::string& normalized) {
    for (std::string_view ending : {"а", "я", "ы", "и", "е", "у", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях"}) {
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

bool looks_like_place_genitive(const std::string& normalized) {
    for (std::string_view ending : {"ии", "ы"}) {
        if (ends_with(normalized, ending)) return true;
    }
    return false;
}

bool looks_like_person_in_oblique_case(const std::string& head) {
    for (std::string_view ending : {"а", "я", "ы", "и", "у", "ю"}) {
        if (ends_with(head, ending)) return true;
    }
    return false;
}

}  // namespace core::quotes_detail
