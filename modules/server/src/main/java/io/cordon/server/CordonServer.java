package io.cordon.server;

import io.cordon.devices.alarm.AlarmIngestGrpcService;
import io.cordon.devices.alarm.AlarmSources;
import io.cordon.devices.gate.GateDirectory;
import io.cordon.devices.gate.GateStatusGrpcService;
import io.cordon.devices.sensor.SensorDirectory;
import io.cordon.devices.sensor.SensorIngestGrpcService;
import io.cordon.devices.track.PositionIngestGrpcService;
import io.cordon.devices.track.ServiceArea;
import io.cordon.domain.park.Park;
import io.cordon.server.alarm.AlarmCenter;
import io.cordon.server.alarm.AlarmEntities;
import io.cordon.server.alarm.AlarmGrpcService;
import io.cordon.server.alarm.CenterAlarmReportSink;
import io.cordon.server.alarm.CenterSensorReportSink;
import io.cordon.server.video.CameraStreamRegistry;
import io.cordon.server.video.CameraStreams;
import io.cordon.server.video.RelayStreamGrants;
import io.cordon.server.video.StandbyStreams;
import io.cordon.server.video.VideoGrpcService;
import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayConfig;
import io.cordon.server.alarm.SopCatalog;
import io.cordon.server.registration.RegistrationEntities;
import io.cordon.server.registration.RegistrationModule;
import io.cordon.server.auth.AccountEntities;
import io.cordon.server.auth.AuthContext;
import io.cordon.server.auth.AuthGrpcService;
import io.cordon.server.auth.AuthenticatedUser;
import io.cordon.server.auth.AuthInterceptor;
import io.cordon.server.auth.Authenticator;
import io.cordon.server.auth.PasswordHasher;
import io.cordon.server.auth.UserBootstrap;
import io.cordon.server.event.EventGrpcService;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.gate.GateCommands;
import io.cordon.server.gate.GateEntities;
import io.cordon.server.gate.GateGrpcService;
import io.cordon.server.gate.JournalGateCommandFeed;
import io.cordon.server.gate.JournalGateStates;
import io.cordon.server.gate.access.GateAccessModule;
import io.cordon.server.gate.access.GateAccessSettings;
import io.cordon.server.gate.emergency.EmergencyOpening;
import io.cordon.server.gate.emergency.EmergencyRpcs;
import io.cordon.server.gate.emergency.EmergencySettings;
import io.cordon.server.gate.emergency.SecondPersonCheck;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.park.ParkGrpcService;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import io.cordon.server.track.LiveVehiclePositions;
import io.cordon.server.track.StoringPositionSink;
import io.cordon.server.track.TrackGrpcService;
import io.cordon.server.track.TrackSettings;
import io.cordon.server.track.jt808.Jt808Intake;
import io.cordon.server.track.jt808.Jt808IntakeSettings;
import io.cordon.server.track.trip.TripBook;
import io.cordon.server.track.trip.TripGrpcService;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Optional;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cordon server: gRPC services over the database and the park plan. Used by {@link
 * CordonServerMain} and, in embedded mode, started in-process by the desktop client.
 */
