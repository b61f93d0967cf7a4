// The parsed form of an XPath 1.0 expression, and the refusal every fast-path stage throws
// for what it does not evaluate (the definition then runs on libxml2).

export class Unsupported extends Error {
  constructor(what: string) {
    super(`not on the fast path: ${what}`);
    this.name = 'Unsupported';
  }
}

export type Axis =
  | 'child'
  | 'descendant'
  | 'descendant-or-self'
  | 'self'
  | 'parent'
  | 'ancestor'
  | 'ancestor-or-self'
  | 'attribute'
  | 'following-sibling'
  | 'preceding-sibling'
  | 'following'
  | 'preceding'
  | 'namespace';

export type NodeTest =
  | { kind: 'name'; prefix: string | null; local: string } // local '*' for any name
  | { kind: 'type'; type: 'node' | 'text' | 'comment' | 'processing-instruction' };

export interface Step {
  axis: Axis;
  test: NodeTest;
  predicates: Expr[];
}

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'path'; absolute: boolean; filter: Expr | null; steps: Step[] }
  | { type: 'filter'; primary: Expr; predicates: Expr[] }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'negate'; arg: Expr }
  | { type: 'union'; left: Expr; right: Expr }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'variable'; name: string };

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';
