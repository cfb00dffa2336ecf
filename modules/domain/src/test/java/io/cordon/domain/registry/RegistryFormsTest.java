package io.cordon.domain.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.identity.TestNumbers;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Result;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryFormsTest {

  private static final String ID = TestNumbers.residentId("320102", "19850315", "123");
  private static final String VIN = TestNumbers.vin("LZZ5CLVB", "NA123456");
  private static final LocalDate EXPIRES = LocalDate.of(2028, 1, 1);

  private static <T> List<FieldError> errors(Result<T> r) {
    return ((Result.Refused<T>) r).refusal().errors();
  }

  private static List<String> fields(Result<?> r) {
    return errors(r).stream().map(FieldError::field).toList();
  }

  @Test
  void aCompleteDriverIsRegistered() {
    PersonForm form = new PersonForm("王师傅", ID, "13900001234", "ENT-HAUL", PersonRole.DRIVER, "photo://1",
        List.of(new CertificateForm(CertificateKind.DRIVING_LICENCE, "L-1", "a2", EXPIRES)));

    Person p = form.validate(new PersonId("P-1")).orElseThrow();

    assertThat(p.certificate(CertificateKind.DRIVING_LICENCE).orElseThrow().licenceClass()).contains("A2");
    assertThat(p.facePhoto()).contains("photo://1");
  }

  @Test
  void everyProblemOfAPersonIsNamedWithItsPath() {
    String wrongCheck = ID.substring(0, 17) + (ID.charAt(17) == '0' ? '1' : '0');
    PersonForm form = new PersonForm(" ", wrongCheck, "12345", "", PersonRole.ESCORT, null,
        List.of(new CertificateForm(CertificateKind.DRIVING_LICENCE, "L-1", "Z9", null)));

    assertThat(fields(form.validate(new PersonId("P-1")))).containsExactly("name", "idNumber", "phone",
        "enterpriseId", "certificates[0].expiresOn", "certificates[0].licenceClass", "certificates");
  }

  @Test
  void aPrivateVisitorNeedsNoEnterprise() {
    PersonForm form = new PersonForm("访客", ID, "13900001234", null, PersonRole.VISITOR, null, List.of());

    assertThat(form.validate(new PersonId("P-2")).isOk()).isTrue();
  }

  @Test
  void aHazmatVehicleWithoutTransportPermitIsRefused() {
    VehicleForm form = new VehicleForm("苏E12345", PlateColor.YELLOW, VehicleClass.HAZMAT, VIN, "ENT-HAUL", null, null);

    assertThat(errors(form.validate())).containsExactly(
        new FieldError("transportPermit.number", "is required for a hazmat vehicle"),
        new FieldError("transportPermit.expiresOn", "is required for a hazmat vehicle"));
  }

  @Test
  void aCompleteHazmatVehicleIsRegistered() {
    VehicleForm form = new VehicleForm("苏E·12345", PlateColor.YELLOW, VehicleClass.HAZMAT, VIN, "ENT-HAUL",
        "320100123456", EXPIRES);

    assertThat(form.validate().orElseThrow().transportPermit().orElseThrow().expiresOn()).isEqualTo(EXPIRES);
  }

  @Test
  void badPlateAndVinAreRefusedWithTheirReasons() {
    VehicleForm form = new VehicleForm("苏I12345", PlateColor.BLUE, VehicleClass.ORDINARY, "LZZ5CLVB0NA12345",
        "ENT-1", null, null);

    assertThat(errors(form.validate())).extracting(FieldError::field).containsExactly("plate", "vin");
  }

  @Test
  void aNewEnergyPlateMustBeGreen() {
    VehicleForm form = new VehicleForm("苏AD12345", PlateColor.BLUE, VehicleClass.COMMUTER, VIN, "ENT-1", null, null);

    assertThat(fields(form.validate())).containsExactly("plateColor");
  }

  @Test
  void aTrailerPlateIsYellow() {
    VehicleForm form = new VehicleForm("苏E1234挂", PlateColor.BLUE, VehicleClass.HAZMAT, VIN, "ENT-1", "320100123456",
        EXPIRES);

    assertThat(fields(form.validate())).containsExactly("plateColor");
  }

  @Test
  void anEnterpriseNeedsAValidCreditCodeAContactAndUniqueLoadingPoints() {
    EnterpriseForm form = new EnterpriseForm("ENT-1", "示例化工", "91320100MA1W2K3L40", List.of(),
        List.of("LP1", "LP1"));

    assertThat(fields(form.validate())).containsExactly("creditCode", "contacts", "loadingPoints[1]");
  }

  @Test
  void aCompleteEnterpriseIsRegistered() {
    EnterpriseForm form = new EnterpriseForm("ENT-1", "示例化工", TestNumbers.creditCode("91320100MA1W2K3L4"),
        List.of(new ContactForm("钱经理", "安全负责人", "13900001234")), List.of("LP1"));

    assertThat(form.validate().orElseThrow().loadingPoints()).containsExactly("LP1");
  }

  @Test
  void aContactsBadPhoneIsNamedInsideTheList() {
    EnterpriseForm form = new EnterpriseForm("ENT-1", "示例化工", TestNumbers.creditCode("91320100MA1W2K3L4"),
        List.of(new ContactForm("钱经理", "安全负责人", "0255555")), List.of());

    assertThat(fields(form.validate())).containsExactly("contacts[0].phone");
  }
}
