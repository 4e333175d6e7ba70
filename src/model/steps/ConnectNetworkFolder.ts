import type { StepOptions } from '../common.js';

/**
 * Connects to a shared network folder, optionally as a drive letter.
 *
 * The connection uses the account given by username and password and lasts until the
 * sequence ends. On Windows a drive letter from D: to Z: may be mapped (avoid X:, the WinPE
 * system drive); without a drive letter the share is connected by path only. On other
 * platforms the runtime mounts the share where the platform supports it.
 * @displayName Connect To Network Folder
 * @wmiClass SMS_TaskSequence_ConnectNetworkFolderAction
 * @example
 * New-TsConnectNetworkFolderStep -Name 'Map share' -Path '\\server\share' -DriveLetter 'S:' -Username 'CONTOSO\deploy' -Password '%DeployPassword%'
 *
 * Maps \\server\share to S: with an account whose password comes from a task sequence variable.
 */
export interface ConnectNetworkFolderStep extends StepOptions {
  /** Step type. */
  type: 'ConnectNetworkFolder';

  /**
   * UNC path of the shared folder, such as \\server\share.
   * @minLength 1
   * @maxLength 255
   * @variable SMSConnectNetworkFolderPath
   */
  path: string;

  /**
   * Drive letter to map the share to, from D: to Z:. Absent means no drive letter.
   * @pattern ^[D-Zd-z]:$
   * @variable SMSConnectNetworkFolderDriveLetter
   */
  driveLetter?: string;

  /**
   * Account used to connect, as DOMAIN\User.
   * @minLength 1
   * @variable SMSConnectNetworkFolderAccount
   */
  username: string;

  /**
   * Password of the account.
   * @secret
   * @variable SMSConnectNetworkFolderPassword
   */
  password: string;
}
