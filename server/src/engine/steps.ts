/**
 * The engine's long passes are generators that pause (`yield`) between stages, so the server can
 * answer other requests meanwhile; callers with nothing else to do run them straight through.
 */

/**
 * Runs a stepped computation to its end, without pausing, and returns its result.
 *
 * @example runToEnd(buildReportModelInSteps('一、2022年工作回顾\n…')).roots[0].label // '一、2022年工作回顾'
 */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
