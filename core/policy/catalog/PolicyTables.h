#pragma once

// The catalog's definition tables, one per group of categories, in display order.

#include "policy/PolicyDefinition.h"

#include <span>

namespace opendo::policy::catalog {

std::span<const PolicyDefinition> peerAndCachePolicies();
std::span<const PolicyDefinition> bandwidthPolicies();
std::span<const PolicyDefinition> cacheServerAndGatesPolicies();

} // namespace opendo::policy::catalog
