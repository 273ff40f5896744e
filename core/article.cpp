#include "core/article.h"

#include "core/data.h"
#include "core/text.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <vector>

namespace core {
namespace {

constexpr std::size_t kMaxHeadlineChars = 160;
constexpr std::size_t kMaxTitleChars = 140;
constexpr std::size_t kMetadataLines = 6;
constexpr std::size_t kAgencySearchBytes = 800;
constexpr std::string_view kLinkMarker = "Ссылка на новость:";

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Cuts `text` to at most `max_chars` code points at a word boundary.
std::string cut_at_word(std::string_view text, std::size_t max_chars) {
    if (utf8_length(text) <= max_chars) return std::string(text);
    std::size_t bytes = utf8_prefix(text, max_chars).size();
    std::size_t space = text.rfind(' ', bytes);
    if (space != std::string_view::npos && space > bytes / 2) bytes = space;
    return std::string(trim(text.substr(0, bytes))) + "…";
}

bool ends_sentence(std::string_view line) {
    return !line.empty() && (line.back() == '.' || line.back() == ';' || line.back() == ',');
}

std::string first_sentence(std::string_view paragraph) {
    for (std::size_t at = 0; at + 1 < paragraph.size(); ++at) {
        const char c = paragraph[at];
        if ((c == '.' || c == '!' || c == '?') && paragraph[at + 1] == ' ' && at > 20) {
            return cut_at_word(paragraph.substr(0, c == '.' ? at : at + 1), kMaxTitleChars);
        }
    }
    return cut_at_word(paragraph, kMaxTitleChars);
}

struct Dateline {
    std::string place;
    std::string source;
    std::string date;
    std::size_t length = 0;  // bytes of the line it takes, up to its closing full stop
};

int month_from_name(const std::string& normalized) {
    static const std::array<std::string_view, 12> prefixes = {
        "янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"};
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
        if (normalized.rfind(prefixes[i], 0) == 0) return static_cast<int>(i) + 1;
    }
    return 0;
}

std::string title_case(std::string_view upper_words) {
    std::string lower = normalize_text(upper_words);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(lower);
    bool word_start = true;
    for (int32_t i = 0; i < u.length(); ++i) {
        const UChar c = u.charAt(i);
        if (word_start && u_isalpha(c)) u.setCharAt(i, static_cast<UChar>(u_toupper(c)));
        word_start = c == ' ' || c == '-';
    }
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string group(icu::RegexMatcher& matcher, int32_t n) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString value = matcher.group(n, status);
    std::string out;
    if (U_SUCCESS(status)) value.toUTF8String(out);
    return out;
}

// `БИШКЕК, 5 мар — Sputnik.` or `МОСКВА, 12 января 2021 — РИА Новости.`
bool parse_dateline(std::string_view line, Dateline& dateline) {
    static const char* const pattern =
        "^\\s*(\\p{Lu}[\\p{Lu}\\- ]{1,40}),\\s+(\\d{1,2})\\s+(\\p{L}+)\\.?"
        "(?:\\s+(\\d{4}))?(?:\\s*(?:г\\.|года))?\\s*[—–-]+\\s*([^.\\n]{2,40}?)\\.";
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, status));
    if (!compiled) return false;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    std::unique_ptr<icu::RegexMatcher> matcher(compiled->matcher(input, status));
    if (U_FAILURE(status) || !matcher->find()) return false;
    std::string matched;
    input.tempSubString(0, matcher->end(status)).toUTF8String(matched);
    dateline.length = matched.size();
    dateline.place = title_case(group(*matcher, 1));
    dateline.source = std::string(trim(group(*matcher, 5)));
    const std::string year = group(*matcher, 4);
    const int month = month_from_name(normalize_text(group(*matcher, 3)));
    if (!year.empty() && month > 0) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%s-%02d-%02d", year.c_str(), month,
                      std::stoi(group(*matcher, 2)));
        dateline.date = normalize_date(buffer);
    }
    return true;
}

std::string find_agency(std::string_view head) {
    for (std::string_view line : data::lines(data::kAgencies)) {
        if (head.find(line) != std::string_view::npos) return std::string(line);
    }
    return {};
}

