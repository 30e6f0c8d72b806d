package org.evalnas.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {
  private static final String MAIN = "org.evalnas.runtime.cli.Main";

  @Test
  void optionsAreTheArgumentsBeforeTheMainClassWithoutTheClassPath() {
    String[] args = {
      "/usr/bin/java", "-XX:+UseSerialGC", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "-cp", "/opt/evalnas/lib/*", "-Dai.djl.offline=true", MAIN, "run", "-Dnot.an.option", "exp.conf"
    };
    // the executable is not an option either: ProcessHandle's arguments start after it
    String[] afterExecutable = java.util.Arrays.copyOfRange(args, 1, args.length);
    assertThat(JvmOptions.beforeMainClass(afterExecutable, MAIN))
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

  @Test
  void thisProcessHasNoClassPathAmongItsOptions() {
    String classPath = System.getProperty("java.class.path");
    assertThat(JvmOptions.ofThisProcess())
        .doesNotContain("-cp", "-classpath", "--class-path", classPath);
  }
}
