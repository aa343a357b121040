package org.cfdmspark.eval;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link Bench} measures. Flags: {@code --rows 10000,100000,1000000 --dims 8,64,784 --memory-mb 4096
 * --reps 3 --queries 256 --sections kernel,estimators,threads --seed 1}. Grid points whose training data
 * (plus the IVF copy) would exceed the memory budget are skipped, and the report says so.
 */
public record BenchOptions(int[] rows, int[] dims, long memoryMb, int reps, int queries, Set<String> sections,
    long seed) {
  public static final Set<String> ALL_SECTIONS = Set.of("kernel", "estimators", "threads");

  public static BenchOptions defaults() {
    return new BenchOptions(new int[] {10_000, 100_000, 1_000_000}, new int[] {8, 64, 784}, 4096, 3, 256,
        ALL_SECTIONS, 1);
  }

  public static BenchOptions parse(String[] args) {
    BenchOptions o = defaults();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      o = switch (flag) {
        case "--rows" -> new BenchOptions(ints(value), o.dims, o.memoryMb, o.reps, o.queries, o.sections, o.seed);
        case "--dims" -> new BenchOptions(o.rows, ints(value), o.memoryMb, o.reps, o.queries, o.sections, o.seed);
        case "--memory-mb" -> new BenchOptions(o.rows, o.dims, Long.parseLong(value), o.reps, o.queries, o.sections,
            o.seed);
        case "--reps" -> new BenchOptions(o.rows, o.dims, o.memoryMb, Integer.parseInt(value), o.queries, o.sections,
            o.seed);
        case "--queries" -> new BenchOptions(o.rows, o.dims, o.memoryMb, o.reps, Integer.parseInt(value), o.sections,
            o.seed);
        case "--sections" -> new BenchOptions(o.rows, o.dims, o.memoryMb, o.reps, o.queries, sections(value), o.seed);
        case "--seed" -> new BenchOptions(o.rows, o.dims, o.memoryMb, o.reps, o.queries, o.sections,
            Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown flag " + flag
            + "; known: --rows --dims --memory-mb --reps --queries --sections --seed");
      };
    }
    if (o.reps < 1 || o.queries < 1) {
      throw new IllegalArgumentException("--reps and --queries must be at least 1");
    }
    return o;
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }

  private static Set<String> sections(String list) {
    Set<String> out = new LinkedHashSet<>(Arrays.asList(list.split(",")));
    if (!ALL_SECTIONS.containsAll(out)) {
      throw new IllegalArgumentException("--sections takes a list of " + ALL_SECTIONS + ", got " + list);
    }
    return out;
  }
}
