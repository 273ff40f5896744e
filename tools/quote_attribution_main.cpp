// quote_attribution: precision and recall of speaker attribution against
// the hand-checked gold sets: the old one (tests/data/quotations/gold.tsv,
// seen while the rules were written) and the two halves of the bench-news
// one (news_gold.tsv: rules are tuned on the dev half only).
//   build/bin/quote_attribution [--gold FILE] [--corpus DIR] [--news FILE] [--news-gold FILE] [--details]
// --details lists the misses of the old set and of the dev half, never of
// the test half (of which it gives only the counts of misses by kind).
//   build/bin/quote_attribution [--corpus DIR] --dump-all
// --dump-all prints every quotation of every .txt file under the corpus, in
// full, for a before/after `diff` when the extractor changes.
#include "core/version.h"
#include "tools/quote_attribution.h"

#include "core/quotes.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
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

void print_notes(const eval::AttributionFigures& f) {
    for (const std::string& note : f.notes) std::printf("  %s\n", note.c_str());
}

void print_missed_by_kind(const eval::AttributionFigures& f) {
    std::string line;
    for (const auto& [kind, count] : f.missed_by_kind) line += (line.empty() ? "" : ", ") + kind + " " + std::to_string(count);
    std::printf("  missed or wrong, by kind: %s\n", line.empty() ? "none" : line.c_str());
}

void print_figures(const std::string& name, const eval::AttributionFigures& f) {
    std::printf("%-34s precision %.3f (%zu/%zu), recall %.3f (%zu/%zu)\n", name.c_str(), f.precision(), f.correct,
                f.attributed, f.recall(), f.found, f.gold);
}

}  // namespace

int main(int argc, char** argv) {
    if (core::print_version_if_asked(argc, argv, "quote_attribution")) return 0;
    const std::string root = NEWSEARCH_SOURCE_DIR;
    std::string gold_path = root + "/tests/data/quotations/gold.tsv";
    std::string corpus = root + "/corpus";
    std::string news_gold_path = root + "/tests/data/quotations/news_gold.tsv";
    std::string news = root + "/../shared/corpora/bench-news/news.jsonl.xz";
    bool details = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--gold" && i + 1 < argc) gold_path = argv[++i];
        else if (arg == "--corpus" && i + 1 < argc) corpus = argv[++i];
        else if (arg == "--news" && i + 1 < argc) news = argv[++i];
        else if (arg == "--news-gold" && i + 1 < argc) news_gold_path = argv[++i];
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
            std::fprintf(stderr, "usage: quote_attribution [--gold FILE] [--corpus DIR] [--news FILE] [--news-gold FILE] [--details | --dump-all | --show DOC_ID]\n");
            return 2;
        }
    }
    const eval::AttributionFigures f = eval::measure_attribution(eval::load_gold_quotes(gold_path), corpus);
    if (details) print_notes(f);
    print_figures("own gold set (seen while tuning)", f);

    const std::vector<eval::NewsGoldQuote> news_gold = eval::load_news_gold(news_gold_path);
    std::set<std::string> ids;
    for (const eval::NewsGoldQuote& q : news_gold) ids.insert(q.doc_id);
    const std::map<std::string, std::string> texts = eval::read_news_texts(news, ids);
    if (texts.empty()) {
        std::printf("bench-news gold set: skipped, no texts in %s (they are not in the repository)\n", news.c_str());
        return 0;
    }
    for (const char* half : {"dev", "test"}) {
        const eval::AttributionFigures h = eval::measure_news_attribution(news_gold, half, texts);
        if (details && std::string(half) == "dev") print_notes(h);
        print_figures(std::string("bench-news ") + half + " half", h);
        // Counts only, for both halves: which kinds of quotation are missed.
        if (details) print_missed_by_kind(h);
    }
    return 0;
}
