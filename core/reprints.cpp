#include "core/reprints.h"

#include "core/article.h"
#include "core/data.h"
#include "core/schema.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace core {
namespace {

// How many articles that share a band with a new one are compared with it
// on the live write path.
constexpr Xapian::doccount kMaxLiveCandidates = 64;


// 128 MinHash values estimate a Jaccard similarity to about ±0.04.
constexpr std::size_t kMinHashes = 128;
// Bands of two values over the first 64: two bodies of similarity 0.38 share
// a band with probability 0.993 (1 - (1 - 0.38²)^32); unrelated ones almost never.
constexpr std::size_t kBands = 32;
constexpr std::size_t kBandRows = 2;
// Fewer words than this and a body is too short for a MinHash signature: a
// two-line post has too few word pairs, and would match by chance. Such a
// short post (from kMinShortWords words) is a copy only of the same words in
// the same order, published within kShortWindowDays: the same one-line alert
// reposted by other channels within minutes.
constexpr std::size_t kMinWords = 8;
constexpr std::size_t kMinShortWords = 4;
constexpr std::int32_t kShortWindowDays = 1;
// Fewer word pairs of its own (not common across the archive) than this and
// a body is not compared either: an RT page whose body is its disclaimer.
constexpr std::size_t kMinOwnPairs = 3;
// The opening: its first word pairs, looked for among the other's first 39.
constexpr std::size_t kOpeningPairs = 19;
constexpr std::size_t kStoredOpeningPairs = 39;
// Chosen on the development half of tests/data/reprints (see its README).
constexpr double kSimilarityThreshold = 0.38;
// More than half of one's opening in the other's (11 of 19 pairs): a copy
// whose lead was edited keeps most of it; a follow-up opens with new text.
constexpr double kOpeningThreshold = 0.55;
// ... unless the bodies share two thirds of their word pairs (about four fifths
// of each body): then the text is mostly the same whatever its lead, a copy
// whose lead was rewritten. On the development pairs the follow-ups under a
// new lead stand at most at 0.64 (chosen there; 0.7 gains one copy of three).
constexpr double kSameTextSimilarity = 0.65;
constexpr double kNumberThreshold = 0.6;
// A copy is most of both texts: the shorter must cover at least this share of
// the longer body's own word pairs. A post that is one sentence of a post
// twice its length («Шольц прибыл в Киев» in a post that adds what he will
// announce), or «Ещё кадры с места ДТП» with a new line, covers less. Below
// one half, as the MinHash estimate over a short post's 10-20 word pairs is
// coarse (chosen on the development pairs: 0.45 removes three of seven false
// merges and two of 291 copies).
constexpr double kMinLongerCoverage = 0.45;
// Copies of a story appear within a day (other channels repost it within
// minutes or hours); past this many days apart only a near-verbatim body (a
// repost of an old text, an advertisement posted again) is still a copy: what
// resembles a text days later is a reminder, a template post or a follow-up.
constexpr std::int32_t kDateWindowDays = 1;
constexpr double kVerbatimSimilarity = 0.75;
// ... and only a text of some length: days apart, a post of a sentence or two
// that resembles another is the same template for a new event (an air-raid
// alert, the mayor's drone post, «Госдума приняла» then «Путин подписал»
// with the rest kept), while an advertisement or an article reposted weeks
// later is long. On the development pairs the far-apart false merges hold at
// most 28 own word pairs, the far-apart copies at least 32 (or are word for
// word the same). Chosen on the development pairs (tests/data/reprints).
constexpr std::uint32_t kMinLateCopyPairs = 30;
// A short post repeated word for word is a repost: a template for a new
// event changes at least a word (a figure, a place, who acted).
constexpr double kIdenticalSimilarity = 0.95;
// Numbers compared: the first distinct ones, enough for a post's figures.
constexpr std::size_t kMaxNumbers = 24;
// A figure slot keeps 12 bits of the figure's hash (a chance of 1 in 4096
// that two different figures look the same) and 20 of its context's.
constexpr std::uint32_t kFigureBits = 0xFFF;
// A figure after a preposition («в 2023», «по 30», «с 1») has no context: a
// copy that cuts one sentence and keeps another can hold «в 11» and «в 2024»,
// while «составляет 96,9» or «Часть 14» name the figure's place in a template.
constexpr std::size_t kMinContextChars = 3;
constexpr std::size_t kMinNumbers = 1;
// Word pairs found in at least this many texts of bench-news's 32,828 count
// for nothing (chosen on the development half of tests/data/reprints).
constexpr long kCommonPairTexts = 100;
// A channel footer is a few words: «❤ Подписаться | Прислать новость».
constexpr std::size_t kMaxFooterWords = 8;
// Names compared: the first distinct ones, by their first three letters, so
// that case endings and spellings («Раздольное» / «Раздольного», «Белоруссии» /
// «Беларуси») do not count; only names after the same word are compared.
constexpr std::size_t kMaxNames = 32;
// A digest: a body with at least this many list items (lines of at least
// kMinItemWords words opened by a bullet, a dash, an emoji or a number). Two
// digests are copies only when the shorter covers at least
// kMinDigestCoverage of the longer's own word pairs: a copy keeps nearly all
// items, two channels' digests of one speech share about half. Chosen on the
// development pairs (see tests/data/reprints/README.md).
constexpr std::uint32_t kMinDigestItems = 4;
constexpr std::size_t kMinItemWords = 4;
constexpr double kMinDigestCoverage = 0.7;
constexpr std::size_t kNameChars = 3;
// A short body (fewer own word pairs than this) that names someone or
// somewhere the other does not, while the other names someone or somewhere
// it does not, is the same template for another village, person or team.
// In longer bodies a rewritten copy does the same. A run of names is one
// place, so «Финляндии Александр Стубб» and «Финляндии Стубб» agree. On the development
// pairs the limit of 10 or 16 removes the one false merge of this kind (8
// pairs) and no copy; 24 or none also cost a copy. Chosen there.
constexpr std::uint32_t kMaxNameConflictPairs = 16;
// The new-lead check (new_lead()): a shorter post of fewer own word pairs
// than this, held whole in its opening, against one at least kNewLeadLonger
// times its size (a statement added) that opens with kLeadPairs word pairs
// none of which the shorter holds. Chosen on the 877 development pairs
// (limits 16, 20, 24; ratios 1.0, 1.3, 1.5; leads of 6 or 8 pairs): 20, 1.3
// and 8 remove four of 13 false merges (a post's second statement reposted
// alone under its own lead) and cost one copy of that very shape, labelled
// `copy` in pairs4.tsv where pairs3.tsv labels its twin `not`. A source or a
// name written before a copy («Путин:») leaves most of the lead in place.
constexpr std::uint32_t kMaxNewLeadPairs = 20;
constexpr double kNewLeadLonger = 1.3;
constexpr std::size_t kLeadPairs = 8;
constexpr int kMaxLeadFound = 0;

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Multiply-shift hash functions, fixed so that signatures stay comparable
// across index generations.
struct HashFamily {
    std::uint64_t a[kMinHashes];
    std::uint64_t b[kMinHashes];
    HashFamily() {
        std::uint64_t state = 17;
        for (std::size_t i = 0; i < kMinHashes; ++i) {
            a[i] = splitmix(state) | 1;
            b[i] = splitmix(state);
        }
    }
};

const HashFamily& hash_family() {
    static const HashFamily family;
    return family;
}

// A figure: digits, or a cardinal number written as a word («три», «восьми»).
bool is_number(const std::string& word) {
    static const std::unordered_set<std::string> number_words = [] {
        const std::vector<std::string> words = data::words(data::kNumberWords);
        return std::unordered_set<std::string>(words.begin(), words.end());
    }();
    return word.find_first_of("0123456789") != std::string::npos || number_words.count(word) > 0;
}

std::uint64_t pair_hash(const std::string& first, const std::string& second) {
    return fnv1a(second, fnv1a(" ", fnv1a(first)));
}

// Word pairs found in so many texts of an archive that sharing them says
// nothing (see core/data/common_word_pairs.txt): left out of a signature, so
// that two texts sharing only a footer, a disclaimer or everyday phrasing do
// not look alike, while copies still share their own wording.
const std::unordered_set<std::uint64_t>& common_pairs() {
    static const std::unordered_set<std::uint64_t> pairs = [] {
        std::unordered_set<std::uint64_t> out;
        for (std::string_view line : data::lines(data::kCommonWordPairs)) {
            const std::size_t space = line.find(' ');
            const std::size_t tab = line.find('\t');
            if (space == std::string_view::npos || tab == std::string_view::npos || tab < space) continue;
            if (std::atol(std::string(line.substr(tab + 1)).c_str()) < kCommonPairTexts) continue;
            out.insert(pair_hash(std::string(line.substr(0, space)), std::string(line.substr(space + 1, tab - space - 1))));
        }
        return out;
    }();
    return pairs;
}

bool is_digits(const std::string& word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// memmem, not string_view::find: find stops at every byte equal to the
// needle's first, and a Cyrillic needle's first byte (0xD0, 0xD1) starts
// every other letter of a Russian line.
bool contains(std::string_view text, std::string_view what) {
    return ::memmem(text.data(), text.size(), what.data(), what.size()) != nullptr;
}

// Only a '[' or an 'h' can start a link.
bool may_start_link(char c) { return c == '[' || c == 'h'; }

// `[text](url)` becomes `text`; bare URLs are dropped. The text between the
// bytes that may start a link is copied in runs.
std::string without_links(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (std::size_t at = 0; at < line.size();) {
        std::size_t run = at;
        while (run < line.size() && !may_start_link(line[run])) ++run;
        out.append(line.substr(at, run - at));
        at = run;
        if (at == line.size()) break;
        if (line[at] == '[') {
            const std::size_t close = line.find("](", at);
            const std::size_t end = close == std::string_view::npos ? close : line.find(')', close);
            if (end != std::string_view::npos && line.substr(at, close - at).find('\n') == std::string_view::npos) {
                out.append(line.substr(at + 1, close - at - 1));
                out.push_back(' ');
                at = end + 1;
                continue;
            }
        }
        if (line.compare(at, 7, "http://") == 0 || line.compare(at, 8, "https://") == 0) {
            while (at < line.size() && line[at] != ' ' && line[at] != ')') ++at;
            continue;
        }
        out.push_back(line[at++]);
    }
    return out;
}

bool has_word(std::string_view text) {
    bool found = false;
    for_each_word_while(text, [&](const Word&) { return !(found = true); }, false);
    return found;
}

std::size_t word_count(std::string_view text) {
    std::size_t count = 0;
    for_each_word_while(text, [&](const Word&) { return ++count > 0; }, false);
    return count;
}

bool only_hashtags(std::string_view line) {
    bool any = false;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && line[at] == ' ') ++at;
        if (at >= line.size()) break;
        if (line[at] != '#') return false;
        any = true;
        while (at < line.size() && line[at] != ' ') ++at;
    }
    return any;
}

