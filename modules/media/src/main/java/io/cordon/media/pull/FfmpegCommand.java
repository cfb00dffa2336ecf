package io.cordon.media.pull;

import io.cordon.media.source.CameraStream;
import java.util.List;

/** The ffmpeg command line of a pull: RTSP in, the same packets out as MPEG-TS on stdout, progress on stderr. */
final class FfmpegCommand {
  private FfmpegCommand() {}

  static List<String> of(PullSettings settings, CameraStream stream) {
    String probeMicros = Long.toString(Math.max(0, settings.probe().toNanos() / 1000));
    return List.of(
        settings.ffmpeg(),
        "-hide_banner", "-nostdin", "-loglevel", "error",
        "-rtsp_transport", settings.rtspTransport(),
        "-analyzeduration", probeMicros,
        "-probesize", settings.probe().isZero() ? "32" : "500000",
        "-fflags", "nobuffer",
        // no RTP reordering wait: on a LAN packets come in order, and every held packet delays the first frame
        "-reorder_queue_size", "0",
        "-max_delay", "0",
        "-i", stream.urlWithCredentials(),
        "-map", "0:v?", "-map", "0:a?",
        "-c", "copy",
        "-f", "mpegts",
        // hand each packet to the pipe at once: a full 32 KB buffer would add ~0.25 s at 1 Mbit/s
        "-flush_packets", "1",
        "-muxdelay", "0",
        "-progress", "pipe:2",
        "-stats_period", "1",
        "pipe:1");
  }
}
