// The attribution evaluation: extracted quotations and their speakers
// against the hand-checked gold set in tests/data/quotations/gold.tsv.
#pragma once

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
    double precision() const { return attributed ? double(correct) / double(attributed) : 0; }
    double recall() const { return gold ? double(found) / double(gold) : 0; }
};

// Runs the extractor over each gold document found under `corpus_dir`.
AttributionFigures measure_attribution(const std::vector<GoldQuote>& gold, const std::string& corpus_dir);

}  // namespace eval
