package org.evalnas.runtime.protocol;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options this JVM was started with, without its class path: what provenance records and
 * what a worker process is started with.
 */
public final class JvmOptions {
  private JvmOptions() {}

  /**
   * This process's options, read from its command line up to the main class (the management
   * API would cost a fresh JVM about 20 ms more, and would add the options of {@code
   * JDK_JAVA_OPTIONS}, which a child inherits through its environment anyway). Falls back to
   * the management API where the command line cannot be read.
   */
  public static List<String> ofThisProcess() {
    String command = System.getProperty("sun.java.command", "");
    Optional<String[]> args = ProcessHandle.current().info().arguments();
    if (command.isBlank() || args.isEmpty()) {
      return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
    return beforeMainClass(args.get(), command.split(" ", 2)[0]);
  }

  /**
   * The arguments before {@code mainClass}, without a class path option and its value. Options
   * that take their value as the next argument ({@code --add-opens X}) are kept whole.
   */
  static List<String> beforeMainClass(String[] args, String mainClass) {
    List<String> options = new ArrayList<>();
    for (int i = 0; i < args.length && !args[i].equals(mainClass); i++) {
      if (args[i].equals("-cp") || args[i].equals("-classpath") || args[i].equals("--class-path")) {
        i++;
      } else {
        options.add(args[i]);
      }
    }
    return options;
  }
}
