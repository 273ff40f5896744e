#include "server/router.h"

#include "server/api.h"
#include "server/feed.h"
#include "server/pages.h"
#include "server/url.h"

namespace server {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

Reply dispatch(const Target& target, IndexHandle& index) {
    const std::string& path = target.path;
    if (path == "/healthz") return healthz(index);
    if (path == "/api/search") return api_search(target, index);
    if (path == "/api/quotes") return api_quotes(target, index);
    if (starts_with(path, "/api/doc/")) return api_doc(path.substr(9), index);
    if (path == "/" || path == "/search") return search_page(target, index);
    if (starts_with(path, "/doc/")) return article_page(path.substr(5), target, index);
    if (starts_with(path, "/assets/")) return asset(path.substr(8));
    if (path == "/favicon.ico") return Reply{204, "image/x-icon", ""};
    return error_reply(404, "no such endpoint: " + path);
}

bool wants_html(const std::string& path) {
    return path == "/" || path == "/search" || starts_with(path, "/doc/");
}

}  // namespace

Reply route(Method method, std::string_view raw_target, IndexHandle& index) {
    if (method != Method::Get && method != Method::Head) return error_reply(405, "only GET and HEAD are supported");
    const Target target = parse_target(raw_target);
    if (!target.valid) return error_reply(400, "malformed percent-encoding in the request target");
    if (target.path.find('\0') != std::string::npos) return error_reply(400, "NUL in the request path");
    try {
        return dispatch(target, index);
    } catch (const IndexUnavailable& e) {
        if (wants_html(target.path)) return error_page(503, "Индекс сейчас недоступен. Попробуйте позже.");
        return error_reply(503, std::string("index unavailable: ") + e.what());
    } catch (const Xapian::Error& e) {
        return error_reply(500, "search failed: " + e.get_description());
    } catch (const std::exception& e) {
        return error_reply(500, std::string("internal error: ") + e.what());
    }
}

Reply route(Method method, std::string_view raw_target, IndexHandle& index, WriteService* writes,
            const WriteRequest& write) {
    const Target target = parse_target(raw_target);
    if (target.valid && target.path == "/feed" && (method == Method::Get || method == Method::Head)) {
        try {
            return atom_feed(target, write.host, index);
        } catch (const IndexUnavailable& e) {
            return error_reply(503, std::string("index unavailable: ") + e.what());
        } catch (const Xapian::Error& e) {
            return error_reply(500, "search failed: " + e.get_description());
        }
    }
    if (!target.valid || !is_write_path(target.path)) return route(method, raw_target, index);
    if (method == Method::Get || method == Method::Head) return error_reply(405, "use POST or DELETE on " + target.path);
    if (!writes) return error_reply(403, "writes are off: start the server with --write-token-file FILE");
    WriteRequest request = write;
    request.path = target.path;
    try {
        return writes->handle(request);
    } catch (const Xapian::Error& e) {
        return error_reply(500, "write failed: " + e.get_description());
    } catch (const std::exception& e) {
        return error_reply(500, std::string("internal error: ") + e.what());
    }
}

}  // namespace server
