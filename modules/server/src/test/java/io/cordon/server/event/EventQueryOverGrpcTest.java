package io.cordon.server.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.QueryEventsResponse;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.api.v1.SubjectRef;
import io.cordon.server.TestServer;
import io.cordon.server.sensor.SensorReports;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventQueryOverGrpcTest {

  static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  @TempDir
  static Path dataDir;
  static TestServer server;
  static EventServiceGrpc.EventServiceBlockingStub events;

  @BeforeAll
  static void startWithEvents() {
    server = TestServer.withDemoUsers(dataDir);
    events = EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("operator")));
    SensorReports device = new SensorReports(server.channel(), server.login("device"));
    for (int i = 0; i < 12; i++) {
      device.send(SensorReports.report("hb-" + i, SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, T0.plusSeconds(i)));
    }
    device.send(SensorReports.report("in-1", SensorReportKind.SENSOR_REPORT_KIND_INTRUSION, T0.plusSeconds(5)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void returnsTheEventsOfTheWindowOldestFirst() {
    QueryEventsResponse response = query(window(T0.plusSeconds(2), T0.plusSeconds(4)));

    assertThat(response.getEventsList()).extracting(e -> e.getTime().getSeconds())
        .containsExactly(T0.getEpochSecond() + 2, T0.getEpochSecond() + 3);
    assertThat(response.getNextPageToken()).isEmpty();
  }

  @Test
  void filtersByTypePrefixAndExactType() {
    assertThat(query(window(T0, T0.plusSeconds(60)).addTypes("sensor.intrusion")).getEventsList())
        .extracting(Event::getType).containsExactly("sensor.intrusion");
    assertThat(query(window(T0, T0.plusSeconds(60)).addTypes("sensor.")).getEventsCount()).isEqualTo(13);
    assertThat(query(window(T0, T0.plusSeconds(60)).addTypes("gate.")).getEventsCount()).isZero();
  }

  @Test
  void filtersBySubject() {
    // only the sensor events: other features (the alarm center) journal their own events about the sensor
    QueryEventsRequest.Builder request = window(T0, T0.plusSeconds(60)).addTypes("sensor.")
        .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId(SensorReports.SENSOR));

    assertThat(query(request).getEventsCount()).isEqualTo(13);
    assertThat(query(window(T0, T0.plusSeconds(60))
        .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S-none"))).getEventsCount()).isZero();
  }

  @Test
  void pagesThroughEveryEventOnceWithOpaqueTokens() {
    List<Long> seqs = new ArrayList<>();
    QueryEventsRequest.Builder request = window(T0, T0.plusSeconds(60)).addTypes("sensor.").setPageSize(5);
    int pages = 0;
    while (true) {
      QueryEventsResponse page = query(request);
      pages++;
      page.getEventsList().forEach(e -> seqs.add(e.getSeq()));
      if (page.getNextPageToken().isEmpty()) {
        break;
      }
      request.setPageToken(page.getNextPageToken());
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seqs).hasSize(13).doesNotHaveDuplicates();
  }

  @Test
  void requiresFromAndTo() {
    assertThat(violations(QueryEventsRequest.newBuilder())).containsExactlyInAnyOrder("from", "to");
  }

  @Test
  void requiresToAfterFrom() {
    assertThat(violations(window(T0, T0))).containsExactly("to");
  }

  @Test
  void refusesANulInATypeFilterNamingIt() {
    assertThat(violations(window(T0, T0.plusSeconds(1)).addTypes("sensor.\u0000"))).containsExactly("types[0]");
  }

  @Test
  void refusesANulInASubjectId() {
    assertThat(violations(window(T0, T0.plusSeconds(1))
        .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S\u0000")))).containsExactly("subjects[0].id");
  }

  @Test
  void refusesPagesLargerThanAThousand() {
    assertThat(violations(window(T0, T0.plusSeconds(1)).setPageSize(1001))).containsExactly("page_size");
  }

  @Test
  void refusesAMalformedPageToken() {
    assertThat(violations(window(T0, T0.plusSeconds(1)).setPageToken("not-a-token"))).containsExactly("page_token");
  }

  @Test
  void refusesAPageTokenOfAnotherQuery() {
    String token = query(window(T0, T0.plusSeconds(60)).setPageSize(2)).getNextPageToken();

    assertThat(violations(window(T0, T0.plusSeconds(30)).setPageToken(token))).containsExactly("page_token");
  }

  private static QueryEventsResponse query(QueryEventsRequest.Builder request) {
    return events.withDeadlineAfter(10, TimeUnit.SECONDS).query(request.build());
  }

  private static List<String> violations(QueryEventsRequest.Builder request) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> query(request));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return StatusProto.fromThrowable(e).getDetailsList().stream()
        .flatMap(any -> {
          try {
            return any.unpack(BadRequest.class).getFieldViolationsList().stream();
          } catch (InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
          }
        })
        .map(BadRequest.FieldViolation::getField)
        .toList();
  }

  private static QueryEventsRequest.Builder window(Instant from, Instant to) {
    return QueryEventsRequest.newBuilder().setFrom(ts(from)).setTo(ts(to));
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
