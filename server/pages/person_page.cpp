// GET /person/{name}: one person in the archive: how often they are named,
// month by month (a bar chart in inline SVG, no script), their quotations,
// newest first, and the people quoted beside them.
#include "core/people.h"
#include "server/pages.h"
#include "server/pages/parts.h"
#include "server/people_api.h"
#include "server/url.h"

#include <algorithm>

namespace server {
namespace {

using namespace pages;

constexpr int kBarWidth = 10;
constexpr int kChartHeight = 80;

std::string person_link(const std::string& name) { return "/person/" + percent_encode(name); }

void months_chart(Html& out, const std::vector<core::FacetValue>& months) {
    if (months.empty()) return;
    Xapian::doccount most = 0;
    for (const core::FacetValue& m : months) most = std::max(most, m.count);
    const int width = static_cast<int>(months.size()) * kBarWidth;
    out.open("figure").attr("class", "months").attr("id", "months");
    out.open("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("role", "img");
    out.attr("viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(kChartHeight));
    out.attr("width", std::to_string(std::min(width, 720))).attr("height", std::to_string(kChartHeight));
    out.attr("aria-label", "Статей в месяц");
    for (std::size_t i = 0; i < months.size(); ++i) {
        const int height = std::max(1, static_cast<int>(months[i].count * kChartHeight / most));
        out.open("rect").attr("x", std::to_string(static_cast<int>(i) * kBarWidth)).attr("y", std::to_string(kChartHeight - height));
        out.attr("width", std::to_string(kBarWidth - 2)).attr("height", std::to_string(height)).attr("fill", "#3b6ea5");
        out.open("title").text(ru_month(months[i].value) + ": ").text(static_cast<long long>(months[i].count)).close("title");
        out.close("rect");
    }
    out.close("svg");
    out.open("figcaption").text("Статей в месяц: ").text(ru_month(months.front().value));
    if (months.size() > 1) out.text(" — ").text(ru_month(months.back().value));
    out.close("figcaption").close("figure");
}

void person_content(Html& out, const core::Person& person) {
    out.open("h1").attr("id", "person").text(person.name).close("h1");
    out.open("p").attr("class", "summary").open("a").attr("href", search_link({person.name, {}}));
    out.text("Упоминается в ").text(static_cast<long long>(person.articles));
    out.text(" " + plural(person.articles, "статье", "статьях", "статьях")).close("a");
    if (!person.quotations.empty()) {
        out.text(" · ").open("a").attr("href", quotes_link("", person.name)).text("все цитаты").close("a");
    }
    out.close("p");
    if (person.spellings.size() > 1) {
        out.open("p").attr("class", "meta").text("Написания: ");
        for (std::size_t i = 0; i < person.spellings.size(); ++i) out.text(i ? ", " : "").text(person.spellings[i].value);
        out.close("p");
    }
    months_chart(out, person.months);
    if (!person.quotations.empty()) {
        out.open("h2").text("Цитаты, сначала новые").close("h2");
        out.open("ol").attr("class", "results").attr("id", "quotations");
        for (const core::QuoteHit& hit : person.quotations) quote_item(out, hit, "");
        out.close("ol");
    }
    if (!person.named_with.empty()) {
        out.open("h2").text("Цитируются в тех же статьях").close("h2");
        out.open("ul").attr("id", "named-with");
        for (const core::FacetValue& other : person.named_with) {
            out.open("li").open("a").attr("href", person_link(other.value)).text(other.value).close("a");
            out.text(" · ").text(static_cast<long long>(other.count)).close("li");
        }
        out.close("ul");
    }
}

}  // namespace

Reply person_page(const Request& http, IndexHandle& index) {
    const std::string& name = http.path_value;
    if (const std::string problem = person_name_problem(name); !problem.empty()) return error_page(400, "Имя: " + problem);
    if (is_blank(name)) return error_page(400, "Укажите имя: /person/Лавров");
    const core::Person person = index.run([&](core::Searcher& s) { return core::find_person(s, name); });
    if (person.articles == 0 && person.quotations.empty()) return error_page(404, "В архиве нет статей, где назван " + name + ".");
    Page page{person.name + " — люди в новостях", {}, {}, {}};
    person_content(page.main, person);
    return Reply{200, "text/html; charset=utf-8", render(page)};
}

}  // namespace server
