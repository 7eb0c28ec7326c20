// Size limits on the document itself, enforced BEFORE GraphQL validation: validation's
// overlapping-fields check is quadratic in the fields that share a response name (5,000
// identical fields took 13–25 s), and the depth/breadth/complexity limits run only after it.
//
// - while parsing: GraphQL Armor's token-counting parser (max tokens), plus a bound on how
//   deeply brackets nest, so neither the parser's recursion nor anything after it can be
//   driven into a stack overflow by `[[[[…` or `{a{a{a…`;
// - before validation: a cheap pass of GraphQL Armor's max-aliases, max-directives and
//   max-depth rules (introspection included) plus a field count and the input-value rules
//   (src/graphql/plugins/input-limits.ts). When that pass refuses, the full validation is
//   skipped (setResult), so the quadratic check never sees the document.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { type ASTVisitor, type DocumentNode, GraphQLError, type ParseOptions, type Source, TokenKind, type ValidationContext, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { inputLiteralRule, type InputLimits } from './input-limits.ts';

export interface DocumentLimits extends InputLimits {
  /** Lexical tokens in one document (GraphQL Armor max-tokens). */
  maxTokens: number;
  /** How deeply `{`, `[` and `(` may nest in the document text. */
  maxNesting: number;
  /** Field selections written in the document (fragments counted where they are written). */
  maxFields: number;
  maxAliases: number;
  maxDirectives: number;
  /** Selection depth (the complexity plugin checks it again, with the variables). */
  maxDepth: number;
  /**
   * Selection depth counting introspection, which the complexity plugin cannot see
   * (`__schema` is not among Query's fields): the standard introspection query that
   * GraphiQL and codegen send is 15 deep.
   */
  maxIntrospectionDepth: number;
}

export function limitError(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', limit } });
}

const OPENERS = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSERS = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** Armor's token-counting parser, with the bracket nesting tracked on the same token stream. */
class BoundedParser extends MaxTokensParserWLexer {
  constructor(source: string | Source, options: ParseOptions & { n: number }, maxNesting: number) {
    super(source, options);
    // Armor replaced `_lexer` with a counting proxy; wrap that once more for the nesting.
    const self = this as unknown as { _lexer: { advance(): { kind: string } } };
    const counting = self._lexer;
    let nesting = 0;
    self._lexer = new Proxy(counting, {
      get: (target, prop, receiver) => {
        if (prop !== 'advance') return Reflect.get(target, prop, receiver);
        return () => {
          const token = target.advance();
          if (OPENERS.has(token.kind) && ++nesting > maxNesting) {
            throw limitError(`Syntax Error: brackets nest deeper than the limit of ${maxNesting}.`, 'maxNesting');
          }
          if (CLOSERS.has(token.kind)) nesting--;
          return token;
        };
      },
    });
  }
}

function parseBounded(limits: DocumentLimits) {
  return (source: string | Source, options?: ParseOptions): DocumentNode => {
    try {
      return new BoundedParser(source, { ...options, n: limits.maxTokens }, limits.maxNesting).parseDocument();
    } catch (err) {
      // Armor's own refusal carries no code; give it the one every limit has.
      if (err instanceof Error && /Token limit of \d+ exceeded/.test(err.message)) throw limitError(err.message, 'maxTokens');
      throw err;
    }
  };
}

/** Counts every field selection written in the document, in one linear pass. */
function maxFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let fields = 0;
    return {
      Field() {
        if (++fields === max + 1) {
          context.reportError(limitError(`Query has more than ${max} fields (the limit on fields in one document).`, 'maxFields'));
        }
      },
    };
  };
}

/** Armor's rules throw their refusal; turn it into a coded error. */
function armorRule(rule: (context: ValidationContext) => ASTVisitor, limit: string) {
  return (context: ValidationContext): ASTVisitor => {
    const visitor = rule(context) as ASTVisitor & { OperationDefinition?: { enter(node: unknown): void } };
    const enter = visitor.OperationDefinition?.enter;
    return {
      OperationDefinition(node) {
        try {
          enter?.call(visitor, node);
        } catch (err) {
          if (!(err instanceof Error)) throw err;
          context.reportError(limitError(err.message.replace(/^Syntax Error: /, ''), limit));
        }
      },
    };
  };
}

export function useDocumentLimits(limits: DocumentLimits): Plugin {
  const parse = parseBounded(limits);
  const rules = [
    maxFieldsRule(limits.maxFields),
    armorRule(maxAliasesRule({ n: limits.maxAliases }), 'maxAliases'),
    armorRule(maxDirectivesRule({ n: limits.maxDirectives }), 'maxDirectives'),
    // flattenFragments: fragments add no level, as in the complexity plugin's depth.
    armorRule(maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true }), 'maxDepth'),
    armorRule(maxDepthRule({ n: Math.max(limits.maxDepth, limits.maxIntrospectionDepth), ignoreIntrospection: false, flattenFragments: true }), 'maxIntrospectionDepth'),
    inputLiteralRule(limits),
  ];
  // Yoga reuses the parsed document for the same text; so is this pass's verdict.
  const verdicts = new WeakMap<DocumentNode, ReadonlyArray<GraphQLError>>();
  return {
    onParse({ setParseFn }) {
      setParseFn(parse);
    },
    onValidate({ params, setResult }) {
      let errors = verdicts.get(params.documentAST);
      if (!errors) verdicts.set(params.documentAST, (errors = validate(params.schema, params.documentAST, rules, { maxErrors: 10 })));
      if (errors.length) setResult(errors);
    },
  };
}
