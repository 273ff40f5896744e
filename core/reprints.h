// Reprints: articles whose bodies are mostly the same text (a wire story on
// three sites, a Telegram repost with a line added, a copy with a new
// headline). Each article gets a near-duplicate signature of its body; copies
// share a cluster key, stored in a value slot (for Enquire::set_collapse_key)
// and as a boolean term (to list the members).
#pragma once

#include <xapian.h>

#include <climits>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace core {

struct ReprintSignature {
    std::vector<std::uint32_t> minhash;  // empty when the body is too short to compare
    std::vector<std::uint32_t> opening;  // hashes of the body's first word pairs, in order
    std::vector<std::uint32_t> numbers;  // hashes of the body's distinct numbers (the first few), sorted
    // Each figure with the word before its run of figures («составляет 96,9»,
    // «Часть 14»): the context in the high bits, the figure in the low; sorted.
    std::vector<std::uint32_t> figure_slots;
    std::int32_t day = kUndated;          // the publication day (days since 1970-01-01), or kUndated
    // How many distinct word pairs of its own (not common across the archive)
    // the body holds, or 0 when unknown (a signature stored before sizes were
    // kept): with the similarity, it says how much of each body is shared.
    std::uint32_t own_pairs = 0;
    // The body's names (capitalised words not opening a sentence: a person, a
    // place, an organisation) after a word of some length, as figure slots:
    // «пункт Раздольное», the context in the high bits, the name in the low; sorted.
    std::vector<std::uint32_t> names;
    // The body's distinct figures (the first few) with a decimal part joined
    // to its integer part («114,4» is one figure, not 114 and 4), sorted; kept
    // beside `numbers`, which splits them, so that signatures stored before
    // are still compared as they were. `has_whole_figures` says it was
    // computed (a signature stored before has none).
    std::vector<std::uint32_t> whole_figures;
    bool has_whole_figures = false;
    // How many of the body's lines are list items (a bullet, a dash, an emoji
    // or a number opening a line of some length): a digest has several. 0 in
    // a signature stored before items were counted.
    std::uint32_t items = 0;

    static constexpr std::int32_t kUndated = INT32_MIN;

    bool empty() const { return minhash.empty(); }
    std::string serialize() const;
    static ReprintSignature parse(std::string_view bytes);
};

// The body's words as compared: boilerplate lines (datelines, "Ссылка на
// новость", Telegram footers such as «Подписаться», link-only and
// hashtag-only lines) left out, Markdown links reduced to their text, words
// normalised (case, ё/е; quote marks, dashes and spacing are not words).
std::vector<std::string> reprint_words(std::string_view body);

// `date` is the article's date ("2024-11-22", "2024-11-22T10:44:41+00:00"),
// or empty when unknown.
ReprintSignature reprint_signature(std::string_view body, std::string_view date = {});

// The day of a date as days since 1970-01-01, or ReprintSignature::kUndated
// when `date` does not start with a valid YYYY-MM-DD.
std::int32_t publication_day(std::string_view date);
// Whether the two were published close enough in time to be copies: copies
// appear within days of each other, while a text reused in part weeks later
// is a follow-up or a template post. A near-verbatim body of some length is a
// copy whenever it appears (a repost of an old story or advertisement), while
// a post of a sentence or two days later is a template for a new event unless
// it is word for word the same; an undated article is judged by its text alone.
bool published_close(const ReprintSignature& a, const ReprintSignature& b);

