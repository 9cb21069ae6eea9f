/**
 * The "Extract / 提取" side panel of the field-report edit view: reads the saved report's
 * body for dated sentences and figures (POST /chronicle/extract), lets the reporter tick
 * and correct each proposal, and turns the ticked ones into draft timeline events and
 * figures linked to the report (POST /chronicle/extract/accept). Unticked ones can be
 * rejected, so they are not proposed again for this report. Each proposal's expression is
 * marked in the report's text (and in an excerpt on its card), with the rule that proposed
 * it, so the reporter can check it at a glance.
 */
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { AcceptAnswer, AcceptRequest, EventProposal, ExtractAnswer, StatisticProposal } from '../../../server/src/contracts/admin';
import { PLUGIN_ID } from '../pluginId';
import { excerpt, segments } from '../utils/highlight';

const REPORT_UID = 'plugin::chronicle.field-report';
const PRECISIONS = ['year', 'month', 'day', 'part-of-day', 'hour', 'minute'];
const QUALIFIERS = ['exact', 'more-than', 'nearly', 'about', 'at-least'];

/** Where a proposal was read from: the expression (text), its offsets in the body, its sentence, its rule. */
type Source = Pick<EventProposal | StatisticProposal, 'text' | 'offset' | 'endOffset' | 'sentence' | 'rule'>;

type Selectable<T> = T & { selected: boolean };

const MARK_STYLE = { background: '#fdf3c8', padding: '0 1px', borderRadius: 2 };

interface PanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, any>;
}

const errorMessage = (error: any): string =>
  error?.response?.data?.error?.message ?? error?.message ?? String(error);

