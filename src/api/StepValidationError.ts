// The error a builder (steps.*, sequence) or Engine.invokeStep throws for a step that does not
// match the sequence schema. It is an InvalidDocumentError, so code that already handles invalid
// documents (the CLI's exit code 2, a caller's catch) handles it too.
import { InvalidDocumentError } from '../bridge/validateDocument.js';
import type { DocumentProblem } from '../bridge/schemaErrors.js';

export class StepValidationError extends InvalidDocumentError {
  override name = 'StepValidationError';

  /**
   * @param source What refused the step, such as `steps.runCommandLine()` or `invokeStep`: the
   *   message starts with it.
   * @param problems Every problem, each with its JSON path from the step (`$.commandLine`) and
   *   what was expected (`must be string`).
   */
  constructor(source: string, problems: DocumentProblem[]) {
    super(problems, source, 'schema');
  }

  /** JSON path of the first problem, such as `$.commandLine` or `$.steps[0].variableName`. */
  get path(): string {
    return this.problems[0]?.path ?? '$';
  }
}
