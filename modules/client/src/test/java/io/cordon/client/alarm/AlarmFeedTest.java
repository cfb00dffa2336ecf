package io.cordon.client.alarm;

import static io.cordon.client.alarm.AlarmFixtures.changes;
import static io.cordon.client.alarm.AlarmFixtures.critical;
import static io.cordon.client.alarm.AlarmFixtures.major;
import static io.cordon.client.alarm.AlarmFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.WatchAlarmsRequest;
import io.cordon.client.auth.Session;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alarm feed and actions over real gRPC on loopback, against an in-test alarm service. */
class AlarmFeedTest {
  private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
  private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
  private final AlarmStore store = new AlarmStore(Runnable::run);
  private InTestAlarmServer server;
  private ServerConnection connection;
  private AlarmFeed feed;

  @BeforeEach
  void connect() {
    server = new InTestAlarmServer();
    connection = ServerConnection.open(new ServerAddress("127.0.0.1", server.port()),
        new ClientExecutors(pool, Runnable::run));
    connection.signIn("wang", "secret");
    feed = new AlarmFeed(connection, store, new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    feed.addStateListener(states::add);
  }

  @AfterEach
  void disconnect() {
    feed.close();
    connection.close();
    server.close();
    pool.shutdownNow();
  }

  private void awaitWatches(int n) {
    Eventually.await(n + " watch calls", () -> server.streams.size() == n, () -> server.watches.toString());
  }

  @Test
  void fillsTheStoreFromTheSnapshotAndThenFromChanges() {
    feed.start();
    awaitWatches(1);
    server.send(snapshot(10, critical("A-000001"), major("A-000002")));
    Eventually.await("the snapshot", () -> store.size() == 2);

    server.send(changes(11, major("A-000003")));

    Eventually.await("the change", () -> store.find("A-000003").isPresent());
    assertThat(server.watches.get(0).getAfterSeq()).isZero();
    assertThat(feed.state()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void resumesAfterABreakFromTheLastSeqItSaw() {
    feed.start();
    awaitWatches(1);
    server.send(snapshot(10, critical("A-000001")));
    server.send(changes(12, major("A-000002")));
    Eventually.await("the first batches", () -> feed.lastSeq() == 12);

    server.breakStream();
    awaitWatches(2);
    server.send(changes(13, critical("A-000001").toBuilder().setVersion(2)
        .setState(AlarmState.ALARM_STATE_ACKNOWLEDGED).build()));

    Eventually.await("the change after the break",
        () -> store.find("A-000001").map(a -> a.getVersion() == 2).orElse(false));
    assertThat(server.watches).extracting(WatchAlarmsRequest::getAfterSeq).containsExactly(0L, 12L);
    assertThat(store.size()).isEqualTo(2);
    assertThat(states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING,
        ConnectionState.CONNECTED);
  }

  @Test
  void aBreakIsBridgedWithTheSessionItHasWithoutSigningInAgain() {
    feed.start();
    awaitWatches(1);
    server.send(snapshot(10, critical("A-000001")));
    Eventually.await("the snapshot", () -> store.size() == 1);

    server.breakStream();
    awaitWatches(2);

    assertThat(server.logins.get()).as("sign-ins, the first one included").isEqualTo(1);
  }

  @Test
  void signsInAgainWhenTheServerNoLongerKnowsTheSession() {
    server.refuseNextWatch = true;

    feed.start();
    awaitWatches(1);

    assertThat(server.logins.get()).as("sign-ins, the first one included").isEqualTo(2);
  }

  @Test
  void aSecondOperatorWhoActsOnAStaleVersionIsToldSomeoneElseChangedItAndSeesTheChange() {
    Alarm fresh = critical("A-000001");
    server.alarms.put(fresh.getAlarmId(), fresh);
    AlarmClient client = new AlarmClient(connection);
    Session li = new Session("li", "li", List.of(Role.ROLE_OPERATOR));
    AlarmActions first = new AlarmActions(client, store, new Session("wang", "wang", List.of(Role.ROLE_OPERATOR)),
        new SimpleBooleanProperty(true), new SimpleObjectProperty<>(fresh), Runnable::run);
    AlarmActions second = new AlarmActions(client, store, li, new SimpleBooleanProperty(true),
        new SimpleObjectProperty<>(fresh), Runnable::run);

    first.acknowledgeCommand().execute();
    Eventually.await("the first acknowledgement", () -> !first.busyProperty().get()
        && store.find("A-000001").isPresent());
    second.acknowledgeCommand().execute();
    Eventually.await("the refusal", () -> !second.errorKeyProperty().get().isEmpty());

    assertThat(first.errorKeyProperty().get()).isEmpty();
    assertThat(second.errorKeyProperty().get()).isEqualTo(AlarmActions.ERROR_CONFLICT);
    assertThat(second.errorDetailProperty().get()).contains("version 2");
    assertThat(store.find("A-000001").orElseThrow().getAssignee()).isEqualTo("wang");
  }
}
