import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every type a public signature names must itself be importable: a user who
// writes `const v: ScalarValue = …` or a function taking an `AuditSeverity`
// should not have to spell the type out again.

const ENTRIES = ['src/index.ts', 'src/node/index.ts', 'src/json-rules-engine.ts'].map((p) => resolve(p));

function unexportedTypes(): string[] {
  const program = ts.createProgram(ENTRIES, { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const exported = new Set<ts.Declaration>();
  const roots: ts.Declaration[] = [];
  for (const entry of ENTRIES) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    for (const sym of checker.getExportsOfModule(module)) {
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      for (const d of target.declarations ?? []) {
        exported.add(d);
        roots.push(d);
      }
    }
  }
  const exportedNames = new Set([...exported].map((d) => (d as ts.InterfaceDeclaration).name?.getText?.() ?? ''));
  const ours = (d: ts.Declaration) => d.getSourceFile().fileName.startsWith(resolve('src') + '/');
  const missing = new Set<string>();
  const seen = new Set<ts.Node>();
  const visit = (node: ts.Node, inBody: boolean): void => {
    // Function bodies and initialisers are not part of a signature.
    if (ts.isBlock(node) || (inBody && ts.isExpression(node) && !ts.isTypeNode(node))) return;
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)) {
      const name = ts.isTypeReferenceNode(node) ? node.typeName : ts.isTypeQueryNode(node) ? node.exprName : node.expression;
      let sym = checker.getSymbolAtLocation(name);
      if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
      for (const d of sym?.declarations ?? []) {
        if (!ours(d) || ts.isTypeParameterDeclaration(d)) continue;
        const named = ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isEnumDeclaration(d) || ts.isClassDeclaration(d);
        // A local alias of a type that is exported under the same name (statute's PenaltyKind) is reachable.
        if (named && !exported.has(d) && !exportedNames.has((d as ts.InterfaceDeclaration).name.text)) missing.add(`${(d as ts.InterfaceDeclaration).name.text} (${d.getSourceFile().fileName.replace(resolve('.') + '/', '')})`);
        if (named && !seen.has(d)) {
          seen.add(d);
          visit(d, false);
        }
      }
    }
    node.forEachChild((c) => {
      // Skip private class members and the values of variable declarations (their types count).
      if (ts.isPropertyDeclaration(c) || ts.isMethodDeclaration(c)) {
        const mods = ts.getCombinedModifierFlags(c);
        if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || (c.name && ts.isPrivateIdentifier(c.name))) return;
      }
      if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && c === node.initializer && node.type) return;
      visit(c, inBody);
    });
  };
  for (const d of roots) {
    if (seen.has(d)) continue;
    seen.add(d);
    visit(d, false);
  }
  return [...missing].sort();
}

describe('public types', () => {
  it('every type named in a public signature is exported', () => {
    expect(unexportedTypes()).toEqual([]);
  }, 60_000);
});
