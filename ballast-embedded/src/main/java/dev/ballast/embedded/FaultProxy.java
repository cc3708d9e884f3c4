package dev.ballast.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on 127.0.0.1 in front of one broker: the broker advertises the proxy's port, so every
 * client and every other broker reaches it through here. Latency and a bandwidth cap can be set at
 * runtime; {@code tc netem} needs root and is not on every machine, so faults are injected here.
 *
 * <p>Latency delays traffic flowing into the broker (requests), so a produce request to a slow
 * broker takes at least that long. The bandwidth cap is the broker's: all its connections share it
 * (like one network interface), each direction separately. While the broker is down, a connection
 * attempt is closed at once (connect to the broker fails fast) instead of hanging the client's
 * bootstrap.
 */
final class FaultProxy implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final int brokerId;
  private final ServerSocket server;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile int targetPort;
  private volatile long latencyNanos;
  private volatile long bytesPerSecond;
  private volatile boolean closed;
  // When the next chunk may go, per direction (index 0 into the broker, 1 out of it).
  private final long[] nextSendNanos = new long[2];

  /** Binds a free port on 127.0.0.1 and starts accepting; traffic goes to {@code targetPort}. */
  FaultProxy(int brokerId, int targetPort) throws IOException {
    this.brokerId = brokerId;
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.acceptor = daemon("ballast-proxy-" + brokerId + "-accept", this::acceptLoop);
    acceptor.start();
  }

  /** Returns the port clients connect to. */
  int port() {
    return server.getLocalPort();
  }

  /** Points the proxy at a new broker port (after a restart on a new port). */
  void retarget(int port) {
    this.targetPort = port;
  }

  /** Delays every chunk flowing into the broker by {@code latency}; zero turns it off. */
  void setLatency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    this.latencyNanos = latency.toNanos();
  }

  /** Caps each direction at {@code bytesPerSecond}; zero or less removes the cap. */
  void setBandwidth(long bytesPerSecond) {
    this.bytesPerSecond = Math.max(0, bytesPerSecond);
  }

  /**
   * Books {@code bytes} on the cap of one direction and returns when they may be sent (send now,
   * pay before the next chunk, so the cap holds on average), or 0 without a cap. Every connection
   * of the broker books on the same schedule.
   */
  synchronized long reserve(boolean inbound, int bytes, long nowNanos) {
    int d = inbound ? 0 : 1;
    long rate = bytesPerSecond;
    if (rate <= 0) {
      nextSendNanos[d] = 0;
      return 0;
    }
    long start = nextSendNanos[d] == 0 ? nowNanos : Math.max(nextSendNanos[d], nowNanos);
    nextSendNanos[d] = start + bytes * 1_000_000_000L / rate;
    return start;
  }

  /** Returns the injected latency. */
  Duration latency() {
    return Duration.ofNanos(latencyNanos);
  }

  /** Returns the bandwidth cap in bytes per second, 0 when uncapped. */
  long bandwidth() {
    return bytesPerSecond;
  }

  long latencyNanos() {
    return latencyNanos;
  }

  long bytesPerSecond() {
    return bytesPerSecond;
  }

  /** Closes every open connection (the broker went down); new ones are still accepted. */
  void disconnectAll() {
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    sockets.clear();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    disconnectAll();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("proxy for broker {} stopped accepting: {}", brokerId, e.toString());
        }
        return;
      }
      connect(client);
    }
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    try {
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
    } catch (IOException e) {
      // The broker is down: fail the client at once rather than let it wait for a timeout.
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    sockets.add(client);
    sockets.add(upstream);
    int n = THREADS.incrementAndGet();
    ProxyPipe in = new ProxyPipe(client, upstream, this, /* inbound= */ true, this::release);
    ProxyPipe out = new ProxyPipe(upstream, client, this, /* inbound= */ false, this::release);
    daemon("ballast-proxy-" + brokerId + "-in-" + n, in).start();
    daemon("ballast-proxy-" + brokerId + "-out-" + n, out).start();
  }

  private void release(Socket a, Socket b) {
    closeQuietly(a);
    closeQuietly(b);
    sockets.remove(a);
    sockets.remove(b);
  }

  static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (SocketException ignored) {
      // already closed
    } catch (Exception e) {
      log.debug("close failed", e);
    }
  }
}
