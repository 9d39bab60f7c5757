// samspil explorer: the names of a network view as the explorer draws them, after
// vis-network's first fit: readable sizes, fitted with their names, none over another,
// the others back on zoom (saved views do the same in viz/templates/view.html).
"use strict";
(function () {
  // names readable at the zoom that fits the view: plans (the landmarks) at 15 px,
  // the other names kept by the server's culling at 11 px; on a phone fewer names
  // (those that would cross a kept one wait for zoom), but readable
  function readableHubs(network, nodes, narrow) {
    var scale = network.getScale(), cap = narrow ? 2 : 1;   // (a phone fits the view smaller)
    nodes.update(nodes.get({filter: function (n) { return n.named; }}).map(function (n) {
      var size = Math.min((n.hub ? 40 : 30) * cap, Math.max(n.hub ? 12 : 9, (n.hub ? 15 : 11) / scale));
      return {id: n.id, font: {size: size, strokeWidth: 4, strokeColor: "#ffffff",
                               vadjust: n.above ? window.samspilAbove(n.size, size) : 0}};
    }));
  }

  // fit the nodes *and their names* (vis's fit looks at the nodes only, so a long name
  // at the edge was cut off): the box of every node with its drawn name, after a draw
  function fitNames(network, frame) {
    network.redraw();
    var box = null;
    network.body.nodeIndices.forEach(function (id) {
      var b = window.samspilNameBox(network, id);
      if (!b) return;
      box = box ? {left: Math.min(box.left, b.left), right: Math.max(box.right, b.right),
                   top: Math.min(box.top, b.top), bottom: Math.max(box.bottom, b.bottom)} : b;
    });
    if (!box || box.right <= box.left || box.bottom <= box.top || !frame.clientWidth) return;
    var scale = 0.96 * Math.min(frame.clientWidth / (box.right - box.left),
                                frame.clientHeight / (box.bottom - box.top));
    network.moveTo({position: {x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2},
                    scale: Math.min(scale, network.getScale() / 0.88), animation: false});
  }

  // names that cross a kept name as the browser drew them wait for zoom like the culled
  function dropCrossingNames(network, nodes, viewNodes) {
    var hidden = window.samspilDeclutter(network);
    if (!hidden.length) return;
    nodes.update(hidden.map(function (id) { return {id: id, label: undefined}; }));
    viewNodes.forEach(function (n) { if (hidden.indexOf(n.id) >= 0) n.label = false; });
  }

  // culled names come back when zoomed in to twice the fitting scale (and go again out)
  function namesOnZoom(network, nodes, viewNodes, narrow) {
    var fit = network.getScale(), shown = false;
    network.off("zoom");
    network.on("zoom", function () {
      var want = network.getScale() > 2 * fit;
      if (want === shown) return;
      shown = want;
      nodes.update(viewNodes.filter(function (n) { return !n.label; }).map(function (n) {
        return {id: n.id, label: want ? window.samspilLabel(n.name, narrow) : undefined};
      }));
    });
  }

  // ``nodes``: the DataSet drawn, ``viewNodes``: the view's nodes, ``frame``: the
  // network's element, ``narrow``: a phone's frame (names on several lines)
  window.samspilExplorerNames = function (network, nodes, viewNodes, frame, narrow) {
    readableHubs(network, nodes, narrow);
    fitNames(network, frame);
    dropCrossingNames(network, nodes, viewNodes);
    fitNames(network, frame);   // (a name moved above its node at the top edge)
    namesOnZoom(network, nodes, viewNodes, narrow);
  };
})();
