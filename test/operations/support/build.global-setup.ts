import { buildCadence } from '../../support/process-harness';

/** Process-level suites run `node dist/src/main.js`: build it once before any of them. */
export default function buildOnce(): void {
  buildCadence();
}
