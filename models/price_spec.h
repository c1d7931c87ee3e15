#pragma once

// What a design costs to run, per month, as a scenario's `prices` or a lab's budget states it.
// Defaults are the on-demand list prices of a public cloud, so that a design's bill is realistic
// without the user looking prices up; a scenario may set its own.
namespace stacksim::models {

// Google Compute Engine N2 machines, on demand, us-central1: $0.031611 per vCPU-hour and
// $0.004237 per GiB-hour (cloud.google.com/compute/vm-instance-pricing; n2-standard-2, 2 vCPU
// and 8 GiB, lists at their sum, $0.097118 an hour), times 730 hours a month.
inline constexpr double kHoursPerMonth = 730.0;
inline constexpr double kDefaultCorePerMonth = 0.031611 * kHoursPerMonth;       // $23.08
inline constexpr double kDefaultMemoryGibPerMonth = 0.004237 * kHoursPerMonth;  // $3.09
// A managed load balancer (a component of kind lb placed on no host): Google Cloud Load
// Balancing's forwarding rule, $0.025 an hour (cloud.google.com/vpc/network-pricing), times 730.
inline constexpr double kDefaultManagedLbPerMonth = 0.025 * kHoursPerMonth;  // $18.25

// Monthly prices in one currency (the reports print "$"). A host costs host + cores x core +
// memory GiB x memory_gib; an lb component placed on no host costs managed_lb per instance
// (placed on a host, its host's price already counts).
struct PriceSpec {
  double core_per_month = kDefaultCorePerMonth;
  double memory_gib_per_month = kDefaultMemoryGibPerMonth;
  double host_per_month = 0.0;
  double managed_lb_per_month = kDefaultManagedLbPerMonth;
};

}  // namespace stacksim::models
