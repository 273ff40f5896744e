// Maps a request (method and target) to the handler that answers it.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"

#include <string_view>

namespace server {

enum class Method { Get, Head, Other };

// Never throws: every failure becomes a Reply with a fitting status.
Reply route(Method method, std::string_view target, IndexHandle& index);

}  // namespace server
