import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A sequencer that starts the named files first, in the order given (docs/BENCHMARKS.md, CI).
 * On two workers a run ends when its last long file does, so the long ones start first and the
 * short ones fill in around them. Vitest orders by the durations it cached on an earlier run;
 * a fresh clone (CI) has none.
 */
export function slowestFirst(slowest: string[]) {
  return class SlowestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const rank = (file: TestSpecification) => {
        const i = slowest.findIndex((name) => file.moduleId.endsWith(name));
        return i === -1 ? slowest.length : i;
      };
      // Array sort is stable: the rest keep the order vitest chose.
      return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
    }
  };
}
