#include "core/word_terms.h"

#include "core/dictionary.h"
#include "core/russian.h"
#include "core/schema.h"

#include <algorithm>

namespace core {

WordTerms::WordTerms(std::size_t max_words) : stemmer_("russian"), max_words_(max_words) {}

WordTerms::Entry& WordTerms::entry(const std::string& normalized) {
    if (auto found = words_.find(std::string_view(normalized)); found != words_.end()) return *found;
    // Moved over as a node: the entry keeps its address.
    if (auto found = previous_.find(std::string_view(normalized)); found != previous_.end()) {
        return *words_.insert(previous_.extract(found)).position;
    }
    WordInfo info;
    info.stem = stemmer_(normalized);
    info.lemmas = RussianDictionary::instance().lemmas(normalized);
    return *words_.emplace(normalized, std::move(info)).first;
}

void WordTerms::add(Xapian::Document& doc, const Word& word, bool is_title, Xapian::termpos position) {
    Entry& entry = this->entry(word.normalized);
    WordInfo& info = entry.second;
    if (info.body + info.title == 0) seen_.push_back(&entry);
    doc.add_posting(term(schema::kExactPrefix, word.normalized), position, is_title ? schema::kTitleWdf : 1);
    if (is_title) doc.add_posting(term(schema::kTitlePrefix, word.normalized), position);
    if (word.capitalized && !info.name_known) {
        info.name = surname_base(word.normalized);
        info.name_known = true;
    }
    (is_title ? info.title : info.body) += 1;
    if (word.capitalized) (is_title ? info.title_capitalized : info.body_capitalized) += 1;
}

void WordTerms::finish(Xapian::Document& doc) {
    for (Entry* entry : seen_) {
        WordInfo& info = entry->second;
        const Xapian::termcount weighted = info.body + info.title * schema::kTitleWdf;
        const Xapian::termcount named = info.body_capitalized + info.title_capitalized * schema::kTitleWdf;
        const bool has_name = named > 0 && !info.name.empty();
        doc.add_term(term(schema::kStemPrefix, info.stem), weighted);
        if (has_name) doc.add_term(term(schema::kNamePrefix, info.name), named);
        for (const std::string& lemma : info.lemmas) doc.add_term(term(schema::kLemmaPrefix, lemma), weighted);
        if (info.title > 0) doc.add_term(term(schema::kTitleStemPrefix, info.stem), info.title);
        if (has_name && info.title_capitalized > 0) {
            doc.add_term(term(schema::kTitleNamePrefix, info.name), info.title_capitalized);
        }
        info.body = info.body_capitalized = info.title = info.title_capitalized = 0;
    }
    seen_.clear();
    // Generations turn only between articles: seen_ points into the maps.
    if (words_.size() >= std::max<std::size_t>(max_words_ / 2, 1)) {
        previous_ = std::move(words_);
        words_ = Words();
    }
}

// prefix + text, built in a buffer reused from term to term.
const std::string& WordTerms::term(const char* prefix, const std::string& text) {
    term_.assign(prefix);
    term_.append(text);
    return term_;
}

}  // namespace core
