#include "core/citation.h"

#include <array>

namespace core {
namespace {

constexpr std::array<const char*, 12> kMonthsOf = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                                   "июля",   "августа", "сентября", "октября", "ноября", "декабря"};

bool is_full_date(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (date[i] < '0' || date[i] > '9') return false;
    }
    const int month = (date[5] - '0') * 10 + (date[6] - '0');
    return month >= 1 && month <= 12;
}

// "5 марта": the day and month of a full date.
std::string day_and_month(std::string_view date) {
    const int month = (date[5] - '0') * 10 + (date[6] - '0');
    const int day = (date[8] - '0') * 10 + (date[9] - '0');
    return std::to_string(day) + " " + kMonthsOf[month - 1];
}

// "27.11.2026", as the references write the access date.
std::string dotted(std::string_view date) {
    return std::string(date.substr(8, 2)) + "." + std::string(date.substr(5, 2)) + "." + std::string(date.substr(0, 4));
}

// The title as a reference's first element: an ending full stop belongs to the reference.
std::string title_of(const Article& a) {
    std::string title = a.title.empty() ? a.id : a.title;
    while (!title.empty() && (title.back() == '.' || title.back() == ' ')) title.pop_back();
    return title;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

// «Title» // Sputnik, Бишкек, 5 марта 2021. URL
std::string short_line(const Article& a) {
    std::string out = "«" + (a.title.empty() ? a.id : a.title) + "»";
    const std::string details = joined({a.source, a.place, russian_date(a.date)}, ", ");
    if (!details.empty()) out += " // " + details;
    out += a.url.empty() ? "." : ". " + a.url;
    return out;
}

std::string url_part(const Article& a, std::string_view accessed) {
    if (a.url.empty()) return {};
    std::string out = "URL: " + a.url;
    if (is_full_date(accessed)) out += " (дата обращения: " + dotted(accessed) + ")";
    return out;
}

// The year, the day and month, and the URL part, each after `separator`
// (GOST 2018 and 2008 differ only in it); a missing one is left out.
std::string date_and_url_areas(const Article& a, std::string_view accessed, std::string_view separator) {
    std::vector<std::string> areas;
    if (is_full_date(a.date)) {
        areas.push_back(a.date.substr(0, 4));
        areas.push_back(day_and_month(a.date));
    }
    areas.push_back(url_part(a, accessed));
    std::string out;
    for (const std::string& area : areas) {
        if (!area.empty()) out += std::string(separator) + area;
    }
    return out;
}

// Title // Source : [сайт]. – 2021. – 5 марта. – URL: ... (дата обращения: 27.11.2026).
std::string gost_2018(const Article& a, std::string_view accessed) {
    std::string out = title_of(a);
    if (!a.source.empty()) out += " // " + a.source + " : [сайт]";
    return out + date_and_url_areas(a, accessed, ". – ") + ".";
}

// Title [Электронный ресурс] // Source. 2021. 5 марта. URL: ... (дата обращения: 27.11.2026).
std::string gost_2008(const Article& a, std::string_view accessed) {
    std::string out = title_of(a) + " [Электронный ресурс]";
    if (!a.source.empty()) out += " // " + a.source;
    return out + date_and_url_areas(a, accessed, ". ") + ".";
}

}  // namespace

std::string russian_date(std::string_view date) {
    if (!is_full_date(date)) return std::string(date);
    return day_and_month(date) + " " + std::string(date.substr(0, 4));
}

std::vector<Citation> article_citations(const Article& article, std::string_view accessed) {
    return {
        {"short", "Кратко", short_line(article)},
        {"gost-2018", "ГОСТ Р 7.0.100–2018", gost_2018(article, accessed)},
        {"gost-2008", "ГОСТ Р 7.0.5–2008", gost_2008(article, accessed)},
    };
}

}  // namespace core
