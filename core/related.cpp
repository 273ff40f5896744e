#include "core/related.h"

#include "core/document.h"
#include "core/reprints.h"
#include "core/schema.h"

namespace core {
namespace {

// Terms of the expand set searched: enough to name a story, few enough
// that one shared common word does not make articles alike.
constexpr Xapian::termcount kStoryTerms = 25;
constexpr std::size_t kMinStemBytes = 6;  // three Cyrillic letters

// Body stems only: `Z` followed by a lowercase word (`ZS` is the title's).
class BodyStems : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        if (term.size() < 1 + kMinStemBytes || term[0] != schema::kStemPrefix[0]) return false;
        const auto next = static_cast<unsigned char>(term[1]);
        return next >= 0x80 || (next >= 'a' && next <= 'z');
    }
};

}  // namespace

std::optional<std::vector<RelatedArticle>> related_articles(const Xapian::Database& db, const std::string& id,
                                                            Xapian::doccount limit) {
    const std::string id_key = id_term(id);
    Xapian::PostingIterator posting = db.postlist_begin(id_key);
    if (posting == db.postlist_end(id_key)) return std::nullopt;
    const Xapian::docid docid = *posting;

    Xapian::Enquire enquire(db);
    Xapian::RSet story;
    story.add_document(docid);
    const BodyStems body_stems;
    Xapian::ESet terms;
    try {
        terms = enquire.get_eset(kStoryTerms, story, &body_stems);
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // the caller reopens and tries again
    } catch (const Xapian::Error& e) {
        throw NoTermLists("related articles need the articles' term lists, and this index was built without them "
                          "(indexer --no-termlists): " + e.get_description());
    }
    std::vector<RelatedArticle> related;
    if (terms.empty()) return related;

    Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    std::string cluster = db.get_document(docid).get_value(schema::kClusterSlot);
    Xapian::Query own = cluster.empty() ? Xapian::Query(id_key)
                                        : Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(id_key),
                                                        Xapian::Query(cluster_term(cluster)));
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, own));
    enquire.set_collapse_key(schema::kClusterSlot);
    const Xapian::MSet mset = enquire.get_mset(0, limit);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Article article = deserialize_article(it.get_document().get_data());
        article.text.clear();
        article.quotes.clear();
        related.push_back({std::move(article), it.get_weight()});
    }
    return related;
}

}  // namespace core
