package lab.videofarm.bench;

import lab.videofarm.server.SampleServer;

/**
 * The two servers benchmark 3 runs against. The server counts a byte as sent once its socket's send
 * buffer took it, so what sat there when the client closed the connection is sent twice; with the
 * kernel's buffer (autotuned to 4 MiB on this loopback) that dominates the figure, with a bounded
 * one what is left is what the client's own design fetches twice.
 */
enum ServerSendBuffer {
  KERNEL(SampleServer.KERNEL_SEND_BUFFER, "server send buffer: the kernel's (autotuned)"),
  BOUNDED(SampleServer.LOOPBACK_SEND_BUFFER, "server send buffer: 64 KiB (its loopback default)");

  private final int bytes;
  private final String label;

  ServerSendBuffer(int bytes, String label) {
    this.bytes = bytes;
    this.label = label;
  }

  SampleServer.Builder configure(SampleServer.Builder server) {
    return server.sendBufferBytes(bytes);
  }

  String label() {
    return label;
  }
}
