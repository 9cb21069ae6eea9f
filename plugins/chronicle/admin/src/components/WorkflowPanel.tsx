/**
 * The editorial workflow in the Content Manager's edit view: the state of this locale, the
 * latest note for the author, the scheduled time, the actions the current user may take
 * (each confirmed in a dialog; with a note, a publication time in Beijing time, or a
 * correction where the action needs one) and the history. The server decides; the panel
 * only offers what /chronicle/workflow/history says is available. On the newsroom's types
 * this panel is the only place that changes state: Strapi's Publish and Unpublish actions
 * are left out (../index.ts) and its Draft/Published badge is hidden while the panel shows.
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
import { inLanguage } from '../utils/language';
import { refusalText } from '../utils/refusal';
import { ConfirmDialog } from './ConfirmDialog';
import { PackageList, type RefusingItem } from './PackageList';
import { useRefreshDocument } from '../utils/refresh-document';
import { formatShanghai, fromShanghaiInput } from '../utils/shanghai-time';

export const EDITORIAL_UIDS = [
  'plugin::chronicle.field-report',
  'plugin::chronicle.chronicle',
  'plugin::chronicle.frontline-profile',
  'plugin::chronicle.timeline-event',
  'plugin::chronicle.grid-statistic',
];

/** Hides Strapi's Draft/Published badge under the title (the workflow state replaces it). */
const HIDE_STATUS_BADGE = 'div:has(h1) + div > [role="status"]';
const STYLE_ID = 'chronicle-one-workflow';
const useHiddenStatusBadge = () => {
  useEffect(() => {
    if (document.getElementById(STYLE_ID)) return undefined;
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = `main ${HIDE_STATUS_BADGE} { display: none !important; }`;
    document.head.appendChild(style);
    return () => style.remove();
  }, []);
};

/** The wording of an action button: "Approve" from a scheduled item means taking it off the schedule. */
const actionKey = (from: string, to: string) => (from === 'scheduled' && to === 'approved' ? 'action.unschedule' : `action.${to}`);

