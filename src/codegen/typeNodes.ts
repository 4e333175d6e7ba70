// Syntax-level helpers over type nodes. The reader works on type nodes as written (not on the
// checker's resolved types) so that names such as `integer` and `Condition` survive and
// string-literal unions keep the order the author wrote; the checker is only used to find the
// declaration a type name refers to.
import { InterfaceDeclaration, Node, TypeAliasDeclaration, TypeNode, TypeReferenceNode } from 'ts-morph';

/** The interface or type alias a type reference names, following imports. */
export function resolveDeclaration(ref: TypeReferenceNode): InterfaceDeclaration | TypeAliasDeclaration | undefined {
  let symbol = ref.getTypeName().getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  for (const declaration of symbol?.getDeclarations() ?? []) {
    if (Node.isInterfaceDeclaration(declaration) || Node.isTypeAliasDeclaration(declaration)) return declaration;
  }
  return undefined;
}

/** The type name of a reference as written, such as `Condition` or `Record`. */
export function referenceName(ref: TypeReferenceNode): string {
  return ref.getTypeName().getText();
}

/**
 * The values of a string-literal type or union of them (through type aliases), in the order
 * written; undefined when the type is anything else.
 */
export function stringLiterals(node: TypeNode): string[] | undefined {
  if (Node.isLiteralTypeNode(node)) {
    const literal = node.getLiteral();
    return Node.isStringLiteral(literal) ? [literal.getLiteralValue()] : undefined;
  }
  if (Node.isParenthesizedTypeNode(node)) return stringLiterals(node.getTypeNode());
  if (Node.isUnionTypeNode(node)) {
    const values: string[] = [];
    for (const member of node.getTypeNodes()) {
      const memberValues = stringLiterals(member);
      if (memberValues === undefined) return undefined;
      values.push(...memberValues);
    }
    return values;
  }
  if (Node.isTypeReference(node)) {
    const declaration = resolveDeclaration(node);
    if (declaration !== undefined && Node.isTypeAliasDeclaration(declaration)) {
      const aliased = declaration.getTypeNode();
      return aliased === undefined ? undefined : stringLiterals(aliased);
    }
  }
  return undefined;
}
