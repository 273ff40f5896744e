// reprint_pairs: pairwise precision and recall of the reprint decision
// (core/reprints.h) on the labelled pairs of tests/data/reprints/pairs.tsv,
// for the development and the held-out test half. The texts are read at run
// time from bench-news (some carry no licence, so the repository keeps ids).
//   build/bin/reprint_pairs [--pairs FILE]... [--corpus news.jsonl.xz] [--grid] [--details]
// Without --pairs it reads the labelled sets (pairs.tsv, the first 230,
// pairs2.tsv, the 235 drawn later, pairs3.tsv, 140 more development pairs, and
// pairs4.tsv, 160 development pairs partly drawn among the detector's merges,
// and pairs5.tsv, 161 development pairs weighted toward short posts, shared
// quotations and the detector's merges across channels, and pairs6.tsv,
// development pairs weighted toward pairs across channels and sources, hard
// negatives of the same day and names, digests and the detector's merges,
// and pairs7.tsv, development pairs drawn there again and among its near
// misses) and prints each set's halves and their union.
// --grid prints the figures over a range of thresholds (tune on dev only);
// --details lists the wrong decisions on dev (the test half is measured, not read).
// --common-pairs N prints the word pairs found in at least N texts of the corpus
// (the list core/data/common_word_pairs.txt was made from).
// --clusters prints the clusters core::ReprintIndex gives the corpus in its
// order (the indexer's keys; build/bin/reprint_clusters reads them from an index);
// with --members, also every article's cluster (id, key), to diff two rules.
// --merged-pairs prints every pair of corpus texts sharing a band that the
// decision calls copies (id_a, id_b, similarity): the pool a new labelled set
// samples false merges from (drawn and labelled without looking at it).
// --near-pairs prints those sharing a band that it does not call copies, at a
// similarity of 0.3 or more: the near misses on the other side of the boundary.
#include "core/markdown.h"
#include "core/reprints.h"
#include "core/version.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unordered_map>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Pair {
    std::string a, b;
    bool copy = false;
    std::string half;
    std::string set;  // the file it came from
};

std::vector<Pair> read_pairs(const std::string& path) {
    std::vector<Pair> pairs;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Pair pair;
        std::string label;
        std::getline(fields, pair.a, '\t');
        std::getline(fields, pair.b, '\t');
        std::getline(fields, label, '\t');
        std::getline(fields, pair.half, '\t');
        pair.copy = label == "copy";
        pair.set = std::filesystem::path(path).stem().string();
        pairs.push_back(pair);
    }
    return pairs;
}

// The bodies of `ids`, read from the xz-compressed JSON lines.
struct Text {
    std::string body;
    std::string date;
};

// Calls `use` with the id and text of every article of the corpus whose id
// `wanted` accepts.
void for_each_text(const std::string& corpus, const std::function<bool(const std::string&)>& wanted,
                   const std::function<void(const std::string&, const Text&)>& use) {
    const std::string command = "xz -dc '" + corpus + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return;
    std::string line;
    char buffer[1 << 16];
    while (fgets(buffer, sizeof buffer, pipe.get())) {
        line += buffer;
        if (line.empty() || line.back() != '\n') continue;
        const auto item = nlohmann::json::parse(line, nullptr, false);
        line.clear();
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) continue;
        const std::string id = item["id"];
        if (!wanted(id) || !item.contains("text") || !item["text"].is_string()) continue;
        core::Article article;
        article.text = item["text"];
        if (item.contains("source") && item["source"].is_string()) article.source = item["source"];
        // As the indexer reads it (indexer/corpus_reader.cpp).
        if (core::is_telegram(article)) core::read_telegram_markup(article);
        const std::string date = item.contains("date") && item["date"].is_string() ? item["date"].get<std::string>() : "";
        use(id, {article.text, date});
    }
}

std::map<std::string, Text> read_texts(const std::string& corpus, const std::set<std::string>& ids) {
    std::map<std::string, Text> texts;
    for_each_text(
        corpus, [&](const std::string& id) { return ids.count(id) > 0; },
        [&](const std::string& id, const Text& text) { texts[id] = text; });
    return texts;
}

