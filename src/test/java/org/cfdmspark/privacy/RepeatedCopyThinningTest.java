package org.cfdmspark.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RepeatedCopyThinningTest {
  @Test
  void theShareBringsTheCopiesToTheTargetOnTheLineBetweenNoneAndAllRedrawn() {
    // 92 % copies when none is redrawn, 72 % when all are: 87 % needs a quarter of them redrawn.
    double r = RepeatedCopyThinning.share(0.92, 0.72, 0.87);
    assertEquals(0.87, (1 - r) * 0.92 + r * 0.72, 1e-12);
    assertEquals(0.25, r, 1e-12);
  }

  @Test
  void noCopiesAboveTheTargetRedrawsNoneAndAnUnreachableTargetRedrawsAll() {
    assertEquals(0, RepeatedCopyThinning.share(0.40, 0.30, 0.45));
    assertEquals(0, RepeatedCopyThinning.share(0.45, 0.30, 0.45));
    assertEquals(0, RepeatedCopyThinning.share(0.60, 0.60, 0.45), "redrawing does not lower it");
    assertEquals(1, RepeatedCopyThinning.share(0.90, 0.80, 0.5), "even all redrawn stay above the target");
  }
}
