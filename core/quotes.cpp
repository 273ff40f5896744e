#include "core/quotes.h"

#include "core/data.h"
#include "core/quote_marks.h"
#include "core/russian.h"
#include "core/stopwords.h"
#include "core/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace core {
namespace {

constexpr std::size_t kMinQuoteWords = 3;
constexpr std::size_t kMaxSpeakerPhraseWords = 12;
constexpr std::size_t kTitleContextWords = 8;
constexpr std::size_t kMaxTitleWords = 6;
constexpr std::size_t kMaxColonSpeakerWords = 6;

// ---------------------------------------------------------------- words --

struct Token {
    std::size_t begin = 0, end = 0;  // bytes in the article
    std::string raw;
    std::string normalized;
    bool capitalized = false;
    bool all_caps = false;
    bool sentence_start = false;  // first word of a sentence: capitalised anyway
    bool in_name_of_site = false; // `Лента.ру`, `NEWSru.com`: glued to a dot
};

// `МИД`, `КР`, `ТАСС`: abbreviations, not names.
bool is_all_caps(std::string_view raw) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(raw.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(raw.data(), i, length, c);
        if (c < 0 || u_islower(c)) return false;
    }
    return true;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    for_each_word(text, [&](const Word& w) {
        Token t;
        t.begin = w.begin;
        t.end = w.end;
        t.raw = std::string(w.raw);
        t.normalized = w.normalized;
        t.capitalized = w.capitalized;
        t.all_caps = w.capitalized && utf8_length(w.raw) > 1 && is_all_caps(w.raw);
        t.in_name_of_site = (w.end < text.size() && text[w.end] == '.' && w.end + 1 < text.size() &&
                             text[w.end + 1] != ' ' && text[w.end + 1] != '\n') ||
                            (w.begin > 0 && text[w.begin - 1] == '.');
        std::size_t before = w.begin;
        while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '"' ||
                              static_cast<unsigned char>(text[before - 1]) >= 0x80)) {
            // step back over spaces, quotes and multi-byte punctuation (« — „)
            if (static_cast<unsigned char>(text[before - 1]) >= 0x80) {
                std::size_t start = before - 1;
                while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
                const std::string_view mark = text.substr(start, before - start);
                if (mark != "«" && mark != "—" && mark != "–" && mark != "„" && mark != "“") break;
                before = start;
            } else {
                --before;
            }
        }
        t.sentence_start = before == 0 || text[before - 1] == '.' || text[before - 1] == '!' ||
                           text[before - 1] == '?' || text[before - 1] == '\n' || text[before - 1] == ':';
        tokens.push_back(std::move(t));
    });
    return tokens;
}

// Index of the first token starting at or after `byte`.
std::size_t token_at(const std::vector<Token>& tokens, std::size_t byte) {
    return static_cast<std::size_t>(
        std::lower_bound(tokens.begin(), tokens.end(), byte, [](const Token& t, std::size_t b) { return t.begin < b; }) -
        tokens.begin());
}

std::string capitalize(const std::string& lower) {
    if (lower.empty()) return lower;
    std::string first_letter;
    std::size_t size = (static_cast<unsigned char>(lower[0]) < 0x80) ? 1 : 2;
    first_letter = lower.substr(0, size);
    static const std::string lower_letters = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
    static const std::string upper_letters = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
    if (size == 1) return std::string(1, static_cast<char>(std::toupper(lower[0]))) + lower.substr(1);
    const std::size_t at = lower_letters.find(first_letter);
    if (at == std::string::npos) return lower;
    return upper_letters.substr(at, 2) + lower.substr(2);
}

// ------------------------------------------------------- word lists --

bool is_speech_verb(const std::string& normalized) {
    static const std::vector<std::string> stems = data::words(data::kSpeechVerbs);
    for (const std::string& stem : stems) {
        if (normalized.compare(0, stem.size(), stem) == 0) return true;
    }
    return false;
}

