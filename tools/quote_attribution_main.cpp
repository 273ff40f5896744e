// quote_attribution: precision and recall of speaker attribution against
// the hand-checked gold set (tests/data/quotations/gold.tsv).
//   build/bin/quote_attribution [--gold FILE] [--corpus DIR] [--details]
//   build/bin/quote_attribution [--corpus DIR] --dump-all
// --dump-all prints every quotation of every .txt file under the corpus, in
// full, for a before/after `diff` when the extractor changes.
#include "tools/quote_attribution.h"

#include "core/quotes.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

int dump_all(const std::string& corpus) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        const std::string relative = std::filesystem::relative(path, corpus).string();
        std::ifstream in(path, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::vector<core::Quotation> quotes = core::extract_quotations(text);
        std::printf("== %s: %zu\n", relative.c_str(), quotes.size());
        for (const core::Quotation& q : quotes) {
            std::printf("[%zu-%zu] %s | %s | %s | key %s\n  %s\n  %s\n", q.begin, q.end, q.speaker.c_str(),
                        q.speaker_full.c_str(), q.speaker_title.c_str(), core::speaker_key(q.speaker).c_str(), q.text.c_str(),
                        core::citation_line(q, "source", "date", "url").c_str());
        }
    }
    std::printf("%zu files\n", files.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string root = NEWSEARCH_SOURCE_DIR;
    std::string gold_path = root + "/tests/data/quotations/gold.tsv";
    std::string corpus = root + "/corpus";
    bool details = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--gold" && i + 1 < argc) gold_path = argv[++i];
        else if (arg == "--corpus" && i + 1 < argc) corpus = argv[++i];
        else if (arg == "--details") details = true;
        else if (arg == "--dump-all") return dump_all(corpus);
        else if (arg == "--show" && i + 1 < argc) {
            // Every quotation extracted from one document, for debugging.
            for (const core::Quotation& q : core::extract_quotations(eval::read_document(corpus, argv[++i]))) {
                std::printf("[%zu-%zu] %s | %s | %s\n  %s\n", q.begin, q.end, q.speaker.c_str(), q.speaker_full.c_str(),
                            q.speaker_title.c_str(), q.text.substr(0, 160).c_str());
            }
            return 0;
        }
        else {
            std::fprintf(stderr, "usage: quote_attribution [--gold FILE] [--corpus DIR] [--details | --dump-all | --show DOC_ID]\n");
            return 2;
        }
    }
    const eval::AttributionFigures f = eval::measure_attribution(eval::load_gold_quotes(gold_path), corpus);
    if (details) {
        for (const std::string& note : f.notes) std::printf("  %s\n", note.c_str());
    }
    std::printf("attribution precision %.3f (%zu/%zu), recall %.3f (%zu/%zu)\n", f.precision(), f.correct, f.attributed,
                f.recall(), f.found, f.gold);
    return 0;
}
