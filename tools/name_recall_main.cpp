// name_recall: prints the name-recall figures on the factRuEval-2016 devset,
// for our analysis and, with --baseline, for plain Xapian + Snowball.
//   build/bin/name_recall [--texts DIR] [--annotations DIR] [--baseline] [--missed]
#include "core/version.h"
#include "tools/name_recall.h"

#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

void report(const char* label, const eval::RecallFigures& f, bool list_missed) {
    std::printf("name recall %.3f (hard %.3f)  [%s: %zu/%zu documents, hard %zu/%zu]\n", f.recall(), f.hard_recall(),
                label, f.found, f.pairs, f.hard_found, f.hard_pairs);
    if (!list_missed) return;
    for (const eval::NameMention& m : f.missed) {
        const std::string typed = std::string(label) == "one typo" ? " as " + eval::with_typo(m.surname) : "";
        std::printf("  missed %s%s in %s%s\n", m.surname.c_str(), typed.c_str(), m.doc_id.c_str(), m.hard ? " (hard)" : "");
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (core::print_version_if_asked(argc, argv, "name_recall")) return 0;
    std::string root = NEWSEARCH_SOURCE_DIR;
    std::string texts = root + "/corpus/factrueval-2016/devset";
    std::string annotations = root + "/tests/data/factrueval-2016/devset-annotations";
    bool baseline = false, missed = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--texts" && i + 1 < argc) texts = argv[++i];
        else if (arg == "--annotations" && i + 1 < argc) annotations = argv[++i];
        else if (arg == "--baseline") baseline = true;
        else if (arg == "--missed") missed = true;
        else {
            std::fprintf(stderr, "usage: name_recall [--texts DIR] [--annotations DIR] [--baseline] [--missed]\n");
            return 2;
        }
    }
    const auto mentions = eval::load_name_mentions(annotations, texts);
    const std::string work = std::filesystem::temp_directory_path() / ("name_recall-" + std::to_string(::getpid()));
    auto run = [&](eval::Analysis analysis, const char* name) {
        eval::NameRecallEvaluation evaluation(texts, work + "/" + name, analysis);
        std::printf("%s:\n", name);
        report("capitalised", evaluation.measure(mentions, eval::Casing::Capitalized), missed);
        report("lowercase", evaluation.measure(mentions, eval::Casing::Lowercase), missed);
        report("Latin letters", evaluation.measure(mentions, eval::Casing::Latin), missed);
        report("one typo", evaluation.measure(mentions, eval::Casing::Typo), missed);
    };
    if (baseline) run(eval::Analysis::PlainSnowball, "plain Xapian + Snowball");
    run(eval::Analysis::Ours, "newsearch");
    if (baseline) {
        // Ordinary words must find at least what plain Snowball finds.
        eval::NameRecallEvaluation ours(texts, work + "/ours-words", eval::Analysis::Ours);
        eval::NameRecallEvaluation plain(texts, work + "/plain-words", eval::Analysis::PlainSnowball);
        std::size_t queries = 0, lost = 0, plain_found = 0;
        for (const std::string& word : eval::ordinary_words(texts, 400)) {
            const auto ours_ids = ours.matching_ids(word);
            for (const std::string& id : plain.matching_ids(word)) {
                ++plain_found;
                if (!ours_ids.count(id)) {
                    ++lost;
                    if (missed) std::printf("  ordinary word %s: lost %s\n", word.c_str(), id.c_str());
                }
            }
            ++queries;
        }
        std::printf("ordinary words: %zu queries, %zu of %zu baseline documents lost\n", queries, lost, plain_found);
    }
    std::filesystem::remove_all(work);
    return 0;
}
