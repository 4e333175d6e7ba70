// The generator's API: `tsseq generate [--check]` calls generate().
export { generate, loadModel, modelHash, renderFiles, runtimePublicFunctions, DOCUMENTED_RUNTIME_FUNCTIONS, GENERATED_DIR } from './generate.js';
export type { GenerateOptions, GenerateResult } from './generate.js';
export { readModel, ModelError } from './readModel.js';
export type { ReadModelOptions } from './readModel.js';
export { validateModel } from './validateModel.js';
export { createModelProject } from './project.js';
export { buildSchema } from './emitSchema.js';
export type { CodegenModel, JsonSchema, JsonValue, ParameterModel, ParameterType, StepTypeModel, TypeModel, DocumentModel } from './model.js';
