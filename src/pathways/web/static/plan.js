// Draws the plan picture: the server sends nodes and edges (script#plan-data), dagre
// (vendored) lays them out top to bottom, and this turns the layout into SVG. Each node
// is a link to the credential's page, so Tab walks the picture and Enter opens a node.
(function () {
  "use strict";
  var holder = document.getElementById("picture");
  var source = document.getElementById("plan-data");
  if (!holder || !source || !source.textContent.trim() || !window.dagre) { return; }
  var data = JSON.parse(source.textContent);
  var NS = "http://www.w3.org/2000/svg";
  // a phone gets narrower nodes drawn at nearly full size (the box scrolls sideways)
  // rather than the whole picture shrunk until its words cannot be read
  var narrow = holder.clientWidth < 600;
  var WIDTH = narrow ? 180 : 240, CHARS = narrow ? 22 : 30, MIN_SCALE = narrow ? 0.9 : 0.6;
  var LINE = 17, PAD = 10, NOTE = 16, MAX_LINES = 3;
  var LABEL_CHAR = 6.2, LABEL_HEIGHT = 14;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function wrap(text) {
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (word) {
      if ((line + " " + word).trim().length > CHARS && line) { lines.push(line); line = word; }
      else { line = (line + " " + word).trim(); }
    });
    if (line) { lines.push(line); }
    if (lines.length > MAX_LINES) {
      lines = lines.slice(0, MAX_LINES);
      lines[MAX_LINES - 1] = lines[MAX_LINES - 1].slice(0, CHARS - 1) + "…";
    }
    return lines;
  }

  var graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", nodesep: narrow ? 16 : 28, ranksep: 44, edgesep: 14, marginx: 10, marginy: 10 });
  var byId = {};
  data.nodes.forEach(function (node) {
    node.lines = wrap(node.title);
    byId[node.id] = node;
    graph.setNode(node.id, { width: WIDTH, height: PAD * 2 + NOTE + node.lines.length * LINE });
  });
  data.edges.forEach(function (edge, i) {
    graph.setEdge(edge.source, edge.target, {
      width: edge.label.length * LABEL_CHAR, height: LABEL_HEIGHT, labelpos: "c"
    }, "e" + i);
  });
  // the steps in their order, one below the other (laid out, not drawn)
  var steps = data.nodes.filter(function (n) { return n.kind === "step"; });
  for (var i = 1; i < steps.length; i++) {
    graph.setEdge(steps[i - 1].id, steps[i].id, { weight: 0, minlen: 1 }, "order" + i);
  }

  var started = performance.now();
  dagre.layout(graph);
  var layoutMs = performance.now() - started;

  var size = graph.graph();
  var svg = el("svg", {
    viewBox: "0 0 " + Math.ceil(size.width) + " " + Math.ceil(size.height),
    width: Math.ceil(size.width), height: Math.ceil(size.height),
    role: "group", "aria-label": "The plan as a picture"
  });
  svg.style.minWidth = Math.round(size.width * MIN_SCALE) + "px";
  svg.style.maxWidth = Math.ceil(size.width) + "px";
  var defs = el("defs", {}, svg);
  ["counts-as", "prerequisite-of", "fills-requirement-of"].forEach(function (kind) {
    var marker = el("marker", {
      id: "arrow-" + kind, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", "class": "arrow " + kind
    }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z" }, marker);
  });

  var edges = el("g", { "class": "edges" }, svg);
  data.edges.forEach(function (edge, i) {
    var laid = graph.edge(edge.source, edge.target, "e" + i);
    var group = el("g", { "class": "edge " + edge.kind, "data-kind": edge.kind,
      "data-source": edge.source, "data-target": edge.target }, edges);
    var d = laid.points.map(function (p, j) { return (j ? "L" : "M") + p.x.toFixed(1) + "," + p.y.toFixed(1); }).join(" ");
    el("path", { d: d, "marker-end": "url(#arrow-" + edge.kind + ")" }, group);
    var text = el("text", { x: laid.x, y: laid.y + 4, "text-anchor": "middle" }, group);
    text.textContent = edge.label;
    el("title", {}, group).textContent =
      byId[edge.source].title + " " + edge.label + " " + byId[edge.target].title;
  });

  var nodes = el("g", { "class": "nodes" }, svg);
  data.nodes.forEach(function (node) {
    var laid = graph.node(node.id);
    var x = laid.x - laid.width / 2, y = laid.y - laid.height / 2;
    var group = el("g", { "class": "node " + node.kind, "data-credential-id": node.id,
      "data-kind": node.kind, transform: "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")" }, nodes);
    var link = el("a", { href: "/credentials/" + encodeURIComponent(node.id),
      "aria-label": node.note + ": " + node.title }, group);
    el("rect", { width: laid.width, height: laid.height, rx: 8, ry: 8 }, link);
    var kind = el("text", { x: PAD, y: PAD + 10, "class": "kind" }, link);
    kind.textContent = node.note;
    node.lines.forEach(function (line, j) {
      var text = el("text", { x: PAD, y: PAD + NOTE + 12 + j * LINE }, link);
      text.textContent = line;
    });
    el("title", {}, link).textContent = node.title + " (" + node.id + ")";
  });

  holder.replaceChildren(svg);
  holder.scrollLeft = Math.max(0, (holder.scrollWidth - holder.clientWidth) / 2);
  holder.dataset.drawn = "true";
  holder.dataset.layoutMs = layoutMs.toFixed(2);
})();
