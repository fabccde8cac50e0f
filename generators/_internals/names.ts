/** Helpers on names shared by generators (pure functions, no arbitraries). */

/** Key under which sibling names must be unique: case-insensitive file systems exist. */
export function siblingKey(name: string): string {
  return name.toLowerCase();
}


/** True when no key occurs twice across all groups. */
export function allDistinct(...groups: readonly (readonly string[])[]): boolean {
  const seen = new Set<string>();
  for (const group of groups) {
    for (const name of group) {
      const key = siblingKey(name);
      if (seen.has(key)) return false;
      seen.add(key);
    }
  }
  return true;
}
