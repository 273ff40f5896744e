// A small synchronous HTTP/1.1 client for tests, over one connection to
// 127.0.0.1 that stays open between requests (keep-alive). It can also send
// raw bytes, arbitrary methods and oversized headers.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace test_support {

struct HttpResponse {
    int status = 0;
    std::string body;
    boost::beast::http::fields headers;
    bool keep_alive = false;

    std::string header(std::string_view name) const;
};

class HttpClient {
public:
    explicit HttpClient(unsigned short port);
    ~HttpClient();

    HttpResponse get(const std::string& target) { return request("GET", target); }
    HttpResponse head(const std::string& target) { return request("HEAD", target); }
    // Any method name, extra headers and a body.
    HttpResponse request(const std::string& method, const std::string& target,
                         const std::vector<std::pair<std::string, std::string>>& headers = {},
                         const std::string& body = {});
    // Writes `bytes` as they are and reads one response.
    HttpResponse send_raw(std::string_view bytes, bool head_request = false);
    // Writes `bytes` and reads nothing; false once the connection is gone.
    bool write_only(std::string_view bytes);
    // Shrinks the socket's send buffer, so that a large request cannot sit
    // whole in the kernel: writing it takes the server reading it.
    void limit_send_buffer(int bytes);
    // Whether the server has closed this connection.
    bool closed_by_server();

private:
    HttpResponse read_response(bool head_request);
    template <class Start>
    void run(Start&& start);

    boost::asio::io_context ioc_;
    boost::asio::ip::tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
};

// One GET on a fresh connection.
HttpResponse http_get(unsigned short port, const std::string& target);

}  // namespace test_support
