/** Rules for what flit-core legitimately adds to its artifacts. */
import { parse } from 'smol-toml';
import { formatHeaderFile, parseHeaderFile } from '../../pep/coreMetadata.js';
import { IMPORT_NAME_FIELDS, parseImportName } from '../../pep/importName.js';
import { inputText } from '../text.js';
import type { NormalizationRule, WorkMember } from '../types.js';

const isCoreMetadata = (p: string): boolean => /(^|\/)(METADATA|PKG-INFO)$/.test(p);

/** True when the project's own pyproject.toml declares import names itself (then they are the project's metadata). */
function declaresImportNames(pyproject: string | undefined): boolean {
  if (pyproject === undefined) return false;
  try {
    const project = (parse(pyproject) as { project?: Record<string, unknown> }).project ?? {};
    return 'import-names' in project || 'import-namespaces' in project;
  } catch {
    return true; // unknown: leave the fields alone
  }
}

/** True when the artifact ships the import path of dotted `name` (a folder, or a module file for names). */
function ships(members: readonly WorkMember[], name: string, folderOnly: boolean): boolean {
  const path = name.split('.').join('/');
  return members.some((m) =>
    ['', 'src/'].some((root) => m.path.startsWith(`${root}${path}/`) || (!folderOnly && m.path === `${root}${path}.py`)),
  );
}

export const flitImportNames: NormalizationRule = {
  name: 'flit-import-names',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'Import-Name and Import-Namespace fields (PEP 794) that flit-core derives from the module it ships are ignored, unless the project declares import names or a field names a path the artifact does not ship.',
  apply: (members, ctx) => {
    const input = ctx.inputs?.['pyproject.toml'];
    const pyproject = inputText(input) ?? undefined;
    if (declaresImportNames(pyproject)) return members;
    return members.map((m) => {
      if (!isCoreMetadata(m.path) || m.text === null) return m;
      const header = parseHeaderFile(m.text);
      const fields = header.fields.filter(([k, v]) => {
        const key = k.toLowerCase();
        if (!IMPORT_NAME_FIELDS.includes(key)) return true;
        const name = parseImportName(v)?.name ?? '';
        return !(name !== '' && ships(members, name, key === 'import-namespace'));
      });
      if (fields.length === header.fields.length) return m;
      return { ...m, text: formatHeaderFile({ ...header, fields }) };
    });
  },
};
