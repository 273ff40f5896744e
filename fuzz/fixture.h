// A small real index for the fuzz targets: a handful of articles written with
// the project's own indexer into a temporary folder that is removed at exit.
#pragma once

#include <string>
#include <string_view>

namespace fuzz {

// The --db path of the index, built on first use.
const std::string& fixture_index();
// Another copy of the same articles, with the term lists that writes need:
// the target of the write API (it changes as inputs write to it).
const std::string& writable_fixture_index();

// Aborts (so libFuzzer reports the input) when `condition` is false.
void require(bool condition, const char* what);

// True when `html` holds no markup but the <mark> tags that snippets and
// highlighting add: everything from the query or the articles is escaped.
bool only_mark_tags(std::string_view html);

}  // namespace fuzz
