#include "server/pages/parts.h"
#include "server/url.h"

namespace server::pages {

std::string filter_syntax(const Filters& filters) {
    std::string out;
    if (!filters.source.empty()) out += " source:«" + filters.source + "»";
    if (!filters.place.empty()) out += " place:«" + filters.place + "»";
    if (!filters.date_from.empty() || !filters.date_to.empty()) {
        out += " date:" + filters.date_from + ".." + filters.date_to;
    }
    return out;
}

std::string page_link(const std::string& base, const PageQuery& query, long offset) {
    std::string link = base + "?q=" + percent_encode(query.text);
    const Filters& f = query.filters;
    for (const auto& [name, value] : {std::pair{"source", &f.source}, std::pair{"place", &f.place},
                                      std::pair{"from", &f.date_from}, std::pair{"to", &f.date_to}}) {
        if (!value->empty()) link += std::string("&") + name + "=" + percent_encode(*value);
    }
    if (query.newest_first) link += "&sort=date";
    if (query.every_copy) link += "&collapse=0";
    if (offset > 0) link += "&offset=" + std::to_string(offset);
    return link;
}

std::string search_link(const PageQuery& query, long offset) { return page_link("/search", query, offset); }

std::string quotes_link(const std::string& words, const std::string& speaker, long offset) {
    std::string link = "/search?view=quotes&q=" + percent_encode(words);
    if (!speaker.empty()) link += "&speaker=" + percent_encode(speaker);
    if (offset > 0) link += "&offset=" + std::to_string(offset);
    return link;
}

}  // namespace server::pages
