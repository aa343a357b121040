package org.cfdmspark.engine;

/**
 * The Euler grid t_n = n/S, n = n0 … S−1 (method.md §4), with n0 = ceil(T·S) for a start time T in [0, 1).
 * At least one step is always taken: a start time past (S−1)/S starts at the last step.
 */
public record TimeGrid(int steps, int firstStep) {

  public TimeGrid {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    if (firstStep < 0 || firstStep >= steps) {
      throw new IllegalArgumentException("first step must be in [0, " + (steps - 1) + "], got " + firstStep);
    }
  }

  public static TimeGrid of(int steps, double startTime) {
    if (!(startTime >= 0 && startTime < 1)) {
      throw new IllegalArgumentException("start time must be in [0, 1), got " + startTime);
    }
    // The small slack keeps T = 0.9, S = 100 at n0 = 90 whatever the rounding of 0.9 * 100.
    int first = (int) Math.ceil(startTime * steps - 1e-9);
    return new TimeGrid(steps, Math.min(Math.max(first, 0), steps - 1));
  }

  /** t_n = n / S. */
  public double time(int step) {
    return (double) step / steps;
  }

  /** t0 = n0 / S, the time of the start points. */
  public double startTime() {
    return time(firstStep);
  }

  /** Velocity evaluations per trajectory: S − n0. */
  public int stepCount() {
    return steps - firstStep;
  }

  /**
   * The Euler coefficient h / (1 − t_n) = 1 / (S − n): z_{n+1} = z_n + c·(x̂ − z_n). Exactly 1 at the last step,
   * so the last step lands on x̂.
   */
  public double eulerCoefficient(int step) {
    return 1.0 / (steps - step);
  }
}
