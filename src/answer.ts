// Kept for callers of the original entry point: the answering pipeline lives in src/answering/.
export { answer, engageStatus, type AnswerOptions } from './answering/answer.ts';
