package io.cordon.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubscribeRequest;
import io.cordon.server.TestServer;
import io.cordon.server.sensor.SensorReports;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {

  @TempDir
  Path dataDir;
  TestServer server;
  String operator;
  SensorReports device;

  @BeforeEach
  void start() {
    server = TestServer.withDemoUsers(dataDir);
    operator = server.login("operator");
    device = new SensorReports(server.channel(), server.login("device"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSubscriberReceivesEventsCommittedAfterItSubscribed() throws Exception {
    EventSubscriber subscriber = EventSubscriber.fromSeq(server.channel(), operator, 0);

    long seq = device.heartbeat("live-1");

    Event event = subscriber.take(1).get(0);
    assertThat(event.getSeq()).isEqualTo(seq);
    assertThat(event.getType()).isEqualTo("sensor.heartbeat");
    assertThat(event.getSubjects(0).getKind()).isEqualTo("sensor");
    assertThat(event.getSubjects(0).getId()).isEqualTo(SensorReports.SENSOR);
    assertThat(event.getSubjects(1).getKind()).isEqualTo("segment");
    assertThat(event.hasLocation()).isTrue();
  }

  @Test
  void aSubscriberFromZeroFirstReceivesWhatIsAlreadyInTheJournal() throws Exception {
    device.heartbeat("old-1");
    device.heartbeat("old-2");

    EventSubscriber subscriber = EventSubscriber.fromSeq(server.channel(), operator, 0);

    assertThat(subscriber.take(2)).extracting(Event::getSeq).containsExactly(1L, 2L);
  }

  @Test
  void aReconnectingSubscriberReceivesExactlyTheThousandMissedEventsInOrderThenLiveOnes() throws Exception {
    EventSubscriber first = EventSubscriber.fromSeq(server.channel(), operator, 0);
    for (int i = 0; i < 5; i++) {
      device.heartbeat("before-" + i);
    }
    long lastSeen = first.take(5).get(4).getSeq();
    first.cancel();

    for (int i = 0; i < 1000; i++) {
      device.heartbeat("missed-" + i);
    }
    EventSubscriber resumed = EventSubscriber.fromSeq(server.channel(), operator, lastSeen);
    List<Event> missed = resumed.take(1000);
    long live = device.heartbeat("live-after");

    assertThat(missed).extracting(Event::getSeq)
        .containsExactlyElementsOf(LongStream.rangeClosed(lastSeen + 1, lastSeen + 1000).boxed().toList());
    assertThat(resumed.take(1)).extracting(Event::getSeq).containsExactly(live);
    assertThat(resumed.extra()).isEmpty();
  }

  @Test
  void aSubscriberResumesAfterAServerRestartWithTheSameToken() throws Exception {
    EventSubscriber before = EventSubscriber.fromSeq(server.channel(), operator, 0);
    device.heartbeat("r-1");
    long lastSeen = before.take(1).get(0).getSeq();

    server.restart();

    assertThat(before.ended.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    SensorReports deviceAgain = new SensorReports(server.channel(), server.login("device"));
    long missed = deviceAgain.heartbeat("r-2");
    EventSubscriber after = EventSubscriber.fromSeq(server.channel(), operator, lastSeen);
    assertThat(after.take(1)).extracting(Event::getSeq).containsExactly(missed);
    long live = deviceAgain.heartbeat("r-3");
    assertThat(after.take(1)).extracting(Event::getSeq).containsExactly(live);
  }

  @Test
  void closingTheServerEndsAnOpenStreamWithUnavailableSaidByTheServer() throws Exception {
    ManagedChannel ownChannel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    try {
      EventSubscriber subscriber = EventSubscriber.fromSeq(ownChannel, operator, 0);
      device.heartbeat("open-1");
      subscriber.take(1);

      server.stop();

      Status ended = subscriber.ended.get(30, TimeUnit.SECONDS);
      assertThat(ended.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(ended.getDescription()).isEqualTo("server shutting down; resume from the last seq");
    } finally {
      ownChannel.shutdownNow();
    }
  }

  @Test
  void aFromSeqOfTwoToTheSixtyThirdOrMoreIsRefusedNamingTheField() throws Exception {
    device.heartbeat("only");

    EventSubscriber subscriber = EventSubscriber.fromSeq(server.channel(), operator, Long.MIN_VALUE);

    assertThat(violations(subscriber)).containsExactly("from_seq");
  }

  @Test
  void aTailOfTwoToTheThirtyFirstOrMoreIsRefusedNamingTheField() throws Exception {
    EventSubscriber subscriber = EventSubscriber.subscribe(server.channel(), operator,
        SubscribeRequest.newBuilder().setTail(Integer.MIN_VALUE).build());

    assertThat(violations(subscriber)).containsExactly("tail");
  }

  @Test
  void aNulInATypeFilterIsRefusedNamingIt() throws Exception {
    EventSubscriber subscriber = EventSubscriber.subscribe(server.channel(), operator,
        SubscribeRequest.newBuilder().addTypes("sensor.\u0000").build());

    assertThat(violations(subscriber)).containsExactly("types[0]");
  }

  private static List<String> violations(EventSubscriber subscriber) throws Exception {
    Throwable failure = subscriber.failure.get(10, TimeUnit.SECONDS);
    assertThat(Status.fromThrowable(failure).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return io.grpc.protobuf.StatusProto.fromThrowable(failure).getDetails(0)
        .unpack(com.google.rpc.BadRequest.class).getFieldViolationsList().stream()
        .map(com.google.rpc.BadRequest.FieldViolation::getField).toList();
  }

  @Test
  void aTypeFilterPassesOnlyMatchingTypes() throws Exception {
    EventSubscriber intrusions = EventSubscriber.subscribe(server.channel(), operator,
        SubscribeRequest.newBuilder().addTypes("sensor.intrusion").build());

    device.heartbeat("h-1");
    long intrusion = device.send(SensorReports.report("i-1",
        io.cordon.api.v1.SensorReportKind.SENSOR_REPORT_KIND_INTRUSION, java.time.Instant.now()));

    assertThat(intrusions.take(1)).extracting(Event::getSeq).containsExactly(intrusion);
  }

  @Test
  void aFirstSubscriptionWithATailStartsWithTheLastEventsOnly() throws Exception {
    for (int i = 0; i < 10; i++) {
      device.heartbeat("old-" + i);
    }

    EventSubscriber recent = EventSubscriber.subscribe(server.channel(), operator,
        SubscribeRequest.newBuilder().setTail(3).build());
    // Subscribing is asynchronous: take the tail before committing more, or it would count too.
    assertThat(recent.take(3)).extracting(Event::getSeq).containsExactly(8L, 9L, 10L);
    long live = device.heartbeat("live");

    assertThat(recent.take(1)).extracting(Event::getSeq).containsExactly(live);
  }

  @Test
  void aTailWithAResumeSeqIsRefusedNamingTheField() throws Exception {
    device.heartbeat("only");

    EventSubscriber subscriber = EventSubscriber.subscribe(server.channel(), operator,
        SubscribeRequest.newBuilder().setFromSeq(1).setTail(5).build());

    Throwable failure = subscriber.failure.get(10, TimeUnit.SECONDS);
    assertThat(Status.fromThrowable(failure).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(io.grpc.protobuf.StatusProto.fromThrowable(failure).getDetails(0)
        .unpack(com.google.rpc.BadRequest.class).getFieldViolationsList())
        .extracting(com.google.rpc.BadRequest.FieldViolation::getField).containsExactly("tail");
  }

  @Test
  void resumingBeyondTheJournalIsOutOfRange() throws Exception {
    device.heartbeat("only");

    EventSubscriber subscriber = EventSubscriber.fromSeq(server.channel(), operator, 99);

    assertThat(subscriber.ended.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
  }
}
