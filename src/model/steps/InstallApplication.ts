import type { StepOptions, integer } from '../common.js';

/**
 * Installs applications from the content catalog, in the order listed.
 *
 * Each application's requirements are checked, the applicable deployment type is installed
 * (its dependencies first) and its detection rule decides whether it is already installed.
 * Give the applications by name in applicationName, or as a dynamic list with
 * baseVariableName: the variables <base>01, <base>02 and so on each hold one application name
 * (case-sensitive; the list ends at the first missing number). Without continueOnInstallError
 * the first failing application ends the step. An application exiting with 3010 asks for a
 * restart; the sequence resumes after it. The step sets _TSAppInstallStatus to Success,
 * Warning (an application was skipped for an unmet requirement) or Error.
 * @displayName Install Application
 * @wmiClass SMS_TaskSequence_InstallApplicationAction
 * @example
 * New-TsInstallApplicationStep -Name 'Base apps' -ApplicationName 'Runtime', 'Tools' -ContinueOnInstallError
 *
 * Installs Runtime then Tools, going on to Tools even if Runtime fails.
 */
export interface InstallApplicationStep extends StepOptions {
  /** Step type. */
  type: 'InstallApplication';

  /**
   * Names of the applications to install, in order. Required unless baseVariableName is set.
   * @minLength 1
   */
  applicationName?: string[];

  /**
   * Base name of a dynamic list of applications: the variables <base>01, <base>02 and so on
   * hold the application names. Used instead of applicationName.
   * @maxLength 254
   */
  baseVariableName?: string;

  /**
   * If an application fails to install, go on installing the other applications; the step
   * still fails at the end.
   * @default false
   */
  continueOnInstallError?: boolean;

  /**
   * Delete each application's content from the cache after it is installed.
   * @default false
   * @variable OSDAppClearCache
   */
  clearCache?: boolean;

  /**
   * The common option retryCount with ConfigMgr's default for this step: 2.
   * @default 2
   */
  retryCount?: integer;
}
