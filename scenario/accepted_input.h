#pragma once

// What the loader accepts, noted as it reads a document: for each JSON object it reads, the
// object's pointer and every key valid there; for each member that must be one of a list of
// words (a kind, a mode, a policy), its pointer and those words. Tools that must agree with the
// loader, such as the scenario schema's drift test, read it instead of restating the loader's
// tables.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stacksim::scenario {

struct AcceptedObject {
  std::string pointer;            // JSON pointer of the object in the document read
  std::vector<std::string> keys;  // every key the loader accepts there, in its table's order
};

struct AcceptedWords {
  std::string pointer;             // JSON pointer of the member
  std::vector<std::string> words;  // every value the loader accepts there
};

struct AcceptedInput {
  std::vector<AcceptedObject> objects;  // in the order the loader read them
  std::vector<AcceptedWords> words;
};

// While an AcceptedInputRecorder is alive, what loads on its thread read is added to it. One
// recorder per thread at a time; not copyable.
class AcceptedInputRecorder {
 public:
  AcceptedInputRecorder();
  ~AcceptedInputRecorder();
  AcceptedInputRecorder(const AcceptedInputRecorder&) = delete;
  AcceptedInputRecorder& operator=(const AcceptedInputRecorder&) = delete;

  [[nodiscard]] const AcceptedInput& recorded() const { return recorded_; }

 private:
  AcceptedInput recorded_;
  AcceptedInputRecorder* previous_;
};

// Called by the loader's readers; no-ops unless a recorder is alive on this thread.
void note_accepted_object(const std::string& pointer, std::span<const std::string_view> keys);
void note_accepted_words(const std::string& pointer, const std::vector<std::string>& words);

}  // namespace stacksim::scenario
