package org.cfdmspark.encoding;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.knn.SplitMix64;

/**
 * A key column (a row id, a customer number): every training value is distinct, so a barycentre of training rows
 * has no key of its own, and copying one would hand out real ids (issue 13: 125 duplicates in 500 rows, every one
 * a training id). It takes no encoded slot; sample i of a run with seed s gets a new key of the training keys'
 * form, a pure function of (s, i):
 * <ul>
 *   <li>whole numbers: one of the numbers with as many digits as the training keys have ({@code low} …
 *       {@code high}: 1 … 9,999 for keys 1 … 2,000; 10,000,000 … 999,999,999 for 8- and 9-digit keys) that is
 *       not a training key; once those run out, the numbers with one digit more, and so on up to the type's
 *       largest value;</li>
 *   <li>text: a key of one of the training keys' shapes ({@link TextKeyForm}: each length's characters per
 *       position) that is not a training key; once those run out, longer ones.</li>
 * </ul>
 * The keys of a tier are numbered, the training keys' numbers ({@code taken}) left out, and sample i's key is the
 * free number a keyed shuffle of the free numbers ({@link KeyPermutation}, keyed by the seed and the column's name)
 * gives it: keys are distinct because sample ids are, never a training key, spread over the whole form rather than
 * counted on from the largest training key, and independent of how the samples are partitioned.
 *
 * @param outputType the key's Spark type (whole number or string)
 * @param low the smallest number of tier 0 (whole-number keys; 0 for text)
 * @param high the largest number of tier 0 (whole-number keys; 0 for text)
 * @param shapes the training keys' shapes, shortest first (text keys; null for whole numbers)
 * @param taken the training keys' tier-0 numbers, sorted: key − low for whole numbers, the shapes' numbering for
 *     text
 */
public record KeyColumnCodec(String name, DataType outputType, long low, long high, List<List<String>> shapes,
    long[] taken) implements ColumnCodec {
  private static final long SALT = 0x3C6EF372FE94F82BL;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  @Override
  public int width() {
    return 0;
  }

  @Override
  public boolean hasMissing() {
    return false;
  }

  @Override
  public void encode(Object value, float[] out, int offset) {
    // nothing: keys take no part in the model
  }

  /** The key of sample 0 with seed 0 (decoding without a sample, as the near-copy check does: keys take no slot). */
  @Override
  public Object decode(double[] z, int offset, long tieBreak) {
    return key(0, 0);
  }

  @Override
  public Object decode(double[] z, int offset, long tieBreak, long seed, long sampleId) {
    return key(seed, sampleId);
  }

  /**
   * The key of sample {@code id} of a run with {@code seed}.
   *
   * @param id at least 0 and below {@link #capacity()}
   * @throws IllegalArgumentException for an id the form has no key for
   */
  public Object key(long seed, long id) {
    if (id < 0) {
      throw new IllegalArgumentException("sample ids are at least 0, got " + id);
    }
    long streams = SplitMix64.mix(SplitMix64.mix(seed ^ SALT) ^ name.hashCode());
    return text() ? textKey(streams, id) : wholeKey(streams, id);
  }

  /** How many samples get a key: every new key of the form (saturating at Long.MAX_VALUE). */
  public long capacity() {
    long total = 0;
    for (int tier = 0; ; tier++) {
      long room = room(tier);
      if (room < 0) {
        return total;
      }
      total = total > Long.MAX_VALUE - room ? Long.MAX_VALUE : total + room;
    }
  }

  private boolean text() {
    return outputType.equals(DataTypes.StringType);
  }

  private Object textKey(long streams, long id) {
    Drawn drawn = draw(streams, id);
    long bits = SplitMix64.mix(drawn.stream() ^ drawn.number());
    return drawn.tier() == 0 ? TextKeyForm.key(shapes, free(drawn.number()), bits)
        : TextKeyForm.shapeKey(textShape(drawn.tier()), drawn.number(), bits);
  }

  private Object wholeKey(long streams, long id) {
    Drawn drawn = draw(streams, id);
    return NumericType.of(outputType).orElseThrow().boxWhole(drawn.tier() == 0 ? low + free(drawn.number())
        : wholeTierStart(drawn.tier()) + drawn.number());
  }

  /** Key number {@code number} of tier {@code tier}, drawn with the tier's shuffle {@code stream}. */
  private record Drawn(int tier, long number, long stream) {
  }

  /**
   * The key of sample {@code id}: ids fill tier 0's new keys, then tier 1's, and so on, each tier's in the order
   * of its own keyed shuffle.
   */
  private Drawn draw(long streams, long id) {
    long rest = id;
    for (int tier = 0; ; tier++) {
      long room = room(tier);
      if (room < 0) {
        throw outOfKeys(id);
      }
      if (rest < room) {
        long stream = SplitMix64.mix(streams + tier * GOLDEN_GAMMA);
        return new Drawn(tier, KeyPermutation.apply(rest, room, stream), stream);
      }
      rest -= room;
    }
  }

  /** New keys of tier {@code tier}; −1 past the last tier. */
  private long room(int tier) {
    if (text()) {
      if (tier == 0) {
        return TextKeyForm.size(shapes) - taken.length;
      }
      List<String> shape = textShape(tier);
      return shape != null ? TextKeyForm.shapeSize(shape) : tier == 1 ? 0 : -1;
    }
    if (tier == 0) {
      return high - low + 1 - taken.length;
    }
    long start = wholeTierStart(tier);
    return start < 0 ? -1 : wholeTierEnd(start) - start + 1;
  }

  /** Text tier t ≥ 1's shape ({@link TextKeyForm}): the widened one, then the lengthened ones; null for none. */
  private List<String> textShape(int tier) {
    return tier == 1 ? TextKeyForm.widened(shapes)
        : tier <= TextKeyForm.MAX_LENGTHENINGS + 1 ? TextKeyForm.lengthened(shapes, tier) : null;
  }

  /** The first number of whole-number tier t ≥ 1 (a power of ten, or 0 above negative keys); −1 past the type. */
  private long wholeTierStart(int tier) {
    long max = typeMax();
    long end = high;
    for (int t = 1; t < tier && end < max; t++) {
      end = wholeTierEnd(end + 1);
    }
    return end >= max ? -1 : end + 1;
  }

  /** The last number of the whole-number tier starting at {@code start}: its digits' largest, within the type. */
  private long wholeTierEnd(long start) {
    long max = typeMax();
    return start <= 0 ? Math.min(9, max) : start > max / 10 ? max : Math.min(max, start * 10 - 1);
  }

  private long typeMax() {
    return NumericType.of(outputType).orElseThrow().wholeMax();
  }

  /** The {@code r}-th tier-0 number (from 0) that is not taken: r plus the taken numbers below it. */
  private long free(long r) {
    int lo = 0;
    int hi = taken.length;
    while (lo < hi) { // the fewest taken numbers k with taken[k] − k > r: those below the answer
      int mid = (lo + hi) >>> 1;
      if (taken[mid] - mid > r) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return r + lo;
  }

  private IllegalArgumentException outOfKeys(long id) {
    return new IllegalArgumentException("key column '" + name + "' has " + capacity() + " new keys, none for sample "
        + "id " + id + ": give sample ids below " + capacity() + ", or fit with --no-key " + name);
  }
}
