/**
 * The public Spark ML API: {@link org.cfdmspark.ml.CfdmSynthesizer} (an Estimator whose Params are views of
 * {@link org.cfdmspark.ml.ModelKnobs}) fits a {@link org.cfdmspark.ml.CfdmModel}, which samples any number of
 * rows (a pure function of model, seed and sample id), transforms a column of sample ids, and saves and loads
 * itself. Fitting: the codec, the strata, the encoded rows collected within the broadcast budget, σ, the guard and
 * how categories are read (--category-draw auto's pilot).
 *
 * <p>May use: {@code config}, {@code knn}, {@code encoding}, {@code engine}, {@code metrics}, {@code privacy};
 * Spark.
 */
package org.cfdmspark.ml;
