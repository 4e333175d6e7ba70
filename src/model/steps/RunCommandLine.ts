import type { StepOptions, integer } from '../common.js';

/**
 * Runs a command line.
 *
 * The command line is %NAME%-expanded, then run as ConfigMgr runs it: on Windows the first
 * word is the program and the rest its arguments (write cmd.exe /c for pipes, redirection or
 * built-ins such as copy); on Unix it runs through /bin/sh -c. Standard input is closed, so
 * the command must not wait for input. The exit code decides the outcome: one of
 * successCodes is success, and 3010 also asks for a restart after which the sequence resumes
 * with the next step. With packageId the command runs in the downloaded package folder.
 * @displayName Run Command Line
 * @wmiClass SMS_TaskSequence_RunCommandLineAction
 * @example
 * New-TsRunCommandLineStep -Name 'Hello' -CommandLine 'echo hi' -OutputVariableName 'Greeting'
 *
 * Runs echo and saves its output in the Greeting variable.
 */
export interface RunCommandLineStep extends StepOptions {
  /** Step type. */
  type: 'RunCommandLine';

  /**
   * Command line to run; %NAME% references to task sequence variables are expanded first.
   * @minLength 1
   * @maxLength 32000
   * @code
   * @variable CommandLine
   */
  commandLine: string;

  /**
   * Package whose downloaded content holds the files the command needs; the command starts
   * in the package folder unless workingDirectory says otherwise.
   * @minLength 1
   * @variable PackageID
   */
  packageId?: string;

  /**
   * Folder the command starts in: absolute, or relative to the package folder (without a
   * package, to the folder of the sequence file). ConfigMgr:
   * "Start in".
   * @maxLength 255
   * @variable WorkingDirectory
   */
  workingDirectory?: string;

  /**
   * On 64-bit Windows, run the command without file system redirection for 32-bit
   * processes. Ignored elsewhere.
   * @default false
   * @variable SMSTSDisableWow64Redirection
   */
  disableWow64Redirection?: boolean;

  /**
   * Task sequence variable that receives the command's output (the last 1000 characters).
   * @maxLength 256
   * @variable SMSTSRunCommandLineOutputVariableName
   */
  outputVariableName?: string;

  /**
   * Run the command as the account given by userName and userPassword instead of the
   * engine's account.
   * @default false
   * @variable _SMSTSRunCommandLineAsUser
   */
  runAsUser?: boolean;

  /**
   * Account the command runs as when runAsUser is set, as DOMAIN\User or User.
   * @variable SMSTSRunCommandLineUserName
   */
  userName?: string;

  /**
   * Password of userName.
   * @secret
   * @variable SMSTSRunCommandLineUserPassword
   */
  userPassword?: string;

  /**
   * Exit codes that mean success. 3010 means success with a restart required.
   * @default [0, 3010]
   * @variable SuccessCodes
   */
  successCodes?: integer[];
}
