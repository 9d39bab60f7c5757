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
    markCutStatus();
  }

  // a status line the pane cuts ("…") says so: "more" opens it whole over the view (a
  // phone has no hover title, and the cut part was the advice: "choose fewer plans …")
  function markCutStatus() {
    var s = $("status"), more = $("status-more");
    if (!more) return;
    s.classList.remove("open");
    more.setAttribute("aria-expanded", "false");
    more.textContent = "more";
    var cut = s.scrollWidth > s.clientWidth + 1;
    s.classList.toggle("cut", cut);
    more.hidden = !cut;
  }

  function toggleStatus() {
    var s = $("status"), more = $("status-more");
    if (more.hidden) return;
    var open = !s.classList.contains("open");
    s.classList.toggle("open", open);
    more.setAttribute("aria-expanded", open ? "true" : "false");
    more.textContent = open ? "less" : "more";
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
    if (body.context) d.appendChild(el("p", body.context, "context"));   // where it belongs
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

  // -- search: a combobox (WAI-ARIA 1.2, list autocomplete) ------------------
  // Focus stays in the input; the active option is aria-activedescendant. The list closes
  // on a choice, Escape, Tab, a click or focus outside; a late answer for text that was
  // since changed, chosen or dismissed is dropped, so the list never reopens by itself.
  var search = {timer: null, seq: 0, items: [], active: -1, pickFirst: false};

  function searchOpen() { return !$("search-results").hidden; }

  function closeSearch() {
    clearTimeout(search.timer);
    search.timer = null;
    search.seq += 1;             // answers still on their way are for a list no one wants
    search.pickFirst = false;
    search.active = -1;
    var ul = $("search-results"), input = $("search");
    ul.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function setActive(i) {
    var options = document.querySelectorAll("#search-results li[role=option]:not([aria-disabled])");
    if (!options.length) return;
    search.active = (i + options.length) % options.length;
    options.forEach(function (li, k) {
      li.setAttribute("aria-selected", k === search.active ? "true" : "false");
      li.classList.toggle("active", k === search.active);
    });
    var li = options[search.active];
    $("search").setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({block: "nearest"});
  }

  function choose(i) {
    var it = search.items[i];
    if (!it) return;
    closeSearch();
    $("search").value = it.name;
    pick(it.id, it.label);
  }

  function runSearch(q) {
    clearTimeout(search.timer);
    search.timer = null;
    var ul = $("search-results"), input = $("search");
    if (!q.trim()) { closeSearch(); return; }
    var mine = ++search.seq;
    api("/api/search" + qs({q: q, limit: 15})).then(function (body) {
      if (mine !== search.seq || input.value !== q) return;   // changed, chosen or dismissed since
      search.items = body.items;
      search.active = -1;
      ul.textContent = "";
      input.removeAttribute("aria-activedescendant");
      body.items.forEach(function (it, i) {
        var li = el("li");
        li.id = "search-option-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.appendChild(el("span", it.name, "name"));
        li.appendChild(el("span", it.label, "kind"));
        // where it belongs: what tells hits of one name apart (a unit in each municipality)
        var where = it.context || it.about;
        if (where) li.appendChild(el("span", where, "context"));
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep focus in the box
        li.addEventListener("mousemove", function () { if (search.active !== i) setActive(i); });
        li.addEventListener("click", function () { choose(i); });
        ul.appendChild(li);
      });
      if (!body.items.length) {
        var none = el("li", "No match for “" + q + "”", "none");
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        ul.appendChild(none);
      }
      $("search-count").textContent = body.items.length ?
        body.total + " match" + (body.total === 1 ? "" : "es") + (body.total > body.items.length ?
          ", the first " + body.items.length + " listed" : "") : "No match";
      ul.hidden = false;
      input.setAttribute("aria-expanded", "true");
      if (search.pickFirst) { search.pickFirst = false; if (body.items.length) choose(0); }
    }).catch(function (e) { if (mine === search.seq) status(e.message, true); });
  }

  function searchKey(e) {
    var open = searchOpen(), n = search.items.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) { if ($("search").value.trim()) runSearch($("search").value); return; }
      if (n) setActive(e.key === "ArrowDown" ? search.active + 1 : (search.active < 0 ? n - 1 : search.active - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (open && n && search.timer === null) choose(search.active >= 0 ? search.active : 0);
      else if ($("search").value.trim()) {      // typed and Enter at once: the first hit, when it comes
        runSearch($("search").value);
        search.pickFirst = true;
      }
    } else if (e.key === "Escape") {
      if (open) { e.preventDefault(); closeSearch(); }   // a second Escape clears the box
    } else if (e.key === "Tab") {
      if (open) closeSearch();
    }
  }

  function onSearchInput(e) {
    clearTimeout(search.timer);
    search.seq += 1;            // an answer to older text is not shown
    search.pickFirst = false;
    var q = e.target.value;
    if (!q.trim()) { closeSearch(); return; }
    search.timer = setTimeout(function () { search.timer = null; runSearch(q); }, 150);
  }

  function pick(id, label) {
    return select(id, label).then(function () {
      state.view = "ego";
      document.querySelector('#views input[value="ego"]').checked = true;
      showOptions();     // the last view's options (the gaps' "columns") are not the ego view's
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
  $("search").addEventListener("input", onSearchInput);
  $("search").addEventListener("keydown", searchKey);
  $("search-form").addEventListener("submit", function (e) { e.preventDefault(); });
  $("status-more").addEventListener("click", toggleStatus);
  $("status").addEventListener("click", toggleStatus);
  window.addEventListener("resize", function () { if (!$("status").classList.contains("open")) markCutStatus(); });
  // a click, tap or focus anywhere else closes the list
  document.addEventListener("pointerdown", function (e) {
    if (searchOpen() && !$("search-form").contains(e.target)) closeSearch();
  });
  $("search-form").addEventListener("focusout", function (e) {
    if (searchOpen() && e.relatedTarget && !$("search-form").contains(e.relatedTarget)) closeSearch();
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
