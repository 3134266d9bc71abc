#include "marketplaces.hpp"

#include <algorithm>

#include <re2/re2.h>

#include "messages.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

constexpr std::string_view kOfficialName = "claude-plugins-official";
constexpr std::string_view kOfficialRepo = "anthropics/claude-plugins-official";

// "https://github.com/Owner/Repo.git/" -> "https://github.com/owner/repo"
std::string normalized_url(std::string_view url) {
    std::string out = to_lower(url);
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    if (out.ends_with(".git")) out.resize(out.size() - 4);
    return out;
}

bool is_official(const MarketplaceSource& s) {
    if (s.kind == "github") return to_lower(s.repo) == kOfficialRepo;
    if (s.kind == "git" || s.kind == "url") {
        const std::string url = normalized_url(s.url);
        return url == "https://github.com/" + std::string(kOfficialRepo) ||
               url == "git@github.com:" + std::string(kOfficialRepo);
    }
    return false;
}

// The host a source is fetched from, for hostPattern entries.
std::string source_host(const MarketplaceSource& s) {
    if (s.kind == "github") return "github.com";
    if (const Url url = parse_url(s.url); url.valid) return url.host;
    if (const auto at = s.url.find('@'); at != std::string::npos) {  // git@host:owner/repo
        const auto colon = s.url.find(':', at);
        return to_lower(s.url.substr(at + 1, colon == std::string::npos ? colon : colon - at - 1));
    }
    return {};
}

bool listed_by(const MarketplaceSource& entry, const MarketplaceSource& s) {
    if (entry.kind == "hostPattern") {
        const std::string host = source_host(s);
        // 253: the longest DNS name; longer is not a host. RE2 (linear time): a managed pattern
        // cannot hang the scan.
        if (host.empty() || host.size() > 253 || entry.host_pattern.empty()) return false;
        RE2::Options options;
        options.set_log_errors(false);
        const RE2 pattern(entry.host_pattern, options);
        return pattern.ok() && RE2::PartialMatch(host, pattern);
    }
    if (entry.kind != s.kind) return false;
    if (!entry.ref.empty() && entry.ref != s.ref) return false;
    if (!entry.path.empty() && entry.path != s.path) return false;
    if (s.kind == "github") return to_lower(entry.repo) == to_lower(s.repo);
    if (!entry.url.empty() || !s.url.empty())
        return normalized_url(entry.url) == normalized_url(s.url);
    return !entry.path.empty();
}

std::string describe(const MarketplaceSource& s) {
    if (s.kind == "github") return "github " + s.repo;
    if (!s.url.empty()) return s.kind + " " + s.url;
    if (!s.path.empty()) return s.kind + " " + s.path;
    return s.kind.empty() ? "an unknown source" : s.kind;
}

// The source a project's marketplace name stands for: its own extraKnownMarketplaces entry, else
// the user's known marketplaces.
std::optional<MarketplaceSource> resolve(const ScanFacts& facts, const ProjectPluginSource& p) {
    if (p.source) return p.source;
    for (const ProjectPluginSource& other : facts.project_plugins) {
        if (other.plugin.empty() && other.project_file == p.project_file &&
            other.marketplace == p.marketplace && other.source) {
            return other.source;
        }
    }
    for (const auto& [name, source] : facts.known_marketplaces) {
        if (name == p.marketplace) return source;
    }
    return std::nullopt;
}

}  // namespace

MarketplaceSource read_marketplace_source(const sdk::Node& source) {
    MarketplaceSource s;
    s.kind = std::string(source["source"].string_or(""));
    s.repo = std::string(source["repo"].string_or(""));
    s.url = std::string(source["url"].string_or(""));
    s.path = std::string(source["path"].string_or(""));
    s.ref = std::string(source["ref"].string_or(""));
    s.host_pattern = std::string(source["hostPattern"].string_or(""));
    return s;
}

void record_project_plugins(Analysis& a, ScanFacts& facts, const sdk::Node& root) {
    const std::string file(a.file.path());
    for (const sdk::Node& market : root["extraKnownMarketplaces"].children()) {
        if (!market.is_object()) continue;
        facts.project_plugins.push_back({std::string(market.key()), "",
                                         read_marketplace_source(market["source"]), file,
                                         sdk::Location::of(a.file, market)});
    }
    for (const sdk::Node& plugin : root["enabledPlugins"].children()) {
        if (!plugin.is_true()) continue;
        const std::string_view id = plugin.key();
        const auto at = id.rfind('@');
        if (at == std::string_view::npos || at + 1 == id.size()) continue;
        facts.project_plugins.push_back({std::string(id.substr(at + 1)),
                                         std::string(id.substr(0, at)), std::nullopt, file,
                                         sdk::Location::of(a.file, plugin)});
    }
}

void record_strict_marketplaces(ScanFacts& facts, const sdk::Node& root) {
    const sdk::Node strict = root["strictKnownMarketplaces"];
    if (!strict.is_array()) return;
    if (!facts.strict_marketplaces) facts.strict_marketplaces.emplace();
    for (const sdk::Node& entry : strict.children()) {
        if (entry.is_object()) facts.strict_marketplaces->push_back(read_marketplace_source(entry));
    }
}

void report_plugin_sources(const ScanFacts& facts, sdk::Sink& sink) {
    for (const ProjectPluginSource& p : facts.project_plugins) {
        const std::optional<MarketplaceSource> source = resolve(facts, p);
        // The official marketplace by name, unless this project redefines that name elsewhere.
        if (source ? is_official(*source) : p.marketplace == kOfficialName) continue;
        if (source && facts.strict_marketplaces &&
            std::any_of(facts.strict_marketplaces->begin(), facts.strict_marketplaces->end(),
                        [&](const MarketplaceSource& e) { return listed_by(e, *source); })) {
            continue;
        }
        const std::string from = source ? describe(*source) : "a source this scan cannot see";
        const std::string what =
            p.plugin.empty() ? "add plugin marketplace " + text_in_quotes(p.marketplace)
                             : "enable plugin " + text_in_quotes(p.plugin + "@" + p.marketplace);
        sink.finding(
            "PLG-001", Severity::medium,
            "project settings " + what + " (" + from + "), which is not the official marketplace" +
                (facts.strict_marketplaces ? " nor in managed strictKnownMarketplaces" : "") +
                ": everyone who trusts this repository is offered its plugins",
            p.at);
    }
}

}  // namespace claude_code
