// GET /feed?q=...: an Atom feed of the newest 50 articles matching a query
// (all the search syntax), so a journalist follows a name or a phrase in
// any feed reader.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/url.h"

#include <string_view>

namespace server {

inline constexpr unsigned kFeedEntries = 50;

// `host`: the request's Host header, for absolute links ("" → 127.0.0.1).
Reply atom_feed(const Target& target, std::string_view host, IndexHandle& index);

}  // namespace server
