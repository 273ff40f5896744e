#include "core/spelling_table.h"

#include "core/schema.h"
#include "core/text.h"

#include <algorithm>
#include <queue>
#include <string>
#include <utility>
#include <vector>

namespace core {
namespace {

using Entry = std::pair<Xapian::termcount, std::string>;

// The better entry: more frequent, then (ties) the smaller word, so the table
// does not depend on the order the words are read in.
bool better(const Entry& a, const Entry& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; }

// Prefixed terms start with a capital Latin letter; exact forms never do
// (words are indexed lowercased).
bool is_exact_word(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// How often `word` is written in titles and bodies: a title word's exact form
// counts schema::kTitleWdf times, and its title term (kTitlePrefix) once.
Xapian::termcount written_count(const Xapian::Database& db, const std::string& word) {
    const Xapian::termcount all = db.get_collection_freq(word);
    const Xapian::termcount in_titles = db.get_collection_freq(schema::kTitlePrefix + word);
    return all - (schema::kTitleWdf - 1) * in_titles;
}

// The kMaxSpellingWords best words seen at least kMinSpellingFrequency times,
// best first; a heap of the kept ones, its worst on top.
std::vector<Entry> most_frequent_words(const Xapian::Database& db) {
    const auto worse_on_top = [](const Entry& a, const Entry& b) { return better(a, b); };
    std::priority_queue<Entry, std::vector<Entry>, decltype(worse_on_top)> kept(worse_on_top);
    for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
        const std::string word = *term;
        if (!is_exact_word(word) || utf8_length(word) < kMinSpellingChars) continue;
        Entry entry{written_count(db, word), word};
        if (entry.first < kMinSpellingFrequency) continue;
        if (kept.size() < kMaxSpellingWords) {
            kept.push(std::move(entry));
        } else if (better(entry, kept.top())) {
            kept.pop();
            kept.push(std::move(entry));
        }
    }
    std::vector<Entry> words;
    words.reserve(kept.size());
    for (; !kept.empty(); kept.pop()) words.push_back(kept.top());
    std::reverse(words.begin(), words.end());
    return words;
}

}  // namespace

void write_spelling_table(Xapian::WritableDatabase& db, std::size_t commit_every) {
    const std::vector<Entry> words = most_frequent_words(db);
    for (std::size_t i = 0; i < words.size(); ++i) {
        db.add_spelling(words[i].second, words[i].first);
        if (commit_every > 0 && (i + 1) % commit_every == 0) db.commit();
    }
}

}  // namespace core
