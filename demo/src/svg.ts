const NS = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes, optionally appended to a parent. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (parent) parent.appendChild(element);
  return element;
}

/** Removes every child of an element. */
export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

/** A compact number for labels: 3 significant digits, exponent form when very large or small. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "∞" : "−∞";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) return String(+value.toPrecision(digits)).replace("-", "−");
  const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
  return `${String(+mantissa).replace("-", "−")}×${decadeLabel(Number(exponent))}`;
}

/** 10ⁿ as a label. */
export function decadeLabel(exponent: number): string {
  if (exponent === 0) return "1";
  if (exponent === 1) return "10";
  const superscripts: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
  return "10" + String(exponent).replace(/[-0-9]/g, (c) => superscripts[c]);
}
