package io.cordon.server.report.incident;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.SopOption;
import io.cordon.api.v1.SopProgress;
import io.cordon.api.v1.SopStep;
import io.cordon.domain.alarm.Sop;
import io.cordon.server.alarm.SopCatalog;
import io.cordon.server.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Optional;

/**
 * Alarms read from the alarm center's current-state table ({@code alarm}, V5), committed with every change. Its
 * stored form leaves out the procedure's step texts; they come back from the SOP catalog, as the center does.
 */
public final class StoredAlarms implements AlarmLookup {
  private final Database database;
  private final SopCatalog sops;

  public StoredAlarms(Database database, SopCatalog sops) {
    this.database = database;
    this.sops = sops;
  }

  @Override
  public Optional<Alarm> alarm(String alarmId) {
    Optional<String> body = database.inTransaction(session -> session.doReturningWork(c -> {
      try (PreparedStatement select = c.prepareStatement("select body from alarm where alarm_id = ?")) {
        select.setString(1, alarmId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
        }
      }
    }));
    return body.map(this::decode);
  }

  private Alarm decode(String body) {
    Alarm.Builder alarm = Alarm.newBuilder();
    try {
      if (body.startsWith("{")) {
        JsonFormat.parser().ignoringUnknownFields().merge(body, alarm);
      } else {
        alarm.mergeFrom(Base64.getDecoder().decode(body));
      }
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IllegalStateException("stored alarm unreadable", e);
    }
    if (alarm.getSop().getStepsCount() == 0 && !alarm.getSop().getSopId().isEmpty()) {
      sops.byId(alarm.getSop().getSopId()).ifPresent(sop -> alarm.setSop(withSteps(alarm.getSop(), sop)));
    }
    return alarm.build();
  }

  private static SopProgress withSteps(SopProgress progress, Sop sop) {
    SopProgress.Builder b = progress.toBuilder();
    for (Sop.SopStep step : sop.steps()) {
      SopStep.Builder s = SopStep.newBuilder().setStepId(step.id()).setTextZh(step.textZh())
          .setTextEn(step.textEn()).setMandatory(step.mandatory()).setNextStepId(step.next().orElse(""));
      for (Sop.SopOption option : step.options()) {
        s.addOptions(SopOption.newBuilder().setAnswerId(option.answerId()).setTextZh(option.textZh())
            .setTextEn(option.textEn()).setNextStepId(option.next().orElse("")));
      }
      b.addSteps(s);
    }
    return b.build();
  }
}
