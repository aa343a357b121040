package org.cfdmspark.ml;

import org.cfdmspark.knn.RowMatrix;

/**
 * How strongly each column is tied to each other one, for the distance a redrawn column's neighbours are found by
 * ({@link org.cfdmspark.engine.ColumnRedraw}): the weight of column j for column c is the largest squared Pearson
 * correlation between a measured slot of c and one of j, on the reference rows (for a categorical column's one-hot
 * slots against a number, the share of the number's variance one category's indicator explains; between two
 * numbers, their squared correlation in the model's units). A column tied to none weighs {@link #FLOOR}, so that a
 * column with no tie at all is redrawn by the plain distance on the others.
 */
final class ColumnAssociation {
  /** The least weight of a column: a squared correlation that 2,048 rows cannot tell from 0. */
  static final double FLOOR = 1e-3;

  private final double[][] correlation;
  private final int[] slotColumn;

  /**
   * @param points the training rows (the model's slots)
   * @param reference the rows the correlations are measured on
   * @param slots the measured slots
   * @param slotColumn for each of {@code slots}, the index of the column it belongs to
   */
  ColumnAssociation(RowMatrix points, int[] reference, int[] slots, int[] slotColumn) {
    this.slotColumn = slotColumn.clone();
    int m = slots.length;
    int n = reference.length;
    double[][] centred = new double[m][n];
    for (int j = 0; j < m; j++) {
      double mean = 0;
      for (int r = 0; r < n; r++) {
        mean += points.get(reference[r], slots[j]) / n;
      }
      double sumSquares = 0;
      for (int r = 0; r < n; r++) {
        centred[j][r] = points.get(reference[r], slots[j]) - mean;
        sumSquares += centred[j][r] * centred[j][r];
      }
      double norm = sumSquares > 0 ? Math.sqrt(sumSquares) : 0;
      for (int r = 0; r < n; r++) {
        centred[j][r] = norm > 0 ? centred[j][r] / norm : 0;
      }
    }
    correlation = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double sum = 0;
        for (int r = 0; r < n; r++) {
          sum += centred[a][r] * centred[b][r];
        }
        correlation[a][b] = sum;
        correlation[b][a] = sum;
      }
    }
  }

  /**
   * The weight of each measured slot in the distance that finds column {@code column}'s neighbours: its column's
   * weight, 0 on the column's own slots.
   */
  double[] slotWeights(int column) {
    int columns = 0;
    for (int owner : slotColumn) {
      columns = Math.max(columns, owner + 1);
    }
    double[] byColumn = new double[columns];
    for (int a = 0; a < slotColumn.length; a++) {
      if (slotColumn[a] != column) {
        continue;
      }
      for (int b = 0; b < slotColumn.length; b++) {
        double squared = correlation[a][b] * correlation[a][b];
        byColumn[slotColumn[b]] = Math.max(byColumn[slotColumn[b]], squared);
      }
    }
    double[] weights = new double[slotColumn.length];
    for (int b = 0; b < slotColumn.length; b++) {
      weights[b] = slotColumn[b] == column ? 0 : Math.max(byColumn[slotColumn[b]], FLOOR);
    }
    return weights;
  }
}
