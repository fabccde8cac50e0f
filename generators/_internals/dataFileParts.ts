/** Vocabulary of package data files. */

/**
 * Extensions of generated data files. Never `.py` (nor `.pyc`, `.pyi`, ...):
 * a data file must not be mistaken for a module. The first one is where
 * shrinking goes.
 */
export const DATA_FILE_EXTENSIONS = ['txt', 'json', 'csv', 'dat', 'cfg', 'md', 'ini', 'toml', 'yml', 'xml', 'html'] as const;

/** Characters of data file stems after the first: safe in globs and on every file system. */
export const DATA_STEM_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-.';
/** Characters of data folder names after the first: no `.` (so folders and files never share a name). */
export const DATA_FOLDER_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-';
