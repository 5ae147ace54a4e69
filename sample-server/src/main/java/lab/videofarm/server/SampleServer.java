package lab.videofarm.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import lab.videofarm.server.internal.ServerRuntime;

/**
 * The VideoFarm sample server: a real HTTP server (Jetty) over a data directory, with fault knobs
 * and a request recorder for tests.
 *
 * <pre>{@code
 * try (SampleServer server = SampleServer.builder().dataDirectory(dir).build()) {
 *   URI base = server.start();          // http://127.0.0.1:54321/
 *   server.faults().throttleBytesPerSecond(64 * 1024);
 *   ... real HTTP against base ...
 *   RecordedRequest download = server.takeRequest(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <h2>REST contract</h2>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET /videos}</td><td>200, JSON array of videos in creation order</td></tr>
 *   <tr><td>{@code POST /videos} (multipart/form-data: {@code title} required,
 *       {@code description}, {@code thumbnail} PNG or JPEG)</td>
 *       <td>303, {@code Location: /videos/{id}}, the new video as JSON</td></tr>
 *   <tr><td>{@code GET /videos/{id}}</td><td>200, the video as JSON</td></tr>
 *   <tr><td>{@code PUT /videos/{id}/movie}</td><td>201 the first time, 204 when replacing;
 *       the body is streamed to a temp file and renamed into place only when complete</td></tr>
 *   <tr><td>{@code GET /videos/{id}/movie}</td><td>200 or, for one {@code Range}, 206 with
 *       {@code Content-Range}; 416 with {@code Content-Range: bytes *}{@code /N} when
 *       unsatisfiable; {@code Accept-Ranges: bytes}, a strong {@code ETag},
 *       {@code Last-Modified}; {@code If-Range} honoured (a stale validator gets the full 200);
 *       the unit in any case ({@code BYTES=0-5}); several ranges or a malformed one (such as
 *       {@code bytes =0-5}) get the full 200, never multipart</td></tr>
 *   <tr><td>{@code HEAD /uploads/{token}}</td><td>a resumable upload's resource: 204 with
 *       {@code Upload-Offset} (bytes kept) and {@code Cache-Control: no-store}</td></tr>
 *   <tr><td>{@code PATCH /uploads/{token}}</td><td>{@code Upload-Offset: N} and the rest of the
 *       body; 409 if N is not the offset; completes like the PUT (201 or 204)</td></tr>
 *   <tr><td>{@code DELETE /uploads/{token}}</td><td>204: the upload is given up</td></tr>
 *   <tr><td>{@code GET /videos/{id}/thumbnail}</td><td>200, {@code image/png} or
 *       {@code image/jpeg}</td></tr>
 *   <tr><td>{@code GET|PUT|DELETE /admin/faults}</td><td>the {@link Faults} as JSON; PUT sets
 *       any of {@code throttleBytesPerSecond}, {@code latencyMillis},
 *       {@code dropConnectionAfterBodyBytes}, {@code resetInsteadOfClose}, {@code cutInsideHeaders},
 *       {@code omitValidators}, {@code serviceUnavailableRetryAfter}, {@code disableRanges},
 *       {@code disableResumableUploads} and stages
 *       {@code changeMovieEtag: "<id>"}; DELETE switches all off, releasing requests waiting out
 *       the latency. The body is one JSON object and nothing after it, at most 16 KiB (413 from
 *       the {@code Content-Length} alone); {@code latencyMillis} is at most 600000 ({@link
 *       Faults#MAX_LATENCY}), {@code throttleBytesPerSecond} at most {@link
 *       Faults#MAX_THROTTLE_BYTES_PER_SECOND}; anything else is a 400 naming the bounds</td></tr>
 * </table>
 *
 * <p>A video in JSON: {@code id}, {@code title}, {@code description}, {@code thumbnailURL}, {@code
 * movieURL}, {@code movieStatus} ({@code missing}, {@code uploading} or {@code ready}), {@code
 * movieSize} (bytes, 0 without a movie), {@code createdAt} (ISO-8601). The URLs are absolute, built
 * from the scheme and {@code Host} of the request, so a client can follow them as they are.
 *
 * <p>Every refusal is a 4xx with a JSON body {@code {"error": "...", "detail": "..."}} and changes
 * nothing: unknown id 404, malformed id 400, missing title or thumbnail 400, a thumbnail that is
 * not PNG or JPEG 415, a body over {@link Builder#maxUploadBytes} 413, a wrong method 405 with
 * {@code Allow}, a PUT body shorter than its {@code Content-Length} 400 (the old movie stays), a
 * title or description that is not valid in its charset (UTF-8 unless its part says) 400, a body
 * with a {@code Content-Encoding} 415 or a transfer coding other than {@code chunked} 400 (bodies
 * are stored as they arrive, never decoded). A request in an HTTP version the server does not speak
 * gets 505, as HTTP prescribes, in the same JSON. A client still sending its request head after
 * {@link Builder#requestHeadTimeout} (10 s) is disconnected.
 *
 * <h2>Resumable uploads</h2>
 *
 * The server speaks the IETF draft "Resumable Uploads for HTTP", <b>interop version 3</b> (draft
 * -01), as iOS 17 does: a {@code PUT} of a movie with {@code Upload-Draft-Interop-Version: 3} (and
 * {@code Upload-Incomplete: ?0}) gets an informational {@code 104 Upload Resumption Supported} with
 * {@code Location: /uploads/{token}} before its body is read. If the upload is cut, the bytes that
 * arrived stay in that upload resource; the client asks for the offset with {@code HEAD} and sends
 * the rest with {@code PATCH}. The movie is replaced, atomically, only when the upload is complete.
 * Partial uploads live under {@code uploads/} in the data directory, survive restarts, and expire
 * after {@link Builder#uploadResourceLifetime} without progress. The {@link
 * Fault#NO_RESUMABLE_UPLOADS} fault turns the protocol off.
 *
 * <h2>Data directory</h2>
 *
 * Kept across restarts: one directory per video with its metadata ({@code video.json}, written
 * atomically), thumbnail and movie. An empty directory is seeded with three sample videos (real PNG
 * thumbnails, short real MP4 movies of some 40 kB) unless {@link Builder#seed(boolean)
 * seed(false)}. The files are encoded once per machine and user and kept under the system temp
 * directory ({@code videofarm-sample-catalogue-v*}), so seeding a fresh directory afterwards is a
 * copy of a few files.
 *
 * <h2>Send buffer</h2>
 *
 * The server counts a response byte as sent once its socket's send buffer has taken it. Left to the
 * kernel, that buffer grows on a fast link up to {@code tcp_wmem}'s maximum (4 MiB on a typical
 * Linux), so a client that closes a download mid-way (a pause, a force quit) leaves up to that much
 * "sent" and unread, and fetches it again when it resumes. Listening on a loopback address, the
 * server therefore gives each connection a {@value #LOOPBACK_SEND_BUFFER}-byte send buffer (Linux
 * doubles the value for its bookkeeping): a download paused at full speed then fetches some 128 KiB
 * twice instead of 2 to 4 MB, and loopback downloads are as fast or faster (less data in flight to
 * pass through the caches). On any other address the kernel sizes the buffer, because over a real
 * network a buffer that small caps a connection at about its size per round trip (some 13 MB/s at a
 * 10 ms round trip). {@link Builder#sendBufferBytes} sets it either way; {@link
 * #KERNEL_SEND_BUFFER} leaves it to the kernel.
 *
 * <h2>Recording</h2>
 *
 * Each exchange is recorded when it ends, with the body bytes that really crossed the wire, so a
 * test can prove that a resumed download did not send a byte twice. {@link #requests()} lists them
 * in arrival order; {@link #takeRequest(Duration)} hands them out one by one in the order they
 * ended.
 */
