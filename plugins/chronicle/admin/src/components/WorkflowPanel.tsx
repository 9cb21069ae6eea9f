/**
 * The editorial workflow in the Content Manager's edit view: the state of this locale, the
 * actions the current user may take (with a note, a publication time in Asia/Shanghai, or a
 * correction where the action needs one) and the history. The server decides; the panel
 * only offers what /chronicle/workflow/history says is available.
 */
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { WorkflowInfo } from '../../../server/src/contracts/admin';
import { PLUGIN_ID } from '../pluginId';

export const EDITORIAL_UIDS = [
  'plugin::chronicle.field-report',
  'plugin::chronicle.chronicle',
  'plugin::chronicle.frontline-profile',
  'plugin::chronicle.timeline-event',
  'plugin::chronicle.grid-statistic',
];

const STATE_COLOURS: Record<string, string> = {
  draft: 'neutral',
  in_review: 'warning',
  changes_requested: 'danger',
  approved: 'success',
  scheduled: 'secondary',
  published: 'success',
  corrected: 'primary',
  withdrawn: 'danger',
};

/** A wall-clock time typed in Asia/Shanghai (no daylight saving) as an ISO instant. */
const shanghaiToIso = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;

const formatShanghai = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale === 'zh-Hans' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

export const WorkflowPanelContent = ({ model, documentId, locale }: { model: string; documentId: string; locale: string }) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [info, setInfo] = useState<WorkflowInfo | null>(null);
  const [note, setNote] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [correctionKind, setCorrectionKind] = useState('correction');
  const [busy, setBusy] = useState(false);
  const t = (id: string, values?: Record<string, string>) =>
    formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);

  const load = useCallback(async () => {
    const params = new URLSearchParams({ uid: model, documentId, locale });
    const { data } = await get(`/chronicle/workflow/history?${params}`);
    setInfo(data as WorkflowInfo);
  }, [get, model, documentId, locale]);

  useEffect(() => {
    load().catch(() => setInfo(null));
  }, [load]);

  const act = async (to: string) => {
    setBusy(true);
    try {
      const body: Record<string, unknown> = { uid: model, documentId, locale, to };
      if (note.trim()) body.note = note.trim();
      if (to === 'scheduled') body.publishAt = publishAt ? shanghaiToIso(publishAt) : undefined;
      if (to === 'corrected') body.correction = { kind: correctionKind, text: note.trim() };
      await post('/chronicle/workflow/transition', body);
      toggleNotification({ type: 'success', message: t('workflow.done', { state: t(`state.${to}`) }) });
      // The edit view caches the document: reload it so its status and fields show the change.
      window.location.reload();
    } catch (error: any) {
      const message = error?.response?.data?.error?.message ?? t('workflow.failed');
      toggleNotification({ type: 'danger', message });
    } finally {
      setBusy(false);
    }
  };

  if (!info) return <Typography textColor="neutral600">{t('workflow.loading')}</Typography>;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2}>
        <Typography variant="sigma">{t('workflow.state')}</Typography>
        <Badge active data-testid="workflow-state">
          {t(`state.${info.state}`)}
        </Badge>
      </Flex>
      {info.available.length > 0 && (
        <>
          <Field.Root name="workflow-note" hint={t('workflow.note.hint')}>
            <Field.Label>{t('workflow.note')}</Field.Label>
            <Textarea value={note} onChange={(e: any) => setNote(e.target.value)} />
            <Field.Hint />
          </Field.Root>
          {info.available.includes('scheduled') && (
            <Field.Root name="workflow-publish-at">
              <Field.Label>{t('workflow.publishAt')}</Field.Label>
              <TextInput type="datetime-local" value={publishAt} onChange={(e: any) => setPublishAt(e.target.value)} />
            </Field.Root>
          )}
          {info.available.includes('corrected') && (
            <Field.Root name="workflow-correction-kind">
              <Field.Label>{t('workflow.correctionKind')}</Field.Label>
              <SingleSelect value={correctionKind} onChange={(value: any) => setCorrectionKind(String(value))}>
                {['correction', 'clarification', 'update'].map((kind) => (
                  <SingleSelectOption key={kind} value={kind}>
                    {t(`correction.${kind}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          )}
          <Flex direction="column" alignItems="stretch" gap={2}>
            {info.available.map((to) => (
              <Button
                key={to}
                fullWidth
                variant={['approved', 'published'].includes(to) ? 'default' : 'secondary'}
                disabled={busy}
                onClick={() => act(to)}
                data-testid={`workflow-to-${to}`}
              >
                {t(`action.${to}`)}
              </Button>
            ))}
          </Flex>
        </>
      )}
      <Box>
        <Typography variant="sigma">{t('workflow.history')}</Typography>
        {info.history.length === 0 ? (
          <Typography tag="p" textColor="neutral600">
            {t('workflow.noHistory')}
          </Typography>
        ) : (
          <Flex tag="ol" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            {[...info.history].reverse().map((entry, index) => (
              <Box tag="li" key={`${entry.at}-${index}`}>
                <Typography variant="omega" fontWeight="bold">
                  {t(`state.${entry.from}`)} → {t(`state.${entry.to}`)}
                </Typography>
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {entry.actor} · {formatShanghai(entry.at, uiLocale)}
                </Typography>
                {entry.note && (
                  <Typography tag="p" variant="pi">
                    {entry.note}
                  </Typography>
                )}
              </Box>
            ))}
          </Flex>
        )}
      </Box>
    </Flex>
  );
};

/** Side panel description for the Content Manager (null on other content types and before the first save). */
export const WorkflowPanel = ({ model, documentId, document }: any) => {
  const { formatMessage } = useIntl();
  if (!EDITORIAL_UIDS.includes(model) || !documentId || !document?.locale) return null;
  return {
    title: formatMessage({ id: `${PLUGIN_ID}.workflow.title`, defaultMessage: 'Workflow' }),
    content: <WorkflowPanelContent model={model} documentId={documentId} locale={document.locale} />,
  };
};
