// Checks every GitHub Actions workflow in ../.github/workflows against the workflow schema that
// @action-validator/core carries (SchemaStore's), offline. Exits non-zero with the errors when one is invalid.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const directory = path.join(root, '.github', 'workflows');
const files = (await readdir(directory)).filter((name) => /\.ya?ml$/.test(name)).sort();
if (files.length === 0) {
  console.error(`No workflows in ${directory}`);
  process.exit(1);
}

let invalid = 0;
for (const name of files) {
  const { errors } = validateWorkflow(await readFile(path.join(directory, name), 'utf8'));
  if (errors.length > 0) {
    invalid++;
    console.error(`.github/workflows/${name}: ${String(errors.length)} error(s)\n${JSON.stringify(errors, null, 2)}`);
  }
}
console.log(`${String(files.length - invalid)} of ${String(files.length)} workflows valid (${files.join(', ')}).`);
process.exit(invalid === 0 ? 0 : 1);
