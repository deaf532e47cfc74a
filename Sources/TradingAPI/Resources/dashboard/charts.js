// Inline SVG line and area charts, no dependencies.
"use strict";
const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }
  function clear(svg) { while (svg.firstChild) svg.removeChild(svg.firstChild); }
  function scale(values, height, pad, invert) {
    let min = Math.min(...values), max = Math.max(...values);
    if (min === max) { min -= 1; max += 1; }
    return v => invert ? pad + (v - min) / (max - min) * (height - 2 * pad)
                       : height - pad - (v - min) / (max - min) * (height - 2 * pad);
  }
  // Draws `values` as a polyline (and a filled area when `fill`) with min/max labels.
  function line(svg, values, options) {
    clear(svg);
    const box = svg.viewBox.baseVal, w = box.width, h = box.height, pad = 12;
    if (values.length < 2) {
      const t = el("text", { x: w / 2, y: h / 2, fill: "#8a97a6", "text-anchor": "middle", "font-size": 12 });
      t.textContent = options.empty || "no data yet";
      svg.appendChild(t);
      return;
    }
    const y = scale(values, h, pad, options.invert);
    const x = i => pad + i * (w - 2 * pad) / (values.length - 1);
    const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    if (options.fill) {
      const base = options.invert ? pad : h - pad;
      svg.appendChild(el("polygon", { points: `${x(0)},${base} ${points} ${x(values.length - 1)},${base}`, fill: options.fill, opacity: 0.35 }));
    }
    svg.appendChild(el("polyline", { points, fill: "none", stroke: options.color, "stroke-width": 1.5, "vector-effect": "non-scaling-stroke" }));
    const hi = el("text", { x: 4, y: 11, fill: "#8a97a6", "font-size": 10 });
    hi.textContent = options.format(options.invert ? Math.min(...values) : Math.max(...values));
    const lo = el("text", { x: 4, y: h - 2, fill: "#8a97a6", "font-size": 10 });
    lo.textContent = options.format(options.invert ? Math.max(...values) : Math.min(...values));
    svg.appendChild(hi); svg.appendChild(lo);
  }
  return { line };
})();
