package io.cordon.app.track;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.ApproveRequest;
import io.cordon.api.v1.IssueTerminalRequest;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.OpinionRequest;
import io.cordon.api.v1.PermitScope;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.ReviewServiceGrpc;
import io.cordon.api.v1.Trip;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.registration.DemoHazmatSubmission;
import io.cordon.client.registration.RegistrationClient;
import java.util.concurrent.TimeUnit;

/**
 * A hazmat delivery the way the product makes one, through the real server's API: the demo
 * applicant registers driver 王建国, escort 李明 and a tanker and applies for gasoline (UN1203,
 * class 3, 28.5 t; {@link DemoHazmatSubmission}), the supervisor approves it for gate G2 and gives
 * the joint opinions, and at gate G2 a positioning terminal is issued to the tanker on its permit,
 * which opens its trip.
 *
 * <p>The appointment rules want hazmat deliveries 24 h ahead, so the permit's window opens in
 * about 30 h: the tanker is in the park early, which the server's rules judge by themselves.
 */
record HazmatDelivery(Application approved, Trip trip) {
  static final String GATE = "G2";

  static HazmatDelivery issue(TrackingApp app, String terminalNumber) {
    ServerConnection admin = app.signedIn("admin");
    String haulier = DemoHazmatSubmission.prepare(admin, "enterprise", "supervisor");
    Application submitted = DemoHazmatSubmission.submit(app.signedIn("enterprise"), haulier);
    ServerConnection supervisor = app.signedIn("supervisor");
    Application a = review(supervisor).approve(ApproveRequest.newBuilder().setRequestId(RegistrationClient.requestId())
        .setApplicationId(submitted.getApplicationId()).setExpectedVersion(submitted.getVersion())
        .setScope(PermitScope.newBuilder()
            .addLanes(LaneRef.newBuilder().setGateId(GATE).setLaneId("L1"))
            .addLanes(LaneRef.newBuilder().setGateId(GATE).setLaneId("L3"))
            .addZones("Z-KEY-3"))
        .build());
    // the supervisor answers for every department (prepare gave them all): one opinion per pending one
    while (a.getState() == ApplicationState.APPLICATION_STATE_JOINT_REVIEW && a.getPendingDepartmentsCount() > 0) {
      a = review(supervisor).giveOpinion(OpinionRequest.newBuilder().setRequestId(RegistrationClient.requestId())
          .setApplicationId(a.getApplicationId()).setExpectedVersion(a.getVersion())
          .setDepartment(a.getPendingDepartments(0)).setAgrees(true).build());
    }
    if (a.getState() != ApplicationState.APPLICATION_STATE_APPROVED) {
      throw new IllegalStateException("the delivery was not approved: " + a.getState());
    }
    Trip trip = TrackingApp.trips(admin).issueTerminal(IssueTerminalRequest.newBuilder()
        .setRequestId(RegistrationClient.requestId()).setTerminalNumber(terminalNumber)
        .setPlate(a.getContent().getVehicles(0).getPlate()).setPlateColor(PlateColor.PLATE_COLOR_YELLOW)
        .setPermitId(a.getPermitId()).setGateId(GATE).build());
    return new HazmatDelivery(a, trip);
  }

  String plate() {
    return trip.getPlate();
  }

  private static ReviewServiceGrpc.ReviewServiceBlockingStub review(ServerConnection connection) {
    return ReviewServiceGrpc.newBlockingStub(connection.channel()).withCallCredentials(connection.callCredentials())
        .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
