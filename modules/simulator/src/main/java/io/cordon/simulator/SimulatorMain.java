package io.cordon.simulator;

import io.cordon.simulator.alarm.AlarmFamily;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the simulator against a server:
 * {@code SimulatorMain --server host:port --user device [--password …] [--period PT60S]
 * [--intrusions-per-minute 2] [--seed 1]}. The password may also come from CORDON_SIM_PASSWORD.
 * Alarm sources, in alarms per hour (0 disables; defaults {@link
 * io.cordon.simulator.alarm.AlarmRates#DEMO}): {@code --intrusions-per-hour 30 --video-alarms-per-hour 60
 * --gate-alarms-per-hour 20 --vehicle-alarms-per-hour 40 --device-alarms-per-hour 6}.
 * Gate agents (issue 7): {@code --gate-identifications-per-minute 3} per gate (0: the interim
 * virtual gates instead), {@code --gate-agent-dir DIR} for their caches and record queues.
 * JT/T 808 hazmat terminals (issue 8): {@code --jt808 host:port} (off without it), {@code
 * --jt808-terminals 12 --jt808-interval PT5S --jt808-shares 0.1,0.1,0.1,0.1} (deviate, speed, linger,
 * lose signal) {@code --jt808-bind true} (issue and return the terminals at the gates).
 */
public final class SimulatorMain {

  private SimulatorMain() {
  }

  public static void main(String[] args) throws Exception {
    String server = null;
    String user = "device";
    String password = System.getenv("CORDON_SIM_PASSWORD");
    SimulatorSettings settings = SimulatorSettings.embeddedDefaults();
    io.cordon.simulator.jt808.Jt808FleetSettings jt808 = null; // --jt808 host:port switches the fleet on
    try {
      for (int i = 0; i < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--server" -> server = value;
          case "--user" -> user = value;
          case "--password" -> password = value;
          case "--period" -> settings = settings.withHeartbeatPeriod(Duration.parse(value));
          case "--intrusions-per-minute" -> settings = settings.withIntrusionsPerMinute(Double.parseDouble(value));
          case "--seed" -> settings = settings.withSeed(Long.parseLong(value));
          case "--gate-faults-per-hour" -> settings = settings.withGateFaultsPerHour(Double.parseDouble(value));
          case "--vehicles" -> settings = settings.withVehicles(Integer.parseInt(value));
          case "--intrusions-per-hour" -> settings = settings.withAlarmRate(AlarmFamily.INTRUSION, Double.parseDouble(value));
          case "--video-alarms-per-hour" -> settings = settings.withAlarmRate(AlarmFamily.VIDEO, Double.parseDouble(value));
          case "--gate-alarms-per-hour" -> settings = settings.withAlarmRate(AlarmFamily.GATE, Double.parseDouble(value));
          case "--vehicle-alarms-per-hour" -> settings = settings.withAlarmRate(AlarmFamily.VEHICLE, Double.parseDouble(value));
          case "--device-alarms-per-hour" -> settings = settings.withAlarmRate(AlarmFamily.DEVICE, Double.parseDouble(value));
          case "--gate-identifications-per-minute" -> settings = settings.withGateAgents(
              settings.gateAgents().withIdentificationsPerMinute(Double.parseDouble(value)));
          case "--gate-agent-dir" -> settings = settings.withGateAgents(
              settings.gateAgents().withDataDir(java.nio.file.Path.of(value)));
          case "--jt808" -> jt808 = io.cordon.simulator.jt808.Jt808FleetSettings.demo(
              value.substring(0, value.lastIndexOf(':')), Integer.parseInt(value.substring(value.lastIndexOf(':') + 1)));
          case "--jt808-terminals" -> jt808 = requireJt808(jt808).withTerminals(Integer.parseInt(value));
          case "--jt808-interval" -> jt808 = requireJt808(jt808).withTiming(Duration.parse(value), jt808.timeScale());
          case "--jt808-shares" -> {
            String[] s = value.split(",");
            jt808 = requireJt808(jt808).withShares(Double.parseDouble(s[0]), Double.parseDouble(s[1]),
                Double.parseDouble(s[2]), Double.parseDouble(s[3]));
          }
          case "--jt808-bind" -> jt808 = requireJt808(jt808).withBindAtGates(Boolean.parseBoolean(value));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (server == null || password == null) {
        throw new IllegalArgumentException("--server and --password (or CORDON_SIM_PASSWORD) are required");
      }
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: SimulatorMain --server host:port --user device --password secret"
          + " [--period PT60S] [--intrusions-per-minute 2] [--seed 1]"
          + " [--intrusions-per-hour 30] [--video-alarms-per-hour 60] [--gate-alarms-per-hour 20]"
          + " [--vehicle-alarms-per-hour 40] [--device-alarms-per-hour 6]"
          + " [--gate-identifications-per-minute 3 (0: interim virtual gates)] [--gate-agent-dir DIR]"
          + " [--jt808 host:port [--jt808-terminals 12] [--jt808-interval PT5S]"
          + " [--jt808-shares deviate,speed,linger,signalLoss (0.1,0.1,0.1,0.1)] [--jt808-bind true]]");
      System.exit(2);
      return;
    }
    ManagedChannel channel = Grpc.newChannelBuilder(server, InsecureChannelCredentials.create()).build();
    ParkSimulator simulator = new ParkSimulator(channel, user, password, settings);
    if (jt808 != null) {
      simulator.withJt808Fleet(jt808);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      channel.shutdown();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stopped.countDown();
    }, "simulator-shutdown"));
    simulator.start();
    stopped.await();
  }

  private static io.cordon.simulator.jt808.Jt808FleetSettings requireJt808(
      io.cordon.simulator.jt808.Jt808FleetSettings jt808) {
    if (jt808 == null) {
      throw new IllegalArgumentException("--jt808 host:port comes before the other --jt808-* options");
    }
    return jt808;
  }
}
