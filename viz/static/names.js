// samspil: no two drawn names overlap. The server culls names from estimated glyph
// widths; the fonts a browser has can be wider, so after the first draw this pass
// measures the names as drawn (plans first, then larger nodes) and hides each name
// that would cross one already kept. Returns the ids whose names it hid.
window.samspilDeclutter = function (network) {
  network.redraw();
  var body = network.body, data = body.data.nodes, kept = [], hidden = [];
  var ids = body.nodeIndices.filter(function (id) {
    var label = body.nodes[id].options.label;
    return label && label.trim();
  });
  function rank(id) { var n = data.get(id) || {}; return [n.hub ? 0 : 1, -(n.size || 0), String(id)]; }
  ids.sort(function (a, b) {
    var p = rank(a), q = rank(b);
    return p[0] - q[0] || p[1] - q[1] || (p[2] < q[2] ? -1 : p[2] > q[2] ? 1 : 0);
  });
  ids.forEach(function (id) {
    var s = body.nodes[id].labelModule.size;
    var box = [s.left, s.top, s.left + s.width, s.top + s.height];
    var crosses = kept.some(function (k) {
      return box[0] < k[2] && k[0] < box[2] && box[1] < k[3] && k[1] < box[3];
    });
    if (crosses) hidden.push(id); else kept.push(box);
  });
  return hidden;
};
