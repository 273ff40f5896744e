// search_cpu --db DIR QUERIES [--repeat N] [--no-snippets] [--pages FILE]:
// the CPU one search costs, per kind of query of a mix ("kind<TAB>query"
// lines, as bench/make_corpus.py writes them), without HTTP or queueing:
// each query runs through Searcher::search as the server runs it (10 hits,
// snippets unless --no-snippets), N times after one warm-up, timed by the
// thread's CPU clock. --pages writes each query's first page (total, ids in
// order with their scores) so that two builds can be compared answer by answer.
#include "core/searcher.h"
#include "core/version.h"

#include <time.h>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Options {
    std::string db;
    std::string queries;
    int repeat = 3;
    bool snippets = true;
    std::string pages;
};

struct Timed {
    std::string kind;
    std::string query;
    double cpu_ms = 0;  // mean over the repetitions
};

bool parse_options(int argc, char** argv, Options& options) {
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc) {
            options.db = argv[++i];
        } else if (arg == "--repeat" && i + 1 < argc) {
            options.repeat = std::max(1, std::stoi(argv[++i]));
        } else if (arg == "--pages" && i + 1 < argc) {
            options.pages = argv[++i];
        } else if (arg == "--no-snippets") {
            options.snippets = false;
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() != 1 || options.db.empty()) return false;
    options.queries = positional.front();
    return true;
}

std::vector<std::pair<std::string, std::string>> read_mix(const std::string& path) {
    std::vector<std::pair<std::string, std::string>> mix;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) mix.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return mix;
}

void write_page(std::ostream& out, const std::string& query, const core::SearchResult& result) {
    out << query << "\t" << result.total << (result.total_exact ? "" : "~") << "\t";
    for (const core::SearchHit& hit : result.hits) out << hit.article.id << ":" << std::setprecision(10) << hit.score << " ";
    out << "\n";
}

void print_by_kind(const std::vector<Timed>& timed) {
    std::map<std::string, std::vector<double>> by_kind;
    double whole = 0;
    for (const Timed& t : timed) {
        by_kind[t.kind].push_back(t.cpu_ms);
        whole += t.cpu_ms;
    }
    std::cout << std::fixed << std::setprecision(3);
    std::cout << "by kind (CPU ms per search):\n";
    for (auto& [kind, times] : by_kind) {
        std::sort(times.begin(), times.end());
        double sum = 0;
        for (double t : times) sum += t;
        std::cout << "  " << std::left << std::setw(10) << kind << std::right << std::setw(4) << times.size()
                  << " queries, mean " << std::setw(8) << sum / static_cast<double>(times.size()) << ", median "
                  << std::setw(8) << times[times.size() / 2] << ", max " << std::setw(8) << times.back() << ", "
                  << std::setprecision(0) << std::setw(3) << 100 * sum / whole << "% of the time\n"
                  << std::setprecision(3);
    }
    std::cout << "all: " << timed.size() << " queries, mean " << whole / static_cast<double>(timed.size())
              << " ms CPU per search\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (core::print_version_if_asked(argc, argv, "search_cpu")) return 0;
    Options options;
    if (!parse_options(argc, argv, options)) {
        std::cerr << "usage: search_cpu --db DIR QUERIES [--repeat N] [--no-snippets] [--pages FILE]\n";
        return 2;
    }
    const auto mix = read_mix(options.queries);
    if (mix.empty()) {
        std::cerr << "search_cpu: no \"kind<TAB>query\" lines in " << options.queries << "\n";
        return 1;
    }
    core::Searcher searcher(options.db);
    std::ofstream pages;
    if (!options.pages.empty()) pages.open(options.pages);
    std::vector<Timed> timed;
    for (const auto& [kind, query] : mix) {
        core::SearchRequest request;
        request.query = query;
        request.snippets = options.snippets;
        const core::SearchResult first = searcher.search(request);  // warm-up: caches, page cache
        if (pages) write_page(pages, query, first);
        const double started = thread_cpu_ms();
        for (int i = 0; i < options.repeat; ++i) searcher.search(request);
        timed.push_back({kind, query, (thread_cpu_ms() - started) / options.repeat});
    }
    print_by_kind(timed);
    std::sort(timed.begin(), timed.end(), [](const Timed& a, const Timed& b) { return a.cpu_ms > b.cpu_ms; });
    std::cout << "slowest:\n";
    for (std::size_t i = 0; i < timed.size() && i < 12; ++i) {
        std::cout << "  " << std::setw(8) << timed[i].cpu_ms << " ms  " << std::left << std::setw(10) << timed[i].kind
                  << std::right << " " << timed[i].query << "\n";
    }
    return 0;
}
