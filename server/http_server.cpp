#include "server/http_server.h"

#include "server/metrics.h"
#include "server/router.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct HttpServer::State {
    State(ServerOptions opts, IndexHandle& idx, WriteService* w)
        : options(std::move(opts)), index(idx), writes(w), acceptor(asio::make_strand(ioc)), signals(ioc, SIGINT, SIGTERM) {
        if (options.metrics) {
            metrics = std::make_unique<Metrics>(route_patterns());
            metrics->watch(&connections, &requests_in_flight);
        }
    }

    ServerOptions options;
    IndexHandle& index;
    WriteService* writes;
    asio::io_context ioc;
    tcp::acceptor acceptor;
    asio::signal_set signals;
    std::atomic<std::size_t> connections{0};
    std::atomic<std::size_t> requests_in_flight{0};
    std::atomic<bool> stopping{false};
    std::unique_ptr<Metrics> metrics;  // null with --no-metrics
};

namespace {

using State = HttpServer::State;

void fail(beast::error_code ec, const char* what) {
    if (ec == asio::error::operation_aborted || ec == beast::error::timeout || ec == http::error::end_of_stream ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
        return;
    }
    std::fprintf(stderr, "server: %s: %s\n", what, ec.message().c_str());
}

std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

Method method_of(http::verb verb) {
    if (verb == http::verb::get) return Method::Get;
    if (verb == http::verb::head) return Method::Head;
    if (verb == http::verb::post) return Method::Post;
    if (verb == http::verb::put) return Method::Put;
    if (verb == http::verb::delete_) return Method::Delete;
    return Method::Other;
}

Request headers_and_body(const http::request<http::string_body>& message) {
    Request request;
    for (const auto& field : message) request.headers.emplace_back(field.name_string(), field.value());
    request.body = message.body();
    return request;
}

// When the request line alone is over the header limit, it is the target (a
// long query) that is too long: 414. The parser sets the target as soon as it
// has read the request line (and drops those bytes from the buffer), so an
// empty target means the request line never ended.
http::status status_for_read_error(beast::error_code ec, bool request_line_read) {
    if (ec == http::error::header_limit) {
        return request_line_read ? http::status::request_header_fields_too_large : http::status::uri_too_long;
    }
    if (ec == http::error::body_limit) return http::status::payload_too_large;
    return http::status::bad_request;
}

Refusal refusal_of(http::status status) {
    switch (status) {
        case http::status::uri_too_long: return Refusal::UriTooLong;
        case http::status::request_header_fields_too_large: return Refusal::HeadersTooLarge;
        case http::status::payload_too_large: return Refusal::PayloadTooLarge;
        default: return Refusal::BadRequest;
    }
}

const char* read_error_message(http::status status) {
    switch (status) {
        case http::status::uri_too_long: return "request target too long";
        case http::status::request_header_fields_too_large: return "request headers too large";
        case http::status::payload_too_large: return "request body too large";
        default: return "malformed HTTP request";
    }
}

class Session : public std::enable_shared_from_this<Session> {
    static constexpr std::size_t kFirstReadBytes = 4096;
    // How long, and how much, a refused client may go on sending before the
    // connection is closed (see linger_then_close).
    static constexpr std::chrono::seconds kLingerTime{3};
    static constexpr std::size_t kLingerBytes = 64 * 1024 * 1024;
    static constexpr std::size_t kDrainReadBytes = 64 * 1024;

public:
    Session(tcp::socket&& socket, std::shared_ptr<State> state)
        : stream_(std::move(socket)), state_(std::move(state)) {}

    ~Session() { --state_->connections; }

    void start() {
        asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::do_read, shared_from_this()));
    }

