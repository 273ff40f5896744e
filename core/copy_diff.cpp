#include "core/copy_diff.h"

#include "core/text.h"

#include <unordered_set>

namespace core {
namespace {

// A sentence as its normalised words; "" for one without words.
std::string words_key(std::string_view sentence) {
    std::string key;
    for_each_word(sentence, [&key](const Word& word) {
        if (!key.empty()) key += ' ';
        key += word.normalized;
    });
    return key;
}

std::string_view trimmed(std::string_view s) {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

// The sentences of `from` whose words are not a sentence of `other`.
std::vector<std::string> only_in(std::string_view from, std::string_view other) {
    std::unordered_set<std::string> known;
    for (std::string_view sentence : sentences_of(other)) known.insert(words_key(sentence));
    std::vector<std::string> out;
    for (std::string_view sentence : sentences_of(from)) {
        const std::string key = words_key(sentence);
        if (!key.empty() && !known.count(key)) out.emplace_back(sentence);
    }
    return out;
}

}  // namespace

std::vector<std::string_view> sentences_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    auto cut = [&](std::size_t end) {
        if (std::string_view s = trimmed(text.substr(start, end - start)); !s.empty()) out.push_back(s);
        start = end;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            cut(i + 1);
        } else if ((c == '.' || c == '!' || c == '?') && i + 1 < text.size() && text[i + 1] == ' ') {
            cut(i + 1);
        } else if (text.substr(i, 3) == "…" && i + 3 < text.size() && text[i + 3] == ' ') {
            cut(i + 3);
        }
    }
    cut(text.size());
    return out;
}

CopyDiff compare_with_copy(std::string_view article, std::string_view copy) {
    return CopyDiff{only_in(copy, article), only_in(article, copy)};
}

}  // namespace core
