/** The contract every family renderer (`src/render/<family>.ts`) implements. */
import type { Family } from '../../backends/types.js';
import type { ConfigStyle, FileMap } from '../fileMap.js';
import type { ProjectModel } from '../../model/projectModel.js';

export interface RenderOptions {
  /** Configuration flavour (default: the family's first style). */
  style?: ConfigStyle;
  /**
   * Version of the family's distribution that will build the project; pins
   * `[build-system] requires` (`setuptools==80.9.0`). Without it, a lower
   * bound that supports everything the renderer writes.
   */
  familyVersion?: string;
}

export interface FamilyRenderer {
  readonly family: Family;
  /** Styles this renderer writes; the first is the default. */
  readonly styles: readonly ConfigStyle[];
  /**
   * The style used when none is asked for, for a backend version (default:
   * the first of `styles`). A version that cannot read the first style gets
   * one it can read (setuptools before 61: `setup.cfg`).
   */
  defaultStyle?(familyVersion: string | undefined): ConfigStyle;
  /** The project's files; `style` is one of `styles`. */
  render(model: ProjectModel, options: { style: ConfigStyle; familyVersion?: string }): FileMap;
}
