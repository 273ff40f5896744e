// Extractor: the article's sentences and quote marks, and the quotations
// found so far.
#include "core/quotes/extractor.h"

#include "core/text.h"
#include "core/quotes/words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace core::quotes_detail {

Extractor::Extractor(std::string_view t) : text(t), tokens(tokenize(t)), known(known_persons(t, tokens)) {
    mark_quoted_tokens();
    find_paragraph_breaks();
    std::set<std::size_t> sentences_with_subject;
    for (Mention& m : person_mentions(tokens, known)) {
        if (quoted[m.person.token]) continue;
        // `борются Хиллари Клинтон и Дональд Трамп`: two people joined by `и`
        // are a plural subject, neither the one a later `она` or `дама` means.
        m.subject = m.nominative && sentences_with_subject.insert(tokens[m.person.token].sentence).second &&
                    !coordinated(m.name_begin, m.person.token) && !names_eponym(m.name_begin);
        mentions.push_back(std::move(m));
    }
}

bool Extractor::coordinated(std::size_t name_begin, std::size_t name_end) const {
    const auto joins = [&](std::size_t conjunction, std::size_t other) {
        return other < tokens.size() && tokens[conjunction].normalized == "и" && tokens[other].capitalized &&
               tokens[other].sentence == tokens[conjunction].sentence && tokens[conjunction].sentence == tokens[name_end].sentence;
    };
    return (name_end + 2 < tokens.size() && joins(name_end + 1, name_end + 2)) ||
           (name_begin >= 2 && joins(name_begin - 1, name_begin - 2));
}

std::size_t Extractor::chars_before(std::size_t byte) const { return utf8_length(text.substr(0, byte)); }

bool Extractor::overlaps(std::size_t begin, std::size_t end) const {
    for (const auto& [b, e] : taken) {
        if (begin < e && b < end) return true;
    }
    return false;
}

std::size_t Extractor::word_count(std::size_t begin, std::size_t end) const { return token_at(tokens, end) - token_at(tokens, begin); }

bool Extractor::ends_sentence_at(std::size_t at) const {
    const char c = text[at];
    if (c != '.' && c != '!' && c != '?') return false;
    if (at + 1 == text.size() || text[at + 1] == '\n') return true;
    if (text[at + 1] != ' ') return false;
    const std::size_t next = token_at(tokens, at + 1);
    if (next >= tokens.size() || text.find_first_not_of(' ', at + 1) < tokens[next].begin) return true;  // `. — Вторая`
    return tokens[next].capitalized && tokens[next].sentence_start;  // not `тыс. рублей`, `Х. Кинг`
}

std::size_t Extractor::sentence_end(std::size_t byte) const {
    for (std::size_t at = byte; at < text.size(); ++at) {
        if (text[at] == '\n' || ends_sentence_at(at)) return at;
    }
    return text.size();
}

std::size_t Extractor::sentence_start(std::size_t byte) const {
    for (std::size_t at = byte; at > 0; --at) {
        if (text[at - 1] == '\n') return at;
        if (at < text.size() && text[at] == ' ' && ends_sentence_at(at - 1)) return at;
    }
    return 0;
}

std::size_t Extractor::subject_start(std::size_t at) const {
    std::size_t start = sentence_start(at);
    for (const auto& [b, e] : taken) {
        if (e <= at && e > start) start = e;
    }
    return start;
}

std::size_t Extractor::phrase_end(std::size_t from_byte) const {
    constexpr std::size_t kMaxLinkWords = 6;
    std::size_t end = sentence_end(from_byte);
    for (int lines = 0; lines < 2 && end < text.size() && text[end] == '\n'; ++lines) {
        std::size_t last = end;
        while (last > from_byte && text[last - 1] == ' ') --last;
        if (last == from_byte || std::string_view(".!?:;").find(text[last - 1]) != std::string_view::npos) break;
        const std::size_t next = end + 1;
        const std::size_t next_end = std::min(text.find('\n', next), text.size());
        const std::size_t words = word_count(next, next_end);
        // `— прокомментировал заявление Трампа ⏎замглавы МИД России Сергей
        // Рябков. — Главное ...`: a line going on in lower case goes on with the sentence.
        const std::size_t word = token_at(tokens, next);
        const bool goes_on = word < tokens.size() && tokens[word].begin < next_end && !tokens[word].capitalized;
        if (words == 0 || (words > kMaxLinkWords && !goes_on)) break;
        end = sentence_end(next);
    }
    return end;
}

