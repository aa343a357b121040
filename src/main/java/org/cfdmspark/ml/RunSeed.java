package org.cfdmspark.ml;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.engine.SamplerConfig;

/**
 * The seed a run uses: {@code --seed} when given; else one derived from {@code --run-id}, so that a scheduler
 * re-running the same run (say, the same date) gets the same rows without keeping seeds anywhere; else 0.
 *
 * <p>The derived seed is the first 8 bytes of the SHA-256 digest of the run id's UTF-8 bytes, read as a
 * big-endian two's-complement 64-bit integer: stable across versions, platforms and languages. From a shell,
 * {@code printf %s "$RUN_ID" | sha256sum | cut -c1-16} prints it in hexadecimal.
 */
public final class RunSeed {
  /** The seed when neither a seed nor a run id is given. */
  public static final long DEFAULT = SamplerConfig.DEFAULT_SEED;

  private RunSeed() {
  }

  /** {@code seed} if not null, else the seed of {@code runId} if not null, else {@link #DEFAULT}. */
  public static long resolve(Long seed, String runId) {
    if (seed != null) {
      return seed;
    }
    return runId == null ? DEFAULT : fromRunId(runId);
  }

  /** The seed the settings ask for: --seed, else derived from --run-id, else {@link #DEFAULT}. */
  public static long of(Settings settings) {
    return resolve(settings.get(ModelKnobs.SEED), settings.get(ModelKnobs.RUN_ID));
  }

  /** The seed derived from a run id (see the class comment). */
  public static long fromRunId(String runId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(runId.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
