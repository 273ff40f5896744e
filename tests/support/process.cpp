#include "tests/support/process.h"

#include "tests/support/temp_dir.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <thread>

namespace test_support {
namespace fs = std::filesystem;

namespace {

// Forks and execs `args` with stdout and stderr sent to the given
// descriptors; the child gets SIGKILL when the test process dies.
pid_t spawn(const std::vector<std::string>& args, int out_fd, int err_fd, bool own_process_group = false) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        if (own_process_group) ::setpgid(0, 0);
        const int null_in = ::open("/dev/null", O_RDONLY);
        ::dup2(null_in, STDIN_FILENO);
        ::dup2(out_fd, STDOUT_FILENO);
        ::dup2(err_fd, STDERR_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

// Waits for `pid` up to `timeout`; kills it when the time is up.
int wait_for(pid_t pid, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (true) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) return exit_code_of(status);
        if (done < 0 && errno != EINTR) return -1;
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

int open_for_output(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + path.string());
    return fd;
}

}  // namespace

fs::path program(const std::string& name) { return fs::path(NEWSEARCH_BIN_DIR) / name; }

fs::path corpus_dir() { return fs::path(NEWSEARCH_SOURCE_DIR) / "corpus"; }

RunResult run_program(const std::vector<std::string>& args, std::chrono::seconds timeout) {
    TempDir capture;
    const int out_fd = open_for_output(capture / "out");
    const int err_fd = open_for_output(capture / "err");
    const pid_t pid = spawn(args, out_fd, err_fd);
    ::close(out_fd);
    ::close(err_fd);
    RunResult result;
    result.exit_code = wait_for(pid, timeout);
    result.out = read_file(capture / "out");
    result.err = read_file(capture / "err");
    return result;
}

RunResult run_indexer(const fs::path& db, const std::vector<std::string>& inputs) {
    std::vector<std::string> args = {program("indexer").string(), "--db", db.string(), "--quiet"};
    args.insert(args.end(), inputs.begin(), inputs.end());
    return run_program(args);
}

ServerProcess::ServerProcess(const fs::path& db, const std::vector<std::string>& extra_args) {
    std::vector<std::string> args = {program("server").string(), "--db", db.string(), "--port", "0",
                                     "--threads", "2"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());

    log_path_ = db.parent_path() / ("server-" + std::to_string(::getpid()) + "-" +
                                    std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".log");
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const int err_fd = open_for_output(log_path_);
    pid_ = spawn(args, pipe_fds[1], err_fd);
    ::close(pipe_fds[1]);
    ::close(err_fd);
    stdout_fd_ = pipe_fds[0];

    // Reads the first stdout line: `server: listening on http://127.0.0.1:PORT/ ...`.
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd p{stdout_fd_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        char buffer[256];
        const ssize_t n = ::read(stdout_fd_, buffer, sizeof buffer);
        if (n <= 0) break;  // the server exited
        line.append(buffer, static_cast<std::size_t>(n));
    }
    static const std::regex listening(R"(server: listening on http://127\.0\.0\.1:(\d+)/)");
    std::smatch match;
    if (!std::regex_search(line, match, listening)) {
        stop();
        throw std::runtime_error("the server did not start: stdout `" + line + "`, stderr `" + log() + "`");
    }
    port_ = static_cast<unsigned short>(std::stoi(match[1].str()));
}

ServerProcess::~ServerProcess() {
    stop();
    std::error_code ec;
    fs::remove(log_path_, ec);
}

int ServerProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    const int code = wait_for(pid_, std::chrono::seconds(10));
    pid_ = -1;
    if (stdout_fd_ >= 0) ::close(stdout_fd_);
    stdout_fd_ = -1;
    return code;
}

void ServerProcess::kill_now() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    wait_for(pid_, std::chrono::seconds(10));
    pid_ = -1;
    if (stdout_fd_ >= 0) ::close(stdout_fd_);
    stdout_fd_ = -1;
}

std::string ServerProcess::log() const { return read_file(log_path_); }

namespace {

sockaddr_in loopback_address(unsigned short port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    return address;
}

unsigned short free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback_address(0);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("cannot find a free port on 127.0.0.1");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

bool accepts_connections(unsigned short port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const sockaddr_in address = loopback_address(port);
    const bool connected = fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    if (fd >= 0) ::close(fd);
    return connected;
}

}  // namespace

ShardServerProcess::ShardServerProcess(fs::path database, std::vector<std::string> extra_args)
    : database_(std::move(database)), extra_args_(std::move(extra_args)) {
    port_ = free_loopback_port();
    start();
}

ShardServerProcess::~ShardServerProcess() { stop(); }

void ShardServerProcess::start() {
    if (pid_ > 0) return;
    const fs::path log = database_.parent_path() / ("tcpsrv-" + std::to_string(port_) + ".log");
    const int log_fd = open_for_output(log);
    // Its own process group: xapian-tcpsrv forks a child per connection, and
    // stopping or pausing the shard must reach those children too.
    std::vector<std::string> args = {"/usr/bin/xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
                                     std::to_string(port_)};
    args.insert(args.end(), extra_args_.begin(), extra_args_.end());
    args.push_back(database_.string());
    pid_ = spawn(args, log_fd, log_fd, true);
    ::close(log_fd);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!accepts_connections(port_)) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_ || std::chrono::steady_clock::now() >= deadline) {
            pid_ = -1;
            throw std::runtime_error("xapian-tcpsrv did not start on port " + std::to_string(port_) + ": " +
                                     read_file(log));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void ShardServerProcess::stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGCONT);
    ::kill(-pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

void ShardServerProcess::pause() {
    if (pid_ > 0) ::kill(-pid_, SIGSTOP);
}

void ShardServerProcess::resume() {
    if (pid_ > 0) ::kill(-pid_, SIGCONT);
}

}  // namespace test_support