std::size_t Extractor::phrase_end_token(std::size_t from_byte) const {
    constexpr std::size_t kMaxBracketWords = 4;
    std::size_t end = phrase_end(from_byte);
    for (std::size_t at = from_byte; at < end; ++at) {
        // `президент ООО "Ксерокс (СНГ)" Антон Бородихин`: marks inside a quoted name do not end it.
        if (const auto name = quoted_span_at(at); name && name->close < end) at = name->close;
        // `эксперт Фонда национальной энергетической безопасности (ФНЭБ) Игорь
        // Юшков`: a short bracket inside the title, the phrase going on after it.
        if (text[at] == '(') {
            const std::size_t closing = text.find(')', at);
            const std::size_t next = closing < end ? text.find_first_not_of(' ', closing + 1) : std::string_view::npos;
            const std::size_t word = next < end ? token_at(tokens, next) : tokens.size();
            if (word < tokens.size() && tokens[word].begin == next && word_count(at, closing) <= kMaxBracketWords) {
                at = closing;
                continue;
            }
        }
        const char c = text[at];
        // `написал Роб Хафф в Instagram  Но его напарники`: a sentence whose period was lost.
        const bool lost_period = text.substr(at, 2) == "  " && at + 2 < end && token_at(tokens, at + 2) < tokens.size() &&
                                 tokens[token_at(tokens, at + 2)].begin == at + 2 && tokens[token_at(tokens, at + 2)].capitalized;
        if (c == ',' || c == ';' || c == '(' || c == ':' || lost_period) {
            end = at;
            break;
        }
    }
    return token_at(tokens, end);
}

std::size_t Extractor::comma_and_dash_at(std::size_t at) const {
    for (std::string_view mark : {", —", ", –", ", -"}) {
        if (text.substr(at, mark.size()) == mark) return mark.size();
    }
    return 0;
}

bool Extractor::after_letter(std::size_t at) const {
    int32_t i = static_cast<int32_t>(at);
    UChar32 c = 0;
    U8_PREV(text.data(), 0, i, c);
    return c >= 0 && u_isalnum(c);
}

bool Extractor::opens_at_word_start(std::size_t at, std::size_t size) const {
    // `''«...»''`, `**«...»**`: wiki and Telegram markup around a quotation.
    const bool after_gap = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '(' ||
                           text[at - 1] == ':' || text[at - 1] == '\'' || text[at - 1] == '*' || text[at - 1] == '_' || (static_cast<unsigned char>(text[at - 1]) >= 0x80 && !after_letter(at));
    const bool straight = text[at] == '"';
    return after_gap && at + size < text.size() && !(straight && text[at + size] == ' ');
}

std::size_t Extractor::closing_of(std::size_t at, const QuotePair& pair, std::size_t& closer_size) const {
    const std::size_t inside = at + pair.open.size();
    std::size_t paragraph_end = text.find('\n', inside);
    if (paragraph_end == std::string_view::npos) paragraph_end = text.size();
    // A closer beyond the paragraph is refused below, so none is looked for there.
    const std::size_t close = find_closing(text.substr(0, paragraph_end), inside, pair, closer_size);
    const bool straight = pair.open == "\"";
    // `"... я "за" введение`: a straight mark before a letter opens, not closes.
    const bool before_letter = close != std::string_view::npos && close + 1 < text.size() &&
                               (static_cast<unsigned char>(text[close + 1]) >= 0x80 || std::isalnum(static_cast<unsigned char>(text[close + 1])));
    if (close != std::string_view::npos && close < paragraph_end && !(straight && before_letter)) return close;
    if (!straight) return std::string_view::npos;
    for (std::size_t k = text.find('"', inside); k < paragraph_end; k = text.find('"', k + 1)) {
        if (comma_and_dash_at(k + 1) != 0) {
            closer_size = 1;
            return k;
        }
    }
    return std::string_view::npos;
}

std::optional<Extractor::QuotedSpan> Extractor::quoted_span_at(std::size_t at) const {
    // Asked at every byte of the article: most bytes start no mark, answered inline.
    if (at >= text.size() || !may_start_quote_mark(text[at])) return std::nullopt;
    const QuotePair* pair = quote_opening_at(text, at, false);
    if (!pair || !opens_at_word_start(at, pair->open.size())) return std::nullopt;
    std::size_t closer_size = 0;
    const std::size_t close = closing_of(at, *pair, closer_size);
    if (close == std::string_view::npos) return std::nullopt;
    return QuotedSpan{at, at + pair->open.size(), close, close + closer_size};
}

