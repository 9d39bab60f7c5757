// samspil explorer: plain JS over the read API. Every string from a document is
// inserted with textContent (never innerHTML); vis-network shows hovers as innerText.
"use strict";
(function () {
  var SEGMENT = {Plan: "plans", Organisation: "organisations", Person: "persons", Activity: "activities",
    Zone: "zones", TargetGroup: "target-groups", FocusArea: "focus-areas", Document: "documents"};
  var state = {view: "plan-network", plans: [], selected: null, network: null, data: null};
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function status(text, isError) {
    var s = $("status");
    s.textContent = text;
    s.title = text;   // the whole line on hover when the pane cuts it
    s.className = "status" + (isError ? " error" : "");
  }

  function api(path) {
    return fetch(path, {headers: {Accept: "application/json"}}).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok || body.ok === false) throw new Error(body.error || ("HTTP " + r.status));
        return body;
      });
    });
  }

  function qs(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v === null || v === undefined || v === "") return;
      (Array.isArray(v) ? v : [v]).forEach(function (x) {
        parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(x));
      });
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  // -- plans ---------------------------------------------------------------
  function loadPlans() {
    return api("/api/plans?limit=1000").then(function (body) {
      var ul = $("plans");
      ul.textContent = "";
      body.items.forEach(function (p) {
        var li = el("li"), label = el("label"), box = el("input");
        box.type = "checkbox"; box.value = p.id; box.checked = true;
        box.addEventListener("change", function () { state.plans = checkedPlans(); draw(); });
        var text = el("span", p.name);
        var period = [p.period_start, p.period_end].filter(Boolean).map(function (d) { return d.slice(0, 4); });
        if (period.length) { text.appendChild(el("br")); text.appendChild(el("span", period.join("–"), "period")); }
        label.appendChild(box); label.appendChild(text); li.appendChild(label); ul.appendChild(li);
      });
      state.plans = checkedPlans();
      return body.total;
    });
  }

  function checkedPlans() {
    return Array.prototype.filter.call(document.querySelectorAll("#plans input"), function (b) { return b.checked; })
      .map(function (b) { return b.value; });
  }

  function setAllPlans(on) {
    document.querySelectorAll("#plans input").forEach(function (b) { b.checked = on; });
    state.plans = checkedPlans(); draw();
  }

  // -- network -------------------------------------------------------------
  function graphQuery() {
    var params = {view: state.view};
    var all = document.querySelectorAll("#plans input").length;
    if (state.view === "ego") { params.node = state.selected; params.radius = 1; }
    else if (state.plans.length && state.plans.length < all) params.plan = state.plans;
    if (state.view === "overlap") params.by = $("by").value;
    if (state.view === "gaps") params.by = $("gap-by").value;
    if ((state.view === "overlap" || state.view === "gaps") && $("as-network").checked) params.form = "network";
    // no value: the library's default, the same for the CLI, the API and this page
    if (state.view === "overlap" || state.view === "copartnership") params.min_shared = $("min-shared").value || null;
    return "/api/graph" + qs(params);
  }

  // -- shareable address: view, plans, options and the selected node live in the
  // URL's #fragment, so a link opens the explorer as its sender saw it
  function writeHash() {
    var all = document.querySelectorAll("#plans input").length, h = {view: state.view};
    if (state.plans.length < all) h.plans = state.plans.join(",") || "-";
    if (state.view === "overlap") h.by = $("by").value;
    if (state.view === "gaps") h.by = $("gap-by").value;
    if ((state.view === "overlap" || state.view === "gaps") && $("as-network").checked) h.form = "network";
    if ((state.view === "overlap" || state.view === "copartnership") && $("min-shared").value) h.min = $("min-shared").value;
    if (state.selected) { h.node = state.selected; h.kind = state.selectedKind; }
    history.replaceState(null, "", qs(h).replace("?", "#") || "#");
  }

  function readHash() {
    var h = {};
    location.hash.slice(1).split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) h[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
    });
    var radio = h.view && document.querySelector('#views input[value="' + CSS.escape(h.view) + '"]');
    if (radio && (h.view !== "ego" || h.node)) { radio.disabled = false; radio.checked = true; state.view = h.view; }
    if (h.plans) {
      var want = h.plans === "-" ? [] : h.plans.split(",");
      document.querySelectorAll("#plans input").forEach(function (b) { b.checked = want.indexOf(b.value) >= 0; });
      state.plans = checkedPlans();
    }
    if (h.by) $(state.view === "gaps" ? "gap-by" : "by").value = h.by;
    $("as-network").checked = h.form === "network";
    $("min-shared").value = h.min || "";
    showOptions();
    return h;
  }

  function showOptions() {
    $("by-row").hidden = state.view !== "overlap";
    $("gap-by-row").hidden = state.view !== "gaps";
    $("form-row").hidden = state.view !== "overlap" && state.view !== "gaps";
    $("min-row").hidden = state.view !== "copartnership" && !(state.view === "overlap" && $("as-network").checked);
  }

  function showEmpty(text) {
    $("empty").textContent = text || "";
    $("empty").hidden = !text;
  }

  function draw() {
    writeHash();
    if (state.view !== "ego" && state.plans.length === 0) {
      status("No plan chosen: tick one or more plans on the left.");
      showEmpty("No plan chosen: tick one or more plans on the left.");
      if (state.network) state.network.setData({nodes: [], edges: []});
      document.body.setAttribute("data-links", "0");
      return Promise.resolve();
    }
    status("Loading view…");
    return api(graphQuery()).then(render).catch(function (e) { status(e.message, true); });
  }

  function renderMatrix(m) {
    state.data = {nodes: []};
    $("network").hidden = true;
    $("matrix").hidden = false;
    showEmpty(m.empty);
    var cells = window.samspilMatrix.draw($("matrix"), m, {onCell: function (cell, rowName, colName) {
      var d = $("details");
      d.textContent = "";
      d.className = "right matrix-detail";
      window.samspilMatrix.detailPanel(d, cell, rowName, colName);
      document.body.setAttribute("data-cell", cell.row + " " + cell.col);
      reveal();
    }, onRow: function (id) { select(id, "Plan").then(reveal); }});
    renderLegend(m.legend, window.samspilMatrix.stateMarks(m));
    status(m.empty ? m.title + ": nothing to show" :
      m.title + " (" + m.rows.length + " × " + m.cols.length + "). Click a cell for what it holds and the evidence.");
    document.body.setAttribute("data-view", m.kind);
    document.body.setAttribute("data-form", "matrix");
    document.body.setAttribute("data-cells", String(cells));
    document.body.setAttribute("data-links", "0");
  }

  // a phone's frame: names are drawn on several lines (window.samspilLabel)
  function narrow() { return $("network").clientWidth < 600; }

  function render(view) {
    if (view.form === "matrix") return renderMatrix(view);
    $("network").hidden = false;
    $("matrix").hidden = true;
    showEmpty(view.empty);
    state.data = view;
    // names that would overlap a larger node's are left out (view.nodes[i].label false);
    // they show on hover, and every name when zoomed in on a node's details
    var nodes = view.nodes.map(function (n) {
      return {id: n.id, label: n.label ? window.samspilLabel(n.name, narrow()) : undefined,
        title: n.hover, x: n.x, y: n.y, size: n.size, shape: n.shape, color: n.colour, physics: false,
        hub: n.kind === "Plan", named: n.label, above: n.label_above};
    });
    var edges = view.edges.map(function (e, i) {
      return {id: i, from: e.source, to: e.target, title: e.hover || undefined, color: e.colour,
        width: e.weight > 1 ? 1 + 2 * Math.log2(e.weight) : 1, arrows: view.kind === "ego" ? "to" : ""};
    });
    var large = nodes.length > 1000;
    var options = {physics: {enabled: false}, layout: {improvedLayout: false},
      interaction: {hover: !large, tooltipDelay: 150, hideEdgesOnDrag: large},
      nodes: {font: {size: 12, face: "system-ui, sans-serif"}, borderWidth: 1},
      edges: {smooth: false, color: {inherit: false}}};
    var data = {nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges)};
    if (!state.network) {
      state.network = new vis.Network($("network"), data, options);
      state.network.on("click", function (p) { if (p.nodes.length) select(p.nodes[0]).then(reveal); });
      window.samspilNetwork = state.network;
    } else {
      state.network.setOptions(options);
      state.network.setData(data);
    }
    state.network.fit({animation: false});
    // a margin for the names of the outermost nodes (fit looks at the nodes only)
    state.network.moveTo({scale: state.network.getScale() * 0.88, animation: false});
    window.samspilExplorerNames(state.network, data.nodes, view.nodes, $("network"), narrow());
    if (state.selected && data.nodes.get(state.selected)) state.network.selectNodes([state.selected]);
    renderLegend(view.legend);
    if (view.params && view.params.min_shared && !$("min-shared").value) $("min-shared").placeholder = "auto: " + view.params.min_shared;
    status(view.title + ": " + nodes.length + " nodes, " + edges.length + " links" +
      (view.note ? " (" + view.note + ")" : "") + ". Click a node for details.");
    document.body.setAttribute("data-view", view.kind);
    document.body.setAttribute("data-form", "network");
    document.body.setAttribute("data-nodes", String(nodes.length));
    document.body.setAttribute("data-links", String(edges.length));
  }

  function renderLegend(items, marks) {   // marks: a matrix state's cell mark (✓ ✗ ?)
    var ul = $("legend");
    ul.textContent = "";
    marks = marks || {};
    items.forEach(function (it) {
      var mark = marks[it.key];
      var li = el("li"), sw = el("span", mark, "sw sw-" + it.shape.replace(/[^A-Za-z]/g, "") + (mark ? " sw-mark" : ""));
      sw.style.background = it.colour;
      if (mark) sw.style.color = window.samspilMatrix.colour({state: it.key, value: 1}, 1).fg;
      li.appendChild(sw); li.appendChild(el("span", it.name)); ul.appendChild(li);
    });
  }

  // -- details -------------------------------------------------------------
  function nodeLabel(id) {
    var n = state.data && state.data.nodes.find(function (x) { return x.id === id; });
    return n ? n.kind : null;
  }

  function select(id, label) {
    label = label || nodeLabel(id);
    if (!label) return Promise.resolve();
    state.selected = id;
    state.selectedKind = label;
    writeHash();
    var ego = document.querySelector('#views input[value="ego"]');
    ego.disabled = false;
    return api("/api/" + SEGMENT[label] + "/" + encodeURIComponent(id)).then(showDetails)
      .catch(function (e) { status(e.message, true); });
  }

  // a phone shows the details under the view, out of sight: a tap brings them into it
  function reveal() {
    if (window.innerWidth <= 720) $("details").scrollIntoView({block: "start", behavior: "smooth"});
  }

  function evidenceList(sources) {
    var box = el("div");
    (sources || []).slice(0, 12).forEach(function (s) {
      var ev = el("div", null, "evidence");
      var where = s.document + (s.line != null ? ":" + s.line : s.page != null ? " page " + s.page : "");
      ev.appendChild(el("span", where, "where"));
      ev.appendChild(el("span", s.excerpt || ""));
      box.appendChild(ev);
    });
    if (!sources || !sources.length) box.appendChild(el("p", "No evidence recorded.", "hint"));
    return box;
  }

  function showDetails(body) {
    var d = $("details"), item = body.item;
    d.textContent = "";
    d.className = "right";
    d.appendChild(el("span", item.label, "label"));
    d.appendChild(el("h3", item.name || item.id));
    var dl = el("dl");
    Object.keys(item).sort().forEach(function (k) {
      if (["sources", "mentions", "label", "name"].indexOf(k) >= 0) return;
      var v = item[k];
      if (v === null || v === undefined || (Array.isArray(v) && !v.length)) return;
      if (Array.isArray(v) && typeof v[0] === "object") return;   // bookkeeping (merges ...)
      dl.appendChild(el("dt", k.replace(/_/g, " ")));
      dl.appendChild(el("dd", Array.isArray(v) ? v.join(", ") : (typeof v === "object" ? JSON.stringify(v) : v)));
    });
    d.appendChild(dl);
    var groups = {};
    body.relationships.forEach(function (r) {
      var key = (r.direction === "out" ? "" : "← ") + r.type.replace(/_/g, " ").toLowerCase();
      (groups[key] = groups[key] || []).push(r);
    });
    Object.keys(groups).sort().forEach(function (key) {
      d.appendChild(el("h2", key + " (" + groups[key].length + ")"));
      var ul = el("ul");
      groups[key].slice(0, 200).forEach(function (r) {
        var li = el("li"), a = el("a", r.name);
        a.addEventListener("click", function () { select(r.id, r.label); });
        li.appendChild(a); li.appendChild(el("span", " · " + r.label, "kind"));
        ul.appendChild(li);
      });
      d.appendChild(ul);
    });
    d.appendChild(el("h2", "Evidence"));
    d.appendChild(evidenceList(body.evidence));
    if (state.network && state.data && state.data.nodes.some(function (n) { return n.id === item.id; })) {
      state.network.selectNodes([item.id]);
    }
    document.body.setAttribute("data-selected", item.id);
  }

  // -- brokers: the organisations on most paths between others (GET /api/analyses/brokers,
  // the ranking `samspil brokers` prints); a name opens its network ---------------
  var BROKERS = 15;
  function showBrokers() {
    status("Loading brokers…");
    var all = document.querySelectorAll("#plans input").length;
    var some = state.plans.length && state.plans.length < all ? state.plans : null;   // the ticked plans' network
    return api("/api/analyses/brokers" + qs({limit: BROKERS, plan: some})).then(function (body) {
      var d = $("details");
      d.textContent = "";
      d.className = "right";
      d.appendChild(el("h3", "Brokers"));
      d.appendChild(el("p", "The organisations that link the most other organisations across " +
        (some ? "the " + some.length + " ticked plans" : "the plans") +
        " (betweenness over shared plans, highest first). Click a name for its network and evidence.", "hint"));
      var ol = el("ol", null, "brokers"), shown = [];
      body.items.forEach(function (b) {
        var li = el("li"), a = el("a", b.name);
        a.addEventListener("click", function () { pick(b.id, "Organisation"); });
        li.appendChild(a);
        li.appendChild(el("span", b.contexts.length + " plan" + (b.contexts.length === 1 ? "" : "s") +
          " (" + b.context_names.join(", ") + ") · works with " + b.degree + " organisations" +
          " · betweenness " + b.betweenness.toFixed(3) + (b.sampled ? " (estimated)" : ""), "facts"));
        ol.appendChild(li);
        shown.push(b.id);
      });
      if (!body.items.length) d.appendChild(el("p", "No organisation links plans: load more agreements.", "hint"));
      else d.appendChild(ol);
      if (body.total > body.items.length) d.appendChild(el("p", "The top " + body.items.length + " of " +
        body.total + "; `samspil brokers --limit N` lists more.", "hint"));
      // the brokers drawn in the current network are selected (highlighted) there
      if (state.network && state.data && state.data.nodes.length) {
        var drawn = shown.filter(function (id) { return state.data.nodes.some(function (n) { return n.id === id; }); });
        state.network.selectNodes(drawn);
      }
      status("Brokers: the " + body.items.length + " organisations that link most across " +
        (some ? "the ticked plans." : "plans."));
      document.body.setAttribute("data-brokers", String(body.items.length));
    }).catch(function (e) { status(e.message, true); });
  }

  // -- search --------------------------------------------------------------
  var searchTimer = null;
  function search(q) {
    var ul = $("search-results");
    if (!q.trim()) { ul.hidden = true; return; }
    api("/api/search" + qs({q: q, limit: 15})).then(function (body) {
      ul.textContent = "";
      body.items.forEach(function (it) {
        var li = el("li");
        li.tabIndex = 0;
        li.appendChild(el("span", it.name));
        li.appendChild(el("span", it.label, "kind"));
        if (it.about) li.appendChild(el("span", it.about, "about"));   // two of one name told apart
        var go = function () { ul.hidden = true; $("search").value = it.name; pick(it.id, it.label); };
        li.addEventListener("click", go);
        li.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
        ul.appendChild(li);
      });
      if (!body.items.length) ul.appendChild(el("li", "No match for “" + q + "”"));
      ul.hidden = false;
    }).catch(function (e) { status(e.message, true); });
  }

  function pick(id, label) {
    return select(id, label).then(function () {
      state.view = "ego";
      document.querySelector('#views input[value="ego"]').checked = true;
      return draw();
    });
  }

  // -- wiring ----------------------------------------------------------------
  document.querySelectorAll('#views input').forEach(function (r) {
    r.addEventListener("change", function () {
      state.view = r.value;
      // every view starts at the library's defaults (the same as a bare #view=... link)
      $("min-shared").value = "";
      $("min-shared").placeholder = "auto";
      showOptions();
      draw();
    });
  });
  $("by").addEventListener("change", draw);
  $("gap-by").addEventListener("change", draw);
  $("as-network").addEventListener("change", function () { showOptions(); draw(); });
  $("min-shared").addEventListener("change", draw);
  $("show-brokers").addEventListener("click", function () { showBrokers().then(reveal); });
  $("hint-brokers").addEventListener("click", showBrokers);
  $("all-plans").addEventListener("click", function () { setAllPlans(true); });
  $("no-plans").addEventListener("click", function () { setAllPlans(false); });
  $("search").addEventListener("input", function (e) {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { search(e.target.value); }, 150);
  });
  $("search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var first = document.querySelector("#search-results li");
    if (first) first.click();
  });
  window.samspilExplorer = {state: state, select: select, pick: pick, draw: draw};
  function openHash() {
    var h = readHash();
    if (h.node && h.kind && SEGMENT[h.kind]) {   // the node first: the ego view is drawn around it
      return select(h.node, h.kind).then(draw);
    }
    return draw();
  }
  // our own writes use replaceState (no event): this is a pasted or edited address
  window.addEventListener("hashchange", function () { openHash(); });
  loadPlans().then(function (n) {
    if (!n) { status("No plans loaded yet: run `samspil explore PATH` or upload agreements."); return; }
    return openHash();
  }).then(function () { document.body.setAttribute("data-ready", "1"); })
    .catch(function (e) { status(e.message, true); });
})();
