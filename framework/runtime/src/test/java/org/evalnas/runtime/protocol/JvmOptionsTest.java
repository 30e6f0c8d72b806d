package org.evalnas.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {
  private static final String MAIN = "org.evalnas.runtime.cli.Main";

  @Test
  void optionsAreTheArgumentsBeforeTheMainClassWithoutTheClassPath() {
    // as ProcessHandle gives them: from the first argument after the executable
    String[] args = {
      "-XX:+UseSerialGC", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "-cp", "/opt/evalnas/lib/*", "-Dai.djl.offline=true", MAIN, "run", "-Dnot.an.option", "exp.conf"
    };
    assertThat(JvmOptions.beforeMainClass(args, MAIN))
        .containsExactly(
            "-XX:+UseSerialGC", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dai.djl.offline=true");
  }

  @Test
  void everyClassPathSpellingIsLeftOut() {
    for (String cp : new String[] {"-cp", "-classpath", "--class-path"}) {
      assertThat(JvmOptions.beforeMainClass(new String[] {cp, "a.jar:b.jar", "-Xmx1g", MAIN}, MAIN))
          .as(cp)
          .containsExactly("-Xmx1g");
    }
  }
}
