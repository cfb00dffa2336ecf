package io.cordon.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {
  private final ResourceBundle chinese = I18n.load(I18n.CHINESE);
  private final ResourceBundle english = I18n.load(I18n.ENGLISH);

  @Test
  void chineseAndEnglishBundlesHaveTheSameKeys() {
    Set<String> zh = chinese.keySet();
    Set<String> en = english.keySet();
    assertThat(zh).as("keys missing in English").isSubsetOf(en);
    assertThat(en).as("keys missing in Chinese").isSubsetOf(zh);
  }

  @Test
  void noTextIsEmpty() {
    for (ResourceBundle bundle : new ResourceBundle[] {chinese, english}) {
      for (String key : bundle.keySet()) {
        assertThat(bundle.getString(key)).as(key + " in " + bundle.getLocale()).isNotBlank();
      }
    }
  }

  @Test
  void theChineseBundleIsReallyChinese() {
    assertThat(chinese.getString("view.map")).isEqualTo("园区地图");
    assertThat(english.getString("view.map")).isEqualTo("Park map");
  }

  @Test
  void unsupportedLanguagesFallBackToChinese() {
    assertThat(I18n.supported(Locale.GERMAN)).isEqualTo(I18n.CHINESE);
    assertThat(I18n.supported(Locale.forLanguageTag("en-GB"))).isEqualTo(I18n.ENGLISH);
  }
}
