/** Entry the flow benchmark (bench/flow.mjs) bundles: the engine facade plus the flow graph and loop analysis. */
export { createEngine } from '../server/src/engine';
export { flowGraph } from '../server/src/engine/domain/flowGraph';
export { eventLoops } from '../server/src/engine/domain/eventLoops';
