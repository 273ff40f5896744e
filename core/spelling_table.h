// The spelling table ("did you mean") of a full build, drawn from the index
// itself once its articles are committed, instead of from word counts held in
// memory for the whole build (they grew with the vocabulary: issue #18).
#pragma once

#include <xapian.h>

#include <cstddef>

namespace core {

// Words in the table: at least this many letters, seen at least so often,
// and only the most frequent so many (Xapian's table costs about 100
// microseconds a word to build).
inline constexpr std::size_t kMinSpellingChars = 4;
inline constexpr Xapian::termcount kMinSpellingFrequency = 2;
inline constexpr std::size_t kMaxSpellingWords = 50000;

// Adds to `db` (committed, no pending changes) the most frequent words of its
// articles with their frequencies: how often each word is written in titles
// and bodies, read off the exact-form terms (schema.h). With `commit_every`,
// commits after each that many words: Xapian holds the spelling table's
// changes in memory until a commit. Memory: the kept words only.
void write_spelling_table(Xapian::WritableDatabase& db, std::size_t commit_every = 0);

}  // namespace core
