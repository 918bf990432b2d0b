import { BarController, BarElement, CategoryScale, Chart, LinearScale } from "chart.js";
import { useEffect, useRef } from "react";

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/**
 * A bar per figure (Chart.js on a canvas). The canvas is hidden from screen readers: the table beside
 * it holds the same numbers, which is what they read. A suppressed figure has no bar.
 */
export function OutcomeChart({ labels, values }: { labels: string[]; values: (number | null)[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: { labels, datasets: [{ data: values, backgroundColor: "#0059b3" }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: "y",
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, values]);
  return (
    // Hidden overflow: the canvas keeps its old width until Chart.js sees the page narrow.
    <div style={{ position: "relative", height: `${labels.length * 2.25 + 2}rem`, maxWidth: "40rem", overflow: "hidden" }}>
      <canvas ref={canvas} aria-hidden="true" />
    </div>
  );
}
