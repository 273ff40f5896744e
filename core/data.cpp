#include "core/data.h"

#include "core/text.h"

namespace core::data {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<std::string_view> lines(std::string_view file) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < file.size()) {
        std::size_t end = file.find('\n', start);
        if (end == std::string_view::npos) end = file.size();
        const std::string_view line = trim(file.substr(start, end - start));
        if (!line.empty() && line.front() != '#') out.push_back(line);
        start = end + 1;
    }
    return out;
}

std::vector<std::string> words(std::string_view file) {
    std::vector<std::string> out;
    for (std::string_view line : lines(file)) {
        for_each_word(line, [&out](const Word& word) { out.push_back(word.normalized); });
    }
    return out;
}

}  // namespace core::data
