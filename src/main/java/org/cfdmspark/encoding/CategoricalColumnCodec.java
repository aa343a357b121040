package org.cfdmspark.encoding;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;

/**
 * A categorical column (method.md §6): one-hot over its sorted distinct values, plus one slot for "missing" when
 * the column has missing cells. The block is scaled by 1/√2 so that two rows with different categories are at
 * distance 1, the same as one standard deviation of a numeric column: a category change then weighs like a
 * typical numeric difference instead of √2 of them. A barycentre of one-hot rows is a probability vector;
 * decoding takes its arg-max (a tie settled by the row's bits, see {@link Vote}), or draws a category with its
 * share as probability ({@code draw}, --category-draw), so every decoded value occurred in training.
 *
 * @param draw how decoding picks the category; null (a model saved before the choice existed) = the arg-max
 * @param voteWeights under the vote, each slot's weight (levels, then missing): a tie among the largest shares goes
 *     to each tied slot in proportion to its weight ({@link VoteCalibration}, fitted with the marginal stretch);
 *     null = evenly
 */
public record CategoricalColumnCodec(String name, DataType outputType, Object[] levels, boolean hasMissing,
    CategoryDraw draw, double[] voteWeights) implements ColumnCodec {

  /** The value of the "hot" entry of a one-hot block. */
  public static final float HOT = (float) Math.sqrt(0.5);

  public CategoricalColumnCodec {
    draw = draw == null ? CategoryDraw.VOTE : draw;
  }

  /** A column decoded by the plain arg-max. */
  public CategoricalColumnCodec(String name, DataType outputType, Object[] levels, boolean hasMissing) {
    this(name, outputType, levels, hasMissing, CategoryDraw.VOTE);
  }

  /** A column decoded by {@code draw}, a vote without weights. */
  public CategoricalColumnCodec(String name, DataType outputType, Object[] levels, boolean hasMissing,
      CategoryDraw draw) {
    this(name, outputType, levels, hasMissing, draw, null);
  }

  /** This column decoded by {@code choice}, without vote weights. */
  CategoricalColumnCodec drawing(CategoryDraw choice) {
    return new CategoricalColumnCodec(name, outputType, levels, hasMissing, choice);
  }

  /** This column's vote with {@code weights} (one per slot; null = none). */
  CategoricalColumnCodec weighted(double[] weights) {
    if (weights != null && weights.length != width()) {
      throw new IllegalArgumentException(weights.length + " vote weights for " + width() + " slots of " + name);
    }
    return new CategoricalColumnCodec(name, outputType, levels, hasMissing, draw, weights);
  }

  @Override
  public int width() {
    return levels.length + (hasMissing ? 1 : 0);
  }

  @Override
  public void encode(Object value, float[] out, int offset) {
    Arrays.fill(out, offset, offset + width(), 0f);
    out[offset + slot(value)] = HOT;
  }

  @Override
  public Object decode(double[] z, int offset, long tieBreak) {
    int best = draw == CategoryDraw.VOTE && voteWeights != null
        ? Vote.winner(z, offset, width(), voteWeights, tieBreak) : draw.category(z, offset, width(), tieBreak);
    return cell(best);
  }

  /** The cell of slot {@code slot}: its level, or null for the missing cell's slot. */
  Object cell(int slot) {
    return slot < levels.length ? levels[slot] : null;
  }

  /** The slot of {@code value} in this block: its level index, or the levels' count for a missing cell. */
  int slot(Object value) {
    if (value == null) {
      if (!hasMissing) {
        throw new IllegalArgumentException("column '" + name + "' was fitted without missing values");
      }
      return levels.length;
    }
    for (int k = 0; k < levels.length; k++) {
      if (levels[k].equals(value)) {
        return k;
      }
    }
    throw new IllegalArgumentException("column '" + name + "' has no category '" + value + "'");
  }
}
