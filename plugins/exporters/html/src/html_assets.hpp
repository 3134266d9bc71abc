// The HTML report's inline style sheet and script (the report loads nothing: see the
// Content-Security-Policy in html_exporter.cpp). Kept apart from the C++ that writes the rows.
//
// The script only enhances rows the exporter already wrote: it turns column headers into sort
// buttons, shows the filter controls (hidden without JavaScript) and keeps the view in the URL
// fragment, so a link reproduces it. Fragment keys (the findings table's are bare, the other
// tables' carry their prefix, "inventory." or "files."):
//   q=TEXT            rows containing every word of TEXT (case-insensitive)
//   severity=a,b      findings of these severities only (critical, high, medium, low, info)
//   suppressed=show   also suppressed findings (hidden by default)
//   files.absent=show also locations looked at and absent (hidden by default)
//   sort=KEY          sort by the column whose header has data-key=KEY; dir=desc reverses
// Example: report.html#q=MCP-003&severity=critical,high&sort=location&dir=desc
#pragma once

#include <string_view>

namespace confscope::html_report {

inline constexpr std::string_view kStyle = R"CSS(
:root{--bg:#f6f7f9;--panel:#fff;--text:#1c2430;--muted:#5b6676;--line:#dde2e8;--head:#eef1f5;
--accent:#1f5fa8;--critical:#7a0b14;--high:#c81e1e;--medium:#b93f0b;--low:#f5c518;--low-ink:#3b2a00;
--info:#3d5a78;--ok:#1d6b3a;--warn:#9a3412;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#12161c;--panel:#1a2029;--text:#e4e8ee;--muted:#9aa5b4;
--line:#2e3744;--head:#222a35;--accent:#7fb2ef;--ok:#4fbf7a;--warn:#f59e63}}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.45 system-ui,-apple-system,"Segoe UI",
Roboto,"Helvetica Neue",Arial,sans-serif}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
font-size:.9em}
a{color:var(--accent)}
.wrap{max-width:1280px;margin:0 auto;padding:0 20px}
.top{background:#17202b;color:#eef2f7;padding:18px 0 14px}
.top h1{margin:0 0 6px;font-size:1.5rem;font-weight:650;overflow-wrap:anywhere}
.status{display:inline-block;margin:0 0 10px;padding:2px 10px;border-radius:999px;font-size:.85rem;
font-weight:600}
.status.complete{background:#1d6b3a;color:#fff}
.status.incomplete{background:#b91c1c;color:#fff}
.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:6px 24px;margin:0}
.meta div{min-width:0}
.meta dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:#a9b6c6}
.meta dd{margin:0;overflow-wrap:anywhere}
.meta ul{margin:0;padding:0;list-style:none}
nav.toc{background:var(--panel);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
nav.toc .wrap{display:flex;gap:4px 18px;flex-wrap:wrap;padding-top:8px;padding-bottom:8px}
nav.toc a{text-decoration:none;font-weight:600;font-size:.9rem}
nav.toc .n{color:var(--muted);font-weight:400}
main{padding-top:18px;padding-bottom:40px}
section{margin:0 0 28px;scroll-margin-top:52px}
#inventory,#files,#rules,#plugins{content-visibility:auto;contain-intrinsic-size:auto 600px}
h2{font-size:1.2rem;margin:0 0 10px}
h2 .n{color:var(--muted);font-weight:400;font-size:.95rem}
.alert{border:1px solid #e5a3a3;border-left:6px solid #b91c1c;background:#fdf0f0;color:#3d0a0a;
padding:10px 14px;border-radius:6px}
@media (prefers-color-scheme:dark){.alert{background:#3a1518;color:#fde2e2;border-color:#7f2a2a}}
.alert h2{margin:0 0 6px}
.alert ul{margin:0;padding-left:20px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(100px,1fr));gap:10px}
.card{display:block;background:var(--panel);border:1px solid var(--line);border-top:5px solid var(--sev,
var(--line));border-radius:8px;padding:10px 12px;text-decoration:none;color:var(--text)}
a.card:hover,a.card:focus{border-color:var(--sev,var(--accent));box-shadow:0 1px 4px rgba(0,0,0,.15)}
.card .n{display:block;font-size:1.7rem;font-weight:700;line-height:1.1}
.card .l{font-size:.85rem;color:var(--muted)}
.card.zero .n{color:var(--muted)}
.sev-critical{--sev:var(--critical)}.sev-high{--sev:var(--high)}.sev-medium{--sev:var(--medium)}
.sev-low{--sev:var(--low)}.sev-info{--sev:var(--info)}
.badge{display:inline-block;min-width:4.8em;text-align:center;padding:1px 8px;border-radius:4px;
font-size:.8rem;font-weight:700;color:#fff;background:var(--sev,var(--info));white-space:nowrap}
.badge.sev-low{color:var(--low-ink)}
.tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:.75rem;font-weight:600;
border:1px solid var(--line);color:var(--muted);white-space:nowrap}
.tag.bad{border-color:#d97757;color:var(--warn)}
.tag.ok{border-color:var(--ok);color:var(--ok)}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table.data{width:100%;border-collapse:collapse;font-size:.9rem}
table.data th,table.data td{padding:7px 10px;text-align:left;vertical-align:top;
border-bottom:1px solid var(--line)}
table.data thead th{background:var(--head);font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;
color:var(--muted);white-space:nowrap}
table.data tbody tr:last-child td{border-bottom:0}
table.data tbody tr:hover{background:rgba(127,140,160,.08)}
#findings-table tbody tr{border-left:4px solid var(--sev,var(--line))}
td.num{text-align:right;white-space:nowrap}
td.wrap,td.loc{overflow-wrap:anywhere}
td.loc{min-width:24em}
td.rulecell{max-width:18em}
td.loc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.85rem}
td.msg{min-width:18em;overflow-wrap:anywhere}
.rule{font-weight:700;white-space:nowrap}
.sub{display:block;color:var(--muted);font-size:.8rem}
.help{white-space:pre-line}
tr.suppressed td{color:var(--muted)}
tr.suppressed .badge{opacity:.6}
tr.absent td{color:var(--muted)}
.kv{display:inline-block;margin-right:10px}
.kv .k{color:var(--muted)}
button.sort{font:inherit;color:inherit;text-transform:inherit;letter-spacing:inherit;background:none;
border:0;padding:0;cursor:pointer;display:inline-flex;align-items:center;gap:4px}
button.sort::after{content:"\2195";opacity:.35;font-size:.9em}
th[aria-sort=ascending] button.sort::after{content:"\25B2";opacity:1}
th[aria-sort=descending] button.sort::after{content:"\25BC";opacity:1}
button.sort:focus-visible,.controls :focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.controls{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;padding:10px 12px;
border-bottom:1px solid var(--line)}
.controls input[type=search]{flex:1 1 220px;min-width:0;font:inherit;padding:6px 10px;border-radius:6px;
border:1px solid var(--line);background:var(--bg);color:var(--text)}
.controls fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.chip{display:inline-flex;align-items:center;gap:4px;padding:2px 10px 2px 4px;border-radius:999px;
border:1px solid var(--line);font-size:.85rem;cursor:pointer;user-select:none}
.chip input{accent-color:var(--sev);margin:0 2px 0 4px}
.toggle{font-size:.85rem;cursor:pointer;white-space:nowrap}
.controls button.reset{font:inherit;font-size:.85rem;padding:4px 10px;border-radius:6px;
border:1px solid var(--line);background:var(--panel);color:var(--text);cursor:pointer}
.count{margin-left:auto;color:var(--muted);font-size:.85rem;white-space:nowrap}
.empty{padding:14px;color:var(--muted);margin:0}
.note{color:var(--muted);font-size:.85rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap}
details>summary{cursor:pointer;font-weight:600}
footer{color:var(--muted);font-size:.8rem;padding:16px 0 30px;border-top:1px solid var(--line)}
@media (max-width:600px){
body{font-size:14px}
.wrap{padding:0 12px}
.top h1{font-size:1.25rem}
.meta{grid-template-columns:1fr 1fr}
.cards{grid-template-columns:repeat(3,1fr);gap:6px}
.card{padding:6px 8px}
.card .n{font-size:1.3rem}
.card .l{font-size:.75rem}
.count{margin-left:0}
table.reflow,table.reflow tbody,table.reflow tr,table.reflow td{display:block;width:100%}
table.reflow thead tr{display:flex;flex-wrap:wrap;gap:4px 12px;padding:6px 10px;background:var(--head)}
table.reflow thead th{display:block;padding:0;border:0;background:none}
table.reflow tbody tr{padding:8px 10px;border-bottom:1px solid var(--line)}
table.reflow td{padding:1px 0;border:0;min-width:0;text-align:left}
table.reflow td::before{color:var(--muted);font-size:.75rem;text-transform:uppercase;
letter-spacing:.03em}
#findings-table td:first-child,#findings-table td:nth-child(2){display:inline-block;width:auto;
margin-right:8px}
#findings-table .sub{display:inline;margin-left:4px}
td.msg,td.loc,td.rulecell{min-width:0;max-width:none}
table.reflow td:empty{display:none}
}
@media print{nav.toc,.controls{display:none!important}section{content-visibility:visible!important}.top{background:none;color:#000}
.meta dt{color:#444}a{color:inherit}}
)CSS";

inline constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
  var tables = [];

  function toArray(list) { return Array.prototype.slice.call(list); }

  // The view as a URL fragment: "key=value&key=value" (values percent-encoded, commas kept).
  function readFragment() {
    var hash = location.hash.replace(/^#/, '');
    if (hash.indexOf('=') < 0) return null;  // a plain anchor (#rules), not a view
    var params = {};
    hash.split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at <= 0) return;
      try {
        params[decodeURIComponent(pair.slice(0, at))] =
            decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
      } catch (e) { /* a malformed pair is ignored */ }
    });
    return params;
  }

  function writeFragment() {
    var parts = [];
    tables.forEach(function (t) { t.state(parts); });
    var url = location.pathname + location.search + (parts.length ? '#' + parts.join('&') : '');
    try { history.replaceState(null, '', url); } catch (e) { /* file: URLs may refuse */ }
  }

  function Table(el) {
    var self = this;
    this.el = el;
    this.body = el.tBodies[0];
    this.rows = toArray(this.body.rows);
    this.order = new Map();
    this.rows.forEach(function (row, i) { self.order.set(row, i); });
    this.prefix = el.getAttribute('data-state') || '';
    this.heads = toArray(el.tHead.rows[0].cells);
    this.sortKey = '';
    this.sortDir = 'asc';
    this.texts = null;
    this.heads.forEach(function (th) {
      var key = th.getAttribute('data-key');
      if (!key) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.title = 'Sort by this column';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        self.sort(key, self.sortKey === key && self.sortDir === 'asc' ? 'desc' : 'asc');
        writeFragment();
      });
    });
    var c = this.controls = document.querySelector('[data-controls="' + el.id + '"]');
    if (!c) return;
    this.query = c.querySelector('input[type=search]');
    this.severities = toArray(c.querySelectorAll('input[name=severity]'));
    this.shows = toArray(c.querySelectorAll('input[data-show]'));
    this.count = c.querySelector('.count');
    var timer = 0;
    var changed = function () { self.filter(); writeFragment(); };
    if (this.query) {
      this.query.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(changed, self.rows.length > 2000 ? 200 : 60);
      });
    }
    this.severities.concat(this.shows).forEach(function (box) {
      box.addEventListener('change', changed);
    });
    var reset = c.querySelector('button.reset');
    if (reset) reset.addEventListener('click', function () { self.load({}); writeFragment(); });
    c.hidden = false;
  }

  Table.prototype.column = function (key) {
    for (var i = 0; i < this.heads.length; ++i)
      if (this.heads[i].getAttribute('data-key') === key) return i;
    return -1;
  };

  // Sort by a column: data-sort values when both are numbers, else the text, numbers inside it
  // compared as numbers ("f:9" before "f:10"). Ties keep the report's order. No key: that order.
  Table.prototype.sort = function (key, dir) {
    var self = this;
    var col = this.column(key);
    var sign = dir === 'desc' ? -1 : 1;
    var keyed = this.rows.map(function (row) {
      var cell = col >= 0 ? row.cells[col] : null;
      var raw = cell ? cell.getAttribute('data-sort') : null;
      var text = cell ? (raw !== null ? raw : cell.textContent.trim()) : '';
      var num = raw !== null && raw !== '' && isFinite(raw) ? Number(raw) : NaN;
      return {row: row, text: text, num: num, order: self.order.get(row)};
    });
    keyed.sort(function (a, b) {
      var c = 0;
      if (col >= 0) {
        c = !isNaN(a.num) && !isNaN(b.num) ? a.num - b.num : collator.compare(a.text, b.text);
        c *= sign;
      }
      return c || a.order - b.order;
    });
    // Emptied first: moving rows one by one inside a large live table is ten times slower.
    this.body.textContent = '';
    var fragment = document.createDocumentFragment();
    this.rows = keyed.map(function (k) { fragment.appendChild(k.row); return k.row; });
    this.body.appendChild(fragment);
    this.sortKey = col >= 0 ? key : '';
    this.sortDir = col >= 0 ? dir : 'asc';
    this.heads.forEach(function (th, i) {
      if (!th.hasAttribute('aria-sort')) return;
      th.setAttribute('aria-sort', i !== col ? 'none' : dir === 'desc' ? 'descending' : 'ascending');
    });
    this.el.setAttribute('data-sorted', this.sortKey ? this.sortKey + ' ' + this.sortDir : '');
  };

  Table.prototype.filter = function () {
    if (!this.controls) return;
    var self = this;
    var terms = this.query ? this.query.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
    var allowed = {};
    this.severities.forEach(function (box) { allowed[box.value] = box.checked; });
    var hiddenClasses = this.shows.filter(function (box) { return !box.checked; })
        .map(function (box) { return box.getAttribute('data-show'); });
    if (terms.length && !this.texts) {
      this.texts = new Map();
      this.rows.forEach(function (row) { self.texts.set(row, row.textContent.toLowerCase()); });
    }
    var shown = 0;
    this.rows.forEach(function (row) {
      var ok = true;
      var severity = row.getAttribute('data-severity');
      if (severity && allowed[severity] === false) ok = false;
      for (var i = 0; ok && i < hiddenClasses.length; ++i)
        if (row.classList.contains(hiddenClasses[i])) ok = false;
      if (ok && terms.length) {
        var text = self.texts.get(row);
        for (var j = 0; ok && j < terms.length; ++j)
          if (text.indexOf(terms[j]) < 0) ok = false;
      }
      if (row.hidden === ok) row.hidden = !ok;
      if (ok) ++shown;
    });
    if (this.count) {
      var total = this.rows.length;
      this.count.textContent = (shown === total ? '' : shown + ' of ') + total + ' ' +
          this.count.getAttribute('data-noun');
    }
    this.el.setAttribute('data-shown', String(shown));
  };

  // Apply a view (missing keys: the defaults).
  Table.prototype.load = function (params) {
    var p = this.prefix;
    if (this.controls) {
      if (this.query) this.query.value = params[p + 'q'] || '';
      var list = params[p + 'severity'] ? params[p + 'severity'].toLowerCase().split(',') : null;
      this.severities.forEach(function (box) { box.checked = !list || list.indexOf(box.value) >= 0; });
      this.shows.forEach(function (box) {
        box.checked = params[p + box.getAttribute('data-show')] === 'show';
      });
    }
    var key = params[p + 'sort'] || '';
    var dir = params[p + 'dir'] === 'desc' ? 'desc' : 'asc';
    if (key !== this.sortKey || dir !== this.sortDir) this.sort(key, dir);
    this.filter();
  };

  // Append this table's non-default view to `parts`.
  Table.prototype.state = function (parts) {
    var p = this.prefix;
    var put = function (k, v) {
      parts.push(encodeURIComponent(p + k) + '=' + encodeURIComponent(v).replace(/%2C/g, ','));
    };
    if (this.controls) {
      if (this.query && this.query.value) put('q', this.query.value);
      var checked = this.severities.filter(function (b) { return b.checked; });
      if (checked.length !== this.severities.length)
        put('severity', checked.map(function (b) { return b.value; }).join(','));
      this.shows.forEach(function (box) {
        if (box.checked) put(box.getAttribute('data-show'), 'show');
      });
    }
    if (this.sortKey) {
      put('sort', this.sortKey);
      if (this.sortDir === 'desc') put('dir', 'desc');
    }
  };

  function applyFragment() {
    var params = readFragment();
    if (params === null) return false;
    tables.forEach(function (t) { t.load(params); });
    return true;
  }

  toArray(document.querySelectorAll('table.sortable')).forEach(function (el) {
    if (el.tHead && el.tBodies.length) tables.push(new Table(el));
  });
  if (!applyFragment()) tables.forEach(function (t) { t.filter(); });
  window.addEventListener('hashchange', applyFragment);
  toArray(document.querySelectorAll('a[data-view]')).forEach(function (a) {
    a.addEventListener('click', function () {
      setTimeout(function () {
        var target = document.getElementById('findings');
        if (target) target.scrollIntoView();
      }, 0);
    });
  });
  document.documentElement.classList.add('js');
})();
)JS";

}  // namespace confscope::html_report
