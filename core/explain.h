// explain=1: how much each part of a query (each word, the bonus for
// holding every word, the bonus for words standing close) gave to the
// scores of the hits, in Xapian's own weights.
#pragma once

#include "core/query_builder.h"

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace core {

struct ScoreShare {
    std::string kind;  // as ScorePart::kind
    std::string word;  // for a word: the query word as typed
    double score = 0;
};

// Per document of `docids`, the weight each of `parts` gives it under
// `weighting`: each part is run on its own, restricted to those documents.
// The term statistics are the database's and every weighted term of the
// query stands in exactly one part, so the shares add up to the score the
// whole query gave (BM25 with k2 = 0 has no per-query term).
// Empty where a part cannot be restricted so (remote shards take no MatchDecider).
std::map<Xapian::docid, std::vector<ScoreShare>> explain_scores(const Xapian::Database& db,
                                                                const std::vector<ScorePart>& parts,
                                                                const std::vector<Xapian::docid>& docids,
                                                                const Xapian::Weight& weighting);

}  // namespace core
