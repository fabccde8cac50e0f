/**
 * The HTML run report (`--html FILE`): one self-contained page built from
 * the JSON report data — no network at view time (diff2html's stylesheet is
 * inlined, the diffs are rendered here, the filter script is a few lines of
 * our own). The run's summary comes first (backends, properties, level,
 * rules applied, runs, builds, time), then one section per finding: summary,
 * signature, each difference with its unified diff side by side (diff2html),
 * the minimal project's files, the replay and reproduce commands, and the
 * kept artifacts (`--keep-artifacts`). Findings can be filtered by property
 * and artifact; the page is laid out for phones too.
 *
 * Hooks for tests and tools: each finding is `section.finding` with
 * `data-signature`, `data-property` and `data-artifacts`; each difference is
 * `div.difference` with `data-artifact` and, when it has a diff,
 * `div.diff-view`; the filters are `input[data-filter]`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { html as diffHtml } from 'diff2html';
import type { Difference } from '../compare/types.js';
import type { JsonReport, ReportFinding } from './jsonReport.js';
import { kindDocUri, ruleDocUri } from './docsLink.js';
import { escapeXml as esc } from './junit.js';

export interface HtmlOptions {
  /** Folder the page is written to: links to kept artifacts are made relative to it. */
  baseDir?: string;
}

let d2hCss: string | undefined;
function diff2htmlCss(): string {
  d2hCss ??= readFileSync(createRequire(import.meta.url).resolve('diff2html/bundles/css/diff2html.min.css'), 'utf8');
  return d2hCss;
}

/** diff2html takes `--- a/PATH\tLABEL` for a rename (the label is part of the name): drop the labels, we show them ourselves. */
function forRenderer(diff: string): string {
  return diff.replace(/^(---|\+\+\+) ([^\t\n]*)\t[^\n]*$/gm, '$1 $2');
}

const ARTIFACTS = ['wheel', 'sdist'] as const;

function difference(d: Difference, labels: [string, string]): string {
  const head = `<h4><span class="tag">${esc(d.artifact)}</span> <span class="kind">${esc(d.kind)}</span>${d.path ? ` <code>${esc(d.path)}</code>` : ''}${d.code ? ` <a href="${esc(ruleDocUri(d.code))}">${esc(d.code)}</a>` : ` <a class="kind-doc" href="${esc(kindDocUri(d.kind))}">?</a>`}</h4>`;
  const sides =
    d.a !== undefined || d.b !== undefined
      ? `<dl class="sides"><dt>${esc(labels[0])}</dt><dd>${esc(d.a ?? '—')}</dd><dt>${esc(labels[1])}</dt><dd>${esc(d.b ?? '—')}</dd></dl>`
      : '';
  const view = d.diff ? `<div class="diff-view">${diffHtml(forRenderer(d.diff), { outputFormat: 'side-by-side', drawFileList: false, matching: 'lines' })}</div>` : '';
  return `<div class="difference" data-artifact="${esc(d.artifact)}">${head}${sides}${view}</div>`;
}

function finding(f: ReportFinding, r: JsonReport, i: number, opts: HtmlOptions): string {
  const labels: [string, string] = [r.backends[0]?.label ?? 'A', r.backends[1]?.label ?? r.backends[0]?.label ?? 'B'];
  const artifacts = [...new Set(f.differences.map((d) => d.artifact))];
  const files = Object.entries(f.project.files)
    .map(([path, text]) => `<details open><summary><code>${esc(path)}</code></summary><pre>${esc(text)}</pre></details>`)
    .join('');
  const commands = [`# the difference, again\n${f.replay}`];
  if (f.corpusFile) {
    commands.push(`# the project and a reproduce.sh that needs Python only\ntwinbuild replay ${f.corpusFile} --materialize /tmp/case && sh /tmp/case/reproduce.sh`);
    commands.push(`# issue-ready Markdown\ntwinbuild explain ${f.corpusFile}`);
  }
  const kept = (f.artifacts ?? [])
    .map((k) => {
      const href = opts.baseDir ? relative(opts.baseDir, k.file) : k.file;
      return `<li>${esc(k.side.toUpperCase())} ${esc(k.artifact)}: <a href="${esc(encodeURI(href))}">${esc(href)}</a></li>`;
    })
    .join('');
  const shrink = f.shrinkComplete === false ? ' — shrinking was cut short, the project may not be minimal' : '';
  return `<section class="finding" id="finding-${i + 1}" data-signature="${esc(f.signature)}" data-property="${esc(f.property)}" data-artifacts="${esc(artifacts.join(' '))}">
<h2>${esc(f.summary)}</h2>
<dl class="facts"><dt>signature</dt><dd><code>${esc(f.signature)}</code> <code class="sigtext">${esc(f.signatureText)}</code></dd>
<dt>property</dt><dd>${esc(f.property)}</dd>
<dt>found</dt><dd>after ${(f.foundAfterMs / 1000).toFixed(1)} s, shrunk in ${(f.shrinkMs / 1000).toFixed(1)} s (${f.shrinks} steps)${esc(shrink)}</dd>
${f.corpusFile ? `<dt>corpus file</dt><dd><code>${esc(f.corpusFile)}</code></dd>` : ''}</dl>
<h3>Differences</h3>
${f.differences.map((d) => difference(d, labels)).join('\n')}
<h3>Minimal project (as written for A)</h3>
${files || '<p>(no files)</p>'}
<h3>Reproduce</h3>
<pre class="commands">${esc(commands.join('\n\n'))}</pre>
${kept ? `<h3>Kept artifacts</h3><ul class="kept">${kept}</ul>` : ''}
</section>`;
}