public final class SampleServer implements AutoCloseable {
  /** Big enough for any sample movie, small enough that a runaway client cannot fill a disk. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 512L * 1024 * 1024;

  /** How long an unfinished resumable upload waits for its client; see the class comment. */
  public static final Duration DEFAULT_UPLOAD_RESOURCE_LIFETIME = Duration.ofDays(1);

  /** How long a client may take to send a request head; see {@link Builder#requestHeadTimeout}. */
  public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);

  /** For {@link Builder#sendBufferBytes}: the kernel sizes each connection's send buffer. */
  public static final int KERNEL_SEND_BUFFER = 0;

  /** Each connection's send buffer on a loopback address unless set; see the class comment. */
  public static final int LOOPBACK_SEND_BUFFER = 64 * 1024;

  private final ServerRuntime runtime;
  private final Faults faults;
  private final Path dataDirectory;
  private final Consumer<Faults> initialFaults;
  private boolean started;

  private SampleServer(Builder builder) {
    this.dataDirectory = builder.dataDirectory;
    this.initialFaults = builder.initialFaults;
    this.faults = new Faults(this::changeMovieEtag);
    this.runtime =
        new ServerRuntime(
            new ServerRuntime.Settings(
                builder.dataDirectory,
                builder.bindAddress,
                builder.port,
                builder.maxUploadBytes,
                builder.seed,
                builder.uploadResourceLifetime,
                builder.requestHeadTimeout,
                builder.sendBufferBytes()),
            faults,
            builder.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the data directory (seeding it if empty) and starts listening.
   *
   * @return the base URL, ending in {@code /}
   * @throws IllegalStateException if already started
   */
  public synchronized URI start() throws IOException {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    return runtime.start(() -> initialFaults.accept(faults));
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321/}. */
  public URI baseUrl() {
    URI base = runtime.baseUrl();
    if (base == null) {
      throw new IllegalStateException("not started");
    }
    return base;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The fault knobs; changes take effect on the next chunk of body or the next request. */
  public Faults faults() {
    return faults;
  }

  /** Every exchange that has ended so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return runtime.journal().requests();
  }

  /**
   * The next exchange not taken yet, in the order exchanges ended, waiting for one if needed.
   *
   * @throws NoSuchElementException if none ends within the timeout
   */
  public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
    return runtime
        .journal()
        .take(timeout)
        .orElseThrow(() -> new NoSuchElementException("no request ended within " + timeout));
  }

  private void changeMovieEtag(String videoId) {
    if (runtime.store() == null) {
      throw new IllegalStateException("start the server before changing a movie's ETag");
    }
    runtime.store().changeMovieEtag(videoId);
  }

  /** Stops listening; in-flight exchanges are cut. The data directory stays. */
  @Override
  public void close() {
    runtime.close();
  }

  /** Configures a {@link SampleServer}; only the data directory is required. */
  public static final class Builder {
    private Path dataDirectory;
    private int port;
    private String bindAddress = "127.0.0.1";
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private boolean seed = true;
    private Duration uploadResourceLifetime = DEFAULT_UPLOAD_RESOURCE_LIFETIME;
    private Duration requestHeadTimeout = DEFAULT_REQUEST_HEAD_TIMEOUT;

    /** Null unless set; then the bind address decides ({@link #sendBufferBytes()}). */
    private Integer sendBufferBytes;

    private Clock clock = Clock.systemUTC();
    private Consumer<Faults> initialFaults = f -> {};

    private Builder() {}

    /** Where videos live; created if missing, kept across restarts. Required. */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = Objects.requireNonNull(dataDirectory);
      return this;
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to listen on; loopback ({@code 127.0.0.1}) by default. */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress);
      return this;
    }

    /** The largest movie or form accepted; bigger ones get 413. */
    public Builder maxUploadBytes(long maxUploadBytes) {
      if (maxUploadBytes <= 0) {
        throw new IllegalArgumentException("maxUploadBytes must be positive: " + maxUploadBytes);
      }
      this.maxUploadBytes = maxUploadBytes;
      return this;
    }

    /**
     * How long an unfinished resumable upload is kept without progress before it expires (its
     * partial bytes are deleted and resuming gets 404); a day by default.
     */
    public Builder uploadResourceLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
      }
      this.uploadResourceLifetime = lifetime;
      return this;
    }

    /**
     * How long a client may take to send the head of a request (request line and headers) once it
     * has begun; a connection still sending its head after that is closed. Ten seconds by default.
     * The idle timeout (30 s) restarts with every byte, so it alone never cuts a client that
     * trickles its head.
     */
    public Builder requestHeadTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.requestHeadTimeout = timeout;
      return this;
    }

    /**
     * The send buffer ({@code SO_SNDBUF}) of every connection the server accepts, in bytes, or
     * {@link #KERNEL_SEND_BUFFER} to leave it to the kernel. Unless set: {@link
     * #LOOPBACK_SEND_BUFFER} on a loopback address, the kernel's on any other. See "Send buffer" in
     * the class comment.
     */
    public Builder sendBufferBytes(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("sendBufferBytes must not be negative: " + bytes);
      }
      this.sendBufferBytes = bytes;
      return this;
    }

    private int sendBufferBytes() {
      if (sendBufferBytes != null) {
        return sendBufferBytes;
      }
      try {
        return InetAddress.getByName(bindAddress).isLoopbackAddress()
            ? LOOPBACK_SEND_BUFFER
            : KERNEL_SEND_BUFFER;
      } catch (UnknownHostException e) {
        // Starting will report the address; the buffer does not matter then.
        return KERNEL_SEND_BUFFER;
      }
    }

    /** Whether an empty data directory gets the three sample videos; true by default. */
    public Builder seed(boolean seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The clock for creation dates, Last-Modified and recorded times; UTC system clock by default.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Faults in force from the start, e.g. {@code f -> f.throttleBytesPerSecond(65536)}. */
    public Builder faults(Consumer<Faults> configure) {
      this.initialFaults = Objects.requireNonNull(configure);
      return this;
    }

    public SampleServer build() {
      if (dataDirectory == null) {
        throw new IllegalStateException("dataDirectory is required");
      }
      return new SampleServer(this);
    }
  }
}
