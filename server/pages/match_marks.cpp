// Each <mark> of a snippet or an article says why it matched: a class per
// kind (match-name...), match-guess for the search's guesses, and a tooltip
// in Russian.
#include "server/pages/parts.h"

#include "core/text.h"

namespace server::pages {
namespace {

std::string quoted(const std::string& word) { return "„" + word + "“"; }

}  // namespace

std::string match_tooltip(const core::MatchSpan& span) {
    const std::string word = quoted(span.query_word);
    switch (span.kind) {
        case core::MatchKind::Exact: return "слово запроса " + word;
        case core::MatchKind::Form: return "другая форма слова " + word;
        case core::MatchKind::Yo: return "слово " + word + " с другим написанием ё/е";
        case core::MatchKind::Name: return "падежная форма имени " + word;
        case core::MatchKind::Equivalent: return "другое название: " + word + " (догадка)";
        case core::MatchKind::Latin: return "написание латиницей: " + word + " (догадка)";
        case core::MatchKind::Spelling: return "исправление опечатки в " + word + " (догадка)";
        case core::MatchKind::Prefix: return "слово на " + word;
    }
    return word;
}

// Marks and spans come from the same pass (core/snippet.h), one span per
// mark in order, and the text between them is escaped, so every "<mark" in
// `html` is one of those marks.
std::string labelled_marks(std::string_view html, const std::vector<core::MatchSpan>& spans) {
    static constexpr std::string_view kMark = "<mark";
    std::string out;
    out.reserve(html.size() + spans.size() * 96);
    std::size_t cursor = 0;
    for (const core::MatchSpan& span : spans) {
        const std::size_t at = html.find(kMark, cursor);
        if (at == std::string_view::npos) break;
        out.append(html.substr(cursor, at + kMark.size() - cursor));
        out += " class=\"match-";
        out += core::match_kind_name(span.kind);
        if (core::is_guess(span.kind)) out += " match-guess";
        out += "\" title=\"";
        core::append_html_escaped(out, match_tooltip(span));
        out += '"';
        cursor = at + kMark.size();
    }
    out.append(html.substr(cursor));
    return out;
}

}  // namespace server::pages