public final class CordonServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CordonServer.class);
  private static final long GRACE_SECONDS = 5;
  /**
   * The shortest keepalive ping interval a client may use while it has calls open; clients that
   * ping more often get GOAWAY. Below the clients' 20 s so timer jitter never counts as a strike.
   */
  public static final Duration PERMIT_KEEPALIVE_TIME = Duration.ofSeconds(10);

  private final Database database;
  private final Server server;
  private final HealthStatusManager health;
  private final EventGrpcService events;
  private final ExecutorService pumpExecutor;
  /** Ends the gates' command watches on close (set once by {@link #start}). */
  private JournalGateCommandFeed gateCommandFeed;
  /** Gate agents, access decisions and presence (set once by {@link #start}). */
  private GateAccessModule gateAccess;
  /** Emergency openings: follows the gates' answers on its own thread (set once by {@link #start}). */
  private EmergencyOpening emergency;
  /** The event journal (set once by {@link #start}). */
  private io.cordon.server.event.EventJournal journal;
  /** Ends the live vehicle streams on close (set once by {@link #start}). */
  private TrackGrpcService track;
  /** The alarm writer and the alarm streams (set once by {@link #start}). */
  private AlarmCenter alarmCenter;
  private AlarmGrpcService alarms;
  /** Registration, appointments, review and the blacklist (set once by {@link #start}). */
  private RegistrationModule registration;
  /** Open trips of JT/T 808 terminals: follows permit changes on its own thread (set once by {@link #start}). */
  private TripBook tripBook;
  /** The JT/T 808 position pipeline and its TCP server (set once by {@link #start}). */
  private Jt808Intake jt808;
  private MediaRelay mediaRelay;
  private CameraStreams cameraStreams;
  /** Recording index, alarm evidence and retention (set once by {@link #start}). */
  private io.cordon.server.video.recording.RecordingModule recording;
  /** Timelines from the journal and stored positions (set once by {@link #start}). */
  private io.cordon.server.timeline.TimelineQueries timelines;
  private boolean closed;

  private CordonServer(Database database, Server server, HealthStatusManager health, EventGrpcService events,
      ExecutorService pumpExecutor) {
    this.database = database;
    this.server = server;
    this.health = health;
    this.events = events;
    this.pumpExecutor = pumpExecutor;
  }

  /**
   * Loads the park, opens (and migrates) the database, creates the bootstrap users and starts
   * listening.
   *
   * @throws io.cordon.domain.park.InvalidParkException when the park plan breaks a rule
   * @throws UncheckedIOException when the data directory or the port cannot be used
   */
  public static CordonServer start(ServerConfig config) {
    Park park = config.parkFile().map(ParkFileLoader::load).orElseGet(ParkFileLoader::loadSample);
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
    }
    List<Class<?>> entities = new ArrayList<>(JournalEntities.classes());
    entities.addAll(AccountEntities.classes());
    entities.addAll(GateEntities.classes());
    entities.addAll(AlarmEntities.classes());
    entities.addAll(RegistrationEntities.classes());
    entities.addAll(io.cordon.server.incident.IncidentEntities.classes());
    Database database = Database.open(
        new DatabaseSettings(config.databaseUrl(), config.databaseUser(), config.databasePassword()), entities);
    ExecutorService pumpExecutor = Executors.newFixedThreadPool(2, daemonThreads("cordon-event-stream"));
    TrackGrpcService track = null; // owns a ticker thread: closed below if the start fails
    AlarmCenter alarmCenter = null; // owns the alarm writer thread: closed below if the start fails
    MediaRelay mediaRelay = null; // owns a Netty server and ffmpeg children: closed below if the start fails
    RegistrationModule registration = null; // owns the appointment expiry timer: closed below if the start fails
    GateAccessModule gateAccess = null; // owns the access writer thread: closed below if the start fails
    EmergencyOpening emergency = null; // owns the emergency thread: closed below if the start fails
    TripBook tripBook = null; // owns the trip book's thread: closed below if the start fails
    Jt808Intake jt808 = null; // owns the JT/T 808 server and pipeline threads: closed below if the start fails
    io.cordon.server.video.recording.RecordingModule recording = null; // owns its scheduler: closed below on failure
    try {
      Clock clock = config.clock();
      Authenticator authenticator = new Authenticator(database, new PasswordHasher(), clock, config.sessionTtl());
      authenticator.deleteExpiredSessions();
      UserBootstrap.run(authenticator, config.demoUsers(), config.adminPassword(), config.devicePassword());

      InProcessLiveEvents live = new InProcessLiveEvents();
      HibernateEventJournal journal = new HibernateEventJournal(database, live, clock);
      EventGrpcService events = new EventGrpcService(journal, live, pumpExecutor);
      JournalGateCommandFeed gateCommandFeed = new JournalGateCommandFeed(journal, live, pumpExecutor);
      JournalGateStates gateStates =
          new JournalGateStates(database, journal, park.gates().stream().map(io.cordon.domain.park.Gate::id).toList());
      LiveVehiclePositions vehicles = new LiveVehiclePositions(TrackSettings.defaults(), clock);
      StoringPositionSink positions = new StoringPositionSink(database, vehicles, clock);
      positions.restoreRecent();
      track = new TrackGrpcService(vehicles, clock);
      alarmCenter = new AlarmCenter(park, database, journal, SopCatalog.bundled(), config.alarmSettings(), clock);
      alarmCenter.start();
      AlarmSources alarmSources = AlarmSources.of(park);
      CameraStreams cameraStreams = new CameraStreams(park, readCameraStreams(config, park));
      mediaRelay = startMediaRelay(config, cameraStreams);
      if (mediaRelay != null) {
        new StandbyStreams(park, config.mediaStandby()).keep(mediaRelay, cameraStreams);
      }
      AlarmGrpcService alarms = new AlarmGrpcService(alarmCenter, alarmSources, clock, pumpExecutor);
      recording = io.cordon.server.video.recording.RecordingModule.start(config.recording(), park, database, journal,
          Optional.ofNullable(mediaRelay), config.mediaPublicUrl(), config.dataDir(), clock);
      registration = RegistrationModule.start(config.registrationSettings(), park, database, journal, live, clock,
          pumpExecutor, config.demoRegistry());
      tripBook = TripBook.start(park, database, journal, live, clock);
      jt808 = Jt808Intake.create(park, database, journal,
          new io.cordon.server.alarm.CenterConditionAlarmSink(alarmCenter, journal), tripBook, vehicles, clock,
          Jt808IntakeSettings.defaults());
      if (config.jt808Port() >= 0) {
        jt808.start(config.bindAddress(), config.jt808Port(), io.cordon.devices.jt808.Jt808ServerSettings.defaults());
      }
      gateAccess = GateAccessModule.start(GateAccessSettings.defaults(), park, database, journal, live,
          gateCommandFeed, gateStates, new CenterAlarmReportSink(alarmCenter, journal), clock);
      GateAccessModule access = gateAccess; // the emergency switches the modes its decisions use
      emergency = EmergencyOpening.start(park, journal, live, new GateCommands(journal, gateCommandFeed, clock),
          EmergencySettings.fromSystemProperties(), clock,
          (gate, mode) -> access.setMode(gate, io.cordon.devices.gate.GateMessages.toProto(mode)));
      HealthStatusManager health = new HealthStatusManager();
      List<BindableService> services = List.of(
          new AuthGrpcService(authenticator),
          events,
          new ParkGrpcService(park),
          new SensorIngestGrpcService(SensorDirectory.of(park), new CenterSensorReportSink(alarmCenter, journal),
              () -> AuthContext.currentUser().map(AuthenticatedUser::username).orElse(""), clock),
          new GateStatusGrpcService(GateDirectory.of(park), gateStates, gateCommandFeed,
              () -> AuthContext.currentUser().map(AuthenticatedUser::username).orElse(""), clock),
          new GateGrpcService(park, gateStates, new GateCommands(journal, gateCommandFeed, clock))
              .withEmergency(new EmergencyRpcs(emergency, SecondPersonCheck.of(authenticator)))
              .withAccess(gateAccess.queries()),
          gateAccess.agentService(),
          new PositionIngestGrpcService(positions, ServiceArea.around(park, ServiceArea.DEFAULT_MARGIN_METRES),
              () -> AuthContext.currentUser().map(AuthenticatedUser::username).orElse(""), clock),
          track,
          new TripGrpcService(tripBook, jt808,
              () -> AuthContext.currentUser().map(AuthenticatedUser::username).orElse("")),
          new AlarmIngestGrpcService(alarmSources, new CenterAlarmReportSink(alarmCenter, journal),
              () -> AuthContext.currentUser().map(AuthenticatedUser::username).orElse(""), clock),
          alarms,
          new VideoGrpcService(park, cameraStreams,
              Optional.ofNullable(mediaRelay).map(relay -> new RelayStreamGrants(relay, config.mediaPublicUrl(), clock))));
      services = registration.plus(services);
      services = new ArrayList<>(services);
      services.add(recording.service());
      io.cordon.server.incident.IncidentBook incidents = new io.cordon.server.incident.IncidentBook(database, journal, clock);
      io.cordon.server.timeline.JournalTimelines timelines =
          new io.cordon.server.timeline.JournalTimelines(database, park, incidents);
      services.add(new io.cordon.server.timeline.TimelineGrpcService(timelines));
      io.cordon.media.record.SegmentCatalog recordedSegments = recording.catalog();
      services.add(new io.cordon.server.incident.IncidentGrpcService(incidents, timelines,
          Optional.of(io.cordon.server.report.incident.SignedIncidentReportDesk.create(park, database, journal,
              recording.catalog(), clock)),
          recording.exportLinks().map(links -> io.cordon.server.report.incident.JournalledIncidentClipDesk.create(
              park, database, journal, recordedSegments, links, clock)),
          () -> AuthContext.currentUser().map(AuthenticatedUser::username).orElse("")));
      services.add(new io.cordon.server.statistics.StatisticsGrpcService(new io.cordon.server.statistics.StatisticsDesk(
          park, database, io.cordon.server.report.pdf.FontLocator.fromSystem(), clock)));
      AuthInterceptor auth = new AuthInterceptor(authenticator);
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(new InetSocketAddress(config.bindAddress(), config.grpcPort()))
              // clients ping every 20 s on quiet streams (ServerConnection); answer, never GOAWAY too_many_pings
              .permitKeepAliveTime(PERMIT_KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
              .permitKeepAliveWithoutCalls(false);
      for (BindableService service : services) {
        builder.addService(ServerInterceptors.intercept(service, auth));
      }
      builder.addService(ServerInterceptors.intercept(health.getHealthService(), auth));
      Server server = builder.build().start();
      for (BindableService service : services) {
        health.setStatus(service.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING);
      }
      log.info("Cordon server listening on {}:{} (park {}, {} sensors, data in {})", config.bindAddress(),
          server.getPort(), park.name(), park.sensors().size(), config.dataDir());
      CordonServer started = new CordonServer(database, server, health, events, pumpExecutor);
      started.gateCommandFeed = gateCommandFeed;
      started.gateAccess = gateAccess;
      started.emergency = emergency;
      started.journal = journal;
      started.track = track;
      started.alarmCenter = alarmCenter;
      started.alarms = alarms;
      started.registration = registration;
      started.tripBook = tripBook;
      started.jt808 = jt808;
      started.mediaRelay = mediaRelay;
      started.cameraStreams = cameraStreams;
      started.recording = recording;
      started.timelines = timelines;
      return started;
    } catch (IOException | RuntimeException e) {
      if (recording != null) {
        recording.close();
      }
      if (mediaRelay != null) {
        mediaRelay.close();
      }
      if (track != null) {
        track.close();
      }
      if (alarmCenter != null) {
        alarmCenter.close();
      }
      if (registration != null) {
        registration.close();
      }
      if (gateAccess != null) {
        gateAccess.close();
      }
      if (emergency != null) {
        emergency.close();
      }
      if (jt808 != null) {
        jt808.close();
      }
      if (tripBook != null) {
        tripBook.close();
      }
      pumpExecutor.shutdownNow();
      database.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.grpcPort(), io);
      }
      throw (RuntimeException) e;
    }
  }

  private static CameraStreamRegistry readCameraStreams(ServerConfig config, Park park) throws IOException {
    Optional<Path> file = config.cameraStreamsFile();
    if (file.isEmpty()) {
      return CameraStreamRegistry.empty();
    }
    CameraStreamRegistry registry = CameraStreamRegistry.read(file.get(), park);
    log.info("Camera streams of {} cameras from {}", registry.cameraIds().size(), file.get());
    return registry;
  }

  private static MediaRelay startMediaRelay(ServerConfig config, CameraStreams streams) {
    if (config.mediaPort() < 0) {
      return null;
    }
    byte[] secret = new byte[32]; // tickets live a minute and only this process issues them
    new SecureRandom().nextBytes(secret);
    try {
      MediaRelay relay = MediaRelay.start(RelayConfig.defaults(secret).withAddress(config.bindAddress(),
          config.mediaPort()), streams);
      log.info("Media relay on {}:{}", config.bindAddress(), relay.port());
      return relay;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the media relay", e);
    }
  }

  /** The cameras' streams: the embedded demo registers its simulated cameras here. */
  public CameraStreams cameraStreams() {
    return cameraStreams;
  }

  /** Recording index, alarm evidence and retention (tests and the embedding process). */
  public io.cordon.server.video.recording.RecordingModule recording() {
    return recording;
  }

  /** Timelines of subjects and areas (incident reports, statistics and tests use them in-process). */
  public io.cordon.server.timeline.TimelineQueries timelineQueries() {
    return timelines;
  }

  /** The media relay's HTTP port; empty when this server runs no relay. */
  public OptionalInt mediaPort() {
    return mediaRelay == null ? OptionalInt.empty() : OptionalInt.of(mediaRelay.port());
  }

  /** The JT/T 808 TCP port; empty when this server runs no JT/T 808 server. */
  public OptionalInt jt808Port() {
    return jt808.server().isPresent() ? OptionalInt.of(jt808.port()) : OptionalInt.empty();
  }

  /** The JT/T 808 position pipeline (the bench and tests read its counters). */
  public Jt808Intake jt808() {
    return jt808;
  }

  /** The event journal, for tests and the embedding process that write events directly. */
  public io.cordon.server.event.EventJournal journal() {
    return journal;
  }

  /** Gate agents, access decisions and presence (the bench and the embedding process read it). */
  public GateAccessModule gateAccess() {
    return gateAccess;
  }

  /** The port the server listens on (the ephemeral one when the configuration said 0). */
  public int grpcPort() {
    return server.getPort();
  }

  /** Blocks until the server has shut down. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Stops accepting calls, ends live streams with UNAVAILABLE (clients resume elsewhere or later),
   * waits briefly for running calls and releases the database.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    health.enterTerminalState();
    server.shutdown();
    events.endStreams();
    gateCommandFeed.endWatches();
    gateAccess.close();
    emergency.close();
    jt808.close(); // before the trip book and the alarm center: its last violations raise alarms
    track.close();
    alarms.endStreams();
    registration.close();
    tripBook.close();
    alarmCenter.close();
    recording.close();
    if (mediaRelay != null) {
      mediaRelay.close();
    }
    try {
      if (!server.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
        server.shutdownNow();
        server.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    pumpExecutor.shutdownNow();
    try {
      pumpExecutor.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    database.close();
    log.info("Cordon server stopped");
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
