// The entry point of the workflow bundle: every workflow the worker registers.
export { trajectoryWorkflow } from './trajectory.workflow';
