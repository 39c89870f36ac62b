// Interactive network of actors and typed event edges; no library, no network access.
(function () {
  "use strict";
  // The data is JSON in a non-executed script element; every string from it reaches the page
  // through textContent or setAttribute, never as markup.
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  document.title = data.title;
  document.getElementById("title").textContent = data.title;
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = document.getElementById("network");
  const details = document.getElementById("details");
  const hidden = new Set();
  const byId = new Map(data.nodes.map((n) => [n.id, n]));

  function el(name, attrs, parent) {
    const node = document.createElementNS(svgNS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  // An HTML element with text, appended to parent: the only way details are built.
  function add(parent, name, text) {
    const node = document.createElement(name);
    if (text != null) node.textContent = String(text);
    parent.appendChild(node);
    return node;
  }

  // Arrow markers, one per event type colour.
  const defs = el("defs", {}, svg);
  for (const [type, colour] of Object.entries(data.colours)) {
    const marker = el("marker", { id: "arrow-" + type, viewBox: "0 0 10 10", refX: "18", refY: "5",
      markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour }, marker);
  }
  const edgeLayer = el("g", { class: "edges" }, svg);
  const nodeLayer = el("g", { class: "nodes" }, svg);

  // Legend doubles as a type filter.
  const legend = document.getElementById("legend");
  for (const [type, colour] of Object.entries(data.colours)) {
    if (!data.edges.some((e) => e.type === type)) continue;
    const item = document.createElement("span");
    add(item, "i").style.background = colour;
    item.appendChild(document.createTextNode(type));
    item.dataset.type = type;
    item.addEventListener("click", () => {
      if (hidden.has(type)) hidden.delete(type); else hidden.add(type);
      item.classList.toggle("off");
      showView();
    });
    legend.appendChild(item);
  }
  const modeNote = document.createElement("span");
  modeNote.textContent = "dashed: denied or negated · dotted: planned";
  legend.appendChild(modeNote);

  const actorSelect = document.getElementById("actor");
  for (const node of [...data.nodes].sort((a, b) => a.label.localeCompare(b.label))) {
    const option = document.createElement("option");
    option.value = node.id;
    option.textContent = node.label + " (" + node.kind + ")";
    actorSelect.appendChild(option);
  }
  const dateFrom = document.getElementById("date-from");
  const dateTo = document.getElementById("date-to");
  const showUndated = document.getElementById("show-undated");
  [actorSelect, dateFrom, dateTo, showUndated].forEach((c) => c.addEventListener("change", showView));

  let width = 800, height = 600;
  function project(node) {
    return [40 + node.x * (width - 190), 30 + node.y * (height - 60)];
  }

  // The legend's types and the date controls, shared by the network's edges and the map's events.
  function typeAndDateShown(type, date) {
    if (hidden.has(type)) return false;
    if (!date) return showUndated.checked;
    const month = date.slice(0, 7);
    if (dateFrom.value && month < dateFrom.value) return false;
    if (dateTo.value && month > dateTo.value) return false;
    return true;
  }

  function visible(edge) {
    const actor = actorSelect.value;
    if (actor && edge.source !== actor && edge.target !== actor) return false;
    // An event no article dates is placed at its first article's date (first_reported_on).
    return typeAndDateShown(edge.type, edge.date || edge.first_reported_on);
  }

  function undatedText(edge) {
    return edge.first_reported_on ? "undated, first reported " + edge.first_reported_on : "undated";
  }

  // One article's account: its own mode and speakers, never another article's.
  function tellingText(telling) {
    let text = telling.article + ": " + telling.mode;
    if (telling.reported_by.length) text += ", said by " + telling.reported_by.join(", ");
    if (telling.via.length) text += ", via " + telling.via.join(", ");
    if (telling.date_text) text += ", \u201c" + telling.date_text + "\u201d";
    if (telling.reported_on) text += " (" + telling.reported_on + ")";
    return text;
  }

  function showEdge(edge) {
    const s = byId.get(edge.source), t = byId.get(edge.target);
    details.replaceChildren();
    add(details, "h3", s.label + " → " + edge.type + " → " + t.label);
    const facts = add(details, "p");
    add(facts, "span", edge.mode).className = "mode";
    facts.appendChild(document.createTextNode(" · " + (edge.date || undatedText(edge)) + (edge.object ? " · " + edge.object : "")));
    const told = add(details, "ul");
    for (const telling of edge.tellings) add(told, "li", tellingText(telling));
    for (const sentence of edge.evidence) add(details, "blockquote", sentence.text).setAttribute("lang", sentence.lang);
  }

  function showNode(node) {
    const edges = data.edges.filter((e) => visible(e) && (e.source === node.id || e.target === node.id));
    details.replaceChildren();
    add(details, "h3", node.label);
    add(details, "p", node.kind + " · " + node.id);
    if (node.names) add(details, "p", node.names);
    const list = add(details, "ul");
    for (const e of edges) {
      add(list, "li", (byId.get(e.source) || {}).label + " " + e.type + " " + (byId.get(e.target) || {}).label + " (" + (e.date || "undated") + ", " + e.mode + ")");
    }
  }

  function render() {
    const box = svg.getBoundingClientRect();
    width = Math.max(box.width, 400);
    height = Math.max(box.height, 300);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    edgeLayer.replaceChildren();
    nodeLayer.replaceChildren();
    const shown = data.edges.filter(visible);
    const used = new Set(shown.flatMap((e) => [e.source, e.target]));
    const actor = actorSelect.value;
    if (actor) used.add(actor);
    // Parallel edges between one pair bend by their index so each stays visible.
    const pairIndex = new Map();
    for (const edge of shown) {
      const key = [edge.source, edge.target].sort().join("|");
      const index = pairIndex.get(key) || 0;
      pairIndex.set(key, index + 1);
      const [x1, y1] = project(byId.get(edge.source));
      const [x2, y2] = project(byId.get(edge.target));
      const bend = (index % 2 ? -1 : 1) * (12 + 14 * Math.floor(index / 2)) * (edge.source < edge.target ? 1 : -1);
      const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const cx = mx - ((y2 - y1) / len) * bend, cy = my + ((x2 - x1) / len) * bend;
      const path = el("path", { d: "M" + x1 + "," + y1 + " Q" + cx + "," + cy + " " + x2 + "," + y2,
        class: "edge " + edge.mode, stroke: data.colours[edge.type] || "#888",
        "marker-end": edge.symmetric ? "" : "url(#arrow-" + edge.type + ")",
        "data-event": edge.event, "data-type": edge.type }, edgeLayer);
      const title = el("title", {}, path);
      title.textContent = edge.type + " (" + edge.mode + ")\n" + edge.tellings.map(tellingText).join("\n") + "\n" +
        edge.evidence.map((s) => s.text).join("\n");
      path.addEventListener("mouseenter", () => showEdge(edge));
    }
    for (const node of data.nodes) {
      if (!used.has(node.id)) continue;
      const [x, y] = project(node);
      const g = el("g", { class: "node", transform: "translate(" + x + "," + y + ")", "data-id": node.id }, nodeLayer);
      el("circle", { r: String(6 + Math.min(10, node.degree)), fill: data.kind_colours[node.kind] || "#666" }, g);
      const label = el("text", { x: "10", y: "4" }, g);
      label.textContent = node.label;
      g.addEventListener("mouseenter", () => showNode(node));
      g.addEventListener("pointerdown", (event) => drag(event, node));
    }
    document.getElementById("counts").textContent = used.size + " actors · " + shown.length + " edges";
  }

  function drag(event, node) {
    event.preventDefault();
    const move = (e) => {
      const box = svg.getBoundingClientRect();
      node.x = Math.min(1, Math.max(0, (e.clientX - box.left - 40) / (width - 190)));
      node.y = Math.min(1, Math.max(0, (e.clientY - box.top - 30) / (height - 60)));
      render();
    };
    const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  }

  // ---- Map view: the world outline, actors with coordinates, events at their place. ----
  const map = document.getElementById("map");
  const landLayer = el("g", { class: "world" }, map);
  const placeLayer = el("g", { class: "places" }, map);
  const markLayer = el("g", { class: "marks" }, map);
  const mapById = new Map(data.places.map((p) => [p.id, p]));

  function visibleEvent(ev) {
    const actor = actorSelect.value;
    if (actor && !ev.actors.includes(actor) && ev.place !== actor) return false;
    return typeAndDateShown(ev.type, ev.date);
  }

  function showEvent(ev) {
    details.replaceChildren();
    add(details, "h3", ev.source.join(", ") + " → " + ev.type + " → " + ev.target.join(", "));
    const facts = add(details, "p");
    add(facts, "span", ev.mode).className = "mode";
    facts.appendChild(document.createTextNode(" · " + (ev.date || "undated") + (ev.object ? " · " + ev.object : "")));
    add(details, "p", "at " + mapById.get(ev.place).label + " (precision: " + ev.place_precision + ")");
    for (const sentence of ev.evidence) add(details, "blockquote", sentence.text).setAttribute("lang", sentence.lang);
  }

  function showPlace(place, events) {
    details.replaceChildren();
    add(details, "h3", place.label);
    add(details, "p", place.kind + " · " + place.id + " · " + place.lat + ", " + place.lon);
    const list = add(details, "ul");
    for (const ev of events) add(list, "li", ev.type + " (" + (ev.date || "undated") + ", " + ev.mode + ")");
  }

  // Equirectangular projection fitted to the places drawn (with a margin), the whole world when none.
  function mapProjection(points) {
    let [west, east, south, north] = [-180, 180, -60, 85];
    if (points.length) {
      west = Math.max(-180, Math.min(...points.map((p) => p.lon)) - 12);
      east = Math.min(180, Math.max(...points.map((p) => p.lon)) + 12);
      south = Math.max(-85, Math.min(...points.map((p) => p.lat)) - 8);
      north = Math.min(85, Math.max(...points.map((p) => p.lat)) + 8);
    }
    const box = map.getBoundingClientRect();
    const w = Math.max(box.width, 400), h = Math.max(box.height, 300);
    map.setAttribute("viewBox", "0 0 " + w + " " + h);
    const k = Math.min(w / (east - west), h / (north - south));
    const x0 = (w - k * (east - west)) / 2, y0 = (h - k * (north - south)) / 2;
    return (lon, lat) => [x0 + (lon - west) * k, y0 + (north - lat) * k];
  }

  function renderMap() {
    landLayer.replaceChildren();
    placeLayer.replaceChildren();
    markLayer.replaceChildren();
    const events = data.map_events.filter(visibleEvent);
    const actor = actorSelect.value;
    const places = data.places.filter((p) => !actor || p.id === actor || events.some((e) => e.place === p.id));
    const project = mapProjection(places);
    const scale = data.world.scale;
    for (const country of data.world.countries) {
      const d = country.rings.map((ring) => {
        const parts = [];
        for (let i = 0; i < ring.length; i += 2) parts.push(project(ring[i] / scale, ring[i + 1] / scale).join(","));
        return "M" + parts.join("L") + "Z";
      }).join("");
      el("path", { d: d, class: "land", "data-country": country.iso3 }, landLayer);
    }
    const byPlace = new Map();
    for (const ev of events) {
      if (!byPlace.has(ev.place)) byPlace.set(ev.place, []);
      byPlace.get(ev.place).push(ev);
    }
    for (const place of places) {
      const [x, y] = project(place.lon, place.lat);
      const here = byPlace.get(place.id) || [];
      const g = el("g", { class: "place", transform: "translate(" + x + "," + y + ")", "data-place": place.id }, placeLayer);
      el("circle", { r: "5", stroke: data.kind_colours[place.kind] || "#666" }, g);
      el("text", { x: "8", y: "-6" }, g).textContent = place.label;
      g.addEventListener("mouseenter", () => showPlace(place, here));
      // Events at one place sit on a spiral around it, so each stays visible and hoverable.
      here.forEach((ev, i) => {
        const angle = i * 2.4, radius = 9 + 2.2 * Math.sqrt(i) * 3;
        const mark = el("circle", { cx: String(x + radius * Math.cos(angle)), cy: String(y + radius * Math.sin(angle)),
          r: "4", fill: data.colours[ev.type] || "#888", class: "event-mark " + ev.mode,
          "data-event": ev.event, "data-at": ev.place }, markLayer);
        el("title", {}, mark).textContent = ev.type + " (" + ev.mode + ", " + ev.place_precision + ")";
        mark.addEventListener("mouseenter", () => showEvent(ev));
      });
    }
    document.getElementById("counts").textContent = places.length + " places · " + events.length + " events on the map";
  }

  // Filters, the legend and resizing redraw whichever view is shown.
  function showView() {
    const onMap = document.querySelector('input[name="view"]:checked').value === "map";
    svg.toggleAttribute("hidden", onMap);  // SVG elements have the attribute but no .hidden property
    map.toggleAttribute("hidden", !onMap);
    if (onMap) renderMap(); else render();
  }
  document.querySelectorAll('input[name="view"]').forEach((r) => r.addEventListener("change", showView));
  // view.html#view=map opens on the map (not #map: that would scroll to the element of that id).
  if (window.location.hash === "#view=map") document.querySelector('input[name="view"][value="map"]').checked = true;

  window.addEventListener("resize", showView);
  showView();
})();
