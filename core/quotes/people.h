// The people an article names: who they are (surname, full name, gender),
// where it names them and with what title, and which of them a title
// (`министр`, `глава Комитета СФ`) refers to.
#pragma once

#include "core/quotes/names.h"
#include "core/quotes/tokens.h"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace core::quotes_detail {

struct Person {
    std::string surname;    // nominative
    std::string full_name;  // `Сергей Лавров`, or the surname
    std::size_t token = 0;  // where the surname stands
    Gender gender = Gender::unknown;
};

// Whether `person` can be someone of the `wanted` gender: a surname of
// unknown gender may be a woman's unless it is a man's form (`Иванов`).
bool fits(const Person& person, Gender wanted);

// ------------------------------------------------------ known persons --

// People the article names, by name_key of the surname: `Имя Фамилия`
// with a known first name, a word right after a speech verb
// (`— написал Пайпс`), a word with a surname ending right before one.
using KnownPersons = std::map<std::string, Person>;

// Everyone the article shows to be a person, with what it tells of them.
KnownPersons known_persons(std::string_view text, const std::vector<Token>& tokens);

// The known person a word names: `Лаврова` → Лавров, and for adjectival
// surnames, which have no name_key paradigm, `Навального` → Навальный.
const Person* find_known(const KnownPersons& known, const std::string& normalized);

// `Си Цзиньпин`, `Ким Чен Ын`: Chinese and Korean names put the surname
// first. A run of two or three capitalised words inside a sentence opening
// with a common such surname is read that way (`Тим Кук` is not).
std::size_t east_asian_name_length(const std::vector<Token>& tokens, std::size_t i);

// ----------------------------------------------------------- mentions --

// Each place the article names a known person, with the words before it in
// its sentence (its title).
struct Mention {
    Person person;
    bool nominative = false;        // `Путин сказал`, not `с Путиным`
    bool subject = false;           // the first nominative one in its sentence
    std::size_t name_begin = 0;     // first token of the name
    std::set<std::string> context;  // stems of the title words before the name
    std::string title_before;       // the word right before the name, in lower case (`продюсера`), or ""
    bool deputy = false;            // the title is a deputy's (`заместитель председателя комитета`)
};

std::vector<Mention> person_mentions(const std::vector<Token>& tokens, const KnownPersons& known);

// ------------------------------------------------------------- titles --

// Whether two words have the same first five letters (`продюсер`, `продюсера`).
bool same_root(const std::string& a, const std::string& b);

// Whether a word of `context` has the same first letters as `stem`
// (`украинский` ~ `Украины`): titles and names vary in form.
// A context word in the genitive (`администрации президента Володин`)
// belongs to someone else's title and does not match `президент`.
bool shares_root(const std::string& title_word, const std::set<std::string>& context);

// `глава российского правительства` is not the person titled `глава
// итальянского правительства`: the title's relational adjective is not in
// the person's title, which has another.
bool qualifiers_conflict(const std::vector<std::string>& title_words, const std::set<std::string>& context);

// `заместитель`, `замминистра`, `вице-премьер`: a deputy's title word.
bool is_deputy_word(const std::string& normalized);

// The person a title (`министр`, `глава Комитета СФ`) refers to: the one
// whose own title shares most words with it, nearest before `before_token`.
// The head of the title (its first word here) weighs double: `глава МИД`
// is rather the `глава министерства` than the `спикер МИД`. A deputy is
// not the head: `глава комитета` is no `заместитель председателя комитета`.
std::optional<Person> resolve_title(const std::vector<std::string>& title_words, const std::vector<Mention>& mentions,
                                    std::size_t before_token);

}  // namespace core::quotes_detail
