import { formatHeaderFile, parseHeaderFile, sortFields, type HeaderFile } from '../../pep/coreMetadata.js';
import { IMPORT_NAME_FIELDS, importNameValueForm } from '../../pep/importName.js';
import { canonicalizeName } from '../../pep/name.js';
import { requirementComparisonForm } from '../../pep/requirement.js';
import { expandSelfReferences, isSelfReference } from '../../pep/selfReference.js';
import { normalVersion } from '../../pep/version.js';
import type { NormalizationRule, WorkMember } from '../types.js';

const isCoreMetadata = (p: string): boolean => /(^|\/)(METADATA|PKG-INFO)$/.test(p);
const isWheelFile = (p: string): boolean => /\.dist-info\/WHEEL$|^\{dist-info\}\/WHEEL$/.test(p);

function editHeaders(members: WorkMember[], which: (p: string) => boolean, edit: (h: HeaderFile) => HeaderFile): WorkMember[] {
  return members.map((m) => {
    if (!which(m.path) || m.text === null) return m;
    return { ...m, text: formatHeaderFile(edit(parseHeaderFile(m.text))) };
  });
}

const dropFields = (names: string[]) => (h: HeaderFile): HeaderFile => ({
  ...h,
  fields: h.fields.filter(([k]) => !names.includes(k.toLowerCase())),
});

export const metadataAsFields: NormalizationRule = {
  name: 'metadata-as-fields',
  level: 'content',
  artifacts: ['wheel', 'sdist'],
  doc: 'METADATA, PKG-INFO and WHEEL are compared as fields sorted by name (repeated fields keep their order).',
  apply: (members) =>
    editHeaders(members, (p) => isCoreMetadata(p) || isWheelFile(p), (h) => ({ ...h, fields: sortFields(h.fields) })),
};

export const metadataVersion: NormalizationRule = {
  name: 'metadata-version',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'The Metadata-Version field is ignored (each backend may emit the version its fields need; spec checks the rules).',
  apply: (members) => editHeaders(members, isCoreMetadata, dropFields(['metadata-version'])),
};

export const wheelGenerator: NormalizationRule = {
  name: 'wheel-generator',
  level: 'semantic',
  artifacts: ['wheel'],
  doc: 'The WHEEL Generator field names the tool that built the wheel; it is ignored.',
  apply: (members) => editHeaders(members, isWheelFile, dropFields(['generator'])),
};

/**
 * The header with each self-reference of the project (`acme[cli]; extra == "all"`) replaced by its
 * expansion, every requirement of those extras again under `extra == "all"`: the form hatchling 1.24
 * and later write (`_resolve_optional_dependencies`); both install the same (src/pep/selfReference.ts).
 */
function withSelfReferencesExpanded(h: HeaderFile): HeaderFile {
  const name = h.fields.find(([k]) => k.toLowerCase() === 'name')?.[1];
  if (name === undefined) return h;
  const requires = h.fields.filter(([k]) => k.toLowerCase() === 'requires-dist').map(([, v]) => v);
  if (!requires.some((r) => isSelfReference(name, r))) return h;
  const key = h.fields.find(([k]) => k.toLowerCase() === 'requires-dist')![0];
  const others = h.fields.filter(([k]) => k.toLowerCase() !== 'requires-dist');
  return { ...h, fields: sortFields([...others, ...expandSelfReferences(name, requires).map((v): [string, string] => [key, v])]) };
}

export const requirementNormalForm: NormalizationRule = {
  name: 'requirement-normal-form',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'Requires-Dist and Provides-Extra are compared in PEP 508/503 normal form, as sorted sets; a Requires-Dist naming the project itself with extras under `extra == "x"` (`acme[cli]; extra == "all"`) as its expansion, every requirement of those extras again under `extra == "x"`, which hatchling 1.24 and later write instead (both install the same).',
  apply: (members) =>
    editHeaders(members, isCoreMetadata, (written) => {
      const h = withSelfReferencesExpanded(written);
      const norm = (k: string, v: string): string => {
        const key = k.toLowerCase();
        if (key === 'requires-dist') return requirementComparisonForm(v);
        if (key === 'provides-extra') return canonicalizeName(v.trim());
        return v;
      };
      const fields = h.fields.map(([k, v]): [string, string] => [k, norm(k, v)]);
      const multi = (k: string): boolean => ['requires-dist', 'provides-extra'].includes(k.toLowerCase());
      const sorted = [...fields.filter(([k]) => multi(k))].sort((a, b) => (a.join(':') < b.join(':') ? -1 : 1));
      const deduped = sorted.filter((f, i) => i === 0 || f.join(':') !== sorted[i - 1]!.join(':'));
      return { ...h, fields: sortFields([...fields.filter(([k]) => !multi(k)), ...deduped]) };
    }),
};

export const nameVersionNormalForm: NormalizationRule = {
  name: 'name-version-normal-form',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'The Name and Version fields are compared in PEP 503 / PEP 440 normal form.',
  apply: (members) =>
    editHeaders(members, isCoreMetadata, (h) => ({
      ...h,
      fields: h.fields.map(([k, v]): [string, string] => {
        const key = k.toLowerCase();
        if (key === 'name') return [k, canonicalizeName(v.trim())];
        if (key === 'version') return [k, normalVersion(v)];
        return [k, v];
      }),
    })),
};

export const importNameForm: NormalizationRule = {
  name: 'import-name-form',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'Import-Name and Import-Namespace (PEP 794) are compared in one spelling of the `; private` annotation (the specification allows any white space around the semicolon); a name with a part starting with `_` is private by convention, and hatchling marks such names itself, so their mark is not compared. Their order is left to unordered-fields.',
  apply: (members) =>
    editHeaders(members, isCoreMetadata, (h) => ({
      ...h,
      fields: h.fields.map(([k, v]): [string, string] => (IMPORT_NAME_FIELDS.includes(k.toLowerCase()) ? [k, importNameValueForm(v)] : [k, v])),
    })),
};
