import { describe, expect, it } from 'vitest';
import { featuresOf } from '../../generators/featuresOf.js';
import { modelFeatures } from '../../src/model/features.js';
import { CONFIG_SETTING_FEATURES, appliedConfig } from '../../src/model/configSettings.js';
import { CAPABILITY_FEATURES, supportedByAll, supports, unsupportedFeatures, whyUnsupported } from '../../src/render/capabilities.js';
import { legacyLicenseModel, richModel, srcModulesModel } from './fixtures.js';

describe('supports(feature, family, version, style)', () => {
  it('knows the PEP 639 releases of setuptools and hatchling', () => {
    for (const f of ['license:spdx', 'license-files']) {
      expect(supports(f, 'setuptools', '76.1.0')).toBe(false);
      expect(supports(f, 'setuptools', '77.0.0')).toBe(true);
      expect(supports(f, 'setuptools', '80.9.0', 'setup.cfg')).toBe(true);
      expect(supports(f, 'hatchling', '1.26.3')).toBe(false);
      expect(supports(f, 'hatchling', '1.27.0')).toBe(true);
    }
    expect(whyUnsupported('license:spdx', 'setuptools', '70.0.0')).toMatch(/77/);
  });

  it('knows which styles express what', () => {
    expect(supports('config:pyproject', 'setuptools', '60.10.0', 'pyproject')).toBe(false);
    expect(supports('config:pyproject', 'setuptools', '61.0.0', 'pyproject')).toBe(true);
    expect(supports('config:pyproject', 'setuptools', '60.10.0', 'setup.cfg')).toBe(true);
    for (const f of ['readme:inline', 'license:file', 'description:edge-whitespace']) {
      expect(supports(f, 'setuptools', '80.9.0', 'setup.cfg'), f).toBe(false);
      expect(supports(f, 'setuptools', '80.9.0', 'setup.py'), f).toBe(true);
      expect(supports(f, 'setuptools', '80.9.0', 'pyproject'), f).toBe(true);
    }
  });

  it('takes an unknown or unparsable version as the newest, and unknown features as supported', () => {
    expect(supports('license:spdx', 'setuptools')).toBe(true);
    expect(supports('license:spdx', 'hatchling', 'from-a-folder')).toBe(true);
    expect(supports('layout:several-top-level', 'flit', 'from-a-folder')).toBe(false);
    expect(supports('no-such-feature', 'flit', '1.0')).toBe(true);
  });

  it('knows limits measured on the other families', () => {
    expect(supports('readme:txt-by-path', 'pdm', '2.5.0')).toBe(false);
    expect(supports('license:spdx-lowercase', 'uv', '0.13.6')).toBe(false);
    expect(supports('license:spdx-lowercase', 'flit', '4.2.0')).toBe(false);
    expect(supports('license:spdx-with', 'flit', '3.12.0')).toBe(false);
    expect(supports('license:spdx-with', 'flit', '4.2.0')).toBe(true);
    expect(supports('readme:file-table', 'uv', '0.7.20')).toBe(false);
    expect(supports('readme:file-table', 'uv', '0.13.6')).toBe(true);
  });

  it('names every limited feature as modelFeatures does', () => {
    const seen = new Set([...modelFeatures(richModel), ...modelFeatures(legacyLicenseModel), ...modelFeatures(srcModulesModel), 'config:pyproject', 'description:none', 'description:edge-whitespace', 'license:text', ...modelFeatures({ ...richModel, readme: { contentType: 'text/plain', form: 'file-table', text: 'x\n' } }),
      ...modelFeatures({ ...richModel, readme: { contentType: 'text/plain', form: 'file', text: 'x\n' }, license: { kind: 'spdx', expression: 'gpl-2.0-or-later with classpath-exception-2.0' } }), ...modelFeatures({ ...richModel, dynamicVersion: true }), ...modelFeatures({ ...richModel, version: 'V1' }),
      ...modelFeatures({ ...richModel, wheelData: [{ path: 'a.txt', content: '' }], scriptFiles: [{ path: 'a', content: '#!/bin/sh\necho 0\n' }] }), ...modelFeatures({ ...richModel, configSettings: { buildNumber: '1' } }),
      ...modelFeatures({ ...richModel, importNames: { private: 'all', spelling: 'tight' } }),
      ...modelFeatures({ ...richModel, dependencies: ['x'], optionalDependencies: [{ name: 'e', requirements: [] }], dynamicMetadata: { dependencies: true, optionalDependencies: true } }),
      ...modelFeatures({ ...richModel, packages: [], modules: [], metaPackage: true }),
      ...modelFeatures({ ...richModel, layout: 'src', packageDir: 'lib' }),
      ...modelFeatures({ ...richModel, hatchling: { supportLegacy: true } }),
      ...modelFeatures({ ...richModel, optionalDependencies: [{ name: 'cli', requirements: ['click'] }], selfReferencingExtra: { name: 'all' } }),
      ...modelFeatures({ ...richModel, forceIncluded: [{ path: 'schema.json', content: '' }] }),
      ...modelFeatures({ ...richModel, symlinkedData: true }),
      ...modelFeatures({ ...richModel, executableFiles: [{ path: 'tool.sh', content: '#!/bin/sh\n' }, { path: 'launch.py', content: '#!/usr/bin/env python3\n' }] }),
      ...modelFeatures({ ...richModel, excludedFiles: [{ path: 'notes.bak', content: '', scope: 'both', rule: 'glob' }, { path: '_scratch/a.tmp', content: '', scope: 'sdist', rule: 'folder' }] })]);
    for (const f of CAPABILITY_FEATURES) expect(seen.has(f), f).toBe(true);
  });

  it('unsupportedFeatures lists what a target lacks, with reasons', () => {
    expect(unsupportedFeatures(richModel, { family: 'setuptools', version: '80.9.0' })).toEqual([]);
    expect(unsupportedFeatures(richModel, { family: 'hatchling', version: '1.26.3' }).map((u) => u.feature)).toEqual(['license-files', 'license:spdx']);
    expect(unsupportedFeatures(legacyLicenseModel, { family: 'setuptools', style: 'setup.cfg' }).map((u) => u.feature)).toEqual(['license:file', 'readme:inline']);
    // setuptools before 61 is rendered as setup.cfg by default, which cannot hold an inline readme.
    expect(unsupportedFeatures(legacyLicenseModel, { family: 'setuptools', version: '60.0.0' }).map((u) => u.feature)).toEqual(['license:file', 'readme:inline']);
    expect(unsupportedFeatures(richModel, { family: 'flit' }).map((u) => u.feature)).toContain('layout:several-top-level');
    expect(supportedByAll('license:spdx', [{ family: 'setuptools', version: '80.9.0' }, { family: 'hatchling', version: '1.26.3' }])).toBe(false);
  });
});

