import type { NormalizationRule } from '../types.js';

export const setuptoolsEggInfo: NormalizationRule = {
  name: 'setuptools-egg-info',
  level: 'semantic',
  artifacts: ['sdist'],
  doc: "setuptools' *.egg-info/ folder in sdists is its own build cache, not project content.",
  apply: (members, ctx) => {
    const isEggInfo = (p: string): boolean => p.split('/').some((seg, i, all) => i < all.length - 1 && seg.endsWith('.egg-info'));
    ctx.pathMaps.push((p) => (isEggInfo(p) ? null : p));
    return members.filter((m) => !isEggInfo(m.path));
  },
};

const GENERATED_SETUP_CFG = /^\s*\[egg_info\]\s*\ntag_build\s*=\s*\ntag_date\s*=\s*0\s*$/;

export const setuptoolsGeneratedSetupCfg: NormalizationRule = {
  name: 'setuptools-generated-setup-cfg',
  level: 'semantic',
  artifacts: ['sdist'],
  doc: 'The setup.cfg holding only [egg_info] tag options that setuptools writes into sdists is ignored.',
  apply: (members) =>
    // Runs after sdist-top-folder: the sdist's own setup.cfg is at 'setup.cfg'.
    members.filter((m) => !(m.path === 'setup.cfg' && m.text !== null && GENERATED_SETUP_CFG.test(m.text))),
};

export const topLevelTxt: NormalizationRule = {
  name: 'top-level-txt',
  level: 'semantic',
  artifacts: ['wheel'],
  doc: "setuptools' legacy dist-info/top_level.txt is not part of any wheel specification.",
  apply: (members, ctx) => {
    const drop = (p: string): boolean => /^(\{dist-info\}|[^/]+\.dist-info)\/top_level\.txt$/.test(p);
    ctx.pathMaps.push((p) => (drop(p) ? null : p));
    return members.filter((m) => !drop(m.path));
  },
};
