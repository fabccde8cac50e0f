/** A project on disk as data: `/`-separated relative path -> content (text is UTF-8). */
export type FileMap = Record<string, string | Uint8Array>;

/** Configuration flavour a renderer writes for a family. */
export type ConfigStyle = 'pyproject' | 'setup.cfg' | 'setup.py';
