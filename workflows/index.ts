// The entry point of the workflow bundle: every workflow the worker registers.
export { beschermingspleinAgendaWorkflow } from './beschermingsplein.workflow';
export { familyWorkflow } from './family.workflow';
export { reassessmentBatchWorkflow } from './reassessment-batch.workflow';
export { retentionSweepWorkflow } from './retention.workflow';
export { schakeloverlegTransferWorkflow } from './schakeloverleg.workflow';
export { trajectoryWorkflow } from './trajectory.workflow';
export { veiligThuisHandoverWorkflow } from './veilig-thuis.workflow';
export { vtoWorkflow } from './vto.workflow';
