/** <mv-radar-chart>: loads the chart code once the element is near the viewport. */

class RadarChartElement extends HTMLElement {
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
    if (!canvas || !this.dataset.chart) return;
    const { drawRadarChart } = await import("./radar-chart-draw");
    drawRadarChart(canvas, JSON.parse(this.dataset.chart));
  }
}

if (!customElements.get("mv-radar-chart")) customElements.define("mv-radar-chart", RadarChartElement);
