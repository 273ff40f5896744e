#include "core/highlight.h"

#include "core/text.h"

#include <unicode/unistr.h>

#include <algorithm>

namespace core {
namespace {

bool has_yo(std::string_view text) {
    return text.find("\u0451") != std::string_view::npos || text.find("\u0401") != std::string_view::npos;
}

// The word lower-cased but keeping its ё, as the reader typed it.
std::string typed_form(std::string_view word) {
    if (!has_yo(word)) return normalize_text(word);
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))).toLower().toUTF8String(out);
    return out;
}

}  // namespace

const char* match_kind_name(MatchKind kind) {
    switch (kind) {
        case MatchKind::Exact: return "exact";
        case MatchKind::Form: return "form";
        case MatchKind::Yo: return "yo";
        case MatchKind::Name: return "name";
        case MatchKind::Equivalent: return "equivalent";
        case MatchKind::Latin: return "latin";
        case MatchKind::Spelling: return "spelling";
        case MatchKind::Prefix: return "prefix";
    }
    return "exact";
}

bool is_guess(MatchKind kind) {
    return kind == MatchKind::Equivalent || kind == MatchKind::Latin || kind == MatchKind::Spelling;
}

void HighlightTerms::set_source(Source source, std::string_view typed_word) {
    sources_.push_back({source, typed_form(typed_word), has_yo(typed_word)});
}

void HighlightTerms::note_first_letter(const std::string& key) {
    const int letter = first_letter_folded(key);
    if (letter < 0) {
        any_first_letter_ = true;
    } else if (std::find(first_letters_.begin(), first_letters_.end(), letter) == first_letters_.end()) {
        first_letters_.push_back(letter);
    }
}

HighlightTerms::Match HighlightTerms::match(const std::string& normalized, RussianStemmer& stemmer) const {
    if (auto found = exact_.find(normalized); found != exact_.end()) {
        return {found->second.topic, true, Via::Exact, found->second.source};
    }
    for (const auto& [prefix, entry] : prefixes_) {
        if (normalized.compare(0, prefix.size(), prefix) == 0) return {entry.topic, true, Via::Prefix, entry.source};
    }
    // A name base is the word less its ending (or, for -ей names, less its
    // last letter too), so only a word sharing its start can have it.
    for (const auto& [base, entry] : names_) {
        const std::size_t start = base.size() > 2 ? base.size() - 2 : base.size();
        if (normalized.compare(0, start, base, 0, start) != 0) continue;
        if (auto found = names_.find(surname_base(normalized)); found != names_.end()) {
            return {found->second.topic, false, Via::Name, found->second.source};
        }
        break;
    }
    // Snowball only removes endings, so a word can have stem S only if it
    // starts with S: test that before paying for stemming.
    for (const auto& [stem, entry] : stems_) {
        if (normalized.compare(0, stem.size(), stem) != 0) continue;
        if (auto found = stems_.find(stemmer.stem(normalized)); found != stems_.end()) {
            return {found->second.topic, false, Via::Stem, found->second.source};
        }
        break;
    }
    // A lemma can differ from its form past the first letter (`писать`,
    // `пишет`), rarely in it: only words sharing one pay for a lookup.
    for (const auto& [lemma, entry] : lemmas_) {
        if (first_letter_folded(normalized) != first_letter_folded(lemma)) continue;
        for (const std::string& word_lemma : stemmer.lemmas(normalized)) {
            if (auto found = lemmas_.find(word_lemma); found != lemmas_.end()) {
                return {found->second.topic, false, Via::Lemma, found->second.source};
            }
        }
        break;
    }
    return {};
}

MatchSpan HighlightTerms::explain(std::string_view raw, const Match& match, RussianStemmer& stemmer) const {
    static const SourceWord unknown{Source::Typed, {}, false};
    const bool known = match.source >= 0 && static_cast<std::size_t>(match.source) < sources_.size();
    const SourceWord& source = known ? sources_[static_cast<std::size_t>(match.source)] : unknown;
    MatchSpan span{std::string(raw), kind_of(raw, match, source, stemmer), source.query_word};
    if (match.via == Via::Prefix && source.source == Source::Typed) span.query_word += '*';
    return span;
}

MatchKind HighlightTerms::kind_of(std::string_view raw, const Match& match, const SourceWord& source,
                                  RussianStemmer& stemmer) const {
    switch (source.source) {
        case Source::Equivalent: return MatchKind::Equivalent;
        case Source::Latin: return MatchKind::Latin;
        case Source::Spelling: return MatchKind::Spelling;
        case Source::Typed: break;
    }
    switch (match.via) {
        case Via::Exact: return has_yo(raw) != source.typed_yo ? MatchKind::Yo : MatchKind::Exact;
        case Via::Prefix: return MatchKind::Prefix;
        case Via::Stem:
        case Via::Lemma: return MatchKind::Form;
        case Via::Name: break;
    }
    // A word sharing the query word's stem is another form of it even when
    // its name base matched first (`переговорами` for `переговоров`): only
    // a form no stem joins is a form of the name (`Лаврова` for `Лавров`).
    const auto stem = stems_.find(stemmer.stem(normalize_text(raw)));
    return stem != stems_.end() && stem->second.topic == match.topic ? MatchKind::Form : MatchKind::Name;
}

}  // namespace core
