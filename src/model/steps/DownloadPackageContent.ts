import type { StepOptions } from '../common.js';

/**
 * Downloads the content of one or more packages from the content catalog.
 *
 * Packages are downloaded in list order from the catalog's content sources (each source is
 * tried in turn), every file is checked against its SHA-256 hash and size, and a package is
 * placed atomically. With destinationVariable set to MyContent the local paths are saved as
 * MyContent01, MyContent02, and so on, in list order; several conditional instances of this
 * step may share one base name. The step also sets OSDPackageCount and, per package (index
 * from 0), OSDPackage<i>Name, OSDPackage<i>PackageId, OSDPackage<i>PkgType and
 * OSDPackage<i>Size (in KB).
 * @displayName Download Package Content
 * @wmiClass SMS_TaskSequence_DownloadPackageContentAction
 * @example
 * New-TsDownloadPackageContentStep -Name 'Get tools' -DownloadPackages 'TSQ00001', 'TSQ00002' -DestinationVariable 'ToolsPath'
 *
 * Downloads two packages to the task sequence cache and saves their paths as ToolsPath01 and ToolsPath02.
 */
export interface DownloadPackageContentStep extends StepOptions {
  /** Step type. */
  type: 'DownloadPackageContent';

  /**
   * Identifiers of the packages to download, in order.
   * @minLength 1
   * @variable OSDDownloadDownloadPackages
   */
  downloadPackages: string[];

  /**
   * Where to put the content: TSCache is the task sequence working directory, CCMCache the
   * management client cache, Custom the folder given by destinationCustomPath (the package
   * identifier is appended to that path).
   * @default "TSCache"
   * @variable OSDDownloadDestinationLocationType
   */
  destinationLocationType?: 'TSCache' | 'CCMCache' | 'Custom';

  /**
   * Folder the content is moved to when destinationLocationType is Custom.
   * @variable OSDDownloadDestinationPath
   */
  destinationCustomPath?: string;

  /**
   * Base name of the variables that receive the local path of each package, numbered 01, 02
   * and so on in list order.
   * @maxLength 254
   * @variable OSDDownloadDestinationVariable
   */
  destinationVariable?: string;

  /**
   * If a package fails to download, go on downloading the other packages.
   * @default true
   * @variable OSDDownloadContinueDownloadOnError
   */
  continueDownloadOnError?: boolean;
}
