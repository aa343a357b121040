/**
 * Table ⇄ vectors: column kinds, the numeric and categorical codecs (standardised numbers, point masses,
 * one-hot categories, missing-value indicators), decoding with votes, and fitting them from the training rows in
 * hand ({@link org.cfdmspark.encoding.TableCodec#fit}).
 *
 * <p>May use: {@code config}, {@code knn} (its SplitMix64 mixer, for the tie-breaking bits of votes); Spark SQL for
 * rows and types.
 */
package org.cfdmspark.encoding;
