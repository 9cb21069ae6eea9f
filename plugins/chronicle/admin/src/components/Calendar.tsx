/**
 * The editorial calendar on the Newsroom page (GET /chronicle/calendar): approvals,
 * scheduled publications, embargoes and publications by day in Beijing, a week or a month at
 * a time, Monday first. Days and times are Beijing's whatever the browser's zone: the page
 * does its date arithmetic on YYYY-MM-DD strings in UTC and shows the server's `time`.
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import type { CalendarAnswer, CalendarItem } from '../../../server/src/contracts/admin';
import { PLUGIN_ID } from '../pluginId';
import { editUrl } from './Notifications';

type View = 'week' | 'month';

const DAY_MS = 86400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** Today in Beijing (UTC+8 all year). */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
const mondayOf = (day: string) => addDays(day, -weekday(day));
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => {
  const [y, m] = day.split('-').map(Number);
  return `${day.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The days shown: whole Monday-first weeks covering the week or the month. */
const gridOf = (view: View, anchor: string): { from: string; to: string; weeks: string[][] } => {
  const from = view === 'week' ? mondayOf(anchor) : monthStart(anchor);
  const to = view === 'week' ? addDays(from, 6) : monthEnd(anchor);
  const weeks: string[][] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return { from, to, weeks };
};

const KIND_COLOUR: Record<CalendarItem['kind'], string> = {
  scheduled: 'primary600',
  embargo: 'danger600',
  approved: 'success600',
  published: 'neutral600',
};

export const Calendar = () => {
  const { formatMessage, locale } = useIntl();
  const { get } = useFetchClient();
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(beijingToday());
  const [answer, setAnswer] = useState<CalendarAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (id: string, values?: Record<string, string>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const chinese = locale.toLowerCase().startsWith('zh');
  const grid = gridOf(view, anchor);

  useEffect(() => {
    let live = true;
    setFailed(false);
    get(`/chronicle/calendar?from=${grid.from}&to=${grid.to}`)
      .then((res) => live && setAnswer(res.data as CalendarAnswer))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [get, grid.from, grid.to]);

  const itemsOf = new Map((answer?.days ?? []).map((d) => [d.day, d.items]));
  const step = (direction: 1 | -1) =>
    setAnchor(view === 'week' ? addDays(anchor, 7 * direction) : direction === 1 ? addDays(monthEnd(anchor), 1) : monthStart(addDays(monthStart(anchor), -1)));
  const dayLabel = (day: string) => (chinese ? `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日` : `${Number(day.slice(8))}/${Number(day.slice(5, 7))}`);
  const rangeLabel = view === 'month'
    ? chinese ? `${grid.from.slice(0, 4)}年${Number(grid.from.slice(5, 7))}月` : `${grid.from.slice(0, 7)}`
    : `${grid.from} – ${grid.to}`;
  const today = beijingToday();

  return (
    <Box background="neutral0" shadow="filterShadow" hasRadius padding={4} data-testid="calendar">
      <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
        <Box>
          <Typography variant="delta" tag="h2">{t('calendar.title')}</Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">{t('calendar.zone')}</Typography>
        </Box>
        <Flex gap={2} wrap="wrap">
          <Button variant="tertiary" size="S" onClick={() => step(-1)} data-testid="calendar-previous">{t('calendar.previous')}</Button>
          <Button variant="tertiary" size="S" onClick={() => setAnchor(beijingToday())}>{t('calendar.today')}</Button>
          <Button variant="tertiary" size="S" onClick={() => step(1)} data-testid="calendar-next">{t('calendar.next')}</Button>
          <Button variant={view === 'week' ? 'default' : 'secondary'} size="S" onClick={() => setView('week')}>{t('calendar.week')}</Button>
          <Button variant={view === 'month' ? 'default' : 'secondary'} size="S" onClick={() => setView('month')} data-testid="calendar-month">{t('calendar.month')}</Button>
        </Flex>
      </Flex>
      <Typography tag="p" fontWeight="bold" data-testid="calendar-range">{rangeLabel}</Typography>
      {failed ? <Typography tag="p" textColor="danger600">{t('calendar.error')}</Typography> : null}
      <Box tag="table" width="100%" paddingTop={2} style={{ borderCollapse: 'collapse', tableLayout: 'fixed', width: '100%' }}>
        <thead>
          <tr>
            {Array.from({ length: 7 }, (_, i) => (
              <th key={i} style={{ textAlign: 'left', padding: 4 }}>
                <Typography variant="sigma" textColor="neutral600">{t(`calendar.weekday.${i}`)}</Typography>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inRange = day >= grid.from && day <= grid.to;
                const items = inRange ? itemsOf.get(day) ?? [] : [];
                return (
                  <td key={day} data-day={day} data-testid="calendar-day" style={{ verticalAlign: 'top', padding: 4, border: '1px solid #eaeaef', opacity: inRange ? 1 : 0.4, height: view === 'week' ? 120 : 80 }}>
                    <Typography variant="pi" fontWeight={day === today ? 'bold' : 'regular'} textColor={day === today ? 'primary600' : 'neutral800'}>
                      {dayLabel(day)}
                    </Typography>
                    {items.map((item) => (
                      <Box key={`${item.kind}-${item.uid}-${item.documentId}-${item.locale}-${item.at}`} paddingTop={1} data-testid="calendar-item" data-kind={item.kind}>
                        <Flex gap={1} alignItems="baseline" wrap="wrap">
                          <Typography variant="pi" fontWeight="bold" data-testid="calendar-time">{item.time}</Typography>
                          <Badge textColor={KIND_COLOUR[item.kind]}>{t(`calendar.kind.${item.kind}`)}</Badge>
                        </Flex>
                        <Link href={editUrl(item)}>
                          <Typography variant="pi" ellipsis>{item.title || item.documentId}</Typography>
                        </Link>
                      </Box>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
};

export default Calendar;
