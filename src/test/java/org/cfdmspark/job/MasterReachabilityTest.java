package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A standalone master that nothing listens for is named before Spark spends a minute retrying it. */
class MasterReachabilityTest {
  @Test
  void aPortNothingListensOnIsRefusedWithTheAddress() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    String master = "spark://127.0.0.1:" + port;
    UnreachableMasterException refused = assertThrows(UnreachableMasterException.class,
        () -> MasterReachability.check(master));
    assertTrue(refused.getMessage().startsWith("cannot reach the Spark master " + master + ": 127.0.0.1:" + port),
        refused.getMessage());
  }

  @Test
  void oneListeningMasterOfAnHighAvailabilityListIsEnough() throws IOException {
    try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int down = closed.getLocalPort();
      closed.close();
      assertDoesNotThrow(() -> MasterReachability.check("spark://127.0.0.1:" + down + ",127.0.0.1:"
          + open.getLocalPort()));
    }
  }

  @Test
  void otherMastersAreLeftToSpark() {
    assertDoesNotThrow(() -> MasterReachability.check("local[2]"));
    assertDoesNotThrow(() -> MasterReachability.check("yarn"));
  }
}
