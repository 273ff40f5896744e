#include "tools/quote_attribution.h"

#include "core/quote_marks.h"
#include "core/quotes.h"
#include "core/text.h"

#include <nlohmann/json.hpp>

#include <cstdio>
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

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::istringstream in(text);
    std::string part;
    while (std::getline(in, part, separator)) parts.push_back(part);
    return parts;
}

// The byte offset of code point `index` in UTF-8 `text`.
std::size_t byte_of(const std::string& text, std::size_t index) {
    std::size_t at = 0;
    for (std::size_t seen = 0; at < text.size() && seen < index; ++seen) {
        do ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
    }
    return at;
}

// Whether the quotation at code points [begin, ...) opens with a quote mark:
// only such quotations are in the set's scope. Spaces and Telegram's
// Markdown (`«**...`) may stand between the mark and the words.
bool in_quote_marks(const std::string& text, std::size_t begin) {
    std::size_t at = byte_of(text, begin);
    for (int step = 0; step < 8 && at > 0; ++step) {
        std::size_t start = at - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        if (core::quote_opening_at(text, start, false)) return true;
        const std::string_view before(text.data() + start, at - start);
        if (before != " " && before != "*" && before != "_" && before != "\xC2\xA0") return false;
        at = start;
    }
    return false;
}

std::size_t count_words(const std::string& text) {
    std::size_t n = 0;
    core::for_each_word(text, [&](const core::Word&) { ++n; });
    return n;
}

bool said_by(const std::string& extracted, const std::vector<std::string>& speakers) {
    for (const std::string& gold : speakers) {
        if (same_speaker(extracted, gold)) return true;
    }
    return false;
}

}  // namespace

std::vector<NewsGoldQuote> load_news_gold(const std::string& tsv_path) {
    std::vector<NewsGoldQuote> gold;
    std::ifstream in(tsv_path);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        const std::vector<std::string> fields = split(line, '\t');
        if (fields.size() < 5) continue;
        NewsGoldQuote q{fields[0], fields[1], fields[2], fields[4], {}};
        if (fields[3] != "?") q.speakers = split(fields[3], '|');
        gold.push_back(std::move(q));
    }
    return gold;
}

std::map<std::string, std::string> read_news_texts(const std::string& jsonl_xz, const std::set<std::string>& ids) {
    std::map<std::string, std::string> texts;
    if (!fs::exists(jsonl_xz)) return texts;
    FILE* pipe = popen(("xz -dc '" + jsonl_xz + "'").c_str(), "r");
    if (!pipe) return texts;
    std::string line;
    char buffer[1 << 16];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        line += buffer;
        if (line.empty() || line.back() != '\n') continue;
        // Only lines whose id is wanted are parsed: the file has 32,828.
        const std::size_t id_at = line.find("\"id\": \"");
        const std::size_t id_end = id_at == std::string::npos ? id_at : line.find('"', id_at + 7);
        if (id_end != std::string::npos && ids.count(line.substr(id_at + 7, id_end - id_at - 7))) {
            const nlohmann::json article = nlohmann::json::parse(line, nullptr, false);
            if (article.is_object()) texts[article.value("id", "")] = article.value("text", "");
        }
        line.clear();
    }
    pclose(pipe);
    return texts;
}

AttributionFigures measure_news_attribution(const std::vector<NewsGoldQuote>& gold, const std::string& half,
                                            const std::map<std::string, std::string>& texts) {
    std::map<std::string, std::vector<const NewsGoldQuote*>> by_doc;
    for (const NewsGoldQuote& q : gold) {
        if (q.half == half) by_doc[q.doc_id].push_back(&q);
    }
    AttributionFigures figures;
    for (const auto& [doc_id, quotes] : by_doc) {
        const auto text = texts.find(doc_id);
        if (text == texts.end()) continue;
        const std::vector<core::Quotation> extracted = core::extract_quotations(text->second);
        std::vector<bool> used(extracted.size());
        for (const NewsGoldQuote* g : quotes) {
            if (g->kind == "none") continue;  // an article with no quotation in scope: only false attributions count
            const bool named = !g->speakers.empty();
            figures.gold += named;
            const std::string start = words_only(g->quote_start);
            std::size_t i = 0;
            while (i < extracted.size() && words_only(extracted[i].text).find(start) == std::string::npos) ++i;
            const std::string who = named ? g->speakers.front() : "?";
            if (i == extracted.size()) {
                if (named) ++figures.missed_by_kind[g->kind];
                if (named) figures.notes.push_back("missed in " + doc_id + " (" + g->kind + "): «" + g->quote_start + "» — " + who);
                continue;
            }
            used[i] = true;
            const std::string& speaker = extracted[i].speaker;
            const bool right = said_by(speaker, g->speakers);
            figures.found += right;
            if (named && !right) ++figures.missed_by_kind[g->kind];
            if (!speaker.empty()) {
                ++figures.attributed;
                figures.correct += right;
            }
            if (!right && (named || !speaker.empty())) {
                figures.notes.push_back((speaker.empty() ? "unknown in " : "wrong speaker in ") + doc_id + " (" + g->kind +
                                        "): «" + g->quote_start + "» gold " + who + ", got '" + speaker + "'");
            }
        }
        for (std::size_t i = 0; i < extracted.size(); ++i) {
            const core::Quotation& q = extracted[i];
            if (used[i] || q.speaker.empty() || count_words(q.text) < 4 || !in_quote_marks(text->second, q.begin)) continue;
            ++figures.attributed;
            figures.notes.push_back("not in gold, " + doc_id + ": «" + first_bytes(q.text, 80) + "» — " + q.speaker);
        }
    }
    return figures;
}

}  // namespace eval
