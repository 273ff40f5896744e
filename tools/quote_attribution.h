// The attribution evaluation: extracted quotations and their speakers
// against the hand-checked gold set in tests/data/quotations/gold.tsv.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace eval {

struct GoldQuote {
    std::string doc_id, quote_start, speaker, speaker_full, kind;
};

// The text of `<doc_id>.txt` anywhere under `corpus_dir`, or "".
std::string read_document(const std::string& corpus_dir, const std::string& doc_id);

std::vector<GoldQuote> load_gold_quotes(const std::string& tsv_path);

struct AttributionFigures {
    std::size_t gold = 0;            // gold quotations
    std::size_t found = 0;           // gold quotations extracted with the right speaker
    std::size_t attributed = 0;      // extracted quotations with a speaker, in gold documents
    std::size_t correct = 0;         // of those, matching a gold quotation and its speaker
    std::vector<std::string> notes;  // one line per miss or wrong attribution
    std::map<std::string, std::size_t> missed_by_kind;  // quotations by a named person not found with their speaker
    double precision() const { return attributed ? double(correct) / double(attributed) : 0; }
    double recall() const { return gold ? double(found) / double(gold) : 0; }
};

// Runs the extractor over each gold document found under `corpus_dir`.
AttributionFigures measure_attribution(const std::vector<GoldQuote>& gold, const std::string& corpus_dir);

// ---- the bench-news gold set (tests/data/quotations/news_gold.tsv) ----
// Every quotation of four or more words in quote marks in 64 bench-news
// articles, with its speaker's surname, `?` when the article names no person
// who said it, or spellings joined by `|` when the article spells it two ways.

struct NewsGoldQuote {
    std::string doc_id, half, quote_start, kind;
    std::vector<std::string> speakers;  // empty: no named person said it
};

std::vector<NewsGoldQuote> load_news_gold(const std::string& tsv_path);

// The texts of the articles `ids` in bench-news's news.jsonl.xz (read with
// `xz -dc`); empty when the file is absent.
std::map<std::string, std::string> read_news_texts(const std::string& jsonl_xz, const std::set<std::string>& ids);

// Attribution on the gold quotations of one half. Recall counts the
// quotations by a named person; precision counts every quotation given a
// speaker that matches a gold one, or that stands in quote marks with four
// or more words (the set's scope), so a speaker given to words nobody named
// said counts against it.
AttributionFigures measure_news_attribution(const std::vector<NewsGoldQuote>& gold, const std::string& half,
                                            const std::map<std::string, std::string>& texts);

}  // namespace eval
