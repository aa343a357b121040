package org.cfdmspark.job;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before Spark starts, that a standalone master ({@code spark://host:port}, or a list of them for high
 * availability) accepts connections. Spark itself retries registering the application for about a minute, then stops
 * the context, and the run fails with "Cannot call methods on a stopped SparkContext" while the cause ("All masters
 * are unresponsive") sits in a log line a hundred lines up. Other masters (local, YARN, Kubernetes) are left to Spark.
 */
final class MasterReachability {
  /** Milliseconds to wait for each master's TCP handshake. */
  static final int TIMEOUT_MILLIS = 5000;

  private MasterReachability() {
  }

  /**
   * Returns when {@code master} is not a standalone master or one of its addresses accepts a connection.
   *
   * @throws UnreachableMasterException naming the addresses and what each answered
   */
  static void check(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    List<String> failures = new ArrayList<>();
    for (String address : master.substring("spark://".length()).split(",")) {
      int colon = address.lastIndexOf(':');
      String host = colon < 0 ? address : address.substring(0, colon);
      int port;
      try {
        port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1).replaceAll("/+$", ""));
      } catch (NumberFormatException e) {
        return; // not a form we can read: Spark's own error will say what is wrong with it
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        return;
      } catch (IOException e) {
        failures.add(host + ":" + port + " (" + e.getMessage() + ")");
      }
    }
    throw new UnreachableMasterException("cannot reach the Spark master " + master + ": " + String.join(", ", failures)
        + "; check --master and that the master is running");
  }
}
