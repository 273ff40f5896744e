#include "core/snippet.h"

#include "core/stopwords.h"
#include "core/text.h"

#include <set>
#include <vector>

namespace core {
namespace {

struct WordSpan {
    std::size_t begin;
    std::size_t end;
    std::size_t char_begin;  // code-point offset of `begin`
    int topic;               // -1 when the word does not match
    bool exact;
    HighlightTerms::Match match;  // how it matched, for MatchSpan
};

bool matched(const std::vector<WordSpan>& words, std::size_t i) { return i < words.size() && words[i].topic >= 0; }

// A function word (`и`, `в`) is marked only as part of a run of matches, as
// in a phrase: alone it would light up every line.
void unmark_lone_stopwords(std::vector<WordSpan>& words, const std::vector<bool>& stopword) {
    std::vector<bool> keep(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool neighbour = (i > 0 && matched(words, i - 1) && !stopword[i - 1]) ||
                               (matched(words, i + 1) && !stopword[i + 1]) ||
                               (i > 0 && matched(words, i - 1) && matched(words, i + 1));
        keep[i] = !stopword[i] || neighbour;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!keep[i]) words[i].topic = -1;
    }
}

// A snippet needs only the text up to a passage that holds every topic of
// the query side by side; analysing the rest of a long article for each hit
// was most of the cost of a search. Past this many bytes the scan stops once
// something matched, and past kMaxScanBytes in any case.
constexpr std::size_t kMatchedScanBytes = 16 * 1024;
constexpr std::size_t kMaxScanBytes = 64 * 1024;

struct ScanLimit {
    std::size_t length;  // the snippet's length in characters
    int topics;          // the query's topic count
};

// Whether the matches ending at the last one, within `length` characters,
// cover all `topics` in the query's own forms and side by side (each next to
// another): such a passage is a good snippet, so the scan may stop `length`
// characters after its start. (A later passage repeating the words more
// often is not looked for: best_window() then chooses among the words read.)
// Otherwise the scan goes on (up to the caps above) and best_window()
// chooses as before.
// Returns the character offset where that passage starts, or npos.
std::size_t complete_window_start(const std::vector<WordSpan>& words, const std::vector<std::size_t>& matches,
                                  const ScanLimit& limit) {
    const std::size_t newest = words[matches.back()].char_begin;
    std::vector<bool> seen(static_cast<std::size_t>(limit.topics), false);
    int exact_topics = 0;  // topics met in the very form the query gave
    int adjacent = 0;
    for (std::size_t k = matches.size(); k-- > 0;) {
        const WordSpan& word = words[matches[k]];
        if (newest - word.char_begin >= limit.length) break;
        const auto topic = static_cast<std::size_t>(word.topic);
        if (word.exact && topic < seen.size() && !seen[topic]) {
            seen[topic] = true;
            ++exact_topics;
        }
        if (k > 0 && matches[k - 1] + 1 == matches[k]) ++adjacent;
        if (exact_topics == limit.topics && adjacent >= limit.topics - 1) return word.char_begin;
    }
    return std::string::npos;
}

std::vector<WordSpan> analyse(std::string_view text, const HighlightTerms& terms, RussianStemmer& stemmer,
                              const ScanLimit* limit = nullptr, bool* whole_text = nullptr) {
    std::vector<WordSpan> words;
    std::vector<bool> stopword;
    std::vector<std::size_t> matches;  // indexes of matched words that are not stopwords
    std::size_t stop_at_char = std::string::npos;
    std::string normalized;  // one buffer for every word
    const std::size_t stopped = for_each_word_while(text, [&](const Word& word) {
        // Most words cannot match by their first letter alone: those are
        // never normalised or looked up.
        const int first = first_letter_folded(word.raw);
        HighlightTerms::Match match;
        bool is_stop = false;
        if (first < 0 || terms.may_start_with(first)) {
            normalize_word(word.raw, normalized);
            if (normalized.empty()) return true;  // not a word after all (as for_each_word)
            match = terms.match(normalized, stemmer);
            is_stop = match.topic >= 0 && is_stopword(normalized);
        }
        const std::size_t chars = word.char_begin;
        words.push_back({word.begin, word.end, chars, match.topic, match.exact, match});
        stopword.push_back(is_stop);
        if (!limit) return true;
        // One word past the passage, so the snippet knows text follows it.
        if (chars >= stop_at_char) return false;
        if (match.topic >= 0 && !is_stop) {
            matches.push_back(words.size() - 1);
            if (stop_at_char == std::string::npos) {
                const std::size_t start = complete_window_start(words, matches, *limit);
                if (start != std::string::npos) stop_at_char = start + limit->length;
            }
        }
        if (word.begin > kMaxScanBytes) return false;
        return word.begin <= kMatchedScanBytes || matches.empty();
    }, /*normalize=*/false);
    if (whole_text) *whole_text = stopped == text.size();
    unmark_lone_stopwords(words, stopword);
    return words;
}

struct Window {
    std::size_t first = 0;  // index of the first word shown
    std::size_t last = 0;   // index one past the last word shown
};

// The window of at most `length` characters that covers the most distinct
// topics, then has the most matches side by side (a phrase), then the most
// exact forms and matches; the earliest among equals.
Window best_window(const std::vector<WordSpan>& words, std::size_t length) {
    Window best;
    std::size_t best_score = 0;
    for (std::size_t first = 0; first < words.size(); ++first) {
        if (words[first].topic < 0) continue;
        std::set<int> topics;
        std::size_t adjacent = 0, exact = 0, matches = 0;
        std::size_t last = first;
        while (last < words.size() && words[last].char_begin - words[first].char_begin < length) {
            if (words[last].topic >= 0) {
                topics.insert(words[last].topic);
                ++matches;
                exact += words[last].exact;
                adjacent += last > first && words[last - 1].topic >= 0;
            }
            ++last;
        }
        const std::size_t score = topics.size() * 1000 + adjacent * 50 + exact * 5 + matches;
        if (score > best_score) {
            best = {first, last};
            best_score = score;
        }
    }
    if (best_score == 0) {
        while (best.last < words.size() && words[best.last].char_begin < length) ++best.last;
    }
    return best;
}

// Moves the window back so the first match has some context before it,
// preferring to start at the beginning of its sentence.
Window add_leading_context(std::string_view text, const std::vector<WordSpan>& words, Window window,
                           std::size_t length) {
    const std::size_t budget = length / 4;
    const std::size_t anchor = words[window.first].char_begin;
    while (window.first > 0 && anchor - words[window.first - 1].char_begin <= budget) {
        const std::string_view gap = text.substr(words[window.first - 1].end,
                                                 words[window.first].begin - words[window.first - 1].end);
        if (gap.find_first_of(".!?\n") != std::string_view::npos) break;
        --window.first;
    }
    while (window.last > window.first + 1 &&
           words[window.last - 1].char_begin - words[window.first].char_begin > length) {
        --window.last;
    }
    return window;
}

// What the caller wants told about each <mark>, when it asks.
struct SpanSink {
    const HighlightTerms& terms;
    RussianStemmer& stemmer;
    std::vector<MatchSpan>* spans;  // null: not asked

