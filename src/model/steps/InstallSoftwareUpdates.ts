import type { StepOptions, integer } from '../common.js';

/**
 * Installs the software updates the content catalog offers for this computer.
 *
 * Each update's detection rule decides whether it is needed; needed updates are installed in
 * catalog order. An update exiting with 3010 asks for a restart; the sequence resumes after
 * it. On Windows the platform provider may use Windows Update instead.
 * @displayName Install Software Updates
 * @wmiClass SMS_TaskSequence_InstallUpdateAction
 * @example
 * New-TsInstallSoftwareUpdatesStep -Name 'Updates' -Target 'All'
 *
 * Installs every applicable update, mandatory or not.
 */
export interface InstallSoftwareUpdatesStep extends StepOptions {
  /** Step type. */
  type: 'InstallSoftwareUpdates';

  /**
   * Which updates to install: Mandatory installs only updates marked mandatory (ConfigMgr
   * "Required for installation"), All installs every applicable update ("Available").
   * @default "Mandatory"
   * @variable SMSInstallUpdateTarget
   */
  target?: 'Mandatory' | 'All';

  /**
   * Evaluate updates from cached scan results instead of a fresh scan.
   * @default true
   * @variable SMSTSSoftwareUpdateScanUseCache
   */
  useCache?: boolean;

  /**
   * The common option retryCount with ConfigMgr's default for this step: 2.
   * @default 2
   */
  retryCount?: integer;
}
