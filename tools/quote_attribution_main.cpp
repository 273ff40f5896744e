// quote_attribution: precision and recall of speaker attribution against
// the hand-checked gold set (tests/data/quotations/gold.tsv).
//   build/bin/quote_attribution [--gold FILE] [--corpus DIR] [--details]
#include "tools/quote_attribution.h"

#include "core/quotes.h"

#include <cstdio>
#include <string>

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
        else if (arg == "--show" && i + 1 < argc) {
            // Every quotation extracted from one document, for debugging.
            for (const core::Quotation& q : core::extract_quotations(eval::read_document(corpus, argv[++i]))) {
                std::printf("[%zu-%zu] %s | %s | %s\n  %s\n", q.begin, q.end, q.speaker.c_str(), q.speaker_full.c_str(),
                            q.speaker_title.c_str(), q.text.substr(0, 160).c_str());
            }
            return 0;
        }
        else {
            std::fprintf(stderr, "usage: quote_attribution [--gold FILE] [--corpus DIR] [--details]\n");
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
