// indexer --db DIR PATH...: builds a search index from articles on disk.
#include "core/dictionary.h"
#include "core/index_location.h"
#include "core/index_writer.h"
#include "core/sharded_index_writer.h"
#include "core/version.h"
#include "indexer/corpus_reader.h"
#include "indexer/index_builder.h"
#include "indexer/index_updater.h"
#include "indexer/sharded_index_builder.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char* kUsage =
    "usage: indexer --db DIR [--update | --shards N [--shard K]] [--no-termlists] [--memory MB] [--quiet] [--timings]\n"
    "               PATH...\n"
    "       indexer --db DIR [--update PATH...] --compact\n"
    "  Indexes *.txt articles (id = file name) and *.jsonl files (one JSON\n"
    "  article a line: id, title, text, date, url, source) found in each PATH,\n"
    "  a folder (read recursively) or a file, into a new index at DIR, then\n"
    "  switches DIR to it atomically. A running server picks it up.\n"
    "  --shards N splits the index by a hash of the id into the folders\n"
    "  DIR/shard-0 ... DIR/shard-N-1, each switched atomically, and writes the\n"
    "  stub DIR/XAPIANDB that lists them (serve DIR, or the shards remotely).\n"
    "  --shard K rebuilds only shard K of such an index, from the same input.\n"
    "  --timings prints where the time went (analysis, Xapian, spelling, commit).\n"
    "  --update changes the index at DIR in place instead: adds new articles,\n"
    "  replaces changed ones (by a content hash), removes those no longer in\n"
    "  PATH...; refused while a server holds DIR for writing.\n"
    "  --memory MB bounds the memory the indexer uses (default 256, at least 64):\n"
    "  it writes out what Xapian holds whenever that reaches its share.\n"
    "  --no-termlists leaves out the documents' term lists (about a fifth of the\n"
    "  index): a read-only archive; --update and the server's writes need them.\n"
    "  --compact packs the index at DIR (after --update, if given) into a new\n"
    "  generation and switches to it: replaced and deleted articles leave free\n"
    "  space behind. Refused while a server holds DIR for writing (ask it with\n"
    "  POST /api/admin/compact instead). Local shards are compacted each.\n";

struct Options {
    std::string db;
    std::vector<std::string> inputs;
    bool quiet = false;
    bool timings = false;
    bool update = false;
    bool compact = false;
    bool termlists = true;
    bool help = false;  // --help: the usage on stdout, exit 0
    unsigned shards = 0;  // 0: one database, not a sharded index
    unsigned memory_mb = indexer::IndexBuilder::kDefaultMemoryMb;
    std::optional<unsigned> only_shard;
};

bool parse_count(const char* text, unsigned max, unsigned& out) {
    char* end = nullptr;
    const unsigned long value = std::strtoul(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value > max) return false;
    out = static_cast<unsigned>(value);
    return true;
}

bool parse_options(int argc, char** argv, Options& options) {
    unsigned shard = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc) options.db = argv[++i];
        else if (arg == "--quiet" || arg == "-q") options.quiet = true;
        else if (arg == "--timings") options.timings = true;
        else if (arg == "--update") options.update = true;
        else if (arg == "--compact") options.compact = true;
        else if (arg == "--no-termlists") options.termlists = false;
        else if (arg == "--memory") {
            if (i + 1 >= argc || !parse_count(argv[i + 1], 1u << 20, options.memory_mb) ||
                options.memory_mb < indexer::IndexBuilder::kMinMemoryMb) {
                std::cerr << "indexer: --memory needs a size in MB, at least " << indexer::IndexBuilder::kMinMemoryMb
                          << "\n";
                return false;
            }
            ++i;
        }
        else if (arg == "--shards" && i + 1 < argc && parse_count(argv[i + 1], 1024, options.shards) &&
                 options.shards > 0) ++i;
        else if (arg == "--shard" && i + 1 < argc && parse_count(argv[i + 1], 1023, shard)) {
            options.only_shard = shard;
            ++i;
        }
        else if (arg == "--help" || arg == "-h") {
            options.help = true;
            return true;
        }
        else if (arg.rfind("--", 0) == 0) {
            std::cerr << "indexer: unknown option " << arg << "\n";
            return false;
        } else options.inputs.push_back(arg);
    }
    if (options.update && options.shards > 0) {
        std::cerr << "indexer: --update works on a single index, not with --shards\n";
        return false;
    }
    if (options.compact && options.shards > 0) {
        std::cerr << "indexer: --compact works on an existing index (local shards included), not with --shards\n";
        return false;
    }
    if (options.compact && !options.update && !options.inputs.empty()) {
        std::cerr << "indexer: --compact takes no PATH without --update (a full build is compacted already)\n";
        return false;
    }
    if (options.compact && !options.update) return !options.db.empty();
    if (options.only_shard && options.shards == 0) {
        std::cerr << "indexer: --shard K needs --shards N\n";
        return false;
    }
    return !options.db.empty() && !options.inputs.empty();
}