// First names by their case-independent base (`константина` → Константин).
const std::unordered_map<std::string, std::string>& first_names() {
    static const std::unordered_map<std::string, std::string> names = [] {
        std::unordered_map<std::string, std::string> out;
        for (const std::string& name : data::words(data::kFirstNames)) {
            const std::string base = surname_base(name);
            out.emplace(name, capitalize(name));
            if (!base.empty()) out.emplace(base, capitalize(name));
        }
        return out;
    }();
    return names;
}

// The nominative of a first name in any case, or "".
std::string first_name_nominative(const std::string& normalized) {
    const auto& names = first_names();
    if (auto it = names.find(normalized); it != names.end()) return it->second;
    const std::string base = surname_base(normalized);
    if (auto it = names.find(base); !base.empty() && it != names.end()) return it->second;
    return {};
}

bool has_surname_suffix(const std::string& normalized) {
    for (std::string_view suffix : {"ов", "ев", "ин", "ын", "ск", "цк", "их", "ых", "ко", "ук", "юк", "дзе", "швили", "ян"}) {
        const std::string base = surname_base(normalized);
        const std::string& word = base.empty() ? normalized : base;
        if (word.size() > suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return true;
        }
    }
    return false;
}

// The nominative (masculine) of a surname written in another case.
std::string surname_nominative(const Token& token) {
    const std::string base = surname_base(token.normalized);
    if (base.empty()) return token.raw;
    const bool adjectival = base.size() >= 4 && (base.compare(base.size() - 4, 4, "ск") == 0 ||
                                                  base.compare(base.size() - 4, 4, "цк") == 0);
    return capitalize(adjectival ? base + "ий" : base);
}

bool is_pronoun(const std::string& normalized) {
    return normalized == "он" || normalized == "она" || normalized == "они";
}

// ----------------------------------------------------------- persons --

struct Person {
    std::string surname;    // nominative
    std::string full_name;  // `Сергей Лавров`, or the surname
    std::size_t token = 0;  // where the surname stands
};

bool ends_like_oblique_noun(const std::string& normalized) {
    for (std::string_view ending : {"а", "я", "ы", "и", "е", "у", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях"}) {
        if (normalized.size() > ending.size() &&
            normalized.compare(normalized.size() - ending.size(), ending.size(), ending) == 0) {
            return true;
        }
    }
    return false;
}

// How surely a run of capitalised words tokens[begin, end) names a person:
// a first name in it, a surname suffix, or a bare word right after the verb
// (`сказал Шойгу`). 0: not a person (`Комитета`, `Президент` opening a sentence).
int person_score(const std::vector<Token>& tokens, std::size_t begin, std::size_t end, bool first_position,
                 bool nominative, std::string& first_name) {
    first_name.clear();
    for (std::size_t k = begin; k + 1 < end; ++k) {
        if (std::string name = first_name_nominative(tokens[k].normalized); !name.empty()) first_name = name;
    }
    const Token& last = tokens[end - 1];
    if (!first_name_nominative(last.normalized).empty() || is_latin_word(last.normalized)) {
        return !first_name.empty() && is_latin_word(last.normalized) ? 3 : 0;
    }
    if (!first_name.empty()) return 3;
    if (has_surname_suffix(last.normalized)) return 2;
    // `Ларс Нильсон`: two capitalised words inside a sentence, the second not
    // in an oblique case, read as first name and surname.
    const bool case_fits = !nominative || !ends_like_oblique_noun(last.normalized);
    if (end - begin == 2 && !tokens[begin].sentence_start && case_fits) return 2;
    // A lone word with no sign of a name counts only right after the verb
    // (`сказал Шойгу`); deeper in a phrase it is more often an organisation.
    // Right after the verb the subject stands in the nominative whatever its
    // ending (`— добавил Бадалбейли`).
    const bool bare = end - begin == 1;
    return first_position && bare && !last.sentence_start ? 1 : 0;
}

// The person named in tokens[from, to): the run of capitalised words that
// reads most surely as a name. `nominative` says the phrase names them in
// the nominative (`сказал Лавров`) rather than another case (`по словам Лаврова`).
std::optional<Person> find_person(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                                  bool nominative, bool first_position) {
    std::optional<Person> best;
    int best_score = 0;
    for (std::size_t i = from; i < to; ++i) {
        if (!tokens[i].capitalized || tokens[i].all_caps || tokens[i].in_name_of_site) continue;
        std::size_t end = i;
        while (end < to && tokens[end].capitalized && !tokens[end].all_caps && !tokens[end].in_name_of_site) ++end;
        std::string first_name;
        const int score = person_score(tokens, i, end, first_position && i == from, nominative, first_name);
        if (score > best_score) {
            const Token& last = tokens[end - 1];
            Person person;
            person.surname = nominative ? last.raw : surname_nominative(last);
            person.full_name = first_name.empty() ? person.surname : first_name + " " + person.surname;
            person.token = end - 1;
            best = person;
            best_score = score;
        }
        i = end - 1;
    }
    return best;
}

// Every `Имя Фамилия` in the article, with the words before it (its title).
struct Mention {
    Person person;
    std::set<std::string> context;  // stems of the title words before the name
};

std::vector<Mention> person_mentions(const std::vector<Token>& tokens, RussianStemmer& stemmer) {
    std::vector<Mention> mentions;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (!tokens[i].capitalized || !tokens[i + 1].capitalized || tokens[i + 1].all_caps) continue;
        const std::string first = first_name_nominative(tokens[i].normalized);
        if (first.empty() || !first_name_nominative(tokens[i + 1].normalized).empty()) continue;
        Mention mention;
        mention.person.surname = surname_nominative(tokens[i + 1]);
        mention.person.full_name = first + " " + mention.person.surname;
        mention.person.token = i + 1;
        for (std::size_t k = i >= kTitleContextWords ? i - kTitleContextWords : 0; k < i; ++k) {
            if (!is_stopword(tokens[k].normalized)) mention.context.insert(stemmer.stem(tokens[k].normalized));
        }
        mentions.push_back(std::move(mention));
    }
    return mentions;
}