// Lines a channel or agency adds to every text: they say nothing about the story.
bool is_boilerplate(std::string_view line) {
    const std::string folded = normalize_text(line);
    const bool has_link = contains(folded, "t.me") || contains(folded, "http");
    // «Подписаться», «Подписывайся на …»: a link, or a short line once Markdown was read.
    if (contains(folded, "подпис") && (has_link || word_count(line) <= kMaxFooterWords)) return true;
    if (contains(folded, "прислать новость") || contains(folded, "без vpn")) return true;
    if (folded.rfind("ссылка на новость", 0) == 0) return true;
    if (only_hashtags(line)) return true;
    // A line that is only a link (its text included), e.g. «Читать далее».
    std::string stripped;
    for (std::size_t at = 0; at < line.size();) {
        const std::size_t open = line.find('[', at);
        const std::size_t close = open == std::string_view::npos ? open : line.find("](", open);
        const std::size_t end = close == std::string_view::npos ? close : line.find(')', close);
        if (end == std::string_view::npos) {
            stripped.append(line.substr(at));
            break;
        }
        stripped.append(line.substr(at, open - at));
        at = end + 1;
    }
    return !has_word(without_links(stripped));
}

// A paragraph after the lead that opens with «Ранее …» or «Напомним, …»
// recalls an earlier story: a follow-up carries it under its new lead, so it
// says nothing about whether two texts are copies (a copy keeps the lead).
bool is_background(std::string_view line) {
    // The first word as the tokenizer reads it, so that «Ранее or — Напомним
    // (any quote mark, dash or emoji before it) is found too.
    std::string first;
    for_each_word_while(line, [&](const Word& word) {
        first = word.normalized;
        return false;
    });
    return first == "ранее" || first == "напомним";
}

