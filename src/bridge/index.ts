// The Node side of the bridge, as the package exports it.
export { Engine } from './Engine.js';
export type { EngineStartOptions, InvokeStepOptions, RestartProvider, ResumeSequenceOptions, RunSequenceOptions, StepDefinition, VariablesInput } from './Engine.js';
export { EngineAbortError, EngineClosedError, EngineRequestError, EngineTimeoutError, EngineUnavailableError, InvalidRequestError, MessageTooLargeError } from './errors.js';
export type { EventStream } from './eventStream.js';
export type { NodeStepContext, NodeStepHandler, NodeStepOutcome } from './nodeSteps.js';
export type {
  EngineEvent,
  InvokeStepResult,
  KnownEngineEvent,
  LogEvent,
  OutputEvent,
  OutputStream,
  ProgressEvent,
  ReadyMessage,
  ResultDocument,
  SequenceStatus,
  ScriptErrorRecord,
  SkipReason,
  StepFinishedEvent,
  StepResult,
  StepStartedEvent,
  StepStatus,
  UnknownEngineEvent,
  VariableRecord,
} from './protocol.js';
export { EngineNotFoundError, resolveEngine, type EngineChoice, type EngineKind, type ResolvedEngine } from './resolveEngine.js';
export { assertValidDocument, InvalidDocumentError, readSequenceFile, validateDocument } from './validateDocument.js';
export type { DocumentProblem, ValidationResult } from './validateDocument.js';
export { VariableMap, variableNameProblem } from './variables.js';