std::string full_name_in_article(const std::string& surname, const std::vector<Mention>& mentions) {
    const std::string key = speaker_key(surname);
    for (const Mention& m : mentions) {
        if (speaker_key(m.person.surname) == key) return m.person.full_name;
    }
    return surname;
}

// Whether a word of `context` has the same first letters as `stem`
// (`украинский` ~ `Украины`): titles and names vary in form.
bool shares_root(const std::string& stem, const std::set<std::string>& context) {
    constexpr std::size_t kRootBytes = 10;  // five Cyrillic letters
    for (const std::string& word : context) {
        const std::size_t n = std::min({kRootBytes, stem.size(), word.size()});
        if (n >= 6 && stem.compare(0, n, word, 0, n) == 0) return true;
    }
    return false;
}

// The person a title (`министр`, `глава Комитета СФ`) refers to: the one
// whose own title shares most words with it, nearest before `before_token`.
std::optional<Person> resolve_title(const std::vector<std::string>& title_stems, const std::vector<Mention>& mentions,
                                    std::size_t before_token) {
    std::optional<Person> best;
    std::size_t best_overlap = 0;
    for (const Mention& m : mentions) {
        if (m.person.token >= before_token) break;
        std::size_t overlap = 0;
        for (const std::string& stem : title_stems) overlap += shares_root(stem, m.context);
        if (overlap > 0 && overlap >= best_overlap) {
            best = m.person;
            best_overlap = overlap;
        }
    }
    return best;
}

// ------------------------------------------------------- extraction --

struct Extractor {
    std::string_view text;
    std::vector<Token> tokens;
    RussianStemmer stemmer;
    std::vector<Mention> mentions;
    std::vector<Quotation> out;
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // byte ranges already quoted
    std::vector<std::size_t> byte_begin;                     // of each quotation in `out`

    explicit Extractor(std::string_view t) : text(t), tokens(tokenize(t)) { mentions = person_mentions(tokens, stemmer); }

    std::size_t chars_before(std::size_t byte) const { return utf8_length(text.substr(0, byte)); }

    bool overlaps(std::size_t begin, std::size_t end) const {
        for (const auto& [b, e] : taken) {
            if (begin < e && b < end) return true;
        }
        return false;
    }

