import type { PropertyName } from './types.js';
import type { PropertyDef } from './property.js';
import { configProperty } from './properties/config.js';
import { diffProperty } from './properties/diff.js';
import { installProperty } from './properties/install.js';
import { metadataProperty } from './properties/metadata.js';
import { reproducibleProperty } from './properties/reproducible.js';
import { roundtripProperty } from './properties/roundtrip.js';
import { specProperty } from './properties/spec.js';

export type { PropertyContext, PropertyDef } from './property.js';

/** Every property twinbuild can check, by name (see DESIGN.md, "Properties"). */
export const PROPERTIES: Partial<Record<PropertyName, PropertyDef>> = {
  diff: diffProperty,
  spec: specProperty,
  roundtrip: roundtripProperty,
  metadata: metadataProperty,
  reproducible: reproducibleProperty,
  config: configProperty,
  install: installProperty,
};