    void add(std::string_view word, const HighlightTerms::Match& match) const {
        if (spans) spans->push_back(terms.explain(word, match, stemmer));
    }
};

void append_marked(std::string& out, std::string_view text, const std::vector<WordSpan>& words,
                   std::size_t first, std::size_t last, std::string_view open, std::string_view close,
                   const SpanSink& sink, std::string_view first_mark_id = {}) {
    std::size_t cursor = words[first].begin;
    bool first_mark = true;
    for (std::size_t i = first; i < last; ++i) {
        append_html_escaped(out, text.substr(cursor, words[i].begin - cursor));
        const std::string_view word = text.substr(words[i].begin, words[i].end - words[i].begin);
        if (words[i].topic < 0) {
            append_html_escaped(out, word);
        } else {
            if (first_mark && !first_mark_id.empty()) {
                out += "<mark id=\"";
                out += first_mark_id;
                out += "\">";
            } else {
                out += open;
            }
            first_mark = false;
            sink.add(word, words[i].match);
            append_html_escaped(out, word);
            out += close;
        }
        cursor = words[i].end;
    }
}

}  // namespace

std::string make_snippet(std::string_view text, const HighlightTerms& terms, RussianStemmer& stemmer,
                         const SnippetOptions& options, std::vector<MatchSpan>* spans) {
    const ScanLimit limit{options.length, terms.topic_count()};
    bool whole_text = true;
    const std::vector<WordSpan> words =
        analyse(text, terms, stemmer, terms.topic_count() > 0 ? &limit : nullptr, &whole_text);
    if (words.empty()) return {};
    Window window = best_window(words, options.length);
    window = add_leading_context(text, words, window, options.length);

    std::string out;
    out.reserve(options.length * 3);
    if (window.first > 0) out += "…";
    append_marked(out, text, words, window.first, window.last, options.mark_open, options.mark_close,
                  SpanSink{terms, stemmer, spans});
    if (window.last < words.size() || !whole_text) {
        // Keep the sentence's closing punctuation when it directly follows.
        const std::size_t end = words[window.last - 1].end;
        if (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?')) out += text[end];
        out += " …";
    } else {
        append_html_escaped(out, text.substr(words.back().end));
    }
    return out;
}

std::string highlight_all(std::string_view text, const HighlightTerms& terms, RussianStemmer& stemmer,
                          std::string_view first_mark_id, std::vector<MatchSpan>* spans) {
    const std::vector<WordSpan> words = analyse(text, terms, stemmer);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    if (words.empty()) return html_escape(text);
    append_html_escaped(out, text.substr(0, words.front().begin));
    append_marked(out, text, words, 0, words.size(), "<mark>", "</mark>", SpanSink{terms, stemmer, spans},
                  first_mark_id);
    append_html_escaped(out, text.substr(words.back().end));
    return out;
}

}  // namespace core
