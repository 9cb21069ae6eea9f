/**
 * Extraction in the field-report edit view. The side panel only opens the Extract drawer: a
 * wide dialog over the form with the saved report's text on one side, each proposal's
 * expression highlighted in it (with the rule that proposed it), and the proposals on the
 * other, one row each, to correct and then accept or reject on their own (POST
 * /chronicle/extract and /chronicle/extract/accept). Decided proposals leave the list and
 * are not proposed again for this report (the server keeps the decision with its
 * expression, so editing the sentence does not bring them back). Accepting makes a draft
 * event or figure linked to the report, with the unit the extractor suggested, and the
 * form's relation fields are refreshed in place.
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
  Modal,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { ExtractAnswer, EventProposal, StatisticProposal } from '../../../server/src/contracts/admin';
import { PLUGIN_ID } from '../pluginId';
import { excerpt, segments } from '../utils/highlight';
import { inLanguage } from '../utils/language';
import { refusalText } from '../utils/refusal';
import { useRefreshDocument } from '../utils/refresh-document';
import { fromShanghaiInput, toShanghaiInput } from '../utils/shanghai-time';

const REPORT_UID = 'plugin::chronicle.field-report';
const PRECISIONS = ['year', 'month', 'day', 'part-of-day', 'hour', 'minute'];
const QUALIFIERS = ['exact', 'more-than', 'nearly', 'about', 'at-least'];

/** Where a proposal was read from: the expression (text), its offsets in the body, its sentence, its rule. */
type Source = Pick<EventProposal | StatisticProposal, 'text' | 'offset' | 'endOffset' | 'sentence' | 'rule'>;

/** An event row as edited: its start typed in Beijing time. */
type EventRow = EventProposal & { startText: string };
type Row = { kind: 'event'; p: EventRow } | { kind: 'statistic'; p: StatisticProposal };

const MARK_STYLE = { background: '#fdf3c8', padding: '0 1px', borderRadius: 2 };
const ACTIVE_MARK = { background: '#d9d8ff', outline: '2px solid #4945ff' };

interface PanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, any>;
}

const serverMessage = (error: any): string =>
  error?.response?.data?.error?.message ?? error?.message ?? String(error);

