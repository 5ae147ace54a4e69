package lab.videofarm.os.transferd;

/**
 * A task as the daemon sees it at one moment: what {@code getAllTasks} is built from, and what the
 * instructor's daemon inspector shows.
 *
 * @param response the response so far, or null
 * @param error why it failed, or null
 */
public record TaskSnapshot(
    String bundleId,
    String sessionIdentifier,
    long taskIdentifier,
    TaskKind kind,
    String taskDescription,
    RequestInfo originalRequest,
    RequestInfo currentRequest,
    ResponseInfo response,
    TaskState state,
    long countOfBytesReceived,
    long countOfBytesExpectedToReceive,
    long countOfBytesSent,
    long countOfBytesExpectedToSend,
    TransferError error) {}