// `МОСКВА, 5 мар — РИА Новости.` at the start of a text.
std::size_t dateline_length(std::string_view line) {
    const std::size_t stop = line.find('.');
    if (stop == std::string_view::npos || stop > 120) return 0;
    const std::string_view head = line.substr(0, stop);
    const std::size_t comma = head.find(", ");
    if (comma == std::string_view::npos || comma + 2 >= head.size()) return 0;
    if (!std::isdigit(static_cast<unsigned char>(head[comma + 2]))) return 0;
    if (!contains(head, "—") && !contains(head, "–") && !contains(head, " - ")) return 0;
    const std::size_t first_space = head.find_first_of(" ,");
    if (!is_all_caps(head.substr(0, first_space))) return 0;
    return stop + 1;
}

bool is_letter(const Word& word) {
    return utf8_length(word.raw) == 1 && word.normalized.find_first_of("0123456789") == std::string::npos;
}

// A name and the word before it, in its line.
struct NameInPlace {
    std::string context;
    std::string name;
};

// What read_body() notes beside the words: the names in their places, the
// words that are the decimal part of a figure («114,4»: the index of `4`),
// and how many lines are list items.
struct BodyMarks {
    std::vector<NameInPlace> names;
    std::vector<std::size_t> fractions;
    std::uint32_t items = 0;
};

// Whether a line opens as a list item: a dash, a bullet, an emoji or another
// symbol, or a number followed by «.» or «)» (Markdown's bold and italic
// markers before it do not count).
bool opens_as_item(std::string_view line) {
    std::size_t at = line.find_first_not_of(" \t*_");
    if (at == std::string_view::npos) return false;
    const auto lead = static_cast<unsigned char>(line[at]);
    if (std::isdigit(lead)) {
        while (at < line.size() && std::isdigit(static_cast<unsigned char>(line[at]))) ++at;
        return at < line.size() && (line[at] == '.' || line[at] == ')');
    }
    if (lead < 0x80) return lead == '-' || lead == '+' || lead == '>';
    UChar32 c = 0;
    auto i = static_cast<int32_t>(at);
    U8_NEXT(line.data(), i, static_cast<int32_t>(line.size()), c);
    // Quote marks open a quotation, not an item.
    return c >= 0 && !u_isalnum(c) && c != 0x00AB && c != 0x201E && c != 0x201C;
}

// Whether the word opens a sentence: the first of its line, or after a
// sentence's end or a colon. After a quote mark it does not: «Внуково»,
// «Валдай» are names.
bool opens_sentence(std::string_view line, std::size_t previous_end, const Word& word) {
    if (previous_end == 0) return true;
    const std::string_view gap = line.substr(previous_end, word.begin - previous_end);
    for (std::string_view mark : {".", "!", "?", ":", "…"}) {
        if (contains(gap, mark)) return true;
    }
    return false;
}

