package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;

/**
 * What a {@link TransferCall} tells the daemon, and asks of it, as the transfer goes: the only way
 * a call reaches shared state. The daemon's implementation is {@link AttemptHooks}; a test can put
 * a fake in its place.
 */
interface TransferListener {
  /** Step 1: where to start; throws when the task cannot start (bad resume data, no file). */
  TransferCall.Start begin() throws TransferFailure, IOException;

  void requestSent(RequestInfo sent);

  /** A streamed upload body: the app is asked for it (NeedNewBodyStream). */
  CompletableFuture<InputStream> requestBodyStream();

  /** The body starts (again) going out, from {@code offset} of the whole. */
  void bodyRestarted(long offset);

  void bodyBytesSent(int count);

  void bodySent();

  /** The server answered an upload with 104: it can be resumed at {@code resource}. */
  void uploadResumptionOffered(URI resource, int interopVersion);

  /** HEAD found the upload resource gone: the upload starts over. */
  void uploadResourceGone(String why);

  /** The upload continues at {@code offset} of {@code size}. */
  void uploadResumed(long offset, long size);

  /** A download's response: returns the file to write, from {@code offset} on. */
  Path downloadResponse(
      ResponseInfo response,
      long offset,
      long expectedTotal,
      String validator,
      boolean acceptsRanges)
      throws IOException;

  /** A 416 showed that the {@code length} bytes on disk are the whole, unchanged resource. */
  void downloadAlreadyComplete(ResponseInfo response, long length) throws IOException;

  void bytesWritten(int count);

  /**
   * The first {@code length} bytes of the download's file are durable on disk; called from the
   * writer's flusher thread too.
   */
  void bytesDurable(long length) throws IOException;

  /** Step 6 of a download: DidWriteData (last), DidFinishDownloading, DidComplete. */
  void finishDownload() throws IOException;

  /** The partial file cannot be continued: it goes, and so does its validator. */
  void discardPartialFile();

  void responseReceived(ResponseInfo response) throws IOException;

  void dataReceived(byte[] chunk);

  /** Step 6 of a data or upload task: DidComplete. */
  void finishData() throws IOException;

  /** Blocks while the task is suspended; throws once the attempt is stopped. */
  void awaitRunnable() throws InterruptedException, IOException;
}
