// An index split into shards: which shard holds an article, and the stub
// file that lists the shards so that they are searched as one database.
//
// A stub is Xapian's own format, one database a line, paths relative to the
// stub's folder:
//     auto shard-0
//     remote tcp 10.0.0.7 7001      (xapian-tcpsrv; `remote 10.0.0.7:7001` too)
// `indexer --shards N` writes DIR/XAPIANDB, which makes the folder DIR
// itself openable as one database by Xapian and by the server.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// The name of the stub file inside a sharded index folder (Xapian's own).
inline constexpr const char* kStubFileName = "XAPIANDB";

// Which of `count` shards holds the article `id`: FNV-1a of the id's bytes,
// so it stays the same across runs, machines and versions.
unsigned shard_of(std::string_view id, unsigned count);

// The folder of shard `index` inside a sharded index folder: "shard-3".
std::string shard_name(unsigned index);

struct ShardSpec {
    enum class Kind { Local, Remote };
    Kind kind = Kind::Local;
    std::string path;   // Local: the database (a generation link or folder)
    std::string host;   // Remote
    unsigned port = 0;  // Remote
    // How the shard is reported to users: its path or "host:port".
    std::string label() const;
};

// A stub line that cannot be read, or a stub that names no database.
class StubError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Whether `db_path` is a stub file or a folder holding one.
bool is_stub(const std::string& db_path);

// The shards `db_path` stands for: those its stub lists, or the database
// itself as the only local shard. Throws StubError naming the file and line.
std::vector<ShardSpec> read_shards(const std::string& db_path);

// The stub text listing `count` local shards named by shard_name().
std::string local_stub_text(unsigned count);

}  // namespace core