// The line's words, an abbreviation written with dots («S.T.A.L.K.E.R.»,
// «т.е.») as one word: letter by letter, it would make a run of word pairs
// that two posts naming it share whatever else they say. With `names`, also
// the capitalised words of more than one letter that do not open a sentence
// and are not written in capitals: an abbreviation is as often the source a
// copy names in its own way («ТАСС», «СМИ») or a synonym («РФ», «КНР») as
// another organisation.
void add_words(std::string_view line, std::vector<std::string>& words, BodyMarks* marks) {
    bool joining = false;  // the last word is a letter with a dot, and a word follows the dot
    std::size_t previous_end = 0;
    std::string previous;     // the word before, in this line
    std::string before_name;  // the word before the current run of names
    bool in_name = false;
    for_each_word(line, [&](const Word& word) {
        const bool letter = is_letter(word);
        if (joining && letter) {
            words.back() += word.normalized;
        } else {
            words.push_back(word.normalized);
        }
        const bool name = word.capitalized && !letter && !is_all_caps(word.raw) && !opens_sentence(line, previous_end, word);
        // A run of names («Джейк Салливан», «Башара Асада») has the word before
        // the run as its context: a copy may keep only the surname.
        if (name && !in_name) before_name = previous;
        if (marks && name) marks->names.push_back({before_name, word.normalized});
        // «114,4»: digits after digits and a comma or a dot, with no space.
        const std::string_view gap = line.substr(previous_end, word.begin - previous_end);
        if (marks && (gap == "," || gap == ".") && is_digits(previous) && is_digits(word.normalized)) {
            marks->fractions.push_back(words.size() - 1);
        }
        in_name = name;
        previous = word.normalized;
        previous_end = word.end;
        joining = letter && word.end + 1 < line.size() && line[word.end] == '.' && line[word.end + 1] != ' ';
    });
}

std::vector<std::string> read_body(std::string_view body, BodyMarks* marks) {
    std::vector<std::string> words;
    bool first_line = true;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = body.substr(start, end - start);
        start = end + 1;
        if (!has_word(line) || is_boilerplate(line) || (!first_line && is_background(line))) continue;
        if (first_line) line.remove_prefix(dateline_length(line));
        first_line = false;
        if (marks && opens_as_item(line) && word_count(line) >= kMinItemWords) ++marks->items;
        add_words(without_links(line), words, marks);
    }
    return words;
}

}  // namespace

std::vector<std::string> reprint_words(std::string_view body) { return read_body(body, nullptr); }

std::int32_t publication_day(std::string_view date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') return ReprintSignature::kUndated;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (char c : date.substr(starts[i], lengths[i])) {
            if (!std::isdigit(static_cast<unsigned char>(c))) return ReprintSignature::kUndated;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const std::chrono::year_month_day ymd{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                                          std::chrono::day{static_cast<unsigned>(parts[2])}};
    if (!ymd.ok()) return ReprintSignature::kUndated;
    return static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

namespace {

// A short post's signature: every MinHash value is a hash of its whole word
// sequence, so only the same words in the same order are alike (similarity
// 1) and they share every band; its opening has fewer pairs than a full
// body's, which is how is_short() tells it apart.
ReprintSignature short_signature(const std::vector<std::string>& words, std::int32_t day) {
    ReprintSignature signature;
    signature.day = day;
    std::uint64_t whole = 0;
    for (const std::string& word : words) whole = whole * 1099511628211ULL ^ fnv1a(word);
    const HashFamily& family = hash_family();
    signature.minhash.resize(kMinHashes);
    for (std::size_t h = 0; h < kMinHashes; ++h) {
        signature.minhash[h] = static_cast<std::uint32_t>((whole * family.a[h] + family.b[h]) >> 32);
    }
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        signature.opening.push_back(static_cast<std::uint32_t>(pair_hash(words[i], words[i + 1]) >> 32));
    }
    return signature;
}

bool is_short(const ReprintSignature& s) { return !s.minhash.empty() && s.opening.size() + 1 < kMinWords; }

// A figure's slot: the word before its run of figures in the high bits
// («составляет 96,9», «Итоги — 18 октября», «Часть 14»), the figure in the low.
// On the development pairs no copy had a conflicting figure after a word of
// three letters or more, while most template posts did (see tests/data/reprints/README.md).
std::uint32_t figure_slot(std::uint64_t context, std::uint64_t figure) {
    // FNV's bits are poorly mixed for short words («16», «23»): mix them first.
    const auto mixed = [](std::uint64_t hash) { return static_cast<std::uint32_t>(splitmix(hash)); };
    return (mixed(context) & ~kFigureBits) | (mixed(figure) & kFigureBits);
}

// The body's figures (the first kMaxNumbers distinct ones) and, for each run
// of figures, the word it follows.
void add_figures(const std::vector<std::string>& words, ReprintSignature& signature) {
    std::uint64_t context = 0;
    bool in_run = false, has_context = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        // Both lists full: the rest of a long article adds nothing.
        if (signature.numbers.size() >= kMaxNumbers && signature.figure_slots.size() >= kMaxNumbers) break;
        if (!is_number(words[i])) {
            in_run = false;
            continue;
        }
        if (!in_run) {
            in_run = true;
            has_context = i > 0 && utf8_length(words[i - 1]) >= kMinContextChars;
            if (has_context) context = fnv1a(words[i - 1]);
        }
        std::string word = words[i];
        // «$2 800» is the figure of «$2800»: digit groups after a space join it.
        while (is_digits(word) && i + 1 < words.size() && words[i + 1].size() == 3 && is_digits(words[i + 1])) word += words[++i];
        const std::uint64_t full = fnv1a(word);
        const auto hash = static_cast<std::uint32_t>(full >> 32);
        if (signature.numbers.size() < kMaxNumbers &&
            std::find(signature.numbers.begin(), signature.numbers.end(), hash) == signature.numbers.end()) {
            signature.numbers.push_back(hash);
        }
        if (has_context && signature.figure_slots.size() < kMaxNumbers) signature.figure_slots.push_back(figure_slot(context, full));
    }
    std::sort(signature.numbers.begin(), signature.numbers.end());
    std::sort(signature.figure_slots.begin(), signature.figure_slots.end());
    signature.figure_slots.erase(std::unique(signature.figure_slots.begin(), signature.figure_slots.end()),
                                 signature.figure_slots.end());
}

