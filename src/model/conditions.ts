/**
 * Operators of a task sequence variable condition.
 *
 * exists and notExists ignore the value. equals and notEquals compare ignoring case. less,
 * lessEqual, greater and greaterEqual compare numerically when both sides are numbers, as
 * versions when both look like a.b[.c[.d]], else as text ignoring case. like and notLike use
 * PowerShell wildcards (* ? [a-z]), ignoring case.
 */
export type VariableOperator = RegistryOperator | 'like' | 'notLike';

/** Operators that compare a file version or a timestamp with the value given. */
export type ComparisonOperator = 'equals' | 'notEquals' | 'less' | 'lessEqual' | 'greater' | 'greaterEqual';

/** Operators of a registry condition: existence of the value, or a comparison of its data. */
export type RegistryOperator = 'exists' | 'notExists' | ComparisonOperator;

/** Registry value types; the type only matters for the exists operator. */
export type RegistryValueType =
  | 'REG_SZ'
  | 'REG_EXPAND_SZ'
  | 'REG_DWORD'
  | 'REG_MULTI_SZ'
  | 'REG_BINARY'
  | 'REG_QWORD'
  | 'REG_NONE';

/** How an installed-software condition matches: any version of a product family, or one exact product. */
export type SoftwareOperator = 'anyVersion' | 'thisVersion';

/** Operating system platforms an os condition can name. */
export type OsPlatform = 'windows' | 'linux' | 'macos';

/**
 * Compares a task sequence variable with a value.
 *
 * ConfigMgr: SMS_TaskSequence_VariableConditionExpression.
 */
export interface VariableCondition {
  /**
   * Name of the task sequence variable (case-insensitive).
   * @minLength 1
   * @maxLength 256
   */
  variable: string;

  /** How the variable is compared with the value. */
  operator: VariableOperator;

  /** Value to compare with; not used by exists and notExists. */
  value?: string;
}

/** True when every condition in the list is true (ConfigMgr "If All"). */
export interface AllCondition {
  /** Conditions that must all be true. */
  all: ConditionExpression[];
}

/** True when at least one condition in the list is true (ConfigMgr "If Any"). */
export interface AnyCondition {
  /** Conditions of which at least one must be true. */
  any: ConditionExpression[];
}

/** True when no condition in the list is true (ConfigMgr "If None"). */
export interface NoneCondition {
  /** Conditions that must all be false. */
  none: ConditionExpression[];
}

/**
 * File properties to test.
 *
 * ConfigMgr: SMS_TaskSequence_FileConditionExpression.
 */
export interface FileConditionProperties {
  /**
   * Path of the file; task sequence and environment variables (%NAME%) are expanded. With
   * only a path the condition tests that the file exists.
   * @minLength 1
   */
  path: string;

  /** File version to compare with, such as 1.2.3.4; requires versionOperator. */
  version?: string;

  /** How the file version is compared with version. */
  versionOperator?: ComparisonOperator;

  /**
   * Timestamp to compare the file's last write time with, in ISO 8601 form; compared in UTC.
   * Requires dateTimeOperator.
   * @pattern ^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$
   */
  dateTime?: string;

  /** How the file's last write time is compared with dateTime. */
  dateTimeOperator?: ComparisonOperator;
}

/** True when a file exists and, if given, its version and timestamp compare as asked. */
export interface FileCondition {
  /** The file to test. */
  file: FileConditionProperties;
}

/**
 * Folder properties to test.
 *
 * ConfigMgr: SMS_TaskSequence_FolderConditionExpression.
 */
export interface FolderConditionProperties {
  /**
   * Path of the folder; %NAME% variables are expanded. With only a path the condition tests
   * that the folder exists.
   * @minLength 1
   */
  path: string;

  /**
   * Timestamp to compare the folder's last write time with, in ISO 8601 form; compared in
   * UTC. Requires dateTimeOperator.
   * @pattern ^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$
   */
  dateTime?: string;

  /** How the folder's last write time is compared with dateTime. */
  dateTimeOperator?: ComparisonOperator;
}

/** True when a folder exists and, if given, its timestamp compares as asked. */
export interface FolderCondition {
  /** The folder to test. */
  folder: FolderConditionProperties;
}

/**
 * Registry value to test (Windows only; false elsewhere).
 *
 * ConfigMgr: SMS_TaskSequence_RegistryConditionExpression.
 */
export interface RegistryConditionProperties {
  /**
   * Registry key including its hive, such as HKLM\SOFTWARE\Contoso.
   * @minLength 1
   */
  keyPath: string;

  /**
   * Name of the value; empty means the key's default value.
   * @maxLength 250
   */
  value?: string;

  /** Type of the value; only matters for the exists operator. */
  type?: RegistryValueType;

  /** Existence test, or how the value's data is compared with data. */
  operator: RegistryOperator;

  /** Data to compare the value with; not used by exists and notExists. */
  data?: string;
}

/** True when a registry value exists or its data compares as asked. */
export interface RegistryCondition {
  /** The registry value to test. */
  registry: RegistryConditionProperties;
}

/**
 * WMI query to run (Windows only; false elsewhere).
 *
 * ConfigMgr: SMS_TaskSequence_WMIConditionExpression.
 */
export interface WmiConditionProperties {
  /**
   * WMI namespace of the query.
   * @default "root\\cimv2"
   * @minLength 1
   */
  namespace?: string;

  /**
   * WQL query, such as SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%Virtual%'.
   * @minLength 1
   * @maxLength 16384
   */
  query: string;
}

/** True when a WMI query returns at least one instance. */
export interface WmiCondition {
  /** The query to run. */
  wmi: WmiConditionProperties;
}

/**
 * Installed product to look for (MSI products on Windows; elsewhere the platform's package
 * database where the runtime supports it).
 *
 * ConfigMgr: SMS_TaskSequence_SoftwareConditionExpression.
 */
export interface SoftwareConditionProperties {
  /** anyVersion matches the upgrade code; thisVersion matches the product code and version. */
  operator: SoftwareOperator;

  /** MSI product code (a GUID in braces) of the exact product; used by thisVersion. */
  productCode?: string;

  /** Display name of the product. */
  productName?: string;

  /** MSI upgrade code (a GUID in braces) of the product family; used by anyVersion. */
  upgradeCode?: string;

  /** Product version; used by thisVersion. */
  version?: string;
}

/** True when a product is installed. */
export interface SoftwareCondition {
  /** The product to look for. */
  software: SoftwareConditionProperties;
}

/** Operating system to match. */
export interface OsConditionProperties {
  /** Platforms any of which matches; absent means any platform. */
  platform?: OsPlatform[];

  /** Lowest operating system version that matches, such as 10.0; compared as a version. */
  minVersion?: string;
}

/** True when the computer runs one of the given platforms, at or above a version. */
export interface OsCondition {
  /** The operating systems that match. */
  os: OsConditionProperties;
}

/** One condition: a variable comparison, a combination of conditions, or a test of the computer. */
export type ConditionExpression =
  | VariableCondition
  | AllCondition
  | AnyCondition
  | NoneCondition
  | FileCondition
  | FolderCondition
  | RegistryCondition
  | WmiCondition
  | SoftwareCondition
  | OsCondition;

/**
 * A step or group condition: one condition, or a list whose conditions must all be true (the
 * root of a ConfigMgr condition is an implicit AND).
 */
export type Condition = ConditionExpression | ConditionExpression[];
