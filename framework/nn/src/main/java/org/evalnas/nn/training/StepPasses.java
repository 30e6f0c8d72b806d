package org.evalnas.nn.training;

/**
 * What one training step runs: one or more forward/backward passes whose gradients are summed
 * before the step's single update. A plain network has one pass; a weight-sharing policy sets
 * its supernet's path before each pass (SPOS: one sampled path; FairNAS: one path per
 * operation, every operation used once).
 *
 * <p>Called on the training thread, in step order; a session restored from a checkpoint calls
 * it again from the restored step, so an implementation that draws random paths must restore
 * its generator with the session.
 */
public interface StepPasses {

  /** One pass a step, nothing to set: training a plain network. */
  StepPasses SINGLE =
      new StepPasses() {
        @Override
        public int begin(long step) {
          return 1;
        }

        @Override
        public void beforePass(int pass) {}
      };

  /**
   * A step begins.
   *
   * @param step the step's index over the whole run
   * @return how many passes it runs, at least 1
   */
  int begin(long step);

  /** Pass {@code pass} (0-based) of the current step is about to run its forward pass. */
  void beforePass(int pass);
}
