// GET /api/export: every hit of a search (or every quotation of a quotation
// search) as CSV or NDJSON, streamed in batches.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/request.h"

namespace server {

inline constexpr long kMaxExportRows = 100000;

// ?q=...&format=csv|ndjson&kind=hits|quotes&limit=N, and the search's
// sort=, collapse=, source=, place=, from=, to= (hits) or speaker= (quotes).
Reply api_export(const Request& request, IndexHandle& index);

// One CSV record (RFC 4180): every field quoted, quotes doubled, CRLF at the end.
void append_csv_record(std::string& out, std::initializer_list<std::string_view> fields);

}  // namespace server
