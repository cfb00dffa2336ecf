package io.cordon.app.alarm;

import io.cordon.app.i18n.I18n;
import io.cordon.client.alarm.SupervisorNotices;
import io.cordon.client.event.EventDescriptions;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/**
 * The supervisor's red notice in the status bar: the latest escalation or skipped SOP step, in the
 * operator's language, with how many more came since it was last looked at. New notices sound the
 * louder escalation tone once per batch. Clicking it opens the alarm (selects it in the queue) and
 * clears the notice. Hidden while there is nothing to tell, and always for an operator.
 */
public final class SupervisorNoticeBanner {
  public static final String ID = "supervisor-notice";
  public static final String STYLE = "supervisor-notice";

  private final Button button = new Button();

  /** @param open selects the alarm the notice is about */
  public SupervisorNoticeBanner(SupervisorNotices notices, I18n i18n, AlarmSound sound, Consumer<String> open) {
    Objects.requireNonNull(notices, "notices");
    Objects.requireNonNull(sound, "sound");
    Objects.requireNonNull(open, "open");
    EventDescriptions describe = new EventDescriptions(i18n::find);
    button.setId(ID);
    button.getStyleClass().add(STYLE);
    button.setFocusTraversable(false);
    button.textProperty().bind(i18n.binding(() -> {
      SupervisorNotices.Notice latest = notices.latestProperty().get();
      if (latest == null) {
        return "";
      }
      String text = i18n.format(latest.isEscalation() ? "alarm.notice.escalated" : "alarm.notice.skipped",
          describe.summary(latest.event()));
      int more = notices.pendingProperty().get() - 1;
      return more > 0 ? text + i18n.format("alarm.notice.more", more) : text;
    }, notices.latestProperty(), notices.pendingProperty()));
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(i18n.text("alarm.notice.open"));
    button.setTooltip(tip);
    button.visibleProperty().bind(notices.latestProperty().isNotNull());
    button.managedProperty().bind(button.visibleProperty());
    button.setOnAction(e -> {
      SupervisorNotices.Notice latest = notices.latestProperty().get();
      notices.dismiss();
      if (latest != null) {
        open.accept(latest.alarmId());
      }
    });
    notices.addListener(batch -> sound.playEscalation());
  }

  public Button root() {
    return button;
  }
}
