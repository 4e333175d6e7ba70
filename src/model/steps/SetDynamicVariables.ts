import type { StepOptions } from '../common.js';
import type { Condition } from '../conditions.js';

/** A variable that a dynamic variable rule sets. */
export interface DynamicVariable {
  /**
   * Name of the task sequence variable to set.
   * @maxLength 256
   */
  name: string;

  /**
   * Value to set; an empty string deletes the variable.
   * @maxLength 4000
   */
  value: string;

  /**
   * The value is a secret: masked in logs and results. ConfigMgr: "Do not display this
   * value".
   * @default false
   */
  isSecret?: boolean;
}

/**
 * Computer identity values to match.
 *
 * Each field is a value or a list of values; the rule applies when any given value matches
 * the computer (ConfigMgr's OR semantics).
 */
export interface ComputerMatch {
  /** MAC addresses, such as 00-11-22-33-44-55 or 00:11:22:33:44:55 (separators ignored). */
  macAddress?: string | string[];

  /** Serial numbers (BIOS serial number). */
  serialNumber?: string | string[];

  /** SMBIOS UUIDs. */
  uuid?: string | string[];

  /** Asset tags. */
  assetTag?: string | string[];
}

/** Network location to match: the rule applies when the computer has any given default gateway. */
export interface LocationMatch {
  /** Default gateway IP addresses. */
  defaultGateway: string | string[];
}

/** Make and model to match, with wildcards * (any characters) and ? (one character). */
export interface MakeModelMatch {
  /**
   * Manufacturer pattern, such as Dell*.
   * @minLength 1
   */
  make: string;

  /**
   * Model pattern, such as OptiPlex 7?0.
   * @minLength 1
   */
  model: string;
}

/** Rule that applies when the computer's identity matches. */
export interface ComputerRule {
  /** Identity values, any of which matches. */
  computer: ComputerMatch;

  /** Variables to set when the rule applies, in order. */
  variables: DynamicVariable[];
}

/** Rule that applies when the computer is at a network location. */
export interface LocationRule {
  /** Location to match. */
  location: LocationMatch;

  /** Variables to set when the rule applies, in order. */
  variables: DynamicVariable[];
}

/** Rule that applies when both the make and the model match. */
export interface MakeModelRule {
  /** Make and model to match. */
  makeModel: MakeModelMatch;

  /** Variables to set when the rule applies, in order. */
  variables: DynamicVariable[];
}

/** Rule that applies when a condition is true (ConfigMgr's task sequence variable rule, generalised). */
export interface ConditionRule {
  /** Condition to evaluate. */
  condition: Condition;

  /** Variables to set when the rule applies, in order. */
  variables: DynamicVariable[];
}

/** Rule without a matcher: its variables are always set. */
export interface UnconditionalRule {
  /** Variables to set, in order. */
  variables: DynamicVariable[];
}

/** One Set Dynamic Variables rule: at most one matcher, and the variables it sets. */
export type DynamicVariableRule = ComputerRule | LocationRule | MakeModelRule | ConditionRule | UnconditionalRule;

/**
 * Sets task sequence variables from rules that match the computer.
 *
 * Rules are evaluated in order and a later rule wins for the same variable. A rule matches
 * the computer's identity (MAC address, serial number, UUID or asset tag), its network
 * location (default gateway), its make and model (with wildcards), or a condition; a rule
 * with no matcher always applies. The step first sets the read-only variables _SMSTSMake,
 * _SMSTSModel, _SMSTSMacAddresses, _SMSTSIPAddresses, _SMSTSDefaultGateways,
 * _SMSTSSerialNumber, _SMSTSAssetTag and _SMSTSUUID.
 * @displayName Set Dynamic Variables
 * @wmiClass SMS_TaskSequence_SetDynamicVariablesAction
 * @example
 * New-TsSetDynamicVariablesStep -Name 'Site rules' -Rules @(@{ location = @{ defaultGateway = '10.0.0.1' }; variables = @(@{ name = 'Site'; value = 'A' }) })
 *
 * Sets Site to A on computers whose default gateway is 10.0.0.1.
 */
export interface SetDynamicVariablesStep extends StepOptions {
  /** Step type. */
  type: 'SetDynamicVariables';

  /**
   * Rules evaluated in order; each sets its variables when it matches.
   * @variable OSDSetDynamicVariablesRules
   */
  rules: DynamicVariableRule[];
}
