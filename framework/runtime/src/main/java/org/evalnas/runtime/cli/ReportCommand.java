package org.evalnas.runtime.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.evalnas.runtime.protocol.ProvenanceWriter;
import org.evalnas.runtime.report.ExperimentSummary;
import org.evalnas.runtime.report.SummaryBuilder;
import org.evalnas.runtime.report.SummaryWriter;
import org.evalnas.runtime.report.html.HtmlReport;
import org.evalnas.runtime.report.html.WeightSharingResults;
import org.evalnas.runtime.results.CellResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code evalnas report DIR}: rebuilds the summary and report from the cell results alone. */
@Command(name = "report", description = "Rebuild summary.json, summary.csv, report.md and report.html from cell results.")
final class ReportCommand implements Callable<Integer> {
  @ParentCommand EvalnasCommand root;

  @Parameters(index = "0", paramLabel = "DIR", description = "An experiment's output directory.")
  Path dir;

  @Option(
      names = "--finish",
      description = "Also record in provenance.json that the run ended now (the SLURM aggregation job does).")
  boolean finish;

  @Override
  public Integer call() {
    List<CellResult> results = SummaryBuilder.results(dir);
    ExperimentSummary summary = SummaryBuilder.summarize(results, SummaryBuilder.failures(dir));
    SummaryWriter.write(summary, dir);
    HtmlReport.write(summary, results, WeightSharingResults.from(results), dir);
    if (finish) {
      ProvenanceWriter.recordFinished(dir, Instant.now());
    }
    root.spec.commandLine().getOut().println("report: " + dir.resolve("report.md"));
    return summary.failures().isEmpty() ? ExitCode.OK : ExitCode.RUN_FAILED;
  }
}
