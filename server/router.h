// Maps a request (method and target) to the handler that answers it.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/write_api.h"

#include <string_view>

namespace server {

enum class Method { Get, Head, Post, Delete, Other };

// Never throws: every failure becomes a Reply with a fitting status.
Reply route(Method method, std::string_view target, IndexHandle& index);

// The same, and the write API (write_api.h) for POST and DELETE on
// /api/articles: `writes` is null when writes are off (403).
Reply route(Method method, std::string_view target, IndexHandle& index, WriteService* writes,
            const WriteRequest& write);

}  // namespace server
