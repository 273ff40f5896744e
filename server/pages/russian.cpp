#include "server/pages/parts.h"
#include "server/request.h"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace server::pages {

std::string ru_date(const std::string& date) {
    static constexpr std::array<const char*, 12> kMonths = {"января", "февраля", "марта",    "апреля",
                                                            "мая",    "июня",    "июля",     "августа",
                                                            "сентября", "октября", "ноября", "декабря"};
    if (!is_date_bound(date) || date.size() != 10) return date;
    const int month = std::stoi(date.substr(5, 2));
    if (month < 1 || month > 12) return date;
    return std::to_string(std::stoi(date.substr(8, 2))) + " " + kMonths[month - 1] + " " + date.substr(0, 4);
}

std::string ru_month(const std::string& year_month) {
    static constexpr std::array<const char*, 12> kMonths = {"январь", "февраль", "март",     "апрель",
                                                            "май",    "июнь",    "июль",     "август",
                                                            "сентябрь", "октябрь", "ноябрь", "декабрь"};
    const int month = year_month.size() == 7 ? std::atoi(year_month.c_str() + 5) : 0;
    if (month < 1 || month > 12) return year_month;
    return std::string(kMonths[month - 1]) + " " + year_month.substr(0, 4);
}

std::string plural(Xapian::doccount n, const char* one, const char* few, const char* many) {
    const unsigned last = n % 10, last_two = n % 100;
    if (last == 1 && last_two != 11) return one;
    if (last >= 2 && last <= 4 && (last_two < 12 || last_two > 14)) return few;
    return many;
}

std::string took_text(std::chrono::steady_clock::time_point started) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", ms);
    return text;
}

}  // namespace server::pages
