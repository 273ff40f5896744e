// Small indexes built in-process for tests that call the library directly.
#pragma once

#include "core/article.h"
#include "core/searcher.h"

#include <filesystem>
#include <vector>

namespace test_support {

// Builds an index of `articles` at `db` with indexer::IndexBuilder and
// publishes it, as `indexer --db db` would.
void build_index(const std::filesystem::path& db, const std::vector<core::Article>& articles);

// Builds an index of the shipped corpus/ folder at `db`, as `indexer --db db
// corpus/` would.
void build_corpus_index(const std::filesystem::path& db);

// A searcher over one index of corpus/, built on first use and shared by
// the cases of a test program.
core::Searcher& corpus_searcher();

core::Article make_article(std::string id, std::string title, std::string text);

}  // namespace test_support
