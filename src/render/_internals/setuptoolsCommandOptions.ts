/**
 * setuptools command options (`ProjectModel.setuptoolsCommandOptions`,
 * issue #12) in each configuration style: setup.cfg command sections
 * (`[egg_info]`, `[sdist]`, `[bdist_wheel]`), `[tool.distutils.COMMAND]` in
 * pyproject.toml (read by setuptools' `config/_apply_pyprojecttoml.py`
 * `_copy_command_options`, present with `[project]` support, 61 and later;
 * setuptools warns that it is experimental), and `setup(options={...})` in
 * setup.py. Every value is the one that leaves the artifacts unchanged
 * (the command's own default), so no expectation changes: what is
 * exercised is how setuptools reads, converts (`strtobool` for boolean
 * options given as text) and validates them.
 */
import type { ProjectModel, SetuptoolsCommandOption } from '../../model/projectModel.js';
import type { TomlTable } from './toml.js';

/** Each option's text (setup.cfg, setup.py `options`) and typed TOML value (`[tool.distutils]`). */
const VALUES: Record<SetuptoolsCommandOption, { text: string; toml: string | number | boolean }> = {
  'egg_info.tag_build': { text: '', toml: '' },
  'egg_info.tag_date': { text: '0', toml: 0 },
  'sdist.formats': { text: 'gztar', toml: 'gztar' },
  'bdist_wheel.python_tag': { text: 'py3', toml: 'py3' },
  'bdist_wheel.universal': { text: '0', toml: false },
  'bdist_wheel.compression': { text: 'deflated', toml: 'deflated' },
};

/** The model's command options grouped by command (commands sorted, options in model order); empty when none. */
export function commandOptionGroups(model: ProjectModel): [string, [string, { text: string; toml: string | number | boolean }][]][] {
  const groups = new Map<string, [string, { text: string; toml: string | number | boolean }][]>();
  for (const c of model.setuptoolsCommandOptions ?? []) {
    const [command, option] = c.split('.') as [string, string];
    if (!groups.has(command)) groups.set(command, []);
    groups.get(command)!.push([option, VALUES[c]]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** setup.cfg command sections, one `[command]` each (`option = value` lines); empty when none. */
export function commandOptionSections(model: ProjectModel): Record<string, string[]> {
  return Object.fromEntries(commandOptionGroups(model).map(([command, opts]) => [command, opts.map(([o, v]) => (v.text === '' ? `${o} =` : `${o} = ${v.text}`))]));
}

/** `[tool.distutils]`: one table per command; undefined when none. */
export function distutilsTable(model: ProjectModel): TomlTable | undefined {
  const groups = commandOptionGroups(model);
  if (groups.length === 0) return undefined;
  return Object.fromEntries(groups.map(([command, opts]) => [command, Object.fromEntries(opts.map(([o, v]) => [o, v.toml]))]));
}

/** The `options=` keyword of setup() as Python source (`{"egg_info": {"tag_date": "0"}}`); undefined when none. */
export function setupOptionsExpression(model: ProjectModel, pyString: (s: string) => string): string | undefined {
  const groups = commandOptionGroups(model);
  if (groups.length === 0) return undefined;
  const inner = groups.map(([command, opts]) => `${pyString(command)}: {${opts.map(([o, v]) => `${pyString(o)}: ${pyString(v.text)}`).join(', ')}}`);
  return `{${inner.join(', ')}}`;
}