// Where the articles go: one database, or a sharded index.
class IndexOutput {
public:
    explicit IndexOutput(const Options& options) {
        if (options.update) {
            updater_ = std::make_unique<indexer::IndexUpdater>(options.db);
        } else if (options.shards > 0) {
            sharded_ = std::make_unique<indexer::ShardedIndexBuilder>(options.db, options.shards, options.only_shard,
                                                                      options.memory_mb);
        } else {
            core::check_no_writer(options.db);  // fail before the work, not after
            single_ = std::make_unique<indexer::IndexBuilder>(options.db, 0, options.termlists, options.memory_mb);
        }
    }
    indexer::AddOutcome add(const core::Article& article) {
        if (updater_) return updater_->add(article) ? indexer::AddOutcome::Replaced : indexer::AddOutcome::Added;
        if (sharded_) return sharded_->add(article);
        return single_->add(article) ? indexer::AddOutcome::Replaced : indexer::AddOutcome::Added;
    }
    void publish() {
        if (updater_) return updater_->finish();
        sharded_ ? sharded_->publish() : single_->publish();
    }
    indexer::PhaseTimes phase_times() const {
        if (updater_) return {};
        return sharded_ ? sharded_->phase_times() : single_->phase_times();
    }
    const indexer::IndexUpdater* updater() const { return updater_.get(); }

private:
    std::unique_ptr<indexer::IndexUpdater> updater_;
    std::unique_ptr<indexer::IndexBuilder> single_;
    std::unique_ptr<indexer::ShardedIndexBuilder> sharded_;
};

class Progress {
public:
    explicit Progress(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO)) {}
    void tick(std::size_t count) {
        if (!enabled_ || count % 500 != 0) return;
        std::fprintf(stderr, "\rindexed %zu articles...", count);
    }
    void done() {
        if (enabled_) std::fprintf(stderr, "\r\033[K");
    }

private:
    bool enabled_;
};

std::string skipped_summary(const indexer::IndexStats& stats) {
    std::string out = std::to_string(stats.skipped_total()) + " skipped";
    if (stats.skipped.empty()) return out;
    out += " (";
    bool first = true;
    for (const auto& [reason, count] : stats.skipped) {
        out += (first ? "" : ", ") + std::to_string(count) + " " + reason;
        first = false;
    }
    return out + ")";
}

// The reason without the detail that varies per line, for the summary.
std::string reason_kind(const std::string& reason) { return reason.substr(0, reason.find(':')); }

void print_phase_times(const indexer::PhaseTimes& times) {
    std::fprintf(stderr, "indexer: time: analysis %.2f s (summed over the threads), Xapian writing %.2f s, "
                 "spelling %.2f s, %zu commits %.2f s, compaction %.2f s\n",
                 times.analysis, times.writing, times.spelling, times.commits, times.commit, times.compact);
}

