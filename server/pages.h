// The HTML pages for people in a browser. They work without JavaScript and
// load nothing from elsewhere: the style sheet is inline.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/url.h"

namespace server {

// GET / and GET /search?q=...&offset=...
Reply search_page(const Target& target, IndexHandle& index);
// GET /doc/{id}?q=...: the whole article with every match highlighted.
Reply article_page(const std::string& id, const Target& target, IndexHandle& index);
// An HTML page saying what went wrong, with the given status.
Reply error_page(int status, const std::string& message);

}  // namespace server
