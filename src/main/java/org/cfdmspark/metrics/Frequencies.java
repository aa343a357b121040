package org.cfdmspark.metrics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Relative frequencies of keys and the total variation distance between two of them. */
final class Frequencies {
  private Frequencies() {
  }

  /** The share of each key among {@code keys}. */
  static <K> Map<K, Double> of(Iterable<K> keys) {
    Map<K, Integer> counts = new HashMap<>();
    int total = 0;
    for (K key : keys) {
      counts.merge(key, 1, Integer::sum);
      total++;
    }
    Map<K, Double> shares = new HashMap<>(counts.size() * 2);
    for (Map.Entry<K, Integer> entry : counts.entrySet()) {
      shares.put(entry.getKey(), entry.getValue() / (double) total);
    }
    return shares;
  }

  /** ½ Σ_k |p_k − q_k|, where a key present on one side only has share 0 on the other. */
  static <K> double totalVariation(Map<K, Double> p, Map<K, Double> q) {
    Set<K> keys = new HashSet<>(p.keySet());
    keys.addAll(q.keySet());
    double sum = 0;
    for (K key : keys) {
      sum += Math.abs(p.getOrDefault(key, 0.0) - q.getOrDefault(key, 0.0));
    }
    return sum / 2;
  }
}
