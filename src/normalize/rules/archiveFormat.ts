import type { NormalizationRule } from '../types.js';

const both = ['wheel', 'sdist'] as const;

export const memberOrder: NormalizationRule = {
  name: 'member-order',
  level: 'content',
  artifacts: both,
  doc: 'The order of members in the archive is ignored.',
  apply: (m) => m,
};

export const timestamps: NormalizationRule = {
  name: 'timestamps',
  level: 'content',
  artifacts: both,
  doc: 'Member modification times are ignored.',
  apply: (m) => m.map((x) => ({ ...x, mtime: null })),
};

export const ownership: NormalizationRule = {
  name: 'ownership',
  level: 'content',
  artifacts: both,
  doc: 'uid, gid and owner names of tar members are ignored.',
  apply: (m) => m.map(({ owner: _owner, ...x }) => x),
};

export const compression: NormalizationRule = {
  name: 'compression',
  level: 'content',
  artifacts: both,
  doc: 'Compression method, level and zip/tar/gzip format details are ignored: members are compared by content.',
  apply: (m) => m,
};

export const modeExecutableOnly: NormalizationRule = {
  name: 'mode-executable-only',
  level: 'content',
  artifacts: both,
  doc: 'Of a member\'s permission bits only "executable by its owner" is compared.',
  apply: (m) => m.map((x) => ({ ...x, mode: x.mode === null ? null : x.mode & 0o100 })),
};
