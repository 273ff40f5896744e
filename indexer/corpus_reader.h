// Reads articles from the corpus on disk: `*.txt` files (one article each,
// id = file name without `.txt`) and `*.jsonl` files (one JSON article a
// line: id, title, text, optional date, url, source). Folders are read
// recursively in name order. Nothing is dropped silently: every article that
// cannot be read is reported with its file and reason.
#pragma once

#include "core/article.h"

#include <functional>
#include <string>

namespace indexer {

struct Skip {
    std::string where;   // file, or file:line
    std::string reason;
};

struct ReadCallbacks {
    std::function<void(core::Article&&)> on_article;
    std::function<void(const Skip&)> on_skip;
};

// Articles larger than this are skipped: no newsroom text is that long.
inline constexpr std::size_t kMaxArticleBytes = 20 * 1024 * 1024;

// Reads every article under `path` (a folder or a single file). Returns
// false when `path` itself does not exist or cannot be read.
bool read_corpus(const std::string& path, const ReadCallbacks& callbacks);

// Text in UTF-8: UTF-8 input is returned as is; Windows-1251 and KOI8-R
// (detected with ICU) are converted. Returns false with a reason otherwise.
bool decode_text(std::string& bytes, std::string& reason);

}  // namespace indexer
