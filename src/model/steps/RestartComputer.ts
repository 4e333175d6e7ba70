import type { StepOptions, integer } from '../common.js';

/**
 * Restarts the computer and continues the sequence with the next step.
 *
 * State is saved before the restart. The platform provider restarts the machine and resumes
 * the sequence at boot; the exit provider (tests, CI, containers) saves state and exits with
 * 3010 so that "tsseq resume" continues. When messageTimeout is above 0 the message is shown
 * to a logged-on user for that many seconds first.
 * @displayName Restart Computer
 * @wmiClass SMS_TaskSequence_RebootAction
 * @example
 * New-TsRestartComputerStep -Name 'Restart' -Message 'Tools were updated; restarting.' -MessageTimeout 30
 *
 * Warns the user for 30 seconds, then restarts.
 */
export interface RestartComputerStep extends StepOptions {
  /** Step type. */
  type: 'RestartComputer';

  /**
   * What to start after the restart: HD is the installed operating system; WinPE is the boot
   * image of the sequence (ConfigMgr only; tsseq treats it as HD).
   * @default "HD"
   * @variable SMSRebootTarget
   */
  target?: 'HD' | 'WinPE';

  /**
   * Message shown to a logged-on user before the restart.
   * @maxLength 512
   * @variable SMSRebootMessage
   */
  message?: string;

  /**
   * Seconds the message is shown before the restart; 0 restarts without notice.
   * @default 60
   * @minimum 0
   * @maximum 86400
   * @variable SMSRebootTimeout
   */
  messageTimeout?: integer;
}
