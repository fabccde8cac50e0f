/** The outcome of a strict parse: the value, or one line saying what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
