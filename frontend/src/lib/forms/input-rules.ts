import { inputRules } from '@/lib/api/input-rules';

/** The request bodies whose rules the OpenAPI document states, by schema name. */
export type InputSchema = keyof typeof inputRules;

/** Whether the API requires a property of a request body, as a test per property. */
export function requiredIn<S extends InputSchema>(
  schema: S,
): (property: keyof (typeof inputRules)[S]['properties']) => boolean {
  const required = new Set<PropertyKey>(inputRules[schema].required);
  return (property) => required.has(property);
}