// The body's figures with their decimal parts joined («114,4», «5,627,676»)
// and their thousands groups too («2 800»), the first kMaxNumbers distinct:
// `fractions` are the words that continue a figure after a comma or a dot.
void add_whole_figures(const std::vector<std::string>& words, const std::vector<std::size_t>& fractions,
                       ReprintSignature& signature) {
    signature.has_whole_figures = true;
    // Without a decimal they are the figures already read: most bodies.
    if (fractions.empty()) {
        signature.whole_figures = signature.numbers;
        return;
    }
    const auto is_fraction = [&](std::size_t i) { return std::binary_search(fractions.begin(), fractions.end(), i); };
    for (std::size_t i = 0; i < words.size() && signature.whole_figures.size() < kMaxNumbers; ++i) {
        if (!is_number(words[i])) continue;
        std::string figure = words[i];
        while (i + 1 < words.size() && is_digits(words[i + 1])) {
            if (is_fraction(i + 1)) {
                figure += ',';
            } else if (!is_digits(figure) || words[i + 1].size() != 3) {
                break;
            }
            figure += words[++i];
        }
        const auto hash = static_cast<std::uint32_t>(fnv1a(figure) >> 32);
        if (std::find(signature.whole_figures.begin(), signature.whole_figures.end(), hash) == signature.whole_figures.end()) {
            signature.whole_figures.push_back(hash);
        }
    }
    std::sort(signature.whole_figures.begin(), signature.whole_figures.end());
}

// The body's names after a word of some length (the first kMaxNames
// distinct), each as a slot like a figure's: the word before its run of names
// in the high bits («пункт Раздольное»), the name's first kNameChars letters
// in the low.
void add_names(const std::vector<NameInPlace>& names, ReprintSignature& signature) {
    for (const NameInPlace& in_place : names) {
        if (utf8_length(in_place.context) < kMinContextChars) continue;
        const std::uint32_t slot = figure_slot(fnv1a(in_place.context), fnv1a(utf8_prefix(in_place.name, kNameChars)));
        if (std::find(signature.names.begin(), signature.names.end(), slot) != signature.names.end()) continue;
        signature.names.push_back(slot);
        if (signature.names.size() >= kMaxNames) break;
    }
    std::sort(signature.names.begin(), signature.names.end());
}

}  // namespace

ReprintSignature reprint_signature(std::string_view body, std::string_view date) {
    ReprintSignature signature;
    signature.day = publication_day(date);
    BodyMarks marks;
    const std::vector<std::string> words = read_body(body, &marks);
    if (words.size() < kMinShortWords) return signature;
    if (words.size() < kMinWords) return short_signature(words, signature.day);
    const HashFamily& family = hash_family();
    signature.minhash.assign(kMinHashes, UINT32_MAX);
    std::unordered_set<std::uint64_t> seen;
    const std::unordered_set<std::uint64_t>& common = common_pairs();
    std::size_t own_pairs = 0;
    add_figures(words, signature);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::uint64_t pair = pair_hash(words[i], words[i + 1]);
        if (i < kStoredOpeningPairs) signature.opening.push_back(static_cast<std::uint32_t>(pair >> 32));
        if (common.count(pair) || !seen.insert(pair).second) continue;
        ++own_pairs;
        for (std::size_t h = 0; h < kMinHashes; ++h) {
            const auto value = static_cast<std::uint32_t>((pair * family.a[h] + family.b[h]) >> 32);
            signature.minhash[h] = std::min(signature.minhash[h], value);
        }
    }
    // A body of nothing but common wording (an RT page whose text is its
    // disclaimer) has nothing of its own to compare.
    if (own_pairs < kMinOwnPairs) {
        ReprintSignature none;
        none.day = signature.day;
        return none;
    }
    signature.own_pairs = static_cast<std::uint32_t>(own_pairs);
    add_names(marks.names, signature);
    add_whole_figures(words, marks.fractions, signature);
    signature.items = marks.items;
    return signature;
}

double body_similarity(const ReprintSignature& a, const ReprintSignature& b) {
    if (a.empty() || b.empty() || a.minhash.size() != b.minhash.size()) return 0;
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.minhash.size(); ++i) same += a.minhash[i] == b.minhash[i];
    return static_cast<double>(same) / static_cast<double>(a.minhash.size());
}