private:
    void do_read() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(state_->options.max_header_bytes));
        // Beast checks Content-Length against the limit while reading the
        // header, before on_header knows the path: the larger limit here,
        // the right one in on_header.
        parser_->body_limit(std::max(state_->options.max_body_bytes, state_->options.max_write_body_bytes));
        if (requests_served_ == 0 || buffer_.size() > 0) return read_request();
        // A kept-alive connection may sit idle longer before its next request,
        // but once that request starts it must arrive within the request
        // timeout too: a client sending a byte at a time cannot hold it.
        stream_.expires_after(state_->options.idle_timeout);
        stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                                beast::bind_front_handler(&Session::on_next_request_start, shared_from_this()));
    }

    void on_next_request_start(beast::error_code ec, std::size_t bytes) {
        if (ec) return close();  // idle timeout, or the client left: nothing to answer
        buffer_.commit(bytes);
        read_request();
    }

    // The header first: a write to /api/articles may have a larger body.
    void read_request() {
        stream_.expires_after(state_->options.request_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                beast::bind_front_handler(&Session::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t bytes) {
        if (ec) return on_read(ec, bytes);
        const auto& request = parser_->get();
        const std::string_view target(request.target().data(), request.target().size());
        if (request.method() != http::verb::post || !is_write_path(target.substr(0, target.find('?')))) {
            const std::size_t limit = state_->options.max_body_bytes;
            parser_->body_limit(limit);
            if (parser_->content_length() && *parser_->content_length() > limit) {
                return reply_to_bad_request(http::error::body_limit);
            }
        } else {
            parser_->body_limit(state_->options.max_write_body_bytes);
        }
        // curl asks before sending a large body, and waits a second for the answer.
        if (beast::iequals(request[http::field::expect], "100-continue")) {
            auto go_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, request.version());
            http::async_write(stream_, *go_on, [self = shared_from_this(), go_on](beast::error_code error, std::size_t) {
                if (error) return self->close();
                self->read_body();
            });
            return;
        }
        read_body();
    }

    void read_body() {
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted) {
            return close();
        }
        if (ec) return reply_to_bad_request(ec);
        ++state_->requests_in_flight;
        const auto started = std::chrono::steady_clock::now();
        const http::request<http::string_body>& request = parser_->get();
        const Method method = method_of(request.method());
        const std::string_view target(request.target().data(), request.target().size());
        Services services{state_->index, state_->writes, state_->stopping.load(), state_->metrics.get()};
        Reply reply = route(method, target, services, headers_and_body(request));
        const std::string id = request_id(view(request["X-Request-Id"]));
        tag_reply(reply, id);
        const bool keep_alive = request.keep_alive() && !state_->stopping;
        if (reply.more) {
            return send_streamed(std::move(reply), request, keep_alive, method == Method::Head, started, id);
        }
        const auto took = std::chrono::steady_clock::now() - started;
        if (state_->metrics) state_->metrics->count_request(reply.route, reply.status, took);
        send(reply, request.version(), keep_alive, method == Method::Head);
        log(view(request.method_string()), target, reply, reply.body.size(), took, id);
    }

    void log(std::string_view method, std::string_view target, const Reply& reply, std::size_t bytes,
             std::chrono::steady_clock::duration took, const std::string& id) const {
        if (!state_->options.log_requests) return;
        const LoggedRequest logged{std::chrono::system_clock::now(), method, target, reply.status, bytes,
                                   std::chrono::duration_cast<std::chrono::nanoseconds>(took), id};
        const std::string line = log_line(logged, state_->options.log_format, state_->options.log_query);
        std::fwrite(line.data(), 1, line.size(), stderr);
    }

    void reply_to_bad_request(beast::error_code ec) {
        ++state_->requests_in_flight;
        const auto started = std::chrono::steady_clock::now();
        const http::status status = status_for_read_error(ec, !parser_->get().target().empty());
        refused_ = true;
        Reply reply = error_reply(static_cast<int>(status), read_error_message(status));
        // Headers over the limit are not all read: only a request id read in full is taken.
        const std::string id = request_id(status == http::status::payload_too_large ? view(parser_->get()["X-Request-Id"]) : "");
        tag_reply(reply, id);
        if (state_->metrics) {
            state_->metrics->count_refusal(refusal_of(status));
            state_->metrics->count_request(kNoRoute, reply.status, std::chrono::steady_clock::now() - started);
        }
        send(reply, 11, false, false);
        log(view(parser_->get().method_string()), view(parser_->get().target()), reply, reply.body.size(),
            std::chrono::steady_clock::now() - started, id);
    }

    void send(const Reply& reply, unsigned version, bool keep_alive, bool head_only) {
        auto response = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(reply.status), version);
        response->set(http::field::server, "newsearch");
        response->set(http::field::content_type, reply.content_type);
        response->set("X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : reply.headers) response->set(name, value);
        response->keep_alive(keep_alive);
        response->body() = reply.body;
        response->prepare_payload();
        if (head_only) response->body().clear();  // Content-Length stays that of the GET answer
        response_ = response;
        stream_.expires_after(state_->options.request_timeout);
        http::async_write(stream_, *response,
                          beast::bind_front_handler(&Session::on_write, shared_from_this(), keep_alive));
    }

    // A reply with Reply::more: the header, then each piece as a chunk,
    // asking for the next piece only once the last is written (one piece
    // held at a time, however long the body), then the last chunk. The
    // request is counted and logged when the body is complete.
    void send_streamed(Reply reply, const http::request<http::string_body>& request, bool keep_alive, bool head_only,
                       std::chrono::steady_clock::time_point started, const std::string& id) {
        auto streamed = std::make_unique<Streamed>();
        http::response<http::empty_body>& response = streamed->response;
        response.result(static_cast<http::status>(reply.status));
        response.version(request.version());
        response.set(http::field::server, "newsearch");
        response.set(http::field::content_type, reply.content_type);
        response.set("X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : reply.headers) response.set(name, value);
        response.keep_alive(keep_alive);
        response.chunked(true);
        streamed->serializer.emplace(response);
        streamed->piece = std::move(reply.body);
        streamed->more = std::move(reply.more);
        streamed->method = std::string(view(request.method_string()));
        streamed->target = std::string(view(request.target()));
        streamed->id = id;
        streamed->started = started;
        streamed->keep_alive = keep_alive;
        reply.body.clear();
        streamed->reply = std::move(reply);
        streamed_ = std::move(streamed);
        stream_.expires_after(state_->options.request_timeout);
        http::async_write_header(stream_, *streamed_->serializer,
                                 beast::bind_front_handler(&Session::on_streamed_header, shared_from_this(), head_only));
    }

    void on_streamed_header(bool head_only, beast::error_code ec, std::size_t) {
        if (ec || head_only) return finish_streamed(ec, false);
        write_piece();
    }

    void write_piece() {
        Streamed& s = *streamed_;
        while (s.piece.empty() && s.more_to_come) {
            try {
                s.more_to_come = s.more(s.piece);
            } catch (const Xapian::Error& e) {
                return cut_streamed(e.get_description());
            } catch (const std::exception& e) {
                return cut_streamed(e.what());
            }
        }
        stream_.expires_after(state_->options.request_timeout);
        if (s.piece.empty()) {
            return asio::async_write(stream_, http::make_chunk_last(),
                                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                         self->finish_streamed(ec, false);
                                     });
        }
        s.bytes += s.piece.size();
        asio::async_write(stream_, http::make_chunk(asio::buffer(s.piece)),
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->finish_streamed(ec, false);
                              self->streamed_->piece.clear();
                              self->write_piece();
                          });
    }

    // The rest of the body cannot be made: the connection is closed without
    // the last chunk, so the client knows the body is incomplete.
    void cut_streamed(const std::string& why) {
        std::fprintf(stderr, "server: %s cut after %zu bytes: %s\n", streamed_->target.c_str(), streamed_->bytes,
                     why.c_str());
        finish_streamed({}, true);
    }

    void finish_streamed(beast::error_code ec, bool cut) {
        const std::unique_ptr<Streamed> s = std::move(streamed_);
        const auto took = std::chrono::steady_clock::now() - s->started;
        if (state_->metrics) state_->metrics->count_request(s->reply.route, s->reply.status, took);
        log(s->method, s->target, s->reply, s->bytes, took, s->id);
        on_write(s->keep_alive && !cut, ec, 0);
    }

    void on_write(bool keep_alive, beast::error_code ec, std::size_t) {
        --state_->requests_in_flight;
        response_.reset();
        ++requests_served_;
        if (ec) return fail(ec, "write");
        if (refused_) return linger_then_close();
        if (!keep_alive) return close();
        do_read();
    }

    // A refused client may still be sending the rest of its request, such as
    // a body over the limit. Closing with those bytes unread would reset the
    // connection: the client's write fails, and the answer may be dropped
    // before it reads it. So, as Apache and nginx do, stop sending, then read
    // and drop what still comes until the client closes, for at most
    // kLingerTime and kLingerBytes.
    void linger_then_close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) return stream_.close();
        stream_.expires_after(kLingerTime);
        buffer_.clear();
        drain();
    }

    void drain() {
        stream_.async_read_some(buffer_.prepare(kDrainReadBytes),
                                beast::bind_front_handler(&Session::on_drained, shared_from_this()));
    }

    void on_drained(beast::error_code ec, std::size_t bytes) {
        lingered_bytes_ += bytes;
        if (ec || lingered_bytes_ > kLingerBytes) return stream_.close();
        drain();
    }

    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.close();
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::shared_ptr<State> state_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<void> response_;
    // The answer being sent in pieces, and what its log line needs at the end.
    struct Streamed {
        http::response<http::empty_body> response;
        std::optional<http::response_serializer<http::empty_body>> serializer;
        Reply reply;  // status, route and headers; the body goes out piece by piece
        std::string piece;
        std::function<bool(std::string&)> more;
        bool more_to_come = true;
        std::size_t bytes = 0;
        std::string method, target, id;
        std::chrono::steady_clock::time_point started;
        bool keep_alive = false;
    };
    std::unique_ptr<Streamed> streamed_;
    std::size_t requests_served_ = 0;
    bool refused_ = false;  // the request could not be read: answer, then linger_then_close
    std::size_t lingered_bytes_ = 0;
};

