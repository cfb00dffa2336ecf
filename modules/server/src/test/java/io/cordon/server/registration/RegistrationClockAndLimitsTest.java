package io.cordon.server.registration;

import static io.cordon.server.registration.RegistrationFixtures.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AddToBlacklistRequest;
import io.cordon.api.v1.Appeal;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationActionRequest;
import io.cordon.api.v1.ApplicationDraft;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApproveRequest;
import io.cordon.api.v1.BlacklistEntry;
import io.cordon.api.v1.BlacklistSubject;
import io.cordon.api.v1.CapacityFlag;
import io.cordon.api.v1.CapacityResource;
import io.cordon.api.v1.CreateDraftRequest;
import io.cordon.api.v1.DecideAppealRequest;
import io.cordon.api.v1.Department;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.FileAppealRequest;
import io.cordon.api.v1.GetApplicationRequest;
import io.cordon.api.v1.InboxItem;
import io.cordon.api.v1.InboxRequest;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.ListBlacklistRequest;
import io.cordon.api.v1.OpinionRequest;
import io.cordon.api.v1.PermitScope;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.RecordViolationRequest;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.ReviewView;
import io.cordon.api.v1.SetReviewerDepartmentsRequest;
import io.cordon.api.v1.SubjectKind;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.TimeWindow;
import io.cordon.api.v1.Violation;
import io.cordon.api.v1.ViolationKind;
import io.cordon.domain.appointment.AppointmentRules;
import io.cordon.domain.capacity.CapacityLimits;
import io.cordon.domain.violation.PenaltyLadder;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.persistence.DatabaseSettings;
import io.cordon.server.registration.RegistrationFixtures.Calls;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration rules that need a clock the test moves and limits it sets, over real gRPC: overdue
 * reviews and expiring blacklist entries noticed by the server's sweep, capacity flags, the penalty
 * ladder with its appeal. The server runs on a {@link MovableClock} with a 100 ms sweep; time only
 * moves forward, so each test books its windows from the clock's now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationClockAndLimitsTest {

  static final String HOST = "ENT-01";
  static final String HAULIER = "ENT-18";
  static final String OFFENDER_UNIT = "ENT-07";

  @TempDir
  static Path dataDir;
  final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  final Instant start = clock.instant();
  TestServer server;

  /** H2 in the test directory here, PostgreSQL in the subclass. */
  ServerConfig.Builder config() {
    return ServerConfig.builder().dataDir(dataDir).demoUsers(true).clock(clock)
        .registrationSettings(new RegistrationSettings(AppointmentRules.defaults(), new CapacityLimits(1000, 1, 1),
            Set.of(), PenaltyLadder.defaults(), Duration.ofDays(15), Duration.ofMillis(100)));
  }

  @BeforeAll
  void start() {
    ServerConfig config = config().build();
    RegistrationFixtures.createAccounts(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
        config.databasePassword()));
    server = TestServer.with(config);
    Calls admin = calls("admin");
    admin.save(RegistrationFixtures.enterprise(HOST, "江澄石化储运有限公司", "91320582MA1M00001", "ent-host"));
    admin.save(RegistrationFixtures.enterprise(HAULIER, "中澄化工物流有限公司", "91320582MA1M00002", "ent-haulier"));
    admin.save(RegistrationFixtures.enterprise(OFFENDER_UNIT, "江海精细化工有限公司", "91320582MA1M00007",
        "ent-offender"));
    admin.review().setReviewerDepartments(SetReviewerDepartmentsRequest.newBuilder().setRequestId(requestId())
        .setUsername("emergency").addDepartments(Department.DEPARTMENT_EMERGENCY_MANAGEMENT).build());
    admin.review().setReviewerDepartments(SetReviewerDepartmentsRequest.newBuilder().setRequestId(requestId())
        .setUsername("environment").addDepartments(Department.DEPARTMENT_ENVIRONMENTAL_PROTECTION).build());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Calls calls(String user) {
    return Calls.as(server, user);
  }

  // ---- overdue reviews ----------------------------------------------------------------------------

  @Test
  void aFirstReviewPastItsWindowIsFlaggedInTheInboxAndJournalledOnce() {
    Application submitted = submittedHazmat(Duration.ofHours(30));
    String id = submitted.getApplicationId();

    clock.advance(Duration.ofHours(2).plusMinutes(1));

    List<Event> overdue = awaitEvents("application.review_overdue", "application", id, 1);
    assertThat(overdue.get(0).getAttributesMap()).containsEntry("step", "first_review")
        .containsEntry("review_due", RegistrationProtos.instant(submitted.getReviewDue()).toString());
    assertThat(overdue.get(0).getSubjectsList()).contains(subject("enterprise", HAULIER), subject("enterprise", HOST));
    assertThat(calls("supervisor").review().inbox(InboxRequest.newBuilder().setOverdueOnly(true).build())
        .getItemsList()).filteredOn(i -> i.getApplicationId().equals(id)).singleElement()
        .extracting(InboxItem::getOverdue).isEqualTo(true);
    awaitSweeps(5);
    assertThat(events("application.review_overdue", "application", id)).hasSize(1);
  }

  @Test
  void eachReviewStepIsFlaggedOnceEvenWhenAnOpinionChangesTheApplicationMeanwhile() {
    Application joint = approveFirst(submittedHazmat(Duration.ofHours(30)));
    String id = joint.getApplicationId();

    clock.advance(Duration.ofHours(1).plusMinutes(1));
    awaitEvents("application.review_overdue", "application", id, 1);
    Application oneAgreed = opinion("emergency", joint);
    awaitSweeps(5);

    List<Event> overdue = events("application.review_overdue", "application", id);
    assertThat(overdue).singleElement().satisfies(e -> assertThat(e.getAttributesMap())
        .containsEntry("step", "joint_review").containsEntry("pending_departments", "EMERGENCY_MANAGEMENT,"
            + "ENVIRONMENTAL_PROTECTION"));
    assertThat(oneAgreed.getOverdue()).isTrue();
  }

  // ---- capacity -------------------------------------------------------------------------------------

  @Test
  void anAppointmentThatWouldExceedTheConfiguredMaximaIsFlaggedForTheReviewer() {
    Duration lead = Duration.ofDays(20);
    opinion("environment", opinion("emergency", approveFirst(submittedHazmat(lead))));
    Application second = approveFirst(submittedHazmat(lead.plusHours(2)));

    ReviewView view = calls("supervisor").review().getForReview(GetApplicationRequest.newBuilder()
        .setApplicationId(second.getApplicationId()).build());

    assertThat(view.getCapacityFlagsList()).extracting(CapacityFlag::getResource)
        .contains(CapacityResource.CAPACITY_RESOURCE_VEHICLES,
            CapacityResource.CAPACITY_RESOURCE_DANGEROUS_VEHICLES_IN_ZONE);
    assertThat(view.getCapacityFlagsList()).filteredOn(f -> f.getZoneId().equals("Z-KEY-3")).singleElement()
        .satisfies(f -> {
          assertThat(f.getLimit()).isEqualTo(1);
          assertThat(f.getPeak()).isEqualTo(2);
        });
  }

  // ---- violations, penalty ladder, appeal ------------------------------------------------------------

  @Test
  void aRepeatedFalseDeclarationBansPersonAndUnitUntilAnAppealIsGranted() {
    Calls supervisor = calls("supervisor");
    RegistryPerson clerk = calls("admin").save(RegistrationFixtures.escort(OFFENDER_UNIT));
    Violation first = supervisor.blacklist().recordViolation(falseDeclaration(clerk, "危化品品名与实际不符",
        clock.instant().minus(Duration.ofDays(30))));
    Violation second = supervisor.blacklist().recordViolation(falseDeclaration(clerk, "再次虚报装载量",
        clock.instant()));
    assertThat(first.getSanctionsList()).extracting(s -> s.getType()).containsExactly("WARNING", "REPRIMAND");
    assertThat(first.getBlacklistEntryIdsList()).isEmpty();
    assertThat(second.getOccurrence()).isEqualTo(2);
    assertThat(second.getBlacklistEntryIdsList()).hasSize(2);
    assertThat(activeEntries(subject(SubjectKind.SUBJECT_KIND_ENTERPRISE, OFFENDER_UNIT))).singleElement()
        .satisfies(e -> assertThat(RegistrationProtos.instant(e.getUntil()))
            .isEqualTo(clock.instant().atZone(ZoneId.of("Asia/Shanghai")).plusWeeks(1).toInstant()));

    Appeal filed = calls("ent-offender").blacklist().fileAppeal(FileAppealRequest.newBuilder().setRequestId(requestId())
        .setViolationId(second.getViolationId()).setAppellant(subject(SubjectKind.SUBJECT_KIND_ENTERPRISE,
            OFFENDER_UNIT)).setGrounds("申报量为过磅前预估，已补交磅单").build());
    Appeal granted = supervisor.blacklist().decideAppeal(DecideAppealRequest.newBuilder().setRequestId(requestId())
        .setAppealId(filed.getAppealId()).setGrant(true).setNote("磅单属实，撤销处罚").build());

    assertThat(filed.getState()).isEqualTo("FILED");
    assertThat(granted.getState()).isEqualTo("GRANTED");
    assertThat(activeEntries(subject(SubjectKind.SUBJECT_KIND_ENTERPRISE, OFFENDER_UNIT))).isEmpty();
    assertThat(activeEntries(subject(SubjectKind.SUBJECT_KIND_PERSON, clerk.getPersonId()))).isEmpty();
    assertThat(events("blacklist.lifted", "violation", second.getViolationId())).hasSize(2);
    assertThat(events("appeal.granted", "appeal", filed.getAppealId())).hasSize(1);
  }

  // ---- blacklist expiry -------------------------------------------------------------------------------

  @Test
  void aBlacklistEntryThatRunsOutNoLongerAppliesAndItsExpiryIsJournalled() {
    RegistryPerson driver = calls("ent-haulier").save(RegistrationFixtures.driver(HAULIER));
    BlacklistSubject who = subject(SubjectKind.SUBJECT_KIND_PERSON, driver.getPersonId());
    BlacklistEntry entry = calls("supervisor").blacklist().addToBlacklist(AddToBlacklistRequest.newBuilder()
        .setRequestId(requestId()).setSubject(who).setReason("公安通报：暂停入园")
        .setUntil(RegistrationFixtures.ts(clock.instant().plus(Duration.ofHours(1)))).build());
    assertThat(activeEntries(who)).hasSize(1);

    clock.advance(Duration.ofHours(1).plusMinutes(1));

    List<Event> expired = awaitEvents("blacklist.expired", "blacklist", entry.getEntryId(), 1);
    assertThat(expired.get(0).getSubjectsList()).contains(subject("person", driver.getPersonId()));
    assertThat(RegistrationProtos.instant(expired.get(0).getTime())).isEqualTo(RegistrationProtos.instant(
        entry.getUntil()));
    assertThat(activeEntries(who)).isEmpty();
    awaitSweeps(5);
    assertThat(events("blacklist.expired", "blacklist", entry.getEntryId())).hasSize(1);
  }

  // ---- helpers --------------------------------------------------------------------------------------

  Application submittedHazmat(Duration lead) {
    Calls haulier = calls("ent-haulier");
    RegistryPerson driver = haulier.save(RegistrationFixtures.driver(HAULIER));
    RegistryPerson escort = haulier.save(RegistrationFixtures.escort(HAULIER));
    RegistryVehicle tanker = haulier.save(RegistrationFixtures.tanker(HAULIER));
    ApplicationDraft draft = ApplicationDraft.newBuilder().setHost(HOST).setPurpose("汽油卸车")
        .addVehicles(tanker.getPlate()).setDriver(driver.getPersonId()).setEscort(escort.getPersonId())
        .addGoods(RegistrationFixtures.gasoline()).setWindow(window(lead, Duration.ofHours(6))).setRoute("R-HAZ-1")
        .setLoadingPoint("LP1").addRequestedZones("Z-KEY-3").build();
    Application created = haulier.appointments().createDraft(CreateDraftRequest.newBuilder()
        .setRequestId(requestId()).setKind(ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY).setContent(draft)
        .build());
    return haulier.appointments().submit(ApplicationActionRequest.newBuilder().setRequestId(requestId())
        .setApplicationId(created.getApplicationId()).setExpectedVersion(created.getVersion()).build());
  }

  Application approveFirst(Application underReview) {
    return calls("supervisor").review().approve(ApproveRequest.newBuilder().setRequestId(requestId())
        .setApplicationId(underReview.getApplicationId()).setExpectedVersion(underReview.getVersion())
        .setScope(PermitScope.newBuilder()
            .addLanes(LaneRef.newBuilder().setGateId("G2").setLaneId("L1"))
            .addLanes(LaneRef.newBuilder().setGateId("G2").setLaneId("L3"))
            .addZones("Z-KEY-3")).build());
  }

  Application opinion(String reviewer, Application a) {
    return calls(reviewer).review().giveOpinion(OpinionRequest.newBuilder().setRequestId(requestId())
        .setApplicationId(a.getApplicationId()).setExpectedVersion(a.getVersion()).setAgrees(true).build());
  }

  TimeWindow window(Duration fromNow, Duration length) {
    Instant from = clock.instant().plus(fromNow).truncatedTo(ChronoUnit.MINUTES);
    return TimeWindow.newBuilder().setFrom(RegistrationFixtures.ts(from))
        .setUntil(RegistrationFixtures.ts(from.plus(length))).build();
  }

  static RecordViolationRequest falseDeclaration(RegistryPerson person, String description, Instant at) {
    return RecordViolationRequest.newBuilder().setRequestId(requestId())
        .setKind(ViolationKind.VIOLATION_KIND_FALSE_DECLARATION).setAt(RegistrationFixtures.ts(at))
        .setPersonId(person.getPersonId()).addEvidence("media://docs/declaration.pdf").setDescription(description)
        .build();
  }

  List<BlacklistEntry> activeEntries(BlacklistSubject subject) {
    return calls("supervisor").blacklist().listBlacklist(ListBlacklistRequest.newBuilder().setSubject(subject)
        .build()).getEntriesList();
  }

  List<Event> events(String type, String subjectKind, String subjectId) {
    return EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("supervisor"))).withDeadlineAfter(30, TimeUnit.SECONDS)
        .query(QueryEventsRequest.newBuilder().setFrom(RegistrationFixtures.ts(start.minus(Duration.ofDays(1))))
            .setTo(RegistrationFixtures.ts(clock.instant().plus(Duration.ofDays(60)))).addTypes(type)
            .addSubjects(subject(subjectKind, subjectId)).setPageSize(100).build())
        .getEventsList();
  }

  /** The events once at least {@code count} are there; the sweep runs every 100 ms, this waits up to 30 s. */
  List<Event> awaitEvents(String type, String subjectKind, String subjectId, int count) {
    return await(() -> events(type, subjectKind, subjectId), l -> l.size() >= count);
  }

  /** Lets the sweep run a few more rounds (for "only once" checks). */
  static void awaitSweeps(int rounds) {
    try {
      Thread.sleep(rounds * 100L + 200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      awaitSweeps(0);
      value = read.get();
    }
    return value;
  }

  static SubjectRef subject(String kind, String id) {
    return SubjectRef.newBuilder().setKind(kind).setId(id).build();
  }

  static BlacklistSubject subject(SubjectKind kind, String id) {
    return BlacklistSubject.newBuilder().setKind(kind).setId(id).build();
  }

  /** A clock the test moves forward; the server reads it from its timers and calls. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
