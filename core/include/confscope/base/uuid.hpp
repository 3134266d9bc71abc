// confscope/base/uuid.hpp — random (version 4) UUIDs, which identify scans across stores.
#pragma once

#include <string>

namespace confscope {

/// A new random UUID in canonical lower-case form.
std::string random_uuid();

}  // namespace confscope
