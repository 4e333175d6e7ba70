// The readable form of the generated step catalog: per type its name and synopsis, then its
// properties (* = required).
import type { CatalogStepType } from '../../generated/node/stepCatalog.js';

export function formatStepCatalog(catalog: readonly CatalogStepType[]): string {
  const width = Math.max(0, ...catalog.map((type) => type.name.length));
  return catalog
    .map((type) => {
      const head = `${type.name.padEnd(width)}  ${type.synopsis}`.trimEnd();
      if (!type.parameters.length) return head;
      const properties = type.parameters.map((p) => (p.required ? `${p.name}*` : p.name)).join(', ');
      return `${head}\n${' '.repeat(width + 2)}${properties}`;
    })
    .join('\n');
}
