#include "core/stopwords.h"

#include "core/data.h"
#include "core/text.h"

#include <unordered_set>

namespace core {
namespace {

std::unordered_set<std::string> load_stopwords() {
    std::unordered_set<std::string> words;
    std::string_view text = data::kStopwords;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.front() != '#') {
            for_each_word(line, [&](const Word& word) { words.insert(word.normalized); });
        }
        start = end + 1;
    }
    return words;
}

}  // namespace

bool is_stopword(const std::string& normalized) {
    static const std::unordered_set<std::string> words = load_stopwords();
    return words.count(normalized) > 0;
}

}  // namespace core
