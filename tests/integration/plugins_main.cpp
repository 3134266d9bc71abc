#define BOOST_TEST_MODULE confscope plugin loading and isolation of failures
#include <boost/test/unit_test.hpp>
