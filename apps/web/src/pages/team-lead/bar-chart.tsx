import { formatNumber } from './report-data';

export interface Bar {
  label: string;
  /** null: nothing to count (no bar, and the text says so). */
  value: number | null;
}

const WIDTH = 720;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 90;
const ROW = 30;
const BAR = 20;
const MAX_LABEL = 34;

function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/**
 * A horizontal bar chart in SVG, of our own (a chart library would weigh more than the pages):
 * each bar has its label and its figure written next to it, so the chart does not rest on colour,
 * and its accessible name reads every figure. The same figures stand in a table on the page.
 */
export function BarChart({
  title,
  bars,
  unit,
  max,
  format = formatNumber,
}: {
  title: string;
  bars: readonly Bar[];
  /** Said after each figure in the accessible text: "dagen", "%". */
  unit?: string;
  /** The scale's end (100 for a percentage); default the largest value. */
  max?: number;
  format?: (value: number | null) => string;
}) {
  const largest = max ?? Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const scale = largest > 0 ? (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / largest : 0;
  const height = Math.max(1, bars.length) * ROW + 8;
  const spoken = bars
    .map(
      (bar) =>
        `${bar.label}: ${bar.value === null ? 'geen gegevens' : `${format(bar.value)}${unit ? ` ${unit}` : ''}`}`,
    )
    .join('; ');
  return (
    <figure className="werkplek-chart">
      <figcaption className="werkplek-chart__caption">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="utrecht-paragraph">Geen gegevens in deze periode.</p>
      ) : (
        <svg
          className="werkplek-chart__svg"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-label={`${title}. ${spoken}`}
        >
          {bars.map((bar, index) => {
            const y = index * ROW + 4;
            const length = bar.value === null ? 0 : Math.max(bar.value * scale, bar.value ? 2 : 0);
            return (
              <g key={`${bar.label}-${index}`} aria-hidden="true">
                <text
                  className="werkplek-chart__label"
                  x={LABEL_WIDTH - 8}
                  y={y + BAR / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                >
                  {shortLabel(bar.label)}
                </text>
                <rect
                  className="werkplek-chart__bar"
                  x={LABEL_WIDTH}
                  y={y}
                  width={length}
                  height={BAR}
                />
                <text
                  className="werkplek-chart__value"
                  x={LABEL_WIDTH + length + 6}
                  y={y + BAR / 2}
                  dominantBaseline="middle"
                >
                  {bar.value === null ? 'geen gegevens' : format(bar.value)}
                </text>
              </g>
            );
          })}
          <line
            className="werkplek-chart__axis"
            x1={LABEL_WIDTH}
            x2={LABEL_WIDTH}
            y1={0}
            y2={height}
          />
        </svg>
      )}
    </figure>
  );
}
