import { parsePlanYaml } from '../../../src/domain/planYaml.js';

/**
 * Run as its own process by yamlImportFuzz.test.ts: parses the YAML given on stdin twice, as
 * two users importing it one after the other would, and prints each outcome as a JSON line.
 * A fatal V8 error here kills only this process, not the test run.
 */
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const text = Buffer.concat(chunks).toString('utf8');
for (let attempt = 1; attempt <= 2; attempt++) {
  const result = parsePlanYaml(text);
  console.log(
    JSON.stringify({
      attempt,
      ok: result.ok,
      problems: result.ok ? [] : result.problems.map((p) => p.message.en),
    }),
  );
}
