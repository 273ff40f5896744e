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

// Depth-first over every way to split `latin` into rule groups, longest
// groups and likeliest letters first, until `limit` spellings are found.
void expand(std::string_view latin, std::string& prefix, std::vector<std::string>& out,
            std::size_t limit, std::size_t& budget) {
    if (out.size() >= limit || budget == 0) return;
    --budget;
    if (latin.empty()) {
        if (std::find(out.begin(), out.end(), prefix) == out.end()) out.push_back(prefix);
        return;
    }
    bool matched = false;
    for (const Rule& rule : rules()) {
        if (latin.substr(0, rule.latin.size()) != rule.latin) continue;
        matched = true;
        for (const std::string& letters : rule.cyrillic) {
            const std::size_t size = prefix.size();
            prefix += letters;
            expand(latin.substr(rule.latin.size()), prefix, out, limit, budget);
            prefix.resize(size);
        }
    }
    if (!matched) expand(latin.substr(1), prefix, out, limit, budget);  // digits, stray marks
}

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

std::vector<std::string> cyrillic_spellings(std::string_view latin, std::size_t limit) {
    std::vector<std::string> out;
    if (!is_latin_word(latin)) return out;
    std::string prefix;
    std::size_t budget = 20000;
    expand(latin, prefix, out, limit, budget);
    const std::string from_icu = icu_spelling(latin);
    if (!from_icu.empty() && !is_latin_word(from_icu) &&
        std::find(out.begin(), out.end(), from_icu) == out.end()) {
        out.insert(out.begin(), from_icu);
    }
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace core
