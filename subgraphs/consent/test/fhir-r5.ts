import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import fhirpath from "fhirpath";
import r5 from "fhirpath/fhir-context/r5";

/**
 * Checks a resource against FHIR R5 as HL7 publishes it (npm `hl7.fhir.r5.core`, read offline),
 * in four layers, since none alone is enough: the official JSON Schema (names, JSON types,
 * primitive formats), the resource's StructureDefinition (cardinality, required bindings, reference
 * targets), the FHIRPath invariants of the resource and its datatypes (severity error), and the JSON
 * format's rule that no object, array or string is empty. Returns one line per problem; [] is valid.
 */

const require = createRequire(import.meta.url);
const core = (file: string) => JSON.parse(readFileSync(require.resolve(`hl7.fhir.r5.core/${file}`), "utf8"));

interface Constraint {
  key: string;
  severity: string;
  human: string;
  expression: string;
}
interface ElementDefinition {
  path: string;
  min: number;
  max: string;
  type?: { code: string; targetProfile?: string[] }[];
  contentReference?: string;
  binding?: { strength: string; valueSet?: string };
  constraint?: Constraint[];
}

// The schema is draft-06 and names itself with `id`; its decimal pattern has a stray "}" that a
// unicode RegExp refuses. Compiled once (a few seconds) for all the tests of a file.
const { id: schemaId, discriminator: _discriminator, oneOf: _oneOf, ...schema } = core("openapi/fhir.schema.json");
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
ajv.addSchema({ ...schema, $id: schemaId });

function jsonSchema(resource: Record<string, unknown>): string[] {
  const validate = ajv.getSchema(`${schemaId}#/definitions/${resource.resourceType}`)!;
  return validate(resource)
    ? []
    : validate.errors!.map((error) => `schema ${error.instancePath || "/"}: ${error.message}${"additionalProperty" in error.params ? ` (${error.params.additionalProperty})` : ""}`);
}

/** The codes of a value set the core package can enumerate; null for one it cannot (e.g. MIME types). */
function codesOf(valueSet: string): string[] | null {
  try {
    const set = core(`ValueSet-${valueSet.split("|")[0]!.split("/").pop()}.json`);
    return set.compose.include.flatMap(
      (include: { system: string; concept?: { code: string }[] }) =>
        include.concept?.map((concept) => concept.code) ?? core(`CodeSystem-${include.system.split("/").pop()}.json`).concept.map((concept: { code: string }) => concept.code),
    );
  } catch {
    return null;
  }
}

function structure(resource: Record<string, unknown>): string[] {
  const elements: ElementDefinition[] = core(`StructureDefinition-${resource.resourceType}.json`).snapshot.element;
  const errors: string[] = [];
  const walk = (node: Record<string, unknown>, at: string, base: string) => {
    for (const element of elements.filter((candidate) => candidate.path.startsWith(`${base}.`) && !candidate.path.slice(base.length + 1).includes("."))) {
      const name = element.path.slice(base.length + 1);
      const raw = node[name];
      const where = `${at}.${name}`;
      const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (values.length < element.min) errors.push(`${where}: at least ${element.min}, found ${values.length}`);
      if (element.max === "*" ? raw !== undefined && !Array.isArray(raw) : Array.isArray(raw) || values.length > Number(element.max)) {
        errors.push(`${where}: at most ${element.max}${element.max === "*" ? " (as an array)" : ""}`);
      }
      const type = element.type?.[0];
      const allowed = element.binding?.strength === "required" && type?.code === "code" ? codesOf(element.binding.valueSet!) : null;
      const targets = type?.code === "Reference" ? type.targetProfile?.map((profile) => profile.split("/").pop()!) : undefined;
      for (const value of values as Record<string, unknown>[]) {
        if (allowed && !allowed.includes(value as unknown as string)) errors.push(`${where}: "${String(value)}" is not in ${element.binding!.valueSet}`);
        if (targets && !targets.includes("Resource") && typeof value.reference === "string" && !targets.includes(value.reference.split("/").at(-2)!)) {
          errors.push(`${where}: ${value.reference} is not a ${targets.join(" | ")}`);
        }
        const nested = element.contentReference?.slice(1) ?? (type?.code === "BackboneElement" ? element.path : undefined);
        if (nested) walk(value, where, nested);
      }
    }
  };
  walk(resource, String(resource.resourceType), String(resource.resourceType));
  return errors;
}

const DATATYPES = ["Period", "Reference", "Attachment", "Identifier", "Coding", "CodeableConcept", "Meta", "Narrative", "Expression"];

function invariants(resource: Record<string, unknown>): string[] {
  const run = (expression: string) => fhirpath.evaluate(resource, expression, { resource, rootResource: resource }, r5, { traceFn: () => {} }) as unknown[];
  const checks: [string, Constraint][] = [];
  for (const element of core(`StructureDefinition-${resource.resourceType}.json`).snapshot.element as ElementDefinition[]) {
    for (const constraint of element.constraint ?? []) if (constraint.key !== "ele-1" && constraint.key !== "ext-1") checks.push([element.path, constraint]);
  }
  for (const type of DATATYPES) {
    for (const constraint of (core(`StructureDefinition-${type}.json`).snapshot.element[0] as ElementDefinition).constraint ?? []) {
      if (constraint.key !== "ele-1") checks.push([`descendants().ofType(${type})`, constraint]);
    }
  }
  // fhirpath.js finds no Extension by ofType(); they are reached by name instead.
  for (const constraint of (core("StructureDefinition-Extension.json").snapshot.element[0] as ElementDefinition).constraint ?? []) {
    if (constraint.key === "ext-1") checks.push(["(extension | modifierExtension | descendants().extension | descendants().modifierExtension)", constraint]);
  }
  checks.push(["descendants()", { key: "ele-1", severity: "error", human: "All FHIR elements must have a @value or children", expression: "hasValue() or (children().count() > id.count())" }]);
  return checks
    .filter(([, constraint]) => constraint.severity === "error")
    .flatMap(([on, constraint]) => (run(`${on}.where((${constraint.expression}).not())`).length ? [`${constraint.key}: ${constraint.human}`] : []));
}

/** FHIR JSON: objects and arrays are never empty, properties never null, strings never empty. */
function empties(value: unknown, at = ""): string[] {
  if (value === null || value === "" || (Array.isArray(value) && !value.length) || (typeof value === "object" && value && !Object.keys(value).length)) return [`${at || "/"}: empty`];
  if (Array.isArray(value)) return value.flatMap((item, index) => empties(item, `${at}/${index}`));
  if (typeof value === "object" && value) return Object.entries(value).flatMap(([key, item]) => empties(item, `${at}/${key}`));
  return [];
}

export function validateR5(resource: Record<string, unknown>): string[] {
  return [...jsonSchema(resource), ...structure(resource), ...invariants(resource), ...empties(resource)];
}
