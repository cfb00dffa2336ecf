package io.cordon.devices.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateCommand;
import io.cordon.api.v1.GateStateReport;
import io.cordon.api.v1.GateStatusServiceGrpc;
import io.cordon.api.v1.WatchGateCommandsRequest;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Park;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class GateStatusGrpcServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private final List<GateStateObservation> recorded = new ArrayList<>();
  private final RecordingFeed feed = new RecordingFeed();
  private boolean sinkBroken;
  private Server server;
  private ManagedChannel channel;
  private GateStatusServiceGrpc.GateStatusServiceBlockingStub stub;

  @BeforeEach
  void startService() throws Exception {
    GateStateSink sink = observation -> {
      if (sinkBroken) {
        throw new IllegalStateException("database down");
      }
      recorded.add(observation);
      return 40 + recorded.size();
    };
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new GateStatusGrpcService(GateDirectory.of(parkWithTwoGates()), sink, feed, () -> "dev-7",
            Clock.fixed(NOW, ZoneOffset.UTC)))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = GateStatusServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void acknowledgesAReportWithTheSeqTheSinkCommitted() {
    assertThat(report(valid().build())).isEqualTo(41);
  }

  @Test
  void theObservationCarriesTheGateOfTheParkTheStateAndTheReportingAccount() {
    report(valid().setState(io.cordon.api.v1.GateState.GATE_STATE_FAULT).setDetail("motor").build());

    GateStateObservation observation = recorded.get(0);
    assertThat(observation.gate().type()).isEqualTo(GateType.EMERGENCY);
    assertThat(observation.state()).isEqualTo(GateState.FAULT);
    assertThat(observation.reporter()).isEqualTo("dev-7");
    assertThat(observation.detail()).isEqualTo("motor");
    assertThat(observation.observedAt()).isEqualTo(NOW.minusSeconds(1));
  }

  @Test
  void answersNotFoundNamingGateIdForAGateThatIsNotInThePark() {
    StatusRuntimeException e = reject(valid().setGateId("G-NOPE").build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(e)).containsExactly("gate_id");
    assertThat(recorded).isEmpty();
  }

  @Test
  void answersInvalidArgumentNamingTheStateForAnUnspecifiedState() {
    StatusRuntimeException e = reject(valid().clearState().build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactly("state");
  }

  @Test
  void answersUnavailableWhenTheReportCouldNotBeCommitted() {
    sinkBroken = true;

    assertThat(reject(valid().build()).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void aWatchStreamsTheCommandsTheFeedDeliversForItsGates() {
    Iterator<GateCommand> stream = watch(WatchGateCommandsRequest.newBuilder().addGateIds("G7").setAfterSeq(12).build());
    assertThat(feed.watches).hasSize(1);
    assertThat(feed.watches.get(0).gates()).containsExactly(new GateId("G7"));
    assertThat(feed.watches.get(0).afterSeq()).isEqualTo(12);

    feed.watches.get(0).listener().command(new IssuedGateCommand(13, new GateId("G7"), BarrierAction.OPEN,
        "fire drill", "operator", NOW));

    GateCommand command = stream.next();
    assertThat(command.getCommandSeq()).isEqualTo(13);
    assertThat(command.getAction()).isEqualTo(GateAction.GATE_ACTION_OPEN);
    assertThat(command.getReason()).isEqualTo("fire drill");
    assertThat(command.getIssuedBy()).isEqualTo("operator");
  }

  @Test
  void aWatchOfAnUnknownGateIsRefusedNamingItsIndexAndStartsNothing() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () ->
        watch(WatchGateCommandsRequest.newBuilder().addGateIds("G1").addGateIds("G-NOPE").build()).hasNext());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedFields(e)).containsExactly("gate_ids[1]");
    assertThat(feed.watches).isEmpty();
  }

  @Test
  void aWatchResumingBeyondTheJournalIsOutOfRangeNamingAfterSeq() {
    feed.refuseAfterSeq = true;

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () ->
        watch(WatchGateCommandsRequest.newBuilder().addGateIds("G1").setAfterSeq(999).build()).hasNext());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
    assertThat(violatedFields(e)).containsExactly("after_seq");
  }

  @Test
  void aFeedThatEndsEndsTheStreamWithUnavailable() {
    Iterator<GateCommand> stream = watch(WatchGateCommandsRequest.newBuilder().addGateIds("G1").build());

    feed.watches.get(0).listener().ended(new IllegalStateException("journal unreadable"));

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, stream::hasNext);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  private Iterator<GateCommand> watch(WatchGateCommandsRequest request) {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS).watchCommands(request);
  }

  private long report(GateStateReport report) {
    return stub.withDeadlineAfter(5, TimeUnit.SECONDS).reportState(report).getSeq();
  }

  private StatusRuntimeException reject(GateStateReport report) {
    return catchThrowableOfType(StatusRuntimeException.class, () -> report(report));
  }

  private static List<String> violatedFields(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status).as("rich status").isNotNull();
    return status.getDetailsList().stream()
        .filter(any -> any.is(BadRequest.class))
        .flatMap(any -> unpack(any).getFieldViolationsList().stream())
        .map(BadRequest.FieldViolation::getField)
        .toList();
  }

  private static BadRequest unpack(com.google.protobuf.Any any) {
    try {
      return any.unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static GateStateReport.Builder valid() {
    return GateStateReport.newBuilder()
        .setRequestId("req-1")
        .setGateId("G7")
        .setState(io.cordon.api.v1.GateState.GATE_STATE_OPEN)
        .setTime(Timestamp.newBuilder().setSeconds(NOW.minusSeconds(1).getEpochSecond()));
  }

  private static Park parkWithTwoGates() {
    GeometryFactory geometry = new GeometryFactory();
    Gate south = new Gate(new GateId("G1"), "South", GateType.COMPREHENSIVE,
        geometry.createPoint(new Coordinate(120.94, 31.93)), List.of(), false);
    Gate emergency = new Gate(new GateId("G7"), "West emergency", GateType.EMERGENCY,
        geometry.createPoint(new Coordinate(120.92, 31.93)), List.of(), true);
    return new Park("test", "Test park", 1, List.of(), List.of(), List.of(south, emergency), List.of(), List.of(),
        List.of(), List.of(), List.of());
  }

  private record StartedWatch(Set<GateId> gates, long afterSeq, GateCommandFeed.Listener listener) {
  }

  /** A feed the test drives by hand. */
  private static final class RecordingFeed implements GateCommandFeed {
    final List<StartedWatch> watches = new CopyOnWriteArrayList<>();
    boolean refuseAfterSeq;

    @Override
    public Watch watch(Set<GateId> gates, long afterSeq, Listener listener) {
      if (refuseAfterSeq) {
        throw new IllegalArgumentException("is beyond the last recorded seq 3");
      }
      watches.add(new StartedWatch(Set.copyOf(gates), afterSeq, listener));
      return () -> { };
    }

    @Override
    public boolean isWatched(GateId gate) {
      return false;
    }
  }
}
