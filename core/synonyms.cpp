#include "core/synonyms.h"

#include "core/data.h"
#include "core/russian.h"
#include "core/text.h"

namespace core {

Synonyms Synonyms::parse(std::string_view text) {
    Synonyms synonyms;
    RussianStemmer stemmer;
    for (std::string_view line : data::lines(text)) {
        std::vector<Variant> group;
        std::size_t from = 0;
        while (from <= line.size()) {
            std::size_t bar = line.find('|', from);
            if (bar == std::string_view::npos) bar = line.size();
            Variant variant;
            for_each_word(line.substr(from, bar - from), [&](const Word& word) {
                variant.words.push_back(word.normalized);
                variant.stems.push_back(stemmer.stem(word.normalized));
            });
            if (!variant.words.empty()) group.push_back(std::move(variant));
            from = bar + 1;
        }
        if (group.size() > 1) synonyms.groups_.push_back(std::move(group));
    }
    return synonyms;
}

const Synonyms& Synonyms::builtin() {
    static const Synonyms synonyms = parse(data::kSynonyms);
    return synonyms;
}

std::optional<Synonyms::Match> Synonyms::match(const std::vector<std::string>& stems,
                                               std::size_t start) const {
    std::optional<Match> best;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        for (std::size_t v = 0; v < groups_[g].size(); ++v) {
            const std::vector<std::string>& variant = groups_[g][v].stems;
            if (start + variant.size() > stems.size()) continue;
            if (best && best->length >= variant.size()) continue;
            bool equal = true;
            for (std::size_t i = 0; i < variant.size() && equal; ++i) equal = stems[start + i] == variant[i];
            if (equal) best = Match{g, v, variant.size()};
        }
    }
    return best;
}

}  // namespace core
