#include "core/article_json.h"

#include "core/markdown.h"
#include "core/text.h"

#include <nlohmann/json.hpp>

namespace core {
namespace {

// The deepest nesting of objects and arrays in `line`, strings skipped, so
// that a hostile line of a million brackets is refused without parsing it.
int nesting_depth(std::string_view line) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

}  // namespace

bool article_from_json(std::string_view line, Article& article, std::string& reason) {
    if (line.size() > kMaxArticleLineBytes) {
        reason = "line larger than 20 MB";
        return false;
    }
    if (!is_valid_utf8(line)) {
        reason = "not UTF-8";
        return false;
    }
    if (nesting_depth(line) > kMaxJsonDepth) {
        reason = "JSON nested too deeply";
        return false;
    }
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        reason = "not a JSON object";
        return false;
    }
    auto text_field = [&j](const char* name) -> std::string {
        auto it = j.find(name);
        if (it == j.end() || it->is_null()) return {};
        if (it->is_string()) return it->get<std::string>();
        if (it->is_number()) return it->dump();
        return {};
    };
    article.id = text_field("id");
    article.title = text_field("title");
    article.text = text_field("text");
    const std::string date = text_field("date");
    article.date = normalize_date(date);
    article.time = normalize_time(date);
    article.url = text_field("url");
    article.source = text_field("source");
    if (article.id.empty()) reason = "no \"id\"";
    else if (article.text.empty() && article.title.empty()) reason = "no \"text\"";
    else if (article.id.find_first_of("/\\") != std::string::npos || article.id.size() > 200) reason = "invalid \"id\"";
    else if (article.source.size() > kMaxSourceBytes) reason = "\"source\" longer than 200 bytes";
    if (!reason.empty()) return false;
    if (is_telegram(article)) read_telegram_markup(article);
    extract_metadata(article);
    return true;
}

}  // namespace core
