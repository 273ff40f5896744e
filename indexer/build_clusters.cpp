#include "indexer/build_clusters.h"

#include "core/schema.h"

#include <algorithm>
#include <unordered_set>

namespace indexer {

std::string BuildClusters::assign(Xapian::docid docid, const std::string& id, const core::ReprintSignature& signature) {
    forget_recent(docid);
    const std::vector<std::string> bands = core::band_terms(signature);
    std::vector<core::ReprintCandidate> candidates;
    add_recent_candidates(bands, candidates);
    add_committed_candidates(docid, bands, candidates);
    std::string key = core::choose_cluster(id, signature, candidates,
                                           [&](const std::string& candidate) { return key_taken(candidate, docid); });
    add_recent(Entry{docid, id, key, signature});
    return key;
}

void BuildClusters::committed(const std::function<bool(Xapian::docid)>& unwritten) {
    std::vector<Entry> kept;
    for (Entry& entry : recent_) {
        if (entry.live && unwritten(entry.docid)) kept.push_back(std::move(entry));
    }
    recent_.clear();
    recent_by_docid_.clear();
    recent_by_band_.clear();
    recent_cluster_sizes_.clear();
    for (Entry& entry : kept) add_recent(std::move(entry));
    if (committed_) {
        committed_->reopen();
    } else {
        committed_.emplace(path_);
    }
}

void BuildClusters::add_recent(Entry entry) {
    const std::size_t index = recent_.size();
    recent_by_docid_[entry.docid] = index;
    ++recent_cluster_sizes_[entry.cluster];
    for (const std::string& band : core::band_terms(entry.signature)) recent_by_band_[band].push_back(index);
    recent_.push_back(std::move(entry));
}

void BuildClusters::forget_recent(Xapian::docid docid) {
    auto old = recent_by_docid_.find(docid);
    if (old == recent_by_docid_.end()) return;
    Entry& entry = recent_[old->second];
    entry.live = false;
    --recent_cluster_sizes_[entry.cluster];
    recent_by_docid_.erase(old);
}

void BuildClusters::add_recent_candidates(const std::vector<std::string>& bands,
                                          std::vector<core::ReprintCandidate>& out) const {
    std::unordered_set<std::size_t> seen;
    for (const std::string& band : bands) {
        auto found = recent_by_band_.find(band);
        if (found == recent_by_band_.end()) continue;
        for (std::size_t index : found->second) {
            const Entry& entry = recent_[index];
            if (entry.live && seen.insert(index).second) out.push_back({entry.id, entry.cluster, entry.signature});
        }
    }
}

// The candidates' own ids are not read (that would inflate each stored
// article): an article never competes with itself, because its committed
// version is superseded.
void BuildClusters::add_committed_candidates(Xapian::docid docid, const std::vector<std::string>& bands,
                                             std::vector<core::ReprintCandidate>& out) const {
    if (!committed_ || bands.empty()) return;
    std::vector<Xapian::docid> docids;
    for (const std::string& band : bands) {
        // Most bands are the article's own: their frequency, read on the
        // table's own cursor, is cheaper than an empty postlist opened on a new one.
        if (committed_->get_termfreq(band) == 0) continue;
        for (auto it = committed_->postlist_begin(band); it != committed_->postlist_end(band); ++it) {
            if (!superseded(*it, docid)) docids.push_back(*it);
        }
    }
    std::sort(docids.begin(), docids.end());
    docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
    for (Xapian::docid candidate : docids) {
        const Xapian::Document document = committed_->get_document(candidate, Xapian::DOC_ASSUME_VALID);
        out.push_back({std::string(), document.get_value(core::schema::kClusterSlot), core::stored_signature(document)});
    }
}

bool BuildClusters::key_taken(const std::string& key, Xapian::docid docid) const {
    if (auto found = recent_cluster_sizes_.find(key); found != recent_cluster_sizes_.end() && found->second > 0) {
        return true;
    }
    if (!committed_) return false;
    const std::string term = core::cluster_term(key);
    for (auto it = committed_->postlist_begin(term); it != committed_->postlist_end(term); ++it) {
        if (!superseded(*it, docid)) return true;
    }
    return false;
}

bool BuildClusters::superseded(Xapian::docid candidate, Xapian::docid docid) const {
    return candidate == docid || recent_by_docid_.count(candidate) > 0;
}

}  // namespace indexer
