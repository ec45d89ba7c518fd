export { assignOwner } from './assignOwner';
export { markAllComplete, markComplete, reopen } from './complete';
export { recordInSummary } from './recordInSummary';
export { setDueDate } from './setDueDate';
export { type CompleteOptions, type TextEdit, applyEdits } from './textEdit';
export { type CompletionUndo, exactReopen, undoOfCompletion } from './undoComplete';
export { carryOver } from './carryOver';
