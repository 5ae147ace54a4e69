package lab.videofarm.server.internal;

/** A video with its movie status at the moment it was read. */
public record VideoView(StoredVideo video, MovieStatus status) {}