export const WorkflowPanelContent = ({
  model,
  documentId,
  locale,
  scheduledFor,
}: {
  model: string;
  documentId: string;
  locale: string;
  scheduledFor?: string | null;
}) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refreshDocument = useRefreshDocument();
  const [info, setInfo] = useState<WorkflowInfo | null>(null);
  const [failed, setFailed] = useState(false);
  const [note, setNote] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [correctionKind, setCorrectionKind] = useState('correction');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  /** A field report's items the server named when it refused the last step (409, details.items). */
  const [refusing, setRefusing] = useState<RefusingItem[] | null>(null);
  const t = (id: string, values?: Record<string, string>) =>
    formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  useHiddenStatusBadge();

  const load = useCallback(async () => {
    const params = new URLSearchParams({ uid: model, documentId, locale });
    const { data } = await get(`/chronicle/workflow/history?${params}`);
    setInfo(data as WorkflowInfo);
    setFailed(false);
  }, [get, model, documentId, locale]);

  useEffect(() => {
    load().catch(() => setFailed(true));
  }, [load]);

  const publishAtIso = publishAt ? fromShanghaiInput(publishAt) : null;

  const act = async (to: string) => {
    setConfirming(null);
    setBusy(true);
    try {
      const body: Record<string, unknown> = { uid: model, documentId, locale, to };
      if (note.trim()) body.note = note.trim();
      if (to === 'scheduled') body.publishAt = publishAtIso && publishAtIso !== 'invalid' ? publishAtIso : undefined;
      if (to === 'corrected') body.correction = { kind: correctionKind, text: note.trim() };
      await post('/chronicle/workflow/transition', body);
      setRefusing(null);
      toggleNotification({ type: 'success', message: t('workflow.done', { state: t(`state.${to}`) }) });
      setNote('');
      setPublishAt('');
      // The panel keeps showing the previous state until the new one has arrived (no blank
      // column), and the edit view refetches the document in place.
      await Promise.all([load(), refreshDocument({ model, documentId })]);
    } catch (error: any) {
      const items = error?.response?.data?.error?.details?.items;
      setRefusing(Array.isArray(items) && items.length ? (items as RefusingItem[]) : null);
      toggleNotification({ type: 'danger', message: refusalText(error, uiLocale) ?? t('workflow.failed') });
    } finally {
      setBusy(false);
    }
  };

  if (!info) {
    return <Typography textColor="neutral600">{failed ? t('workflow.failed') : t('workflow.loading')}</Typography>;
  }

  const latestNote = [...info.history].reverse().find((entry) => entry.note && entry.to !== 'draft');
  /** What the action still lacks, checked here so the reason is shown in the admin's language. */
  const missing = (to: string): string | null => {
    if (['changes_requested', 'withdrawn', 'corrected'].includes(to) && !note.trim()) return 'workflow.missing.note';
    if (to === 'scheduled') {
      if (!publishAtIso || publishAtIso === 'invalid') return 'workflow.missing.publishAt';
      if (Date.parse(publishAtIso) <= Date.now()) return 'workflow.missing.future';
    }
    return null;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="workflow-panel">
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma">{t('workflow.state')}</Typography>
        <Badge active data-testid="workflow-state" data-state={info.state}>
          {t(`state.${info.state}`)}
        </Badge>
      </Flex>
      {latestNote && (
        <Box
          padding={3}
          hasRadius
          background={info.state === 'changes_requested' ? 'danger100' : 'primary100'}
          borderColor={info.state === 'changes_requested' ? 'danger200' : 'primary200'}
          data-testid="workflow-latest-note"
        >
          <Typography variant="sigma" textColor="neutral800" tag="p">
            {t('workflow.latestNote', { actor: latestNote.actor, state: t(`state.${latestNote.to}`) })}
          </Typography>
          <Typography tag="p" variant="omega" textColor="neutral800">
            {inLanguage(latestNote.note as string, uiLocale)}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {formatShanghai(latestNote.at, uiLocale)}
          </Typography>
        </Box>
      )}
      {info.state === 'scheduled' && scheduledFor && (
        <Typography tag="p" variant="omega" data-testid="workflow-scheduled-for">
          {t('workflow.scheduledFor', { time: formatShanghai(scheduledFor, uiLocale) })}
        </Typography>
      )}
      {info.package && (
        <PackageList items={info.package} locale={locale} refusing={refusing} />
      )}
      {info.available.length > 0 && (
        <>
          <Field.Root name="workflow-note" hint={t('workflow.note.hint')}>
            <Field.Label>{t('workflow.note')}</Field.Label>
            <Textarea value={note} onChange={(e: any) => setNote(e.target.value)} />
            <Field.Hint />
          </Field.Root>
          {info.available.includes('scheduled') && (
            <Field.Root
              name="workflow-publish-at"
              hint={t('workflow.publishAt.hint')}
              error={publishAtIso === 'invalid' ? t('datetime.invalid') : undefined}
            >
              <Field.Label>{t('workflow.publishAt')}</Field.Label>
              <TextInput
                value={publishAt}
                placeholder="YYYY-MM-DD HH:mm"
                data-testid="workflow-publish-at"
                onChange={(e: any) => setPublishAt(e.target.value)}
              />
              <Field.Hint />
              <Field.Error />
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
                variant={['approved', 'published'].includes(to) && info.state !== 'scheduled' ? 'default' : 'secondary'}
                disabled={busy}
                onClick={() => setConfirming(to)}
                data-testid={`workflow-to-${to}`}
              >
                {t(actionKey(info.state, to))}
              </Button>
            ))}
          </Flex>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t(actionKey(info.state, confirming))}
          question={t('workflow.confirm', { from: t(`state.${info.state}`), to: t(`state.${confirming}`) })}
          note={{ label: t('workflow.note'), text: note }}
          missing={missing(confirming) ? t(missing(confirming) as string) : undefined}
          cancelLabel={t('workflow.cancel')}
          onConfirm={() => act(confirming)}
          onClose={() => setConfirming(null)}
          testId="workflow-confirm"
        >
          {confirming === 'scheduled' && publishAtIso && publishAtIso !== 'invalid' && (
            <Typography tag="p" fontWeight="bold">
              {t('workflow.scheduledFor', { time: formatShanghai(publishAtIso, uiLocale) })}
            </Typography>
          )}
        </ConfirmDialog>
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
                    {inLanguage(entry.note, uiLocale)}
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
    content: (
      <WorkflowPanelContent model={model} documentId={documentId} locale={document.locale} scheduledFor={document.scheduledFor ?? null} />
    ),
  };
};
