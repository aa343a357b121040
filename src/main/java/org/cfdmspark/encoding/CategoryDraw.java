package org.cfdmspark.encoding;

/**
 * How decoding picks a state from a block of state scores (--category-draw). At the end of a σ-CFDM trajectory
 * a sample is the barycentre of M training rows, so a categorical block holds each category's share of those M
 * rows (multiples of 1/M), and a number column's point-mass and missing indicators the same for its states.
 * <ul>
 *   <li>{@code vote}: the arg-max of every block, ties settled by the row's bits ({@link Vote#winner}): a sample
 *       keeps the categories most of its parents share (method.md §6).</li>
 *   <li>{@code weights}: a categorical column's value is drawn with probability equal to its share
 *       ({@link Vote#draw}), from the row's own bits and independently per column; number columns' states are
 *       still voted. A barycentre of rows that disagree then takes each parent's category as often as that
 *       parent's weight, instead of always the majority's.</li>
 *   <li>{@code weights-all}: as {@code weights}, and a number column's state (a point mass, missing, or another
 *       value) is drawn from its indicators' shares too.</li>
 *   <li>{@code row}: the sampler draws one training row with probability equal to its weight in the sample's
 *       barycentre and the sample takes that row's categorical blocks (engine.FlowSampler), so decoding votes on
 *       one-hot blocks: every column's category as often as the barycentre weighs it, and together one real row's
 *       combination. Number columns' states are voted. Generators without row weights (the baselines, the
 *       trained score models) vote.</li>
 *   <li>{@code auto} (the default): {@code vote} or {@code weights}, chosen when the model is fitted by how much
 *       the categories of a sample's parents disagree (ml.CategoryDrawChoice); a codec never decodes with it.</li>
 * </ul>
 */
public enum CategoryDraw {
  VOTE,
  WEIGHTS,
  WEIGHTS_ALL,
  ROW,
  AUTO;

  /**
   * How far a block's vote is from its shares: 1 − (largest share / total) over the positive scores of
   * scores[offset .. offset + count), the probability that a draw ({@code weights}) picks another state than the
   * largest; 0 for a block of one state (or none).
   */
  public static double disagreement(double[] scores, int offset, int count) {
    double total = 0;
    double largest = 0;
    for (int k = 0; k < count; k++) {
      double share = Math.max(scores[offset + k], 0);
      total += share;
      largest = Math.max(largest, share);
    }
    return total > 0 ? 1 - largest / total : 0;
  }

  /**
   * Adds to shares[0 .. count) the probability with which {@code draw} (vote or weights) picks each state of
   * scores[offset .. offset + count): under weights each positive score over their total, under the vote 1 split
   * among the largest scores; nothing for a block without a positive score.
   */
  static void addExpectedShares(CategoryDraw draw, double[] scores, int offset, int count, double[] shares) {
    double total = 0;
    double largest = 0;
    int ties = 0;
    for (int k = 0; k < count; k++) {
      double share = Math.max(scores[offset + k], 0);
      total += share;
      if (share > largest) {
        largest = share;
        ties = 1;
      } else if (share == largest && share > 0) {
        ties++;
      }
    }
    if (total <= 0) {
      return;
    }
    for (int k = 0; k < count; k++) {
      double share = Math.max(scores[offset + k], 0);
      shares[k] += draw == WEIGHTS ? share / total : share == largest ? 1.0 / ties : 0;
    }
  }

  /** The state of scores[offset .. offset + count) for a categorical column, from the row's bits. */
  int category(double[] scores, int offset, int count, long bits) {
    return this == WEIGHTS || this == WEIGHTS_ALL ? Vote.draw(scores, offset, count, bits)
        : Vote.winner(scores, offset, count, bits);
  }

  /** The state of scores[offset .. offset + count) for a number column's states, from the row's bits. */
  int numberState(double[] scores, int offset, int count, long bits) {
    return this == WEIGHTS_ALL ? Vote.draw(scores, offset, count, bits) : Vote.winner(scores, offset, count, bits);
  }
}
