// GET /feed?q=...: an Atom feed of the newest 50 articles matching a query
// (all the search syntax), so a journalist follows a name or a phrase in
// any feed reader.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/request.h"

#include <string_view>

namespace server {

inline constexpr unsigned kFeedEntries = 50;

// Links are absolute, on the request's Host header (127.0.0.1 without one).
Reply atom_feed(const Request& request, IndexHandle& index);

}  // namespace server
