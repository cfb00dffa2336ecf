package io.cordon.app.registration;

import io.cordon.api.v1.Application;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.registration.DemoHazmatSubmission;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * For the walk-through: against a running (embedded) server at 127.0.0.1:PORT, links the demo
 * applicant {@code enterprise} to its hauler, lets {@code supervisor} review for every
 * department, and submits one hazmat delivery as {@code enterprise}. Usage: PORT.
 */
public final class RegistrationDemoSubmit {
  private RegistrationDemoSubmit() {}

  public static void main(String[] args) {
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
    ServerAddress address = new ServerAddress("127.0.0.1", Integer.parseInt(args[0]));
    ClientExecutors executors = new ClientExecutors(pool, Runnable::run);
    try (ServerConnection admin = ServerConnection.open(address, executors);
        ServerConnection applicant = ServerConnection.open(address, executors)) {
      RegistrationWindowTest.signIn(admin, "admin");
      String haulier = DemoHazmatSubmission.prepare(admin, "enterprise", "supervisor");
      RegistrationWindowTest.signIn(applicant, "enterprise");
      Application a = DemoHazmatSubmission.submit(applicant, haulier);
      System.out.println("submitted " + a.getApplicationId() + " as " + haulier + ": " + a.getState());
    } finally {
      pool.shutdownNow();
    }
  }
}