// indexer --db DIR --compact: see IndexWriter::compact().
int compact_index(const std::string& db) {
    try {
        if (core::current_generation(db).empty()) {
            std::cerr << "indexer: " << db << ": no index there\n";
            return 1;
        }
        auto writer = core::open_article_writer(db, "indexer pid " + std::to_string(::getpid()) + " (--compact)");
        const core::Compaction done = writer->compact();
        std::printf("indexer: compacted %s: %.1f MB -> %.1f MB, %.2f s\n", db.c_str(), done.bytes_before / 1e6,
                    done.bytes_after / 1e6, done.seconds);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "indexer: " << db << ": " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "indexer: " << db << ": " << e.get_description() << "\n";
    }
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (core::print_version_if_asked(argc, argv, "indexer")) return 0;
    Options options;
    if (!parse_options(argc, argv, options)) {
        std::cerr << kUsage;
        return 2;
    }
    if (options.help) {
        std::cout << kUsage;
        return 0;
    }
    if (options.compact && !options.update) return compact_index(options.db);
    const auto started = std::chrono::steady_clock::now();
    indexer::IndexStats stats;
    std::size_t other_shards = 0;  // with --shard K: articles of the shards not rebuilt
    std::optional<indexer::UpdateCounts> updated;
    try {
        // Sized once for the whole run: shards built together share it.
        core::RussianDictionary::set_cached_words(indexer::IndexBuilder::shared_lemma_words(options.memory_mb));
        IndexOutput builder(options);
        Progress progress(!options.quiet);
        indexer::ReadCallbacks callbacks;
        callbacks.on_article = [&](core::Article&& article) {
            ++stats.read;
            const indexer::AddOutcome outcome = builder.add(article);
            if (outcome == indexer::AddOutcome::OtherShard) ++other_shards;
            if (outcome == indexer::AddOutcome::Replaced) {
                ++stats.duplicates;
                std::cerr << "indexer: duplicate id " << article.id << ": the later article replaces the earlier\n";
            }
            progress.tick(stats.read);
        };
        callbacks.on_skip = [&](const indexer::Skip& skip) {
            ++stats.read;
            ++stats.skipped[reason_kind(skip.reason)];
            std::cerr << "indexer: skipped " << skip.where << ": " << skip.reason << "\n";
        };
        for (const std::string& input : options.inputs) {
            if (!indexer::read_corpus(input, callbacks)) {
                std::cerr << "indexer: " << input << ": no such file or folder\n";
                return 1;
            }
        }
        progress.done();
        builder.publish();
        if (builder.updater()) updated = builder.updater()->counts();
        if (options.timings) print_phase_times(builder.phase_times());
    } catch (const std::exception& e) {
        std::cerr << "indexer: " << options.db << ": " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "indexer: " << options.db << ": " << e.get_description() << "\n";
        return 1;
    }
    stats.indexed = stats.read - stats.skipped_total() - stats.duplicates - other_shards;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (updated) {
        std::printf("indexer: %zu read, %zu added, %zu changed, %zu unchanged, %zu removed, %s, "
                    "%zu duplicate ids replaced, %.2f s, %.0f articles/s\n",
                    stats.read, updated->added, updated->changed, updated->unchanged, updated->removed,
                    skipped_summary(stats).c_str(), stats.duplicates, seconds,
                    seconds > 0 ? static_cast<double>(stats.read) / seconds : 0.0);
        return options.compact ? compact_index(options.db) : 0;
    }
    std::printf("indexer: %zu read, %zu indexed, %s, %zu duplicate ids replaced, %.2f s, %.0f articles/s\n",
                stats.read, stats.indexed, skipped_summary(stats).c_str(), stats.duplicates, seconds,
                seconds > 0 ? static_cast<double>(stats.read) / seconds : 0.0);
    if (options.only_shard) {
        std::printf("indexer: shard %u of %u rebuilt; %zu articles belong to the other shards, left as they are\n",
                    *options.only_shard, options.shards, other_shards);
    }
    return 0;
}
