// Turns an article into a Xapian document following schema.h.
#pragma once

#include "core/article.h"
#include "core/russian.h"

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace core {

class DocumentBuilder {
public:
    Xapian::Document build(const Article& article);

    // Words seen so far with their frequencies, for "did you mean".
    void write_spelling(Xapian::WritableDatabase& db) const;
    // What a reader must know about how the index was built (schema.h).
    void write_metadata(Xapian::WritableDatabase& db) const;

private:
    void index_text(Xapian::Document& doc, std::string_view text, bool is_title, Xapian::termpos& position);

    RussianStemmer stemmer_;
    std::unordered_map<std::string, Xapian::termcount> spelling_;
};

// The unique term that identifies an article by id.
std::string id_term(std::string_view id);

}  // namespace core
