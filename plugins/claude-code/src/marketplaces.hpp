// Plugin marketplaces (PLG-001): a project settings file that adds a marketplace
// (extraKnownMarketplaces) or enables a plugin ("name@marketplace": true in enabledPlugins) from
// a source other than Anthropic's official marketplace, unless managed strictKnownMarketplaces
// lists that source. Reported from finish(), once the managed files are known.
#pragma once

#include "common.hpp"
#include "scan_facts.hpp"

namespace claude_code {

/// A source object: {"source": "github", "repo": "owner/name"}, {"source": "url", "url": ...}.
MarketplaceSource read_marketplace_source(const sdk::Node& source);

/// Keeps a project settings file's extraKnownMarketplaces and enabledPlugins.
void record_project_plugins(Analysis& a, ScanFacts& facts, const sdk::Node& root);

/// Keeps a managed settings file's strictKnownMarketplaces.
void record_strict_marketplaces(ScanFacts& facts, const sdk::Node& root);

void report_plugin_sources(const ScanFacts& facts, sdk::Sink& sink);

}  // namespace claude_code
