#include "server/pages.h"

// The style sheet and script from server/assets, embedded at build time.
namespace core::data {
extern const char* const kStyleCss;
extern const char* const kAppJs;
}  // namespace core::data

namespace server {

Reply asset(const Request& request, IndexHandle&) {
    const std::string& name = request.path_value;
    if (name == "style.css") return Reply{200, "text/css; charset=utf-8", core::data::kStyleCss};
    if (name == "app.js") return Reply{200, "text/javascript; charset=utf-8", core::data::kAppJs};
    return Reply{404, "text/plain; charset=utf-8", "no such asset\n"};
}

}  // namespace server
