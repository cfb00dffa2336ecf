package io.cordon.client.timeline;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cordon.api.v1.AddAlarmsRequest;
import io.cordon.api.v1.CloseIncidentRequest;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.GetIncidentRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentList;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.IncidentServiceGrpc;
import io.cordon.api.v1.IncidentStatus;
import io.cordon.api.v1.ListIncidentsRequest;
import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.RenderReportRequest;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.TimelineServiceGrpc;
import io.cordon.client.incident.IncidentClient;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TimelineService and an IncidentService of the test's making on a loopback Netty port (the real
 * ones are the server's), with clients over a real channel. Answers what the test put in and keeps
 * what it was asked.
 */
public final class FakeTimelineServer implements AutoCloseable {
  public volatile Timeline timeline = Timeline.getDefaultInstance();
  public volatile PositionsAt positions = PositionsAt.getDefaultInstance();
  public volatile Status timelineFailure;
  /** Set: Create refuses with a BadRequest naming this field. */
  public volatile String refuseField;
  public final List<TimelineRequest> timelineRequests = new CopyOnWriteArrayList<>();
  public final List<PositionsAtRequest> positionRequests = new CopyOnWriteArrayList<>();
  public final List<CreateIncidentRequest> createRequests = new CopyOnWriteArrayList<>();
  public final List<CloseIncidentRequest> closeRequests = new CopyOnWriteArrayList<>();
  public final List<RenderReportRequest> reportRequests = new CopyOnWriteArrayList<>();
  public final Map<String, Incident> incidents = new ConcurrentHashMap<>();
  public static final byte[] PDF = "%PDF-1.7 a signed report".getBytes(StandardCharsets.US_ASCII);

  private final ExecutorService background = Executors.newFixedThreadPool(2);
  private final Server server;
  private final ManagedChannel channel;
  public final TimelineClient timelineClient;
  public final IncidentClient incidentClient;

  public FakeTimelineServer() {
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(new Timelines()).addService(new Incidents()).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    timelineClient = new TimelineClient(channel, null, background);
    incidentClient = new IncidentClient(channel, null, background);
    // one call without a deadline first: on a busy machine, class loading and the first connection
    // must not eat the 5 s deadline of the call under test
    IncidentServiceGrpc.newBlockingStub(channel).list(ListIncidentsRequest.getDefaultInstance());
    TimelineServiceGrpc.newBlockingStub(channel).getPositionsAt(PositionsAtRequest.getDefaultInstance());
    positionRequests.clear();
  }

  private final class Timelines extends TimelineServiceGrpc.TimelineServiceImplBase {
    @Override
    public void getTimeline(TimelineRequest request, StreamObserver<Timeline> answer) {
      timelineRequests.add(request);
      if (timelineFailure != null) {
        answer.onError(timelineFailure.asRuntimeException());
        return;
      }
      answer.onNext(timeline);
      answer.onCompleted();
    }

    @Override
    public void getPositionsAt(PositionsAtRequest request, StreamObserver<PositionsAt> answer) {
      positionRequests.add(request);
      answer.onNext(positions.toBuilder().setAt(request.getAt()).build());
      answer.onCompleted();
    }
  }

  private final class Incidents extends IncidentServiceGrpc.IncidentServiceImplBase {
    @Override
    public void create(CreateIncidentRequest request, StreamObserver<Incident> answer) {
      createRequests.add(request);
      if (refuseField != null) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage("invalid").addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField(refuseField).setDescription("is unknown")).build()))
            .build();
        answer.onError(StatusProto.toStatusRuntimeException(status));
        return;
      }
      String id = "INC-20240501-" + String.format("%03d", incidents.size() + 1);
      Incident incident = Incident.newBuilder().setId(id).setTitle(request.getTitle())
          .setStatus(IncidentStatus.INCIDENT_STATUS_OPEN).addAllAlarmIds(request.getAlarmIdsList())
          .setCreatedBy("supervisor").build();
      incidents.put(id, incident);
      answer.onNext(incident);
      answer.onCompleted();
    }

    @Override
    public void addAlarms(AddAlarmsRequest request, StreamObserver<Incident> answer) {
      Incident updated = incidents.get(request.getIncidentId()).toBuilder().addAllAlarmIds(request.getAlarmIdsList())
          .build();
      incidents.put(updated.getId(), updated);
      answer.onNext(updated);
      answer.onCompleted();
    }

    @Override
    public void get(GetIncidentRequest request, StreamObserver<Incident> answer) {
      Incident incident = incidents.get(request.getIncidentId());
      if (incident == null) {
        answer.onError(Status.NOT_FOUND.asRuntimeException());
        return;
      }
      answer.onNext(incident);
      answer.onCompleted();
    }

    @Override
    public void list(ListIncidentsRequest request, StreamObserver<IncidentList> answer) {
      answer.onNext(IncidentList.newBuilder().addAllIncidents(incidents.values().stream()
          .filter(i -> !request.getOpenOnly() || i.getStatus() == IncidentStatus.INCIDENT_STATUS_OPEN)
          .sorted((a, b) -> b.getId().compareTo(a.getId())).toList()).build());
      answer.onCompleted();
    }

    @Override
    public void close(CloseIncidentRequest request, StreamObserver<Incident> answer) {
      closeRequests.add(request);
      Incident closed = incidents.get(request.getIncidentId()).toBuilder()
          .setStatus(IncidentStatus.INCIDENT_STATUS_CLOSED).setConclusion(request.getConclusion())
          .setClosedBy("supervisor").build();
      incidents.put(closed.getId(), closed);
      answer.onNext(closed);
      answer.onCompleted();
    }

    @Override
    public void renderReport(RenderReportRequest request, StreamObserver<IncidentReport> answer) {
      reportRequests.add(request);
      Incident incident = incidents.get(request.getIncidentId());
      incidents.put(incident.getId(), incident.toBuilder().addReportHashes("ab12").build());
      answer.onNext(IncidentReport.newBuilder().setIncidentId(request.getIncidentId())
          .setPdf(ByteString.copyFrom(PDF)).setSha256("ab12").setFileName(request.getIncidentId() + ".pdf").build());
      answer.onCompleted();
    }
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    background.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }
}
