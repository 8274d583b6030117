// How big the model-based tests (fast-check fc.commands) run, and which failure they replay, from the environment:
// MODEL_RUNS sequences of up to MODEL_STEPS commands (else each test's defaults); MODEL_SEED and MODEL_PATH, as
// fast-check prints them on a failure, replay that failure alone.

export function modelParameters(defaults: { runs: number; steps: number }) {
  const runs = Number(process.env.MODEL_RUNS ?? defaults.runs);
  const steps = Number(process.env.MODEL_STEPS ?? defaults.steps);
  const seed = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
  const path = process.env.MODEL_PATH;
  return {
    runs,
    steps,
    assertOptions: {
      numRuns: runs,
      ...(seed !== undefined && { seed }),
      ...(path !== undefined && { path, endOnFailure: true }),
    },
  };
}
