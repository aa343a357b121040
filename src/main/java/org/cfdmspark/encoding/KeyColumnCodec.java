package org.cfdmspark.encoding;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A key column (a row id, a customer number): every training value is distinct, so a barycentre of training rows
 * has no key of its own, and copying one would hand out real ids (issue 13: 125 duplicates in 500 rows, every one
 * a training id). It takes no encoded slot; sample i gets a new key, unique because sample ids are, in the
 * training keys' form and never one of them:
 * <ul>
 *   <li>whole numbers: {@code next + i} ({@code next} is one past the largest training key; past the type's
 *       largest value, counting down from below the smallest);</li>
 *   <li>text of a prefix and digits ({@code CUST-000123}): the prefix and {@code next + i}, zero-padded to
 *       {@code padding} digits when every training key has that many;</li>
 *   <li>other text: the largest training key counted up by i + 1 in its own characters (digits as digits,
 *       letters as letters, the rest kept), so it sorts after every training key.</li>
 * </ul>
 *
 * @param outputType the key's Spark type (whole number or string)
 * @param next the first new number (whole-number keys, prefixed numbers)
 * @param floor the smallest training key, for whole-number keys (new keys count down from below it when the
 *     type has no room above the largest)
 * @param prefix the text before the digits of a prefixed-number key; null for other text and numbers
 * @param padding the zero-padded width of the digits (0: no padding)
 * @param largest the largest training key, for text keys of other forms (null otherwise)
 */
public record KeyColumnCodec(String name, DataType outputType, long next, long floor, String prefix, int padding,
    String largest) implements ColumnCodec {

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

  /** The key of sample 0 (decoding without a sample id, as the near-copy check does: keys take no slot). */
  @Override
  public Object decode(double[] z, int offset, long tieBreak) {
    return key(0);
  }

  @Override
  public Object decode(double[] z, int offset, long tieBreak, long sampleId) {
    return key(sampleId);
  }

  /** The key of sample {@code id} (≥ 0). */
  public Object key(long id) {
    if (!outputType.equals(DataTypes.StringType)) {
      NumericType type = NumericType.of(outputType).orElseThrow();
      long top = switch (type) {
        case BYTE -> Byte.MAX_VALUE;
        case SHORT -> Short.MAX_VALUE;
        case INTEGER -> Integer.MAX_VALUE;
        default -> Long.MAX_VALUE;
      };
      long room = top - next + 1;
      return type.boxWhole(id < room ? next + id : floor - 1 - (id - room));
    }
    if (prefix != null) {
      String digits = Long.toString(next + id);
      return prefix + "0".repeat(Math.max(0, padding - digits.length())) + digits;
    }
    return countUp(largest, id + 1);
  }

  /** {@code text} plus {@code steps}, each digit or letter a place of its own base, other characters kept. */
  static String countUp(String text, long steps) {
    StringBuilder out = new StringBuilder(text);
    long carry = steps;
    char lead = '1';
    for (int k = out.length() - 1; k >= 0 && carry > 0; k--) {
      char ch = out.charAt(k);
      char zero = Character.isDigit(ch) ? '0' : ch >= 'a' && ch <= 'z' ? 'a' : ch >= 'A' && ch <= 'Z' ? 'A' : 0;
      if (zero == 0) {
        continue;
      }
      int base = zero == '0' ? 10 : 26;
      long place = (ch - zero) + carry;
      out.setCharAt(k, (char) (zero + place % base));
      carry = place / base;
      lead = zero == '0' ? '1' : (char) (zero + 1);
    }
    while (carry > 0) { // more keys than the form holds: lengthen it
      int base = lead == '1' ? 10 : 26;
      char zero = lead == '1' ? '0' : (char) (lead - 1);
      out.insert(0, (char) (zero + carry % base));
      carry /= base;
    }
    return out.toString();
  }
}