// Estimated Jaccard similarity of the two bodies' word pairs (MinHash).
double body_similarity(const ReprintSignature& a, const ReprintSignature& b);
// The estimated share of the longer body's own word pairs that the shorter
// one holds too (from the similarity and the two sizes), or 1 when a size is
// unknown: a short post that is one sentence of a long one shares little of it.
double longer_coverage(const ReprintSignature& a, const ReprintSignature& b);
// How much of one body's opening stands in the other's opening (the larger
// of the two directions): a follow-up that reuses a story's background under
// a new lead, or a template post, opens differently.
double opening_overlap(const ReprintSignature& a, const ReprintSignature& b);
// How many of the figures of the body that holds fewer the other holds too,
// or 1 when either holds none: a template post with new figures (the day's
// exchange rates, yesterday's losses) is a new post, while a copy keeps the
// figures it copied, even when it adds a line with figures of its own. A
// decimal is one figure when both signatures keep whole figures: «114,4» and
// «114,5» differ (two channels' prices of one moment).
double number_agreement(const ReprintSignature& a, const ReprintSignature& b);
// Whether both bodies are digests (lists of several items) sharing too little
// of the longer: a copy of a digest keeps nearly all its items, while two
// channels' digests of one speech, or one publisher's lists of its best
// articles, share about half.
bool digests_differ(const ReprintSignature& a, const ReprintSignature& b);
// Whether a figure stands in both texts after the same word but with no
// figure in common there: «Итоги — 18 октября» against «Итоги — 21 ноября»,
// «Часть 14» against «Часть 16», «составляет 96,9» against «составляет 97,3».
// That is the next issue of a template (a giveaway, a column, a lesson), not
// a copy: a copy keeps the figures it copied in their places.
bool figures_conflict(const ReprintSignature& a, const ReprintSignature& b);
// Whether two short bodies name someone or somewhere else after the same word,
// with no name in common there (a person, a place, an organisation: a
// capitalised word not opening a sentence): «освободила населенный пункт
// Раздольное» against «… пункт Воровское» is the same template for another
// village, not a copy. A copy with a line added names more, but keeps the
// names it copied in their places.
bool names_conflict(const ReprintSignature& a, const ReprintSignature& b);
// How many of the longer body's first `lead_pairs` word pairs (its lead)
// stand anywhere in the shorter body, or -1 when the shorter is not held whole
// in its opening (a body of kStoredOpeningPairs word pairs or more).
int lead_found(const ReprintSignature& a, const ReprintSignature& b, std::size_t lead_pairs);
// Whether the longer of two short posts opens with a statement the shorter
// does not hold: «Кобахидзе: сценария «Майдана» не будет. Премьер также
// сообщил, что <the shorter post>» tells another news first and carries the
// shorter as its second statement; a copy keeps the lead it copied and adds
// its line after it.
bool new_lead(const ReprintSignature& a, const ReprintSignature& b);
// The decision: `a` and `b` are copies of one text.
bool is_reprint(const ReprintSignature& a, const ReprintSignature& b);

// The article's LSH band terms (schema::kReprintBandPrefix): copies share at
// least one with high probability, so candidates are one Xapian query away.
std::vector<std::string> band_terms(const ReprintSignature& signature);

// Adds the signature (value slot) and its band terms to a document.
void add_reprint_signature(Xapian::Document& doc, const ReprintSignature& signature);
ReprintSignature stored_signature(const Xapian::Document& doc);
// Sets the document's cluster key (value slot and boolean term), replacing any,
// and marks the article with `id` as a joined copy when the key is not its own.
void set_cluster(Xapian::Document& doc, const std::string& id, const std::string& key);
std::string cluster_term(const std::string& key);

// A member of a cluster, as listed with a hit or an article.
struct Copy {
    std::string id;
    std::string title;
    std::string source;
    std::string date;
    std::string time;  // HH:MM:SS when known (Article::time)
};

// When an article was published, for "earliest first".
struct PublishedAt {
    std::string_view date;  // YYYY-MM-DD or ""
    std::string_view time;  // HH:MM:SS or ""
    std::string_view id;
};

// Earliest first: dated before undated, then by date, then by the time of
// day (one without a time before one with a time, on the same day), then by id.
bool published_earlier(const PublishedAt& a, const PublishedAt& b);

// The members of cluster `key` in `db`, earliest first: by date, then id
// (undated ones last). At most `limit` are read.
std::vector<Copy> cluster_members(const Xapian::Database& db, const std::string& key, std::size_t limit = 500);

// An article already placed that might be a copy.
struct ReprintCandidate {
    std::string id;
    std::string cluster;
    ReprintSignature signature;
};

// The cluster for article `id`: the cluster of its most similar copy among
// `candidates` (so a new copy joins the existing key, which never changes),
// or a new key: its own id, or, when that id already names another cluster
// (the article left it after an update), the id with a suffix.
std::string choose_cluster(const std::string& id, const ReprintSignature& signature,
                           const std::vector<ReprintCandidate>& candidates,
                           const std::function<bool(const std::string&)>& key_taken);

// Assigns the cluster of `doc` (built by DocumentBuilder, so it carries its
// signature) for article `id` against the articles of an open database, and
// sets it on `doc`: for an article added or replaced in a living archive.
// The article's own earlier version in `db`, if any, is not a candidate.
std::string assign_cluster(const Xapian::Database& db, const std::string& id, Xapian::Document& doc);

// The same for a batch: the articles given so far, in memory (the indexer
// cannot query a database it is still writing).
class ReprintIndex {
public:
    // The cluster key of article `id`; a repeated id replaces its earlier version.
    std::string assign(const std::string& id, const ReprintSignature& signature);

private:
    struct Entry {
        std::string id;
        std::string cluster;
        ReprintSignature signature;
        bool live = true;
    };
    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::size_t> by_id_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_band_;
    std::unordered_map<std::string, std::size_t> cluster_sizes_;
};

}  // namespace core