const ExtractContent = ({ documentId, document }: { documentId?: string; document?: Record<string, any> }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = (id: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.extract.${id}`, defaultMessage: id }, values);

  const [events, setEvents] = useState<Selectable<EventProposal>[] | null>(null);
  const [statistics, setStatistics] = useState<Selectable<StatisticProposal>[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [truncated, setTruncated] = useState(false);
  /** The body the proposals were read from: their offsets point into it. */
  const [readFrom, setReadFrom] = useState('');

  const body: string = typeof document?.body === 'string' ? document.body : '';
  const dateline: string | undefined = document?.dateline?.date ?? undefined;
  const locale = (document?.locale ?? 'zh-Hans') as AcceptRequest['locale'];

  const load = useCallback(async () => {
    setBusy(true);
    try {
      const { data } = await post<ExtractAnswer>('/chronicle/extract', { text: body, reportDocumentId: documentId, ...(dateline ? { dateline } : {}) });
      setReadFrom(body);
      setTruncated(Boolean(data.truncated));
      setEvents(data.events.map((e) => ({ ...e, selected: false })));
      setStatistics(data.statistics.map((s) => ({ ...s, selected: false })));
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }, [post, body, documentId, dateline, toggleNotification]);

  const send = async (mode: 'accept' | 'reject') => {
    if (!events || !statistics || !documentId) return;
    const chosenEvents = mode === 'accept' ? events.filter((e) => e.selected) : [];
    const chosenStatistics = mode === 'accept' ? statistics.filter((s) => s.selected) : [];
    const rejected =
      mode === 'reject' ? [...events, ...statistics].filter((p) => !p.selected).map((p) => p.fingerprint) : [];
    if (chosenEvents.length + chosenStatistics.length + rejected.length === 0) {
      toggleNotification({ type: 'info', message: t('nothing') });
      return;
    }
    setBusy(true);
    try {
      const payload: AcceptRequest = {
        reportDocumentId: documentId,
        locale,
        events: chosenEvents.map((e) => ({
          fingerprint: e.fingerprint,
          title: e.title,
          start: e.start,
          end: e.end ?? null,
          precision: e.precision,
          approximate: e.approximate,
          text: e.sentence,
        })),
        statistics: chosenStatistics.map((s) => ({
          fingerprint: s.fingerprint,
          label: s.label,
          value: s.value,
          qualifier: s.qualifier,
          unit: s.unit,
          metric: s.metric,
          text: s.sentence,
        })),
        rejected,
      };
      const { data } = await post<AcceptAnswer>('/chronicle/extract/accept', payload);
      toggleNotification({
        type: 'success',
        message:
          mode === 'accept'
            ? t('accepted', { events: data.events.length, statistics: data.statistics.length })
            : t('rejected', { count: data.rejected }),
      });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      setBusy(false);
    }
  };

  if (!documentId) {
    return <Typography variant="pi" textColor="neutral600">{t('saveFirst')}</Typography>;
  }
  if (!body.trim()) {
    return <Typography variant="pi" textColor="neutral600">{t('noBody')}</Typography>;
  }

  const patchEvent = (i: number, patch: Partial<Selectable<EventProposal>>) =>
    setEvents((list) => list && list.map((e, k) => (k === i ? { ...e, ...patch } : e)));
  const patchStatistic = (i: number, patch: Partial<Selectable<StatisticProposal>>) =>
    setStatistics((list) => list && list.map((s, k) => (k === i ? { ...s, ...patch } : s)));

  /** Ticks or unticks the proposal whose expression was clicked in the report's text. */
  const toggle = (key: string) => {
    setEvents((list) => list && list.map((e) => (e.fingerprint === key ? { ...e, selected: !e.selected } : e)));
    setStatistics((list) => list && list.map((s) => (s.fingerprint === key ? { ...s, selected: !s.selected } : s)));
  };

  /** The expression in a few words of its context, marked, and the rule that proposed it. */
  const Where = ({ p }: { p: Source }) => {
    const cut = excerpt(readFrom, p);
    return (
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="pi" textColor="neutral600" data-testid="extract-excerpt">
          {cut ? (
            <>
              {cut[0]}
              <mark style={MARK_STYLE}>{cut[1]}</mark>
              {cut[2]}
            </>
          ) : (
            p.sentence
          )}
        </Typography>
        <Typography variant="pi" textColor="neutral500" data-testid="extract-rule" data-rule={p.rule}>
          {t('rule')}: {t(`rule.${p.rule}`)}
        </Typography>
      </Flex>
    );
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="chronicle-extract">
      <Button variant="secondary" onClick={load} loading={busy} fullWidth>
        {events ? t('again') : t('run')}
      </Button>
      {events && statistics && (
        <>
          {truncated && (
            <Typography variant="pi" textColor="warning600" data-testid="extract-truncated">
              {t('truncated', { count: events.length + statistics.length })}
            </Typography>
          )}
          {events.length + statistics.length > 0 && (
            <Box padding={2} hasRadius borderColor="neutral200" background="neutral100" style={{ maxHeight: 240, overflowY: 'auto' }}>
              <Typography variant="sigma" textColor="neutral600">
                {t('inText')}
              </Typography>
              <Typography variant="pi" data-testid="extract-text" style={{ whiteSpace: 'pre-wrap', display: 'block' }}>
                {segments(
                  readFrom,
                  [...events, ...statistics].map((p) => ({ key: p.fingerprint, text: p.text, offset: p.offset, endOffset: p.endOffset })),
                ).map((seg, k) => {
                  if (!seg.key) return <span key={k}>{seg.text}</span>;
                  const p = [...events, ...statistics].find((x) => x.fingerprint === seg.key);
                  return (
                    <mark
                      key={k}
                      data-testid="extract-highlight"
                      data-fingerprint={seg.key}
                      title={p ? `${t('rule')}: ${t(`rule.${p.rule}`)}` : undefined}
                      onClick={() => toggle(seg.key as string)}
                      style={{ ...MARK_STYLE, cursor: 'pointer', outline: p?.selected ? '2px solid #4945ff' : undefined }}
                    >
                      {seg.text}
                    </mark>
                  );
                })}
              </Typography>
            </Box>
          )}
          <Typography variant="sigma" textColor="neutral600">
            {t('events', { count: events.length })}
          </Typography>
          {events.map((e, i) => (
            <Box key={e.fingerprint} padding={2} hasRadius borderColor="neutral200" background={e.selected ? 'primary100' : 'neutral0'} data-testid="extract-event">
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Checkbox checked={e.selected} onCheckedChange={(v) => patchEvent(i, { selected: v === true })}>
                  {e.text}
                </Checkbox>
                <Where p={e} />
                <Field.Root name={`event-title-${i}`}>
                  <Field.Label>{t('title')}</Field.Label>
                  <TextInput size="S" value={e.title} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchEvent(i, { title: ev.target.value })} />
                </Field.Root>
                <Field.Root name={`event-start-${i}`}>
                  <Field.Label>{t('start')}</Field.Label>
                  <TextInput size="S" value={e.start} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchEvent(i, { start: ev.target.value })} />
                </Field.Root>
                <Field.Root name={`event-precision-${i}`}>
                  <Field.Label>{t('precision')}</Field.Label>
                  <SingleSelect size="S" value={e.precision} onChange={(v) => patchEvent(i, { precision: String(v) as EventProposal['precision'] })}>
                    {PRECISIONS.map((p) => (
                      <SingleSelectOption key={p} value={p}>{t(`precision.${p}`)}</SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
                <Checkbox checked={e.approximate} onCheckedChange={(v) => patchEvent(i, { approximate: v === true })}>
                  {t('approximate')}
                </Checkbox>
              </Flex>
            </Box>
          ))}
          <Typography variant="sigma" textColor="neutral600">
            {t('statistics', { count: statistics.length })}
          </Typography>
          {statistics.map((s, i) => (
            <Box key={s.fingerprint} padding={2} hasRadius borderColor="neutral200" background={s.selected ? 'primary100' : 'neutral0'} data-testid="extract-statistic">
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Checkbox checked={s.selected} onCheckedChange={(v) => patchStatistic(i, { selected: v === true })}>
                  {s.text}
                </Checkbox>
                <Where p={s} />
                <Field.Root name={`statistic-label-${i}`}>
                  <Field.Label>{t('label')}</Field.Label>
                  <TextInput size="S" value={s.label} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchStatistic(i, { label: ev.target.value })} />
                </Field.Root>
                <Field.Root name={`statistic-value-${i}`}>
                  <Field.Label>{t('value')}</Field.Label>
                  <NumberInput size="S" value={s.value} onValueChange={(v) => patchStatistic(i, { value: v ?? 0 })} />
                </Field.Root>
                <Field.Root name={`statistic-qualifier-${i}`}>
                  <Field.Label>{t('qualifier')}</Field.Label>
                  <SingleSelect size="S" value={s.qualifier} onChange={(v) => patchStatistic(i, { qualifier: String(v) as StatisticProposal['qualifier'] })}>
                    {QUALIFIERS.map((q) => (
                      <SingleSelectOption key={q} value={q}>{t(`qualifier.${q}`)}</SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
                <Field.Root name={`statistic-unit-${i}`}>
                  <Field.Label>{t('unit')}</Field.Label>
                  <TextInput size="S" value={s.unit} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchStatistic(i, { unit: ev.target.value })} />
                </Field.Root>
                <Field.Root name={`statistic-metric-${i}`}>
                  <Field.Label>{t('metric')}</Field.Label>
                  <TextInput size="S" value={s.metric} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchStatistic(i, { metric: ev.target.value })} />
                </Field.Root>
              </Flex>
            </Box>
          ))}
          {events.length + statistics.length > 0 ? (
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Button onClick={() => send('accept')} loading={busy} fullWidth>
                {t('accept')}
              </Button>
              <Button variant="danger-light" onClick={() => send('reject')} disabled={busy} fullWidth>
                {t('reject')}
              </Button>
            </Flex>
          ) : (
            <Typography variant="pi" textColor="neutral600">{t('none')}</Typography>
          )}
        </>
      )}
    </Flex>
  );
};

/** Registered with the Content Manager; shown only on field reports. */
export const ExtractPanel = ({ model, documentId, document }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== REPORT_UID) return null;
  return {
    title: formatMessage({ id: `${PLUGIN_ID}.extract.panel`, defaultMessage: 'Extract / 提取' }),
    content: <ExtractContent documentId={documentId} document={document} />,
  };
};