void do_accept(const std::shared_ptr<State>& state);

void on_accept(const std::shared_ptr<State>& state, beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || state->stopping) return;
    if (ec) {
        fail(ec, "accept");
        // Out of descriptors (EMFILE) and the like: pause instead of spinning.
        auto pause = std::make_shared<asio::steady_timer>(state->acceptor.get_executor(),
                                                           std::chrono::milliseconds(100));
        pause->async_wait([state, pause](beast::error_code) { do_accept(state); });
        return;
    }
    if (state->connections.load() >= state->options.max_connections) {
        beast::error_code ignored;
        socket.close(ignored);  // over the cap: refuse rather than starve the others
        if (state->metrics) state->metrics->count_refusal(Refusal::ConnectionLimit);
    } else {
        ++state->connections;
        std::make_shared<Session>(std::move(socket), state)->start();
    }
    do_accept(state);
}

void do_accept(const std::shared_ptr<State>& state) {
    state->acceptor.async_accept(asio::make_strand(state->ioc), [state](beast::error_code ec, tcp::socket socket) {
        on_accept(state, ec, std::move(socket));
    });
}

// Waits for requests in flight to finish (up to the grace period), then stops.
void drain_and_stop(const std::shared_ptr<State>& state, std::chrono::steady_clock::time_point deadline) {
    if (state->requests_in_flight == 0 || std::chrono::steady_clock::now() >= deadline) {
        state->ioc.stop();
        return;
    }
    auto timer = std::make_shared<asio::steady_timer>(state->ioc, std::chrono::milliseconds(10));
    timer->async_wait([state, deadline, timer](beast::error_code) { drain_and_stop(state, deadline); });
}

}  // namespace

HttpServer::HttpServer(ServerOptions options, IndexHandle& index, WriteService* writes)
    : state_(std::make_shared<State>(std::move(options), index, writes)) {
    const tcp::endpoint endpoint(asio::ip::make_address(state_->options.bind), state_->options.port);
    state_->acceptor.open(endpoint.protocol());
    state_->acceptor.set_option(asio::socket_base::reuse_address(true));
    state_->acceptor.bind(endpoint);
    state_->acceptor.listen(asio::socket_base::max_listen_connections);
}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::port() const { return state_->acceptor.local_endpoint().port(); }

void HttpServer::run() {
    auto state = state_;
    state->signals.async_wait([state](beast::error_code ec, int) {
        if (ec) return;
        state->stopping = true;
        asio::post(state->acceptor.get_executor(), [state] {
            beast::error_code ignored;
            state->acceptor.close(ignored);
        });
        drain_and_stop(state, std::chrono::steady_clock::now() + state->options.shutdown_grace);
    });
    do_accept(state);

    unsigned threads = state->options.threads;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back([state] { state->ioc.run(); });
    state->ioc.run();
    for (std::thread& t : pool) t.join();
}

}  // namespace server
