package io.cordon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of DESIGN.md §2, enforced a second time on the compiled classes of every
 * module (Maven enforces them first through the module dependencies). The app module sees every
 * production module on its classpath, so the rules live here.
 */
@AnalyzeClasses(packages = "io.cordon", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  private static final String DOMAIN = "io.cordon.domain..";
  private static final String API = "io.cordon.api..";
  private static final String DEVICES = "io.cordon.devices..";
  private static final String GATE_AGENT_SOFTWARE = "io.cordon.devices.gate.edge..";
  private static final String JT808_CODEC = "io.cordon.devices.jt808..";
  private static final String SERVER = "io.cordon.server..";
  private static final String SIMULATOR = "io.cordon.simulator..";
  private static final String CLIENT = "io.cordon.client..";
  private static final String MAP = "io.cordon.map..";
  private static final String VIDEO = "io.cordon.video..";
  private static final String MEDIA = "io.cordon.media..";
  private static final String BENCH = "io.cordon.bench..";
  private static final String APP = "io.cordon.app..";

  @ArchTest
  static final ArchRule domainIsPureJavaWithJtsAndSlf4jOnly =
      classes()
          .that().resideInAPackage(DOMAIN)
          .should().onlyDependOnClassesThat()
          .resideInAnyPackage(DOMAIN, "java..", "org.locationtech.jts..", "org.slf4j..")
          .because("the domain does no I/O and knows no framework (DESIGN §2)");

  @ArchTest
  static final ArchRule contractDependsOnNoOtherModule =
      noClasses()
          .that().resideInAPackage(API)
          .should().dependOnClassesThat()
          .resideInAnyPackage(DOMAIN, DEVICES, SERVER, SIMULATOR, CLIENT, MAP, VIDEO, MEDIA, APP, BENCH)
          .because("the contract holds .proto files and generated stubs, nothing else");

  @ArchTest
  static final ArchRule devicesKnowOnlyDomainAndContract =
      noClasses()
          .that().resideInAPackage(DEVICES)
          .should().dependOnClassesThat()
          .resideInAnyPackage(SERVER, SIMULATOR, CLIENT, MAP, VIDEO, MEDIA, APP, BENCH)
          .because("devices are edge adapters that the server wires in, never the other way round");

  @ArchTest
  static final ArchRule serverKnowsNoClientSide =
      noClasses()
          .that().resideInAPackage(SERVER)
          .should().dependOnClassesThat()
          .resideInAnyPackage(SIMULATOR, CLIENT, MAP, VIDEO, APP, BENCH)
          .because("the server runs alone in production");

  @ArchTest
  static final ArchRule serverHasNoJavaFx =
      noClasses()
          .that().resideInAnyPackage(SERVER, DEVICES, MEDIA, SIMULATOR)
          .should().dependOnClassesThat()
          .resideInAPackage("javafx..")
          .because("back-end processes run on servers without a display");

  @ArchTest
  static final ArchRule simulatorTalksOnlyThroughDeviceProtocols =
      noClasses()
          .that().resideInAPackage(SIMULATOR)
          .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(SERVER, DEVICES, CLIENT, MAP,
              VIDEO, MEDIA, APP, BENCH)
              .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(GATE_AGENT_SOFTWARE,
                  JT808_CODEC))))
          .because("the simulator reaches the system only through the protocols a real device uses; the one"
              + " exception is the gate agent software (devices.gate.edge), which runs at a real gate too: the"
              + " simulator plays the gate's cameras, readers, loops and barriers under it, and the agent talks to"
              + " the server only through GateAgentService; and the JT/T 808 codec (devices.jt808), with which the"
              + " simulated terminals speak the real wire protocol to the server's JT/T 808 port");

  @ArchTest
  static final ArchRule clientLogicIsToolkitFree =
      noClasses()
          .that().resideInAPackage(CLIENT)
          .should().dependOnClassesThat()
          .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
          .because("view models are tested without a toolkit (DESIGN §10 MVVM contract)");

  @ArchTest
  static final ArchRule clientUsesTheServerOnlyOverTheContract =
      noClasses()
          .that().resideInAPackage(CLIENT)
          .should().dependOnClassesThat()
          .resideInAnyPackage(SERVER, DEVICES, SIMULATOR, MEDIA, MAP, VIDEO, APP, BENCH)
          .because("the client talks to any server, embedded or remote, through gRPC only");

  @ArchTest
  static final ArchRule mapAndVideoAreComponentsOfTheApp =
      noClasses()
          .that().resideInAnyPackage(MAP, VIDEO)
          .should().dependOnClassesThat()
          .resideInAnyPackage(API, SERVER, DEVICES, SIMULATOR, CLIENT, MEDIA, APP, BENCH)
          .because("map and video are JavaFX components fed by the app with domain objects");

  @ArchTest
  static final ArchRule theMapNeverTouchesTheNetwork =
      noClasses()
          .that().resideInAPackage(MAP)
          .should().dependOnClassesThat()
          .resideInAnyPackage("javax.net..", "java.net.http..", "javafx.scene.web..")
          .orShould().dependOnClassesThat()
          .belongToAnyOf(java.net.Socket.class, java.net.DatagramSocket.class, java.net.URLConnection.class,
              java.net.InetAddress.class, java.net.InetSocketAddress.class, java.nio.channels.SocketChannel.class)
          .orShould().callMethod(java.net.URL.class, "openStream")
          .orShould().callMethod(java.net.URL.class, "openConnection")
          .because("monitoring rooms are offline: the map draws the park model and reads tiles from local files only");

  @ArchTest
  static final ArchRule nothingDependsOnTheApp =
      noClasses()
          .that().resideOutsideOfPackages(APP)
          .should().dependOnClassesThat()
          .resideInAnyPackage(APP)
          .because("the app is the composition root");

  @ArchTest
  static final ArchRule nothingDependsOnBenchmarks =
      noClasses()
          .that().resideOutsideOfPackages(BENCH)
          .should().dependOnClassesThat()
          .resideInAnyPackage(BENCH)
          .allowEmptyShould(true)
          .because("benchmarks may use anything and nothing uses them");
}
