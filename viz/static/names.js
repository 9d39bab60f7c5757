// samspil: no two drawn names overlap. The server culls names from estimated glyph
// widths; the fonts a browser has can be wider, so after the first draw this pass
// measures the names as drawn (plans first, then larger nodes) and moves a name that
// would cross one already kept to its node's other side (above it, or below where the
// server put it above; a plan's name too), or, where that is taken too, hides it.
// Returns the ids whose names it hid.
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
  function crosses(box) {
    return kept.some(function (k) {
      return box[0] < k[2] && k[0] < box[2] && box[1] < k[3] && k[1] < box[3];
    });
  }
  ids.forEach(function (id) {
    var node = body.nodes[id], s = node.labelModule.size, font = node.options.font || {};
    var up = font.vadjust || 0;   // (a name drawn above its node: its box moves with it)
    var box = [s.left, s.top + up, s.left + s.width, s.top + s.height + up];
    if (!crosses(box)) { kept.push(box); return; }
    // taken here: the node's other side (above it, or below where the server put it above)
    var shift = up ? 0 : window.samspilAbove(node.options.size || 0, font.size || 12);
    var other = [box[0], box[1] - up + shift, box[2], box[3] - up + shift];
    if (!crosses(other)) {
      kept.push(other);
      data.update({id: id, above: !up, font: {size: font.size, strokeWidth: font.strokeWidth,
                                              strokeColor: font.strokeColor, vadjust: shift}});
      return;
    }
    hidden.push(id);
  });
  return hidden;
};

// vis-network draws a name under its node; this shift (font.vadjust, in the units of
// the node's size and of ``font`` its name's size) draws it above instead, where the
// server found the room below taken (ViewNode.label_above)
window.samspilAbove = function (size, font) {
  return -(2 * size + 1.25 * font + 6);
};

// a node's box with its name where it is drawn (getBoundingBox counts a name below its
// node, where vis-network would draw it without the shift up)
window.samspilNameBox = function (network, id) {
  var b = network.getBoundingBox(id), node = network.body.nodes[id];
  var up = b && node && (node.options.font || {}).vadjust;
  if (!up) return b;
  var s = node.labelModule.size;
  return {left: Math.min(b.left, s.left), right: Math.max(b.right, s.left + s.width),
          top: Math.min(b.top, s.top + up), bottom: b.bottom};
};

// a node's name as drawn: a long name cut at 40 characters (whole on hover and in the
// details); in a narrow frame (a phone) broken into lines of about 18 characters, so
// that a wide plan name does not force the whole picture, and every name, smaller
window.samspilLabel = function (name, narrow) {
  name = String(name || "");
  if (name.length > 40) name = name.slice(0, 38) + "\u2026";
  if (!narrow || name.length <= 18) return name;
  var lines = [], line = "";
  name.split(" ").forEach(function (word) {
    if (line && (line + " " + word).length > 18) { lines.push(line); line = word; }
    else line = line ? line + " " + word : word;
  });
  if (line) lines.push(line);
  return lines.join("\n");
};
