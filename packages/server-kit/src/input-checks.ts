import {
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { LocalizedMessage } from "./errors.js";

// Every id the platform hands out is a UUID; anything else would reach PostgreSQL's uuid cast and fail there.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NOT_AN_ID: LocalizedMessage = {
  da: "Et id i forespørgslen er ikke gyldigt: det skal være et UUID, som platformen har givet.",
  en: "An id in the request is not valid: it must be a UUID the platform handed out.",
};

export const UNSTORABLE_TEXT: LocalizedMessage = {
  da: "En tekst i forespørgslen indeholder tegn, der ikke kan gemmes (et nul-tegn eller ødelagt unicode).",
  en: "A text in the request holds characters that cannot be stored (a NUL character or broken unicode).",
};

/** What is wrong with one value of a request, and where. */
export interface InputProblem {
  message: LocalizedMessage;
  /** The variable or argument, with the path inside it. */
  field: string;
}

const unstorable = (text: string) => text.includes("\0") || !text.isWellFormed();

/** Any string anywhere in a value of a custom scalar (`_Any`, JSON) that cannot be stored. */
function unstorableInside(value: unknown): boolean {
  const pending = [value];
  while (pending.length) {
    const current = pending.pop();
    if (typeof current === "string") {
      if (unstorable(current)) return true;
    } else if (current && typeof current === "object") {
      pending.push(...(Array.isArray(current) ? current : Object.entries(current).flat()));
    }
  }
  return false;
}

function checkValue(value: unknown, type: GraphQLInputType, field: string): InputProblem | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return checkValue(value, type.ofType, field);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [index, item] of items.entries()) {
      const problem = checkValue(item, type.ofType, `${field}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== "object") return null;
    const fields = type.getFields();
    for (const [name, inner] of Object.entries(value)) {
      const problem = fields[name] ? checkValue(inner, fields[name].type, `${field}.${name}`) : null;
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === "string") {
    if (unstorable(value)) return { message: UNSTORABLE_TEXT, field };
    if (type.name === "ID" && !UUID.test(value)) return { message: NOT_AN_ID, field };
    return null;
  }
  return typeof value === "object" && unstorableInside(value) ? { message: UNSTORABLE_TEXT, field } : null;
}

/**
 * The first value of an operation that the platform cannot take, or null: an id that is not a
 * UUID, a text with a NUL character or a lone surrogate. Checked before anything runs, from the
 * types the schema gives each variable and argument, so no resolver (and no database) ever sees one.
 */
export function inputProblem(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): InputProblem | null {
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    const name = definition.variable.name.value;
    const problem = type ? checkValue(variables?.[name], type, `$${name}`) : null;
    if (problem) return problem;
  }
  // Values written into the operation's text: the same for every request of one document, and
  // Apollo Server hands the same parsed document for the same text, so it is walked once.
  let known = literalProblems.get(document);
  if (known === undefined) literalProblems.set(document, (known = literalProblem(schema, document)));
  return known;
}

const literalProblems = new WeakMap<DocumentNode, InputProblem | null>();

function literalProblem(schema: GraphQLSchema, document: DocumentNode): InputProblem | null {
  let problem: InputProblem | null = null;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue(node) {
        const argument = typeInfo.getArgument()?.name ?? "value";
        if (unstorable(node.value)) problem = { message: UNSTORABLE_TEXT, field: argument };
        else if (getNamedType(typeInfo.getInputType())?.name === "ID" && !UUID.test(node.value)) problem = { message: NOT_AN_ID, field: argument };
        return problem ? BREAK : undefined;
      },
    }),
  );
  return problem;
}

/** The problem as the GraphQL error every part answers with: BAD_USER_INPUT, in Danish and English. */
export function inputProblemError(problem: InputProblem): GraphQLError {
  return new GraphQLError(problem.message.en, { extensions: { code: "BAD_USER_INPUT", message: problem.message, field: problem.field, http: { status: 400 } } });
}
