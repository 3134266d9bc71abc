#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <confscope/log/log.hpp>
#include <confscope/plugins/plugin_instance.hpp>

namespace confscope::plugins {

namespace {

std::string text(const char* s) {
    return s ? std::string(s) : std::string();
}

bool known_format(confscope_format f) {
    return f >= CONFSCOPE_FORMAT_JSON && f <= CONFSCOPE_FORMAT_TEXT;
}
bool known_scope(confscope_scope s) {
    return s >= CONFSCOPE_SCOPE_USER && s <= CONFSCOPE_SCOPE_PLUGIN;
}

// The host table during create(): the plugin may log; there is nothing to emit or write yet.
confscope_host_v1 creation_host(const std::string* plugin_name) {
    confscope_host_v1 host = inert_host(const_cast<std::string*>(plugin_name));
    host.log = [](void* context, confscope_log_level level, const char* message) {
        if (message == nullptr) return;
        log::write(log::from_abi_level(level),
                   "plugin " + *static_cast<const std::string*>(context) + ": " + message);
    };
    return host;
}

// The configuration must be a JSON object, and match the plugin's JSON Schema when it declares one.
Status validate_config(const LoadedPlugin& plugin, const std::string& config_json) {
    auto refuse = [&](const std::string& why) {
        return Status(StatusCode::invalid_argument,
                      "plugin " + plugin.name() + " refused by the create check: " + why);
    };
    rapidjson::Document config;
    config.Parse(config_json.c_str(), config_json.size());
    if (config.HasParseError() || !config.IsObject())
        return refuse("its configuration is not a JSON object");
    const char* schema_text = plugin.descriptor().config_schema;
    if (schema_text == nullptr || *schema_text == '\0') return Status::ok();
    rapidjson::Document schema_json;
    schema_json.Parse(schema_text);
    if (schema_json.HasParseError() || !schema_json.IsObject()) {
        return refuse("its config_schema is not a JSON Schema object; fix the plugin");
    }
    const rapidjson::SchemaDocument schema(schema_json);
    rapidjson::SchemaValidator validator(schema);
    if (config.Accept(validator)) return Status::ok();
    rapidjson::StringBuffer where;
    validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
    return refuse(std::string("its configuration does not match the plugin's schema (") +
                  validator.GetInvalidSchemaKeyword() + " at " + where.GetString() + ")");
}

}  // namespace

Result<std::unique_ptr<PluginInstance>> PluginInstance::create(std::shared_ptr<LoadedPlugin> plugin,
                                                               const std::string& config_json) {
    const confscope_plugin_v1& d = plugin->descriptor();
    CONFSCOPE_TRY(validate_config(*plugin, config_json));
    const confscope_host_v1 host = creation_host(&plugin->name());
    confscope_instance* instance = nullptr;
    const confscope_status status = d.create(config_json.c_str(), &host, &instance);
    if (status != CONFSCOPE_OK || instance == nullptr) {
        std::string why = text(d.last_error(nullptr));
        if (why.empty()) why = "status " + to_string(static_cast<StatusCode>(status));
        return Status(StatusCode::failed_precondition,
                      "plugin " + plugin->name() + " refused by the create check: " + why);
    }
    std::unique_ptr<PluginInstance> created(new PluginInstance(std::move(plugin), instance));
    CONFSCOPE_TRY(created->load_extra_rules());
    return created;
}

Status PluginInstance::load_extra_rules() {
    const confscope_plugin_v1& d = plugin_->descriptor();
    if (!CONFSCOPE_HAS_MEMBER(&d, confscope_plugin_v1, instance_rules) ||
        d.instance_rules == nullptr) {
        return Status::ok();
    }
    const confscope_rule_v1* const* list = nullptr;
    std::size_t count = 0;
    const confscope_status status = d.instance_rules(instance_, &list, &count);
    if (status != CONFSCOPE_OK) return failure("instance_rules", status);
    for (std::size_t i = 0; i < count; ++i) {
        const confscope_rule_v1* r = list[i];
        if (r == nullptr || r->struct_size < offsetof(confscope_rule_v1, help) + sizeof(r->help) ||
            r->id == nullptr || r->title == nullptr || r->help == nullptr) {
            return Status::invalid_argument(
                "plugin " + plugin_->name() + ": instance rule " + std::to_string(i) +
                " is malformed (NULL, too small, or without id/title/help)");
        }
        extra_rules_.push_back({r->id, static_cast<sdk::Severity>(r->severity), r->title, r->help,
                                CONFSCOPE_HAS_MEMBER(r, confscope_rule_v1, help_uri) && r->help_uri
                                    ? r->help_uri
                                    : ""});
    }
    return Status::ok();
}

bool accepts_rule_files(const LoadedPlugin& plugin) {
    const char* schema_text = plugin.descriptor().config_schema;
    if (schema_text == nullptr || *schema_text == '\0') return false;
    rapidjson::Document schema;
    schema.Parse(schema_text);
    if (schema.HasParseError() || !schema.IsObject()) return false;
    const auto properties = schema.FindMember("properties");
    return properties != schema.MemberEnd() && properties->value.IsObject() &&
           properties->value.HasMember("rule_files");
}

PluginInstance::~PluginInstance() {
    if (instance_ != nullptr) plugin_->descriptor().destroy(instance_);
}

Status PluginInstance::failure(const char* function, confscope_status status) const {
    std::string why = text(plugin_->descriptor().last_error(instance_));
    if (why.empty()) why = "no reason given";
    return {static_cast<StatusCode>(status),
            "plugin " + plugin_->name() + ": " + function + " failed (" +
                to_string(static_cast<StatusCode>(status)) + "): " + why};
}

Result<std::vector<sdk::Target>> PluginInstance::targets() {
    const confscope_target_v1* const* list = nullptr;
    std::size_t count = 0;
    const confscope_status status = plugin_->descriptor().targets(instance_, &list, &count);
    if (status != CONFSCOPE_OK) return failure("targets", status);
    if (count > 0 && list == nullptr)
        return Status::internal("plugin " + plugin_->name() + ": targets returned NULL");
    std::vector<sdk::Target> targets;
    targets.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const confscope_target_v1* t = list[i];
        if (t == nullptr ||
            t->struct_size < offsetof(confscope_target_v1, scope) + sizeof(t->scope) ||
            t->id == nullptr || t->path == nullptr || t->category == nullptr ||
            t->name == nullptr || !known_format(t->format) || !known_scope(t->scope)) {
            return Status::invalid_argument(
                "plugin " + plugin_->name() + ": target " + std::to_string(i) +
                " is malformed (NULL member, too small, or unknown format/scope)");
        }
        const std::uint32_t os_mask =
            CONFSCOPE_HAS_MEMBER(t, confscope_target_v1, os_mask) ? t->os_mask : 0;
        targets.push_back({t->id, t->category, t->name, t->path,
                           static_cast<sdk::Format>(t->format), static_cast<sdk::Scope>(t->scope),
                           os_mask});
    }
    return targets;
}

