import type { StepOptions } from '../common.js';

/**
 * Installs a package by running one of its programs.
 *
 * The package content is downloaded from the content catalog and the program's command line
 * runs in the package folder; the program's success codes decide the outcome, and 3010 asks
 * for a restart after which the sequence resumes. Give the package with packageId and
 * programName, or as a dynamic list with baseVariableName: the variables <base>001, <base>002
 * and so on each hold PACKAGEID:Program Name (case-sensitive; the list ends at the first
 * missing number).
 * @displayName Install Package
 * @wmiClass SMS_TaskSequence_InstallSoftwareAction
 * @example
 * New-TsInstallPackageStep -Name 'Tools' -PackageId 'TSQ00001' -ProgramName 'Install'
 *
 * Runs the Install program of package TSQ00001.
 */
export interface InstallPackageStep extends StepOptions {
  /** Step type. */
  type: 'InstallPackage';

  /**
   * Identifier of the package to install. Required unless baseVariableName is set.
   * @minLength 1
   */
  packageId?: string;

  /**
   * Name of the package program to run; required with packageId.
   * @minLength 1
   * @variable _SMSSWDProgramName
   */
  programName?: string;

  /**
   * Base name of a dynamic list of packages: the variables <base>001, <base>002 and so on
   * hold PACKAGEID:Program Name. Used instead of packageId and programName.
   * @maxLength 253
   */
  baseVariableName?: string;

  /**
   * With baseVariableName, if a package fails to install go on installing the others; the
   * step still fails at the end.
   * @default false
   */
  continueOnInstallError?: boolean;
}
