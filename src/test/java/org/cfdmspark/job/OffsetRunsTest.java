package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetRunsTest {
  private static final ZoneOffset ONE = ZoneOffset.ofHours(1);
  private static final ZoneOffset TWO = ZoneOffset.ofHours(2);

  @Test
  void anInstantTakesTheOffsetOfTheNearestReadTime() {
    List<OffsetDateTime> read = List.of(OffsetDateTime.parse("2024-02-28T12:00:00+01:00"),
        OffsetDateTime.parse("2024-02-20T12:00:00+01:00"), OffsetDateTime.parse("2024-03-02T12:00:00+02:00"),
        OffsetDateTime.parse("2024-03-10T12:00:00+02:00"), OffsetDateTime.parse("2024-03-20T12:00:00+01:00"));
    OffsetRuns runs = OffsetRuns.parse(OffsetRuns.of(read).toString());
    assertEquals(3, runs.first().length, "+1, +2, +1 in time order");
    assertEquals(ONE, runs.nearest(Instant.parse("2024-01-01T00:00:00Z")), "before every read time");
    assertEquals(ONE, runs.nearest(Instant.parse("2024-02-24T00:00:00Z")), "inside a run");
    assertEquals(ONE, runs.nearest(Instant.parse("2024-02-29T12:00:00Z")), "a day after the 28th, two before");
    assertEquals(TWO, runs.nearest(Instant.parse("2024-03-01T00:00:00Z")), "nearer the 2nd");
    assertEquals(TWO, runs.nearest(Instant.parse("2024-03-14T00:00:00Z")));
    assertEquals(ONE, runs.nearest(Instant.parse("2024-03-17T00:00:00Z")));
    assertEquals(ONE, runs.nearest(Instant.parse("2025-01-01T00:00:00Z")), "after every read time");
  }
}
