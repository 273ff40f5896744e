#include "tools/quote_attribution.h"

#include "core/quotes.h"
#include "core/text.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace eval {
namespace fs = std::filesystem;

namespace {

std::string words_only(const std::string& text) {
    std::string out;
    core::for_each_word(text, [&](const core::Word& w) { out += w.normalized + " "; });
    return out;
}

}  // namespace

std::string read_document(const std::string& corpus_dir, const std::string& doc_id) {
    for (const auto& entry : fs::recursive_directory_iterator(corpus_dir)) {
        if (entry.path().filename() == doc_id + ".txt") {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream out;
            out << in.rdbuf();
            return out.str();
        }
    }
    return {};
}

namespace {

// At most `n` bytes of UTF-8 `text`, not cutting a character in two.
std::string first_bytes(const std::string& text, std::size_t n) {
    if (text.size() <= n) return text;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n);
}

bool same_speaker(const std::string& extracted, const std::string& gold) {
    return !extracted.empty() && core::speaker_key(extracted) == core::speaker_key(gold);
}

}  // namespace

std::vector<GoldQuote> load_gold_quotes(const std::string& tsv_path) {
    std::vector<GoldQuote> gold;
    std::ifstream in(tsv_path);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        GoldQuote q;
        std::getline(fields, q.doc_id, '\t');
        std::getline(fields, q.quote_start, '\t');
        std::getline(fields, q.speaker, '\t');
        std::getline(fields, q.speaker_full, '\t');
        std::getline(fields, q.kind, '\t');
        if (!q.doc_id.empty()) gold.push_back(std::move(q));
    }
    return gold;
}

AttributionFigures measure_attribution(const std::vector<GoldQuote>& gold, const std::string& corpus_dir) {
    std::map<std::string, std::vector<const GoldQuote*>> by_doc;
    for (const GoldQuote& q : gold) by_doc[q.doc_id].push_back(&q);

    AttributionFigures figures;
    figures.gold = gold.size();
    for (const auto& [doc_id, quotes] : by_doc) {
        const std::vector<core::Quotation> extracted = core::extract_quotations(read_document(corpus_dir, doc_id));
        std::vector<bool> used(extracted.size());
        for (const GoldQuote* g : quotes) {
            const std::string start = words_only(g->quote_start);
            bool found = false;
            for (std::size_t i = 0; i < extracted.size(); ++i) {
                if (words_only(extracted[i].text).find(start) == std::string::npos) continue;
                used[i] = true;
                // A speaker known only by a title counts when the extractor also
                // kept a title and named nobody rather than guess.
                const bool title_only = g->kind == "title" && extracted[i].speaker.empty() &&
                                        !extracted[i].speaker_title.empty();
                if (same_speaker(extracted[i].speaker, g->speaker) || title_only) {
                    found = true;
                } else {
                    figures.notes.push_back("wrong speaker in " + doc_id + ": «" + g->quote_start + "» gold " +
                                            g->speaker + ", got '" + extracted[i].speaker + "' title '" +
                                            extracted[i].speaker_title + "'");
                }
                if (!extracted[i].speaker.empty()) {
                    ++figures.attributed;
                    figures.correct += same_speaker(extracted[i].speaker, g->speaker);
                }
                break;
            }
            figures.found += found;
            if (!found) figures.notes.push_back("missed in " + doc_id + " (" + g->kind + "): «" + g->quote_start + "» — " + g->speaker);
        }
        for (std::size_t i = 0; i < extracted.size(); ++i) {
            if (used[i] || extracted[i].speaker.empty()) continue;
            ++figures.attributed;
            figures.notes.push_back("not in gold, " + doc_id + ": «" + first_bytes(extracted[i].text, 80) + "» — " +
                                    extracted[i].speaker);
        }
    }
    return figures;
}

}  // namespace eval