// The word pairs found in at least `min_texts` texts of the corpus, most
// frequent first: the source of core/data/common_word_pairs.txt.
void print_common_pairs(const std::string& corpus, int min_texts) {
    std::unordered_map<std::string, int> texts_with;
    int total = 0;
    for_each_text(
        corpus, [](const std::string&) { return true; },
        [&](const std::string&, const Text& text) {
            ++total;
            const std::vector<std::string> words = core::reprint_words(text.body);
            std::set<std::string> pairs;
            for (std::size_t i = 0; i + 1 < words.size(); ++i) pairs.insert(words[i] + " " + words[i + 1]);
            for (const std::string& pair : pairs) ++texts_with[pair];
        });
    std::vector<std::pair<int, std::string>> common;
    for (const auto& [pair, count] : texts_with) {
        if (count >= min_texts) common.emplace_back(count, pair);
    }
    std::sort(common.rbegin(), common.rend());
    std::printf("# %zu word pairs found in at least %d of %d texts\n", common.size(), min_texts, total);
    for (const auto& [count, pair] : common) std::printf("%s\t%d\n", pair.c_str(), count);
}

// Every pair of texts of the corpus that share a band and that the decision
// calls copies (what the detector merges today), or with `near`, those it
// does not call copies at a similarity of at least kNearSimilarity (the
// other side of its boundary).
constexpr double kNearSimilarity = 0.3;
void print_band_pairs(const std::string& corpus, bool near) {
    std::vector<std::string> ids;
    std::vector<core::ReprintSignature> signatures;
    std::unordered_map<std::string, std::vector<std::size_t>> by_band;
    for_each_text(
        corpus, [](const std::string&) { return true; },
        [&](const std::string& id, const Text& text) {
            ids.push_back(id);
            signatures.push_back(core::reprint_signature(text.body, text.date));
        });
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::set<std::size_t> seen;
        for (const std::string& band : core::band_terms(signatures[i])) {
            std::vector<std::size_t>& earlier = by_band[band];
            for (std::size_t j : earlier) {
                if (!seen.insert(j).second || core::is_reprint(signatures[i], signatures[j]) == near) continue;
                const double similarity = core::body_similarity(signatures[i], signatures[j]);
                if (near && similarity < kNearSimilarity) continue;
                std::printf("%s\t%s\t%.3f\n", ids[j].c_str(), ids[i].c_str(), similarity);
            }
            earlier.push_back(i);
        }
    }
}

// The reprint clusters of the whole corpus in input order, as the indexer
// assigns them: how many, and their size distribution.
void print_clusters(const std::string& corpus, bool members) {
    core::ReprintIndex index;
    std::map<std::string, std::size_t> sizes;
    std::size_t articles = 0;
    for_each_text(
        corpus, [](const std::string&) { return true; },
        [&](const std::string& id, const Text& text) {
            ++articles;
            const std::string key = index.assign(id, core::reprint_signature(text.body, text.date));
            ++sizes[key];
            if (members) std::printf("M\t%s\t%s\n", id.c_str(), key.c_str());
        });
    std::map<std::size_t, std::size_t> histogram;
    std::size_t in_clusters = 0;
    for (const auto& [key, size] : sizes) {
        ++histogram[size];
        if (size > 1) in_clusters += size;
    }
    std::printf("articles %zu, clusters %zu (stories), with copies %zu holding %zu articles\nsize distribution:", articles,
                sizes.size(), sizes.size() - histogram[1], in_clusters);
    for (const auto& [size, count] : histogram) std::printf(" %zu:%zu", size, count);
    std::printf("\n");
}

struct Figures {
    int tp = 0, fp = 0, fn = 0, tn = 0;
    double precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
};

struct Measured {
    const Pair* pair;
    double similarity;
    double opening;
    double numbers;
    bool conflict;  // a figure differs after the same word (core::figures_conflict)
    bool decided;
    long apart;  // days between the two, or -1 when either is undated
    double coverage;  // the share of the longer body the shorter holds (core::longer_coverage)
    unsigned shorter, longer;  // the bodies' own word pairs
    bool names;  // another name after the same word (core::names_conflict)
    int lead[4];  // of the longer's first 2, 4, 6, 8 word pairs, how many the shorter holds (core::lead_found)
    unsigned items;  // the fewer list items of the two (a digest has several)
};

Figures count(const std::vector<Measured>& measured, const std::string& half, double similarity, double opening,
              double numbers, bool use_decision, const std::string& set = {}) {
    Figures f;
    for (const Measured& m : measured) {
        if (m.pair->half != half || (!set.empty() && m.pair->set != set)) continue;
        const bool said = use_decision ? m.decided
                                       : (m.similarity >= similarity && m.opening >= opening && m.numbers >= numbers && !m.conflict);
        if (said && m.pair->copy) ++f.tp;
        else if (said) ++f.fp;
        else if (m.pair->copy) ++f.fn;
        else ++f.tn;
    }
    return f;
}

