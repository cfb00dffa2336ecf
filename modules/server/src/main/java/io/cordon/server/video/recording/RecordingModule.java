package io.cordon.server.video.recording;

import io.cordon.domain.park.Park;
import io.cordon.media.record.RecordingSettings;
import io.cordon.media.record.Recordings;
import io.cordon.media.record.RetentionSweeper;
import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayUrls;
import io.cordon.media.source.StreamKey;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.persistence.Database;
import io.grpc.BindableService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recording inside the server: the relay records the configured cameras into {@code <data dir>/recordings}
 * and reports each segment to the database index; alarms become evidence that retention must keep; a
 * retention sweep and disk guard run on a schedule; {@code RecordingService} answers clients.
 */
public final class RecordingModule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecordingModule.class);

  private final DatabaseSegmentCatalog catalog;
  private final AlarmEvidenceBook evidence;
  private final RecordingGrpcService service;
  private final RetentionSweeper retention;
  private final Optional<Recordings> recordings;
  private final ScheduledExecutorService scheduler;
  private final Optional<ExportLinks> exportLinks;
  private Set<StreamKey> streams = Set.of();

  private RecordingModule(DatabaseSegmentCatalog catalog, AlarmEvidenceBook evidence, RecordingGrpcService service,
      RetentionSweeper retention, Optional<Recordings> recordings, ScheduledExecutorService scheduler,
      Optional<ExportLinks> exportLinks) {
    this.exportLinks = exportLinks;
    this.catalog = catalog;
    this.evidence = evidence;
    this.service = service;
    this.retention = retention;
    this.recordings = recordings;
    this.scheduler = scheduler;
  }

  /**
   * @param relay the embedded relay; empty: no recording here (the index, evidence and RPCs still work)
   * @param publicUrl the relay as clients reach it (media.public-url)
   */
  public static RecordingModule start(RecordingConfig config, Park park, Database database, EventJournal journal,
      Optional<MediaRelay> relay, Optional<URI> publicUrl, Path dataDir, Clock clock) {
    DatabaseSegmentCatalog catalog = new DatabaseSegmentCatalog(database);
    AlarmEvidenceBook evidence = new AlarmEvidenceBook(database);
    Path root = dataDir.resolve("recordings");
    RecordingSettings settings = RecordingSettings.defaults(root).withSegmentLength(config.segmentLength())
        .withExportsDir(dataDir.resolve("exports"));
    Optional<Recordings> recordings = relay.filter(r -> config.records())
        .map(r -> r.startRecording(settings, catalog, clock));
    Set<StreamKey> streams = (config.allCameras()
        ? park.cameras().stream().map(c -> c.id().value()).collect(Collectors.toSet()) : config.cameras())
        .stream().map(id -> new StreamKey(id, config.profile())).collect(Collectors.toSet());
    RetentionSweeper retention = new RetentionSweeper(catalog, config.retention(), root, config.minFreeBytes(),
        RetentionSweeper::usableSpace, (dir, free, floor, kept) -> diskFull(journal, clock, free, floor, kept),
        clock);
    Optional<RelayLinks> links =
        relay.map(r -> new RelayLinks(r, publicUrl.map(RelayUrls::new).orElse(r.urls()), settings));
    RecordingGrpcService service = new RecordingGrpcService(park, catalog, evidence, config.profile(), links, journal,
        clock);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cordon-recording");
      t.setDaemon(true);
      return t;
    });
    RecordingModule module = new RecordingModule(catalog, evidence, service, retention, recordings, scheduler,
        links.map(ExportLinks.class::cast));
    evidence.fullSync();
    scheduler.scheduleWithFixedDelay(module::syncEvidenceQuietly, config.evidencePeriod().toMillis(),
        config.evidencePeriod().toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(module::fullSyncQuietly, 10, 10, TimeUnit.MINUTES);
    // streams the camera registry learns later (the embedded demo's cameras) start recording on the next round
    module.streams = Set.copyOf(streams);
    recordings.ifPresent(r -> scheduler.scheduleWithFixedDelay(module::refresh, 0, 30, TimeUnit.SECONDS));
    if (recordings.isPresent()) {
      retention.start(config.sweepPeriod());
      LOG.info("Recording {} streams ({}) into {}, segments of {}", streams.size(), config.profile().urlName(), root,
          config.segmentLength());
    }
    return module;
  }

  private static void diskFull(EventJournal journal, Clock clock, long free, long floor, long kept) {
    try {
      journal.append(new NewEvent(clock.instant(), "recording.disk_full", List.of(new SubjectKey("system", "recording")),
          Optional.empty(), "recording disk below its floor (" + free + " < " + floor + " bytes free) and only "
              + kept + " protected segments left: recording may stop",
          Map.of("free_bytes", Long.toString(free), "floor_bytes", Long.toString(floor),
              "protected_segments", Long.toString(kept))));
    } catch (RuntimeException e) {
      LOG.error("cannot journal the full recording disk", e);
    }
  }

  /** Starts recording configured streams the camera registry has learnt since the last round (runs every 30 s). */
  public void refresh() {
    try {
      recordings.ifPresent(r -> r.record(streams));
    } catch (RuntimeException e) {
      LOG.warn("recording refresh failed (retried): {}", e.toString());
    }
  }

  /** Takes new and closed alarms into the evidence table now (also runs every couple of seconds). */
  public int syncEvidence() {
    return evidence.sync();
  }

  private void syncEvidenceQuietly() {
    try {
      evidence.sync();
    } catch (RuntimeException e) {
      LOG.warn("alarm evidence sync failed (retried): {}", e.toString());
    }
  }

  private void fullSyncQuietly() {
    try {
      evidence.fullSync();
    } catch (RuntimeException e) {
      LOG.warn("alarm evidence full sync failed (retried): {}", e.toString());
    }
  }

  public BindableService service() {
    return service;
  }

  /** The segment index (tests and the embedding process). */
  public DatabaseSegmentCatalog catalog() {
    return catalog;
  }

  /** One retention and disk-guard sweep now. */
  public RetentionSweeper.Result sweep() {
    return retention.sweep();
  }

  /** The exports directory and its ticketed relay URLs (an incident's clips); empty when no relay runs here. */
  public Optional<ExportLinks> exportLinks() {
    return exportLinks;
  }

  public Optional<Recordings> recordings() {
    return recordings;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    retention.close();
  }
}