function checkboxes(kind: 'property' | 'artifact', values: string[]): string {
  return `<fieldset><legend>${kind}</legend>${values
    .map((v) => `<label><input type="checkbox" checked data-filter="${kind}" value="${esc(v)}"> ${esc(v)}</label>`)
    .join(' ')}</fieldset>`;
}

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#fff}
header,main,nav{max-width:1200px;margin:0 auto;padding:0 16px}
h1{font-size:1.5em;margin:16px 0 8px}h2{font-size:1.2em;margin:0 0 8px;overflow-wrap:anywhere}
h3{font-size:1em;margin:16px 0 6px}h4{font-size:.95em;margin:12px 0 4px;overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
pre{background:#f6f8fa;padding:8px;overflow-x:auto;white-space:pre;margin:4px 0}
.summary{border-collapse:collapse;width:100%}.summary th,.summary td{text-align:left;vertical-align:top;padding:3px 8px;border-bottom:1px solid #d0d7de}
.summary td{overflow-wrap:anywhere}
.outcome-failed{color:#b31d28}.outcome-passed{color:#22863a}.outcome-interrupted{color:#9a6700}
nav fieldset{display:inline-block;border:1px solid #d0d7de;margin:8px 8px 8px 0;padding:4px 10px}
nav label{margin-right:10px;white-space:nowrap}
.finding{border:1px solid #d0d7de;border-radius:6px;padding:12px;margin:16px 0}
.facts,.sides{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
.facts dt,.sides dt{color:#59636e}.facts dd,.sides dd{margin:0;overflow-wrap:anywhere}
.sigtext{color:#59636e}
.tag{background:#ddf4ff;border-radius:4px;padding:0 6px}.kind{font-weight:600}
.diff-view{overflow-x:auto}.d2h-file-collapse{display:none}
.d2h-wrapper{margin:4px 0}
details summary{cursor:pointer}
#no-match{font-style:italic}
@media (max-width:700px){
  body{font-size:14px}header,main,nav{padding:0 8px}
  .d2h-files-diff{display:block}.d2h-file-side-diff{width:100%;margin-bottom:4px}
  .summary th{display:block;border:0;padding-bottom:0}.summary td{display:block}
}
`;

/** Hide findings (and differences) the filters exclude; say so when nothing is left. */
const SCRIPT = `
(function(){
  var boxes=[].slice.call(document.querySelectorAll('input[data-filter]'));
  function on(kind){return boxes.filter(function(b){return b.dataset.filter===kind&&b.checked}).map(function(b){return b.value})}
  function apply(){
    var props=on('property'),arts=on('artifact'),shown=0;
    [].forEach.call(document.querySelectorAll('section.finding'),function(s){
      var mine=s.dataset.artifacts.split(' ');
      var ok=props.indexOf(s.dataset.property)>=0&&mine.some(function(a){return arts.indexOf(a)>=0});
      s.hidden=!ok;if(ok)shown++;
      [].forEach.call(s.querySelectorAll('.difference'),function(d){d.hidden=arts.indexOf(d.dataset.artifact)<0});
    });
    var none=document.getElementById('no-match');if(none)none.hidden=shown>0||!document.querySelector('section.finding');
  }
  boxes.forEach(function(b){b.addEventListener('change',apply)});
  apply();
})();
`;

/** The whole page. */
export function htmlReport(r: JsonReport, opts: HtmlOptions = {}): string {
  const title = `twinbuild ${r.command}: ${r.findings.length ? `${r.findings.length} finding(s)` : 'no findings'}`;
  const row = (k: string, v: string): string => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`;
  const backends = r.backends.map((b) => `${esc(b.role.toUpperCase())}: <code>${esc(b.spec)}</code> — ${esc(b.label)} (<code>${esc(b.python)}</code>)`).join('<br>');
  const rules = r.rules.length
    ? `<details><summary>${r.rules.length} rule(s)</summary><ul>${r.rules.map((x) => `<li><code>${esc(x.name)}</code> ${esc(x.doc)}</li>`).join('')}</ul></details>`
    : 'none';
  const properties = [...new Set([...r.properties, ...r.findings.map((f) => f.property)])];
  const artifacts = ARTIFACTS.filter((a) => r.findings.some((f) => f.differences.some((d) => d.artifact === a)));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${diff2htmlCss()}</style>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<table class="summary">
${row('outcome', `<span class="outcome-${esc(r.outcome)}">${esc(r.outcome)}</span>`)}
${row('backends', backends)}
${row('properties', esc(r.properties.join(', ')))}
${row('level', esc(r.level))}
${row('rules applied', rules)}
${row('runs', `${r.runs} runs, ${r.stats.projects} projects, ${r.builds} builds (rejected: A ${r.stats.rejected.a}, B ${r.stats.rejected.b}, both ${r.stats.bothRejected})`)}
${row('time', `${(r.durationMs / 1000).toFixed(1)} s`)}
${row('seed', String(r.seed))}
${row('twinbuild', esc(r.version))}
</table>
</header>
${r.findings.length ? `<nav id="filters">${checkboxes('property', properties)}${checkboxes('artifact', artifacts)}</nav>` : ''}
<main>
${r.findings.map((f, i) => finding(f, r, i, opts)).join('\n')}
<p id="no-match" hidden>No finding matches the filters.</p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
