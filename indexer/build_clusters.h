// Reprint clusters during a full build, in memory that does not grow with
// the corpus (issue #18): the articles already committed are found through
// the database's band terms and stored signatures, as the live path's
// core::assign_cluster() does, and only the articles written since the last
// commit are held in memory. The keys are the same as core::ReprintIndex
// gives over the whole batch: every article sharing a band is a candidate.
#pragma once

#include "core/reprints.h"

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace indexer {

class BuildClusters {
public:
    // `path`: the database being built, read after each commit.
    explicit BuildClusters(std::string path) : path_(std::move(path)) {}

    // The cluster key of the article written as `docid` (an earlier version
    // with that docid stops counting).
    std::string assign(Xapian::docid docid, const std::string& id, const core::ReprintSignature& signature);
    // After a commit: what was assigned since is read from the database from
    // now on, except the documents `unwritten` says were held back (a
    // replacement waiting for a rebuild), which stay in memory.
    void committed(const std::function<bool(Xapian::docid)>& unwritten);

private:
    struct Entry {
        Xapian::docid docid;
        std::string id;
        std::string cluster;
        core::ReprintSignature signature;
        bool live = true;
    };
    void add_recent(Entry entry);
    void forget_recent(Xapian::docid docid);
    void add_recent_candidates(const std::vector<std::string>& bands, std::vector<core::ReprintCandidate>& out) const;
    void add_committed_candidates(Xapian::docid docid, const std::vector<std::string>& bands,
                                  std::vector<core::ReprintCandidate>& out) const;
    bool key_taken(const std::string& key, Xapian::docid docid) const;
    // The committed version of `docid` is no article any more: the article
    // being placed, or one written again since.
    bool superseded(Xapian::docid candidate, Xapian::docid docid) const;

    std::string path_;
    std::optional<Xapian::Database> committed_;  // opened at the first commit
    std::vector<Entry> recent_;
    std::unordered_map<Xapian::docid, std::size_t> recent_by_docid_;
    std::unordered_map<std::string, std::vector<std::size_t>> recent_by_band_;
    std::unordered_map<std::string, std::size_t> recent_cluster_sizes_;
};

}  // namespace indexer