void Extractor::mark_quoted_tokens() {
    quoted.assign(tokens.size(), false);
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto span = quoted_span_at(at);
        if (!span) continue;
        for (std::size_t i = token_at(tokens, at); i < tokens.size() && tokens[i].begin < span->close; ++i) quoted[i] = true;
        at = span->after - 1;
    }
}

std::optional<Extractor::QuotedSpan> Extractor::quoted_words_at(std::size_t at) const {
    std::optional<QuotedSpan> span = quoted_span_at(at);
    if (!span) return span;
    while (span->inside < span->close && text[span->inside] == ' ') ++span->inside;
    while (span->close > span->inside && text[span->close - 1] == ' ') --span->close;
    return span;
}

bool Extractor::ends_sentence(std::size_t after) const {
    std::size_t at = after;
    while (at < text.size() && text[at] == ' ') ++at;
    if (at >= text.size() || text[at] == '.' || text[at] == '!' || text[at] == '?' || text[at] == '\n') return true;
    return text.substr(at, 3) == "и " && quote_opening_at(text, at + 3, false);
}

void Extractor::add(Quotation quote, std::size_t begin, std::size_t end) {
    quote.begin = chars_before(begin);
    quote.end = quote.begin + utf8_length(text.substr(begin, end - begin));
    if (quote.speaker_full.empty()) quote.speaker_full = quote.speaker;
    taken.emplace_back(begin, end);
    byte_begin.push_back(begin);
    pending.push_back(awaits_antecedent(quote));
    references.push_back(reference);
    reference.reset();
    out.push_back(std::move(quote));
}

void Extractor::resolve_references() {
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return byte_begin[a] < byte_begin[b]; });
    for (std::size_t i : order) {
        if (!references[i]) continue;
        const auto role = role_references.find(references[i]->first);
        if (const auto person = previous_speaker(references[i]->first, references[i]->second, i);
            person && !someone_unread_between(*person, references[i]->first) &&
            (role == role_references.end() || !titled_as_other_role(*person, role->second))) {
            set_speaker(out[i], *person);
        } else {
            clear_speaker(out[i]);
        }
    }
}

std::vector<Quotation> Extractor::take_quotations() {
    std::vector<Quotation> kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (!pending[i] || !out[i].speaker.empty()) kept.push_back(std::move(out[i]));
    }
    return kept;
}

void Extractor::set_speaker(Quotation& quote, const Person& person) const {
    quote.speaker = person.surname;
    quote.speaker_full = person.full_name;
}

void Extractor::clear_speaker(Quotation& quote) {
    quote.speaker.clear();
    quote.speaker_full.clear();
}

Person Extractor::person_of(const Quotation& quote) const {
    if (auto it = known.find(speaker_key(quote.speaker)); it != known.end()) return it->second;
    return Person{quote.speaker, quote.speaker_full, 0, gender_of_surname(quote.speaker)};
}

void Extractor::complete_first_names() {
    for (Quotation& quote : out) {
        if (quote.speaker.empty() || quote.speaker_full != quote.speaker) continue;
        std::optional<Person> named;
        for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
            if (tokens[i].raw != quote.speaker || quoted[i]) continue;
            const Token& next = tokens[i + 1];
            if (next.sentence != tokens[i].sentence || next.begin != tokens[i].end + 1 || !may_be_surname(next)) continue;
            const Person* found = find_known(known, next.normalized);
            Person person = found ? *found : Person{surname_nominative(next), "", i + 1, Gender::unknown};
            if (named && name_key(normalize_text(named->surname)) != name_key(normalize_text(person.surname))) {
                named.reset();
                break;
            }
            named = person;
        }
        if (!named) continue;
        quote.speaker_full = quote.speaker + " " + named->surname;
        quote.speaker = named->surname;
    }
}

