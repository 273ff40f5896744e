// Which role a title names (core/data/person_roles.txt), so that a bare role
// word (`— сказал госсекретарь`) points back only to a person the article
// has given that role, or one that means the same (`министр` ~ `глава МИД`).
#pragma once

#include <set>
#include <string>

namespace core::quotes_detail {

// Whether the words of a title (normalized) hold a role of the table.
// `nominative`: the title stands before a name in the nominative, so its
// role word is in the nominative too; another case (`сенатора`) is someone
// else's title (`действия сенатора Курт Волкер назвал`).
bool names_a_role(const std::set<std::string>& title, bool nominative);

// Whether a bare role's title words (any case) and a person's title share a
// role of the table: `министр` and `глава мид`, `парламентарий` and
// `депутат`, not `госсекретарь` and `глава мид`.
bool same_role(const std::set<std::string>& title, const std::set<std::string>& person_title, bool nominative);

}  // namespace core::quotes_detail
