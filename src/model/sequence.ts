import type { CommonOptions, StepOptions } from './common.js';
import type { CheckReadinessStep } from './steps/CheckReadiness.js';
import type { ConnectNetworkFolderStep } from './steps/ConnectNetworkFolder.js';
import type { DownloadPackageContentStep } from './steps/DownloadPackageContent.js';
import type { InstallApplicationStep } from './steps/InstallApplication.js';
import type { InstallPackageStep } from './steps/InstallPackage.js';
import type { InstallSoftwareUpdatesStep } from './steps/InstallSoftwareUpdates.js';
import type { RestartComputerStep } from './steps/RestartComputer.js';
import type { RunCommandLineStep } from './steps/RunCommandLine.js';
import type { RunPowerShellScriptStep } from './steps/RunPowerShellScript.js';
import type { SetDynamicVariablesStep } from './steps/SetDynamicVariables.js';
import type { SetTaskSequenceVariableStep } from './steps/SetTaskSequenceVariable.js';

/**
 * A group of steps that run in order.
 *
 * A step that fails without continueOnError stops its group: the remaining steps of the
 * group are skipped (skipReason GroupFailed) and the group fails. The group's own
 * continueOnError then decides whether the failure stops the enclosing group too. A disabled
 * group, or one whose condition is false, skips all of its children.
 * @displayName Group
 * @wmiClass SMS_TaskSequence_Group
 * @example
 * New-TsGroup -Name 'Tools' -ContinueOnError -Steps @(New-TsRunCommandLineStep -Name 'Hello' -CommandLine 'echo hello')
 *
 * A group whose failure does not stop the sequence.
 */
export interface Group extends CommonOptions {
  /** Step type. */
  type: 'Group';

  /** The steps and groups of this group, run in order. */
  steps: Step[];
}

/**
 * A step implemented in Node.
 *
 * The PowerShell engine calls the handler registered with engine.registerStep(handler, fn)
 * over the bridge, passing the parameters and the variables; variables the handler sets come
 * back with the result. Such a step only runs when the sequence is driven from Node.
 * @displayName Node Step
 * @example
 * @{ type = 'Node'; name = 'Notify'; handler = 'notify'; parameters = @{ channel = 'ops' } }
 *
 * A Node step as a hashtable, to put in a sequence or pipe to Invoke-TsStep from a bridge session.
 */
export interface NodeStep extends StepOptions {
  /** Step type. */
  type: 'Node';

  /**
   * Name the handler was registered under with engine.registerStep in Node.
   * @minLength 1
   * @maxLength 256
   */
  handler: string;

  /** Data handed to the Node handler as its first argument. */
  parameters?: Record<string, unknown>;
}

/** Any step or group of a sequence, told apart by its type property. */
export type Step =
  | CheckReadinessStep
  | ConnectNetworkFolderStep
  | DownloadPackageContentStep
  | InstallApplicationStep
  | InstallPackageStep
  | InstallSoftwareUpdatesStep
  | RestartComputerStep
  | RunCommandLineStep
  | RunPowerShellScriptStep
  | SetDynamicVariablesStep
  | SetTaskSequenceVariableStep
  | Group
  | NodeStep;

/**
 * A task sequence document.
 *
 * The steps run in order with the engine's failure rules; the variables are set before the
 * first step (the --var options of tsseq run and the -Variables parameter of
 * Invoke-TsSequence override them).
 */
export interface SequenceDocument {
  /** Path or URL of the JSON schema of this document, for editors. */
  $schema?: string;

  /**
   * Identifier of the sequence, as ConfigMgr's task sequence package ID (such as TSQ00001);
   * steps and scripts read it as _SMSTSPackageID, which is not set when the id is absent.
   * @minLength 1
   * @maxLength 64
   * @pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$
   */
  id?: string;

  /**
   * Name of the sequence; steps and scripts read it as _SMSTSPackageName.
   * @minLength 1
   * @maxLength 100
   */
  name: string;

  /**
   * What the sequence does.
   * @maxLength 255
   */
  description?: string;

  /**
   * Content catalog of the packages, applications and updates the steps use: a path relative
   * to this file, or an http(s) URL.
   * @minLength 1
   */
  catalog?: string;

  /** Task sequence variables set before the first step: names mapped to string values. */
  variables?: Record<string, string>;

  /** The steps and groups of the sequence, run in order. */
  steps: Step[];
}
