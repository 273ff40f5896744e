#include "core/explain.h"

#include <algorithm>

namespace core {
namespace {

// Accepts only the documents being explained. Restricting by a filter of
// id terms instead would change what OP_NEAR gives in Xapian 1.4.22 (see
// Searcher::rank); a decider leaves the weights as the search computed them.
class OnlyThese : public Xapian::MatchDecider {
public:
    explicit OnlyThese(const std::vector<Xapian::docid>& docids) : docids_(docids) {
        std::sort(docids_.begin(), docids_.end());
    }
    bool operator()(const Xapian::Document& doc) const override {
        return std::binary_search(docids_.begin(), docids_.end(), doc.get_docid());
    }

private:
    std::vector<Xapian::docid> docids_;
};

}  // namespace

std::map<Xapian::docid, std::vector<ScoreShare>> explain_scores(const Xapian::Database& db,
                                                                const std::vector<ScorePart>& parts,
                                                                const std::vector<Xapian::docid>& docids,
                                                                const Xapian::Weight& weighting) {
    std::map<Xapian::docid, std::vector<ScoreShare>> out;
    for (Xapian::docid docid : docids) out[docid];
    if (docids.empty()) return out;
    const OnlyThese only(docids);
    const auto count = static_cast<Xapian::doccount>(docids.size());
    for (const ScorePart& part : parts) {
        std::map<Xapian::docid, double> weights;
        Xapian::Enquire enquire(db);
        enquire.set_query(part.query);
        enquire.set_weighting_scheme(weighting);
        Xapian::MSet mset;
        try {
            mset = enquire.get_mset(0, count, count, nullptr, &only);
        } catch (const Xapian::UnimplementedError&) {
            return {};  // remote shards take no match deciders: no explanation rather than no answer
        }
        for (auto it = mset.begin(); it != mset.end(); ++it) weights[*it] = it.get_weight();
        for (auto& [docid, shares] : out) shares.push_back({part.kind, part.word, weights[docid]});
    }
    return out;
}

}  // namespace core
