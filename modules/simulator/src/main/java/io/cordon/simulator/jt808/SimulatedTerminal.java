package io.cordon.simulator.jt808;

import io.cordon.devices.jt808.AdditionalItem;
import io.cordon.devices.jt808.Jt808BodyDecoder;
import io.cordon.devices.jt808.Jt808Encoder;
import io.cordon.devices.jt808.Jt808Frame;
import io.cordon.devices.jt808.Jt808FrameDecoder;
import io.cordon.devices.jt808.Jt808Message;
import io.cordon.devices.jt808.Jt808RegisterLayout;
import io.cordon.devices.jt808.Jt808Stats;
import io.cordon.devices.jt808.Jt808Version;
import io.cordon.devices.jt808.Location;
import io.cordon.devices.jt808.MalformedBodyException;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One terminal in one vehicle. Its whole state lives on one event loop (the channel's), so it
 * needs no locks; binding calls run elsewhere and hand their outcome back with
 * {@code loop.execute}.
 */
final class SimulatedTerminal {

  private static final Logger log = LoggerFactory.getLogger(SimulatedTerminal.class);
  /** Fixes per 0x0704 batch: 20 × 42 bytes keeps the body under the 1,023-byte packet limit. */
  static final int BATCH_FIXES = 20;
  /** Blind-area batches in flight at once. */
  static final int BATCHES_IN_FLIGHT = 4;

  private enum Link { OFFLINE, CONNECTING, REGISTERING, AUTHENTICATING, ONLINE }

  private enum Trip { IDLE, ISSUING, DRIVING, RETURNING }

  private record Pending(int messageId, List<Location> fixes, long sentNanos) {}

  final String number;
  final Behaviour behaviour;
  private final Jt808Fleet fleet;
  private final Jt808FleetSettings settings;
  private final int index;
  private final EventLoop loop;
  private final Random random;
  private final LocationFrameWriter writer;
  private final double noiseSigma;
  private final double simStep;
  private final long ackTimeoutNanos;
  private final Map<Integer, Pending> pending = new LinkedHashMap<>();
  private final ArrayDeque<Location> buffer = new ArrayDeque<>();
  private ScheduledFuture<?> ticker;
  private boolean stopped;

  private Link link = Link.OFFLINE;
  private Channel channel;
  private String authCode;
  private int serial;
  private int batchesInFlight;
  private long lastSentNanos;

  private Trip trip = Trip.IDLE;
  private double simSeconds;
  private final long simStartSecond;
  private final long simStartNanos;
  private double idleUntil;
  private Driver driver;
  private HazmatPermit permit;
  private String gateId;
  private double tripStart;
  private double lossFrom = Double.MAX_VALUE;
  private double lossTo = Double.MAX_VALUE;
  private double networkDownUntil = -1;
  private double mileageKm;
  private double lastLon;
  private double lastLat;

  SimulatedTerminal(Jt808Fleet fleet, int index, EventLoop loop) {
    this.fleet = fleet;
    this.settings = fleet.settings;
    this.index = index;
    this.loop = loop;
    this.number = settings.terminalNumber(index);
    this.behaviour = settings.behaviourOf(index);
    this.random = new Random(settings.seed() * 1_000_003L + index);
    this.writer = new LocationFrameWriter(settings.dialect(), number);
    this.noiseSigma = 3 + 7 * random.nextDouble();
    this.simStep = settings.reportInterval().toNanos() / 1e9 * settings.timeScale();
    this.ackTimeoutNanos = settings.ackTimeout().toNanos();
    Instant start = settings.simStart() == null ? Instant.now() : settings.simStart();
    this.simStartSecond = start.getEpochSecond();
    this.simStartNanos = start.getNano();
    this.mileageKm = 1000 + random.nextInt(200_000);
  }

  /** Connects after {@code delayNanos} and reports every interval from then on. */
  void start(long delayNanos) {
    simSeconds = delayNanos / 1e9 * settings.timeScale();
    loop.schedule(this::connect, delayNanos, TimeUnit.NANOSECONDS);
    ticker = loop.scheduleAtFixedRate(this::tick, delayNanos + settings.reportInterval().toNanos() / 2,
        settings.reportInterval().toNanos(), TimeUnit.NANOSECONDS);
  }

  void stop() {
    loop.execute(() -> {
      stopped = true;
      if (ticker != null) {
        ticker.cancel(false);
      }
      if (channel != null) {
        channel.close();
      }
    });
  }

  void dropConnection() {
    loop.execute(() -> {
      if (channel != null) {
        channel.close();
      }
    });
  }

  // ---- the clock and the trip ----

  private void tick() {
    if (stopped) {
      return;
    }
    if (fleet.driving()) {
      simSeconds += simStep;
      Location fix = drive();
      if (fix != null) {
        fleet.fixesGenerated.increment();
        report(fix);
      }
    }
    resendOverdue();
    flushBuffer();
    heartbeatIfQuiet();
  }

  private Instant simInstant() {
    long whole = (long) Math.floor(simSeconds);
    return Instant.ofEpochSecond(simStartSecond + whole, simStartNanos);
  }

  /** Moves the vehicle on; the fix to report, or null when the terminal is not on a trip. */
  private Location drive() {
    if (trip == Trip.IDLE && simSeconds >= idleUntil) {
      beginTrip();
    }
    if (trip != Trip.DRIVING) {
      return null;
    }
    driver.advance(simStep);
    mileageKm += driver.speedKmh() / 3.6 * simStep / 1000;
    Location fix = fix();
    if (driver.finished()) {
      endTrip();
    }
    return fix;
  }

  private void beginTrip() {
    if (!settings.bindAtGates()) {
      List<ParkPaths.EntryGate> gates = fleet.paths.entryGates();
      ParkPaths.EntryGate gate = gates.get(random.nextInt(gates.size()));
      List<ParkPaths.Target> points = fleet.paths.loadingPoints();
      startDriving(gate, List.of(), points.get(random.nextInt(points.size())));
      return;
    }
    trip = Trip.ISSUING;
    fleet.offLoop(() -> {
      Optional<HazmatPermit> chosen = choosePermit();
      if (chosen.isEmpty()) {
        onLoop(() -> idle(60));
        return;
      }
      HazmatPermit p = chosen.get();
      ParkPaths.EntryGate gate = p.gateIds().stream().map(id -> fleet.paths.gate(id)).flatMap(Optional::stream)
          .findFirst().orElseGet(() -> fleet.paths.entryGates().get(random.nextInt(fleet.paths.entryGates().size())));
      ParkPaths.Target target = fleet.paths.loadingPoint(p.enterpriseId(), p.loadingPointId()).orElseGet(
          () -> fleet.paths.loadingPoints().get(random.nextInt(fleet.paths.loadingPoints().size())));
      try {
        fleet.binding.issue(number, p, gate.id());
        fleet.issued.increment();
        onLoop(() -> {
          permit = p;
          startDriving(gate, p.routeIds(), target);
        });
      } catch (RuntimeException e) {
        fleet.bindingFailures.increment();
        fleet.platesInUse.remove(p.plate());
        log.debug("terminal {} not issued for {}: {}", number, p.plate(), e.toString());
        onLoop(() -> idle(60));
      }
    });
  }

  /** Hands work from another thread back to the terminal's loop; after the fleet closed, drops it. */
  private void onLoop(Runnable work) {
    try {
      loop.execute(work);
    } catch (RejectedExecutionException e) {
      log.debug("terminal {}: the fleet is closed, {} dropped", number, work);
    }
  }

  /** A permit whose vehicle is not on a trip with another terminal (runs off the loop). */
  private Optional<HazmatPermit> choosePermit() {
    List<HazmatPermit> all = new ArrayList<>(fleet.permitsNow());
    Collections.shuffle(all, new Random(random.nextLong()));
    for (HazmatPermit p : all) {
      if (fleet.platesInUse.add(p.plate())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private void startDriving(ParkPaths.EntryGate gate, List<String> routeIds, ParkPaths.Target target) {
    gateId = gate.id();
    PathLine outbound = fleet.paths.outbound(gate, routeIds, target);
    driver = new Driver(fleet.planner.plan(outbound, behaviour, random));
    tripStart = simSeconds;
    if (behaviour == Behaviour.LOSE_SIGNAL) {
      lossFrom = tripStart + 60 + 120 * random.nextDouble();
      lossTo = lossFrom + 180 + 120 * random.nextDouble();
    }
    trip = Trip.DRIVING;
  }

  private void endTrip() {
    lossFrom = Double.MAX_VALUE;
    lossTo = Double.MAX_VALUE;
    if (permit == null) {
      trip = Trip.IDLE;
      idleUntil = simSeconds; // unbound: the next trip right away
      return;
    }
    HazmatPermit p = permit;
    String gate = gateId;
    permit = null;
    trip = Trip.RETURNING;
    fleet.offLoop(() -> {
      try {
        fleet.binding.giveBack(number, gate);
        fleet.returned.increment();
      } catch (RuntimeException e) {
        fleet.bindingFailures.increment();
        log.debug("terminal {} not returned: {}", number, e.toString());
      }
      fleet.platesInUse.remove(p.plate());
      onLoop(() -> idle(60 + 120 * random.nextDouble()));
    });
  }

  private void idle(double seconds) {
    trip = Trip.IDLE;
    idleUntil = simSeconds + seconds;
  }

  private Location fix() {
    double r = Math.min(30, Math.abs(random.nextGaussian()) * noiseSigma + 2);
    double angle = random.nextDouble() * 2 * Math.PI;
    double[] lonLat = fleet.paths.lonLat(driver.x() + r * Math.cos(angle), driver.y() + r * Math.sin(angle));
    double speed = driver.speedKmh();
    if (speed > 0) {
      speed = Math.max(0, speed + random.nextGaussian() * 0.8);
    }
    boolean lost = simSeconds >= lossFrom && simSeconds < lossTo;
    boolean gpsLost = lost && index % 2 == 0;
    if (lost && !gpsLost && networkDownUntil < lossTo) {
      networkDownUntil = lossTo;
      if (channel != null) {
        channel.close();
      }
    }
    List<AdditionalItem> items = List.of(AdditionalItem.mileageKm(mileageKm),
        AdditionalItem.signalStrength(lost ? random.nextInt(3) : 15 + random.nextInt(17)),
        AdditionalItem.satellites(gpsLost ? random.nextInt(3) : 8 + random.nextInt(7)));
    Instant at = simInstant();
    if (gpsLost) {
      // no fix: the position bit clears and the last known position is repeated, as devices do
      Location invalid = Location.of(at, lastLat, lastLon, 0, driver.heading(), 8, 0, Location.STATUS_ACC, items);
      return new Location(invalid.alarmFlags(), invalid.statusFlags() & ~Location.STATUS_POSITIONED,
          invalid.latitudeMicroDegrees(), invalid.longitudeMicroDegrees(), invalid.altitudeMetres(), 0,
          invalid.course(), at, items, false);
    }
    lastLon = lonLat[0];
    lastLat = lonLat[1];
    return Location.of(at, lonLat[1], lonLat[0], speed, driver.heading(), 5 + random.nextInt(6), 0,
        Location.STATUS_ACC, items);
  }

  // ---- the link ----

  private void connect() {
    if (stopped || link != Link.OFFLINE) {
      return;
    }
    if (networkDownUntil > simSeconds) {
      loop.schedule(this::connect, settings.reconnectDelay().toNanos(), TimeUnit.NANOSECONDS);
      return;
    }
    link = Link.CONNECTING;
    ChannelFuture future = new Bootstrap().group(loop).channel(fleet.transport.socketChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new Jt808FrameDecoder(Jt808FrameDecoder.DEFAULT_MAX_FRAME_BYTES, new Jt808Stats()),
                new Handler());
          }
        })
        .connect(settings.host(), settings.port());
    future.addListener(f -> {
      if (!f.isSuccess()) {
        link = Link.OFFLINE;
        scheduleReconnect();
      }
    });
  }

  private void scheduleReconnect() {
    if (!stopped) {
      long delay = settings.reconnectDelay().toNanos();
      loop.schedule(this::connect, delay + (long) (random.nextDouble() * delay / 2), TimeUnit.NANOSECONDS);
    }
  }

  private final class Handler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      channel = ctx.channel();
      fleet.connected.incrementAndGet();
      if (stopped) {
        channel.close();
        return;
      }
      if (authCode == null) {
        register();
      } else {
        authenticate();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      fleet.connected.decrementAndGet();
      if (link == Link.ONLINE) {
        fleet.authenticated.decrementAndGet();
      }
      channel = null;
      link = Link.OFFLINE;
      batchesInFlight = 0;
      // what the server never answered is kept and sent again, as blind-area data, on the next link
      List<Location> unanswered = new ArrayList<>();
      for (Pending p : pending.values()) {
        unanswered.addAll(p.fixes());
      }
      if (!unanswered.isEmpty()) {
        fleet.retries.add(pending.size());
      }
      pending.clear();
      for (int i = unanswered.size() - 1; i >= 0; i--) {
        buffer.addFirst(unanswered.get(i));
      }
      trimBuffer();
      scheduleReconnect();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Jt808Frame frame) {
        try {
          onMessage(Jt808BodyDecoder.decode(frame));
        } catch (MalformedBodyException e) {
          log.debug("terminal {}: bad answer from the platform: {}", number, e.getMessage());
        }
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      flushBuffer();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("terminal {}: {}", number, cause.toString());
      ctx.close();
    }
  }

  private void register() {
    link = Link.REGISTERING;
    boolean v2019 = settings.dialect().version() == Jt808Version.V2019;
    String vin = "LSIM" + last13(); // plate colour 0: the plate field holds the VIN
    send(new Jt808Message.Register(32, 281, "CRDN", "SIM-808", number.substring(number.length() - 7), 0, vin,
        v2019 ? Jt808RegisterLayout.V2019 : Jt808RegisterLayout.V2013));
  }

  private void authenticate() {
    link = Link.AUTHENTICATING;
    boolean v2019 = settings.dialect().version() == Jt808Version.V2019;
    send(new Jt808Message.Authenticate(authCode, v2019 ? "86" + last13() : "",
        v2019 ? "CORDON-SIM-1.0" : ""));
  }

  private void onMessage(Jt808Message message) {
    if (message instanceof Jt808Message.RegisterResponse response) {
      if (response.result() == Jt808Message.RegisterResponse.OK) {
        authCode = response.authCode();
        authenticate();
      } else if (channel != null) {
        log.debug("terminal {}: register refused ({})", number, response.result());
        channel.close();
      }
    } else if (message instanceof Jt808Message.PlatformResponse response) {
      onResponse(response);
    }
  }

  private void onResponse(Jt808Message.PlatformResponse response) {
    int id = response.replyMessageId();
    if (id == Jt808Message.AUTHENTICATE && link == Link.AUTHENTICATING) {
      if (response.result() == 0) {
        link = Link.ONLINE;
        fleet.authenticated.incrementAndGet();
        flushBuffer();
      } else {
        authCode = null; // the platform forgot us (restart): register again
        register();
      }
      return;
    }
    if (id != Jt808Message.LOCATION && id != Jt808Message.LOCATION_BATCH) {
      return;
    }
    Pending answered = pending.remove(response.replySerial());
    if (answered == null) {
      return;
    }
    if (answered.messageId() == Jt808Message.LOCATION_BATCH) {
      batchesInFlight--;
    }
    if (response.result() == 0) {
      fleet.fixesAcknowledged.add(answered.fixes().size());
      flushBuffer();
    } else {
      fleet.retries.increment();
      resend(answered);
    }
  }

  // ---- reports ----

  private void report(Location fix) {
    if (link == Link.ONLINE && channel.isWritable() && buffer.isEmpty()) {
      sendLive(fix);
    } else {
      buffer.addLast(fix);
      trimBuffer();
    }
  }

  private void sendLive(Location fix) {
    int s = nextSerial();
    ByteBuf frame = channel.alloc().buffer(LocationFrameWriter.maxFrameBytes());
    writer.write(frame, s, fix);
    pending.put(s, new Pending(Jt808Message.LOCATION, List.of(fix), System.nanoTime()));
    fleet.liveReportsSent.increment();
    lastSentNanos = System.nanoTime();
    channel.writeAndFlush(frame, channel.voidPromise());
  }

  private void sendBatch(List<Location> fixes) {
    int s = nextSerial();
    byte[] frame = Jt808Encoder.encode(Jt808Message.LocationBatch.of(Jt808Message.LocationBatch.BLIND_AREA, fixes),
        settings.dialect(), number, s);
    pending.put(s, new Pending(Jt808Message.LOCATION_BATCH, fixes, System.nanoTime()));
    batchesInFlight++;
    fleet.blindAreaFixesSent.add(fixes.size());
    lastSentNanos = System.nanoTime();
    channel.writeAndFlush(Unpooled.wrappedBuffer(frame), channel.voidPromise());
  }

  private void resend(Pending p) {
    if (link != Link.ONLINE) {
      for (int i = p.fixes().size() - 1; i >= 0; i--) {
        buffer.addFirst(p.fixes().get(i));
      }
      return;
    }
    if (p.messageId() == Jt808Message.LOCATION) {
      sendLive(p.fixes().get(0));
    } else {
      sendBatch(p.fixes());
    }
  }

  /** Uploads the kept fixes as blind-area batches while the link is up and takes them. */
  private void flushBuffer() {
    while (!buffer.isEmpty() && link == Link.ONLINE && channel != null && channel.isWritable()
        && batchesInFlight < BATCHES_IN_FLIGHT) {
      List<Location> batch = new ArrayList<>(Math.min(BATCH_FIXES, buffer.size()));
      while (batch.size() < BATCH_FIXES && !buffer.isEmpty()) {
        batch.add(buffer.pollFirst());
      }
      sendBatch(batch);
    }
  }

  private void resendOverdue() {
    if (link != Link.ONLINE || pending.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    List<Pending> overdue = new ArrayList<>();
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (now - p.sentNanos() < ackTimeoutNanos) {
        break; // in send order: the rest are younger
      }
      it.remove();
      if (p.messageId() == Jt808Message.LOCATION_BATCH) {
        batchesInFlight--;
      }
      overdue.add(p);
    }
    for (Pending p : overdue) {
      fleet.retries.increment();
      resend(p);
    }
  }

  private void heartbeatIfQuiet() {
    if (link == Link.ONLINE && System.nanoTime() - lastSentNanos >= settings.heartbeatInterval().toNanos()) {
      send(new Jt808Message.Heartbeat());
    }
  }

  private void send(Jt808Message message) {
    if (channel == null) {
      return;
    }
    lastSentNanos = System.nanoTime();
    channel.writeAndFlush(Unpooled.wrappedBuffer(Jt808Encoder.encode(message, settings.dialect(), number,
        nextSerial())), channel.voidPromise());
  }

  private void trimBuffer() {
    while (buffer.size() > settings.maxBufferedFixes()) {
      buffer.pollFirst();
      fleet.fixesDropped.increment();
    }
  }

  private String last13() {
    String padded = "0".repeat(13) + number;
    return padded.substring(padded.length() - 13);
  }

  private int nextSerial() {
    int s = serial;
    serial = (serial + 1) & 0xffff;
    return s;
  }
}