namespace {
// longer_coverage() and published_close() for a similarity already computed:
// is_reprint() computes it once for all its checks.
double coverage_at(const ReprintSignature& a, const ReprintSignature& b, double similarity) {
    if (a.own_pairs == 0 || b.own_pairs == 0) return 1;
    // |A ∩ B| = J (|A| + |B|) / (1 + J)
    const double shared = similarity * (a.own_pairs + b.own_pairs) / (1 + similarity);
    return std::min(1.0, shared / std::max(a.own_pairs, b.own_pairs));
}

bool close_at(const ReprintSignature& a, const ReprintSignature& b, double similarity) {
    const bool short_post = is_short(a) || is_short(b);
    if (a.day == ReprintSignature::kUndated || b.day == ReprintSignature::kUndated) return !short_post;
    const std::int64_t apart = std::abs(static_cast<std::int64_t>(a.day) - b.day);
    if (short_post) return apart <= kShortWindowDays;
    if (apart <= kDateWindowDays) return true;
    // A size of 0 is unknown (stored before sizes were kept): judged as before.
    const bool long_enough = std::min(a.own_pairs, b.own_pairs) >= kMinLateCopyPairs || a.own_pairs == 0 || b.own_pairs == 0;
    return (similarity >= kVerbatimSimilarity && long_enough) || similarity >= kIdenticalSimilarity;
}
}  // namespace

double longer_coverage(const ReprintSignature& a, const ReprintSignature& b) {
    return coverage_at(a, b, body_similarity(a, b));
}

namespace {
double opening_found(const ReprintSignature& a, const ReprintSignature& b) {
    const std::size_t count = std::min(a.opening.size(), kOpeningPairs);
    if (count == 0) return 0;
    std::size_t found = 0;
    for (std::size_t i = 0; i < count; ++i) {
        found += std::find(b.opening.begin(), b.opening.end(), a.opening[i]) != b.opening.end();
    }
    return static_cast<double>(found) / static_cast<double>(count);
}
}  // namespace

double opening_overlap(const ReprintSignature& a, const ReprintSignature& b) {
    return std::max(opening_found(a, b), opening_found(b, a));
}

double number_agreement(const ReprintSignature& a, const ReprintSignature& b) {
    const bool whole = a.has_whole_figures && b.has_whole_figures;
    const std::vector<std::uint32_t>& first = whole ? a.whole_figures : a.numbers;
    const std::vector<std::uint32_t>& second = whole ? b.whole_figures : b.numbers;
    if (first.size() < kMinNumbers || second.size() < kMinNumbers) return 1;
    std::vector<std::uint32_t> shared;
    std::set_intersection(first.begin(), first.end(), second.begin(), second.end(), std::back_inserter(shared));
    return static_cast<double>(shared.size()) / static_cast<double>(std::min(first.size(), second.size()));
}

bool digests_differ(const ReprintSignature& a, const ReprintSignature& b) {
    return std::min(a.items, b.items) >= kMinDigestItems && longer_coverage(a, b) < kMinDigestCoverage;
}

namespace {
// Whether a context holds slots in both lists but none in common (both sorted).
bool slots_conflict(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    // Both lists are sorted, so a context's slots stand together.
    for (std::size_t i = 0; i < a.size();) {
        const std::uint32_t context = a[i] & ~kFigureBits;
        std::size_t end = i;
        while (end < a.size() && (a[end] & ~kFigureBits) == context) ++end;
        const auto first = std::lower_bound(b.begin(), b.end(), context);
        const auto last = std::upper_bound(first, b.end(), context | kFigureBits);
        if (first != last) {
            bool shared = false;
            for (auto it = first; it != last && !shared; ++it) {
                shared = std::binary_search(a.begin() + static_cast<std::ptrdiff_t>(i),
                                            a.begin() + static_cast<std::ptrdiff_t>(end), *it);
            }
            if (!shared) return true;
        }
        i = end;
    }
    return false;
}

}  // namespace

bool figures_conflict(const ReprintSignature& a, const ReprintSignature& b) {
    return slots_conflict(a.figure_slots, b.figure_slots);
}

bool names_conflict(const ReprintSignature& a, const ReprintSignature& b) {
    if (a.own_pairs == 0 || b.own_pairs == 0 || std::min(a.own_pairs, b.own_pairs) >= kMaxNameConflictPairs) return false;
    return slots_conflict(a.names, b.names);
}

int lead_found(const ReprintSignature& a, const ReprintSignature& b, std::size_t lead_pairs) {
    const bool a_shorter = a.own_pairs < b.own_pairs || (a.own_pairs == b.own_pairs && a.opening.size() <= b.opening.size());
    const ReprintSignature& shorter = a_shorter ? a : b;
    const ReprintSignature& longer = a_shorter ? b : a;
    if (shorter.opening.size() >= kStoredOpeningPairs) return -1;
    int found = 0;
    for (std::size_t i = 0; i < std::min(lead_pairs, longer.opening.size()); ++i) {
        found += std::find(shorter.opening.begin(), shorter.opening.end(), longer.opening[i]) != shorter.opening.end();
    }
    return found;
}

bool new_lead(const ReprintSignature& a, const ReprintSignature& b) {
    const std::uint32_t shorter = std::min(a.own_pairs, b.own_pairs);
    if (shorter == 0 || shorter >= kMaxNewLeadPairs || std::max(a.own_pairs, b.own_pairs) < kNewLeadLonger * shorter) return false;
    const int found = lead_found(a, b, kLeadPairs);
    return found >= 0 && found <= kMaxLeadFound;
}

