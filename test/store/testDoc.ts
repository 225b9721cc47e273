import { z } from 'zod';

/** A small stand-in for the plan document: the store must work with any zod schema. */
export const TestDocSchema = z.object({
  goal: z.string().min(1),
  counter: z.number().int().nonnegative(),
  items: z.array(z.string()),
});

export type TestDoc = z.infer<typeof TestDocSchema>;

export function testDoc(overrides: Partial<TestDoc> = {}): TestDoc {
  return { goal: 'Grow weekly active teams', counter: 0, items: [], ...overrides };
}
