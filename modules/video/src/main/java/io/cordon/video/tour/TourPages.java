package io.cordon.video.tour;

import java.util.ArrayList;
import java.util.List;

/**
 * A group cut into wall-sized pages: a 12-camera group on a 3×3 wall is two pages, the second
 * with 3 cameras and 6 empty cells (so a page never repeats cameras the operator just saw).
 */
public final class TourPages {
  private TourPages() {
  }

  /** The pages of {@code cameraIds} for a wall of {@code cellsPerPage} cells; one empty page for none. */
  public static List<List<String>> of(List<String> cameraIds, int cellsPerPage) {
    if (cellsPerPage < 1) {
      throw new IllegalArgumentException("a page needs at least one cell: " + cellsPerPage);
    }
    List<List<String>> pages = new ArrayList<>();
    for (int from = 0; from < cameraIds.size(); from += cellsPerPage) {
      pages.add(List.copyOf(cameraIds.subList(from, Math.min(cameraIds.size(), from + cellsPerPage))));
    }
    if (pages.isEmpty()) {
      pages.add(List.of());
    }
    return pages;
  }
}
