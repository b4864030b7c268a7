#pragma once

#include <utility>
#include <vector>

namespace models {

/// Turns row numbers into contiguous inclusive ranges, for one dataChanged() per range.
class RowRanges {
public:
    using Range = std::pair<int, int>; ///< first, last (inclusive)

    /// `rows` must be ascending and unique (as StreamMonitor::takeDirtyRows() returns them).
    /// Rows >= `limit` are dropped (rows the model has not exposed yet).
    static std::vector<Range> merge(const std::vector<int>& rows, int limit);

    /// Caps `ranges` (ascending, disjoint) at `maxRanges` by joining the ranges separated by
    /// the smallest gaps: the rows in those gaps are reported too (a harmless re-read), in
    /// exchange for fewer signals. maxRanges <= 0: no cap.
    static void limit(std::vector<Range>& ranges, int maxRanges);
};

} // namespace models
