package io.cordon.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.ClipMissingReason;
import io.cordon.app.i18n.I18n;
import org.junit.jupiter.api.Test;

/** A camera without a clip says why, in both languages: nothing recorded, or recorded but unreadable. */
class IncidentsPanelReasonTest {

  @Test
  void anUnreadableRecordingIsToldApartFromNoRecording() {
    I18n zh = new I18n(I18n.CHINESE);

    String unreadable = zh.get(IncidentsPanel.reasonKey(ClipMissingReason.CLIP_MISSING_REASON_RECORDING_UNREADABLE));
    String none = zh.get(IncidentsPanel.reasonKey(ClipMissingReason.CLIP_MISSING_REASON_NO_RECORDING));

    assertThat(unreadable).contains("无法读取");
    assertThat(none).isEqualTo("事件时间窗内无录像");
  }
}