// The date rule over windows (days apart) and the similarity above which
// dates do not matter, on top of the text decision as chosen (0.38 / 0.55 / 0.6,
// no conflicting figure).
void print_date_grid(const std::vector<Measured>& measured) {
    std::printf("window verbatim | dev P R | test P R\n");
    for (long window : {0L, 1L, 2L, 3L, 7L, 14L, 30L, 100000L}) {
        for (double verbatim : {0.6, 0.7, 0.75, 0.8, 0.9, 1.01}) {
            std::vector<Measured> ruled = measured;
            for (Measured& m : ruled) {
                const bool text = m.similarity >= 0.38 && m.opening >= 0.55 && m.numbers >= 0.6 && !m.conflict;
                m.decided = text && (m.apart < 0 || m.apart <= window || m.similarity >= verbatim);
            }
            const Figures dev = count(ruled, "dev", 0, 0, 0, true);
            const Figures test = count(ruled, "test", 0, 0, 0, true);
            std::printf("%6ld %.2f | %.3f %.3f | %.3f %.3f\n", window, verbatim, dev.precision(), dev.recall(),
                        test.precision(), test.recall());
        }
    }
}

struct Options {
    std::vector<std::string> pair_files;
    std::string corpus = std::string(NEWSEARCH_SOURCE_DIR) + "/../shared/corpora/bench-news/news.jsonl.xz";
    bool grid = false, details = false, features = false;
    int common_pairs = 0;
    bool merged_pairs = false, near_pairs = false, clusters = false, members = false;
};

bool parse_options(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--pairs" && i + 1 < argc) options.pair_files.push_back(argv[++i]);
        else if (arg == "--corpus" && i + 1 < argc) options.corpus = argv[++i];
        else if (arg == "--grid") options.grid = true;
        else if (arg == "--details") options.details = true;
        else if (arg == "--features") options.features = true;
        else if (arg == "--common-pairs" && i + 1 < argc) options.common_pairs = std::atoi(argv[++i]);
        else if (arg == "--merged-pairs") options.merged_pairs = true;
        else if (arg == "--near-pairs") options.near_pairs = true;
        else if (arg == "--clusters") options.clusters = true;
        else if (arg == "--members") options.members = true;
        else return false;
    }
    return true;
}

// Every measure of one labelled pair, and the detector's decision.
Measured measure(const Pair& pair, const core::ReprintSignature& a, const core::ReprintSignature& b) {
    const bool dated = a.day != core::ReprintSignature::kUndated && b.day != core::ReprintSignature::kUndated;
    return {&pair, core::body_similarity(a, b), core::opening_overlap(a, b), core::number_agreement(a, b),
            core::figures_conflict(a, b), core::is_reprint(a, b),
            dated ? std::labs(static_cast<long>(a.day) - b.day) : -1, core::longer_coverage(a, b),
            std::min(a.own_pairs, b.own_pairs), std::max(a.own_pairs, b.own_pairs), core::names_conflict(a, b),
            {core::lead_found(a, b, 2), core::lead_found(a, b, 4), core::lead_found(a, b, 6), core::lead_found(a, b, 8)},
            std::min(a.items, b.items)};
}

// The measures of every dev pair, one a line, for looking for a rule.
void print_features(const std::vector<Measured>& measured) {
    for (const Measured& m : measured) {
        if (m.pair->half != "dev") continue;
        std::printf("F\t%s\t%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%d\t%ld\t%.3f\t%u\t%u\t%d\t%d\t%d\t%d\t%d\t%d\t%u\n",
                    m.pair->set.c_str(), m.pair->a.c_str(), m.pair->b.c_str(), m.pair->copy, m.similarity, m.opening,
                    m.numbers, m.conflict, m.apart, m.coverage, m.shorter, m.longer, m.decided, m.names, m.lead[0],
                    m.lead[1], m.lead[2], m.lead[3], m.items);
    }
}

void print_threshold_grid(const std::vector<Measured>& measured) {
    std::printf("similarity opening numbers | dev P R | test P R\n");
    for (double s = 0.30; s < 0.76; s += 0.05) {
        for (double o : {0.0, 0.5, 0.55, 0.6, 0.7, 0.8}) {
            for (double n : {0.0, 0.3, 0.6}) {
                const Figures dev = count(measured, "dev", s, o, n, false);
                const Figures test = count(measured, "test", s, o, n, false);
                std::printf("%.2f %.1f %.1f | %.3f %.3f | %.3f %.3f\n", s, o, n, dev.precision(), dev.recall(),
                            test.precision(), test.recall());
            }
        }
    }
}

