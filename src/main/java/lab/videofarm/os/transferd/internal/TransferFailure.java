package lab.videofarm.os.transferd.internal;

/** A failure that ends a task with an NSURLErrorDomain code, no retry. */
final class TransferFailure extends Exception {
  final int code;

  TransferFailure(int code, String message) {
    super(message);
    this.code = code;
  }
}
