#include "scenario/accepted_input.h"

namespace stacksim::scenario {

namespace {

thread_local AcceptedInputRecorder* current_recorder = nullptr;
thread_local AcceptedInput* current_input = nullptr;

}  // namespace

AcceptedInputRecorder::AcceptedInputRecorder() : previous_(current_recorder) {
  current_recorder = this;
  current_input = &recorded_;
}

AcceptedInputRecorder::~AcceptedInputRecorder() {
  current_recorder = previous_;
  current_input = previous_ == nullptr ? nullptr : &previous_->recorded_;
}

void note_accepted_object(const std::string& pointer, std::span<const std::string_view> keys) {
  if (current_input == nullptr) return;
  current_input->objects.push_back({pointer, {keys.begin(), keys.end()}});
}

void note_accepted_words(const std::string& pointer, const std::vector<std::string>& words) {
  if (current_input == nullptr) return;
  current_input->words.push_back({pointer, words});
}

}  // namespace stacksim::scenario
