package io.cordon.app.backend;

import io.cordon.client.connection.ServerAddress;
import io.cordon.simulator.ParkSimulator;
import io.cordon.simulator.SimulatorSettings;
import io.cordon.simulator.jt808.Jt808FleetSettings;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The park simulator against the embedded server, signed in as the demo device user over its
 * own channel — a device is a separate client, not part of the operator's connection.
 */
final class EmbeddedSimulator implements AutoCloseable {
  static final String DEVICE_USER = "device";
  static final String DEVICE_PASSWORD = "device";

  private final ManagedChannel channel;
  private final ParkSimulator simulator;

  private EmbeddedSimulator(ManagedChannel channel, ParkSimulator simulator) {
    this.channel = channel;
    this.simulator = simulator;
  }

  /** With the embedded server's JT/T 808 port, the demo's hazmat vehicles report there over JT/T 808 too. */
  static EmbeddedSimulator start(ServerAddress address, OptionalInt jt808Port) {
    ManagedChannel channel = NettyChannelBuilder.forAddress(address.host(), address.port()).usePlaintext().build();
    ParkSimulator simulator =
        new ParkSimulator(channel, DEVICE_USER, DEVICE_PASSWORD, SimulatorSettings.embeddedDefaults());
    if (jt808Port.isPresent()) {
      simulator.withJt808Fleet(Jt808FleetSettings.demo(address.host(), jt808Port.getAsInt()));
    }
    simulator.start();
    return new EmbeddedSimulator(channel, simulator);
  }

  @Override
  public void close() throws InterruptedException {
    simulator.close();
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }
}
