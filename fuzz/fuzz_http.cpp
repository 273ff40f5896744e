// libFuzzer target for request handling: the input is a raw HTTP request.
// Its first byte also picks a method and the rest is handed to route() as a
// target, so the router sees targets no HTTP parser would let through; then
// the whole input goes through Beast's request parser with the server's
// limits and, when it parses, to route() as the server would pass it, headers
// and body included. The server takes writes with a token the dictionary
// knows, so POST and DELETE bodies reach the NDJSON reader and the writer.
#include "core/text.h"
#include "fuzz/fixture.h"
#include "core/index_writer.h"
#include "server/index_handle.h"
#include "server/router.h"
#include "server/write_api.h"

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

namespace {

namespace http = boost::beast::http;

constexpr const char* kWriteToken = "fuzz-write-token-0123456789";  // also in http.dict

server::Services& services() {
    static const std::string db = fuzz::writable_fixture_index();
    static core::IndexWriter writer(db, "fuzz_http");
    static server::IndexHandle handle(db);
    static server::WriteService writes(writer, handle, kWriteToken);
    static server::Services services{handle, &writes, false};
    return services;
}

server::Method method_of(http::verb verb) {
    switch (verb) {
        case http::verb::get: return server::Method::Get;
        case http::verb::head: return server::Method::Head;
        case http::verb::post: return server::Method::Post;
        case http::verb::put: return server::Method::Put;
        case http::verb::delete_: return server::Method::Delete;
        default: return server::Method::Other;
    }
}

bool is_json(const server::Reply& reply) { return reply.content_type.rfind("application/json", 0) == 0; }

void check_reply(const server::Reply& reply) {
    fuzz::require(reply.status >= 200 && reply.status <= 599, "a valid status");
    if (reply.status >= 500) std::fprintf(stderr, "fuzz: answered %d: %.400s\n", reply.status, reply.body.c_str());
    fuzz::require(reply.status < 500, "no server error on any input");
    fuzz::require(core::is_valid_utf8(reply.body), "the body is UTF-8");
    if (!is_json(reply)) return;
    const nlohmann::json body = nlohmann::json::parse(reply.body, nullptr, false);
    fuzz::require(!body.is_discarded(), "a JSON reply parses");
    if (reply.status >= 400) fuzz::require(body.contains("error"), "an error reply has an \"error\" field");
}

void route_direct(std::string_view input) {
    if (input.empty()) return;
    const auto method = static_cast<server::Method>(static_cast<unsigned char>(input[0]) % 6);
    check_reply(server::route(method, input.substr(1), services(), {}));
}

void parse_and_route(std::string_view input) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(8 * 1024);
    parser.body_limit(64 * 1024);
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = 0;
    while (used < input.size() && !parser.is_done()) {
        const std::size_t n = parser.put(boost::asio::buffer(input.data() + used, input.size() - used), ec);
        if (ec == http::error::need_more) break;
        if (ec) return;
        if (n == 0) break;
        used += n;
    }
    if (!parser.is_done()) {
        // Beast asserts that end of stream comes after some bytes (as the
        // socket read that reports it guarantees); an empty input is no request.
        if (!parser.got_some()) return;
        parser.put_eof(ec);
        if (ec || !parser.is_done()) return;
    }
    const auto& request = parser.get();
    const std::string_view target(request.target().data(), request.target().size());
    server::Request routed;
    for (const auto& field : request) routed.headers.emplace_back(field.name_string(), field.value());
    routed.body = request.body();
    check_reply(server::route(method_of(request.method()), target, services(), std::move(routed)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    route_direct(input);
    parse_and_route(input);
    return 0;
}
