// Russian personal names word by word: first names, patronymics, surnames
// and their cases, and the gender that a name, a verb or a pronoun shows.
#pragma once

#include "core/quotes/tokens.h"

#include <string>

namespace core::quotes_detail {

// ------------------------------------------------------ first names --

// The nominative of a first name in any case, or "".
std::string first_name_nominative(const std::string& normalized);

bool is_nominative_first_name(const std::string& normalized);

// A nominative of core/data/first_names.txt as written there (`валентин`,
// not the stem `ангел` of `Ангела`).
bool is_listed_first_name(const std::string& normalized);

// `Зиннурович`, `Сергеевна` in any case.
bool is_patronymic(const std::string& normalized);

// --------------------------------------------------------- surnames --

// `Лавров`, `Шевченко`, `Саакашвили` (in any case): an ending of surnames.
bool has_surname_suffix(const std::string& normalized);

// Endings that mark a surname even before a verb (`Мирзазаде подчеркнул`);
// -ов, -ин and -ск are left out there: `Киев заявил`, `Минск сообщил`.
bool has_distinctive_surname_suffix(const std::string& normalized);

// `си`, `ким`: a common Chinese or Korean surname (core/data/east_asian_surnames.txt).
bool is_east_asian_surname(const std::string& normalized);

// A capitalised word that can be part of a name: not an abbreviation, a
// site, a quoted name or the head of a compound (`Российско-азиатского`).
bool may_start_name(const Token& t);

// A capitalised word that can be a surname: not an abbreviation, a site, a
// quoted name, a Latin word or a first name.
bool may_be_surname(const Token& t);

// `Однако`, `Афины`, `Браун`: a capitalised word without a surname's ending
// that Debian's Russian dictionary knows, as a common word or as a proper
// noun (a place, mostly). Alone, with no first name before it anywhere in
// the article, it names no speaker.
bool is_dictionary_word(const Token& t);

// Whether the word, in lower case, is a dictionary form of its own in
// Debian's Russian dictionary (`однако`, `сын`; not `марко` of `маркий`).
bool is_common_headword(const Token& t);

// Whether Debian's Russian dictionary accepts the word as written (`Совета`
// yes, `Ломбарди` no).
bool in_dictionary(const Token& t);

// The nominative (masculine) of a surname written in another case.
std::string surname_nominative(const Token& token);

// `Владиславом`, `Сурковым`, `Петру`: a name in the instrumental or dative,
// which cannot be the subject of a speech verb. Genitive forms are left
// alone: `Хасэгава` and `Никита` end like them.
bool looks_instrumental_or_dative(const std::string& normalized);

// The key under which the forms of one surname meet (`Лаврова` = `Лавров`).
std::string name_key(const std::string& normalized);

// ----------------------------------------------------------- gender --

enum class Gender { unknown, male, female };

// Men's names in -а/-я, which otherwise read as women's.
bool is_female_first_name(const std::string& nominative);

Gender gender_of_surname(const std::string& nominative);

// The nominative of `token`, a surname of a person of `gender`.
std::string surname_nominative_for(const Token& token, Gender gender);

// `сказал` → male, `сказала` → female: a past-tense verb agrees with its subject.
Gender gender_of_verb(const std::string& normalized);

// `он`, `его` → male; `она`, `ее` → female.
Gender gender_of_pronoun(const std::string& normalized);

// `исследовательница`, `феминистка`, `принцесса`: a woman's role word.
Gender gender_of_role(const std::string& head);

}  // namespace core::quotes_detail
