"""The page ``cddraft serve`` shows: a tab per outline, the rendered pages, the findings beside them; it updates
itself on every build (server-sent events) and loads nothing from outside."""

from __future__ import annotations

import html

_STYLE = """
body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#222;background:#eee}
nav{background:#1f3b57;padding:.4em 1em}nav a{color:#fff;margin-right:1.2em;text-decoration:none}
nav a.here{font-weight:bold;text-decoration:underline}
#status{padding:.3em 1em;background:#fff8d6}#status.ready{background:#dff3e4}#status.error{background:#f8d7da}
main{display:flex;gap:1em;padding:1em}#pages{flex:3}#pages img{display:block;margin:0 auto 1em;
box-shadow:0 1px 4px rgba(0,0,0,.3);background:#fff;max-width:100%}
aside{flex:2;background:#fff;padding:.5em 1em;max-height:90vh;overflow:auto}
li.finding{margin:.3em 0}.code{font-family:monospace;cursor:pointer;color:#1f3b57;text-decoration:underline}
div.explain{background:#f5f5f5;padding:.5em;font-size:.85em}div.explain pre{white-space:pre-wrap}
"""

_SCRIPT = """
const outline = Number(document.body.dataset.outline);
function esc(s){return String(s).replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));}
async function explain(code, li){
  if (li.querySelector('.explain')) return;
  const r = await fetch('/explain/' + encodeURIComponent(code));
  const box = document.createElement('div'); box.className = 'explain';
  box.innerHTML = await r.text();  // rendered and escaped by the server (cddraft.check.explain)
  li.appendChild(box);
}
async function refresh(){
  const s = await (await fetch('/o/' + outline + '/state')).json();
  const status = document.getElementById('status');
  status.className = s.state;
  status.textContent = s.state === 'building' ? 'building…' : s.state === 'error'
    ? 'the outline has errors: the pages are the last good build' : 'built (version ' + s.version + ')';
  const base = '/o/' + outline + '/file/';
  document.getElementById('links').innerHTML = (s.docx ? '<a href="' + base + s.docx + '">.docx</a> ' : '')
    + (s.pdf ? '<a href="' + base + s.pdf + '">PDF</a>' : '');
  const pages = document.getElementById('pages');
  if (s.pages.length && pages.dataset.version !== String(s.version)) {
    pages.innerHTML = s.pages.map((p, i) => '<img alt="page ' + (i + 1) + '" src="' + base + p + '">').join('');
    pages.dataset.version = String(s.version);
  }
  const items = [...s.errors, ...s.findings];
  document.getElementById('findings').innerHTML = items.length ? items.map(f =>
    '<li class="finding ' + esc(f.severity) + '">' + (f.line ? esc(f.line + ':' + f.column) + ' ' : '')
    + (f.code ? '<span class="code" onclick="explain(\\'' + esc(f.code) + '\\', this.parentNode)">' + esc(f.code)
    + '</span> ' : '') + esc(f.severity) + ': ' + esc(f.message) + '</li>').join('') : '<li>no findings</li>';
}
const events = new EventSource('/events');
events.onmessage = e => { const m = JSON.parse(e.data); if (m.outline === outline) refresh(); };
refresh();
"""


def page(names: list[str], n: int) -> str:
    """The page of outline ``n`` (tabs to the others)."""
    tabs = "".join(f'<a href="/o/{i}/"{" class=here" if i == n else ""}>{html.escape(name)}</a>'
                   for i, name in enumerate(names))
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(names[n])} — cddraft serve</title><style>{_STYLE}</style></head>"
            f'<body data-outline="{n}"><nav>{tabs}</nav><div id="status">building…</div>'
            '<main><section id="pages"></section><aside><p id="links"></p><h3>Findings</h3>'
            f'<ul id="findings"></ul></aside></main><script>{_SCRIPT}</script></body></html>\n')
