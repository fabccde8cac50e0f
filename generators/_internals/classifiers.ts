/**
 * Trove classifiers (https://pypi.org/classifiers/) that are valid, current
 * and not `License ::` (PEP 639 forbids those next to a license expression).
 * Listed in no particular order; hatchling validates against the real list.
 */
export const CLASSIFIERS = [
  'Programming Language :: Python :: 3',
  'Development Status :: 4 - Beta',
  'Intended Audience :: Developers',
  'Operating System :: OS Independent',
  'Programming Language :: Python :: 3 :: Only',
  'Topic :: Software Development :: Libraries',
  'Development Status :: 5 - Production/Stable',
  'Natural Language :: English',
  'Programming Language :: Python :: 3.11',
  'Typing :: Typed',
  'Environment :: Console',
  'Framework :: Pytest',
  'Intended Audience :: Science/Research',
  'Topic :: Utilities',
  'Programming Language :: Python :: Implementation :: CPython',
  'Private :: Do Not Upload',
] as const;
