#include "models/cpu_scheduler.h"

#include "models/fcfs_cpu.h"
#include "models/processor_sharing_cpu.h"

namespace stacksim::models {

std::unique_ptr<CpuScheduler> make_cpu_scheduler(HostSpec::CpuScheduler kind, int cores) {
  switch (kind) {
    case HostSpec::CpuScheduler::kFcfs:
      return std::make_unique<FcfsCpu>(cores);
    case HostSpec::CpuScheduler::kProcessorSharing:
      break;
  }
  return std::make_unique<ProcessorSharingCpu>(cores);
}

}  // namespace stacksim::models
