// A small model in ts-morph's in-memory file system, for reader and validator tests.
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget } from 'ts-morph';

export const FIXTURE_COMMON = `
import type { Condition } from './conditions.js';
export type integer = number;
/** Options of every step and group. */
export interface CommonOptions {
  /**
   * The name.
   * @minLength 1
   * @maxLength 100
   */
  name: string;
  /** The condition. */
  condition?: Condition;
}
/** Options of every step. */
export interface StepOptions extends CommonOptions {
  /**
   * Time limit in minutes.
   * @minimum 0.01
   * @maximum 999
   */
  timeoutMinutes?: number;
}
`;

export const FIXTURE_CONDITIONS = `
/** Variable operators. */
export type Operator = 'equals' | 'exists';
/** Compares a variable. */
export interface VariableCondition {
  /**
   * Variable name.
   * @minLength 1
   */
  variable: string;
  /** How to compare. */
  operator: Operator;
}
/** All must be true. */
export interface AllCondition {
  /** The conditions. */
  all: Condition[];
}
/** A condition. */
export type Condition = VariableCondition | AllCondition;
`;

export const FIXTURE_STEP = `
import type { StepOptions, integer } from '../common.js';
/** Speeds. */
export type Mode = 'Fast' | 'Slow';
/**
 * Does a fixture thing. It has a second sentence.
 *
 * A second paragraph.
 * @displayName Fixture Step
 * @wmiClass SMS_TaskSequence_FixtureAction
 * @example
 * New-TsFixtureStep -Name 'x' -Text 'y' -Table @{ A = 1 }
 *
 * Builds a fixture step.
 */
export interface FixtureStep extends StepOptions {
  /** Step type. */
  type: 'Fixture';
  /**
   * Required text.
   * @minLength 1
   * @maxLength 10
   * @variable FixtureText
   */
  text: string;
  /** A colour. */
  color?: 'red' | 'green';
  /**
   * A mode.
   * @default "Slow"
   */
  mode?: Mode;
  /**
   * Retries.
   * @default 2
   * @minimum 1
   * @maximum 5
   */
  retries?: integer;
  /**
   * Exit codes.
   * @default [0, 3010]
   */
  codes?: integer[];
  /**
   * A password.
   * @secret
   */
  password?: string;
  /**
   * Script text.
   * @verbatim
   * @code
   */
  script?: string;
  /**
   * A flag that is on.
   * @default true
   */
  flag?: boolean;
  /**
   * A flag that is off.
   * @default false
   */
  quiet?: boolean;
  /** Names. */
  names?: string[];
  /** Ratio. */
  ratio?: number;
}
`;

export const FIXTURE_SEQUENCE = `
import type { CommonOptions, StepOptions } from './common.js';
import type { FixtureStep } from './steps/Fixture.js';
/**
 * A group.
 * @displayName Group
 * @wmiClass SMS_TaskSequence_Group
 * @example
 * New-TsGroup -Name 'g' -Steps @()
 */
export interface Group extends CommonOptions {
  /** Step type. */
  type: 'Group';
  /** Children. */
  steps: Step[];
}
/**
 * A Node step.
 * @displayName Node Step
 * @example
 * @{ type = 'Node'; name = 'n'; handler = 'h' }
 */
export interface NodeStep extends StepOptions {
  /** Step type. */
  type: 'Node';
  /**
   * Handler.
   * @minLength 1
   */
  handler: string;
  /** Data. */
  parameters?: Record<string, unknown>;
}
/** Any step. */
export type Step = FixtureStep | Group | NodeStep;
/** A document. */
export interface SequenceDocument {
  /** Schema. */
  $schema?: string;
  /**
   * Name.
   * @minLength 1
   */
  name: string;
  /** Variables. */
  variables?: Record<string, string>;
  /** Steps. */
  steps: Step[];
}
`;

/** An in-memory project holding the fixture model under /model, with optional file overrides. */
export function fixtureProject(overrides: Record<string, string> = {}): Project {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { target: ScriptTarget.ES2022, module: ModuleKind.ESNext, moduleResolution: ModuleResolutionKind.Bundler, strict: true },
  });
  const files: Record<string, string> = {
    '/model/common.ts': FIXTURE_COMMON,
    '/model/conditions.ts': FIXTURE_CONDITIONS,
    '/model/sequence.ts': FIXTURE_SEQUENCE,
    '/model/steps/Fixture.ts': FIXTURE_STEP,
    ...overrides,
  };
  for (const [path, text] of Object.entries(files)) project.createSourceFile(path, text);
  return project;
}
