/**
 * The internalized copy of a string, as property keys are. Names and codes
 * read from a large YAML file are slices of its text: every property lookup
 * with one searches the string table again, and every comparison reads
 * characters. Interned once in a plan, they compare by pointer.
 */
export function intern(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}
