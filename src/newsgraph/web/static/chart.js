// The interactive link chart of the network and actor pages: pan, zoom, drag, filters, and a panel
// of an edge's events with their sentences. Plain JavaScript, no library, served from /static so
// the CSP's script-src 'self' allows it. Without JavaScript the page keeps the server's static SVG,
// which this script hides and replaces. Every string from the store goes into the page through
// textContent or an attribute value, never as markup: article text can hold hostile HTML.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const host = document.querySelector(".chart-host");
  const dataElement = document.getElementById("chart-data");
  if (!host || !dataElement) {
    return;
  }
  const data = JSON.parse(dataElement.textContent);
  const DRAG_THRESHOLD = 4; // px a press may wander and still count as a click
  const MIN_ZOOM = 0.2;
  const MAX_ZOOM = 8;

  function element(name, attributes, text) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes || {})) {
      node.setAttribute(key, value);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function svgElement(name, attributes) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes || {})) {
      node.setAttribute(key, value);
    }
    return node;
  }

  // --- the model: nodes where the server laid them out, edges grouping events by pair and tone ---
  const nodes = new Map(data.nodes.map((n) => [n.id, { ...n }]));
  const edges = new Map();
  for (const item of data.events.concat(data.ties)) {
    const key = JSON.stringify([item.source, item.target, item.tone]);
    if (!edges.has(key)) {
      edges.set(key, { key: key, source: item.source, target: item.target, kind: item.tone, items: [] });
    }
    edges.get(key).items.push(item);
  }
  const days = data.events.concat(data.ties).flatMap((i) => [i.date, i.end]).filter(Boolean).sort();
  const usedTypes = data.types.filter((t) => data.events.some((e) => e.type === t));

  // --- the controls ---
  const chart = element("div", { class: "chart" });
  const controls = element("form", { class: "chart-controls", "aria-label": "chart filters" });
  const typeSelect = element("select", { name: "type", id: "chart-type" });
  typeSelect.append(element("option", { value: "" }, "all types"));
  for (const type of usedTypes) {
    typeSelect.append(element("option", { value: type }, type));
  }
  const toneSelect = element("select", { name: "tone", id: "chart-tone" });
  for (const [value, label] of [["", "cooperation and conflict"], ["cooperation", "cooperation"],
    ["conflict", "conflict"]]) {
    toneSelect.append(element("option", { value: value }, label));
  }
  const bounds = days.length ? { min: days[0], max: days[days.length - 1] } : {};
  const fromInput = element("input", { type: "date", name: "from", id: "chart-from", ...bounds });
  const toInput = element("input", { type: "date", name: "to", id: "chart-to", ...bounds });
  const tiesBox = element("input", { type: "checkbox", name: "ties", id: "chart-ties" });
  tiesBox.checked = true;

  function labelled(text, input) {
    const label = element("label", {}, text + " ");
    label.append(input);
    return label;
  }
  controls.append(labelled("type", typeSelect), labelled("tone", toneSelect), labelled("from", fromInput),
    labelled("to", toInput));
  if (data.ties.length) {
    const tiesLabel = element("label", {});
    tiesLabel.append(tiesBox, " standing ties");
    controls.append(tiesLabel);
  }
  const zoomIn = element("button", { type: "button", class: "zoom-in", title: "zoom in" }, "+");
  const zoomOut = element("button", { type: "button", class: "zoom-out", title: "zoom out" }, "\u2212");
  const zoomReset = element("button", { type: "button", class: "zoom-reset", title: "back to the start" },
    "reset view");
  const shown = element("output", { class: "chart-count", "aria-live": "polite" });
  controls.append(zoomIn, zoomOut, zoomReset, shown);

  // --- the drawing ---
  const svg = svgElement("svg", { class: "graph chart-svg", viewBox: `0 0 ${data.width} ${data.height}`,
    role: "img", "aria-label": "interactive actor network" });
  const defs = svgElement("defs");
  for (const kind of ["cooperation", "conflict", "tie"]) {
    const marker = svgElement("marker", { id: `chart-arrow-${kind}`, viewBox: "0 0 10 10", refX: "9", refY: "5",
      markerWidth: "5", markerHeight: "5", orient: "auto-start-reverse", class: `arrow ${kind}` });
    marker.append(svgElement("path", { d: "M0,0 L10,5 L0,10 z" }));
    defs.append(marker);
  }
  const background = svgElement("rect", { class: "chart-background", x: "0", y: "0", width: data.width,
    height: data.height });
  const viewport = svgElement("g", { class: "viewport" });
  const edgeLayer = svgElement("g", { class: "edges" });
  const nodeLayer = svgElement("g", { class: "nodes" });
  viewport.append(edgeLayer, nodeLayer);
  svg.append(defs, background, viewport);

  const panel = element("aside", { class: "chart-panel", "aria-live": "polite" });
  panel.hidden = true;

  function radius(node) {
    return node.id === data.centre ? 11 : 7;
  }

  for (const node of nodes.values()) {
    const link = svgElement("a", { href: `/actors/${encodeURIComponent(node.id)}`, class: "node",
      "data-id": node.id });
    const circle = svgElement("circle", { r: radius(node), class: `t-${node.type || "x"}` });
    // as in the static drawing, a label points away from the side of the drawing it is nearest to
    const right = node.x > data.width * 0.6;
    const label = svgElement("text", { x: right ? -radius(node) - 3 : radius(node) + 3, y: "4",
      "text-anchor": right ? "end" : "start" });
    label.textContent = node.name;
    const title = svgElement("title");
    title.textContent = node.name;
    link.append(title, circle, label);
    nodeLayer.append(link);
    node.element = link;
  }

  for (const edge of edges.values()) {
    const href = edge.kind === "tie" ? `/actors/${encodeURIComponent(edge.source)}#ties`
      : `/events?source=${encodeURIComponent(edge.source)}&target=${encodeURIComponent(edge.target)}`;
    const link = svgElement("a", { href: href, class: `edge ${edge.kind}`, "data-source": edge.source,
      "data-target": edge.target, "data-kind": edge.kind });
    edge.title = svgElement("title");
    edge.hit = svgElement("path", { class: "hit" }); // a wide invisible stroke: thin lines are hard to click
    edge.line = svgElement("path", { class: "line", "marker-end": `url(#chart-arrow-${edge.kind})` });
    link.append(edge.title, edge.hit, edge.line);
    edgeLayer.append(link);
    edge.element = link;
  }

  // --- geometry ---
  function place(node) {
    node.element.setAttribute("transform", `translate(${node.x.toFixed(1)} ${node.y.toFixed(1)})`);
  }

  function route(edge) {
    const a = nodes.get(edge.source);
    const b = nodes.get(edge.target);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    // A slight bend to the right of the direction keeps A→B and B→A apart.
    const bend = Math.min(0.12 * length, 40);
    const cx = (a.x + b.x) / 2 - (dy / length) * bend;
    const cy = (a.y + b.y) / 2 + (dx / length) * bend;
    const start = towards(a, cx, cy, radius(a) + 1);
    const end = towards(b, cx, cy, radius(b) + 3);
    const d = `M${start.x.toFixed(1)},${start.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ` +
      `${end.x.toFixed(1)},${end.y.toFixed(1)}`;
    edge.line.setAttribute("d", d);
    edge.hit.setAttribute("d", d);
  }

  function towards(node, x, y, distance) {
    const length = Math.hypot(x - node.x, y - node.y) || 1;
    return { x: node.x + ((x - node.x) / length) * distance, y: node.y + ((y - node.y) / length) * distance };
  }

  function drawAll() {
    nodes.forEach(place);
    edges.forEach(route);
  }

  // --- pan and zoom: one transform on the viewport group ---
  const view = { k: 1, x: 0, y: 0 };

  function applyView() {
    viewport.setAttribute("transform", `translate(${view.x.toFixed(2)} ${view.y.toFixed(2)}) scale(${view.k.toFixed(4)})`);
  }

  function svgPoint(event) {
    const point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  function zoomAt(factor, at) {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
    // keep the point under the cursor (or the centre) where it is
    view.x = at.x - ((at.x - view.x) / view.k) * k;
    view.y = at.y - ((at.y - view.y) / view.k) * k;
    view.k = k;
    applyView();
  }

  const middle = { x: data.width / 2, y: data.height / 2 };
  zoomIn.addEventListener("click", () => zoomAt(1.25, middle));
  zoomOut.addEventListener("click", () => zoomAt(0.8, middle));
  zoomReset.addEventListener("click", () => {
    Object.assign(view, { k: 1, x: 0, y: 0 });
    applyView();
  });
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    zoomAt(Math.exp(-event.deltaY * 0.0015), svgPoint(event));
  }, { passive: false });

  // --- dragging: a node moves and stays; the background pans ---
  let gesture = null;
  let suppressClick = false;

  svg.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) {
      return;
    }
    suppressClick = false;
    const nodeElement = event.target.closest(".node");
    if (!nodeElement && event.target.closest(".edge")) {
      return; // an edge is for clicking
    }
    // stops the browser's own drag of a link and text selection; the click still follows
    event.preventDefault();
    const at = svgPoint(event);
    const node = nodeElement ? nodes.get(nodeElement.dataset.id) : null;
    gesture = { node: node, startX: event.clientX, startY: event.clientY, at: at, view: { ...view },
      origin: node ? { x: node.x, y: node.y } : null, moved: false };
  });

  window.addEventListener("pointermove", (event) => {
    if (!gesture) {
      return;
    }
    if (!gesture.moved && Math.hypot(event.clientX - gesture.startX, event.clientY - gesture.startY) < DRAG_THRESHOLD) {
      return;
    }
    gesture.moved = true;
    svg.classList.add("dragging");
    const at = svgPoint(event);
    if (gesture.node) {
      gesture.node.x = gesture.origin.x + (at.x - gesture.at.x) / view.k;
      gesture.node.y = gesture.origin.y + (at.y - gesture.at.y) / view.k;
      place(gesture.node);
      for (const edge of edges.values()) {
        if (edge.source === gesture.node.id || edge.target === gesture.node.id) {
          route(edge);
        }
      }
    } else {
      view.x = gesture.view.x + (at.x - gesture.at.x);
      view.y = gesture.view.y + (at.y - gesture.at.y);
      applyView();
    }
  });

  function endGesture() {
    if (gesture && gesture.moved) {
      suppressClick = true; // the click that ends a drag must not open the actor
    }
    gesture = null;
    svg.classList.remove("dragging");
  }
  window.addEventListener("pointerup", endGesture);
  window.addEventListener("pointercancel", endGesture);

  nodeLayer.addEventListener("click", (event) => {
    if (suppressClick) {
      event.preventDefault();
      suppressClick = false;
    }
  });

  // --- filters ---
  function passes(item) {
    const from = fromInput.value;
    const to = toInput.value;
    if (item.tone === "tie") {
      if (!tiesBox.checked || typeSelect.value || toneSelect.value) {
        return false;
      }
    } else if ((typeSelect.value && item.type !== typeSelect.value) ||
      (toneSelect.value && item.tone !== toneSelect.value)) {
      return false;
    }
    // the events list's rule: an interval that reaches into the range counts
    if (from && !(item.end && item.end >= from)) {
      return false;
    }
    if (to && !(item.date && item.date <= to)) {
      return false;
    }
    return true;
  }

  function counted(items) {
    const counts = new Map();
    for (const item of items) {
      counts.set(item.type, (counts.get(item.type) || 0) + 1);
    }
    return [...counts.entries()].sort();
  }

  function filter() {
    const linked = new Set([data.centre]);
    let visibleEdges = 0;
    for (const edge of edges.values()) {
      edge.visible = edge.items.filter(passes);
      const on = edge.visible.length > 0;
      edge.element.classList.toggle("is-hidden", !on);
      edge.element.dataset.types = [...new Set(edge.visible.map((i) => i.type))].sort().join(" ");
      if (on) {
        visibleEdges += 1;
        linked.add(edge.source);
        linked.add(edge.target);
        edge.line.setAttribute("stroke-width", Math.min(1.5 + Math.sqrt(edge.visible.length), 8).toFixed(1));
        edge.title.textContent = `${nodes.get(edge.source).name} → ${nodes.get(edge.target).name}: ` +
          counted(edge.visible).map(([t, n]) => `${t} ×${n}`).join(", ");
      }
    }
    for (const node of nodes.values()) {
      node.element.classList.toggle("is-hidden", !linked.has(node.id));
    }
    shown.textContent = `${visibleEdges} of ${edges.size} links`;
    if (panel.edge) {
      showEdge(panel.edge);
    }
  }
  for (const input of [typeSelect, toneSelect, fromInput, toInput, tiesBox]) {
    input.addEventListener("change", filter);
    input.addEventListener("input", filter);
  }
  controls.addEventListener("submit", (event) => event.preventDefault());

  // --- the edge panel: its events (as filtered), each linked to its sentence ---
  function showEdge(edge) {
    panel.edge = edge;
    for (const other of edges.values()) {
      other.element.classList.toggle("selected", other === edge);
    }
    panel.replaceChildren();
    const close = element("button", { type: "button", class: "chart-panel-close", title: "close" }, "\u00d7");
    close.addEventListener("click", () => {
      panel.hidden = true;
      panel.edge = null;
      edge.element.classList.remove("selected");
    });
    const heading = element("h3", {}, `${nodes.get(edge.source).name} → ${nodes.get(edge.target).name}`);
    const list = element("ul", { class: "chart-events" });
    const items = (edge.visible || edge.items).slice().sort((a, b) => (b.date || "").localeCompare(a.date || ""));
    for (const item of items) {
      const entry = element("li", { class: item.tone });
      entry.append(element("span", { class: "etype" }, item.type), " ",
        element("small", {}, item.date || "undated"), " ",
        `${nodes.get(item.source).name} → ${nodes.get(item.target).name} `);
      entry.append(element("a", { class: "evidence", href: `/articles/${item.article}#s${item.sentence}` },
        `${item.article_id} · s${item.sentence}`));
      entry.append(element("div", { class: "quoteline" }, item.text));
      list.append(entry);
    }
    if (!items.length) {
      list.append(element("li", { class: "empty" }, "No events pass the filters."));
    }
    panel.append(close, heading, element("p", { class: "chart-panel-kind" }, edge.kind === "tie" ? "standing tie" : edge.kind),
      list);
    if (edge.kind !== "tie") {
      panel.append(element("a", { class: "all-events", href: edge.element.getAttribute("href") },
        "all events between them →"));
    }
    panel.hidden = false;
  }

  edgeLayer.addEventListener("click", (event) => {
    const link = event.target.closest(".edge");
    if (!link) {
      return;
    }
    event.preventDefault();
    const edge = [...edges.values()].find((e) => e.element === link);
    showEdge(edge);
  });

  // --- in place of the static drawing ---
  const stage = element("div", { class: "chart-stage" });
  stage.append(svg, panel);
  chart.append(controls, stage);
  for (const fallback of host.querySelectorAll(":scope > svg")) {
    fallback.classList.add("is-hidden");
  }
  host.prepend(chart);
  host.classList.add("chart-ready");
  drawAll();
  applyView();
  filter();
})();
