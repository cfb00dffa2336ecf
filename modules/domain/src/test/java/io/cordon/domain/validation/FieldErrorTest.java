package io.cordon.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldErrorTest {

  @Test
  void nestingPrefixesThePathWithDotsAndIndexes() {
    FieldError e = new FieldError("expiresOn", "expired");

    assertThat(e.under("certificates[0]").under("driver").field()).isEqualTo("driver.certificates[0].expiresOn");
    assertThat(new FieldError("[2].unNumber", "x").under("goods").field()).isEqualTo("goods[2].unNumber");
    assertThat(new FieldError("", "x").under("driver").field()).isEqualTo("driver");
  }

  @Test
  void problemsCollectEveryErrorIntoOneRefusal() {
    Problems p = new Problems();
    p.text("name", " ", 10);
    p.parse("count", "x", Integer::valueOf);

    Result<String> r = p.result(() -> "never");

    assertThat(((Result.Refused<String>) r).refusal().fields()).containsExactly("name", "count");
  }
}
