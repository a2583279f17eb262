import { CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from "chart.js";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

export interface LineChartData {
  points: { label: string; value: number }[];
  target?: number;
  unit: string;
}

export function drawLineChart(canvas: HTMLCanvasElement, data: LineChartData): Chart {
  const datasets = [
    {
      label: "Value",
      data: data.points.map((p) => p.value),
      borderColor: "#2f6f5e",
      backgroundColor: "#2f6f5e",
      borderWidth: 2,
      pointRadius: 3,
      tension: 0,
    },
  ];
  if (data.target !== undefined) {
    datasets.push({
      label: "Target",
      data: data.points.map(() => data.target as number),
      borderColor: "#6b7585",
      backgroundColor: "#6b7585",
      borderWidth: 1,
      pointRadius: 0,
      tension: 0,
      borderDash: [5, 4],
    } as (typeof datasets)[number]);
  }
  return new Chart(canvas, {
    type: "line",
    data: { labels: data.points.map((p) => p.label), datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y}${data.unit ? ` ${data.unit}` : ""}` } },
      },
      scales: {
        x: { grid: { display: false }, ticks: { color: "#525b6c", maxRotation: 0, autoSkip: true } },
        y: { ticks: { color: "#525b6c" }, grid: { color: "#e2e7e5" } },
      },
    },
  });
}
