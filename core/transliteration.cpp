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

// A letter group's Cyrillic letters, each with the cost of reading it so:
// 0 for the usual readings, 1 for those after a "|" in the data file.
struct Reading {
    std::string letters;  // "-": nothing
    int cost = 0;
};

struct Rule {
    std::string latin;
    bool at_end = false;  // written with a final "$": only at the end of the word
    std::vector<Reading> readings;
};

Rule parse_rule(std::string_view line) {
    std::istringstream fields{std::string(line)};
    Rule rule;
    fields >> rule.latin;
    if (rule.latin.size() > 1 && rule.latin.back() == '$') {
        rule.latin.pop_back();
        rule.at_end = true;
    }
    int cost = 0;
    for (std::string letters; fields >> letters;) {
        if (letters == "|") {
            ++cost;
        } else {
            rule.readings.push_back({letters, cost});
        }
    }
    return rule;
}

std::vector<Rule> load_rules() {
    std::vector<Rule> rules;
    for (std::string_view line : data::lines(data::kTransliteration)) {
        Rule rule = parse_rule(line);
        if (!rule.readings.empty()) rules.push_back(std::move(rule));
    }
    std::stable_sort(rules.begin(), rules.end(),
                     [](const Rule& a, const Rule& b) { return a.latin.size() > b.latin.size(); });
    return rules;
}

const std::vector<Rule>& rules() {
    static const std::vector<Rule> loaded = load_rules();
    return loaded;
}

bool applies(const Rule& rule, std::string_view latin) {
    if (latin.substr(0, rule.latin.size()) != rule.latin) return false;
    return !rule.at_end || latin.size() == rule.latin.size();
}

constexpr std::size_t kMaxLookups = 2000;
// Starts shorter than this are not looked up: nearly all exist, and on a
// remote shard each lookup brings back every word with that start.
constexpr std::size_t kMinCheckedStartBytes = 6;  // three Cyrillic letters

// Walks every reading of a Latin word, letter group by letter group, keeping
// only Cyrillic starts that some word of the vocabulary has, and collects
// the words reached with the cost of their cheapest reading.
class SpellingWalk {
public:
    SpellingWalk(const Vocabulary& vocabulary, int max_cost) : vocabulary_(vocabulary), max_cost_(max_cost) {}

    std::vector<std::pair<std::string, int>> run(std::string_view latin) {
        std::string cyrillic;
        walk(latin, cyrillic, 0);
        std::stable_sort(reached_.begin(), reached_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        return std::move(reached_);
    }

private:
    void walk(std::string_view latin, std::string& cyrillic, int cost) {
        if (cost > max_cost_ || lookups_left_ == 0) return;
        if (latin.empty()) return reach(cyrillic, cost);
        bool matched = false;
        for (const Rule& rule : rules()) {
            if (!applies(rule, latin)) continue;
            matched = true;
            for (const Reading& reading : rule.readings) follow(latin.substr(rule.latin.size()), cyrillic, reading, cost);
        }
        if (!matched) walk(latin.substr(1), cyrillic, cost);  // digits, stray marks
    }

    void follow(std::string_view rest, std::string& cyrillic, const Reading& reading, int cost) {
        if (reading.letters == "-") return walk(rest, cyrillic, cost + reading.cost);
        const std::size_t size = cyrillic.size();
        cyrillic += reading.letters;
        if (rest.empty() || cyrillic.size() < kMinCheckedStartBytes) {
            walk(rest, cyrillic, cost + reading.cost);
        } else if (lookups_left_ > 0) {
            --lookups_left_;
            if (vocabulary_.has_word_starting(cyrillic)) walk(rest, cyrillic, cost + reading.cost);
        }
        cyrillic.resize(size);
    }

    void reach(const std::string& cyrillic, int cost) {
        auto same = [&](const auto& found) { return found.first == cyrillic; };
        if (auto it = std::find_if(reached_.begin(), reached_.end(), same); it != reached_.end()) {
            it->second = std::min(it->second, cost);
        } else if (!cyrillic.empty() && vocabulary_.has_word(cyrillic)) {
            reached_.emplace_back(cyrillic, cost);
        }
    }

    const Vocabulary& vocabulary_;
    const int max_cost_;
    std::size_t lookups_left_ = kMaxLookups;
    std::vector<std::pair<std::string, int>> reached_;
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

std::vector<std::string> known_cyrillic_spellings(std::string_view latin, const Vocabulary& vocabulary, bool acronym) {
    if (!is_latin_word(latin)) return {};
    constexpr int kMaxCost = 3;
    std::vector<std::string> out;
    for (auto& [word, cost] : SpellingWalk(vocabulary, acronym ? 0 : kMaxCost).run(latin)) {
        out.push_back(std::move(word));
    }
    if (out.empty()) {
        const std::string from_icu = icu_spelling(latin);
        if (!from_icu.empty() && !is_latin_word(from_icu) && vocabulary.has_word(from_icu)) out.push_back(from_icu);
    }
    return out;
}

}  // namespace core
