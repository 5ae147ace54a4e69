/**
 * The sample server's machinery, private to {@code lab.videofarm.server}.
 *
 * <p>A request goes, top to bottom: {@code RecordingHandler} (numbers, meters, latency, records) →
 * {@code VideoApi} (routes; refusals as {@code ApiException} → JSON) → one of {@code VideoCreation}
 * (multipart form), {@code MovieUpload} (streamed PUT; {@code ResumableMovieUpload} for the
 * resumable-upload draft's PUT and {@code /uploads/} resources), the movie and thumbnail GETs
 * ({@code RangeGate} in front of Jetty's {@code ResourceService}, the movie served from a {@code
 * MovieSnapshot}), or {@code AdminApi}. {@code MeteredResponse} throttles and cuts response bodies;
 * {@code VideoStore} owns the data directory and its atomic writes; {@code SampleCatalogue} seeds
 * it; {@code ServerRuntime} wires Jetty.
 */
package lab.videofarm.server.internal;