// Precision and recall of the detector per set and half, then over all sets.
void print_figures(const std::vector<Measured>& measured, std::vector<std::string> sets) {
    if (sets.size() > 1) sets.push_back("");  // the union
    for (const std::string& set : sets) {
        for (const std::string half : {"dev", "test"}) {
            const Figures f = count(measured, half, 0, 0, 0, true, set);
            if (f.tp + f.fp + f.fn + f.tn == 0) continue;  // a set drawn for one half only
            std::printf("%-10s %-4s pairs %3d (copies %3d): precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)\n",
                        set.empty() ? "all" : set.c_str(), half.c_str(), f.tp + f.fp + f.fn + f.tn, f.tp + f.fn,
                        f.precision(), f.recall(), f.tp, f.fp, f.fn);
        }
    }
}

// The dev pairs the detector gets wrong, with their measures.
void print_errors(const std::vector<Measured>& measured) {
    for (const Measured& m : measured) {
        if (m.decided == m.pair->copy || m.pair->half != "dev") continue;
        std::printf("%s %s\t%s\t%s\tsimilarity %.2f opening %.2f numbers %.2f%s days apart %ld coverage %.2f pairs %u/%u"
                    "%s items %u\n",
                    m.decided ? "FP" : "FN", m.pair->half.c_str(), m.pair->a.c_str(), m.pair->b.c_str(), m.similarity,
                    m.opening, m.numbers, m.conflict ? " figures conflict" : "", m.apart, m.coverage, m.shorter,
                    m.longer, m.names ? " names conflict" : "", m.items);
    }
}

// The corpus-wide listings, which read every text rather than labelled pairs.
int print_corpus_listing(const Options& options) {
    if (!std::filesystem::exists(options.corpus)) {
        std::printf("reprint_pairs: skipped: %s is absent\n", options.corpus.c_str());
        return 0;
    }
    if (options.clusters) print_clusters(options.corpus, options.members);
    else if (options.merged_pairs || options.near_pairs) print_band_pairs(options.corpus, options.near_pairs);
    else print_common_pairs(options.corpus, options.common_pairs);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (core::print_version_if_asked(argc, argv, "reprint_pairs")) return 0;
    Options options;
    if (!parse_options(argc, argv, options)) {
        std::fprintf(stderr, "usage: reprint_pairs [--pairs FILE]... [--corpus news.jsonl.xz] [--grid] [--details] [--features] [--common-pairs MIN_TEXTS] [--merged-pairs] [--near-pairs] [--clusters [--members]]\n");
        return 2;
    }
    if (options.common_pairs > 0 || options.merged_pairs || options.near_pairs || options.clusters) {
        return print_corpus_listing(options);
    }
    if (options.pair_files.empty()) {
        for (const char* name : {"pairs.tsv", "pairs2.tsv", "pairs3.tsv", "pairs4.tsv", "pairs5.tsv", "pairs6.tsv",
                                 "pairs7.tsv"}) {
            options.pair_files.push_back(std::string(NEWSEARCH_SOURCE_DIR) + "/tests/data/reprints/" + name);
        }
    }
    std::vector<Pair> pairs;
    std::vector<std::string> sets;
    for (const std::string& file : options.pair_files) {
        const std::vector<Pair> read = read_pairs(file);
        if (read.empty()) {
            std::fprintf(stderr, "reprint_pairs: no pairs in %s\n", file.c_str());
            return 1;
        }
        pairs.insert(pairs.end(), read.begin(), read.end());
        sets.push_back(read.front().set);
    }
    if (!std::filesystem::exists(options.corpus)) {
        std::printf("reprint_pairs: skipped: %s is absent (the texts are read from there at run time)\n",
                    options.corpus.c_str());
        return 0;
    }
    std::set<std::string> ids;
    for (const Pair& p : pairs) ids.insert({p.a, p.b});
    const std::map<std::string, Text> texts = read_texts(options.corpus, ids);
    std::map<std::string, core::ReprintSignature> signatures;
    for (const auto& [id, text] : texts) signatures[id] = core::reprint_signature(text.body, text.date);

    std::vector<Measured> measured;
    for (const Pair& p : pairs) {
        if (!signatures.count(p.a) || !signatures.count(p.b)) {
            std::fprintf(stderr, "reprint_pairs: %s or %s not in the corpus\n", p.a.c_str(), p.b.c_str());
            continue;
        }
        measured.push_back(measure(p, signatures[p.a], signatures[p.b]));
    }
    if (options.features) print_features(measured);
    if (options.grid) {
        print_threshold_grid(measured);
        print_date_grid(measured);
    }
    print_figures(measured, sets);
    if (options.details) print_errors(measured);
    return 0;
}
