// The index layout: which Xapian term prefixes and value slots hold which
// field. The indexer writes it and the server reads it; both use only this.
#pragma once

#include <xapian.h>

namespace core::schema {

// Free-text terms. Words are indexed after normalize_text().
inline constexpr const char* kExactPrefix = "";       // exact words, with positions
inline constexpr const char* kStemPrefix = "Z";       // Snowball stems
inline constexpr const char* kNamePrefix = "XN";      // surname_base() of capitalised words
inline constexpr const char* kTitlePrefix = "S";      // exact title words
inline constexpr const char* kTitleStemPrefix = "ZS"; // stemmed title words
inline constexpr const char* kTitleNamePrefix = "XTN";// name bases of title words
inline constexpr const char* kLemmaPrefix = "XL";     // dictionary lemmas of words (dictionary.h), no positions

// Boolean filter terms.
inline constexpr const char* kIdPrefix = "Q";        // article id (unique)
inline constexpr const char* kSourcePrefix = "XSRC"; // normalized source name
inline constexpr const char* kPlacePrefix = "XPL";   // normalized dateline place
inline constexpr const char* kYearPrefix = "Y";      // YYYY
inline constexpr const char* kMonthPrefix = "M";     // YYYYMM
inline constexpr const char* kDayPrefix = "D";       // YYYYMMDD
inline constexpr const char* kSpeakerPrefix = "XSP"; // speaker_key() of each quotation's speaker
inline constexpr const char* kHasQuotesTerm = "XHASQUOTES";  // articles with attributed quotations
inline constexpr const char* kReprintBandPrefix = "XRB";  // LSH bands of the body's signature (reprints.h)
inline constexpr const char* kClusterPrefix = "XCL";      // reprint cluster key: the members of a cluster
// A copy that joined a story another article started: its cluster key is not
// its own id. The others are each the only one with their key, so counting
// stories folds only these (Searcher::count_stories).
inline constexpr const char* kJoinedCopyTerm = "XJOINEDCOPY";

// Metadata: "1" when the index holds lemma terms. An index built before
// them has none, and its queries search stems only.
inline constexpr const char* kLemmasMetadataKey = "newsearch:lemmas";
// Metadata: "1" when every article carries kJoinedCopyTerm if it joined
// another's story (indexes built before it do not, and count stories the
// slow way).
inline constexpr const char* kCopiesMarkedMetadataKey = "newsearch:copies-marked";

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;      // "YYYYMMDD" or absent
inline constexpr Xapian::valueno kSourceSlot = 1;    // source as written, for facet counts (facets.h)
inline constexpr Xapian::valueno kPlaceSlot = 2;     // dateline place as written, for facet counts
inline constexpr Xapian::valueno kClusterSlot = 5;   // reprint cluster key, the collapse key of a search
inline constexpr Xapian::valueno kReprintSignatureSlot = 6;  // ReprintSignature::serialize()
inline constexpr Xapian::valueno kTimeSlot = 9;     // "HH:MM:SS" of the date's day, when the input gave one
inline constexpr Xapian::valueno kContentHashSlot = 8;  // content_hash() (document.h), for the indexer's update mode

// Within-document frequency increment for title words, so a word in the
// title weighs as much as several in the body.
inline constexpr Xapian::termcount kTitleWdf = 3;

// Gap between the title's and the body's word positions, so a phrase never
// matches across the two.
inline constexpr Xapian::termpos kBodyPositionGap = 100;

}  // namespace core::schema
