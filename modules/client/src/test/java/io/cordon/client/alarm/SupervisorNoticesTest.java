package io.cordon.client.alarm;

import static io.cordon.client.alarm.AlarmFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SubjectRef;
import io.cordon.client.auth.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisorNoticesTest {
  private static final Session SUPERVISOR = new Session("supervisor", "值班长", List.of(Role.ROLE_SUPERVISOR));
  private static final Session OPERATOR = new Session("operator", "值班员", List.of(Role.ROLE_OPERATOR));
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  private final List<List<SupervisorNotices.Notice>> told = new ArrayList<>();

  private SupervisorNotices notices(Session session) {
    SupervisorNotices notices = new SupervisorNotices(session, CLOCK);
    notices.addListener(told::add);
    return notices;
  }

  private static Event event(String type, String alarmId, Instant at) {
    return Event.newBuilder()
        .setSeq(1)
        .setType(type)
        .setTime(AlarmProtos.timestamp(at))
        .addSubjects(SubjectRef.newBuilder().setKind("alarm").setId(alarmId))
        .putAttributes("alarm_id", alarmId)
        .putAttributes("severity", "CRITICAL")
        .build();
  }

  @Test
  void aSupervisorIsToldOfAnEscalationAndASkippedStep() {
    SupervisorNotices notices = notices(SUPERVISOR);

    notices.onEvents(List.of(event("alarm.escalate", "A-000001", T0), event("alarm.sop_skip", "A-000002", T0)));

    assertThat(told).hasSize(1);
    assertThat(told.get(0)).extracting(SupervisorNotices.Notice::alarmId).containsExactly("A-000001", "A-000002");
    assertThat(notices.latestProperty().get().alarmId()).isEqualTo("A-000002");
    assertThat(notices.pendingProperty().get()).isEqualTo(2);
  }

  @Test
  void anOperatorIsNotTold() {
    SupervisorNotices notices = notices(OPERATOR);

    notices.onEvents(List.of(event("alarm.escalate", "A-000001", T0)));

    assertThat(told).isEmpty();
    assertThat(notices.latestProperty().get()).isNull();
  }

  @Test
  void otherAlarmEventsAreNotNotices() {
    SupervisorNotices notices = notices(SUPERVISOR);

    notices.onEvents(List.of(event("alarm.acknowledge", "A-000001", T0), event("alarm.raised", "A-000003", T0)));

    assertThat(told).isEmpty();
  }

  @Test
  void theHistoryTheFeedStartsWithIsNotNews() {
    SupervisorNotices notices = notices(SUPERVISOR);

    notices.onEvents(List.of(event("alarm.escalate", "A-000001", T0.minus(SupervisorNotices.FRESH).minusSeconds(1))));

    assertThat(told).isEmpty();
  }

  @Test
  void dismissingClearsTheNotice() {
    SupervisorNotices notices = notices(SUPERVISOR);
    notices.onEvents(List.of(event("alarm.escalate", "A-000001", T0)));

    notices.dismiss();

    assertThat(notices.latestProperty().get()).isNull();
    assertThat(notices.pendingProperty().get()).isZero();
  }
}
