import type { JsonReport } from './jsonReport.js';

const esc = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML: one test case per property, one failure per finding. */
export function junitXml(r: JsonReport): string {
  const cases = r.properties.map((p) => {
    const fs = r.findings.filter((f) => f.property === p);
    const body = fs
      .map((f) => `      <failure message="${esc(f.summary)}" type="${esc(f.signature)}">${esc(`${f.signatureText}\nreplay: ${f.replay}`)}</failure>`)
      .join('\n');
    return `    <testcase classname="twinbuild.${esc(p)}" name="${esc(`${p}: ${r.backends.map((b) => b.label).join(' vs ')}`)}" time="${(r.durationMs / 1000).toFixed(3)}">${body ? `\n${body}\n    ` : ''}</testcase>`;
  });
  const failures = r.findings.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="twinbuild" tests="${r.properties.length}" failures="${failures}" errors="0" time="${(r.durationMs / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
