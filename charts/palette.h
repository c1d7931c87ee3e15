#pragma once

#include <array>
#include <cstddef>

// Colours of the charts and the architecture diagram: the Okabe-Ito palette, which readers with
// the common forms of colour blindness can still tell apart (Okabe & Ito, "Color Universal
// Design", 2008).
namespace stacksim::charts {

inline constexpr std::array<const char*, 8> kPalette = {
    "#0072B2",  // blue
    "#E69F00",  // orange
    "#009E73",  // bluish green
    "#CC79A7",  // reddish purple
    "#56B4E9",  // sky blue
    "#D55E00",  // vermillion
    "#000000",  // black
    "#F0E442",  // yellow (last: too light for thin lines on white)
};

// The colour of the i-th series, cycling through the palette.
[[nodiscard]] inline const char* series_colour(std::size_t i) {
  return kPalette[i % (kPalette.size() - 1)];
}

// Shading of trouble (downtime, faults) and the colour that marks a failure or a miss.
inline constexpr const char* kTroubleShade = "#D55E00";
// Shading of a fault that degrades rather than stops (a slowdown, a network fault), and the ink
// of its dashed edges and label.
inline constexpr const char* kFaultShade = "#E69F00";
inline constexpr const char* kFaultEdge = "#8a5d00";
inline constexpr const char* kGrid = "#dddddd";
inline constexpr const char* kAxis = "#555555";

}  // namespace stacksim::charts
