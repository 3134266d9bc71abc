#include <boost/test/unit_test.hpp>

#include <confscope/base/status.hpp>
#include <confscope/base/time.hpp>

using namespace confscope;

namespace {
Result<int> half(int n) {
    if (n % 2 != 0) return Status::invalid_argument(std::to_string(n) + " is odd");
    return n / 2;
}
Result<int> quarter(int n) {
    CONFSCOPE_ASSIGN_OR_RETURN(int h, half(n));
    CONFSCOPE_ASSIGN_OR_RETURN(int q, half(h));
    return q;
}
Status check_even(int n) {
    CONFSCOPE_TRY(half(n).status());
    return Status::ok();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(status)

BOOST_AUTO_TEST_CASE(result_carries_value_or_error) {
    BOOST_TEST(quarter(8).value() == 2);
    const Result<int> odd = quarter(6);
    BOOST_TEST(!odd.is_ok());
    BOOST_TEST(odd.status().code() == StatusCode::invalid_argument);
    BOOST_TEST(odd.status().message() == "3 is odd");
    BOOST_TEST(check_even(4).is_ok());
    BOOST_TEST(check_even(5).message() == "5 is odd");
}

BOOST_AUTO_TEST_CASE(codes_match_the_c_abi_table) {
    BOOST_TEST(static_cast<int>(StatusCode::internal) == CONFSCOPE_INTERNAL);
    BOOST_TEST(static_cast<int>(StatusCode::unauthenticated) == 16);
    BOOST_TEST(to_string(StatusCode::failed_precondition) == "failed_precondition");
    BOOST_TEST(Status::not_found("x").with_context("reading y").message() == "reading y: x");
}

BOOST_AUTO_TEST_CASE(rfc3339_timestamps) {
    BOOST_TEST(format_rfc3339_seconds(0) == "1970-01-01T00:00:00Z");
    BOOST_TEST(format_rfc3339_seconds(1795000000) == "2026-11-18T11:06:40Z");
    BOOST_TEST(now_rfc3339().size() == std::string("2026-11-24T09:30:12.345Z").size());
}

BOOST_AUTO_TEST_SUITE_END()
