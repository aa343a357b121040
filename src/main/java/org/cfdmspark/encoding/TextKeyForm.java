package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cfdmspark.knn.SplitMix64;

/**
 * The form of a text key column, and the keys of that form. The training keys are grouped by length (in code
 * points); a group's shape is, at each position, the characters some key of that length has there, as a string in
 * code-point order ("alphabet"). A position every key shares (the {@code CUST-} of {@code CUST-AJ9BTBU2DN}, the
 * {@code @example.com} of an e-mail) has a one-character alphabet and stays as it is; the others vary over what
 * they vary over in training and nothing else (a minutes' tens digit over 0–5, a hex digit over 0–f).
 *
 * <p>A shape's keys are numbered by their characters as a mixed-radix number, the last position least significant.
 * When a shape holds more than {@link #room} keys, only the positions from the right whose product stays within it
 * are numbered; the rest are drawn from their alphabets by the sample's own bits (distinct numbers still give
 * distinct keys). Tier 0 is the groups' shapes one after another. Tier 1 ({@link #widened}) keeps a shape's length
 * and lets one varying position take the other characters of its class: a sequence's leading digit that only reached
 * 1 in training ({@code ORD-10000} … {@code ORD-11199}) goes on over 2–9 ({@code ORD-12000} …) before any key grows
 * longer. Tier t ≥ 2 is the longest shape that varies, lengthened to t − 1 characters more than the longest key by
 * repeating its first varying position, so its keys are longer than every training key and every other tier's.
 */
final class TextKeyForm {
  /** Lengthened tiers tried before a column is out of keys (each at least doubles the one before). */
  static final int MAX_LENGTHENINGS = 64;
  /** The classes a varying position may be {@link #widened} within, each in code-point order. */
  private static final List<String> CLASSES = List.of("0123456789", "abcdefghijklmnopqrstuvwxyz",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private TextKeyForm() {
  }

  /** The groups' shapes of {@code keys}, shortest first; digits of one character for no keys. */
  static List<List<String>> fit(Collection<String> keys) {
    Map<Integer, List<TreeSet<Integer>>> byLength = new TreeMap<>();
    for (String key : keys) {
      int[] points = key.codePoints().toArray();
      List<TreeSet<Integer>> seen = byLength.computeIfAbsent(points.length, n -> {
        List<TreeSet<Integer>> positions = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          positions.add(new TreeSet<>());
        }
        return positions;
      });
      for (int k = 0; k < points.length; k++) {
        seen.get(k).add(points[k]);
      }
    }
    if (byLength.isEmpty()) {
      return List.of(List.of("0123456789"));
    }
    List<List<String>> shapes = new ArrayList<>();
    for (List<TreeSet<Integer>> positions : byLength.values()) {
      shapes.add(positions.stream().map(p -> new String(p.stream().mapToInt(Integer::intValue).toArray(), 0,
          p.size())).toList());
    }
    return List.copyOf(shapes);
  }

  /** The tier-0 numbers of {@code keys} (each a key of {@code shapes}), sorted and distinct. */
  static long[] taken(List<List<String>> shapes, Collection<String> keys) {
    Map<Integer, Integer> groupOfLength = new TreeMap<>();
    long room = room(shapes.size());
    long[] offsets = new long[shapes.size()];
    int[] numberedFrom = new int[shapes.size()];
    int[][][] alphabets = new int[shapes.size()][][];
    long offset = 0;
    for (int g = 0; g < shapes.size(); g++) {
      List<String> shape = shapes.get(g);
      groupOfLength.put(shape.size(), g);
      offsets[g] = offset;
      offset += size(shape, room);
      numberedFrom[g] = numberedFrom(shape, room);
      alphabets[g] = shape.stream().map(a -> a.codePoints().toArray()).toArray(int[][]::new);
    }
    long[] numbers = new long[keys.size()];
    int n = 0;
    for (String key : keys) {
      int[] points = key.codePoints().toArray();
      int g = groupOfLength.get(points.length);
      long number = 0;
      for (int k = numberedFrom[g]; k < points.length; k++) {
        number = number * alphabets[g][k].length + Arrays.binarySearch(alphabets[g][k], points[k]);
      }
      numbers[n++] = offsets[g] + number;
    }
    return Arrays.stream(numbers, 0, n).sorted().distinct().toArray();
  }

  /** Keys tier 0 holds: the numbered keys of every group (training keys among them). */
  static long size(List<List<String>> shapes) {
    long total = 0;
    for (List<String> shape : shapes) {
      total += size(shape, room(shapes.size()));
    }
    return total;
  }

  /** Keys of a widened or lengthened shape. */
  static long shapeSize(List<String> shape) {
    return size(shape, room(1));
  }

