import type { JsonReport } from './jsonReport.js';

/** Escape text for XML and HTML (attributes too); drops control characters XML 1.0 forbids. */
export const escapeXml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const esc = escapeXml;

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/**
 * JUnit XML: one test case per property (its own time in the run when the
 * report has it), and one failing test case per finding, timed with the
 * finding's own time (searching, confirming and shrinking it).
 */
export function junitXml(r: JsonReport): string {
  const vs = r.backends.map((b) => b.label).join(' vs ');
  const cases = r.properties.map((p) => {
    const failed = r.findings.filter((f) => f.property === p).length;
    const time = r.propertyMs?.[p] ?? r.durationMs;
    const body = failed ? `\n      <failure message="${esc(`${failed} finding(s)`)}" type="findings">${esc(`${failed} finding(s), each a test case of its own`)}</failure>\n    ` : '';
    return `    <testcase classname="twinbuild.${esc(p)}" name="${esc(`${p}: ${vs}`)}" time="${seconds(time)}">${body}</testcase>`;
  });
  for (const f of r.findings) {
    const failure = `      <failure message="${esc(f.summary)}" type="${esc(f.signature)}">${esc(`${f.signatureText}\nreplay: ${f.replay}`)}</failure>`;
    cases.push(`    <testcase classname="twinbuild.${esc(f.property)}.finding" name="${esc(`${f.signature}: ${f.summary}`)}" time="${seconds(f.ownMs ?? f.shrinkMs)}">\n${failure}\n    </testcase>`);
  }
  const failures = r.findings.length + r.properties.filter((p) => r.findings.some((f) => f.property === p)).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="twinbuild" tests="${cases.length}" failures="${failures}" errors="0" time="${seconds(r.durationMs)}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
