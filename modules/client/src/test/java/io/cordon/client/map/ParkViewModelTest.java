package io.cordon.client.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.Park;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ParkViewModelTest {
  private static final Park EMPTY_PARK =
      new Park("P1", "样例园区", 1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  @Test
  void loadedParkIsConvertedToTheDomainModel() {
    ParkViewModel vm =
        new ParkViewModel(
            () -> CompletableFuture.completedFuture(io.cordon.api.v1.Park.newBuilder().setId("P1").build()),
            proto -> EMPTY_PARK,
            Runnable::run);
    vm.loadCommand().execute();
    assertThat(vm.getPark()).isSameAs(EMPTY_PARK);
    assertThat(vm.errorKeyProperty().get()).isEmpty();
  }

  @Test
  void failedLoadKeepsNoParkAndReportsTheError() {
    ParkViewModel vm =
        new ParkViewModel(
            () -> CompletableFuture.failedFuture(Status.UNAVAILABLE.asRuntimeException()),
            proto -> EMPTY_PARK,
            Runnable::run);
    vm.loadCommand().execute();
    assertThat(vm.getPark()).isNull();
    assertThat(vm.errorKeyProperty().get()).isEqualTo(ParkViewModel.ERROR_LOAD);
    assertThat(vm.loadCommand().isExecutable()).isTrue();
  }
}
