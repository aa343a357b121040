package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.Test;

class DistinctRowsTest {

  @Test
  void groupsEqualRowsAndCountsThem() {
    // Rows 0, 2 and 4 are equal (−0 equals 0), rows 1 and 3 differ from everything else.
    RowMatrix matrix = RowMatrix.ofRows(new double[][] {{1, 0}, {1, 2}, {1, -0.0}, {2, 0}, {1, 0}});
    DistinctRows groups = DistinctRows.of(matrix);
    assertArrayEquals(new int[] {0, 1, 0, 3, 0}, groups.first());
    assertArrayEquals(new int[] {3, 1, 3, 1, 3}, groups.multiplicity());
    assertArrayEquals(new int[] {0, 1, 3}, groups.distinct());
    assertEquals(0.6, groups.repeatedShare(), 1e-12);
    RowMatrix distinct = groups.rows(matrix);
    assertEquals(3, distinct.rows());
    assertEquals(2f, distinct.get(1, 1));
    assertEquals(2f, distinct.get(2, 0));
  }

  @Test
  void aMatrixWithoutRepeatsIsItsOwnDistinctSet() {
    RowMatrix matrix = RowMatrix.ofRows(new double[][] {{1}, {2}, {3}});
    DistinctRows groups = DistinctRows.of(matrix);
    assertSame(matrix, groups.rows(matrix));
    assertEquals(0.0, groups.repeatedShare());
  }

  /** The fit asks for a training set's groups several times: they are computed once per matrix object. */
  @Test
  void aMatrixsGroupsAreComputedOnceAndNotSerialized() throws Exception {
    RowMatrix matrix = RowMatrix.ofRows(new double[][] {{1}, {2}, {1}});
    DistinctRows groups = DistinctRows.of(matrix);
    assertSame(groups, DistinctRows.of(matrix));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(matrix);
    }
    RowMatrix copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RowMatrix) in.readObject();
    }
    DistinctRows copied = DistinctRows.of(copy); // grouped again on the copy, with the same result
    assertNotSame(groups, copied);
    assertArrayEquals(groups.first(), copied.first());
    assertArrayEquals(new int[] {0, 1}, copied.distinct());
  }
}
