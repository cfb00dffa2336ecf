package io.cordon.client.gate.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.EnterprisePresence;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.InsideEntry;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.PresenceSummary;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.gate.FakeGateService;
import io.cordon.client.gate.GateClient;
import io.cordon.client.gate.ManualScheduler;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceViewModelTest {

  private static final List<String> HEADER = List.of("车牌/证件", "姓名", "类别", "企业", "入园卡口", "入园时间", "电话");

  private final FakeGateService service = new FakeGateService();
  private final ManualScheduler timer = new ManualScheduler();
  private ServerConnection connection;
  private PresenceViewModel vm;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    connection = service.connect(timer);
    vm = new PresenceViewModel(new GateClient(connection), Runnable::run, timer);
    service.presence = PresenceSummary.newBuilder().setPeople(412).setVehicles(57).setUnknown(1)
        .putVehiclesByClass("ORDINARY", 40).putVehiclesByClass("HAZMAT", 12).putVehiclesByClass("HAZWASTE", 5)
        .addEnterprises(EnterprisePresence.newBuilder().setEnterpriseId("E01").setName("扬子石化").setPeople(210)
            .setVehicles(30))
        .addEnterprises(EnterprisePresence.newBuilder().setEnterpriseId("E02").setName("华润化工").setPeople(90)
            .setVehicles(9))
        .setAsOf(Timestamp.newBuilder().setSeconds(1_800_000_000))
        .build();
    List<InsideEntry> inside = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      inside.add(InsideEntry.newBuilder().setHolder("P" + i).setName("员工" + i).setHolderClass("PERSON")
          .setEnterpriseId(i % 2 == 0 ? "E01" : "E02").setGateId("G1").setPhone("1390000" + i)
          .setSince(Timestamp.newBuilder().setSeconds(1_800_000_000)).build());
    }
    inside.add(InsideEntry.newBuilder().setHolder("苏E12345").setName("苏E12345").setHolderClass("HAZMAT")
        .setEnterpriseId("E01").setGateId("G2").build());
    service.inside = inside;
  }

  @AfterEach
  void tearDown() {
    connection.close();
    service.close();
  }

  @Test
  void onConnectTheCountsShowPeopleVehiclesByClassAndByEnterprise() {
    vm.onStateChanged(ConnectionState.CONNECTED);

    assertThat(vm.peopleProperty().get()).isEqualTo(412);
    assertThat(vm.vehiclesProperty().get()).isEqualTo(57);
    assertThat(vm.dangerousVehiclesProperty().get()).isEqualTo(17);
    assertThat(vm.unknownProperty().get()).isEqualTo(1);
    assertThat(vm.vehiclesByClass()).containsExactly(new PresenceViewModel.ClassCount("ORDINARY", 40),
        new PresenceViewModel.ClassCount("HAZMAT", 12), new PresenceViewModel.ClassCount("HAZWASTE", 5));
    assertThat(vm.enterprises()).extracting(PresenceViewModel.EnterpriseCount::name).containsExactly("扬子石化", "华润化工");
  }

  @Test
  void aBurstOfAccessEventsRefreshesTheCountsOnceAfterTheDelay() {
    vm.refreshCommand().execute();
    int calls = service.presenceCalls;

    for (int i = 0; i < 50; i++) {
      vm.onEvents(List.of(Event.newBuilder().setSeq(i + 1).setType("gate.access").build()));
    }

    assertThat(service.presenceCalls).isEqualTo(calls);
    assertThat(timer.delays).containsOnly(PresenceViewModel.REFRESH_DELAY);
    assertThat(timer.runPending()).isEqualTo(1);
    assertThat(service.presenceCalls).isEqualTo(calls + 1);
  }

  @Test
  void otherEventsDoNotRefresh() {
    vm.onEvents(List.of(Event.newBuilder().setSeq(1).setType("sensor.heartbeat").build()));

    assertThat(timer.pendingCount()).isZero();
  }

  @Test
  void whoIsInsideComesInPagesWithTheTotal() {
    vm.refreshCommand().execute();

    assertThat(vm.inside()).hasSize(PresenceViewModel.PAGE_SIZE);
    assertThat(vm.insideTotalProperty().get()).isEqualTo(451);
    assertThat(vm.loadMoreCommand().isExecutable()).isTrue();

    vm.loadMoreCommand().execute();
    vm.loadMoreCommand().execute();

    assertThat(vm.inside()).hasSize(451);
    assertThat(vm.loadMoreCommand().isExecutable()).isFalse();
  }

  @Test
  void theKindAndEnterpriseFiltersAskTheServerAgainFromTheFirstPage() {
    vm.refreshCommand().execute();

    vm.kindProperty().set(PresenceViewModel.Kind.VEHICLE);
    assertThat(vm.inside()).extracting(InsideRow::holder).containsExactly("苏E12345");

    vm.kindProperty().set(PresenceViewModel.Kind.PERSON);
    vm.enterpriseProperty().set("E02");
    assertThat(vm.insideTotalProperty().get()).isEqualTo(225);
    ListInsideRequest last = service.requests(ListInsideRequest.class).get(service.requests(ListInsideRequest.class).size() - 1);
    assertThat(last.getKind()).isEqualTo("PERSON");
    assertThat(last.getEnterpriseId()).isEqualTo("E02");
    assertThat(last.getPageToken()).isEmpty();
  }

  @Test
  void theCsvExportHoldsEveryoneWhoMatchesNotOnlyTheLoadedPage() throws Exception {
    vm.refreshCommand().execute();
    Path file = dir.resolve("在园人员.csv");

    int written = vm.exportCsv(file, HEADER, Function.identity(), ZoneId.of("Asia/Shanghai")).get();

    assertThat(written).isEqualTo(451);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(452);
    assertThat(lines.get(0)).isEqualTo("\uFEFF车牌/证件,姓名,类别,企业,入园卡口,入园时间,电话");
    assertThat(lines.get(1)).isEqualTo("P0,员工0,PERSON,扬子石化,G1,2027-01-15 16:00:00,13900000");
    assertThat(vm.exportingProperty().get()).isFalse();
  }

  @Test
  void aFailedExportSaysSo() {
    vm.refreshCommand().execute();
    service.failure = Status.UNAVAILABLE;

    var result = vm.exportCsv(dir.resolve("x.csv"), HEADER, Function.identity(), ZoneId.of("UTC"));

    assertThat(result).isCompletedExceptionally();
    assertThat(vm.errorKeyProperty().get()).isEqualTo(PresenceViewModel.ERROR_EXPORT);
  }

  @Test
  void csvCellsWithCommasOrQuotesAreQuotedAndFormulasDefused() {
    assertThat(InsideCsv.quote("化工, 一厂")).isEqualTo("\"化工, 一厂\"");
    assertThat(InsideCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(InsideCsv.quote("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
  }
}
