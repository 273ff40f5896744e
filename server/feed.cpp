#include "server/feed.h"

#include "server/api.h"
#include "server/url.h"

#include <chrono>
#include <ctime>

namespace server {
namespace {

// Escaped for XML text and attributes; characters XML 1.0 forbids (control
// characters an article may carry) are dropped, so the feed always parses.
std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (byte >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(c);
        }
    }
    return out;
}

std::string now_rfc3339() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

// "2024-03-01" → "2024-03-01T00:00:00Z"; undated articles take `fallback`.
std::string entry_time(const std::string& date, const std::string& fallback) {
    return date.size() == 10 ? date + "T00:00:00Z" : fallback;
}

std::string entry(const core::SearchHit& hit, const std::string& base, const std::string& updated) {
    const core::Article& a = hit.article;
    std::string out = "<entry>";
    out += "<title>" + xml_escape(a.title.empty() ? a.id : a.title) + "</title>";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(base + "/doc/" + percent_encode(a.id)) + "\"/>";
    if (!a.url.empty()) out += "<link rel=\"related\" href=\"" + xml_escape(a.url) + "\"/>";
    out += "<id>" + xml_escape("urn:newsearch:article:" + percent_encode(a.id)) + "</id>";
    out += "<updated>" + entry_time(a.date, updated) + "</updated>";
    if (!a.date.empty()) out += "<published>" + entry_time(a.date, updated) + "</published>";
    if (!a.source.empty()) {
        out += "<author><name>" + xml_escape(a.source) + "</name></author>";
        out += "<category term=\"" + xml_escape(a.source) + "\" label=\"source\"/>";
    }
    out += "<summary type=\"html\">" + xml_escape(hit.snippet_html) + "</summary>";
    return out + "</entry>\n";
}

}  // namespace

Reply atom_feed(const Request& http, IndexHandle& index) {
    const std::string_view host = http.header("Host");
    auto parsed = parse_search_request(http, true);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_reply(error->status, error->message);
    core::SearchRequest request = std::get<core::SearchRequest>(parsed);
    request.newest_first = true;
    request.offset = 0;
    request.limit = kFeedEntries;
    const core::SearchResult result = index.run([&](core::Searcher& s) { return s.search(request); });

    const bool host_is_safe = !host.empty() && host.find_first_of("\"<>&/ \\") == std::string_view::npos;
    const std::string base = "http://" + std::string(host_is_safe ? host : "127.0.0.1");
    const std::string now = now_rfc3339();
    const std::string updated = result.hits.empty() ? now : entry_time(result.hits.front().article.date, now);
    const std::string self = base + "/feed?q=" + percent_encode(request.query);
    std::string body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    body += "<title>" + xml_escape("Новости: " + request.query) + "</title>\n";
    body += "<id>" + xml_escape("urn:newsearch:feed:" + percent_encode(request.query)) + "</id>\n";
    body += "<updated>" + updated + "</updated>\n";
    body += "<link rel=\"self\" href=\"" + xml_escape(self) + "\"/>\n";
    body += "<link rel=\"alternate\" type=\"text/html\" href=\"" +
            xml_escape(base + "/search?q=" + percent_encode(request.query)) + "\"/>\n";
    body += "<author><name>newsearch</name></author>\n<generator>newsearch</generator>\n";
    for (const core::SearchHit& hit : result.hits) body += entry(hit, base, now);
    body += "</feed>\n";
    return Reply{200, "application/atom+xml; charset=utf-8", std::move(body)};
}

}  // namespace server
