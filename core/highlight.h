// The words a query matches, in every form the index matched them, so that
// snippets and article views can mark them in the original text, and say
// for each marked word why it matched (MatchKind).
#pragma once

#include "core/russian.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace core {

// Why a word of the text matched a word of the query.
enum class MatchKind {
    Exact,       // the word as typed
    Form,        // another grammatical form: the same stem or dictionary lemma
    Yo,          // the word as typed but for ё/е
    Name,        // a case form of a name, by its name base (Лаврова for Лавров)
    Equivalent,  // another name of the same thing (Кыргызстан for Киргизия)
    Latin,       // a Cyrillic spelling of a word typed in Latin letters
    Spelling,    // a correction of a word the index does not know
    Prefix,      // a word starting with a prefix typed as `лавр*`
};

// "exact", "form", "yo", "name", "equivalent", "latin", "spelling", "prefix".
const char* match_kind_name(MatchKind kind);
// Equivalents, Latin spellings and spelling corrections are the search's
// guesses, which a reader may want to check.
bool is_guess(MatchKind kind);

// One marked word: as the text writes it, why it matched, and the query
// word it stands for (lower-cased as typed, `лавр*` for a prefix; the words
// typed, space-separated, for an equivalent).
struct MatchSpan {
    std::string text;
    MatchKind kind = MatchKind::Exact;
    std::string query_word;
};

class HighlightTerms {
public:
    // What the words added next were drawn from: the word typed itself, or
    // a guess made from it.
    enum class Source { Typed, Equivalent, Latin, Spelling };
    void set_source(Source source, std::string_view typed_word);

    // A topic is one thing the user asked for (a word with all its forms,
    // transliterations and equivalents); snippets prefer covering many.
    int new_topic() { return topics_++; }
    int topic_count() const { return topics_; }

    void add_exact(const std::string& normalized, int topic) { add(exact_, normalized, topic); }
    void add_stem(const std::string& stem, int topic) { add(stems_, stem, topic); }
    void add_name(const std::string& base, int topic) { add(names_, base, topic); }
    void add_lemma(const std::string& lemma, int topic) { add(lemmas_, lemma, topic); }
    void add_prefix(const std::string& prefix, int topic) {
        note_first_letter(prefix);
        prefixes_.emplace_back(prefix, Entry{topic, current_source()});
    }

    // False when no word starting with `letter` (as first_letter_folded()
    // gives it, >= 0) can match: every form matched starts with its own first
    // letter (stems and name bases only lose endings). Lets a caller skip
    // normalising most words of a text.
    bool may_start_with(int letter) const {
        if (any_first_letter_) return true;
        for (int first : first_letters_) {
            if (first == letter) return true;
        }
        return false;
    }

    enum class Via { Exact, Prefix, Name, Stem, Lemma };
    struct Match {
        int topic = -1;      // -1: no match
        bool exact = false;  // the very word of the query, not another form
        Via via = Via::Exact;
        int source = -1;     // what the matched form was drawn from
    };
    Match match(const std::string& normalized, RussianStemmer& stemmer) const;
    bool empty() const {
        return exact_.empty() && stems_.empty() && names_.empty() && lemmas_.empty() && prefixes_.empty();
    }

    // Why `raw` (a word of the text that gave `match`) matched, and for
    // which query word. Costs a normalisation and a stem for name matches:
    // meant for the words shown, not every word read.
    MatchSpan explain(std::string_view raw, const Match& match, RussianStemmer& stemmer) const;

private:
    struct Entry {
        int topic;
        int source;
    };
    struct SourceWord {
        Source source;
        std::string query_word;
        bool typed_yo;  // the word was typed with ё
    };
    using Entries = std::unordered_map<std::string, Entry>;

    void add(Entries& entries, const std::string& key, int topic) {
        note_first_letter(key);
        entries.emplace(key, Entry{topic, current_source()});
    }
    int current_source() const { return static_cast<int>(sources_.size()) - 1; }
    void note_first_letter(const std::string& key);
    MatchKind kind_of(std::string_view raw, const Match& match, const SourceWord& source,
                      RussianStemmer& stemmer) const;

    int topics_ = 0;
    std::vector<int> first_letters_;
    bool any_first_letter_ = false;  // a key whose first letter is not plain ASCII or Russian
    Entries exact_;
    Entries stems_;
    Entries names_;
    Entries lemmas_;
    std::vector<std::pair<std::string, Entry>> prefixes_;
    std::vector<SourceWord> sources_;
};

}  // namespace core
