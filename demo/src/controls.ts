/** The element with this id (throws when the page lacks it). */
export function byId<T extends Element = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`demo: no element #${id}`);
  return element as unknown as T;
}

/** A number input's value, or `fallback` when empty or invalid; clamped to [min, max]. */
export function numberValue(input: HTMLInputElement, fallback: number, min: number, max: number): number {
  const value = Number(input.value);
  if (input.value === "" || !Number.isFinite(value)) return fallback;
  return Math.max(min, Math.min(max, value));
}

export interface LogControl {
  /** The current positive value. */
  readonly value: number;
  /** Sets the value (slider and number) without calling onChange. */
  set(value: number): void;
}

/**
 * Binds a range input holding log₁₀(v) to a number input holding v; either one updates
 * the other. `onChange` runs when the person changes the value.
 */
export function bindLogControl(sliderId: string, numberId: string, initial: number, onChange: () => void): LogControl {
  const slider = byId<HTMLInputElement>(sliderId);
  const number = byId<HTMLInputElement>(numberId);
  let value = initial;
  const show = (): void => {
    slider.value = String(Math.log10(value));
    number.value = String(+value.toPrecision(4));
    slider.setAttribute("aria-valuetext", number.value);
  };
  slider.addEventListener("input", () => {
    value = +Math.pow(10, Number(slider.value)).toPrecision(3);
    number.value = String(value);
    slider.setAttribute("aria-valuetext", number.value);
    number.removeAttribute("aria-invalid");
    onChange();
  });
  number.addEventListener("input", () => {
    const v = Number(number.value);
    if (number.value === "" || !Number.isFinite(v) || v <= 0) {
      number.setAttribute("aria-invalid", "true");
      return;
    }
    number.removeAttribute("aria-invalid");
    value = v;
    slider.value = String(Math.log10(v));
    slider.setAttribute("aria-valuetext", number.value);
    onChange();
  });
  show();
  return {
    get value() {
      return value;
    },
    set(v: number) {
      value = v;
      show();
    },
  };
}
