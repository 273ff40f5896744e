#include "server/reply.h"

#include <nlohmann/json.hpp>

namespace server {

Reply error_reply(int status, const std::string& message) {
    const nlohmann::json body{{"error", message}};
    return Reply{status, "application/json; charset=utf-8",
                 body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace server
