#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <confscope/base/uuid.hpp>

namespace confscope {

std::string random_uuid() {
    thread_local boost::uuids::random_generator generator;
    return boost::uuids::to_string(generator());
}

}  // namespace confscope
