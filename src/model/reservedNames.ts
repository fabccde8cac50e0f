/**
 * Names a generated import name must never take.
 *
 * - Python keywords (hard keywords; soft keywords such as `match` are valid names).
 * - Names that collide with files or folders a project or a build puts next to
 *   the packages (`setup.py`, `build/`, `dist/`, `src/`, ...).
 * - At top level only: standard-library modules and the modules of build
 *   backends and their dependencies. Backends are often run with the project
 *   folder as the working directory (and sometimes on `sys.path`), so a
 *   top-level `re.py` or `packaging/` could shadow what the backend imports.
 *
 * All comparisons are case-insensitive (`Setup` is as bad as `setup` on a
 * case-insensitive file system).
 */

export const PYTHON_KEYWORDS: readonly string[] = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
  'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
  'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
];

/** Files and folders of a project or of a build, at any level. */
export const PROJECT_RESERVED_NAMES: readonly string[] = [
  'setup', 'build', 'dist', 'src', 'test', 'tests', 'docs', 'pyproject',
  '__init__', '__main__', '__pycache__', 'conftest', 'manifest', 'pkg_info',
  // root files and folders of generated projects (readme, license files, sdist-only files)
  'readme', 'license', 'licenses', 'copying', 'notice', 'authors', 'legal',
  'changelog', 'changes', 'history', 'tox', '_twinbuild_temporary',
];

/** Modules of build backends, frontends and their dependencies (top level only). */
export const BUILD_TOOL_MODULES: readonly string[] = [
  '_distutils_hack', 'autocommand', 'backports', 'build', 'distutils', 'editables',
  'flit', 'flit_core', 'hatch', 'hatchling', 'importlib_metadata', 'importlib_resources',
  'inflect', 'installer', 'jaraco', 'more_itertools', 'packaging', 'pathspec', 'pdm',
  'pip', 'pkg_resources', 'platformdirs', 'pluggy', 'poetry', 'pyproject_hooks',
  'setuptools', 'tomli', 'tomli_w', 'trove_classifiers', 'typing_extensions', 'uv',
  'uv_build', 'virtualenv', '_virtualenv', 'wheel', 'zipp',
  // imported by `site` at start-up when found on sys.path
  'sitecustomize', 'usercustomize',
];

/** `sys.stdlib_module_names` of CPython 3.10 to 3.13, united. */
export const STDLIB_MODULES: readonly string[] = `
__future__ _abc _aix_support _android_support _ast _asyncio _bisect _blake2 
_bootsubprocess _bz2 _codecs _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr 
_codecs_tw _collections _collections_abc _colorize _compat_pickle _compression 
_contextvars _crypt _csv _ctypes _curses _curses_panel _datetime _dbm _decimal 
_elementtree _frozen_importlib _frozen_importlib_external _functools _gdbm _hashlib 
_heapq _imp _interpchannels _interpqueues _interpreters _io _ios_support _json _locale 
_lsprof _lzma _markupbase _md5 _msi _multibytecodec _multiprocessing _opcode 
_opcode_metadata _operator _osx_support _overlapped _pickle _posixshmem _posixsubprocess 
_py_abc _pydatetime _pydecimal _pyio _pylong _pyrepl _queue _random _scproxy _sha1 _sha2 
_sha256 _sha3 _sha512 _signal _sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics 
_string _strptime _struct _suggestions _symtable _sysconfig _thread _threading_local 
_tkinter _tokenize _tracemalloc _typing _uuid _warnings _weakref _weakrefset _winapi _wmi 
_zoneinfo abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit 
audioop base64 bdb binascii binhex bisect builtins bz2 cProfile calendar cgi cgitb chunk 
cmath cmd code codecs codeop collections colorsys compileall concurrent configparser 
contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm 
decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler 
fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass 
gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp 
importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale logging 
lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt 
multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse 
os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib 
posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat 
queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select 
selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd 
sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct 
subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile 
termios textwrap this threading time timeit tkinter token tokenize tomllib trace 
traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu 
uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc 
zipapp zipfile zipimport zlib zoneinfo `
  .split(/\s+/)
  .filter((n) => n !== '');

const keywordSet = new Set(PYTHON_KEYWORDS);
const anyLevel = new Set(PROJECT_RESERVED_NAMES.map((n) => n.toLowerCase()));
const topLevelOnly = new Set([...STDLIB_MODULES, ...BUILD_TOOL_MODULES].map((n) => n.toLowerCase()));

/** True when `name` must not be used as an import name (`topLevel`: also stdlib and tool modules). */
export function isReservedImportName(name: string, topLevel: boolean): boolean {
  if (keywordSet.has(name)) return true;
  const key = name.toLowerCase();
  if (anyLevel.has(key)) return true;
  return topLevel && topLevelOnly.has(key);
}

/**
 * True when a top-level import name would shadow a standard-library or
 * build-tool module (or is a keyword): unsafe in any project, whatever the
 * generator's own reserved names.
 */
export function shadowsToolOrStdlib(name: string): boolean {
  return keywordSet.has(name) || topLevelOnly.has(name.toLowerCase());
}
