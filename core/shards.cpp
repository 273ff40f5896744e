#include "core/shards.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace core {
namespace fs = std::filesystem;

namespace {

std::string stub_path_of(const std::string& db_path) {
    std::error_code ec;
    if (fs::is_directory(db_path, ec)) return (fs::path(db_path) / kStubFileName).string();
    return db_path;
}

bool parse_port(const std::string& text, unsigned& port) {
    if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    port = static_cast<unsigned>(std::stoul(text));
    return port > 0 && port <= 65535;
}

// "auto PATH" (also glass/chert), "remote tcp HOST PORT" or Xapian 1.4's "remote HOST:PORT".
ShardSpec parse_stub_line(const std::string& line, const fs::path& folder, const std::string& where) {
    std::istringstream words(line);
    std::string type, first, second, extra;
    words >> type >> first >> second >> extra;
    ShardSpec shard;
    if ((type == "auto" || type == "glass" || type == "chert") && !first.empty() && second.empty()) {
        const fs::path path(first);
        shard.path = (path.is_absolute() ? path : folder / path).lexically_normal().string();
        return shard;
    }
    shard.kind = ShardSpec::Kind::Remote;
    if (type == "remote" && first == "tcp" && !second.empty() && parse_port(extra, shard.port)) {
        shard.host = second;
        return shard;
    }
    const std::size_t colon = first.rfind(':');
    if (type == "remote" && second.empty() && colon != std::string::npos && colon > 0 &&
        parse_port(first.substr(colon + 1), shard.port)) {
        shard.host = first.substr(0, colon);
        return shard;
    }
    throw StubError(where + ": cannot read '" + line +
                    "' (expected 'auto PATH', 'remote tcp HOST PORT' or 'remote HOST:PORT')");
}

}  // namespace

unsigned shard_of(std::string_view id, unsigned count) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return count == 0 ? 0 : static_cast<unsigned>(hash % count);
}

std::string shard_name(unsigned index) { return "shard-" + std::to_string(index); }

std::string ShardSpec::label() const {
    return kind == Kind::Remote ? host + ":" + std::to_string(port) : path;
}

bool is_stub(const std::string& db_path) {
    std::error_code ec;
    if (fs::is_directory(db_path, ec)) return fs::is_regular_file(fs::path(db_path) / kStubFileName, ec);
    return fs::is_regular_file(db_path, ec);
}

std::vector<ShardSpec> read_shards(const std::string& db_path) {
    if (!is_stub(db_path)) return {ShardSpec{ShardSpec::Kind::Local, db_path, {}, 0}};
    const std::string stub = stub_path_of(db_path);
    std::ifstream in(stub);
    if (!in) throw StubError(stub + ": cannot read the stub file");
    const fs::path folder = fs::absolute(stub).parent_path();
    std::vector<ShardSpec> shards;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos || line[start] == '#') continue;
        shards.push_back(parse_stub_line(line.substr(start), folder, stub + ":" + std::to_string(number)));
    }
    if (shards.empty()) throw StubError(stub + ": the stub names no database");
    return shards;
}

std::string local_stub_text(unsigned count) {
    std::string text;
    for (unsigned i = 0; i < count; ++i) text += "auto " + shard_name(i) + "\n";
    return text;
}

}  // namespace core
