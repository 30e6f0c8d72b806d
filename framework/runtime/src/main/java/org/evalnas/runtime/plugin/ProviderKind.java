package org.evalnas.runtime.plugin;

import org.evalnas.api.command.CommandProvider;
import org.evalnas.api.eval.EvaluatorProvider;
import org.evalnas.api.plugin.NamedProvider;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.evalnas.api.space.SearchSpaceProvider;
import org.evalnas.api.truth.GroundTruthProvider;

/** The kinds of extension, each with the config section its providers read. */
public enum ProviderKind {
  SPACE("space", "space", SearchSpaceProvider.class),
  GROUND_TRUTH("ground-truth", "ground-truth", GroundTruthProvider.class),
  POLICY("policy", "policy", SearchPolicyProvider.class),
  EVALUATOR("evaluator", "evaluator", EvaluatorProvider.class),
  COMMAND("command", "command", CommandProvider.class);

  private final String label;
  private final String section;
  private final Class<? extends NamedProvider> type;

  ProviderKind(String label, String section, Class<? extends NamedProvider> type) {
    this.label = label;
    this.section = section;
    this.type = type;
  }

  /** How {@code evalnas plugins} names the kind. */
  public String label() {
    return label;
  }

  /** The top-level config section holding one sub-section per provider of this kind. */
  public String section() {
    return section;
  }

  /** The provider interface. */
  public Class<? extends NamedProvider> type() {
    return type;
  }
}
