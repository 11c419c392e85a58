/** Twelve month grids, Monday first, marking 休 and 班 days with their names. */
import { Col, Row } from 'antd';
import { type CalendarDay, kindLabels } from './api';
import './calendar.css';
import { groupRanges, rangeLabel } from './ranges';

const weekHeader = ['一', '二', '三', '四', '五', '六', '日'];
const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const pad = (n: number) => String(n).padStart(2, '0');

interface Props {
  year: number;
  days: CalendarDay[];
  /** When given, each day is a button that opens the editor. */
  onSelect?: ((date: string) => void) | undefined;
}

export function YearGrid({ year, days, onSelect }: Props) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <Row gutter={[16, 16]} align="stretch">
      {months.map((month) => (
        <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
          <Month year={year} month={month} byDate={byDate} onSelect={onSelect} />
        </Col>
      ))}
      <Col span={24}>
        <div className="zf-cal-legend">
          <span>
            <span className="zf-cal-mark zf-cal-mark-holiday">休</span> 法定节假日
          </span>
          <span>
            <span className="zf-cal-mark zf-cal-mark-workday">班</span> 调休上班日
          </span>
          <span>
            <span className="zf-cal-weekend-sample">六</span> 周末（未调休）
          </span>
        </div>
      </Col>
    </Row>
  );
}

interface MonthProps {
  year: number;
  month: number;
  byDate: Map<string, CalendarDay>;
  onSelect?: ((date: string) => void) | undefined;
}

function Month({ year, month, byDate, onSelect }: MonthProps) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leading = (first.getUTCDay() + 6) % 7; // Monday = 0
  const prefix = `${year}-${pad(month)}-`;
  const ranges = groupRanges([...byDate.values()].filter((d) => d.date.startsWith(prefix)));
  const cells: (number | null)[] = [
    ...Array.from({ length: leading }, () => null),
    ...Array.from({ length }, (_, i) => i + 1),
  ];
  return (
    <section className="zf-cal-month" aria-label={`${year}年${month}月`}>
      <h4 className="zf-cal-title">{month} 月</h4>
      <div className="zf-cal-grid">
        {weekHeader.map((name) => (
          <div key={name} className="zf-cal-head">
            {name}
          </div>
        ))}
        {cells.map((day, index) =>
          day === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: leading blanks have no identity.
            <div key={`blank-${index}`} />
          ) : (
            <DayCell
              key={day}
              date={`${year}-${pad(month)}-${pad(day)}`}
              day={day}
              byDate={byDate}
              onSelect={onSelect}
            />
          ),
        )}
      </div>
      <ul className="zf-cal-names">
        {ranges.length === 0 ? <li className="zf-cal-none">无节假日或调休</li> : null}
        {ranges.map((range) => (
          <li key={range.from}>
            <span className={`zf-cal-mark zf-cal-mark-${range.kind}`}>{kindLabels[range.kind].short}</span>{' '}
            {rangeLabel(range)} {range.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface DayCellProps {
  date: string;
  day: number;
  byDate: Map<string, CalendarDay>;
  onSelect?: ((date: string) => void) | undefined;
}

function DayCell({ date, day, byDate, onSelect }: DayCellProps) {
  const special = byDate.get(date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const classes = ['zf-cal-day'];
  if (special) classes.push(`zf-cal-${special.kind}`);
  else if (weekend) classes.push('zf-cal-weekend');
  const label = special ? `${date} ${special.name}（${kindLabels[special.kind].long}）` : date;
  const content = (
    <>
      <span className="zf-cal-number">{day}</span>
      {special ? (
        <span className={`zf-cal-mark zf-cal-mark-${special.kind}`}>{kindLabels[special.kind].short}</span>
      ) : null}
    </>
  );
  if (onSelect) {
    return (
      <button
        type="button"
        className={classes.join(' ')}
        title={label}
        aria-label={label}
        onClick={() => onSelect(date)}
      >
        {content}
      </button>
    );
  }
  return (
    <div className={classes.join(' ')} title={label} role="img" aria-label={label}>
      {content}
    </div>
  );
}