bool Extractor::someone_unread_between(const Person& person, std::size_t reference) const {
    const std::string key = name_key(normalize_text(person.surname));
    std::size_t k = std::min(reference, tokens.size());
    // name_key is dear: only words sharing the key's first letters are asked.
    const auto same_person = [&](const Token& t) {
        return t.capitalized && t.normalized.compare(0, 4, key, 0, 4) == 0 && name_key(t.normalized) == key;
    };
    while (k > 0 && !same_person(tokens[k - 1])) --k;
    for (std::size_t i = k; i + 1 < reference && i + 1 < tokens.size(); ++i) {
        const Token& first = tokens[i];
        const Token& last = tokens[i + 1];
        if (quoted[i] || first.sentence_start || last.sentence != first.sentence || !may_be_surname(first) ||
            !may_be_surname(last) || is_latin_word(first.normalized) || is_latin_word(last.normalized)) {
            continue;
        }
        if (!is_common_headword(first) && !in_dictionary(last) && !find_known(known, last.normalized)) return true;
    }
    return unnamed_speaker_between(k, reference);
}

bool Extractor::unnamed_speaker_between(std::size_t from, std::size_t reference) const {
    static const std::set<std::string> unnamed{"источник", "представитель", "представительница", "сотрудник", "сотрудница",
                                               "очевидец", "свидетель", "житель", "жительница", "пользователь", "один", "одна"};
    const std::size_t last = std::min(reference, tokens.size());
    // Not in the sentence of the reference, which holds the words reported
    // (`Москва - один из ..., поясняет он`).
    const std::size_t own_sentence = last < tokens.size() ? tokens[last].sentence : tokens.back().sentence + 1;
    for (std::size_t i = from; i < last && tokens[i].sentence != own_sentence; ++i) {
        if (quoted[i] || !unnamed.count(tokens[i].normalized)) continue;
        const bool one_of = tokens[i].normalized == "один" || tokens[i].normalized == "одна";
        if (one_of && (i + 1 >= last || tokens[i + 1].normalized != "из")) continue;
        for (std::size_t j = i + 1; j < last && tokens[j].sentence == tokens[i].sentence; ++j) {
            if (may_be_surname(tokens[j]) && find_known(known, tokens[j].normalized)) break;  // `представитель МИД Мария Захарова`
            if (!quoted[j] && is_finite_speech_verb(tokens[j].normalized)) return true;
        }
    }
    return false;
}

std::size_t Extractor::paragraph_of(std::size_t byte) const {
    return std::upper_bound(paragraph_breaks.begin(), paragraph_breaks.end(), byte) - paragraph_breaks.begin();
}

void Extractor::find_paragraph_breaks() {
    // A line break after the end of a sentence; RT's texts also break lines
    // inside sentences (`на \nсайте\n СК`), which start no paragraph.
    for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
        std::size_t end = at;
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
        if (end == 0) continue;
        const char last = text[end - 1];
        const bool closes = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
                            (end >= 2 && text.substr(end - 2, 2) == "»") || (end >= 3 && text.substr(end - 3, 3) == "“");
        // `... законопроекта, предусматривающего...`: a teaser of a linked
        // article (RT's `Также по теме`) cut short, inside a paragraph.
        const bool cut_short = end >= 3 && text.substr(end - 3, 3) == "...";
        if (closes && !cut_short && (paragraph_breaks.empty() || paragraph_breaks.back() < end)) paragraph_breaks.push_back(at);
    }
}

std::optional<Person> Extractor::previous_speaker(std::size_t at, Gender wanted, std::size_t self) const {
    const std::size_t byte = at < tokens.size() ? tokens[at].begin : text.size();
    const auto inside_self = [&](std::size_t b) { return self < taken.size() && taken[self].first <= b && b < taken[self].second; };
    // `он` and `продюсер` point back at most two paragraphs (`Он добавил, что ...` may stand between).
    const std::size_t paragraph = paragraph_of(byte);
    const auto too_far = [&](std::size_t b) { return paragraph_of(b) + 2 < paragraph; };
    std::optional<Person> best;
    std::size_t best_byte = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i == self || out[i].speaker.empty() || byte_begin[i] >= byte || (best && byte_begin[i] < best_byte) ||
            too_far(byte_begin[i])) {
            continue;
        }
        const Person person = person_of(out[i]);
        if (!fits(person, wanted)) continue;
        best = person;
        best_byte = byte_begin[i];
    }
    for (const Mention& m : mentions) {
        const std::size_t mention_byte = tokens[m.person.token].begin;
        if (!m.subject || mention_byte >= byte || (best && mention_byte <= best_byte) || !fits(m.person, wanted) ||
            inside_self(mention_byte) || too_far(mention_byte)) {
            continue;
        }
        best = m.person;
        best_byte = mention_byte;
    }
    return best;
}

}  // namespace core::quotes_detail
