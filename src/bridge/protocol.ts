// Messages of the Node ↔ PowerShell bridge (protocol 1). One JSON object per line on a socket /
// named pipe that Node listens on and Start-TsBridge.ps1 connects to; never stdout. The engine
// reads two session keys from its stdin, sends `ready` with the first, Node answers `auth` with the
// second; then requests (one at a time), and `cancel` for the one running.
// invokeStep/runSequence params may carry `events: false`: the engine then sends no `event`
// messages for that request (Node sets it when the caller gave no onEvent).

import type { StepType } from '../api/stepTypes.js';

export const PROTOCOL_VERSION = 1;

/** Variables as they travel: names to string values. */
export type VariableRecord = Record<string, string>;

export type StepStatus = 'Succeeded' | 'Failed' | 'FailedContinued' | 'Skipped' | 'WhatIf';
export type SkipReason = 'Disabled' | 'ConditionFalse' | 'GroupFailed';
export type SequenceStatus = 'Succeeded' | 'Failed' | 'RestartPending';

/** One entry of a result document's `steps` (a step or a group). */
export interface StepResult {
  path: string;
  /** The step's type as in the document: a step type, 'Group' for a group, 'Node' for a Node step. */
  type: StepType;
  status: StepStatus;
  skipReason?: SkipReason;
  exitCode?: number;
  startedAt?: string;
  durationMs?: number;
  message?: string;
  /** A failed step's last lines of output (at most 20, masked; streams other than stdout/output prefixed, e.g. `WARNING: `). */
  outputTail?: string;
  /**
   * RunPowerShellScript: the objects the script wrote to its success stream (not Write-Host /
   * Write-Information), in order, as JSON values: strings masked; PSCustomObjects, hashtables and
   * other objects as objects of their properties (data nested up to 32 levels, other .NET objects
   * opened 2 levels deep, deeper values as their text); dates as ISO 8601 UTC text; enums by name;
   * byte arrays as Base64; GUIDs, versions, time spans and the like as text; `[xml]` as its
   * markup; an integer or decimal no JavaScript number holds exactly ([long]::MaxValue) as a
   * string of its exact text, every other number as a number. `[]` when it wrote
   * none. Bounded: the first 1,000 objects that fit in about 1,000,000 JSON characters (8 more
   * per property or item; 8,000,000 per run across all steps); see `outputTruncated`.
   */
  output?: JsonValue[];
  /** RunPowerShellScript: present (true) when `output` lacks some of what the script wrote: it is the start of it. */
  outputTruncated?: boolean;
  /**
   * RunPowerShellScript: the script's errors as records, in the order they happened (parse
   * errors, the first 50 of the error stream, then the terminating one). Present only when
   * there were errors; the step's `message` lists them as text.
   */
  errors?: ScriptErrorRecord[];
  /** RunPowerShellScript: present (true) when the script wrote more error records than `errors` keeps. */
  errorsTruncated?: boolean;
  [extra: string]: unknown;
}

/** A value as JSON carries it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One PowerShell error of a RunPowerShellScript step (texts masked, each at most 4,000 characters). */
export interface ScriptErrorRecord {
  /** What went wrong, as in the step's message. */
  message: string;
  /** PowerShell's FullyQualifiedErrorId, e.g. `CommandNotFoundException` or `MyId,script.ps1`. */
  errorId: string;
  /** The ErrorCategory name, e.g. `ObjectNotFound`, `ParserError`, `NotSpecified`. */
  category: string;
  /** The .NET type of the error's exception, e.g. `System.Management.Automation.RuntimeException`. */
  exceptionType: string | null;
  /** CategoryInfo.TargetName (`''` when none). */
  targetName: string;
  /** The error's target object as a JSON value (small; its text when it would be large), or null. */
  target: JsonValue;
  /** The script stack trace, innermost frame first (`''` when none). */
  scriptStackTrace: string;
  /** Line (1-based) in the step's script, or null when the error does not say. */
  line: number | null;
  /** Column (1-based) on that line, or null. */
  column: number | null;
  /** The error ended the script (a terminating error), or kept it from starting (a parse error). */
  terminating: boolean;
}

/** What `runSequence` / `tsseq run --json` / Invoke-TsSequence return (DESIGN §4). */
export interface ResultDocument {
  status: SequenceStatus;
  exitCode: number;
  steps: StepResult[];
  variables: VariableRecord;
  [extra: string]: unknown;
}

/** What `invokeStep` returns: the step's result entry plus the environment after it. */
export interface InvokeStepResult extends StepResult {
  variables: VariableRecord;
}

// ---- PowerShell → Node ----

export interface ReadyMessage {
  type: 'ready';
  protocol: number;
  /** The session's engine key (read from the engine's stdin): proves the connection is the engine Node started. */
  key?: string;
  psVersion: string;
  psEdition: string;
  moduleVersion: string;
}

export interface ErrorPayload {
  message: string;
  errorId?: string;
  category?: string;
  /** JSON path of the offending part when the error is about the document. */
  path?: string;
}

export interface ResponseMessage {
  type: 'response';
  /** null: the engine could not read the request well enough to know its id. */
  id: number | null;
  result?: unknown;
  error?: ErrorPayload;
  /** A script of the request PowerShell could not stop runs on in the engine: Node stops (cancelled request) or retires that engine. */
  scriptLeftRunning?: boolean;
}

