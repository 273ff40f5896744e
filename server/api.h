// The JSON API: /api/search, /api/doc/{id}, /api/quotes, /healthz.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/request.h"

namespace server {

Reply api_search(const Request& request, IndexHandle& index);
// GET /api/doc/{id}: the whole article.
Reply api_doc(const Request& request, IndexHandle& index);
// GET /api/doc/{id}/related?limit=10: articles on the same story, not copies of it.
Reply api_related(const Request& request, IndexHandle& index);
// GET /api/quotes?q=...&speaker=...&limit=&offset=: quotations ranked by match.
Reply api_quotes(const Request& request, IndexHandle& index);
Reply healthz(const Request& request, IndexHandle& index);

}  // namespace server
