// Runs the project's programs (build/bin/indexer, build/bin/server) as child
// processes. Children die with the test process (PR_SET_PDEATHSIG), so a
// crashed test leaves nothing running.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace test_support {

// The path of a program built by this project, e.g. program("indexer").
std::filesystem::path program(const std::string& name);

// The shipped corpus folder.
std::filesystem::path corpus_dir();

struct RunResult {
    int exit_code = -1;  // -1 when killed by a signal or the timeout
    std::string out;
    std::string err;
};

// Runs `args` (args[0] is the program path) to the end and collects its
// output. Kills it after `timeout`.
RunResult run_program(const std::vector<std::string>& args,
                      std::chrono::seconds timeout = std::chrono::seconds(120));

// `indexer --db DB inputs...`
RunResult run_indexer(const std::filesystem::path& db, const std::vector<std::string>& inputs);

// The server over `db` on an ephemeral port of 127.0.0.1, stopped (SIGTERM,
// then SIGKILL) when this object goes away.
class ServerProcess {
public:
    explicit ServerProcess(const std::filesystem::path& db, const std::vector<std::string>& extra_args = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    unsigned short port() const { return port_; }
    // Sends SIGTERM and waits; returns the exit code (-1 on a signal).
    int stop();
    // SIGKILL at once, as a crash would: nothing is flushed or closed.
    void kill_now();
    // What the server wrote to stderr so far (request log, errors).
    std::string log() const;

private:
    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    unsigned short port_ = 0;
    std::filesystem::path log_path_;
};

// xapian-tcpsrv serving one database on a free port of 127.0.0.1, killed
// (with the children it forks per connection) when this object goes away.
// Needs Debian's xapian-tools (scripts/install-deps.sh test).
class ShardServerProcess {
public:
    explicit ShardServerProcess(std::filesystem::path database, std::vector<std::string> extra_args = {});
    ~ShardServerProcess();
    ShardServerProcess(const ShardServerProcess&) = delete;
    ShardServerProcess& operator=(const ShardServerProcess&) = delete;

    unsigned short port() const { return port_; }
    void stop();    // kills it: connections are refused
    void start();   // again, on the same port
    void pause();   // SIGSTOP: connections hang, as on a slow host
    void resume();  // SIGCONT

private:
    std::filesystem::path database_;
    std::vector<std::string> extra_args_;
    unsigned short port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace test_support
