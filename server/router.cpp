#include "server/router.h"

#include "server/api.h"
#include "server/export_api.h"
#include "server/pages.h"
#include "server/people_api.h"
#include "server/feed.h"
#include "server/metrics.h"
#include "server/url.h"
#include "server/write_api.h"

#include <algorithm>
#include <array>

namespace server {
namespace {

Reply favicon(const Request&, IndexHandle&) { return Reply{204, "image/x-icon", ""}; }

// A handler that only reads the index.
template <Reply (*handler)(const Request&, IndexHandle&)>
Reply reads(const Request& request, Services& services) {
    return handler(request, services.index);
}

constexpr std::array kRoutes = {
    Route{Method::Get, "/healthz", reads<healthz>},
    Route{Method::Get, "/api/search", reads<api_search>},
    Route{Method::Get, "/api/quotes", reads<api_quotes>},
    Route{Method::Get, "/api/export", reads<api_export>},
    Route{Method::Get, "/api/doc/{id}/related", reads<api_related>},  // before /api/doc/{id}, which takes any tail
    Route{Method::Get, "/api/doc/{id}", reads<api_doc>},
    Route{Method::Get, "/api/people", reads<api_people>},
    Route{Method::Get, "/api/people/{name}", reads<api_person>},
    Route{Method::Post, "/api/articles", post_articles},
    Route{Method::Delete, "/api/articles/{id}", delete_article},
    Route{Method::Post, "/api/admin/compact", compact_index},
    Route{Method::Get, "/feed", reads<atom_feed>},
    Route{Method::Get, "/", reads<search_page>, true},
    Route{Method::Get, "/search", reads<search_page>, true},
    Route{Method::Get, "/doc/{id}", reads<article_page>, true},
    Route{Method::Get, "/person/{name}", reads<person_page>, true},
    Route{Method::Get, "/assets/{name}", reads<asset>},
    Route{Method::Get, "/favicon.ico", reads<favicon>},
    Route{Method::Get, "/metrics", metrics_page},
};

const char* method_name(Method method) {
    switch (method) {
        case Method::Get: return "GET";
        case Method::Head: return "HEAD";
        case Method::Post: return "POST";
        case Method::Put: return "PUT";
        case Method::Delete: return "DELETE";
        case Method::Other: break;
    }
    return "?";
}

// Whether the route's path matches; sets `value` to what stands at its `{...}`.
// A pattern's `{...}` takes the rest of the path, or, when a fixed tail
// follows it (`/api/doc/{id}/related`), what stands before that tail.
bool path_matches(std::string_view pattern, const std::string& path, std::string& value) {
    const std::size_t brace = pattern.find('{');
    if (brace == std::string_view::npos) return path == pattern;
    if (path.compare(0, brace, pattern.substr(0, brace)) != 0) return false;
    const std::string_view tail = pattern.substr(pattern.find('}', brace) + 1);
    if (path.size() < brace + tail.size() || path.compare(path.size() - tail.size(), tail.size(), tail) != 0) {
        return false;
    }
    value = path.substr(brace, path.size() - brace - tail.size());
    return true;
}

bool takes(const Route& route, Method method) {
    return route.method == method || (route.method == Method::Get && method == Method::Head);
}

// "GET, HEAD" and the like: the methods the routes take.
template <class Routes>
std::string allowed_methods(const Routes& routes) {
    std::string out;
    auto add = [&](Method method) {
        const std::string name = method_name(method);
        if (out.find(name) != std::string::npos) return;
        if (!out.empty()) out += ", ";
        out += name;
    };
    for (const Route* route : routes) {
        add(route->method);
        if (route->method == Method::Get) add(Method::Head);
    }
    return out;
}

// 405 naming the methods the path takes (or, for no path, any route takes).
Reply method_not_allowed(const std::vector<const Route*>& routes) {
    std::vector<const Route*> all;
    for (const Route& route : kRoutes) all.push_back(&route);
    const std::string allowed = allowed_methods(routes.empty() ? all : routes);
    std::string in_words = allowed;  // "GET, HEAD, POST" -> "GET, HEAD and POST"
    if (const std::size_t last = in_words.rfind(", "); last != std::string::npos) in_words.replace(last, 2, " and ");
    Reply reply = error_reply(405, "only " + in_words + " are supported");
    reply.headers.emplace_back("Allow", allowed);
    return reply;
}

bool any_route_takes(Method method) {
    for (const Route& route : kRoutes) {
        if (takes(route, method)) return true;
    }
    return false;
}

Reply answer(const Route& route, const Request& request, Services& services) {
    try {
        return route.handler(request, services);
    } catch (const IndexUnavailable& e) {
        if (route.html) return error_page(503, "Индекс сейчас недоступен. Попробуйте позже.");
        return error_reply(503, std::string("index unavailable: ") + e.what());
    } catch (const Xapian::Error& e) {
        return error_reply(500, "search failed: " + e.get_description());
    } catch (const std::exception& e) {
        return error_reply(500, std::string("internal error: ") + e.what());
    }
}

// The request with its path decoded: the route that takes it, or 404/405.
Reply dispatch(Request request, Services& services) {
    if (request.path.find('\0') != std::string::npos) return error_reply(400, "NUL in the request path");
    std::vector<const Route*> on_path;
    for (const Route& route : kRoutes) {
        std::string value;
        if (!path_matches(route.path, request.path, value)) continue;
        if (takes(route, request.method)) {
            request.path_value = std::move(value);
            Reply reply = answer(route, request, services);
            reply.route = route.path;
            return reply;
        }
        on_path.push_back(&route);
    }
    if (!on_path.empty()) return method_not_allowed(on_path);
    if (!any_route_takes(request.method)) return method_not_allowed({});
    return error_reply(404, "no such endpoint: " + request.path);
}

}  // namespace

Reply route(Method method, std::string_view raw_target, Services& services, Request request) {
    Target target = parse_target(raw_target);
    if (!target.valid) return error_reply(400, "malformed percent-encoding in the request target");
    request.method = method;
    request.path = std::move(target.path);
    request.params = std::move(target.params);
    return dispatch(std::move(request), services);
}

std::vector<std::string_view> route_patterns() {
    std::vector<std::string_view> patterns;
    for (const Route& route : kRoutes) {
        if (std::find(patterns.begin(), patterns.end(), route.path) == patterns.end()) patterns.push_back(route.path);
    }
    return patterns;
}

Reply route(Method method, std::string_view raw_target, IndexHandle& index, Request request) {
    Services reads_only{index};
    return route(method, raw_target, reads_only, std::move(request));
}

}  // namespace server
