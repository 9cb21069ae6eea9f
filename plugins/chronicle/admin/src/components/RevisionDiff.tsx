/**
 * What changed, under the Workflow panel (docs/editors.md, "What changed"): for a record in
 * review, the changes since the version last approved (else last submitted), field by field:
 * values old → new, text by character (inserted text underlined, deleted text struck
 * through, so colour is never the only sign), lists as items added and removed. Otherwise a
 * line on the saved revisions. On a translation, the notice that the Chinese changed after it
 * was translated (TranslationStaleNotice). The server decides all of it
 * (/chronicle/revisions/:uid/:documentId).
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { Box, Flex, Typography } from '@strapi/design-system';
import type { FieldChange, RevisionsAnswer, TextSegment } from '../../../server/src/contracts/admin';
import { PLUGIN_ID } from '../pluginId';
import { FIELD_LABELS } from '../translations/labels';
import { formatShanghai } from '../utils/shanghai-time';
import { EDITORIAL_UIDS } from './WorkflowPanel';

const INSERT_STYLE = { textDecoration: 'underline', textDecorationThickness: '2px', background: '#d9f2dd', color: '#114d1c' } as const;
const DELETE_STYLE = { textDecoration: 'line-through', textDecorationThickness: '2px', background: '#fbe1e1', color: '#7a1414' } as const;

/** A text diff as one paragraph: <ins> and <del>, so the change reads without colour too. */
const Segments = ({ segments, t }: { segments: TextSegment[]; t: (id: string) => string }) => (
  <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
    {segments.map((s, i) =>
      s.op === 'insert' ? (
        <ins key={i} style={INSERT_STYLE} title={t('revision.inserted')} data-op="insert">
          {s.text}
        </ins>
      ) : s.op === 'delete' ? (
        <del key={i} style={DELETE_STYLE} title={t('revision.deleted')} data-op="delete">
          {s.text}
        </del>
      ) : (
        <span key={i}>{s.text}</span>
      )
    )}
  </Typography>
);

/** A field's name as the Content Manager shows it (its label in the admin's language), else its key. */
const fieldLabel = (field: string, uiLocale: string) =>
  field
    .split('.')
    .map((part) => FIELD_LABELS[part]?.[uiLocale.toLowerCase().startsWith('zh') ? 1 : 0] ?? part)
    .join(' › ');

const Change = ({ change, label, t }: { change: FieldChange; label: string; t: (id: string) => string }) => (
  <Box tag="li" paddingTop={2} data-testid="revision-change" data-field={change.field}>
    <Typography variant="sigma" textColor="neutral700">
      {label}
    </Typography>
    {change.kind === 'text' && <Segments segments={change.segments} t={t} />}
    {change.kind === 'value' && (
      <Typography tag="p" variant="omega">
        <del style={DELETE_STYLE}>{change.before ?? t('revision.empty')}</del> → <ins style={INSERT_STYLE}>{change.after ?? t('revision.empty')}</ins>
      </Typography>
    )}
    {change.kind === 'list' &&
      (change.added.length + change.removed.length === 0 ? (
        <Typography tag="p" variant="pi" textColor="neutral600">
          {t('revision.reordered')}
        </Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
          {change.removed.map((item, i) => (
            <Typography key={`r${i}`} tag="li" variant="omega">
              − <del style={DELETE_STYLE}>{item}</del>
            </Typography>
          ))}
          {change.added.map((item, i) => (
            <Typography key={`a${i}`} tag="li" variant="omega">
              + <ins style={INSERT_STYLE}>{item}</ins>
            </Typography>
          ))}
        </Flex>
      ))}
  </Box>
);

/** The notice on a translation whose Chinese original changed after it was translated. */
export const TranslationStaleNotice = ({ t }: { t: (id: string) => string }) => (
  <Box padding={3} hasRadius background="warning100" borderColor="warning200" data-testid="translation-stale-notice" role="note">
    <Typography tag="p" variant="omega" fontWeight="bold" textColor="warning700">
      {t('revision.stale')}
    </Typography>
    <Typography tag="p" variant="pi" textColor="neutral800">
      {t('revision.stale.hint')}
    </Typography>
  </Box>
);

export const RevisionDiffContent = ({ model, documentId, locale, state }: { model: string; documentId: string; locale: string; state: string }) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const { get } = useFetchClient();
  const [answer, setAnswer] = useState<RevisionsAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);

  useEffect(() => {
    let live = true;
    get(`/chronicle/revisions/${model}/${encodeURIComponent(documentId)}?${new URLSearchParams({ locale, since: 'approved' })}`)
      .then(({ data }) => {
        if (!live) return;
        setAnswer(data as RevisionsAnswer);
        setFailed(false);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
    // Reloaded when the state changes (a transition, an edit that sent it back to review).
  }, [get, model, documentId, locale, state]);

  if (!answer) return <Typography textColor="neutral600">{failed ? t('revision.failed') : t('revision.loading')}</Typography>;
  const time = (iso: string) => formatShanghai(iso, uiLocale);
  const { base, current } = answer;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="revision-diff">
      {answer.translationStale && <TranslationStaleNotice t={t} />}
      {!current ? (
        <Typography textColor="neutral600">{t('revision.none')}</Typography>
      ) : state === 'in_review' && base ? (
        <>
          <Typography tag="p" variant="pi" textColor="neutral700" data-testid="revision-base">
            {t(`revision.since.${base.reason}`, { actor: base.step?.actor ?? '', number: base.number, time: time(base.step?.at ?? base.savedAt) })}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {t('revision.current', { number: current.number, editor: current.editor, time: time(current.savedAt) })}
          </Typography>
          {answer.changes.length === 0 ? (
            <Typography textColor="neutral600">{t('revision.noChanges')}</Typography>
          ) : (
            <>
              <Typography tag="p" variant="pi" textColor="neutral600">
                {t('revision.legend')}
              </Typography>
              <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
                {answer.changes.map((change) => (
                  <Change key={change.field} change={change} label={fieldLabel(change.field, uiLocale)} t={t} />
                ))}
              </Flex>
            </>
          )}
        </>
      ) : (
        <Typography tag="p" variant="pi" textColor="neutral600" data-testid="revision-count">
          {t('revision.count', { count: answer.revisions.length, number: current.number, editor: current.editor, time: time(current.savedAt) })}
        </Typography>
      )}
    </Flex>
  );
};

/** Side panel description for the Content Manager, right after the Workflow panel (null elsewhere and before the first save). */
export const RevisionPanel = ({ model, documentId, document }: any) => {
  const { formatMessage } = useIntl();
  if (!EDITORIAL_UIDS.includes(model) || !documentId || !document?.locale) return null;
  return {
    title: formatMessage({ id: `${PLUGIN_ID}.revision.title`, defaultMessage: 'What changed' }),
    content: <RevisionDiffContent model={model} documentId={documentId} locale={document.locale} state={document.workflowState ?? 'draft'} />,
  };
};
