#include "core/query_parser.h"

#include "core/fields.h"
#include "core/quote_marks.h"
#include "core/text.h"

#include <unicode/utf8.h>

#include <array>
#include <utility>

namespace core {
namespace {

constexpr std::size_t kMaxDepth = 32;

struct Lexeme {
    enum class Kind { Text, Phrase, Open, Close, And, Or, Not, Minus };
    Kind kind;
    std::string text;   // Text: the word as typed; Phrase: its inside
    std::string field;  // field: written before it
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_space_at(std::string_view s, std::size_t at) {
    const unsigned char c = static_cast<unsigned char>(s[at]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    return starts_with(s.substr(at), "\u00A0") || starts_with(s.substr(at), "\u2009") ||
           starts_with(s.substr(at), "\u202F") || starts_with(s.substr(at), "\u3000");
}

bool is_quote_at(std::string_view s, std::size_t at) { return quote_opening_at(s, at) != nullptr ||
    starts_with(s.substr(at), "»") || starts_with(s.substr(at), "’"); }

bool known_field(std::string_view field) { return is_text_field(field) || is_filter_field(field); }

// Russian field names are accepted as aliases of the English ones.
std::string canonical_field(const std::string& field) {
    const Field* known = find_field(field);
    return known ? std::string(known->name) : field;
}

class Lexer {
public:
    explicit Lexer(std::string_view query) : s_(query) {}

    std::vector<Lexeme> run() {
        while (pos_ < s_.size()) {
            if (is_space_at(s_, pos_)) {
                skip_char();
            } else if (s_[pos_] == '(') {
                emit(Lexeme::Kind::Open, "", ++pos_);
            } else if (s_[pos_] == ')') {
                emit(Lexeme::Kind::Close, "", ++pos_);
            } else if (const QuotePair* pair = quote_opening_at(s_, pos_); pair && at_token_start()) {
                read_phrase(*pair, "");
            } else if (s_[pos_] == '-' && pos_ + 1 < s_.size() && !is_space_at(s_, pos_ + 1) &&
                       at_token_start()) {
                emit(Lexeme::Kind::Minus, "", ++pos_);
            } else {
                read_text();
            }
        }
        return std::move(out_);
    }

private:
    bool at_token_start() const {
        return pos_ == 0 || is_space_at(s_, pos_ - 1) || s_[pos_ - 1] == '(' || s_[pos_ - 1] == '-';
    }

    void skip_char() {
        int32_t i = static_cast<int32_t>(pos_);
        UChar32 c;
        U8_NEXT(s_.data(), i, static_cast<int32_t>(s_.size()), c);
        pos_ = static_cast<std::size_t>(i);
    }

    void emit(Lexeme::Kind kind, std::string text, std::size_t, std::string field = "") {
        out_.push_back(Lexeme{kind, std::move(text), std::move(field)});
    }

    void read_phrase(const QuotePair& pair, std::string field) {
        const std::size_t inside = pos_ + pair.open.size();
        std::size_t closer_size = 0;
        const std::size_t close = find_closing(s_, inside, pair, closer_size);
        if (close == std::string_view::npos) {
            // An unbalanced quote: the rest is plain words.
            pos_ = inside;
            return;
        }
        emit(Lexeme::Kind::Phrase, std::string(s_.substr(inside, close - inside)), 0, std::move(field));
        pos_ = close + closer_size;
    }

    void read_text() {
        const std::size_t start = pos_;
        while (pos_ < s_.size() && !is_space_at(s_, pos_) && s_[pos_] != '(' && s_[pos_] != ')') {
            if (pos_ > start && s_[pos_ - 1] == ':' && is_quote_at(s_, pos_)) break;
            skip_char();
        }
        std::string_view token = s_.substr(start, pos_ - start);
        if (token == "AND" || token == "&&") return emit(Lexeme::Kind::And, std::string(token), pos_);
        if (token == "OR" || token == "||") return emit(Lexeme::Kind::Or, std::string(token), pos_);
        if (token == "NOT") return emit(Lexeme::Kind::Not, std::string(token), pos_);

        const std::size_t colon = token.find(':');
        if (colon != std::string_view::npos && colon > 0) {
            const std::string field = canonical_field(normalize_text(token.substr(0, colon)));
            if (known_field(field)) {
                if (colon + 1 == token.size()) {
                    if (const QuotePair* pair = quote_opening_at(s_, pos_)) return read_phrase(*pair, field);
                    return;  // `title:` with nothing after it
                }
                return emit(Lexeme::Kind::Text, std::string(token.substr(colon + 1)), pos_, field);
            }
        }
        emit(Lexeme::Kind::Text, std::string(token), pos_);
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    std::vector<Lexeme> out_;
};

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    for_each_word(text, [&words](const Word& w) { words.emplace_back(w.raw); });
    return words;
}

QueryNode empty_node() {
    QueryNode node;
    node.kind = QueryNode::Kind::And;
    return node;
}

QueryNode make_and(std::vector<QueryNode> children) {
    if (children.size() == 1) return std::move(children.front());
    QueryNode node;
    node.kind = QueryNode::Kind::And;
    node.children = std::move(children);
    return node;
}

// Recursive descent over lexemes. An operator where an operand should be is
// read as a word; a stray `)` is ignored; a missing `)` is implied.
class Parser {
public:
    explicit Parser(std::vector<Lexeme> lexemes) : lex_(std::move(lexemes)) {}

    QueryNode parse() {
        QueryNode node = parse_or(0);
        while (pos_ < lex_.size()) {  // stray closing brackets
            ++pos_;
            QueryNode rest = parse_or(0);
            node = combine_and(std::move(node), std::move(rest));
        }
        return node;
    }

private:
    using Kind = Lexeme::Kind;

    bool at(Kind kind) const { return pos_ < lex_.size() && lex_[pos_].kind == kind; }
    bool at_operand() const {
        return pos_ < lex_.size() && !at(Kind::Close) && !(at(Kind::Or) && next_is_operand());
    }
    // Whether the lexeme after the current one starts something to search:
    // an operator followed by nothing searchable is read as a word.
    bool next_is_operand() const { return is_operand_at(pos_ + 1); }
    bool is_operand_at(std::size_t i) const {
        if (i >= lex_.size()) return false;
        const Kind k = lex_[i].kind;
        if (k == Kind::Not) return is_operand_at(i + 1);
        return k == Kind::Text || k == Kind::Phrase || k == Kind::Open || k == Kind::Minus;
    }

    static bool empty(const QueryNode& n) {
        return (n.kind == QueryNode::Kind::And || n.kind == QueryNode::Kind::Or) && n.children.empty();
    }

    static QueryNode combine_and(QueryNode a, QueryNode b) {
        if (empty(a)) return b;
        if (empty(b)) return a;
        return make_and({std::move(a), std::move(b)});
    }

    QueryNode parse_or(std::size_t depth) {
        std::vector<QueryNode> alternatives{parse_and(depth)};
        while (at(Kind::Or) && next_is_operand()) {
            ++pos_;
            alternatives.push_back(parse_and(depth));
        }
        std::erase_if(alternatives, empty);
        if (alternatives.size() == 1) return std::move(alternatives.front());
        QueryNode node;
        node.kind = QueryNode::Kind::Or;
        node.children = std::move(alternatives);
        return node;
    }

    QueryNode parse_and(std::size_t depth) {
        std::vector<QueryNode> positive;
        std::vector<QueryNode> negative;
        bool explicit_and = false;
        while (at_operand()) {
            const bool group_started = !positive.empty() || !negative.empty();
            if (at(Kind::And) && group_started && next_is_operand()) {
                ++pos_;
                explicit_and = true;
                continue;
            }
            const bool negated = (at(Kind::Not) || at(Kind::Minus)) && next_is_operand();
            if (negated) ++pos_;
            QueryNode operand = parse_operand(depth);
            if (empty(operand)) continue;
            (negated ? negative : positive).push_back(std::move(operand));
        }
        QueryNode node = make_and(std::move(positive));
        if (node.kind == QueryNode::Kind::And) node.explicit_and = explicit_and;
        if (negative.empty()) return node;
        QueryNode result;
        result.kind = QueryNode::Kind::AndNot;
        QueryNode excluded;
        excluded.kind = QueryNode::Kind::Or;
        excluded.children = std::move(negative);
        result.children = {std::move(node), std::move(excluded)};
        return result;
    }

    QueryNode parse_operand(std::size_t depth) {
        const Lexeme& lexeme = lex_[pos_++];
        switch (lexeme.kind) {
            case Kind::Open: {
                if (depth >= kMaxDepth) return empty_node();
                QueryNode inner = parse_or(depth + 1);
                if (at(Kind::Close)) ++pos_;
                return inner;
            }
            case Kind::Phrase: return phrase_node(lexeme.text, lexeme.field);
            case Kind::Text: return text_node(lexeme.text, lexeme.field);
            default: return text_node(lexeme.text, "");  // an operator read as a word
        }
    }

    static QueryNode phrase_node(const std::string& text, const std::string& field) {
        if (is_filter_field(field)) return filter_node(field, text);
        QueryNode node;
        node.kind = QueryNode::Kind::Phrase;
        node.field = field;
        node.words = words_of(text);
        if (node.words.size() == 1) node.kind = QueryNode::Kind::Word;
        if (node.words.empty()) node.kind = QueryNode::Kind::And;
        return node;
    }

    static QueryNode filter_node(const std::string& field, const std::string& value) {
        QueryNode node;
        node.kind = QueryNode::Kind::Filter;
        node.field = field;
        node.value = value;
        return node;
    }

    static QueryNode text_node(const std::string& text, const std::string& field) {
        if (is_filter_field(field)) return filter_node(field, text);
        QueryNode node = phrase_node(text, field);
        if (node.kind == QueryNode::Kind::Word && text.size() > 1 && text.back() == '*') node.prefix = true;
        return node;
    }

    std::vector<Lexeme> lex_;
    std::size_t pos_ = 0;
};

void describe_into(const QueryNode& node, std::string& out) {
    auto field = [&]() { if (!node.field.empty()) out += node.field + ":"; };
    switch (node.kind) {
        case QueryNode::Kind::Word:
            field();
            out += node.words.empty() ? "" : node.words.front();
            if (node.prefix) out += "*";
            return;
        case QueryNode::Kind::Phrase: {
            field();
            out += "\"";
            for (std::size_t i = 0; i < node.words.size(); ++i) out += (i ? " " : "") + node.words[i];
            out += "\"";
            return;
        }
        case QueryNode::Kind::Filter: out += node.field + "=" + node.value; return;
        default: break;
    }
    const char* name = node.kind == QueryNode::Kind::And ? (node.explicit_and ? "AND" : "ALL") : node.kind == QueryNode::Kind::Or ? "OR" : "AND_NOT";
    out += std::string("(") + name;
    for (const QueryNode& child : node.children) {
        out += " ";
        describe_into(child, out);
    }
    out += ")";
}

}  // namespace

bool is_text_field(std::string_view field) {
    const Field* known = find_field(field);
    return known && known->kind == FieldKind::Text;
}

bool is_filter_field(std::string_view field) {
    const Field* known = find_field(field);
    return known && known->kind != FieldKind::Text;
}

QueryNode parse_query(std::string_view query) {
    return Parser(Lexer(query).run()).parse();
}

// As the parser reads `words field:value`: the filters join the words' And
// (or the one node standing alone), so they narrow every alternative.
QueryNode add_filters(QueryNode root, const std::vector<std::pair<std::string, std::string>>& filters) {
    if (filters.empty()) return root;
    QueryNode all;
    all.kind = QueryNode::Kind::And;
    const bool nothing_typed =
        (root.kind == QueryNode::Kind::And || root.kind == QueryNode::Kind::Or) && root.children.empty();
    if (root.kind == QueryNode::Kind::And && !nothing_typed) all = std::move(root);
    else if (!nothing_typed) all.children.push_back(std::move(root));
    for (const auto& [field, value] : filters) {
        QueryNode filter;
        filter.kind = QueryNode::Kind::Filter;
        filter.field = field;
        filter.value = value;
        all.children.push_back(std::move(filter));
    }
    if (all.children.size() == 1) return std::move(all.children.front());
    return all;
}

std::string describe(const QueryNode& node) {
    std::string out;
    describe_into(node, out);
    return out;
}

}  // namespace core
