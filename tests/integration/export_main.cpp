// The report tests: every exporter plugin run by `confscope export` over a real scan in a real
// SQLite store, its output checked by a parser of its format (JSON, SARIF against the official
// schema, JUnit as XML, CSV, HTML in headless Chromium).
#define BOOST_TEST_MODULE confscope reports
#include <boost/test/unit_test.hpp>
