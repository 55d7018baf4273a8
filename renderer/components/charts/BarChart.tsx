/**
 * The product's one bar chart, drawn as SVG (recharts) so that screens and printed A4 pages show the same
 * vector picture: labels stay sharp at any zoom and in PDF. The chart has a fixed drawing size in CSS
 * pixels and a viewBox, and print CSS scales it to the page width (`.bar-chart svg { width: 100% }`), so it
 * never measures zero on a page being printed the way a responsive chart does. Label sizes are chosen for
 * the page: 12 px on a 680 px drawing scaled to ~17 cm comes out at ≥ 8 pt.
 *
 * Words (legend, axis labels, the accessible name) come from the caller, already translated.
 */
import { Bar, BarChart as Chart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../shared/text/format';
import './charts.css';

export type BarSeries = { key: string; label: string; values: readonly number[]; color: string };

type Props = {
  /** What the chart shows, read by screen readers («Ожидалось и прибыло по муниципалитетам»). */
  label: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Bars grow to the right with category names on the left (long names) or upward (short names). */
  horizontal?: boolean;
  /** Drawing width in CSS pixels; print scales it to the column. */
  width?: number;
  /** Print each bar's value at its end. */
  values?: boolean;
  /** Format of the value axis and bar labels (numbers in the interface language by default). */
  format?: (n: number) => string;
  /** The most characters of a category name shown before «…» (the full name stays in the table beside). */
  nameLength?: number;
};

export const CHART_TEXT = { fontSize: 12, fill: '#111' } as const;
/** Height of one category's row: room for each series' bar plus a gap; 27 municipalities × 2 series fit an A4 page. */
const rowHeight = (series: number) => 10 + 10 * series;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function BarChart({ label, categories, series, horizontal, width = 680, values, format = (n) => formatNumber(n), nameLength = 28 }: Props) {
  const rows = categories.map((name, i) => {
    const row: Record<string, string | number> = { name: cut(name, nameLength) };
    for (const s of series) row[s.key] = s.values[i] ?? 0;
    return row;
  });
  const height = horizontal ? Math.max(160, 60 + categories.length * rowHeight(series.length)) : 300;
  const nameWidth = Math.min(280, 24 + 7.6 * Math.max(4, ...rows.map((r) => String(r.name).length)));
  return (
    <figure className="bar-chart" role="img" aria-label={label}>
      <Chart width={width} height={height} data={rows} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: horizontal && values ? 60 : 36, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#ccc" horizontal={!horizontal} vertical={!!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={CHART_TEXT} tickFormatter={format} />
            <YAxis type="category" dataKey="name" width={nameWidth} tick={CHART_TEXT} interval={0} />
          </>
        ) : (
          <>
            <XAxis type="category" dataKey="name" tick={CHART_TEXT} interval={0} />
            <YAxis type="number" allowDecimals={false} tick={CHART_TEXT} tickFormatter={format} />
          </>
        )}
        {series.length > 1 && <Legend verticalAlign="top" wrapperStyle={CHART_TEXT} formatter={(name) => <span className="bar-chart-legend">{name}</span>} />}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false}>
            {values && <LabelList dataKey={s.key} position={horizontal ? 'right' : 'top'} style={CHART_TEXT} formatter={(v: unknown) => (typeof v === 'number' ? format(v) : '')} />}
          </Bar>
        ))}
      </Chart>
    </figure>
  );
}
