package lab.videofarm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layer rules of the architecture: {@code ui -> app -> urlsession -> os}, the sample server on
 * its own, and {@code internal} packages private to their parent.
 */
@AnalyzeClasses(packages = "lab.videofarm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule osUsesNoLayerAboveIt =
      noClasses()
          .that()
          .resideInAPackage("lab.videofarm.os..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "lab.videofarm.urlsession..",
              "lab.videofarm.app..",
              "lab.videofarm.ui..",
              "lab.videofarm.server..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule osUsesNoSwing =
      noClasses()
          .that()
          .resideInAPackage("lab.videofarm.os..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javax.swing..")
          .because("the main executor owns the event dispatch thread; Swing belongs to the ui")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule urlSessionUsesOnlyTheOs =
      noClasses()
          .that()
          .resideInAPackage("lab.videofarm.urlsession..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("lab.videofarm.app..", "lab.videofarm.ui..", "lab.videofarm.server..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule appNeverTouchesTheDaemon =
      noClasses()
          .that()
          .resideInAPackage("lab.videofarm.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "lab.videofarm.os.transferd..",
              "lab.videofarm.os.device..",
              "lab.videofarm.os.net..",
              "lab.videofarm.ui..",
              "lab.videofarm.server..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule nothingBelowTheWindowUsesIt =
      noClasses()
          .that()
          .resideInAnyPackage(
              "lab.videofarm.os..",
              "lab.videofarm.urlsession..",
              "lab.videofarm.app..",
              "lab.videofarm.story..",
              "lab.videofarm.server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("lab.videofarm.ui..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule sampleServerStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("lab.videofarm.server..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "lab.videofarm.os..",
              "lab.videofarm.urlsession..",
              "lab.videofarm.app..",
              "lab.videofarm.ui..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyTheLayersAboveTheServerStartIt =
      noClasses()
          .that()
          .resideInAnyPackage(
              "lab.videofarm.os..", "lab.videofarm.urlsession..", "lab.videofarm.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("lab.videofarm.server..")
          .because("the daemon talks to the sample server over real HTTP only")
          .allowEmptyShould(true);

  @ArchTest
  static void internalPackagesArePrivateToTheirParent(JavaClasses classes) {
    for (String parent :
        List.of(
            "lab.videofarm.os.transferd",
            "lab.videofarm.os.device",
            "lab.videofarm.os.net",
            "lab.videofarm.urlsession",
            "lab.videofarm.app",
            "lab.videofarm.ui",
            "lab.videofarm.server")) {
      noClasses()
          .that()
          .resideOutsideOfPackage(parent + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(parent + ".internal..")
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @ArchTest
  static final ArchRule layersHaveNoCycles =
      slices().matching("lab.videofarm.(*)..").should().beFreeOfCycles().allowEmptyShould(true);
}