bool is_reprint(const ReprintSignature& a, const ReprintSignature& b) {
    const double similarity = body_similarity(a, b);
    return similarity >= kSimilarityThreshold && coverage_at(a, b, similarity) >= kMinLongerCoverage &&
           (similarity >= kSameTextSimilarity || opening_overlap(a, b) >= kOpeningThreshold) &&
           number_agreement(a, b) >= kNumberThreshold && !figures_conflict(a, b) && !names_conflict(a, b) &&
           !new_lead(a, b) && !digests_differ(a, b) && close_at(a, b, similarity);
}

bool published_close(const ReprintSignature& a, const ReprintSignature& b) {
    return close_at(a, b, body_similarity(a, b));
}

std::string ReprintSignature::serialize() const {
    std::string out;
    const auto put = [&out](std::uint32_t value) {
        for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
    };
    for (const std::vector<std::uint32_t>* values : {&minhash, &opening, &numbers}) {
        put(static_cast<std::uint32_t>(values->size()));
        for (std::uint32_t value : *values) put(value);
    }
    // Last, so that a signature stored before dates were kept reads as
    // undated; the figure slots after it, so one stored before them has none.
    // The size after them, so one stored before sizes were kept has none.
    const bool sized = own_pairs > 0;
    if (day != kUndated || !figure_slots.empty() || sized) put(static_cast<std::uint32_t>(day));
    if (!figure_slots.empty() || sized) {
        put(static_cast<std::uint32_t>(figure_slots.size()));
        for (std::uint32_t value : figure_slots) put(value);
    }
    if (sized) put(own_pairs);
    // After the size, so that one stored before names were kept has none; and
    // after them the whole figures and the items, so that one stored before
    // those has none (a reader that knows only the names stops there).
    if (sized && (!names.empty() || has_whole_figures)) {
        put(static_cast<std::uint32_t>(names.size()));
        for (std::uint32_t value : names) put(value);
    }
    if (sized && has_whole_figures) {
        put(static_cast<std::uint32_t>(whole_figures.size()));
        for (std::uint32_t value : whole_figures) put(value);
        put(items);
    }
    return out;
}

ReprintSignature ReprintSignature::parse(std::string_view bytes) {
    ReprintSignature signature;
    std::size_t at = 0;
    const auto get = [&](std::uint32_t& value) {
        if (at + 4 > bytes.size()) return false;
        value = 0;
        for (int i = 0; i < 4; ++i) value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
        at += 4;
        return true;
    };
    for (std::vector<std::uint32_t>* values : {&signature.minhash, &signature.opening, &signature.numbers}) {
        std::uint32_t count = 0;
        if (!get(count) || count > kMinHashes) return {};
        values->resize(count);
        for (std::uint32_t& value : *values) {
            if (!get(value)) return {};
        }
    }
    if (std::uint32_t day = 0; get(day)) signature.day = static_cast<std::int32_t>(day);
    if (std::uint32_t count = 0; get(count)) {
        if (count > kMaxNumbers) return {};
        signature.figure_slots.resize(count);
        for (std::uint32_t& value : signature.figure_slots) {
            if (!get(value)) return {};
        }
    }
    if (std::uint32_t size = 0; get(size)) signature.own_pairs = size;
    if (std::uint32_t count = 0; get(count)) {
        if (count > kMaxNames) return {};
        signature.names.resize(count);
        for (std::uint32_t& value : signature.names) {
            if (!get(value)) return {};
        }
    }
    if (std::uint32_t count = 0; get(count)) {
        if (count > kMaxNumbers) return {};
        signature.whole_figures.resize(count);
        for (std::uint32_t& value : signature.whole_figures) {
            if (!get(value)) return {};
        }
        signature.has_whole_figures = true;
        if (!get(signature.items)) return {};
    }
    return signature;
}

std::vector<std::string> band_terms(const ReprintSignature& signature) {
    std::vector<std::string> terms;
    if (signature.minhash.size() < kBands * kBandRows) return terms;
    static const char* const hex = "0123456789abcdef";
    for (std::size_t band = 0; band < kBands; ++band) {
        std::uint64_t hash = 14695981039346656037ull;
        for (std::size_t row = 0; row < kBandRows; ++row) {
            const std::uint32_t value = signature.minhash[band * kBandRows + row];
            hash = fnv1a(std::string_view(reinterpret_cast<const char*>(&value), sizeof value), hash);
        }
        std::string term = schema::kReprintBandPrefix;
        term.push_back(hex[band / 16]);
        term.push_back(hex[band % 16]);
        for (int shift = 60; shift >= 0; shift -= 4) term.push_back(hex[(hash >> shift) & 0xF]);
        terms.push_back(std::move(term));
    }
    return terms;
}

void add_reprint_signature(Xapian::Document& doc, const ReprintSignature& signature) {
    if (signature.empty()) return;
    doc.add_value(schema::kReprintSignatureSlot, signature.serialize());
    for (const std::string& term : band_terms(signature)) doc.add_boolean_term(term);
}

