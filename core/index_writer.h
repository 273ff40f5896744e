// The one writer of a live index: adds, replaces and deletes articles in the
// generation the index link points at, in place, through the same
// DocumentBuilder as a full build, so everything derived from an article
// (terms, name bases, quotations, facets, dates, spelling) follows it.
//
// One writer at a time: Xapian's own lock on the database, and beside it a
// file naming the holder (`server pid 123 on 127.0.0.1:8080`), so that a
// second writer fails with a message saying who holds it.
#pragma once

#include "core/article.h"
#include "core/document.h"

#include <xapian.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace core {

// Another process holds the index for writing; what() names it.
class IndexLocked : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An article analysed into its document: the costly part of a write (words,
// stems, lemmas, quotations, reprint signature), which may run on any thread,
// side by side, outside the one writer.
struct PreparedArticle {
    Article article;
    Xapian::Document document;
    // Its words for the spelling table (spelling_words()), counted here so
    // that the one writer does not tokenise the article again.
    std::unordered_map<std::string, Xapian::termcount> spelling;
};
PreparedArticle prepare_article(Article article);

// What a compaction did: the index's size before and after, in bytes.
struct Compaction {
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
    double seconds = 0;
};

// Where the write API sends articles: one index (IndexWriter) or local
// shards (ShardedIndexWriter, sharded_index_writer.h).
class ArticleWriter {
public:
    virtual ~ArticleWriter() = default;
    virtual void put(const PreparedArticle& prepared) = 0;
    virtual bool erase(const std::string& id) = 0;
    virtual void commit() = 0;
    virtual void cancel() = 0;
    // Packs the committed index into a new generation and switches to it
    // (see IndexWriter::compact()).
    virtual Compaction compact() = 0;
};

class IndexWriter : public ArticleWriter {
public:
    // Opens the generation `db_path` resolves to for writing. With
    // `create_if_missing`, an empty index is made and published first when
    // nothing is at `db_path`. Throws IndexLocked when another writer holds
    // it, std::runtime_error when it cannot be opened (a stub of shards).
    IndexWriter(const std::string& db_path, const std::string& holder, bool create_if_missing = false);
    ~IndexWriter() override;
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Adds the article, or replaces the one with the same id. Not visible
    // until commit().
    void put(const Article& article);
    void put(const PreparedArticle& prepared) override;
    // Deletes the article; false when there is none with that id.
    bool erase(const std::string& id) override;
    // Makes everything put and erased since the last commit durable (fsync)
    // and visible to readers, all or nothing.
    void commit() override;
    // Forgets everything put and erased since the last commit (after a
    // failure, e.g. a full disk: the index stays as last committed).
    void cancel() override;
    // Replacing and deleting leave free space in Xapian's B-trees (and
    // writes into a compacted index split its full blocks): writes the last
    // commit compacted into a new generation, takes the writer's lock there,
    // points the index link at it atomically and goes on writing there.
    // Readers move over at their next request. Between commits only; on a
    // failure (a full disk) the new generation is removed and nothing changes.
    Compaction compact() override;

    // id → content_hash() of every article in the index.
    std::unordered_map<std::string, std::string> content_hashes() const;
    const std::string& generation() const { return generation_; }

private:
    void add_spelling(const std::unordered_map<std::string, Xapian::termcount>& words);
    void remove_spelling(const Article& article);
    void begin();

    bool in_transaction_ = false;

    std::string db_path_;
    std::string generation_;
    std::string holder_;
    std::string holder_file_;
    Xapian::WritableDatabase db_;
    DocumentBuilder documents_{ClusterAssignment::ByCaller};
    // The words in the spelling table. A live write only changes their
    // frequencies: adding a new word costs Xapian ~100 µs (its n-gram
    // fragments), which would cut ingest to a few dozen articles a second;
    // rare words are corrected against the indexed terms (spelling.h).
    std::unordered_set<std::string> spelling_table_;
};

// Who holds the index at `db_path` for writing, as its holder file says; ""
// when nobody has said.
std::string index_writer_holder(const std::string& db_path);

// Throws IndexLocked when a writer holds the index at `db_path` now (a full
// rebuild would lose what it writes).
void check_no_writer(const std::string& db_path);

}  // namespace core
