// People: GET /api/people/{name} (what the archive knows about one person)
// and GET /api/people?prefix=Лав (known speakers, for suggestions as you type).
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/request.h"

#include <string>

namespace server {

Reply api_person(const Request& request, IndexHandle& index);
Reply api_people(const Request& request, IndexHandle& index);

// Why a name cannot be looked up (not UTF-8, over 200 characters), or "".
std::string person_name_problem(const std::string& name);

}  // namespace server
