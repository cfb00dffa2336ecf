package io.cordon.server.video.recording;

import io.cordon.media.record.RecordingSettings;
import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayUrls;
import io.cordon.media.source.StreamProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Ticketed relay URLs for playback and exports, as clients reach the relay. */
record RelayLinks(MediaRelay relay, RelayUrls urls, RecordingSettings settings) implements ExportLinks {
  static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);

  String playback(String cameraId, StreamProfile profile, Instant from, String user) {
    return urls.playback(cameraId, profile, from,
        relay.ticketIssuer().issue(cameraId, profile, user, TICKET_LIFETIME)).toString();
  }

  @Override
  public String export(String fileName, String user) {
    return urls.export(fileName,
        relay.ticketIssuer().issue("export:" + fileName, StreamProfile.MAIN, user, TICKET_LIFETIME)).toString();
  }

  @Override
  public Path exportsDir() {
    return settings.exportsDir();
  }

  @Override
  public Duration ticketLifetime() {
    return TICKET_LIFETIME;
  }
}
