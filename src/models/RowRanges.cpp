#include "models/RowRanges.h"

#include <algorithm>

namespace models {

std::vector<RowRanges::Range> RowRanges::merge(const std::vector<int>& rows, int limit) {
    std::vector<Range> out;
    for (const int row : rows) {
        if (row < 0 || row >= limit) {
            continue;
        }
        if (!out.empty() && out.back().second + 1 == row) {
            out.back().second = row;
        } else if (out.empty() || out.back().second < row) {
            out.emplace_back(row, row);
        }
    }
    return out;
}

void RowRanges::limit(std::vector<Range>& ranges, int maxRanges) {
    if (maxRanges <= 0 || ranges.size() <= size_t(maxRanges)) {
        return;
    }
    // Gaps between neighbours; join every gap up to the one that leaves <= maxRanges ranges.
    std::vector<int> gaps;
    gaps.reserve(ranges.size() - 1);
    for (size_t i = 1; i < ranges.size(); ++i) {
        gaps.push_back(ranges[i].first - ranges[i - 1].second);
    }
    const size_t joins = ranges.size() - size_t(maxRanges);
    std::nth_element(gaps.begin(), gaps.begin() + std::ptrdiff_t(joins - 1), gaps.end());
    const int threshold = gaps[joins - 1];
    // Ties at the threshold may leave more than maxRanges: join only as many as needed.
    size_t tiesAllowed = joins - size_t(std::count_if(gaps.begin(), gaps.end(),
                                                      [&](int g) { return g < threshold; }));
    std::vector<Range> out;
    out.reserve(size_t(maxRanges));
    out.push_back(ranges.front());
    for (size_t i = 1; i < ranges.size(); ++i) {
        const int gap = ranges[i].first - out.back().second;
        const bool join = gap < threshold || (gap == threshold && tiesAllowed > 0);
        if (join) {
            if (gap == threshold) {
                --tiesAllowed;
            }
            out.back().second = ranges[i].second;
        } else {
            out.push_back(ranges[i]);
        }
    }
    ranges = std::move(out);
}

} // namespace models
