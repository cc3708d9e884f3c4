package dev.ballast.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a real echo server on loopback. */
class FaultProxyTest {

  private ServerSocket echo;
  private ExecutorService pool;
  private FaultProxy proxy;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool = Executors.newCachedThreadPool();
    pool.submit(
        () -> {
          while (!echo.isClosed()) {
            Socket s = echo.accept();
            pool.submit(
                () -> {
                  try (s;
                      InputStream in = s.getInputStream();
                      OutputStream out = s.getOutputStream()) {
                    in.transferTo(out);
                  }
                  return null;
                });
          }
          return null;
        });
    proxy = new FaultProxy(7, echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
    pool.shutdownNow();
  }

  @Test
  void bytesArriveIntactAndInOrderThroughTheProxy() throws IOException {
    byte[] data = new byte[1 << 20];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    proxy.setLatency(Duration.ofMillis(1)); // exercise the queued path too, halfway through
    assertThat(roundTrip(data)).isEqualTo(data);
    proxy.setLatency(Duration.ZERO);
    assertThat(roundTrip(data)).isEqualTo(data);
  }

  @Test
  void latencyDelaysEveryRequest() throws IOException {
    proxy.setLatency(Duration.ofMillis(80));
    try (Socket s = connect()) {
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        s.getOutputStream().write(new byte[] {1, 2, 3});
        new DataInputStream(s.getInputStream()).readFully(new byte[3]);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(Duration.ofMillis(80));
      }
    }
  }

  @Test
  void bandwidthCapBoundsThroughput() throws IOException {
    proxy.setBandwidth(200_000); // bytes per second, each way
    byte[] data = new byte[100_000];
    long start = System.nanoTime();
    assertThat(roundTrip(data)).isEqualTo(data);
    // 100 kB at 200 kB/s takes at least ~0.5 s minus one chunk paid up front
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void connectionsShareTheBrokersCap() throws Exception {
    proxy.setBandwidth(400_000);
    byte[] data = new byte[400_000];
    long start = System.nanoTime();
    var first = pool.submit(() -> roundTrip(data));
    var second = pool.submit(() -> roundTrip(data));
    assertThat(first.get()).isEqualTo(data);
    assertThat(second.get()).isEqualTo(data);
    // 800 kB through one 400 kB/s direction: ~2 s less the chunks paid up front (one per
    // connection); a cap per connection would let both through in ~1 s.
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aConnectionToADownBrokerIsClosedAtOnce() throws IOException {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    proxy.retarget(deadPort);
    try (Socket s = connect()) {
      s.setSoTimeout(5_000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void negativeLatencyIsRejected() {
    assertThatThrownBy(() -> proxy.setLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private byte[] roundTrip(byte[] data) throws IOException {
    try (Socket s = connect()) {
      byte[] back = new byte[data.length];
      Thread writer =
          new Thread(
              () -> {
                try {
                  s.getOutputStream().write(data);
                  s.getOutputStream().flush();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      writer.start();
      new DataInputStream(s.getInputStream()).readFully(back);
      return Arrays.copyOf(back, back.length);
    }
  }

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
  }
}