/** A script's Write-Progress or Microsoft.SMS.TsProgressUI call, merged to a few per second. */
export interface ProgressEvent {
  kind: 'progress';
  path: string;
  activityId: number;
  parentActivityId: number;
  activity: string;
  status: string;
  /** 0–100, or null when the script gave none. */
  percent: number | null;
  completed: boolean;
  currentOperation?: string;
}

/** The stream a line of step output came from: a command's stdout/stderr, or a PowerShell stream. */
export type OutputStream = 'stdout' | 'stderr' | 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information';

/**
 * One line of a step's output as it happens (masked). A script's [Console] writes are not sent:
 * they reach the engine's own stdout/stderr (EngineStartOptions.onOutput).
 */
export interface OutputEvent {
  kind: 'output';
  path: string;
  stream: OutputStream;
  text: string;
}

/** A step or group started. */
export interface StepStartedEvent {
  kind: 'stepStarted';
  path: string;
  stepType: StepType;
  /** ISO 8601 UTC. */
  time: string;
}

/** A step or group finished: its result entry, as the result document will list it. */
export type StepFinishedEvent = { kind: 'stepFinished' } & StepResult;

/** A line of the run's log (smsts.log), masked; `path` is '' for the sequence itself. */
export interface LogEvent {
  kind: 'log';
  level: string;
  message: string;
  path?: string;
}

/** The kinds of event this version knows. */
export type KnownEngineEvent = StepStartedEvent | StepFinishedEvent | LogEvent | ProgressEvent | OutputEvent;

/**
 * An event of a kind this version does not know (a newer engine's): delivered wrapped, so that
 * narrowing on `kind` keeps the known events' fields (a member with `kind: string` would make
 * every field `unknown`). `event` is the event as the engine sent it.
 */
export interface UnknownEngineEvent {
  kind: 'unknown';
  event: { kind: string; [field: string]: unknown };
}

/** What onEvent and the event iterators give: narrow on `kind` (`if (event.kind === 'log') event.message`). */
export type EngineEvent = KnownEngineEvent | UnknownEngineEvent;

const KNOWN_EVENT_KINDS: ReadonlySet<string> = new Set<KnownEngineEvent['kind']>(['stepStarted', 'stepFinished', 'log', 'progress', 'output']);

/** An event off the wire as EngineEvent: one of an unknown kind (or none) comes wrapped. */
export function asEngineEvent(raw: unknown): EngineEvent {
  const kind = typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown }).kind : undefined;
  if (typeof kind === 'string' && KNOWN_EVENT_KINDS.has(kind)) return raw as KnownEngineEvent;
  const event = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : { value: raw };
  return { kind: 'unknown', event: { ...event, kind: typeof kind === 'string' ? kind : '' } };
}

export interface EventMessage {
  type: 'event';
  id: number;
  /** As the engine sent it (the session hands it on through asEngineEvent). */
  event: unknown;
}

export interface CallbackMessage {
  type: 'callback';
  id: string;
  method: 'invokeNodeStep' | (string & {});
  params: NodeStepCallParams;
}

export interface NodeStepCallParams {
  handler: string;
  parameters?: Record<string, unknown>;
  variables?: VariableRecord;
  path?: string;
  /** The step's timeoutMinutes in milliseconds: the handler's signal aborts then and the step fails. */
  timeoutMs?: number;
}

/** The engine stopped waiting for callback `id` (the step that called it was stopped): its handler's signal aborts. */
export interface CallbackCancelMessage {
  type: 'callbackCancel';
  id: string;
  reason?: string;
}

export type IncomingMessage = ReadyMessage | ResponseMessage | EventMessage | CallbackMessage | CallbackCancelMessage;

// ---- Node → PowerShell ----

export type MethodName = 'ping' | 'invokeStep' | 'runSequence' | 'resumeSequence' | 'getStepTypes' | 'shutdown';

export interface RequestMessage {
  type: 'request';
  id: number;
  method: MethodName;
  params: Record<string, unknown>;
}

export interface CallbackResultMessage {
  type: 'callbackResult';
  id: string;
  /** Without variables (a timed-out handler) the engine keeps the environment as it was before the step. */
  result?: { variables?: VariableRecord; exitCode: number; message: string };
  error?: { message: string };
}

/** Node's first line, after the engine's ready: its own session key, and the message size limit both sides keep. */
export interface AuthMessage {
  type: 'auth';
  key: string;
  maxMessageBytes: number;
}

/** Stops request `id`: its running step as its timeout would, then it answers with error TsSequence.Cancelled. */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type OutgoingMessage = RequestMessage | CallbackResultMessage | AuthMessage | CancelMessage;

/** Narrowing for messages read off the wire: anything unexpected is a protocol error. */
export function asIncomingMessage(value: unknown): IncomingMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as { type?: unknown; id?: unknown };
  switch (message.type) {
    case 'ready':
      return value as ReadyMessage;
    case 'response':
      return typeof message.id === 'number' || message.id === null ? (value as ResponseMessage) : undefined;
    case 'event':
      return typeof message.id === 'number' ? (value as EventMessage) : undefined;
    case 'callback':
      return typeof message.id === 'string' ? (value as CallbackMessage) : undefined;
    case 'callbackCancel':
      return typeof message.id === 'string' ? (value as CallbackCancelMessage) : undefined;
    default:
      return undefined;
  }
}
