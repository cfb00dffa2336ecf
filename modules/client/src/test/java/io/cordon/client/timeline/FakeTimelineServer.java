package io.cordon.client.timeline;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.sun.net.httpserver.HttpServer;
import io.cordon.api.v1.AddAlarmsRequest;
import io.cordon.api.v1.CameraWithoutClip;
import io.cordon.api.v1.ClipExport;
import io.cordon.api.v1.ClipMissingReason;
import io.cordon.api.v1.CloseIncidentRequest;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.ExportIncidentClipsRequest;
import io.cordon.api.v1.GetIncidentRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentCameraClip;
import io.cordon.api.v1.IncidentClips;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
  /** ExportClips answers one clip per camera here (served by the relay stand-in) and CAM-09 without recording. */
  public final Map<String, byte[]> clipsByCamera = new LinkedHashMap<>();
  /** Set: ExportClips answers this hash for every clip instead of the true one. */
  public volatile String wrongClipHash;
  public final List<ExportIncidentClipsRequest> clipRequests = new CopyOnWriteArrayList<>();

  private final ExecutorService background = Executors.newFixedThreadPool(2);
  private final Server server;
  private final ManagedChannel channel;
  private final HttpServer relay;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
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
    try {
      relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    relay.createContext("/exports/", exchange -> {
      byte[] body = served.get(exchange.getRequestURI().getPath().substring("/exports/".length()));
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    relay.start();
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

    @Override
    public void exportClips(ExportIncidentClipsRequest request, StreamObserver<IncidentClips> answer) {
      clipRequests.add(request);
      IncidentClips.Builder clips = IncidentClips.newBuilder().setIncidentId(request.getIncidentId());
      clipsByCamera.forEach((camera, bytes) -> {
        String name = request.getIncidentId() + "-" + camera + "-main.ts";
        served.put(name, bytes);
        clips.addClips(IncidentCameraClip.newBuilder().setCameraId(camera).setCameraName(camera + " 东门")
            .setProfile("main").setSha256(wrongClipHash != null ? wrongClipHash : sha256(bytes))
            .setClip(ClipExport.newBuilder().setFileName(name).setBytes(bytes.length)
                .setUrl("http://127.0.0.1:" + relay.getAddress().getPort() + "/exports/" + name + "?ticket=t")));
      });
      clips.addWithoutClip(CameraWithoutClip.newBuilder().setCameraId("CAM-09").setCameraName("西门")
          .setReason(ClipMissingReason.CLIP_MISSING_REASON_NO_RECORDING));
      answer.onNext(clips.build());
      answer.onCompleted();
    }
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    relay.stop(0);
    background.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
