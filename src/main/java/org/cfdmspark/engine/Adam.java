package org.cfdmspark.engine;

/**
 * The Adam optimiser (Kingma, Ba, ICLR 2015, Algorithm 1) with β1 = 0.9, β2 = 0.999, ε = 1e-8 and bias
 * correction: θ ← θ − α·m̂/(√v̂ + ε).
 */
final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private double learningRate;
  private final double[] firstMoment;
  private final double[] secondMoment;
  private int steps;

  Adam(int parameters, double learningRate) {
    this.learningRate = learningRate;
    this.firstMoment = new double[parameters];
    this.secondMoment = new double[parameters];
  }

  /** Sets the step size α for the following steps (for a schedule). */
  void learningRate(double value) {
    learningRate = value;
  }

  /** One step of θ along the gradient g. */
  void step(double[] theta, double[] gradient) {
    steps++;
    double correction1 = 1 - Math.pow(BETA1, steps);
    double correction2 = 1 - Math.pow(BETA2, steps);
    for (int i = 0; i < theta.length; i++) {
      double g = gradient[i];
      firstMoment[i] = BETA1 * firstMoment[i] + (1 - BETA1) * g;
      secondMoment[i] = BETA2 * secondMoment[i] + (1 - BETA2) * g * g;
      double mHat = firstMoment[i] / correction1;
      double vHat = secondMoment[i] / correction2;
      theta[i] -= learningRate * mHat / (Math.sqrt(vHat) + EPSILON);
    }
  }
}
