#include "core/markdown.h"

#include "core/text.h"

namespace core {
namespace {

bool starts_with(std::string_view text, std::size_t at, std::string_view prefix) {
    return text.compare(at, prefix.size(), prefix) == 0;
}

// `[text](url)` at `at`: the length it takes and its text; 0 when it is not a link.
std::size_t link_at(std::string_view text, std::size_t at, std::string_view& link_text) {
    const std::size_t close = text.find("](", at);
    if (close == std::string_view::npos) return 0;
    const std::size_t end = text.find(')', close + 2);
    if (end == std::string_view::npos) return 0;
    const std::string_view inside = text.substr(at + 1, close - at - 1);
    const std::string_view url = text.substr(close + 2, end - close - 2);
    if (inside.find_first_of("[\n") != std::string_view::npos || url.find_first_of(" \n") != std::string_view::npos) return 0;
    link_text = inside;
    return end + 1 - at;
}

std::string plain_line(std::string_view line) {
    std::string out;
    for (std::size_t at = 0; at < line.size();) {
        if (starts_with(line, at, "**") || starts_with(line, at, "__") || starts_with(line, at, "~~")) {
            at += 2;
            continue;
        }
        if (line[at] == '`') {
            ++at;
            continue;
        }
        std::string_view link_text;
        if (line[at] == '[') {
            if (const std::size_t length = link_at(line, at, link_text)) {
                out += plain_line(link_text);
                at += length;
                continue;
            }
        }
        out.push_back(line[at++]);
    }
    return out;
}

}  // namespace

std::string markdown_to_plain(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        const bool fence = line.substr(0, 3) == "```" && line.find_first_not_of("`", 3) == std::string_view::npos;
        if (!fence) out += plain_line(line);
        if (end < text.size() && !fence) out.push_back('\n');
        start = end + 1;
    }
    return out;
}

bool is_telegram(const Article& article) { return normalize_text(article.source) == "telegram"; }

void read_telegram_markup(Article& article) {
    article.title = markdown_to_plain(article.title);
    article.text = markdown_to_plain(article.text);
}

}  // namespace core
