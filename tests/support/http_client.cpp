#include "tests/support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/empty_body.hpp>

#include <chrono>
#include <stdexcept>

namespace test_support {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string HttpResponse::header(std::string_view name) const {
    auto it = headers.find(beast::string_view(name.data(), name.size()));
    return it == headers.end() ? std::string() : std::string(it->value());
}

namespace {

// A test must fail, not hang, when the server does not answer.
constexpr std::chrono::seconds kTimeout{20};

}  // namespace

HttpClient::HttpClient(unsigned short port) : socket_(ioc_) {
    socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
}

// Runs the asynchronous operation `start(handler)` to its end, or throws
// after kTimeout; throws its error too.
template <class Start>
void HttpClient::run(Start&& start) {
    beast::error_code result = asio::error::would_block;
    ioc_.restart();
    start([&result](beast::error_code ec, std::size_t) { result = ec; });
    ioc_.run_for(kTimeout);
    if (result == asio::error::would_block) {
        beast::error_code ignored;
        socket_.cancel(ignored);
        ioc_.restart();
        ioc_.run();
        throw std::runtime_error("no answer from the server within 20 s");
    }
    if (result) throw beast::system_error(result);
}

HttpClient::~HttpClient() {
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
}

HttpResponse HttpClient::request(const std::string& method, const std::string& target,
                                 const std::vector<std::pair<std::string, std::string>>& headers,
                                 const std::string& body) {
    http::request<http::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) req.set(name, value);
    req.body() = body;
    if (!body.empty() || method == "POST" || method == "PUT") req.prepare_payload();
    run([&](auto handler) { http::async_write(socket_, req, handler); });
    return read_response(method == "HEAD");
}

HttpResponse HttpClient::send_raw(std::string_view bytes, bool head_request) {
    run([&](auto handler) { asio::async_write(socket_, asio::buffer(bytes.data(), bytes.size()), handler); });
    return read_response(head_request);
}

HttpResponse HttpClient::read_response(bool head_request) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(head_request);
    run([&](auto handler) { http::async_read(socket_, buffer_, parser, handler); });
    const auto& res = parser.get();
    HttpResponse out;
    out.status = static_cast<int>(res.result_int());
    out.body = res.body();
    out.keep_alive = res.keep_alive();
    for (const auto& field : res) out.headers.insert(field.name_string(), field.value());
    return out;
}

bool HttpClient::write_only(std::string_view bytes) {
    try {
        run([&](auto handler) { asio::async_write(socket_, asio::buffer(bytes.data(), bytes.size()), handler); });
    } catch (const beast::system_error&) {
        return false;
    }
    return true;
}

void HttpClient::limit_send_buffer(int bytes) {
    socket_.set_option(asio::socket_base::send_buffer_size(bytes));
}

bool HttpClient::closed_by_server() {
    char byte = 0;
    try {
        run([&](auto handler) { socket_.async_read_some(asio::buffer(&byte, 1), handler); });
    } catch (const beast::system_error& e) {
        return e.code() == asio::error::eof || e.code() == asio::error::connection_reset;
    } catch (const std::runtime_error&) {
        return false;  // still open after the timeout
    }
    return false;  // it sent more bytes
}

HttpResponse http_get(unsigned short port, const std::string& target) { return HttpClient(port).get(target); }

}  // namespace test_support
