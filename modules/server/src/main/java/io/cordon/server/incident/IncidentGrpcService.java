package io.cordon.server.incident;

import io.cordon.api.v1.AddAlarmsRequest;
import io.cordon.api.v1.CloseIncidentRequest;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.ExportIncidentClipsRequest;
import io.cordon.api.v1.GetIncidentRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentClips;
import io.cordon.api.v1.IncidentList;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.IncidentServiceGrpc;
import io.cordon.api.v1.ListIncidentsRequest;
import io.cordon.api.v1.RenderReportRequest;
import io.cordon.api.v1.ReportVerification;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.VerifyReportRequest;
import io.cordon.server.timeline.RequestRefusal;
import io.cordon.server.timeline.TimelineQueries;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IncidentService over the {@link IncidentBook}. Reports are the {@link IncidentReportDesk}'s: without one,
 * RenderReport and VerifyReport answer UNIMPLEMENTED. Clips are the {@link IncidentClipDesk}'s: without one (no
 * media relay records here), ExportClips answers FAILED_PRECONDITION.
 */
public final class IncidentGrpcService extends IncidentServiceGrpc.IncidentServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(IncidentGrpcService.class);

  private final IncidentBook book;
  private final TimelineQueries timelines;
  private final Optional<IncidentReportDesk> desk;
  private final Optional<IncidentClipDesk> clips;
  private final Supplier<String> currentUser;

  /**
   * @param timelines builds the timeline a report is rendered from
   * @param desk renders and verifies signed reports; empty until the report module is wired
   * @param currentUser the calling user's name (from the auth context)
   */
  public IncidentGrpcService(IncidentBook book, TimelineQueries timelines, Optional<IncidentReportDesk> desk,
      Supplier<String> currentUser) {
    this(book, timelines, desk, Optional.empty(), currentUser);
  }

  /** @param clips exports the incidents' video; empty when no media relay records on this server */
  public IncidentGrpcService(IncidentBook book, TimelineQueries timelines, Optional<IncidentReportDesk> desk,
      Optional<IncidentClipDesk> clips, Supplier<String> currentUser) {
    this.book = book;
    this.timelines = timelines;
    this.desk = desk;
    this.clips = clips;
    this.currentUser = currentUser;
  }

  @Override
  public void create(CreateIncidentRequest request, StreamObserver<Incident> observer) {
    answer(observer, "Create", () -> book.create(currentUser.get(), request));
  }

  @Override
  public void addAlarms(AddAlarmsRequest request, StreamObserver<Incident> observer) {
    answer(observer, "AddAlarms", () -> book.addAlarms(currentUser.get(), request));
  }

  @Override
  public void get(GetIncidentRequest request, StreamObserver<Incident> observer) {
    answer(observer, "Get", () -> book.get(request.getIncidentId()));
  }

  @Override
  public void list(ListIncidentsRequest request, StreamObserver<IncidentList> observer) {
    answer(observer, "List", () -> IncidentList.newBuilder().addAllIncidents(book.list(request)).build());
  }

  @Override
  public void close(CloseIncidentRequest request, StreamObserver<Incident> observer) {
    answer(observer, "Close", () -> book.close(currentUser.get(), request));
  }

  @Override
  public void renderReport(RenderReportRequest request, StreamObserver<IncidentReport> observer) {
    if (desk.isEmpty()) {
      observer.onError(Status.UNIMPLEMENTED.withDescription("incident reports are not available on this server")
          .asRuntimeException());
      return;
    }
    answer(observer, "RenderReport", () -> {
      Locale locale = locale(request.getLocale());
      Incident incident = book.get(request.getIncidentId());
      Timeline timeline = timelines.timeline(TimelineRequest.newBuilder().setIncidentId(incident.getId())
          .setIncludeTracks(true).build());
      return desk.get().render(incident, timeline, locale, currentUser.get());
    });
  }

  @Override
  public void verifyReport(VerifyReportRequest request, StreamObserver<ReportVerification> observer) {
    if (desk.isEmpty()) {
      observer.onError(Status.UNIMPLEMENTED.withDescription("incident reports are not available on this server")
          .asRuntimeException());
      return;
    }
    answer(observer, "VerifyReport", () -> {
      if (request.getPdf().isEmpty()) {
        throw RequestRefusal.invalid("pdf", "is required");
      }
      return desk.get().verify(request.getPdf().toByteArray());
    });
  }

  @Override
  public void exportClips(ExportIncidentClipsRequest request, StreamObserver<IncidentClips> observer) {
    answer(observer, "ExportClips", () -> {
      if (request.getIncidentId().isEmpty()) {
        throw RequestRefusal.invalid("incident_id", "is required");
      }
      Optional<String> requestId = optionalRequestId(request.getRequestId());
      Incident incident = book.get(request.getIncidentId());
      if (clips.isEmpty()) {
        throw RequestRefusal.failedPrecondition("incident_id",
            "no media relay records on this server: incident clips cannot be exported");
      }
      Timeline timeline = timelines.timeline(TimelineRequest.newBuilder().setIncidentId(incident.getId()).build());
      return clips.get().export(incident, timeline, currentUser.get(), requestId);
    });
  }

  /** Empty when not given; else as the incident book's request ids. */
  private static Optional<String> optionalRequestId(String requestId) {
    if (requestId.isEmpty()) {
      return Optional.empty();
    }
    if (requestId.length() > IncidentBook.MAX_REQUEST_ID || requestId.chars().anyMatch(Character::isISOControl)) {
      throw RequestRefusal.invalid("request_id", "must be 1.." + IncidentBook.MAX_REQUEST_ID
          + " characters without control characters (or empty: no repeat protection)");
    }
    return Optional.of(requestId);
  }

  private static Locale locale(String tag) {
    if (tag.isEmpty() || tag.equalsIgnoreCase("zh-CN")) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    if (tag.equalsIgnoreCase("en")) {
      return Locale.ENGLISH;
    }
    throw RequestRefusal.invalid("locale", "must be zh-CN or en");
  }

  private static <T> void answer(StreamObserver<T> observer, String what, Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (RequestRefusal e) {
      observer.onError(e.toStatus());
      return;
    } catch (IllegalStateException e) { // e.g. no CJK font for the report: says what to install or configure
      log.warn("{} failed", what, e);
      observer.onError(Status.FAILED_PRECONDITION.withDescription(what + ": " + e.getMessage()).asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("{} failed", what, e);
      observer.onError(Status.UNAVAILABLE.withDescription(what + " failed; retry with the same request_id")
          .asRuntimeException());
      return;
    }
    observer.onNext(result);
    observer.onCompleted();
  }
}
