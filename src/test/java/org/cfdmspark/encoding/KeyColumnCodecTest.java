package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.junit.jupiter.api.Test;

/** New keys: unique, never a training key, in the training keys' form, and revealing none of them. */
class KeyColumnCodecTest {
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  @Test
  void emailsKeepTheirDomainAndVaryOnlyTheDigitsAsTheInputDoes() {
    Random random = new Random(11);
    Set<String> input = new LinkedHashSet<>();
    while (input.size() < 2000) {
      input.add("user" + (random.nextInt(999_000_000) + 1_000_000) + "@example.com"); // 7 to 9 digits
    }
    String largest = Collections.max(input);
    List<String> keys = keys(fit(DataTypes.StringType, input), 1, 20_000);
    assertNewAndUnique(input, keys);
    assertPositionsSeenInTheInput(input, keys);
    for (String key : keys) {
      assertTrue(key.matches("user[0-9]{7,9}@example\\.com"), key);
      assertNotEquals(local(largest), local(key), key + " shares the largest input key's varying part");
    }
  }

  @Test
  void prefixedCodesKeepThePrefixAndDoNotCountOnFromTheLargest() {
    Random random = new Random(12);
    Set<String> input = new LinkedHashSet<>();
    while (input.size() < 2000) {
      StringBuilder code = new StringBuilder("CUST-");
      for (int k = 0; k < 10; k++) {
        code.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
      }
      input.add(code.toString());
    }
    String largest = Collections.max(input);
    List<String> keys = keys(fit(DataTypes.StringType, input), 1, 20_000);
    assertNewAndUnique(input, keys);
    assertPositionsSeenInTheInput(input, keys);
    int afterLargest = 0;
    for (String key : keys) {
      assertTrue(key.matches("CUST-[A-Z0-9]{10}"), key);
      afterLargest += key.compareTo(largest) > 0 ? 1 : 0;
    }
    // Counting on from the largest key put every new key after it; keys spread over the form put few there.
    assertTrue(afterLargest < keys.size() / 10, afterLargest + " of " + keys.size() + " sort after the largest");
  }

  @Test
  void timestampsAsTextKeepMinutesAndSecondsBelowSixty() {
    Random random = new Random(13);
    Set<String> input = new LinkedHashSet<>();
    LocalDateTime start = LocalDateTime.of(2022, 9, 20, 0, 0);
    DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    while (input.size() < 500) {
      input.add(iso.format(start.plusSeconds(random.nextInt(7 * 24 * 3600))));
    }
    List<String> keys = keys(fit(DataTypes.StringType, input), 5, 5000);
    assertNewAndUnique(input, keys);
    assertPositionsSeenInTheInput(input, keys);
    for (String key : keys) {
      assertTrue(key.matches("2022-09-[0-9]{2}T[0-9]{2}:[0-5][0-9]:[0-5][0-9]"), key);
    }
  }

  @Test
  void textIdsOfASequenceKeepTheirWidthUntilEveryKeyOfItIsTaken() {
    Set<String> input = new LinkedHashSet<>();
    for (int k = 10_000; k < 11_200; k++) {
      input.add("ORD-" + k); // the second digit only reaches 1
    }
    List<String> keys = keys(fit(DataTypes.StringType, input), 2, 9_000);
    assertNewAndUnique(input, keys);
    long sameWidth = keys.stream().filter(key -> key.matches("ORD-1[0-9]{4}")).count();
    assertEquals(10_000 - 1_200, sameWidth, "every other ORD-1xxxx first: ORD-11200 … and ORD-12000 … ORD-19999");
    assertTrue(keys.stream().skip(8_800).allMatch(key -> key.matches("ORD-1[0-9]{5}")), "then one digit more");
  }

  @Test
  void wholeNumbersTakeTheInputsDigitsAndNotItsValues() {
    Random random = new Random(14);
    Set<Long> input = new LinkedHashSet<>();
    while (input.size() < 2000) {
      input.add(10_000_000L + random.nextInt(990_000_000)); // 8 and 9 digits
    }
    long largest = Collections.max(input);
    List<Object> keys = keys(fit(DataTypes.IntegerType, input), 1, 20_000);
    assertNewAndUnique(input.stream().map(Long::intValue).toList(), keys);
    for (Object key : keys) {
      int k = (Integer) key;
      assertTrue(k >= 10_000_000 && k <= 999_999_999, k + " has the digits of the input keys");
    }
    assertFalse(keys.contains((int) largest + 1), "not counted on from the largest key");
  }

  @Test
  void aSequenceRunsOutOfItsDigitsIntoOneMore() {
    Set<Long> input = new LinkedHashSet<>();
    for (long k = 1; k <= 2000; k++) {
      input.add(k);
    }
    KeyColumnCodec codec = fit(DataTypes.LongType, input);
    List<Object> keys = keys(codec, 3, 10_000);
    assertNewAndUnique(input, keys);
    long fourDigits = keys.stream().filter(k -> (Long) k <= 9999).count();
    assertEquals(9999 - 2000, fourDigits, "every 4-digit number that is not an input key first");
    assertTrue(keys.stream().allMatch(k -> (Long) k <= 99_999), "then 5 digits");
  }

