// Where the current index lives. `--db DIR` names a symbolic link that the
// indexer points at a freshly built generation (DIR.gen-...) with one atomic
// rename, so a server never sees a half-built index. A plain directory
// holding a Xapian database is accepted too, for indexes built elsewhere.
#pragma once

#include <string>

namespace core {

// The directory (or stub file) the index at `db_path` resolves to now; ""
// when nothing is there.
std::string current_generation(const std::string& db_path);

// A fresh, not yet existing path beside `db_path` for a new generation.
std::string new_generation_path(const std::string& db_path);

// Points `db_path` at `generation` atomically and removes generations older
// than the one it replaced (a running server may still be reading that one).
// Throws std::runtime_error when `db_path` is a real directory or file that
// this indexer did not create.
void publish_generation(const std::string& db_path, const std::string& generation);

}  // namespace core
