/**
 * Version specifiers (the version-specifiers specification): a
 * comma-separated list of clauses, each an operator and a version.
 */
import { parseVersion } from './version.js';

const CLAUSE = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*(\S*)\s*$/;

/** Why one clause such as `>=1.0` is invalid, or null when it is valid. */
export function specifierClauseProblem(clause: string): string | null {
  const m = CLAUSE.exec(clause);
  if (!m) return `'${clause.trim()}' is not an operator (~=, ==, !=, <=, >=, <, >, ===) followed by a version`;
  const op = m[1]!;
  const version = m[2]!;
  if (version === '') return `'${clause.trim()}' has no version after '${op}'`;
  if (op === '===') return null;
  const wildcard = version.endsWith('.*');
  const v = parseVersion(wildcard ? version.slice(0, -2) : version);
  if (v === null) return `'${version}' in '${clause.trim()}' is not a valid PEP 440 version`;
  if (wildcard && op !== '==' && op !== '!=') return `a '.*' prefix match is only allowed with == and != ('${clause.trim()}')`;
  if (wildcard && v.local !== undefined) return `a '.*' prefix match cannot have a local version label ('${clause.trim()}')`;
  if (v.local !== undefined && op !== '==' && op !== '!=') return `a local version label is only allowed with == and != ('${clause.trim()}')`;
  if (op === '~=' && v.release.length < 2) return `'~=' needs a version with at least two release segments ('${clause.trim()}')`;
  return null;
}

/**
 * Problems of a specifier set such as `>=3.8,<4` (an empty set is valid and
 * matches every version; a trailing comma is accepted, as PEP 508 allows).
 */
export function specifierSetProblems(text: string): string[] {
  if (text.trim() === '') return [];
  const clauses = text.split(',');
  if (clauses.length > 1 && clauses[clauses.length - 1]!.trim() === '') clauses.pop();
  const problems: string[] = [];
  for (const clause of clauses) {
    if (clause.trim() === '') {
      problems.push(`empty clause in '${text.trim()}'`);
      continue;
    }
    const p = specifierClauseProblem(clause);
    if (p !== null) problems.push(p);
  }
  return problems;
}