  @Test
  void randomSixtyFourBitKeysOfBothSignsGetNewPositiveOnes() {
    Random random = new Random(15);
    Set<Long> input = new LinkedHashSet<>();
    input.add(Long.MIN_VALUE);
    input.add(0L);
    input.add(Long.MAX_VALUE);
    while (input.size() < 1000) {
      input.add(random.nextLong());
    }
    List<Object> keys = keys(fit(DataTypes.LongType, input), 1, 5000);
    assertNewAndUnique(input, keys);
    assertTrue(keys.stream().allMatch(k -> (Long) k > 0), "the range of all longs keeps its positive part");
  }

  @Test
  void aKeyOfASmallTypeRefusesMoreSamplesThanItHolds() {
    Set<Long> input = new LinkedHashSet<>();
    for (long k = 0; k < 100; k++) {
      input.add(k);
    }
    KeyColumnCodec codec = fit(DataTypes.ByteType, input);
    assertEquals(127 - 99, codec.capacity(), "100 … 127 are new");
    assertNewAndUnique(input.stream().map(Long::byteValue).toList(), keys(codec, 1, 28));
    TableCodec table = new TableCodec(List.of(codec), input.size());
    BadInputException error = assertThrows(BadInputException.class, () -> table.requireKeysFor(29));
    assertTrue(error.getMessage().contains("--no-key code"), error.getMessage());
  }

  @Test
  void aKeyDependsOnTheSeedAndTheSampleIdAlone() {
    Set<String> input = new LinkedHashSet<>();
    for (int k = 0; k < 300; k++) {
      input.add(String.format("INV-%05d", 7 * k));
    }
    KeyColumnCodec codec = fit(DataTypes.StringType, input);
    List<String> forward = keys(codec, 9, 2000);
    Map<Long, Object> backward = new HashMap<>();
    for (long id = 1999; id >= 0; id--) { // another order, as another partitioning would ask
      backward.put(id, codec.key(9, id));
    }
    for (int id = 0; id < forward.size(); id++) {
      assertEquals(forward.get(id), backward.get((long) id), "sample " + id);
    }
    List<String> otherSeed = keys(codec, 10, 2000);
    assertTrue(new HashSet<>(otherSeed).size() == 2000 && !otherSeed.equals(forward), "another seed, other keys");
  }

  @Test
  void aRepeatingIdIsAForeignKeyModelledAsCategoriesAndARepeatingMeasureANumber() {
    // 50 store ids spread over 100-9,999, each on 10 orders: as a number a barycentre of two ids is a third
    Random random = new Random(4);
    Long[] stores = new Long[50];
    for (int s = 0; s < stores.length; s++) {
      stores[s] = 100L + random.nextInt(9900);
    }
    Object[] cells = new Object[500];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = stores[i % stores.length];
    }
    ColumnFitter numbers = new NumericFitter(NumericType.LONG, false, true, true, 0);
    assertTrue(new KeyFitter(numbers, DataTypes.LongType, false, 100).fit("store_id", cells)
        instanceof CategoricalColumnCodec, "an id-like name over repeating values: categories");
    assertTrue(new KeyFitter(numbers, DataTypes.LongType, false, 100).fit("store_size", cells)
        instanceof NumericColumnCodec, "any other name: a number");
    assertTrue(new KeyFitter(numbers, DataTypes.LongType, false, 40).fit("store_id", cells)
        instanceof NumericColumnCodec, "more ids than --max-categories: a number, as before");
  }

  @Test
  void eachShuffleIsABijection() {
    for (long n : new long[] {1, 2, 3, 17, 1000, 4097}) {
      Set<Long> seen = new HashSet<>();
      for (long slot = 0; slot < n; slot++) {
        long moved = KeyPermutation.apply(slot, n, 42);
        assertTrue(moved >= 0 && moved < n && seen.add(moved), "slot " + slot + " of " + n + " went to " + moved);
      }
    }
  }

  private static KeyColumnCodec fit(DataType type, Set<?> keys) {
    KeyFitter fitter = new KeyFitter(null, type, true, 100);
    return (KeyColumnCodec) fitter.fit("code", keys.toArray());
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> keys(KeyColumnCodec codec, long seed, int n) {
    List<T> keys = new ArrayList<>();
    for (long id = 0; id < n; id++) {
      keys.add((T) codec.key(seed, id));
    }
    return keys;
  }

  private static void assertNewAndUnique(java.util.Collection<?> input, List<?> keys) {
    Set<Object> training = new HashSet<>(input);
    Set<Object> seen = new HashSet<>();
    for (Object key : keys) {
      assertFalse(training.contains(key), "a training key: " + key);
      assertTrue(seen.add(key), "a repeated key: " + key);
    }
  }

  /** Each key's character at each position is one an input key of its length has there. */
  private static void assertPositionsSeenInTheInput(Set<String> input, List<String> keys) {
    Map<Integer, List<Set<Character>>> seen = new HashMap<>();
    Function<Integer, List<Set<Character>>> positions = n -> {
      List<Set<Character>> sets = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        sets.add(new HashSet<>());
      }
      return sets;
    };
    for (String key : input) {
      List<Set<Character>> sets = seen.computeIfAbsent(key.length(), positions);
      for (int k = 0; k < key.length(); k++) {
        sets.get(k).add(key.charAt(k));
      }
    }
    for (String key : keys) {
      List<Set<Character>> sets = seen.get(key.length());
      assertTrue(sets != null, key + " has a length no input key has");
      for (int k = 0; k < key.length(); k++) {
        assertTrue(sets.get(k).contains(key.charAt(k)), key + ": '" + key.charAt(k) + "' at " + k);
      }
    }
  }

  private static String local(String email) {
    return email.substring(0, email.indexOf('@'));
  }
}
