package io.cordon.server.event;

import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.QueryEventsResponse;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.SubscribeRequest;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code EventService}: the resumable live stream and the timeline query over the journal. */
public final class EventGrpcService extends EventServiceGrpc.EventServiceImplBase {

  /** The most events a first subscription may ask for with {@code tail}. */
  static final int MAX_TAIL = 10_000;

  private static final Logger log = LoggerFactory.getLogger(EventGrpcService.class);
  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MAX_PAGE_SIZE = 1000;
  static final int MAX_FILTERS = 100;
  static final int MAX_TYPE_LENGTH = 100;

  private final EventJournal journal;
  private final LiveEvents live;
  private final Executor pumpExecutor;
  private final Set<EventStreamPump> pumps = ConcurrentHashMap.newKeySet();

  /**
   * @param pumpExecutor runs the journal reads of live streams (they block on the database)
   */
  public EventGrpcService(EventJournal journal, LiveEvents live, Executor pumpExecutor) {
    this.journal = journal;
    this.live = live;
    this.pumpExecutor = pumpExecutor;
  }

  @Override
  public void subscribe(SubscribeRequest request, StreamObserver<Event> responseObserver) {
    BadRequest.Builder violations = BadRequest.newBuilder();
    checkTypes(violations, request.getTypesList());
    // uint64 / uint32 arrive as signed Java numbers: 2^63 and more would turn negative and replay everything.
    if (request.getFromSeq() < 0) {
      violations.addFieldViolationsBuilder().setField("from_seq").setDescription("must be below 2^63");
    }
    if (request.getTail() < 0 || request.getTail() > MAX_TAIL) {
      violations.addFieldViolationsBuilder().setField("tail").setDescription("must be at most " + MAX_TAIL);
    } else if (request.getTail() > 0 && request.getFromSeq() != 0) {
      violations.addFieldViolationsBuilder().setField("tail")
          .setDescription("is only allowed with from_seq = 0; a resuming client sends tail = 0");
    }
    if (violations.getFieldViolationsCount() > 0) {
      responseObserver.onError(invalid("invalid subscription", violations));
      return;
    }
    long last;
    try {
      last = journal.lastSeq();
    } catch (RuntimeException e) {
      log.warn("Cannot read the journal head for a subscription", e);
      responseObserver.onError(Status.UNAVAILABLE.withDescription("cannot read events now; retry")
          .asRuntimeException());
      return;
    }
    if (request.getFromSeq() > last) {
      // The client saw events this journal never had (e.g. another database): it must start over.
      violations.addFieldViolationsBuilder().setField("from_seq")
          .setDescription("is beyond the last recorded seq " + last);
      responseObserver.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
          .setCode(Code.OUT_OF_RANGE_VALUE).setMessage("from_seq is beyond the journal")
          .addDetails(Any.pack(violations.build())).build()));
      return;
    }
    long fromSeq = request.getTail() > 0 ? Math.max(0, last - request.getTail()) : request.getFromSeq();
    ServerCallStreamObserver<Event> observer = (ServerCallStreamObserver<Event>) responseObserver;
    EventStreamPump[] self = new EventStreamPump[1];
    self[0] = new EventStreamPump(observer, journal, new TypeFilter(request.getTypesList()),
        fromSeq, pumpExecutor, () -> pumps.remove(self[0]));
    pumps.add(self[0]);
    self[0].start(live);
  }

  @Override
  public void query(QueryEventsRequest request, StreamObserver<QueryEventsResponse> responseObserver) {
    BadRequest.Builder violations = BadRequest.newBuilder();
    if (!request.hasFrom()) {
      violations.addFieldViolationsBuilder().setField("from").setDescription("is required");
    } else if (!Timestamps.isValid(request.getFrom())) {
      violations.addFieldViolationsBuilder().setField("from").setDescription("is not a valid timestamp");
    }
    if (!request.hasTo()) {
      violations.addFieldViolationsBuilder().setField("to").setDescription("is required");
    } else if (!Timestamps.isValid(request.getTo())) {
      violations.addFieldViolationsBuilder().setField("to").setDescription("is not a valid timestamp");
    } else if (request.hasFrom() && Timestamps.isValid(request.getFrom())
        && Timestamps.compare(request.getTo(), request.getFrom()) <= 0) {
      violations.addFieldViolationsBuilder().setField("to").setDescription("must be after from");
    }
    checkTypes(violations, request.getTypesList());
    checkSubjects(violations, request.getSubjectsList());
    if (request.getPageSize() > MAX_PAGE_SIZE) {
      violations.addFieldViolationsBuilder().setField("page_size")
          .setDescription("must be at most " + MAX_PAGE_SIZE);
    }
    Optional<QueryCursor> after = Optional.empty();
    if (!request.getPageToken().isEmpty()) {
      after = PageTokens.decode(request.getPageToken(), request);
      if (after.isEmpty()) {
        violations.addFieldViolationsBuilder().setField("page_token")
            .setDescription("is not a token this query returned");
      }
    }
    if (violations.getFieldViolationsCount() > 0) {
      responseObserver.onError(invalid("invalid event query", violations));
      return;
    }
    int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : request.getPageSize();
    EventQuery query = new EventQuery(
        EventMessages.instant(request.getFrom()),
        EventMessages.instant(request.getTo()),
        new TypeFilter(request.getTypesList()),
        request.getSubjectsList().stream().map(s -> new SubjectKey(s.getKind(), s.getId())).toList(),
        pageSize,
        after);
    EventPage page;
    try {
      page = journal.query(query);
    } catch (IllegalArgumentException e) {
      // the database refused a value of the query: asking again cannot help
      log.info("Event query refused: {}", e.getMessage());
      responseObserver.onError(Status.INVALID_ARGUMENT.withDescription("the query holds a value the server cannot use")
          .asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Event query failed", e);
      responseObserver.onError(Status.UNAVAILABLE.withDescription("cannot query events now").asRuntimeException());
      return;
    }
    QueryEventsResponse.Builder response = QueryEventsResponse.newBuilder();
    page.events().forEach(event -> response.addEvents(EventMessages.toProto(event)));
    page.next().ifPresent(next -> response.setNextPageToken(PageTokens.encode(next, request)));
    responseObserver.onNext(response.build());
    responseObserver.onCompleted();
  }

  /** The live streams now open (for tests that watch a stream's cursor). */
  Set<EventStreamPump> openStreams() {
    return Set.copyOf(pumps);
  }

  /** Ends every live stream with UNAVAILABLE, so clients reconnect (to this or another node). */
  public void endStreams() {
    Status status = Status.UNAVAILABLE.withDescription("server shutting down; resume from the last seq");
    for (EventStreamPump pump : List.copyOf(pumps)) {
      pump.end(status);
    }
  }

  private static void checkTypes(BadRequest.Builder violations, List<String> types) {
    if (types.size() > MAX_FILTERS) {
      violations.addFieldViolationsBuilder().setField("types").setDescription("at most " + MAX_FILTERS);
    }
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      if (type.isEmpty() || type.equals(".") || type.length() > MAX_TYPE_LENGTH) {
        violations.addFieldViolationsBuilder().setField("types[" + i + "]")
            .setDescription("must be a type or a prefix ending with \".\", 1.." + MAX_TYPE_LENGTH + " characters");
      } else if (Texts.hasControlCharacter(type)) {
        violations.addFieldViolationsBuilder().setField("types[" + i + "]")
            .setDescription("must not contain control characters");
      }
    }
  }

  private static void checkSubjects(BadRequest.Builder violations, List<SubjectRef> subjects) {
    if (subjects.size() > MAX_FILTERS) {
      violations.addFieldViolationsBuilder().setField("subjects").setDescription("at most " + MAX_FILTERS);
    }
    for (int i = 0; i < subjects.size(); i++) {
      SubjectRef s = subjects.get(i);
      if (s.getKind().isEmpty() || s.getKind().length() > SubjectKey.MAX_KIND_LENGTH
          || Texts.hasControlCharacter(s.getKind())) {
        violations.addFieldViolationsBuilder().setField("subjects[" + i + "].kind")
            .setDescription("1.." + SubjectKey.MAX_KIND_LENGTH + " characters, no control characters");
      }
      if (s.getId().isEmpty() || s.getId().length() > SubjectKey.MAX_ID_LENGTH
          || Texts.hasControlCharacter(s.getId())) {
        violations.addFieldViolationsBuilder().setField("subjects[" + i + "].id")
            .setDescription("1.." + SubjectKey.MAX_ID_LENGTH + " characters, no control characters");
      }
    }
  }

  private static RuntimeException invalid(String message, BadRequest.Builder violations) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage(message)
        .addDetails(Any.pack(violations.build()))
        .build());
  }
}