    // Where the sentence holding `byte` ends (., !, ?, newline), exclusive.
    std::size_t sentence_end(std::size_t byte) const {
        for (std::size_t at = byte; at < text.size(); ++at) {
            const char c = text[at];
            if (c == '\n') return at;
            if ((c == '.' || c == '!' || c == '?') && (at + 1 == text.size() || text[at + 1] == ' ' || text[at + 1] == '\n')) {
                return at;
            }
        }
        return text.size();
    }

    std::size_t sentence_start(std::size_t byte) const {
        for (std::size_t at = byte; at > 0; --at) {
            const char c = text[at - 1];
            if (c == '\n') return at;
            if ((c == '.' || c == '!' || c == '?') && at < text.size() && text[at] == ' ') return at;
        }
        return 0;
    }

    // The speaker named by tokens[from, to), the words after a speech verb
    // (`министр иностранных дел Сергей Лавров`) or before a colon.
    // A short title in lower case (`парламентарий`, `российский лидер`),
    // naming no one and no organisation.
    bool is_role_phrase(std::size_t from, std::size_t to) const {
        if (to - from > 3) return false;
        for (std::size_t i = from; i < to; ++i) {
            if (tokens[i].capitalized || is_latin_word(tokens[i].normalized)) return false;
        }
        return true;
    }

