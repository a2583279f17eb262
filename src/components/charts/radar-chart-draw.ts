import { Chart, Filler, Legend, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from "chart.js";

// Only what a radar chart needs, so the bundle stays small.
Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

export interface RadarChartData {
  labels: string[];
  /** muted: a grey dashed comparison; warm: an amber dotted second comparison. */
  datasets: { label: string; values: number[]; muted?: boolean; warm?: boolean }[];
}

const TONES = {
  accent: { line: "#2f6f5e", fill: "rgba(47,111,94,0.22)", dash: [] as number[] },
  muted: { line: "#6b7585", fill: "rgba(107,117,133,0.08)", dash: [6, 4] },
  warm: { line: "#b45309", fill: "rgba(180,83,9,0.06)", dash: [2, 3] },
};

export function drawRadarChart(canvas: HTMLCanvasElement, data: RadarChartData): Chart {
  return new Chart(canvas, {
    type: "radar",
    data: {
      // Two-word labels on two lines keep the chart wide on narrow cards.
      labels: data.labels.map((l) => l.split(" ")),
      datasets: data.datasets.map((d) => {
        const tone = TONES[d.warm ? "warm" : d.muted ? "muted" : "accent"];
        return {
          label: d.label,
          data: d.values,
          borderColor: tone.line,
          backgroundColor: tone.fill,
          borderDash: tone.dash,
          pointBackgroundColor: tone.line,
          borderWidth: 2,
          fill: true,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: true,
      animation: false,
      layout: { padding: 4 },
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 25, backdropColor: "transparent", color: "#525b6c" },
          pointLabels: { font: { size: 12, weight: 600 }, color: "#1d2433" },
          grid: { color: "#d5dbd8" },
          angleLines: { color: "#d5dbd8" },
        },
      },
      plugins: { legend: { position: "bottom", labels: { color: "#1d2433" } } },
    },
  });
}
