#include <cstring>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <confscope/plugins/manifest.hpp>

namespace confscope::plugins {

std::uint32_t Manifest::kind_bits() const {
    std::uint32_t bits = 0;
    for (const std::string& kind : kinds) {
        if (kind == "scanner") bits |= CONFSCOPE_KIND_SCANNER;
        if (kind == "exporter") bits |= CONFSCOPE_KIND_EXPORTER;
    }
    return bits;
}

Result<Manifest> parse_manifest(std::string_view bytes) {
    const std::string marker = std::string(CONFSCOPE_MANIFEST_MARKER_V1) + "{";
    const std::size_t at = bytes.find(marker);
    if (at == std::string_view::npos) {
        return Status::not_found("no embedded manifest (" CONFSCOPE_MANIFEST_MARKER_V1
                                 "): build the plugin with confscope_add_plugin()");
    }
    const std::size_t start = at + marker.size() - 1;
    const std::size_t end = bytes.find('\0', start);
    if (end == std::string_view::npos || end - start > std::size_t{64} * 1024) {
        return Status::invalid_argument("the embedded manifest is not NUL-terminated");
    }
    rapidjson::Document json;
    json.Parse(bytes.data() + start, end - start);
    if (json.HasParseError() || !json.IsObject()) {
        return Status::invalid_argument(
            std::string("the embedded manifest is not a JSON object: ") +
            rapidjson::GetParseError_En(json.GetParseError()));
    }
    Manifest m;
    auto text = [&](const char* key) -> std::string {
        const auto it = json.FindMember(key);
        return it != json.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
    };
    auto number = [&](const char* key) -> std::uint32_t {
        const auto it = json.FindMember(key);
        return it != json.MemberEnd() && it->value.IsUint() ? it->value.GetUint() : 0;
    };
    m.abi = number("abi");
    m.name = text("name");
    m.version = text("version");
    m.required_minor = number("required_minor");
    m.family = text("family");
    if (const auto it = json.FindMember("kinds"); it != json.MemberEnd() && it->value.IsArray()) {
        for (const auto& kind : it->value.GetArray()) {
            if (kind.IsString()) m.kinds.emplace_back(kind.GetString());
        }
    }
    if (m.name.empty() || m.version.empty() || m.abi == 0) {
        return Status::invalid_argument("the embedded manifest lacks abi, name or version");
    }
    if (m.kind_bits() == 0)
        return Status::invalid_argument("the embedded manifest names no kind (scanner, exporter)");
    return m;
}

}  // namespace confscope::plugins
