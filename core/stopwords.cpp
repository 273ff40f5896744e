#include "core/stopwords.h"

#include "core/data.h"

#include <unordered_set>

namespace core {
namespace {

std::unordered_set<std::string> load_stopwords() {
    const std::vector<std::string> words = data::words(data::kStopwords);
    return {words.begin(), words.end()};
}

}  // namespace

bool is_stopword(const std::string& normalized) {
    static const std::unordered_set<std::string> words = load_stopwords();
    return words.count(normalized) > 0;
}

}  // namespace core
