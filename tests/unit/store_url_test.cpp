#include <boost/test/unit_test.hpp>

#include <confscope/store/store_url.hpp>

using namespace confscope::store;

BOOST_AUTO_TEST_SUITE(store_url)

BOOST_AUTO_TEST_CASE(default_is_the_xdg_sqlite_file) {
    BOOST_TEST(default_sqlite_path({{"HOME", "/home/ada"}}) ==
               "/home/ada/.local/share/confscope/confscope.db");
    BOOST_TEST(default_sqlite_path({{"HOME", "/home/ada"}, {"XDG_DATA_HOME", "/data"}}) ==
               "/data/confscope/confscope.db");
    const auto url = parse_store_url("", {{"HOME", "/h"}});
    BOOST_REQUIRE(url.is_ok());
    BOOST_TEST((url->backend == Backend::sqlite));
    BOOST_TEST(url->sqlite_path == "/h/.local/share/confscope/confscope.db");
}

BOOST_AUTO_TEST_CASE(sqlite_forms) {
    BOOST_TEST(parse_store_url("/tmp/x.db", {})->sqlite_path == "/tmp/x.db");
    BOOST_TEST(parse_store_url("sqlite:///tmp/x.db", {})->sqlite_path == "/tmp/x.db");
    BOOST_TEST(parse_store_url("sqlite:rel.db", {})->sqlite_path == "rel.db");
}

BOOST_AUTO_TEST_CASE(postgresql_hides_the_password_and_bounds_the_connect_time) {
    const auto url = parse_store_url("postgresql://ci:s3cret@db.example:5432/confscope", {});
    BOOST_REQUIRE(url.is_ok());
    BOOST_TEST((url->backend == Backend::postgresql));
    BOOST_TEST(url->display == "postgresql://ci:***@db.example:5432/confscope");
    BOOST_TEST(url->display.find("s3cret") == std::string::npos);
    BOOST_TEST(url->connect_string ==
               "user='ci' password='s3cret' host='db.example' port='5432' dbname='confscope' "
               "connect_timeout='10'");
    BOOST_TEST(
        parse_store_url("postgres://h/db?sslmode=require&connect_timeout=3", {})->connect_string ==
        "host='h' dbname='db' sslmode='require' connect_timeout='3'");
    BOOST_TEST(
        parse_store_url("postgresql://u:p%40ss%27@[::1]:6543/d", {})->connect_string ==
        "user='u' password='p@ss\\'' host='::1' port='6543' dbname='d' connect_timeout='10'");
    BOOST_TEST(!parse_store_url("postgresql://u@h/d?broken", {}).is_ok());
    BOOST_TEST(!parse_store_url("postgresql://u:%zz@h/d", {}).is_ok());
}

BOOST_AUTO_TEST_CASE(unknown_schemes_are_refused) {
    const auto url = parse_store_url("mysql://h/db", {});
    BOOST_TEST(!url.is_ok());
    BOOST_TEST(url.status().message().find("unsupported store") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