Status PluginInstance::analyze(const confscope_file_v1& file, const confscope_document_v1& document,
                               const confscope_host_v1& host) {
    const confscope_status status =
        plugin_->descriptor().analyze(instance_, &file, &document, &host);
    return status == CONFSCOPE_OK ? Status::ok() : failure("analyze", status);
}

Status PluginInstance::finish(const confscope_host_v1& host) {
    const confscope_plugin_v1& d = plugin_->descriptor();
    if (!CONFSCOPE_HAS_MEMBER(&d, confscope_plugin_v1, finish) || d.finish == nullptr)
        return Status::ok();
    const confscope_status status = d.finish(instance_, &host);
    return status == CONFSCOPE_OK ? Status::ok() : failure("finish", status);
}

Status PluginInstance::export_scan(const confscope_export_input_v1& input,
                                   const confscope_host_v1& host) {
    if (plugin_->descriptor().export_scan == nullptr) {
        return Status::failed_precondition("plugin " + plugin_->name() + " is not an exporter");
    }
    const confscope_status status = plugin_->descriptor().export_scan(instance_, &input, &host);
    return status == CONFSCOPE_OK ? Status::ok() : failure("export", status);
}

confscope_host_v1 inert_host(void* context) {
    confscope_host_v1 host{};
    host.struct_size = sizeof host;
    host.abi_major = CONFSCOPE_ABI_MAJOR;
    host.abi_minor = CONFSCOPE_ABI_MINOR;
    host.context = context;
    host.emit_item = [](void*, const confscope_item_v1*) -> confscope_status {
        return CONFSCOPE_FAILED_PRECONDITION;
    };
    host.emit_finding = [](void*, const confscope_finding_v1*) -> confscope_status {
        return CONFSCOPE_FAILED_PRECONDITION;
    };
    host.log = [](void*, confscope_log_level, const char*) {};
    host.cancelled = [](void*) -> std::int32_t { return 0; };
    host.write = [](void*, const char*, std::size_t) -> confscope_status {
        return CONFSCOPE_FAILED_PRECONDITION;
    };
    return host;
}

}  // namespace confscope::plugins
