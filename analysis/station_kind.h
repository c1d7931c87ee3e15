#pragma once

namespace stacksim::analysis {

// How a station of a queueing network serves: kQueue is a queue in front of one or more identical
// servers (FCFS with exponential service, or processor sharing); kDelay has as many servers as
// requests (infinite server), so requests never wait: think times, network latency, sleeps.
enum class StationKind { kQueue, kDelay };

}  // namespace stacksim::analysis
