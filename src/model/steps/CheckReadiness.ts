import type { StepOptions, integer } from '../common.js';

/**
 * Checks that the computer meets the requirements for the rest of the sequence.
 *
 * Every enabled check is evaluated, even after one fails, and each outcome is logged; the step
 * fails with exit code 4316 only after all checks ran. Each check sets a read-only result
 * variable to 1 (passed) or 0 (failed), left empty when the check is not enabled:
 * _TS_CRMEMORY, _TS_CRSPEED, _TS_CRDISK, _TS_CROSTYPE, _TS_CRARCH, _TS_CRMINOSVER,
 * _TS_CRMAXOSVER, _TS_CRCLIENTMINVER, _TS_CROSLANGUAGE, _TS_CRACPOWER, _TS_CRNETWORK,
 * _TS_CRWIRED and _TS_CRUEFI. With continueOnError the step only logs the results. The memory,
 * processor speed, free disk space and OS type checks are on by default; the others are off.
 * @displayName Check Readiness
 * @wmiClass SMS_TaskSequence_PrestartCheckAction
 * @example
 * New-TsCheckReadinessStep -Name 'Enough memory' -Memory 2048 -CheckOsType $false
 *
 * Requires 2048 MB of memory, 800 MHz, 25000 MB of free disk space, and accepts any OS type.
 */
export interface CheckReadinessStep extends StepOptions {
  /** Step type. */
  type: 'CheckReadiness';

  /**
   * Check that the computer has at least the memory given by memory.
   * @default true
   * @variable OSDCheckMemory
   */
  checkMemory?: boolean;

  /**
   * Minimum physical memory in megabytes.
   * @default 512
   * @minimum 0
   * @variable OSDMemory
   */
  memory?: integer;

  /**
   * Check that the processor runs at least at the speed given by processorSpeed.
   * @default true
   * @variable OSDCheckProcessorSpeed
   */
  checkProcessorSpeed?: boolean;

  /**
   * Minimum processor speed in megahertz.
   * @default 800
   * @minimum 0
   * @variable OSDProcessorSpeed
   */
  processorSpeed?: integer;

  /**
   * Check that the system disk has at least the free space given by freeDiskSpace.
   * @default true
   * @variable OSDCheckFreeDiskSpace
   */
  checkFreeDiskSpace?: boolean;

  /**
   * Minimum free disk space in megabytes.
   * @default 25000
   * @minimum 0
   * @variable OSDFreeDiskSpace
   */
  freeDiskSpace?: integer;

  /**
   * Check that the current operating system is of the type given by osType.
   * @default true
   * @variable OSDCheckOSType
   */
  checkOsType?: boolean;

  /**
   * Operating system type required: CLIENT (workstation) or SERVER.
   * @default "CLIENT"
   * @variable OSDOSType
   */
  osType?: 'CLIENT' | 'SERVER';

  /**
   * Check that the operating system architecture is the one given by osArchitecture.
   * @default false
   * @variable OSDCheckOSArchitecture
   */
  checkOsArchitecture?: boolean;

  /**
   * Operating system architecture required, in bits.
   * @default "64"
   * @variable OSDOSArchitecture
   */
  osArchitecture?: '32' | '64';

  /**
   * Check that the operating system version is later than minOsVersion.
   * @default false
   * @variable OSDCheckMinOSVersion
   */
  checkMinOsVersion?: boolean;

  /**
   * Version the operating system must be later than, such as 10.0.16299.
   * @pattern ^\d+(\.\d+){0,3}$
   * @variable OSDMinOSVersion
   */
  minOsVersion?: string;

  /**
   * Check that the operating system version is earlier than maxOsVersion.
   * @default false
   * @variable OSDCheckMaxOsVersion
   */
  checkMaxOsVersion?: boolean;

  /**
   * Version the operating system must be earlier than, such as 10.0.26100.
   * @pattern ^\d+(\.\d+){0,3}$
   * @variable OSDMaxOSVersion
   */
  maxOsVersion?: string;

  /**
   * Check that the management client is at least the version given by cmClientMinVersion.
   * @default false
   * @variable OSDCheckCMClientMinVersion
   */
  checkCmClientMinVersion?: boolean;

  /**
   * Minimum management client version, such as 5.00.8913.1005.
   * @pattern ^\d+(\.\d+){0,3}$
   * @variable OSDCMClientMinVersion
   */
  cmClientMinVersion?: string;

  /**
   * Check that the operating system language is the one given by osLanguageId.
   * @default false
   * @variable OSDCheckOSLanguageID
   */
  checkOsLanguageId?: boolean;

  /**
   * Language identifier (LCID) the operating system must have, such as 1033 for English
   * (United States).
   * @minimum 0
   * @variable OSDOSLanguageID
   */
  osLanguageId?: integer;

  /**
   * Check that the computer runs on AC power, not on battery.
   * @default false
   * @variable OSDCheckPowerState
   */
  checkPowerState?: boolean;

  /**
   * Check that a network adapter is connected.
   * @default false
   * @variable OSDCheckNetworkConnected
   */
  checkNetworkConnected?: boolean;

  /**
   * With checkNetworkConnected, also check that the connected adapter is not wireless.
   * @default false
   * @variable OSDCheckNetworkWired
   */
  checkNetworkWired?: boolean;

  /**
   * Check that the computer booted in UEFI mode (sets _TS_CRUEFI to 1 for UEFI, 0 for BIOS).
   * @default false
   * @variable OSDCheckDeviceUEFI
   */
  checkDeviceUefi?: boolean;
}
