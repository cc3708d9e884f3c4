package dev.ballast.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * Copies one direction of a proxied connection. Without faults a chunk is written by the reading
 * thread at once; with latency or a bandwidth cap, chunks are queued with a due time and written in
 * order by a writer thread started on first need.
 */
final class ProxyPipe implements Runnable {

  private static final int CHUNK = 64 * 1024;

  private record Chunk(byte[] data, long dueNanos) {}

  private final Socket from;
  private final Socket to;
  private final FaultProxy proxy;
  private final boolean inbound;
  private final BiConsumer<Socket, Socket> onClose;
  private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
  // Chunks queued but not yet written; the reader writes directly only when it is zero, so order
  // holds.
  private final AtomicInteger pending = new AtomicInteger();
  private Thread writer;
  private volatile boolean done;

  ProxyPipe(
      Socket from,
      Socket to,
      FaultProxy proxy,
      boolean inbound,
      BiConsumer<Socket, Socket> onClose) {
    this.from = from;
    this.to = to;
    this.proxy = proxy;
    this.inbound = inbound;
    this.onClose = onClose;
  }

  @Override
  public void run() {
    byte[] buf = new byte[CHUNK];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        long delay = inbound ? proxy.latencyNanos() : 0;
        long rate = proxy.bytesPerSecond();
        if (delay == 0 && rate == 0 && pending.get() == 0) {
          out.write(buf, 0, n);
        } else {
          pending.incrementAndGet();
          queue.add(new Chunk(Arrays.copyOf(buf, n), System.nanoTime() + delay));
          startWriter(out);
        }
      }
    } catch (IOException e) {
      // the peer closed or the proxy closed the socket: end this connection
    } finally {
      done = true;
      if (writer == null) {
        onClose.accept(from, to);
      }
    }
  }

  private void startWriter(OutputStream out) {
    if (writer == null) {
      writer = FaultProxy.daemon(Thread.currentThread().getName() + "-delayed", () -> drain(out));
      writer.start();
    }
  }

  private void drain(OutputStream out) {
    try {
      while (!(done && pending.get() == 0)) {
        Chunk chunk = queue.poll(100, TimeUnit.MILLISECONDS);
        if (chunk == null) {
          continue;
        }
        parkUntil(chunk.dueNanos());
        throttle(chunk.data().length);
        out.write(chunk.data());
        pending.decrementAndGet();
      }
    } catch (IOException | InterruptedException e) {
      // connection gone
    } finally {
      onClose.accept(from, to);
    }
  }

  private void throttle(int bytes) {
    long sendAt = proxy.reserve(inbound, bytes, System.nanoTime());
    if (sendAt > 0) {
      parkUntil(sendAt);
    }
  }

  private static void parkUntil(long deadlineNanos) {
    long wait;
    while ((wait = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
