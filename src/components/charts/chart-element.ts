/**
 * <mv-chart data-kind="radar|line" data-chart="{…}">: a chart.js island. The drawing code,
 * and chart.js with it, is fetched only when the element nears the viewport.
 */

const DRAWERS = {
  radar: () => import("./radar-chart-draw").then((m) => m.drawRadarChart),
  line: () => import("./line-chart-draw").then((m) => m.drawLineChart),
} as const;

class ChartElement extends HTMLElement {
  #observer?: IntersectionObserver;

  connectedCallback(): void {
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#observer?.disconnect();
          void this.#draw();
        }
      },
      { rootMargin: "200px" },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  async #draw(): Promise<void> {
    const canvas = this.querySelector("canvas");
    const kind = this.dataset.kind as keyof typeof DRAWERS | undefined;
    if (!canvas || !this.dataset.chart || !kind || !(kind in DRAWERS)) return;
    const draw = await DRAWERS[kind]();
    draw(canvas, JSON.parse(this.dataset.chart));
    this.dataset.drawn = "true";
  }
}

if (!customElements.get("mv-chart")) customElements.define("mv-chart", ChartElement);
