// Message templates: "{key} in {file} allows {value}". Placeholders are {key} {pointer} {file}
// {value} {line} {target} {scope}; "{{" and "}}" stand for literal braces. Templates are checked
// when the rule file loads and filled in for each finding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "syntax.hpp"

namespace custom {

/// What a template's placeholders stand for at one place in one file. `value` must already be
/// safe to show (a secret is withheld before it gets here).
struct MessageFields {
    std::string_view key;
    std::string_view pointer;
    std::string_view file;
    std::string_view value;
    std::uint32_t line = 0;
    std::string_view target;
    std::string_view scope;
};

/// One line, known placeholders, balanced braces.
Check check_template(std::string_view text, std::string_view field);

/// The template with its placeholders filled in.
std::string render(std::string_view text, const MessageFields& fields);

/// A value made fit for a one-line message: control characters become spaces, and more than
/// 120 bytes are cut at a character boundary and end in "...".
std::string one_line(std::string_view value);

}  // namespace custom