    // The speaker `он`/`она` refers to: the last attributed quotation before
    // token `at`, else the last person named before it.
    std::optional<Person> previous_speaker(std::size_t at, bool or_person_named = true) const {
        const std::size_t byte = at < tokens.size() ? tokens[at].begin : text.size();
        // Whichever is nearer: the last attributed quotation or the last
        // person named (`Ангела Меркель сказала... "...", — констатировала она`).
        std::optional<Person> best;
        std::size_t best_byte = 0;
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i].speaker.empty() || byte_begin[i] >= byte || (best && byte_begin[i] < best_byte)) continue;
            best = Person{out[i].speaker, out[i].speaker_full, 0};
            best_byte = byte_begin[i];
        }
        for (const Mention& m : or_person_named ? mentions : std::vector<Mention>{}) {
            const std::size_t mention_byte = tokens[m.person.token].begin;
            if (mention_byte < byte && (!best || mention_byte > best_byte)) {
                best = m.person;
                best_byte = mention_byte;
            }
        }
        return best;
    }

    bool attribute(Quotation& quote, std::size_t from, std::size_t to, bool nominative, bool first_position) {
        to = std::min(to, from + kMaxSpeakerPhraseWords);
        if (from >= to) return false;
        if (is_pronoun(tokens[from].normalized) || tokens[from].normalized == "его" || tokens[from].normalized == "ее") {
            const auto person = previous_speaker(from);
            if (!person) return false;
            quote.speaker = person->surname;
            quote.speaker_full = person->full_name;
            return true;
        }
        if (auto person = find_person(tokens, from, to, nominative, first_position)) {
            quote.speaker = person->surname;
            quote.speaker_full = person->full_name == person->surname ? full_name_in_article(person->surname, mentions)
                                                                      : person->full_name;
            return true;
        }
        std::vector<std::string> title_words, title_stems;
        for (std::size_t i = from; i < to && title_words.size() < kMaxTitleWords; ++i) {
            title_words.push_back(tokens[i].raw);
            if (!is_stopword(tokens[i].normalized)) title_stems.push_back(stemmer.stem(tokens[i].normalized));
        }
        if (title_words.empty()) return false;
        for (const std::string& w : title_words) quote.speaker_title += (quote.speaker_title.empty() ? "" : " ") + w;
        auto person = resolve_title(title_stems, mentions, from);
        // `— продолжил парламентарий`: a bare role word refers back to the
        // person quoted just before.
        if (!person && is_role_phrase(from, to)) person = previous_speaker(from, false);
        if (person) {
            quote.speaker = person->surname;
            quote.speaker_full = person->full_name;
        }
        return true;
    }

    // Tokens of the speaker phrase after byte `from`: up to the end of the
    // sentence or clause.
    std::size_t phrase_end_token(std::size_t from_byte) const {
        std::size_t end = sentence_end(from_byte);
        for (std::size_t at = from_byte; at < end; ++at) {
            const char c = text[at];
            if (c == ',' || c == ';' || c == '(' || c == ':') {
                end = at;
                break;
            }
            if (quote_opening_at(text, at, false)) {
                end = at;
                break;
            }
        }
        return token_at(tokens, end);
    }

    // After the closing mark: `, — сказал Путин` or `, — Путин сказал`.
    bool attribute_after(Quotation& quote, std::size_t after) {
        std::size_t at = after;
        while (at < text.size() && (text[at] == ',' || text[at] == ' ' || text[at] == '.' || text[at] == '!' ||
                                    text[at] == '?' || text.substr(at, 3) == "…")) {
            at += text.substr(at, 3) == "…" ? 3 : 1;
        }
        const std::string_view rest = text.substr(at);
        std::size_t dash = 0;
        for (std::string_view mark : {"—", "–", "-"}) {
            if (rest.substr(0, mark.size()) == mark) dash = mark.size();
        }
        if (dash == 0) return false;
        const std::size_t first = token_at(tokens, at + dash);
        const std::size_t last = phrase_end_token(at + dash);
        if (first >= last) return false;
        if (is_speech_verb(tokens[first].normalized)) {
            // `цитирует Адоманиса NEWSru.com`: the speaker is the object.
            const bool object = tokens[first].normalized.rfind("цитир", 0) == 0;
            return attribute(quote, first + 1, last, !object, true);
        }
        if (first + 1 < last && is_speech_verb(tokens[first + 1].normalized)) {
            return attribute(quote, first, first + 1, true, true);
        }
        return false;
    }

    // Before the opening mark: `Лавров: «...»`, `Глава МИД заявил: «...»`.
    bool attribute_before(Quotation& quote, std::size_t open) {
        std::size_t at = open;
        while (at > 0 && text[at - 1] == ' ') --at;
        if (at == 0 || text[at - 1] != ':') return false;
        const std::size_t start = sentence_start(at - 1);
        const std::size_t first = token_at(tokens, start);
        const std::size_t last = token_at(tokens, at - 1);
        if (first >= last) return false;
        std::size_t verb = last;
        for (std::size_t i = first; i < last; ++i) {
            if (is_speech_verb(tokens[i].normalized)) verb = i;
        }
        // Without a verb only a short clause names a speaker: `Лавров:`,
        // `Глава МИД Сергей Лавров:`, not a whole sentence ending in a colon.
        if (verb == last) return last - first <= kMaxColonSpeakerWords && attribute(quote, first, last, false, true);
        // `заявил Лавров:` or `Лавров заявил:` / `Глава МИД заявил журналистам:`
        // `Соловьёв отметил, что ...:` — a comma after the verb: the speaker stands before it.
        const bool clause_follows = text.find_first_not_of(' ', tokens[verb].end) == text.find(',', tokens[verb].end);
        if (!clause_follows && verb + 1 < last && find_person(tokens, verb + 1, last, true, true)) {
            return attribute(quote, verb + 1, last, true, true);
        }
        return attribute(quote, first, verb, true, true);
    }

    void add(Quotation quote, std::size_t begin, std::size_t end) {
        quote.begin = chars_before(begin);
        quote.end = quote.begin + utf8_length(text.substr(begin, end - begin));
        if (quote.speaker_full.empty()) quote.speaker_full = quote.speaker;
        taken.emplace_back(begin, end);
        byte_begin.push_back(begin);
        out.push_back(std::move(quote));
    }

    std::size_t word_count(std::size_t begin, std::size_t end) const { return token_at(tokens, end) - token_at(tokens, begin); }

    // Bytes of `, —`, `, –` or `, -` at `at`, or 0.
    std::size_t comma_and_dash_at(std::size_t at) const {
        for (std::string_view mark : {", —", ", –", ", -"}) {
            if (text.substr(at, mark.size()) == mark) return mark.size();
        }
        return 0;
    }

    // «Часть первая, — сказал Путин. — Часть вторая»: the attribution inside.
    bool split_inside(Quotation& quote, std::size_t inside, std::size_t close) {
        for (std::size_t at = inside; at < close; ++at) {
            const std::size_t dash = comma_and_dash_at(at);
            if (dash == 0) continue;
            const std::size_t dash_end = at + dash;
            const std::size_t first = token_at(tokens, dash_end);
            if (first >= tokens.size() || !is_speech_verb(tokens[first].normalized)) continue;
            const std::size_t attribution_end = sentence_end(dash_end);
            if (attribution_end >= close) continue;
            if (!attribute(quote, first + 1, std::min(phrase_end_token(dash_end), token_at(tokens, attribution_end)), true, true)) {
                continue;
            }
            std::size_t resume = attribution_end + 1;
            while (resume < close && (text[resume] == ' ' || text.substr(resume, 3) == "—" || text.substr(resume, 3) == "–" ||
                                      text[resume] == '-')) {
                resume += (text.substr(resume, 3) == "—" || text.substr(resume, 3) == "–") ? 3 : 1;
            }
            quote.text = std::string(text.substr(inside, at - inside)) + " " + std::string(text.substr(resume, close - resume));
            return true;
        }
        return false;
    }

    // An opening mark stands before a word, after a space or a bracket.
    bool opens_at_word_start(std::size_t at, std::size_t size) const {
        const bool after_gap = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '(' ||
                               text[at - 1] == ':' || static_cast<unsigned char>(text[at - 1]) >= 0x80;
        const bool straight = text[at] == '"';
        return after_gap && at + size < text.size() && !(straight && text[at + size] == ' ');
    }

    void quoted_speech() {
        for (std::size_t at = 0; at < text.size(); ++at) {
            const QuotePair* pair = quote_opening_at(text, at, false);
            if (!pair || !opens_at_word_start(at, pair->open.size())) continue;
            const std::size_t inside = at + pair->open.size();
            std::size_t closer_size = 0;
            const std::size_t close = find_closing(text, inside, *pair, closer_size);
            if (close == std::string_view::npos) continue;
            // A quotation stays within its paragraph; a mark left open is not one.
            if (text.substr(inside, close - inside).find('\n') != std::string_view::npos) continue;
            if (word_count(inside, close) >= kMinQuoteWords) {
                Quotation quote;
                quote.text = std::string(text.substr(inside, close - inside));
                const bool attributed = split_inside(quote, inside, close) || attribute_after(quote, close + closer_size) ||
                                        attribute_before(quote, at);
                if (attributed) add(std::move(quote), inside, close);
            }
            at = close + closer_size - 1;
        }
    }

    // A paragraph of direct speech: `— Мы готовы, — сказал он.`
    void dashed_speech() {
        std::size_t line_start = 0;
        while (line_start < text.size()) {
            std::size_t line_end = text.find('\n', line_start);
            if (line_end == std::string_view::npos) line_end = text.size();
            std::size_t at = line_start;
            while (at < line_end && text[at] == ' ') ++at;
            const std::string_view line = text.substr(at, line_end - at);
            if (line.substr(0, 3) == "—" || line.substr(0, 3) == "–") {
                const std::size_t inside = at + 3;
                for (std::size_t k = inside; k + 4 < line_end; ++k) {
                    if (text[k] != ',' || (text.substr(k + 2, 3) != "—" && text.substr(k + 2, 3) != "–")) continue;
                    Quotation quote;
                    quote.text = std::string(trim_spaces(text.substr(inside, k - inside)));
                    if (word_count(inside, k) >= kMinQuoteWords && !overlaps(inside, k) && attribute_after(quote, k)) {
                        add(std::move(quote), inside, k);
                    }
                    break;
                }
            }
            line_start = line_end + 1;
        }
    }

    // `По словам Лаврова, ...` to the end of the sentence.
    void reported_speech() {
        for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
            if (tokens[i].normalized != "по") continue;
            // `По словам Лаврова, ...` and `по его словам, ...`
            std::size_t speaker = i + 2;
            if (tokens[i + 1].normalized != "словам") {
                const bool pronoun = tokens[i + 1].normalized == "его" || tokens[i + 1].normalized == "ее" ||
                                     tokens[i + 1].normalized == "их";
                if (!pronoun || tokens[i + 2].normalized != "словам") continue;
                speaker = i + 1;
            }
            const std::size_t phrase_start = tokens[i + 2].begin;
            const std::size_t comma = text.find(',', phrase_start);
            const std::size_t end = sentence_end(phrase_start);
            if (comma == std::string_view::npos || comma >= end) continue;
            const std::size_t inside = comma + 1 + (comma + 1 < text.size() && text[comma + 1] == ' ');
            if (word_count(inside, end) < kMinQuoteWords || overlaps(inside, end)) continue;
            Quotation quote;
            quote.text = std::string(text.substr(inside, end - inside));
            const std::size_t phrase_end = speaker == i + 1 ? i + 2 : token_at(tokens, comma);
            if (attribute(quote, speaker, phrase_end, false, true)) add(std::move(quote), inside, end);
        }
    }

    // `Кыргызстан продолжает ..., заявил советник посольства Манас Жолдошбеков.`
    // and `..., — заключил глава комитета.` without quote marks: the sentence
    // before a comma and a speech verb that ends it.
    void sentence_final_attribution() {
        for (std::size_t i = 1; i < tokens.size(); ++i) {
            if (!is_speech_verb(tokens[i].normalized) || tokens[i].capitalized) continue;
            std::size_t at = tokens[i].begin;
            auto long_dash_before = [&](std::size_t pos) {
                return pos >= 3 && (text.substr(pos - 3, 3) == "—" || text.substr(pos - 3, 3) == "–");
            };
            while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '-' || long_dash_before(at))) {
                at -= long_dash_before(at) ? 3 : 1;
            }
            if (at == 0 || text[at - 1] != ',') continue;
            const std::size_t comma = at - 1;
            const std::size_t start = sentence_start(comma);
            const std::size_t inside = start + (text[start] == ' ' ? 1 : 0);
            if (word_count(inside, comma) < kMinQuoteWords || overlaps(inside, comma)) continue;
            // The attribution must close the sentence: `..., заявил X.`
            const std::size_t end_token = phrase_end_token(tokens[i].end);
            if (sentence_end(tokens[i].end) > (end_token < tokens.size() ? tokens[end_token].begin : text.size()) &&
                end_token < tokens.size() && text[tokens[end_token - 1].end] == ',') {
                continue;
            }
            Quotation quote;
            quote.text = std::string(text.substr(inside, comma - inside));
            if (quote.text.find("«") != std::string::npos || quote.text.find('"') != std::string::npos) continue;
            if (attribute(quote, i + 1, end_token, true, true) && !quote.speaker.empty()) {
                add(std::move(quote), inside, comma);
            }
        }
    }

    static std::string_view trim_spaces(std::string_view s) {
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        return s;
    }
};

}  // namespace

std::vector<Quotation> extract_quotations(std::string_view text) {
    Extractor extractor(text);
    extractor.quoted_speech();
    extractor.dashed_speech();
    extractor.reported_speech();
    extractor.sentence_final_attribution();
    std::sort(extractor.out.begin(), extractor.out.end(),
              [](const Quotation& a, const Quotation& b) { return a.begin < b.begin; });
    return std::move(extractor.out);
}

std::string speaker_key(std::string_view name) {
    // `Сергей Лавров` and `Лавров` are one speaker: the surname decides.
    std::string normalized;
    for_each_word(name, [&](const Word& w) { normalized = w.normalized; });
    const std::string base = surname_base(normalized);
    return base.empty() ? normalized : base;
}

}  // namespace core

namespace core {

std::string citation_line(const Quotation& quote, std::string_view source, std::string_view date, std::string_view url) {
    std::string line = "«" + quote.text + "»";
    const std::string& who = !quote.speaker_full.empty() ? quote.speaker_full : quote.speaker_title;
    bool first = true;
    for (std::string_view part : {std::string_view(who), source, date, url}) {
        if (part.empty()) continue;
        line += first ? " — " : ", ";
        line += part;
        first = false;
    }
    return line;
}

}  // namespace core
