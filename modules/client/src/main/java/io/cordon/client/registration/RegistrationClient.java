package io.cordon.client.registration;

import io.cordon.api.v1.AddToBlacklistRequest;
import io.cordon.api.v1.Appeal;
import io.cordon.api.v1.AppealList;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationActionRequest;
import io.cordon.api.v1.AppointmentServiceGrpc;
import io.cordon.api.v1.ApproveRequest;
import io.cordon.api.v1.BlacklistEntry;
import io.cordon.api.v1.BlacklistEntryList;
import io.cordon.api.v1.BlacklistServiceGrpc;
import io.cordon.api.v1.CreateDraftRequest;
import io.cordon.api.v1.DecideAppealRequest;
import io.cordon.api.v1.EnterpriseList;
import io.cordon.api.v1.FileAppealRequest;
import io.cordon.api.v1.GetApplicationRequest;
import io.cordon.api.v1.GetPermitRequest;
import io.cordon.api.v1.InboxRequest;
import io.cordon.api.v1.InboxResponse;
import io.cordon.api.v1.LiftRequest;
import io.cordon.api.v1.ListAppealsRequest;
import io.cordon.api.v1.ListBlacklistRequest;
import io.cordon.api.v1.ListViolationsRequest;
import io.cordon.api.v1.OpinionRequest;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.PersonList;
import io.cordon.api.v1.ReasonedActionRequest;
import io.cordon.api.v1.RecordViolationRequest;
import io.cordon.api.v1.RegistryServiceGrpc;
import io.cordon.api.v1.ReviewServiceGrpc;
import io.cordon.api.v1.ReviewView;
import io.cordon.api.v1.RevokePermitRequest;
import io.cordon.api.v1.SearchRequest;
import io.cordon.api.v1.VehicleList;
import io.cordon.api.v1.Violation;
import io.cordon.api.v1.ViolationList;
import io.cordon.client.connection.ServerConnection;
import io.grpc.stub.AbstractStub;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The reviewer's side of registration over the client's connection: RegistryService (search),
 * ReviewService, BlacklistService and what AppointmentService lets staff read. Blocking stubs on
 * the connection's channel, each call with {@link ServerConnection#CALL_DEADLINE}, run on the
 * background executor; failures complete the future with the {@code StatusRuntimeException}
 * ({@link RegistrationFailure#of} reads its field violations).
 */
public final class RegistrationClient {

  private final ServerConnection connection;

  public RegistrationClient(ServerConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** A fresh client request id: the server applies a repeated one only once. */
  public static String requestId() {
    return UUID.randomUUID().toString();
  }

  // ---- review ---------------------------------------------------------------------------------

  public CompletableFuture<InboxResponse> inbox(InboxRequest request) {
    return call(() -> review().inbox(request));
  }

  public CompletableFuture<ReviewView> getForReview(String applicationId) {
    return call(() -> review().getForReview(GetApplicationRequest.newBuilder().setApplicationId(applicationId).build()));
  }

  public CompletableFuture<Application> approve(ApproveRequest request) {
    return call(() -> review().approve(request));
  }

  public CompletableFuture<Application> returnToApplicant(ReasonedActionRequest request) {
    return call(() -> review().return_(request));
  }

  public CompletableFuture<Application> reject(ReasonedActionRequest request) {
    return call(() -> review().reject(request));
  }

  public CompletableFuture<Application> giveOpinion(OpinionRequest request) {
    return call(() -> review().giveOpinion(request));
  }

  /** Withdraws an issued permit at once (the gates stop honouring it); the reason is required. */
  public CompletableFuture<Permit> revokePermit(RevokePermitRequest request) {
    return call(() -> review().revokePermit(request));
  }

  public CompletableFuture<Permit> getPermit(String permitId) {
    return call(() -> appointments().getPermit(GetPermitRequest.newBuilder().setPermitId(permitId).build()));
  }

  /** The park plan: gates and lanes for a permit's scope, zone names. */
  public CompletableFuture<Park> park() {
    return connection.fetchPark();
  }

  // ---- applicant side (demos and tests: the caller must act for an enterprise) -----------------

  public CompletableFuture<Application> createDraft(CreateDraftRequest request) {
    return call(() -> appointments().createDraft(request));
  }

  public CompletableFuture<Application> submit(ApplicationActionRequest request) {
    return call(() -> appointments().submit(request));
  }

  // ---- registry -------------------------------------------------------------------------------

  public CompletableFuture<EnterpriseList> searchEnterprises(SearchRequest request) {
    return call(() -> registry().searchEnterprises(request));
  }

  public CompletableFuture<PersonList> searchPeople(SearchRequest request) {
    return call(() -> registry().searchPeople(request));
  }

  public CompletableFuture<VehicleList> searchVehicles(SearchRequest request) {
    return call(() -> registry().searchVehicles(request));
  }

  // ---- blacklist and violations ---------------------------------------------------------------

  public CompletableFuture<BlacklistEntryList> listBlacklist(ListBlacklistRequest request) {
    return call(() -> blacklist().listBlacklist(request));
  }

  public CompletableFuture<ViolationList> listViolations(ListViolationsRequest request) {
    return call(() -> blacklist().listViolations(request));
  }

  public CompletableFuture<AppealList> listAppeals(ListAppealsRequest request) {
    return call(() -> blacklist().listAppeals(request));
  }

  public CompletableFuture<Violation> recordViolation(RecordViolationRequest request) {
    return call(() -> blacklist().recordViolation(request));
  }

  public CompletableFuture<BlacklistEntry> addToBlacklist(AddToBlacklistRequest request) {
    return call(() -> blacklist().addToBlacklist(request));
  }

  public CompletableFuture<BlacklistEntry> lift(LiftRequest request) {
    return call(() -> blacklist().liftBlacklistEntry(request));
  }

  /** An appeal staff record for a sanctioned subject (e.g. handed in on paper at the gate). */
  public CompletableFuture<Appeal> fileAppeal(FileAppealRequest request) {
    return call(() -> blacklist().fileAppeal(request));
  }

  public CompletableFuture<Appeal> decideAppeal(DecideAppealRequest request) {
    return call(() -> blacklist().decideAppeal(request));
  }

  // ---- stubs ----------------------------------------------------------------------------------

  private <T> CompletableFuture<T> call(Supplier<T> rpc) {
    return CompletableFuture.supplyAsync(rpc, connection.executors().background());
  }

  private ReviewServiceGrpc.ReviewServiceBlockingStub review() {
    return ready(ReviewServiceGrpc.newBlockingStub(connection.channel()));
  }

  private AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments() {
    return ready(AppointmentServiceGrpc.newBlockingStub(connection.channel()));
  }

  private RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
    return ready(RegistryServiceGrpc.newBlockingStub(connection.channel()));
  }

  private BlacklistServiceGrpc.BlacklistServiceBlockingStub blacklist() {
    return ready(BlacklistServiceGrpc.newBlockingStub(connection.channel()));
  }

  private <S extends AbstractStub<S>> S ready(S stub) {
    return stub.withCallCredentials(connection.callCredentials())
        .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

}
