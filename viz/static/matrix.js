// samspil matrix views (plan overlaps, gap coverage): one table drawn from the JSON of
// samspil.viz.matrix.Matrix, used by saved views and by the explorer. Every string
// from a document is inserted with textContent, never as HTML.
"use strict";
window.samspilMatrix = (function () {
  var STATE = {covered: "#009E73", gap: "#D55E00", unchecked: "#BBBBBB", self: "#EEEEEE"};

  // the mark every cell of a state carries (coverage: ✓ ✗ ?), for that state's legend
  // swatch: printed in black and white, the colours alone are one grey
  function stateMarks(m) {
    var seen = {}, marks = {};
    (m.cells || []).forEach(function (c) {
      seen[c.state] = seen[c.state] === undefined || seen[c.state] === c.text ? c.text : null;
    });
    Object.keys(seen).forEach(function (k) { if (seen[k] && !/\d/.test(seen[k])) marks[k] = seen[k]; });
    return marks;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // light to dark blue by share of the largest value (Blues, readable text on both ends)
  function shade(v, max) {
    var t = max > 0 ? Math.sqrt(v / max) : 0;
    var a = [222, 235, 247], b = [8, 81, 156];
    var c = a.map(function (x, i) { return Math.round(x + (b[i] - x) * t); });
    return {bg: "rgb(" + c.join(",") + ")", fg: t > 0.55 ? "#fff" : "#111"};
  }

  function colour(cell, max) {
    if (cell.state === "shared") return shade(cell.value, max);
    return {bg: STATE[cell.state] || "#fff", fg: cell.state === "self" || cell.state === "unchecked" ? "#111" : "#fff"};
  }

  function detailPanel(box, cell, rowName, colName) {
    box.textContent = "";
    box.appendChild(el("h3", rowName + (rowName === colName ? "" : " · " + colName)));
    box.appendChild(el("p", cell.detail.split("\n")[0], "what"));
    (cell.items || []).forEach(function (it) {
      var item = el("div", null, "item");
      item.appendChild(el("strong", it.name));
      (it.evidence || []).forEach(function (s) {
        var ev = el("div", null, "evidence");
        var where = s.document + (s.line != null ? ":" + s.line : s.page != null ? " page " + s.page : "");
        ev.appendChild(el("span", where, "where"));
        ev.appendChild(el("span", s.excerpt || ""));
        item.appendChild(ev);
      });
      box.appendChild(item);
    });
  }

  function draw(container, m, opts) {
    opts = opts || {};
    container.textContent = "";
    if (m.empty) { container.appendChild(el("p", m.empty, "matrix-empty")); return 0; }
    var names = {}, notes = {};
    m.rows.concat(m.cols).forEach(function (r) { names[r[0]] = r[1]; });
    (m.row_notes || []).forEach(function (n) { notes[n[0]] = n[1]; });
    var at = {};
    m.cells.forEach(function (c) { at[c.row + "\u0000" + c.col] = c; });
    var table = el("table", null, "matrix matrix-" + m.kind), head = el("tr");
    head.appendChild(el("th", "", "corner"));
    m.cols.forEach(function (c) {
      var th = el("th", null, "col"), span = el("span", c[1].length > 60 ? c[1].slice(0, 58) + "…" : c[1]);
      th.title = c[1]; th.appendChild(span); head.appendChild(th);
    });
    table.appendChild(head);
    var panel = opts.panel, count = 0;
    m.rows.forEach(function (r) {
      var tr = el("tr"), th = el("th", null, "row");
      th.appendChild(el("span", r[1], "name"));   // (on a phone: wrapped, three lines at most)
      th.title = r[1];
      if (notes[r[0]]) { th.appendChild(el("span", "no activities", "row-note")); th.title = r[1] + ": " + notes[r[0]]; }
      if (opts.onRow) {     // the plan itself (its whole name, where a phone cut it)
        th.className = "row pick"; th.tabIndex = 0;
        th.addEventListener("click", function () { opts.onRow(r[0], r[1]); });
        th.addEventListener("keydown", function (e) { if (e.key === "Enter") opts.onRow(r[0], r[1]); });
      }
      tr.appendChild(th);
      m.cols.forEach(function (c) {
        var cell = at[r[0] + "\u0000" + c[0]], td = el("td");
        if (cell) {
          var col = colour(cell, m.max_value);
          td.textContent = cell.text; td.style.background = col.bg; td.style.color = col.fg;
          td.title = cell.detail.split("\n")[0].replace(/:$/, "") + (opts.clickable === false ? "" : " (click for evidence)");
          td.className = "cell " + cell.state; td.tabIndex = 0; count++;
          var full = cell.items && cell.items.length ? cell : (at[c[0] + "\u0000" + r[0]] || cell);
          var show = function () {
            Array.prototype.forEach.call(table.querySelectorAll("td.picked"), function (x) { x.classList.remove("picked"); });
            td.classList.add("picked");
            if (opts.onCell) opts.onCell(full, names[r[0]], names[c[0]]);
            if (panel) detailPanel(panel, full, names[r[0]], names[c[0]]);
          };
          td.addEventListener("click", show);
          td.addEventListener("keydown", function (e) { if (e.key === "Enter") show(); });
        } else if (notes[r[0]]) { td.className = "blank"; }
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    container.appendChild(scroller(table, m.cols.length));
    var legend = el("ul", null, "legend"), marks = stateMarks(m);
    m.legend.forEach(function (it) {
      var li = el("li"), sw = el("span", marks[it.key], "sw sw-square" + (marks[it.key] ? " sw-mark" : ""));
      sw.style.background = it.colour;
      if (marks[it.key]) sw.style.color = colour({state: it.key, value: 1}, 1).fg;
      li.appendChild(sw); li.appendChild(el("span", it.name));
      legend.appendChild(li);
    });
    container.appendChild(legend);
    if (m.caption) container.appendChild(el("p", m.caption, "caption"));
    (m.row_notes || []).forEach(function (n) {
      container.appendChild(el("p", names[n[0]] + ": " + n[1], "note"));
    });
    return count;
  }

  // the table scrolls sideways on its own (a report's narrow column, a phone): a visible
  // scroll bar, a shade at the edge with more columns and a line that says how many are
  // in view; the plan names stay put while the columns scroll
  function scroller(table, ncols) {
    var wrap = el("div", null, "matrix-wrap"), box = el("div", null, "matrix-scroll");
    var hint = el("p", null, "scroll-hint"), said = el("span");
    var back = el("button", "\u25C0", "scroll-btn"), on = el("button", "\u25B6", "scroll-btn");
    back.type = on.type = "button";
    back.setAttribute("aria-label", "scroll the columns left");
    on.setAttribute("aria-label", "scroll the columns right");
    back.addEventListener("click", function () { box.scrollBy({left: -box.clientWidth * 0.6, behavior: "smooth"}); });
    on.addEventListener("click", function () { box.scrollBy({left: box.clientWidth * 0.6, behavior: "smooth"}); });
    hint.appendChild(back); hint.appendChild(on); hint.appendChild(said);
    hint.hidden = true;
    box.tabIndex = 0;
    box.setAttribute("aria-label", "matrix; scroll sideways for more columns");
    box.appendChild(table); wrap.appendChild(box); wrap.appendChild(hint);
    function update() {
      var more = box.scrollWidth - box.clientWidth > 2;
      wrap.classList.toggle("more-right", more && box.scrollLeft + box.clientWidth < box.scrollWidth - 2);
      wrap.classList.toggle("more-left", more && box.scrollLeft > 2);
      hint.hidden = !more;
      if (!more) return;
      var corner = table.querySelector("th.corner"), right = box.getBoundingClientRect().right;
      var seen = 0, left = corner ? corner.getBoundingClientRect().right : box.getBoundingClientRect().left;
      Array.prototype.forEach.call(table.querySelectorAll("th.col"), function (th) {
        var r = th.getBoundingClientRect();
        if (r.left >= left - 1 && r.right <= right + 1) seen++;
      });
      back.disabled = box.scrollLeft <= 2;
      on.disabled = box.scrollLeft + box.clientWidth >= box.scrollWidth - 2;
      said.textContent = " " + seen + " of " + ncols + " columns in view: scroll sideways for the others";
    }
    box.addEventListener("scroll", update);
    window.addEventListener("resize", update);
    setTimeout(update, 0);
    return wrap;
  }

  return {draw: draw, detailPanel: detailPanel, stateMarks: stateMarks, colour: colour};
})();
