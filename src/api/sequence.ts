// sequence({ name, steps }): a typed sequence document, checked as runSequence and tsseq validate
// check documents, so a built document that would be refused fails where it was built.
import { validateDocument } from '../bridge/validateDocument.js';
import type { SequenceDocument } from '../model/sequence.js';
import { StepValidationError } from './StepValidationError.js';

/**
 * A task sequence document: its name, its steps and groups (from the `steps` builders or written
 * out) and optionally its variables, id, description and catalog.
 * @throws {StepValidationError} naming the JSON path (from the document, `$.steps[0].name`) of
 *   every problem.
 */
export function sequence(document: SequenceDocument): SequenceDocument {
  const result = validateDocument(document);
  if (!result.valid) throw new StepValidationError('sequence()', result.errors);
  return document;
}
