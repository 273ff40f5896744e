#include "server/reply.h"

#include "server/json.h"

namespace server {

Reply error_reply(int status, const std::string& message) {
    std::string body;
    JsonWriter(body).begin_object().field("error", message).end_object();
    return Reply{status, "application/json; charset=utf-8", std::move(body)};
}

std::string whole_body(Reply& reply) {
    std::string body = reply.body;
    if (reply.more) {
        while (reply.more(body)) {
        }
    }
    return body;
}

}  // namespace server
