import type { StepOptions, integer } from '../common.js';

/**
 * Script parameters: a ConfigMgr-style parameter string, or named values.
 *
 * A string such as -Name 'Value' -Count 3 -Force is parsed as data by the runtime (never run
 * as code); quote values that hold spaces or special characters with single quotes. Named
 * values are passed as a hashtable: a string, a number, true/false (true alone passes a
 * switch) or a list of strings. %NAME% references in the values are expanded after parsing.
 */
export type ScriptParameters = string | Record<string, string | number | boolean | string[]>;

/**
 * Runs a PowerShell script, inline or from a package.
 *
 * Give the script inline with sourceScript, or as scriptName in the package given by
 * packageId. The script runs in the engine's PowerShell with $tsenv available, so
 * ConfigMgr scripts that use Microsoft.SMS.TSEnvironment run unchanged. The script's exit code
 * ($LASTEXITCODE, or 1 when it throws) decides the outcome: one of successCodes is success,
 * and 3010 also asks for a restart after which the sequence resumes with the next step.
 * Parameters are not logged.
 * @displayName Run PowerShell Script
 * @wmiClass SMS_TaskSequence_RunPowerShellScriptAction
 * @example
 * New-TsRunPowerShellScriptStep -Name 'Tag' -SourceScript '$tsenv.Value(''Tagged'') = ''yes''' -OutputVariableName 'TagOutput'
 *
 * Runs an inline script that sets the Tagged variable.
 * @example
 * New-TsRunPowerShellScriptStep -Name 'Configure' -PackageId 'TSQ00001' -ScriptName 'Configure.ps1' -Parameters @{ Mode = 'Full'; Retry = 3 }
 *
 * Runs Configure.ps1 from a package with named parameters.
 */
export interface RunPowerShellScriptStep extends StepOptions {
  /** Step type. */
  type: 'RunPowerShellScript';

  /**
   * Package holding the script given by scriptName.
   * @minLength 1
   * @variable OSDRunPowerShellScriptPackageID
   */
  packageId?: string;

  /**
   * File name of the script in the package given by packageId, such as Configure.ps1.
   * @minLength 1
   * @variable OSDRunPowerShellScriptScriptName
   */
  scriptName?: string;

  /**
   * Text of an inline script, used instead of packageId and scriptName. It is code, so it is
   * never %NAME%-expanded; read variables in the script with $tsenv.Value('NAME').
   * @verbatim
   * @code
   * @minLength 1
   * @variable OSDRunPowerShellScriptSourceScript
   */
  sourceScript?: string;

  /**
   * Parameters for the script (not for powershell.exe): a parameter string such as
   * -Name 'Value' -Force, parsed as data, or named values.
   * @variable OSDRunPowerShellScriptParameters
   */
  parameters?: ScriptParameters;

  /**
   * Execution policy for the script. Bypass runs any script; AllSigned requires a signature.
   * Only Windows enforces execution policies.
   * @default "Bypass"
   * @variable OSDRunPowerShellScriptExecutionPolicy
   */
  executionPolicy?: 'Restricted' | 'AllSigned' | 'RemoteSigned' | 'Unrestricted' | 'Bypass' | 'Undefined';

  /**
   * Task sequence variable that receives the script's output (the last 1000 characters).
   * @maxLength 256
   * @variable OSDRunPowerShellScriptOutputVariableName
   */
  outputVariableName?: string;

  /**
   * Folder the script starts in: absolute, or relative to the package folder (without a
   * package, to the folder of the sequence file).
   * @maxLength 255
   * @variable SMSTSRunPowerShellWorkingDirectory
   */
  workingDirectory?: string;

  /**
   * Run the script as the account given by userName and userPassword instead of the
   * engine's account.
   * @default false
   * @variable _SMSTSRunPowerShellAsUser
   */
  runAsUser?: boolean;

  /**
   * Account the script runs as when runAsUser is set, as DOMAIN\User or User.
   * @variable SMSTSRunPowerShellUserName
   */
  userName?: string;

  /**
   * Password of userName.
   * @secret
   * @variable SMSTSRunPowerShellUserPassword
   */
  userPassword?: string;

  /**
   * Exit codes that mean success. 3010 means success with a restart required.
   * @default [0, 3010]
   * @variable OSDRunPowerShellScriptSuccessCodes
   */
  successCodes?: integer[];
}
