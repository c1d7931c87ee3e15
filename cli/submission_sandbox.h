#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// Grading untrusted submissions: each in a child process (`stacksim lab check`) with limits, so
// that one hostile or broken file can neither hang, exhaust nor read the grader's machine.
namespace stacksim::cli {

struct SandboxLimits {
  int cpu_seconds = 120;                    // RLIMIT_CPU; the wall-clock limit is 4 x this + 10 s
  std::uint64_t memory_bytes = 2ULL << 30;  // RLIMIT_AS (not under AddressSanitizer)
  std::uint64_t file_size_bytes = 16ULL << 20;  // RLIMIT_FSIZE: the results file only
};

// One submission's row: its score, or 0 and why.
struct SubmissionRow {
  std::string file;  // as listed, relative to the submissions folder
  double score = 0.0;
  double max_score = 0.0;
  // "passed" (every goal met), "failed" (graded, some goal missed), "invalid" (not a valid
  // scenario for the lab), "rejected" (not a regular file inside the folder), "limit" (CPU,
  // wall-clock or memory limit), "error" (the grader crashed on it).
  std::string status;
  std::string reason;  // empty when passed
};

// The scenario files of a class's submissions folder: the *.json files in `dir` and in its
// immediate subfolders (one per student), in name order, relative to `dir`.
[[nodiscard]] std::vector<std::filesystem::path> submission_files(const std::filesystem::path& dir);

// Grades each file (relative to `dir`) with `stacksim lab check LAB FILE` in its own child
// process: working directory the file's folder, standard input closed, CPU time, address space
// and written file size limited (setrlimit), killed after 4 x the CPU limit + 10 s of real time; at
// most `jobs` at once. A file whose real path leaves `dir` (a symbolic link out) is not run.
// Never stops on a bad file: every file gets a row, in the order given. `max_score` is the
// lab's total, for rows that scored nothing.
[[nodiscard]] std::vector<SubmissionRow> grade_in_sandbox(
    const std::string& lab_id, const std::filesystem::path& labs_dir,
    const std::filesystem::path& dir, const std::vector<std::filesystem::path>& files,
    double max_score, const SandboxLimits& limits, int jobs);

}  // namespace stacksim::cli
