package io.cordon.video.playback;

import io.cordon.domain.park.CameraId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Which times of a camera are recorded (the server's ListSegments), for the time bar. Must not block. */
@FunctionalInterface
public interface RecordingIndex {
  CompletionStage<List<RecordedRange>> recorded(CameraId camera, Instant from, Instant to);
}
