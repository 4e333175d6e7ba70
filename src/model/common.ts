import type { Condition } from './conditions.js';

/**
 * A whole number.
 *
 * TypeScript has no integer type, so the model writes `integer` where ConfigMgr stores a whole
 * number; the generator maps it to JSON Schema "integer" and PowerShell [int].
 */
export type integer = number;

/**
 * Options every step and every group has.
 *
 * These are ConfigMgr's "Options for all steps": the name, an optional description, the
 * "Disable this step" and "Continue on error" check boxes and the condition.
 */
export interface CommonOptions {
  /**
   * Name of the step or group. It appears in the log and in results, where a step's path is
   * the names from the root joined by "/". Names need not be unique.
   * @minLength 1
   * @maxLength 100
   */
  name: string;

  /**
   * Free text saying what the step or group does and why.
   * @maxLength 255
   */
  description?: string;

  /**
   * Skips the step or group, with all of its children, without evaluating its condition. The
   * result lists it as Skipped with skipReason Disabled. ConfigMgr: "Disable this step".
   * @default false
   */
  disabled?: boolean;

  /**
   * When the step or group fails, records it as FailedContinued and goes on with the next
   * step instead of failing the enclosing group. ConfigMgr: "Continue on error".
   * @default false
   */
  continueOnError?: boolean;

  /**
   * Condition evaluated just before the step or group runs; when it is false the step or
   * group is skipped with skipReason ConditionFalse. A list means all of its conditions must
   * be true. Absent means always run.
   */
  condition?: Condition;
}

/**
 * Options every step has: the common options plus a time limit.
 *
 * Groups have the common options only.
 */
export interface StepOptions extends CommonOptions {
  /**
   * Time limit in minutes. When it is exceeded the engine terminates the step and the step
   * fails. Fractions are allowed (0.5 is 30 seconds). Absent means no time limit.
   * @minimum 0.01
   * @maximum 999
   */
  timeoutMinutes?: number;

  /**
   * How many times the step runs again when the computer restarts unexpectedly while it runs
   * (a crash, a power loss, an installer that restarts by itself): resume then starts it again
   * instead of failing it with "the computer restarted unexpectedly during this step". Absent
   * means the step type's default: 0, except Install Application and Install Software Updates,
   * where it is 2 as in ConfigMgr (their step files set it). ConfigMgr offers it on those two
   * steps; here every step has it, and a document imported from ConfigMgr carries the value.
   * ConfigMgr: the exported XML's retryCount attribute.
   * @minimum 0
   * @maximum 5
   */
  retryCount?: integer;
}