const ExtractDrawer = ({ documentId, document }: { documentId: string; document?: Record<string, any> }) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refreshDocument = useRefreshDocument();
  const t = (id: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.extract.${id}`, defaultMessage: id }, values);
  const fail = (error: unknown) => toggleNotification({ type: 'danger', message: refusalText(error, uiLocale) ?? inLanguage(serverMessage(error), uiLocale) });

  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState<EventRow[] | null>(null);
  const [statistics, setStatistics] = useState<StatisticProposal[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  /** The body the proposals were read from: their offsets point into it. */
  const [readFrom, setReadFrom] = useState('');

  const body: string = typeof document?.body === 'string' ? document.body : '';
  const dateline: string | undefined = document?.dateline?.date ?? undefined;
  const locale: string = document?.locale ?? 'zh-Hans';

  const load = useCallback(async () => {
    setBusy('load');
    try {
      const { data } = await post<ExtractAnswer>('/chronicle/extract', {
        text: body,
        reportDocumentId: documentId,
        ...(dateline ? { dateline } : {}),
      });
      setReadFrom(body);
      setTruncated(Boolean(data.truncated));
      setEvents(data.events.map((e) => ({ ...e, startText: toShanghaiInput(e.start) })));
      setStatistics(data.statistics);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [post, body, documentId, dateline]);

  const openDrawer = () => {
    setOpen(true);
    if (!events) load();
  };

  const drop = (fingerprint: string) => {
    setEvents((list) => list && list.filter((e) => e.fingerprint !== fingerprint));
    setStatistics((list) => list && list.filter((s) => s.fingerprint !== fingerprint));
  };

  const decide = async (row: Row, mode: 'accept' | 'reject') => {
    const { p } = row;
    const sources = { [p.fingerprint]: { kind: row.kind, text: p.text } };
    const payload: Record<string, unknown> = { reportDocumentId: documentId, locale, sources };
    if (mode === 'reject') payload.rejected = [p.fingerprint];
    else if (row.kind === 'event') {
      const start = fromShanghaiInput(row.p.startText);
      if (!start || start === 'invalid') {
        toggleNotification({ type: 'warning', message: t('startInvalid') });
        return;
      }
      payload.events = [
        {
          fingerprint: p.fingerprint,
          title: row.p.title,
          start,
          end: row.p.end ?? null,
          precision: row.p.precision,
          approximate: row.p.approximate,
          text: p.sentence,
        },
      ];
    } else {
      const s = row.p;
      payload.statistics = [
        {
          fingerprint: s.fingerprint,
          label: s.label,
          value: s.value,
          qualifier: s.qualifier,
          unit: s.unit,
          metric: s.metric,
          text: s.sentence,
          ...(s.unitName?.trim() ? { unitName: s.unitName.trim() } : {}),
        },
      ];
    }
    setBusy(p.fingerprint);
    try {
      await post('/chronicle/extract/accept', payload);
      drop(p.fingerprint);
      toggleNotification({
        type: 'success',
        message: mode === 'accept' ? t(row.kind === 'event' ? 'acceptedEvent' : 'acceptedStatistic', { text: p.text }) : t('rejectedOne', { text: p.text }),
      });
      // The report's Events and Figures fields show the new drafts without a reload.
      if (mode === 'accept') await refreshDocument({ model: REPORT_UID, documentId });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const patchEvent = (fingerprint: string, patch: Partial<EventRow>) =>
    setEvents((list) => list && list.map((e) => (e.fingerprint === fingerprint ? { ...e, ...patch } : e)));
  const patchStatistic = (fingerprint: string, patch: Partial<StatisticProposal>) =>
    setStatistics((list) => list && list.map((s) => (s.fingerprint === fingerprint ? { ...s, ...patch } : s)));

  /** Brings a proposal's row into view when its expression is clicked in the text. */
  const focus = (fingerprint: string) => {
    setActive(fingerprint);
    window.document.querySelector(`[data-fingerprint-row="${fingerprint}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  const Where = ({ p }: { p: Source }) => {
    const cut = excerpt(readFrom, p);
    return (
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="pi" textColor="neutral700" data-testid="extract-excerpt">
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
        <Typography variant="pi" textColor="neutral600" data-testid="extract-rule" data-rule={p.rule}>
          {t('rule')}: {t(`rule.${p.rule}`)}
        </Typography>
      </Flex>
    );
  };

  const RowButtons = ({ row }: { row: Row }) => (
    <Flex gap={2} wrap="wrap">
      <Button size="S" onClick={() => decide(row, 'accept')} loading={busy === row.p.fingerprint} disabled={busy !== null} data-testid="extract-accept">
        {t('acceptOne')}
      </Button>
      <Button size="S" variant="danger-light" onClick={() => decide(row, 'reject')} disabled={busy !== null} data-testid="extract-reject">
        {t('rejectOne')}
      </Button>
    </Flex>
  );

  const all: Source[] & { fingerprint: string }[] = [...(events ?? []), ...(statistics ?? [])] as any;

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="chronicle-extract">
        <Typography variant="pi" textColor="neutral600">
          {t('intro')}
        </Typography>
        <Button variant="secondary" fullWidth onClick={openDrawer} data-testid="extract-open">
          {t('open')}
        </Button>
      </Flex>
      <Modal.Content style={{ width: 'min(1200px, 96vw)', maxWidth: '96vw', maxHeight: '92vh' }} data-testid="extract-drawer">
        <Modal.Header closeLabel={t('close')}>
          <Modal.Title>{t('drawerTitle', { title: String(document?.title ?? '') })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {!events || !statistics ? (
            <Typography textColor="neutral600">{busy === 'load' ? t('reading') : t('none')}</Typography>
          ) : (
            <Flex direction={{ initial: 'column', large: 'row' }} alignItems="stretch" gap={4}>
              <Box
                flex="1"
                padding={4}
                hasRadius
                borderColor="neutral200"
                background="neutral100"
                style={{ minWidth: 0, maxHeight: '70vh', overflowY: 'auto' }}
              >
                <Typography variant="sigma" textColor="neutral700" tag="p">
                  {t('inText')}
                </Typography>
                <Typography variant="omega" data-testid="extract-text" style={{ whiteSpace: 'pre-wrap', display: 'block', lineHeight: 1.9 }}>
                  {segments(
                    readFrom,
                    all.map((p: any) => ({ key: p.fingerprint, text: p.text, offset: p.offset, endOffset: p.endOffset })),
                  ).map((seg, k) => {
                    if (!seg.key) return <span key={k}>{seg.text}</span>;
                    const p: any = all.find((x: any) => x.fingerprint === seg.key);
                    return (
                      <mark
                        key={k}
                        role="button"
                        tabIndex={0}
                        data-testid="extract-highlight"
                        data-fingerprint={seg.key}
                        title={p ? `${t('rule')}: ${t(`rule.${p.rule}`)}` : undefined}
                        onClick={() => focus(seg.key as string)}
                        onKeyDown={(e) => e.key === 'Enter' && focus(seg.key as string)}
                        style={{ ...MARK_STYLE, cursor: 'pointer', ...(active === seg.key ? ACTIVE_MARK : {}) }}
                      >
                        {seg.text}
                      </mark>
                    );
                  })}
                </Typography>
              </Box>
              <Flex direction="column" alignItems="stretch" gap={3} flex="1" style={{ minWidth: 0, maxHeight: '70vh', overflowY: 'auto' }}>
                {truncated && (
                  <Typography variant="pi" textColor="warning700" data-testid="extract-truncated">
                    {t('truncated', { count: events.length + statistics.length })}
                  </Typography>
                )}
                {events.length + statistics.length === 0 && <Typography textColor="neutral600">{t('none')}</Typography>}
                {events.length > 0 && (
                  <Typography variant="sigma" textColor="neutral700">
                    {t('events', { count: events.length })}
                  </Typography>
                )}
                {events.map((e) => (
                  <Box
                    key={e.fingerprint}
                    padding={3}
                    hasRadius
                    borderColor={active === e.fingerprint ? 'primary600' : 'neutral200'}
                    background={active === e.fingerprint ? 'primary100' : 'neutral0'}
                    data-testid="extract-event"
                    data-expression={e.text}
                    data-fingerprint-row={e.fingerprint}
                  >
                    <Flex direction="column" alignItems="stretch" gap={2}>
                      <Typography fontWeight="bold">{e.text}</Typography>
                      <Where p={e} />
                      <Field.Root name={`event-title-${e.fingerprint}`}>
                        <Field.Label>{t('title')}</Field.Label>
                        <TextInput size="S" value={e.title} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchEvent(e.fingerprint, { title: ev.target.value })} />
                      </Field.Root>
                      <Flex gap={2} wrap="wrap" alignItems="flex-end">
                        <Field.Root name={`event-start-${e.fingerprint}`} error={fromShanghaiInput(e.startText) === 'invalid' ? t('startInvalid') : undefined}>
                          <Field.Label>{t('start')}</Field.Label>
                          <TextInput size="S" value={e.startText} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchEvent(e.fingerprint, { startText: ev.target.value })} />
                          <Field.Error />
                        </Field.Root>
                        <Field.Root name={`event-precision-${e.fingerprint}`}>
                          <Field.Label>{t('precision')}</Field.Label>
                          <SingleSelect size="S" value={e.precision} onChange={(v) => patchEvent(e.fingerprint, { precision: String(v) as EventRow['precision'] })}>
                            {PRECISIONS.map((p) => (
                              <SingleSelectOption key={p} value={p}>
                                {t(`precision.${p}`)}
                              </SingleSelectOption>
                            ))}
                          </SingleSelect>
                        </Field.Root>
                      </Flex>
                      <Checkbox checked={e.approximate} onCheckedChange={(v) => patchEvent(e.fingerprint, { approximate: v === true })}>
                        {t('approximate')}
                      </Checkbox>
                      <RowButtons row={{ kind: 'event', p: e }} />
                    </Flex>
                  </Box>
                ))}
                {statistics.length > 0 && (
                  <Typography variant="sigma" textColor="neutral700">
                    {t('statistics', { count: statistics.length })}
                  </Typography>
                )}
                {statistics.map((s) => (
                  <Box
                    key={s.fingerprint}
                    padding={3}
                    hasRadius
                    borderColor={active === s.fingerprint ? 'primary600' : 'neutral200'}
                    background={active === s.fingerprint ? 'primary100' : 'neutral0'}
                    data-testid="extract-statistic"
                    data-expression={s.text}
                    data-fingerprint-row={s.fingerprint}
                  >
                    <Flex direction="column" alignItems="stretch" gap={2}>
                      <Typography fontWeight="bold">{s.text}</Typography>
                      <Where p={s} />
                      <Field.Root name={`statistic-label-${s.fingerprint}`}>
                        <Field.Label>{t('label')}</Field.Label>
                        <TextInput size="S" value={s.label} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchStatistic(s.fingerprint, { label: ev.target.value })} />
                      </Field.Root>
                      <Flex gap={2} wrap="wrap" alignItems="flex-end">
                        <Field.Root name={`statistic-value-${s.fingerprint}`}>
                          <Field.Label>{t('value')}</Field.Label>
                          <NumberInput size="S" value={s.value} onValueChange={(v) => patchStatistic(s.fingerprint, { value: v ?? 0 })} />
                        </Field.Root>
                        <Field.Root name={`statistic-qualifier-${s.fingerprint}`}>
                          <Field.Label>{t('qualifier')}</Field.Label>
                          <SingleSelect size="S" value={s.qualifier} onChange={(v) => patchStatistic(s.fingerprint, { qualifier: String(v) as StatisticProposal['qualifier'] })}>
                            {QUALIFIERS.map((q) => (
                              <SingleSelectOption key={q} value={q}>
                                {t(`qualifier.${q}`)}
                              </SingleSelectOption>
                            ))}
                          </SingleSelect>
                        </Field.Root>
                        <Field.Root name={`statistic-unit-${s.fingerprint}`}>
                          <Field.Label>{t('unit')}</Field.Label>
                          <TextInput size="S" value={s.unit} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchStatistic(s.fingerprint, { unit: ev.target.value })} />
                        </Field.Root>
                      </Flex>
                      <Flex gap={2} wrap="wrap" alignItems="flex-end">
                        <Field.Root name={`statistic-scope-${s.fingerprint}`} hint={s.unitName ? t('scopeUnit.suggested') : undefined}>
                          <Field.Label>{t('scopeUnit')}</Field.Label>
                          <TextInput
                            size="S"
                            value={s.unitName ?? ''}
                            data-testid="extract-scope-unit"
                            onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchStatistic(s.fingerprint, { unitName: ev.target.value })}
                          />
                          <Field.Hint />
                        </Field.Root>
                        <Field.Root name={`statistic-metric-${s.fingerprint}`}>
                          <Field.Label>{t('metric')}</Field.Label>
                          <TextInput size="S" value={s.metric} onChange={(ev: React.ChangeEvent<HTMLInputElement>) => patchStatistic(s.fingerprint, { metric: ev.target.value })} />
                        </Field.Root>
                      </Flex>
                      <RowButtons row={{ kind: 'statistic', p: s }} />
                    </Flex>
                  </Box>
                ))}
              </Flex>
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={load} loading={busy === 'load'} data-testid="extract-again">
            {t('again')}
          </Button>
          <Modal.Close>
            <Button>{t('done')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Registered with the Content Manager; shown only on field reports. */
export const ExtractPanel = ({ model, documentId, document }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== REPORT_UID) return null;
  const t = (id: string) => formatMessage({ id: `${PLUGIN_ID}.extract.${id}`, defaultMessage: id });
  const body = typeof document?.body === 'string' ? document.body : '';
  return {
    title: t('panel'),
    content: !documentId ? (
      <Typography variant="pi" textColor="neutral600">{t('saveFirst')}</Typography>
    ) : !body.trim() ? (
      <Typography variant="pi" textColor="neutral600">{t('noBody')}</Typography>
    ) : (
      <ExtractDrawer documentId={documentId} document={document} />
    ),
  };
};
