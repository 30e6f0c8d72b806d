package org.evalnas.space.nasbench201.truth;

import java.util.Optional;

/**
 * How the metric names of the CSV tables map onto a NATS-Bench topology record.
 *
 * <p>A record ({@code ArchResults}, per training schedule {@code "12"} or {@code "200"}) holds
 * one trial ({@code ResultsCount}) per (dataset, seed). Each metric is the top-1 accuracy in
 * percent on one evaluation set after the last epoch ({@code eval_acc1es["<set>@<epochs-1>"]}),
 * averaged over the dataset's seeds ({@code dataset_seed[dataset]}) - what the official
 * {@code get_metrics(dataset, set, is_random=False)} returns. The sets are those the official
 * API's {@code get_more_info} and {@code remap_dataset_set_names} use for "valid" and "test":
 *
 * <table>
 *   <caption>metric name, NATS-Bench dataset (what it was trained on), evaluation set</caption>
 *   <tr><th>metric</th><th>dataset</th><th>set</th></tr>
 *   <tr><td>cifar10_valid</td><td>cifar10-valid (CIFAR-10 train half)</td>
 *       <td>x-valid (the held-out half of the CIFAR-10 training set)</td></tr>
 *   <tr><td>cifar10_test</td><td>cifar10 (CIFAR-10 train+valid)</td>
 *       <td>ori-test (the CIFAR-10 test set)</td></tr>
 *   <tr><td>cifar100_valid</td><td>cifar100</td>
 *       <td>x-valid (half of the CIFAR-100 test set)</td></tr>
 *   <tr><td>cifar100_test</td><td>cifar100</td><td>x-test (the other half)</td></tr>
 *   <tr><td>imagenet16_120_valid</td><td>ImageNet16-120</td>
 *       <td>x-valid (half of its validation set)</td></tr>
 *   <tr><td>imagenet16_120_test</td><td>ImageNet16-120</td><td>x-test (the other half)</td></tr>
 * </table>
 *
 * <p>These agree with the shared CSV tables to their 4 decimals (checked in the tests for the
 * sample records, 12 and 200 epochs).
 */
public enum NatsMetric {
  /** CIFAR-10 validation accuracy of the model trained on the train half. */
  CIFAR10_VALID("cifar10_valid", "cifar10-valid", "x-valid"),
  /** CIFAR-10 test accuracy of the model trained on train+valid. */
  CIFAR10_TEST("cifar10_test", "cifar10", "ori-test"),
  /** CIFAR-100 validation accuracy. */
  CIFAR100_VALID("cifar100_valid", "cifar100", "x-valid"),
  /** CIFAR-100 test accuracy. */
  CIFAR100_TEST("cifar100_test", "cifar100", "x-test"),
  /** ImageNet16-120 validation accuracy. */
  IMAGENET16_120_VALID("imagenet16_120_valid", "ImageNet16-120", "x-valid"),
  /** ImageNet16-120 test accuracy. */
  IMAGENET16_120_TEST("imagenet16_120_test", "ImageNet16-120", "x-test");

  private final String metricName;
  private final String dataset;
  private final String evalSet;

  NatsMetric(String metricName, String dataset, String evalSet) {
    this.metricName = metricName;
    this.dataset = dataset;
    this.evalSet = evalSet;
  }

  /** The metric name, as the CSV column is called. */
  public String metricName() {
    return metricName;
  }

  /** The NATS-Bench dataset key ({@code dataset_seed} / {@code all_results}). */
  public String dataset() {
    return dataset;
  }

  /** The evaluation set name in {@code eval_acc1es} keys. */
  public String evalSet() {
    return evalSet;
  }

  /** The metric with this name, if NATS-Bench has it. */
  public static Optional<NatsMetric> ofName(String name) {
    for (NatsMetric m : values()) {
      if (m.metricName.equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
