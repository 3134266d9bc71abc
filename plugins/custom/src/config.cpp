#include "config.hpp"

#include <stdexcept>
#include <string>

#include <rapidjson/document.h>

namespace custom {

std::string_view config_schema() {
    return R"({
  "type": "object",
  "properties": {
    "rule_files": {
      "description": "Rule files the host read from --rules and $XDG_CONFIG_HOME/confscope/rules",
      "type": "array",
      "items": {
        "type": "object",
        "properties": {"path": {"type": "string"}, "content": {"type": "string"}},
        "required": ["path", "content"]
      }
    }
  },
  "additionalProperties": false
})";
}

std::vector<RuleFileSource> rule_files_of(std::string_view config_json) {
    rapidjson::Document config;
    config.Parse(config_json.data(), config_json.size());
    if (config.HasParseError() || !config.IsObject())
        throw std::invalid_argument("the configuration is not a JSON object");
    std::vector<RuleFileSource> files;
    const auto list = config.FindMember("rule_files");
    if (list == config.MemberEnd()) return files;
    if (!list->value.IsArray())
        throw std::invalid_argument("the configuration's rule_files is not an array");
    for (const auto& entry : list->value.GetArray()) {
        const rapidjson::Value* path = nullptr;
        const rapidjson::Value* content = nullptr;
        if (entry.IsObject()) {
            if (const auto it = entry.FindMember("path"); it != entry.MemberEnd())
                path = &it->value;
            if (const auto it = entry.FindMember("content"); it != entry.MemberEnd())
                content = &it->value;
        }
        if (path == nullptr || !path->IsString() || content == nullptr || !content->IsString()) {
            throw std::invalid_argument(
                "each of the configuration's rule_files needs a string path and content");
        }
        files.push_back({std::string(path->GetString(), path->GetStringLength()),
                         std::string(content->GetString(), content->GetStringLength())});
    }
    return files;
}

}  // namespace custom
