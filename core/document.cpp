#include "core/document.h"

#include "core/dictionary.h"
#include "core/fields.h"
#include "core/quotes.h"
#include "core/schema.h"
#include "core/spelling_table.h"
#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace core {
namespace {

// Xapian refuses terms over 245 bytes; such "words" are noise anyway.
constexpr std::size_t kMaxWordBytes = 120;
constexpr std::size_t kMaxTermBytes = 245;

std::string compact_date(const std::string& date) {
    std::string digits;
    for (char c : date) {
        if (c != '-') digits.push_back(c);
    }
    return digits;
}

// A filter value drawn from the text (a URL's host, a speaker) can be longer
// than Xapian takes; the article is indexed without that one filter.
void add_filter_term(Xapian::Document& doc, const std::string& term) {
    if (term.size() <= kMaxTermBytes) doc.add_boolean_term(term);
}

}  // namespace

std::string id_term(std::string_view id) { return schema::kIdPrefix + std::string(id); }

Xapian::Document DocumentBuilder::build(const Article& article) {
    Xapian::Document doc;
    Xapian::termpos position = 0;
    index_text(doc, article.title, true, position);
    position += schema::kBodyPositionGap;
    index_text(doc, article.text, false, position);

    doc.add_boolean_term(id_term(article.id));
    for (const Field& field : fields()) {
        if (field.kind != FieldKind::Term || (article.*field.value).empty()) continue;
        add_filter_term(doc, filter_term(field, article.*field.value));
        if (field.slot != Xapian::BAD_VALUENO) doc.add_value(field.slot, article.*field.value);
    }
    if (!article.date.empty()) {
        const std::string date = compact_date(article.date);
        doc.add_boolean_term(schema::kYearPrefix + date.substr(0, 4));
        doc.add_boolean_term(schema::kMonthPrefix + date.substr(0, 6));
        doc.add_boolean_term(schema::kDayPrefix + date);
        doc.add_value(schema::kDateSlot, date);
        if (!article.time.empty()) doc.add_value(schema::kTimeSlot, article.time);
    }
    Article stored = article;
    try {
        stored.quotes = extract_quotations(article.text);
    } catch (const std::exception&) {
        // Quotations are an extra: an article is never lost because of them.
        stored.quotes.clear();
    }
    for (const Quotation& quote : stored.quotes) {
        if (!quote.speaker.empty()) add_filter_term(doc, filter_term(*find_field("speaker"), quote.speaker));
    }
    if (!stored.quotes.empty()) doc.add_boolean_term(schema::kHasQuotesTerm);
    const ReprintSignature signature = reprint_signature(article.text, article.date);
    add_reprint_signature(doc, signature);
    if (clusters_ == ClusterAssignment::InBatch) set_cluster(doc, article.id, reprints_.assign(article.id, signature));
    doc.add_value(schema::kContentHashSlot, content_hash(article));
    doc.set_data(serialize_article(stored));
    return doc;
}

void DocumentBuilder::index_text(Xapian::Document& doc, std::string_view text, bool is_title,
                                 Xapian::termpos& position) {
    for_each_word(text, [&](const Word& word) {
        if (word.normalized.size() > kMaxWordBytes) return;
        words_.add(doc, word, is_title, ++position);
    });
    words_.finish(doc);
}

void DocumentBuilder::write_metadata(Xapian::WritableDatabase& db) const {
    if (RussianDictionary::instance().available()) db.set_metadata(schema::kLemmasMetadataKey, "1");
    db.set_metadata(schema::kCopiesMarkedMetadataKey, "1");
}

std::unordered_map<std::string, Xapian::termcount> spelling_words(const Article& article) {
    std::unordered_map<std::string, Xapian::termcount> words;
    auto count = [&words](const Word& word) {
        if (word.normalized.size() <= kMaxWordBytes && utf8_length(word.normalized) >= kMinSpellingChars) {
            ++words[word.normalized];
        }
    };
    for_each_word(article.title, count);
    for_each_word(article.text, count);
    return words;
}

std::string content_hash(const Article& article) {
    // FNV-1a, 64 bits, over the fields with a separator no text holds.
    std::uint64_t hash = 14695981039346656037ull;
    for (const std::string* field : {&article.id, &article.title, &article.text, &article.date, &article.url,
                                     &article.source}) {
        for (unsigned char c : *field) hash = (hash ^ c) * 1099511628211ull;
        hash = (hash ^ 0xFFu) * 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

}  // namespace core
