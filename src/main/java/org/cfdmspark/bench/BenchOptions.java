package org.cfdmspark.bench;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link Bench} measures. Flags: {@code --rows 10000,100000,1000000 --dims 8,64,784 --memory-mb 4096
 * --reps 3 --queries 256 --sections kernel,estimators,threads --components 16 --spread 0.5 --seed 1}: the last
 * three shape the Gaussian-mixture data ({@link GaussianMixture}). Grid points whose training data
 * (plus the IVF copy) would exceed the memory budget are skipped, and the report says so.
 */
public record BenchOptions(int[] rows, int[] dims, long memoryMb, int reps, int queries, Set<String> sections,
    int components, double spread, long seed) {
  public static final Set<String> ALL_SECTIONS = Set.of("kernel", "estimators", "threads");

  public static BenchOptions defaults() {
    return new BenchOptions(new int[] {10_000, 100_000, 1_000_000}, new int[] {8, 64, 784}, 4096, 3, 256,
        ALL_SECTIONS, 16, 0.5, 1);
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
        case "--rows" -> o.with(ints(value), o.dims, o.memoryMb, o.reps, o.queries, o.sections, o.components,
            o.spread, o.seed);
        case "--dims" -> o.with(o.rows, ints(value), o.memoryMb, o.reps, o.queries, o.sections, o.components,
            o.spread, o.seed);
        case "--memory-mb" -> o.with(o.rows, o.dims, Long.parseLong(value), o.reps, o.queries, o.sections,
            o.components, o.spread, o.seed);
        case "--reps" -> o.with(o.rows, o.dims, o.memoryMb, Integer.parseInt(value), o.queries, o.sections,
            o.components, o.spread, o.seed);
        case "--queries" -> o.with(o.rows, o.dims, o.memoryMb, o.reps, Integer.parseInt(value), o.sections,
            o.components, o.spread, o.seed);
        case "--sections" -> o.with(o.rows, o.dims, o.memoryMb, o.reps, o.queries, sections(value), o.components,
            o.spread, o.seed);
        case "--components" -> o.with(o.rows, o.dims, o.memoryMb, o.reps, o.queries, o.sections,
            Integer.parseInt(value), o.spread, o.seed);
        case "--spread" -> o.with(o.rows, o.dims, o.memoryMb, o.reps, o.queries, o.sections, o.components,
            Double.parseDouble(value), o.seed);
        case "--seed" -> o.with(o.rows, o.dims, o.memoryMb, o.reps, o.queries, o.sections, o.components,
            o.spread, Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown flag " + flag + "; known: --rows --dims "
            + "--memory-mb --reps --queries --sections --components --spread --seed");
      };
    }
    if (o.reps < 1 || o.queries < 1 || o.components < 1 || !(o.spread > 0)) {
      throw new IllegalArgumentException("--reps, --queries and --components must be at least 1, --spread > 0");
    }
    return o;
  }

  private BenchOptions with(int[] rows, int[] dims, long memoryMb, int reps, int queries, Set<String> sections,
      int components, double spread, long seed) {
    return new BenchOptions(rows, dims, memoryMb, reps, queries, sections, components, spread, seed);
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
