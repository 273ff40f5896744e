#include "core/index_location.h"

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace core {
namespace fs = std::filesystem;

namespace {

constexpr const char* kGenerationMarker = ".gen-";

bool is_generation_of(const fs::path& candidate, const fs::path& db) {
    const std::string name = candidate.filename().string();
    const std::string prefix = db.filename().string() + kGenerationMarker;
    return name.rfind(prefix, 0) == 0;
}

void remove_old_generations(const fs::path& db, const fs::path& keep_current, const fs::path& keep_previous) {
    std::error_code ec;
    const fs::path folder = db.parent_path().empty() ? fs::path(".") : db.parent_path();
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const fs::path path = entry.path();
        if (!is_generation_of(path, db)) continue;
        if (path.filename() == keep_current.filename() || path.filename() == keep_previous.filename()) continue;
        fs::remove_all(path, ec);
    }
}

}  // namespace

std::string current_generation(const std::string& db_path) {
    std::error_code ec;
    const fs::path resolved = fs::canonical(db_path, ec);
    if (ec) return {};
    return resolved.string();
}

std::string new_generation_path(const std::string& db_path) {
    const fs::path db = fs::absolute(fs::path(db_path).lexically_normal());
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
    return db.string() + kGenerationMarker + std::to_string(micros) + "-" + std::to_string(::getpid());
}

void publish_generation(const std::string& db_path, const std::string& generation) {
    const fs::path db = fs::absolute(fs::path(db_path).lexically_normal());
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(db, ec);
    fs::path previous;
    if (fs::exists(status)) {
        if (!fs::is_symlink(status)) {
            throw std::runtime_error(db.string() + " exists and is not an index link made by the indexer; "
                                     "remove it or choose another --db");
        }
        previous = fs::read_symlink(db);
    }
    const fs::path temporary_link = db.string() + ".link-" + std::to_string(::getpid());
    fs::remove(temporary_link, ec);
    fs::create_symlink(fs::path(generation).filename(), temporary_link);
    fs::rename(temporary_link, db);  // rename(2) replaces the old link atomically
    remove_old_generations(db, generation, previous);
}

}  // namespace core
