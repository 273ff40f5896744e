// indexer --db DIR PATH...: builds a search index from articles on disk.
#include "indexer/corpus_reader.h"
#include "indexer/index_builder.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char* kUsage =
    "usage: indexer --db DIR [--quiet] [--timings] PATH...\n"
    "  Indexes *.txt articles (id = file name) and *.jsonl files (one JSON\n"
    "  article a line: id, title, text, date, url, source) found in each PATH,\n"
    "  a folder (read recursively) or a file, into a new index at DIR, then\n"
    "  switches DIR to it atomically. A running server picks it up.\n"
    "  --timings prints where the time went (analysis, Xapian, spelling, commit).\n";

struct Options {
    std::string db;
    std::vector<std::string> inputs;
    bool quiet = false;
    bool timings = false;
};

bool parse_options(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc) options.db = argv[++i];
        else if (arg == "--quiet" || arg == "-q") options.quiet = true;
        else if (arg == "--timings") options.timings = true;
        else if (arg == "--help" || arg == "-h") return false;
        else if (arg.rfind("--", 0) == 0) {
            std::cerr << "indexer: unknown option " << arg << "\n";
            return false;
        } else options.inputs.push_back(arg);
    }
    return !options.db.empty() && !options.inputs.empty();
}

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
    std::fprintf(stderr, "indexer: time: analysis %.2f s, Xapian writing %.2f s (summed over the writer threads), "
                 "spelling %.2f s, commit %.2f s, compaction %.2f s\n",
                 times.analysis, times.writing, times.spelling, times.commit, times.compact);
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_options(argc, argv, options)) {
        std::cerr << kUsage;
        return 2;
    }
    const auto started = std::chrono::steady_clock::now();
    indexer::IndexStats stats;
    try {
        indexer::IndexBuilder builder(options.db);
        Progress progress(!options.quiet);
        indexer::ReadCallbacks callbacks;
        callbacks.on_article = [&](core::Article&& article) {
            ++stats.read;
            if (builder.add(article)) {
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
        if (options.timings) print_phase_times(builder.phase_times());
    } catch (const std::exception& e) {
        std::cerr << "indexer: " << options.db << ": " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "indexer: " << options.db << ": " << e.get_description() << "\n";
        return 1;
    }
    stats.indexed = stats.read - stats.skipped_total() - stats.duplicates;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("indexer: %zu read, %zu indexed, %s, %zu duplicate ids replaced, %.2f s, %.0f articles/s\n",
                stats.read, stats.indexed, skipped_summary(stats).c_str(), stats.duplicates, seconds,
                seconds > 0 ? static_cast<double>(stats.read) / seconds : 0.0);
    return 0;
}
