/** The `{name}-{version}` stem of an sdist filename ending in `.tar.gz`, or undefined. */
export function sdistStem(filename: string): string | undefined {
  return filename.endsWith('.tar.gz') ? filename.slice(0, -'.tar.gz'.length) : undefined;
}
