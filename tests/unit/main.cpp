#define BOOST_TEST_MODULE confscope unit tests
#include <boost/test/unit_test.hpp>