  /**
   * Tier 1's shape: the longest shape with a varying position whose characters are all of one class (digits,
   * lower-case or upper-case ASCII letters) but not the whole class — the leftmost such position, with the class's
   * other characters only, so that its keys are none of tier 0's or training's; null when no shape has one. Only
   * characters of the class the position already holds, so a digit stays a digit, and no 0 where a run of digits
   * starts ({@code customer-1000} … {@code customer-4999} go on with 5000 … 9999, not 0418).
   */
  static List<String> widened(List<List<String>> shapes) {
    for (int g = shapes.size() - 1; g >= 0; g--) {
      List<String> shape = shapes.get(g);
      for (int k = 0; k < shape.size(); k++) {
        String seen = shape.get(k);
        String others = otherCharactersOfItsClass(seen);
        if (k == 0 || shape.get(k - 1).chars().noneMatch(Character::isDigit)) {
          others = others.replace("0", ""); // a number's leading digit: 0 there only if training had it
        }
        if (seen.codePointCount(0, seen.length()) > 1 && !others.isEmpty()) {
          List<String> out = new ArrayList<>(shape);
          out.set(k, others);
          return out;
        }
      }
    }
    return null;
  }

  /** The characters of the one class every character of {@code seen} belongs to, less those; "" for no one class. */
  private static String otherCharactersOfItsClass(String seen) {
    for (String alphabet : CLASSES) {
      if (seen.chars().allMatch(c -> alphabet.indexOf(c) >= 0)) {
        StringBuilder others = new StringBuilder();
        alphabet.chars().filter(c -> seen.indexOf(c) < 0).forEach(c -> others.append((char) c));
        return others.toString();
      }
    }
    return "";
  }

  /** Tier t ≥ 2's shape, t − 1 characters longer than the longest key; null when no shape varies. */
  static List<String> lengthened(List<List<String>> shapes, int tier) {
    int longest = shapes.get(shapes.size() - 1).size();
    for (int g = shapes.size() - 1; g >= 0; g--) {
      List<String> shape = shapes.get(g);
      for (int k = 0; k < shape.size(); k++) {
        if (shape.get(k).codePointCount(0, shape.get(k).length()) > 1) {
          List<String> out = new ArrayList<>(shape.subList(0, k));
          out.addAll(Collections.nCopies(longest - shape.size() + tier - 1, shape.get(k)));
          out.addAll(shape.subList(k, shape.size()));
          return out;
        }
      }
    }
    return null;
  }

  /** Tier 0's key numbered {@code number}; {@code bits} draw the positions left of the numbered ones. */
  static String key(List<List<String>> shapes, long number, long bits) {
    long room = room(shapes.size());
    for (List<String> shape : shapes) {
      long size = size(shape, room);
      if (number < size) {
        return key(shape, room, number, bits);
      }
      number -= size;
    }
    throw new IllegalArgumentException("key number " + number + " is past the shapes' keys");
  }

  /** A widened or lengthened shape's key numbered {@code number}. */
  static String shapeKey(List<String> shape, long number, long bits) {
    return key(shape, room(1), number, bits);
  }

  private static String key(List<String> shape, long room, long number, long bits) {
    int from = numberedFrom(shape, room);
    int[] points = new int[shape.size()];
    for (int k = shape.size() - 1; k >= from; k--) {
      String alphabet = shape.get(k);
      int count = alphabet.codePointCount(0, alphabet.length());
      points[k] = pointAt(alphabet, (int) (number % count));
      number /= count;
    }
    for (int k = 0; k < from; k++) {
      String alphabet = shape.get(k);
      long draw = SplitMix64.mix(bits + (k + 1) * GOLDEN_GAMMA);
      points[k] = pointAt(alphabet, (int) Long.remainderUnsigned(draw, alphabet.codePointCount(0, alphabet.length())));
    }
    return new String(points, 0, points.length);
  }

  /** Keys one shape may number when {@code groups} shapes share tier 0: their sum stays below 2⁶². */
  private static long room(int groups) {
    return (1L << 62) / groups;
  }

  /** The first numbered position: those right of it multiply to at most {@code room}. */
  private static int numberedFrom(List<String> shape, long room) {
    long product = 1;
    int k = shape.size();
    while (k > 0) {
      int count = shape.get(k - 1).codePointCount(0, shape.get(k - 1).length());
      if (product > room / count) {
        break;
      }
      product *= count;
      k--;
    }
    return k;
  }

  private static long size(List<String> shape, long room) {
    long product = 1;
    for (int k = numberedFrom(shape, room); k < shape.size(); k++) {
      product *= shape.get(k).codePointCount(0, shape.get(k).length());
    }
    return product;
  }

  private static int pointAt(String alphabet, int k) {
    return alphabet.codePointAt(alphabet.offsetByCodePoints(0, k));
  }
}
