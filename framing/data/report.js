/* framing HTML explorer: filters by outlet, side and concept. Inlined into report.html.
   Reads only the page's own data-* attributes; writes no HTML (no innerHTML), only text,
   classes and the hidden/open properties. Without it every article stays visible. */
(function () {
  'use strict';
  var doc = document;
  doc.documentElement.classList.add('js');
  var bar = doc.getElementById('filters');
  if (!bar) { return; }
  var sel = {
    outlet: doc.getElementById('f-outlet'),
    side: doc.getElementById('f-side'),
    concept: doc.getElementById('f-concept')
  };
  var status = doc.getElementById('f-status');
  var articles = Array.prototype.slice.call(doc.querySelectorAll('details.article'));
  // every highlight: one with no side (or no concept) is dimmed too while a side (or concept) is chosen
  var marks = Array.prototype.slice.call(doc.querySelectorAll('.ann'));
  bar.hidden = false;

  function words(s) { return s ? s.split(' ') : []; }
  function has(el, attr, value) { return words(el.getAttribute(attr)).indexOf(value) >= 0; }
  function value(name) { return sel[name] ? sel[name].value : ''; }
  function label(name) {
    var s = sel[name];
    return s && s.selectedIndex >= 0 ? s.options[s.selectedIndex].text : '';
  }

  function apply(updateHash) {
    var o = value('outlet'), s = value('side'), c = value('concept');
    var shown = 0;
    articles.forEach(function (a) {
      var ok = (!o || a.getAttribute('data-outlet') === o) &&
               (!s || has(a, 'data-sides', s)) &&
               (!c || has(a, 'data-concepts', c));
      a.hidden = !ok;
      if (ok) { shown += 1; }
    });
    marks.forEach(function (m) {
      // quotes follow the side filter only; terms and scare quotes follow both
      var ms = m.getAttribute('data-side') || '', mc = m.getAttribute('data-concept') || '';
      var off = !!s && ms !== s;
      if (!m.classList.contains('quote')) { off = off || (!!c && mc !== c); }
      m.classList.toggle('dim', off);
    });
    var parts = [];
    if (o) { parts.push('outlet: ' + label('outlet')); }
    if (s) { parts.push('side: ' + label('side')); }
    if (c) { parts.push('concept: ' + label('concept')); }
    status.textContent = 'Showing ' + shown + ' of ' + articles.length + ' articles' +
      (parts.length ? ' (' + parts.join('; ') + ')' : '') + '.';
    if (updateHash && window.history && history.replaceState) {
      var q = [];
      ['outlet', 'side', 'concept'].forEach(function (k) {
        if (value(k)) { q.push(k + '=' + encodeURIComponent(value(k))); }
      });
      try { history.replaceState(null, '', q.length ? '#' + q.join('&') : location.pathname + location.search); } catch (e) { /* file: URLs in some browsers */ }
    }
  }

  function fromHash() {
    var h = location.hash.replace(/^#/, '');
    if (!h || h.indexOf('=') < 0) { return; }
    h.split('&').forEach(function (pair) {
      var i = pair.indexOf('='), k = pair.slice(0, i), v;
      try { v = decodeURIComponent(pair.slice(i + 1)); } catch (e) { return; }
      var s = sel[k];
      if (!s) { return; }
      for (var j = 0; j < s.options.length; j += 1) {
        if (s.options[j].value === v) { s.selectedIndex = j; return; }
      }
    });
  }

  function setOpen(open) { articles.forEach(function (a) { if (!a.hidden || !open) { a.open = open; } }); }

  Object.keys(sel).forEach(function (k) {
    if (sel[k]) { sel[k].addEventListener('change', function () { apply(true); }); }
  });
  doc.getElementById('f-expand').addEventListener('click', function () { setOpen(true); });
  doc.getElementById('f-collapse').addEventListener('click', function () { setOpen(false); });
  doc.getElementById('f-reset').addEventListener('click', function () {
    Object.keys(sel).forEach(function (k) { if (sel[k]) { sel[k].selectedIndex = 0; } });
    apply(true);
  });
  doc.addEventListener('keydown', function (e) {
    var a = doc.activeElement;
    if (e.key === 'Escape' && a && a.classList && a.classList.contains('ann')) { a.blur(); }
  });
  window.addEventListener('beforeprint', function () { articles.forEach(function (a) { a.open = true; }); });
  fromHash();
  apply(false);
}());
