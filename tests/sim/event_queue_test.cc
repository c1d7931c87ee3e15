#include "sim/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "sim/random_stream.h"

namespace stacksim::sim {
namespace {

Event make_event(Time time, std::uint64_t seq) {
  return Event{time, seq, nullptr, 0, static_cast<std::uint32_t>(seq)};
}

// An EventQueue beside the reference it must match: an ordered set of (time, insertion number),
// which is exactly "time order, then FIFO".
struct CheckedQueue {
  EventQueue q;
  std::set<std::pair<Time, std::uint64_t>> reference;
  std::uint64_t next_seq = 0;

  void push(Time t) {
    q.push(make_event(t, next_seq));
    reference.emplace(t, next_seq++);
  }
  // The event the reference says comes next, which it then forgets.
  std::pair<Time, std::uint64_t> expected_next() {
    const auto next = *reference.begin();
    reference.erase(reference.begin());
    return next;
  }
};

TEST(EventQueueTest, StartsEmpty) {
  EventQueue q;
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.size(), 0u);
}

TEST(EventQueueTest, RandomTimesPopInSortedOrder) {
  RandomStream rng(1, 0, "event_queue_test/sorted");
  EventQueue q;
  std::vector<Time> times;
  for (std::uint64_t seq = 0; seq < 20'000; ++seq) {
    const Time t = static_cast<Time>(rng.below(1'000'000'000));
    times.push_back(t);
    q.push(make_event(t, seq));
  }
  EXPECT_EQ(q.size(), times.size());
  std::sort(times.begin(), times.end());
  for (const Time expected : times) {
    ASSERT_FALSE(q.empty());
    EXPECT_EQ(q.top().time, expected);
    EXPECT_EQ(q.pop().time, expected);
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueueTest, SameTimeEventsPopInInsertionOrder) {
  EventQueue q;
  for (std::uint64_t seq = 0; seq < 1000; ++seq) q.push(make_event(500, seq));
  for (std::uint64_t seq = 0; seq < 1000; ++seq) {
    const Event e = q.pop();
    EXPECT_EQ(e.time, 500);
    EXPECT_EQ(e.seq, seq);
    EXPECT_EQ(e.arg, static_cast<std::uint32_t>(seq));
  }
}

TEST(EventQueueTest, TiesStayFifoAcrossInterleavedPushesAndPops) {
  // Few distinct times, so nearly every event ties with many others; the reference is an ordered
  // set of (time, insertion number), which is exactly "time order, then FIFO".
  RandomStream rng(2, 0, "event_queue_test/interleaved");
  CheckedQueue checked;
  EventQueue& q = checked.q;
  Time now = 0;
  for (int step = 0; step < 300'000; ++step) {
    if (checked.reference.empty() || rng.below(100) < 55) {
      checked.push(now + static_cast<Time>(rng.below(4)));
    } else {
      const Event e = q.pop();
      const auto expected = checked.expected_next();
      ASSERT_EQ(e.time, expected.first) << "step " << step;
      ASSERT_EQ(e.seq, expected.second) << "step " << step;
      now = e.time;
    }
    ASSERT_EQ(q.size(), checked.reference.size());
  }
  while (!checked.reference.empty()) {
    const Event e = q.pop();
    ASSERT_EQ(std::make_pair(e.time, e.seq), checked.expected_next());
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueueTest, EventsPushedWhileOneIsTakenKeepTimeThenFifoOrder) {
  // An event loop's pattern: take the earliest, push none, one or several events no earlier than
  // it (the first replaces it at the root), settle. Times tie often, the reference is as above.
  RandomStream rng(3, 0, "event_queue_test/take");
  CheckedQueue checked;
  EventQueue& q = checked.q;
  for (int i = 0; i < 50; ++i) checked.push(static_cast<Time>(rng.below(8)));
  for (int step = 0; step < 200'000 && !checked.reference.empty(); ++step) {
    const Event e = q.take();
    ASSERT_EQ(std::make_pair(e.time, e.seq), checked.expected_next()) << "step " << step;
    ASSERT_EQ(q.size(), checked.reference.size());
    // Mostly one successor, as a model's events have; sometimes none or three.
    const std::uint64_t roll = rng.below(10);
    const int successors = roll < 2 ? 0 : roll < 8 ? 1 : 3;
    for (int k = 0; k < successors && checked.next_seq < 150'000; ++k) {
      checked.push(e.time + static_cast<Time>(rng.below(8)));
    }
    q.settle();
    ASSERT_EQ(q.size(), checked.reference.size());
  }
  EXPECT_TRUE(q.empty());
  EXPECT_TRUE(checked.reference.empty());
}

TEST(EventQueueTest, PushingItsOwnTopIsSafeWhileGrowing) {
  // push() takes a reference that may point into the queue's own storage.
  EventQueue q;
  q.push(make_event(7, 0));
  for (int i = 0; i < 1000; ++i) q.push(q.top());
  EXPECT_EQ(q.size(), 1001u);
  while (!q.empty()) {
    const Event e = q.pop();
    EXPECT_EQ(e.time, 7);
    EXPECT_EQ(e.seq, 0u);
  }
}

TEST(EventQueueTest, ClearEmptiesAndTheQueueIsReusable) {
  EventQueue q;
  q.reserve(64);
  for (std::uint64_t seq = 0; seq < 10; ++seq) q.push(make_event(100 - seq, seq));
  q.clear();
  EXPECT_TRUE(q.empty());
  q.push(make_event(3, 1));
  q.push(make_event(1, 2));
  EXPECT_EQ(q.pop().time, 1);
  EXPECT_EQ(q.pop().time, 3);
  EXPECT_TRUE(q.empty());
}

TEST(EventQueueTest, SmallHeapsWhoseLastChildrenAreFewerThanFourKeepTheirOrder) {
  // A queue of 0 to 12 events, so the last group of children is mostly short of four; taken,
  // settled, popped and cleared against an ordered-set reference.
  RandomStream rng(3, 0, "event_queue_test/small");
  CheckedQueue checked;
  EventQueue& q = checked.q;
  Time now = 0;
  for (int step = 0; step < 200'000; ++step) {
    const std::uint64_t roll = rng.below(1000);
    if (roll == 0) {
      q.clear();
      checked.reference.clear();
    } else if (checked.reference.size() < 12 && (checked.reference.empty() || roll < 500)) {
      checked.push(now + static_cast<Time>(rng.below(8)));
    } else {
      const auto expected = checked.expected_next();
      const Event e = roll % 2 == 0 ? q.pop() : q.take();
      ASSERT_EQ(e.time, expected.first) << "step " << step;
      ASSERT_EQ(e.seq, expected.second) << "step " << step;
      now = e.time;
      if (roll % 2 == 1) {
        // The handler schedules one event, which replaces the taken one.
        if (roll % 3 == 0) checked.push(now + static_cast<Time>(rng.below(8)));
        q.settle();
      }
    }
    ASSERT_EQ(q.size(), checked.reference.size()) << "step " << step;
  }
}

TEST(EventQueueTest, ExtremeTimesOrderCorrectly) {
  EventQueue q;
  q.push(make_event(kTimeInfinity, 0));
  q.push(make_event(0, 1));
  q.push(make_event(kTimeInfinity - 1, 2));
  EXPECT_EQ(q.pop().time, 0);
  EXPECT_EQ(q.pop().time, kTimeInfinity - 1);
  EXPECT_EQ(q.pop().time, kTimeInfinity);
}

}  // namespace
}  // namespace stacksim::sim
