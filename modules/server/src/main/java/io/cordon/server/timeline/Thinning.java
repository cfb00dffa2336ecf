package io.cordon.server.timeline;

/** Which of n points to keep so at most max remain, evenly spaced, the first and the last always kept. */
final class Thinning {
  private Thinning() {
  }

  static int[] evenly(int n, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("keep at least 2 points");
    }
    int shown = Math.min(n, max);
    int[] kept = new int[shown];
    for (int k = 0; k < shown; k++) {
      kept[k] = shown == n ? k : (int) Math.round((double) k * (n - 1) / (shown - 1));
    }
    return kept;
  }
}
