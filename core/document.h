// Turns an article into a Xapian document following schema.h.
#pragma once

#include "core/article.h"
#include "core/reprints.h"
#include "core/russian.h"
#include "core/word_terms.h"

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace core {

// Where an article's reprint cluster is found.
enum class ClusterAssignment {
    InBatch,  // among the articles this builder built before (the indexer)
    ByCaller, // left to the caller, who asks the database (assign_cluster(): a live writer)
};

class DocumentBuilder {
public:
    explicit DocumentBuilder(ClusterAssignment clusters = ClusterAssignment::InBatch) : clusters_(clusters) {}

    // The document carries the body's reprint signature and, InBatch, its
    // cluster key.
    Xapian::Document build(const Article& article);

    // How many words' stems, lemmas and name bases are kept (WordTerms).
    void set_cached_words(std::size_t words) { words_.set_max_words(words); }
    // What a reader must know about how the index was built (schema.h).
    void write_metadata(Xapian::WritableDatabase& db) const;

private:
    void index_text(Xapian::Document& doc, std::string_view text, bool is_title, Xapian::termpos& position);

    WordTerms words_;
    ClusterAssignment clusters_;
    ReprintIndex reprints_;
};

// The unique term that identifies an article by id.
std::string id_term(std::string_view id);

// The words of an article that feed "did you mean", with their counts: what
// a live writer adds to the spelling table and takes back on delete.
std::unordered_map<std::string, Xapian::termcount> spelling_words(const Article& article);

// A hash of what the article was read from (id, title, text, date, url,
// source), stored in schema::kContentHashSlot: the indexer's update mode
// rewrites only articles whose hash changed.
std::string content_hash(const Article& article);

}  // namespace core
