/**
 * Shrink steps that fast-check's combinators cannot express, added on top of
 * an arbitrary's own shrinking. Extra candidates come without a generation
 * context, so the wrapped arbitrary must be able to shrink without one: all
 * maps in the generators have unmappers (see `unmap.ts`).
 */
import fc from 'fast-check';

interface ExtraShrinkOptions {
  /** Offer the candidates only when shrinking a value that has no context. */
  onlyWithoutContext?: boolean;
}

class ExtraShrinksArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly inner: fc.Arbitrary<T>,
    private readonly candidates: (value: T) => T[],
    private readonly options: ExtraShrinkOptions,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.inner.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    const usual = this.inner.shrink(value, context);
    if (this.options.onlyWithoutContext === true && context !== undefined) return usual;
    const current = JSON.stringify(value);
    const extra = this.candidates(value).filter(
      (candidate) => JSON.stringify(candidate) !== current && this.inner.canShrinkWithoutContext(candidate),
    );
    return fc.Stream.of(...extra.map((candidate) => new fc.Value(candidate, undefined))).join(usual);
  }
}

/** `arb`, whose shrinking first tries `candidates(value)` (each must be smaller than `value`). */
export function withExtraShrinks<T>(
  arb: fc.Arbitrary<T>,
  candidates: (value: T) => T[],
  options: ExtraShrinkOptions = {},
): fc.Arbitrary<T> {
  return new ExtraShrinksArbitrary(arb, candidates, options);
}

/**
 * Each list with one item left out (none for a list of one): fast-check
 * shrinks an array by dropping its first items, so without this a list whose
 * needed item comes first keeps the items after it.
 */
export function dropAnyOne<T>(list: T[]): T[][] {
  return list.length > 1 ? list.map((_, i) => list.filter((__, j) => j !== i)) : [];
}

/**
 * `fc.oneof({ withCrossShrink: true }, ...)` shrinks toward its first
 * alternative only while a value has its generation context. Without one (a
 * replayed corpus model, or a value built by another extra shrink) a `Z`
 * could never become `a`, a data file never become empty. This adds that
 * step back: `target()` is the first candidate when there is no context.
 */
export function shrinkTowards<T>(arb: fc.Arbitrary<T>, target: () => T): fc.Arbitrary<T> {
  return withExtraShrinks(arb, () => [target()], { onlyWithoutContext: true });
}
