import type { StepOptions } from '../common.js';

/**
 * Sets a task sequence variable.
 *
 * The value is %NAME%-expanded once (a substituted value is never expanded again); an empty
 * value deletes the variable. Read-only variables (names starting with _) cannot be set.
 * Variables set while the sequence runs override those the sequence document declares.
 * @displayName Set Task Sequence Variable
 * @wmiClass SMS_TaskSequence_SetVariableAction
 * @example
 * New-TsSetTaskSequenceVariableStep -Name 'Log dir' -VariableName 'LogDir' -VariableValue '%AppRoot%/logs'
 *
 * Sets LogDir from the AppRoot variable.
 */
export interface SetTaskSequenceVariableStep extends StepOptions {
  /** Step type. */
  type: 'SetTaskSequenceVariable';

  /**
   * Name of the variable to set: letters, digits, _ and -, starting with a letter. %NAME%
   * references are expanded first; setting a read-only name (starting with _) fails the step.
   * @minLength 1
   * @maxLength 256
   */
  variableName: string;

  /**
   * Value to set; %NAME% references are expanded. An empty value deletes the variable.
   * @minLength 0
   * @maxLength 4000
   */
  variableValue: string;

  /**
   * The value is a secret: masked in logs, results and saved state. ConfigMgr: "Do not
   * display this value".
   * @default false
   */
  doNotShowVariableValue?: boolean;
}