describe('featuresOf', () => {
  it('lists the features of a model, sorted and distinct', () => {
    const features = featuresOf(richModel);
    expect(features).toEqual([...new Set(features)].sort());
    for (const f of [
      'layout:src', 'layout:several-top-level', 'namespace-package', 'namespace-package:module', 'py.typed', 'stubs',
      'package-data:space-in-name', 'package-data:non-ascii-name', 'readme:md-file', 'license:spdx', 'license-files',
      'license-files:subfolder', 'authors', 'maintainers', 'people:non-ascii', 'people:email-only', 'people:name-only', 'keywords',
      'classifiers', 'urls', 'optional-dependencies', 'optional-dependencies:unnormalized', 'optional-dependencies:empty',
      'entry-points:console', 'entry-points:gui', 'entry-points:custom', 'version:epoch', 'version:pre', 'version:non-normalized',
      'requires-python:>=', 'requires-python:!=', 'dependencies:extras', 'dependencies:markers', 'sdist-files:docs',
      'sdist-files:changelog', 'setuptools:temporary-file', 'setuptools:setup-requires:continuation', 'description:non-ascii',
      'name:mixed-case', 'name:dot', 'name:underscore',
    ]) {
      expect(features, f).toContain(f);
    }
    expect(featuresOf(legacyLicenseModel)).toEqual(expect.arrayContaining(['readme:inline', 'readme:rst', 'license:file', 'description:none', 'layout:single-module']));
    expect(featuresOf(srcModulesModel)).not.toContain('namespace-package');
  });
});

describe('config settings: one source for the capability table and the settings a build gets', () => {
  it('a family the table says can express a setting is the family a build applies it for', () => {
    const model = { ...richModel, configSettings: { buildNumber: '1' } };
    for (const family of ['setuptools', 'hatchling', 'flit', 'poetry', 'pdm', 'uv'] as const) {
      expect(appliedConfig(model, [family]) !== undefined, family).toBe(supports(CONFIG_SETTING_FEATURES.buildNumber, family));
    }
    expect(supports(CONFIG_SETTING_FEATURES.buildNumber, 'setuptools')).toBe(true);
    expect(whyUnsupported(CONFIG_SETTING_FEATURES.buildNumber, 'hatchling')).toMatch(/hatchling/);
  });
});
