// The index handle lives in core/search_service (it has nothing to do with
// HTTP); the server's code and tests name it server::IndexHandle too.
#pragma once

#include "core/search_service/index_handle.h"

namespace server {

using core::IndexHandle;
using core::IndexUnavailable;
using core::ShardHealth;
using core::ShardOptions;

}  // namespace server