ReprintSignature stored_signature(const Xapian::Document& doc) {
    return ReprintSignature::parse(doc.get_value(schema::kReprintSignatureSlot));
}

std::string cluster_term(const std::string& key) { return schema::kClusterPrefix + key; }

namespace {

void remove_term_if_present(Xapian::Document& doc, const std::string& term) {
    try {
        doc.remove_term(term);
    } catch (const Xapian::InvalidArgumentError&) {
        // Not in this document's term list (absent, or a document read back without one).
    }
}

}  // namespace

void set_cluster(Xapian::Document& doc, const std::string& id, const std::string& key) {
    const std::string old = doc.get_value(schema::kClusterSlot);
    if (!old.empty()) {
        remove_term_if_present(doc, cluster_term(old));
        if (old != id) remove_term_if_present(doc, schema::kJoinedCopyTerm);
    }
    doc.add_value(schema::kClusterSlot, key);
    doc.add_boolean_term(cluster_term(key));
    if (key != id) doc.add_boolean_term(schema::kJoinedCopyTerm);
}

std::string choose_cluster(const std::string& id, const ReprintSignature& signature,
                           const std::vector<ReprintCandidate>& candidates,
                           const std::function<bool(const std::string&)>& key_taken) {
    const ReprintCandidate* best = nullptr;
    double best_similarity = 0;
    for (const ReprintCandidate& candidate : candidates) {
        if (candidate.id == id || !is_reprint(signature, candidate.signature)) continue;
        const double similarity = body_similarity(signature, candidate.signature);
        // In reach of two clusters: the most similar copy wins, then the smaller key.
        if (!best || similarity > best_similarity ||
            (similarity == best_similarity && candidate.cluster < best->cluster)) {
            best = &candidate;
            best_similarity = similarity;
        }
    }
    if (best) return best->cluster;
    std::string key = id;
    for (int n = 2; key_taken(key); ++n) key = id + "~" + std::to_string(n);
    return key;
}

std::string assign_cluster(const Xapian::Database& db, const std::string& id, Xapian::Document& doc) {
    const ReprintSignature signature = stored_signature(doc);
    std::vector<ReprintCandidate> candidates;
    const std::vector<std::string> bands = band_terms(signature);
    if (!bands.empty()) {
        // The articles sharing the most (and the rarest) bands first, and only
        // so many: a template text shares its bands with thousands, and a
        // write must not read them all.
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()));
        const Xapian::MSet matches = enquire.get_mset(0, kMaxLiveCandidates);
        for (auto it = matches.begin(); it != matches.end(); ++it) {
            const Xapian::Document other = it.get_document();
            ReprintCandidate candidate;
            candidate.id = deserialize_article(other.get_data()).id;
            candidate.cluster = other.get_value(schema::kClusterSlot);
            candidate.signature = stored_signature(other);
            if (candidate.cluster.empty()) candidate.cluster = candidate.id;
            candidates.push_back(std::move(candidate));
        }
    }
    // A key is taken when some article other than this one carries it.
    const auto key_taken = [&](const std::string& key) {
        const std::string term = cluster_term(key);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            if (deserialize_article(db.get_document(*it).get_data()).id != id) return true;
        }
        return false;
    };
    const std::string key = choose_cluster(id, signature, candidates, key_taken);
    set_cluster(doc, id, key);
    return key;
}

bool published_earlier(const PublishedAt& a, const PublishedAt& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    if (a.time != b.time) return a.time < b.time;
    return a.id < b.id;
}

std::vector<Copy> cluster_members(const Xapian::Database& db, const std::string& key, std::size_t limit) {
    std::vector<Copy> members;
    const std::string term = cluster_term(key);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && members.size() < limit; ++it) {
        const Xapian::Document doc = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
        const Article article = deserialize_article(doc.get_data());
        members.push_back({article.id, article.title, article.source, article.date, doc.get_value(schema::kTimeSlot)});
    }
    std::sort(members.begin(), members.end(),
              [](const Copy& a, const Copy& b) {
                  return published_earlier({a.date, a.time, a.id}, {b.date, b.time, b.id});
              });
    return members;
}

std::string ReprintIndex::assign(const std::string& id, const ReprintSignature& signature) {
    if (auto old = by_id_.find(id); old != by_id_.end()) {
        Entry& entry = entries_[old->second];
        entry.live = false;
        --cluster_sizes_[entry.cluster];
        by_id_.erase(old);
    }
    const std::vector<std::string> bands = band_terms(signature);
    std::vector<ReprintCandidate> candidates;
    std::unordered_set<std::size_t> seen;
    for (const std::string& band : bands) {
        auto found = by_band_.find(band);
        if (found == by_band_.end()) continue;
        for (std::size_t index : found->second) {
            const Entry& entry = entries_[index];
            if (entry.live && seen.insert(index).second) candidates.push_back({entry.id, entry.cluster, entry.signature});
        }
    }
    const std::string key = choose_cluster(id, signature, candidates, [this](const std::string& candidate) {
        auto found = cluster_sizes_.find(candidate);
        return found != cluster_sizes_.end() && found->second > 0;
    });
    const std::size_t index = entries_.size();
    entries_.push_back({id, key, signature, true});
    by_id_[id] = index;
    ++cluster_sizes_[key];
    for (const std::string& band : bands) by_band_[band].push_back(index);
    return key;
}

}  // namespace core
