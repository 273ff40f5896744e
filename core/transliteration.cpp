#include "core/transliteration.h"

#include "core/data.h"
#include "core/text.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace core {
namespace {

struct Rule {
    std::string latin;
    std::vector<std::string> cyrillic;
};

std::vector<Rule> load_rules() {
    std::vector<Rule> rules;
    for (std::string_view line : data::lines(data::kTransliteration)) {
        std::istringstream fields{std::string(line)};
        Rule rule;
        fields >> rule.latin;
        for (std::string letter; fields >> letter;) rule.cyrillic.push_back(letter);
        if (!rule.cyrillic.empty()) rules.push_back(std::move(rule));
    }
    std::stable_sort(rules.begin(), rules.end(),
                     [](const Rule& a, const Rule& b) { return a.latin.size() > b.latin.size(); });
    return rules;
}

const std::vector<Rule>& rules() {
    static const std::vector<Rule> loaded = load_rules();
    return loaded;
}

constexpr std::string_view kNothing = "-";

// Walks every reading of a Latin word, letter group by letter group, keeping
// only Cyrillic starts that some word of the vocabulary has.
class SpellingWalk {
public:
    SpellingWalk(const Vocabulary& vocabulary, std::size_t limit) : vocabulary_(vocabulary), limit_(limit) {}

    std::vector<std::string> run(std::string_view latin) {
        std::string cyrillic;
        walk(latin, cyrillic);
        return std::move(found_);
    }

private:
    void walk(std::string_view latin, std::string& cyrillic) {
        if (found_.size() >= limit_ || lookups_left_ == 0) return;
        if (latin.empty()) {
            if (!cyrillic.empty() && std::find(found_.begin(), found_.end(), cyrillic) == found_.end() &&
                vocabulary_.has_word(cyrillic)) {
                found_.push_back(cyrillic);
            }
            return;
        }
        bool matched = false;
        for (const Rule& rule : rules()) {
            if (latin.substr(0, rule.latin.size()) != rule.latin) continue;
            matched = true;
            for (const std::string& letters : rule.cyrillic) follow(latin.substr(rule.latin.size()), cyrillic, letters);
        }
        if (!matched) walk(latin.substr(1), cyrillic);  // digits, stray marks
    }

    void follow(std::string_view rest, std::string& cyrillic, const std::string& letters) {
        if (letters == kNothing) return walk(rest, cyrillic);
        const std::size_t size = cyrillic.size();
        cyrillic += letters;
        if (lookups_left_ > 0) {
            --lookups_left_;
            if (vocabulary_.has_word_starting(cyrillic)) walk(rest, cyrillic);
        }
        cyrillic.resize(size);
    }

    static constexpr std::size_t kMaxLookups = 2000;
    const Vocabulary& vocabulary_;
    std::size_t limit_;
    std::size_t lookups_left_ = kMaxLookups;
    std::vector<std::string> found_;
};

std::string icu_spelling(std::string_view latin) {
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::Transliterator> transliterator(
        icu::Transliterator::createInstance("Latin-Cyrillic", UTRANS_FORWARD, status));
    if (!transliterator) return {};
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(latin.data(), static_cast<int32_t>(latin.size())));
    transliterator->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    return normalize_text(out);
}

}  // namespace

std::vector<std::string> known_cyrillic_spellings(std::string_view latin, const Vocabulary& vocabulary,
                                                  std::size_t limit) {
    if (!is_latin_word(latin)) return {};
    std::vector<std::string> out = SpellingWalk(vocabulary, limit).run(latin);
    const std::string from_icu = icu_spelling(latin);
    if (out.size() < limit && !from_icu.empty() && !is_latin_word(from_icu) &&
        std::find(out.begin(), out.end(), from_icu) == out.end() && vocabulary.has_word(from_icu)) {
        out.push_back(from_icu);
    }
    return out;
}

}  // namespace core