std::string date_from_url(std::string_view url) {
    for (std::size_t at = 0; at + 10 <= url.size(); ++at) {
        if (at > 0 && std::isdigit(static_cast<unsigned char>(url[at - 1]))) continue;
        std::string candidate(url.substr(at, 10));
        candidate[4] = '-';
        candidate[7] = '-';
        const char sep = url[at + 4];
        if ((sep == '-' || sep == '/') && url[at + 7] == sep) {
            std::string date = normalize_date(candidate);
            if (!date.empty()) return date;
        }
    }
    return {};
}

std::string host_of(std::string_view url) {
    std::size_t start = url.find("://");
    if (start == std::string_view::npos) return {};
    start += 3;
    const std::size_t end = url.find('/', start);
    std::string_view host = url.substr(start, end == std::string_view::npos ? url.size() - start : end - start);
    if (host.rfind("www.", 0) == 0) host.remove_prefix(4);
    return std::string(host);
}

void take_link_line(Article& article, std::vector<std::string_view>& lines) {
    while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
    if (lines.empty()) return;
    std::string_view last = trim(lines.back());
    if (last.rfind(kLinkMarker, 0) != 0) return;
    if (article.url.empty()) article.url = std::string(trim(last.substr(kLinkMarker.size())));
}

std::string_view first_nonblank(const std::vector<std::string_view>& lines, std::size_t& index) {
    for (index = 0; index < lines.size(); ++index) {
        if (!trim(lines[index]).empty()) return trim(lines[index]);
    }
    return {};
}

std::string choose_title(const std::vector<std::string_view>& lines) {
    std::size_t index = 0;
    std::string_view first = first_nonblank(lines, index);
    Dateline dateline;
    const bool has_dateline = parse_dateline(first, dateline);
    const bool is_headline = utf8_length(first) <= kMaxHeadlineChars && !ends_sentence(first) &&
                             index + 1 < lines.size() && !has_dateline;
    if (is_headline) return std::string(first);
    // `БИШКЕК, 1 июн — Sputnik.` is not a title: the first sentence follows it.
    const std::string_view after_dateline = has_dateline ? trim(first.substr(dateline.length)) : std::string_view();
    return first_sentence(after_dateline.empty() ? first : after_dateline);
}

}  // namespace

std::string normalize_date(std::string_view text) {
    text = trim(text);
    int year = 0, month = 0, day = 0;
    auto digits = [&text](std::size_t at, std::size_t count, int& out) {
        if (at + count > text.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    const bool iso = digits(0, 4, year) && text.size() >= 10 && (text[4] == '-' || text[4] == '/') &&
                     text[7] == text[4] && digits(5, 2, month) && digits(8, 2, day);
    const bool dotted = !iso && digits(0, 2, day) && text.size() >= 10 && text[2] == '.' &&
                        text[5] == '.' && digits(3, 2, month) && digits(6, 4, year);
    if (!iso && !dotted) return {};
    if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::string normalize_time(std::string_view text) {
    text = trim(text);
    if (normalize_date(text).empty() || text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return {};
    auto two_digits = [&text](std::size_t at, int limit) {
        if (at + 2 > text.size() || !std::isdigit(static_cast<unsigned char>(text[at])) ||
            !std::isdigit(static_cast<unsigned char>(text[at + 1]))) {
            return -1;
        }
        const int value = (text[at] - '0') * 10 + (text[at + 1] - '0');
        return value < limit ? value : -1;
    };
    const int hours = two_digits(11, 24);
    const int minutes = text[13] == ':' ? two_digits(14, 60) : -1;
    if (hours < 0 || minutes < 0) return {};
    const int seconds = text.size() >= 19 && text[16] == ':' ? std::max(two_digits(17, 61), 0) : 0;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", hours, minutes, seconds);
    return buffer;
}

void extract_metadata(Article& article) {
    std::vector<std::string_view> lines = split_lines(article.text);
    take_link_line(article, lines);
    if (article.title.empty()) article.title = choose_title(lines);

    Dateline dateline;
    for (std::size_t i = 0; i < lines.size() && i < kMetadataLines; ++i) {
        if (parse_dateline(lines[i], dateline)) break;
    }
    if (article.place.empty()) article.place = dateline.place;
    if (article.source.empty()) article.source = dateline.source;
    if (article.source.empty()) {
        article.source = find_agency(std::string_view(article.text).substr(0, kAgencySearchBytes));
    }
    if (article.source.empty()) article.source = host_of(article.url);
    if (article.date.empty()) article.date = dateline.date;
    if (article.date.empty()) article.date = date_from_url(article.url);
}

}  // namespace core
