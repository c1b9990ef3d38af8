// The entry point of the workflow bundle: every workflow the worker registers.
export { familyWorkflow } from './family.workflow';
export { reassessmentBatchWorkflow } from './reassessment-batch.workflow';
export { trajectoryWorkflow } from './trajectory.workflow';
