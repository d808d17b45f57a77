// Read the JSON of `sanitasi evaluate --format json` and print, for each district, its certain
// level and the criteria whose outcome is unknown. Node 18 or later, standard library only.
//
//   sanitasi evaluate dossiers/ --format json --output decisions.json
//   node read-decisions.mjs decisions.json
//
// The output is a JSON array with one item per input: a decision ("sanitasi.decision/v2") or,
// for an input that could not be evaluated, a problems document ("sanitasi.problems/v1").
// A file holding a single decision is read too.

import { readFileSync } from "node:fs";

const DECISION = "sanitasi.decision/v2";
const PROBLEMS = "sanitasi.problems/v1";

function describe(decision) {
  // Every key is always present; a value that is not known is null, never left out.
  const level = decision.certain_level ?? "none";
  const unknown = decision.milestones
    .flatMap((milestone) => milestone.criteria)
    .filter((criterion) => criterion.outcome === "unknown")
    .map((criterion) => criterion.id);
  return [
    `${decision.region.code} ${decision.region.name}: certain level ${level} on ${decision.as_of}`,
    `  unknown: ${unknown.length ? unknown.join(", ") : "none"}`,
  ].join("\n");
}

function invalid(problems) {
  const lines = [`${problems.source ?? "(input)"}: invalid`];
  for (const problem of problems.problems) {
    lines.push(`  ${problem.path || "(whole input)"}: ${problem.message.en} [${problem.code}]`);
  }
  if (problems.omitted > 0) lines.push(`  ... and ${problems.omitted} more problems`);
  return lines.join("\n");
}

function report(item) {
  switch (item.schema) {
    case DECISION:
      return describe(item);
    case PROBLEMS:
      return invalid(item);
    default:
      // A version this program does not know: refuse it rather than guess what it means.
      throw new Error(`unsupported document version: ${JSON.stringify(item.schema)}`);
  }
}

const [path] = process.argv.slice(2);
if (!path) {
  console.error("usage: node read-decisions.mjs DECISIONS.json");
  process.exit(2);
}
const data = JSON.parse(readFileSync(path, "utf8"));
for (const item of Array.isArray(data) ? data : [data]) {
  console.log(report(item));
}
