// Quotations and their speakers: the public functions and the order of the
// passes. The work is done in core/quotes/ (see extractor.h for a map).
#include "core/quotes.h"

#include "core/quotes/extractor.h"
#include "core/quotes/names.h"
#include "core/text.h"

#include <algorithm>

namespace core {

std::vector<Quotation> extract_quotations(std::string_view text) {
    quotes_detail::Extractor extractor(text);
    extractor.quoted_speech();
    extractor.dashed_speech();
    extractor.reported_speech();
    extractor.as_said_by();
    extractor.sentence_final_attribution();
    extractor.about_this();
    extractor.embedded_fragments();
    extractor.resolve_references();
    std::vector<Quotation> quotations = extractor.take_quotations();
    std::sort(quotations.begin(), quotations.end(), [](const Quotation& a, const Quotation& b) { return a.begin < b.begin; });
    return quotations;
}

std::string speaker_key(std::string_view name) {
    // `Сергей Лавров` and `Лавров` are one speaker: the surname decides.
    std::string normalized;
    for_each_word(name, [&](const Word& w) { normalized = w.normalized; });
    return quotes_detail::name_key(normalized);
}

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
