/**
 * The fact check (核实) of a figure in the Content Manager's edit view (issue #17,
 * docs/editors.md#fact-checking-figures): its state, source, method, checker and date. An editor
 * who did not write the figure may Verify it or Dispute it (with a note), each confirmed in a
 * dialog; everyone else sees the state. The server decides (GET/POST
 * /chronicle/figures/:documentId/verification); the source and method are filled in the form.
 */
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import type { VerificationInfo } from '../../../server/src/contracts/admin';
import { PLUGIN_ID } from '../pluginId';
import { ConfirmDialog } from './ConfirmDialog';
import { inLanguage } from '../utils/language';
import { useRefreshDocument } from '../utils/refresh-document';
import { formatShanghai } from '../utils/shanghai-time';

const FIGURE_UID = 'plugin::chronicle.grid-statistic';
type Action = 'verify' | 'dispute';

const BADGE: Record<VerificationInfo['state'], { background: string; text: string }> = {
  unverified: { background: 'warning100', text: 'warning700' },
  verified: { background: 'success100', text: 'success700' },
  disputed: { background: 'danger100', text: 'danger700' },
};

/** The source in one line, as the newsroom reads it, in the admin's language (its punctuation and page wording). */
const sourceLine = (source: VerificationInfo['source'], t: (id: string, values?: Record<string, string>) => string) => {
  switch (source.kind) {
    case 'document': {
      const page = source.page ? String(source.page) : '';
      if (source.title && page) return t('verify.source.titlePage', { title: source.title, page });
      return source.title || (page ? t('verify.source.page', { page }) : '');
    }
    case 'url':
      return source.url ?? '';
    case 'statement':
      return [source.name, source.office].filter(Boolean).join(t('verify.source.separator'));
    default:
      return '';
  }
};

export const FigureVerificationPanelContent = ({ documentId }: { documentId: string }) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refreshDocument = useRefreshDocument();
  const [info, setInfo] = useState<VerificationInfo | null>(null);
  const [failed, setFailed] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const t = (id: string, values?: Record<string, string>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);

  const load = useCallback(async () => {
    const { data } = await get(`/chronicle/figures/${documentId}/verification`);
    setInfo(data as VerificationInfo);
    setFailed(false);
  }, [get, documentId]);

  useEffect(() => {
    load().catch(() => setFailed(true));
  }, [load]);

  const act = async (action: Action) => {
    setConfirming(null);
    setBusy(true);
    try {
      const { data } = await post(`/chronicle/figures/${documentId}/verification`, { action, ...(note.trim() ? { note: note.trim() } : {}) });
      const next = data as VerificationInfo;
      setInfo(next);
      setNote('');
      toggleNotification({ type: 'success', message: t('verify.done', { state: t(`verify.state.${next.state}`) }) });
      await refreshDocument({ model: FIGURE_UID, documentId });
    } catch (error: any) {
      const message = error?.response?.data?.error?.message;
      toggleNotification({ type: 'danger', message: message ? inLanguage(String(message), uiLocale) : t('verify.failed') });
    } finally {
      setBusy(false);
    }
  };

  if (!info) return <Typography textColor="neutral600">{failed ? t('verify.failed') : t('verify.loading')}</Typography>;

  const actions: Action[] = info.mayCheck ? (['verify', 'dispute'] as Action[]).filter((a) => (a === 'verify' ? info.state !== 'verified' : info.state !== 'disputed')) : [];
  const missing = (action: Action) => (action === 'dispute' && !note.trim() ? 'verify.missing.note' : null);
  const colours = BADGE[info.state];
  const line = sourceLine(info.source, t);

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="verification-panel">
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma">{t('verify.state')}</Typography>
        <Badge backgroundColor={colours.background} textColor={colours.text} data-testid="verification-state" data-state={info.state}>
          {t(`verify.state.${info.state}`)}
        </Badge>
      </Flex>
      <Box>
        <Typography variant="sigma" tag="p">
          {t('verify.source')}
        </Typography>
        <Typography tag="p" variant="omega" data-testid="verification-source">
          {info.source.kind
            ? line
              ? t('verify.source.line', { kind: t(`verify.source.${info.source.kind}`), detail: line })
              : t(`verify.source.${info.source.kind}`)
            : t('verify.source.none')}
        </Typography>
      </Box>
      {info.method && (
        <Box>
          <Typography variant="sigma" tag="p">
            {t('verify.method')}
          </Typography>
          <Typography tag="p" variant="omega">
            {info.method}
          </Typography>
        </Box>
      )}
      {info.checker && info.checkedAt && (
        <Typography tag="p" variant="pi" textColor="neutral600" data-testid="verification-checker">
          {t('verify.checker')}: {info.checker} · {t('verify.checkedAt')}: {formatShanghai(info.checkedAt, uiLocale)}
        </Typography>
      )}
      {info.note && (
        <Typography tag="p" variant="pi">
          {t('verify.note')}: {inLanguage(info.note, uiLocale)}
        </Typography>
      )}
      {actions.length > 0 ? (
        <>
          <Field.Root name="verification-note" hint={t('verify.note.hint')}>
            <Field.Label>{t('verify.note')}</Field.Label>
            <Textarea value={note} onChange={(e: any) => setNote(e.target.value)} />
            <Field.Hint />
          </Field.Root>
          <Flex direction="column" alignItems="stretch" gap={2}>
            {actions.map((action) => (
              <Button
                key={action}
                fullWidth
                variant={action === 'verify' ? 'success-light' : 'danger-light'}
                disabled={busy}
                onClick={() => setConfirming(action)}
                data-testid={`verification-${action}`}
              >
                {t(`verify.action.${action}`)}
              </Button>
            ))}
          </Flex>
        </>
      ) : (
        <Typography tag="p" variant="pi" textColor="neutral600" data-testid="verification-readonly">
          {info.refusal ? inLanguage(info.refusal.message, uiLocale) : t('verify.reporterView')}
        </Typography>
      )}
      {confirming && (
        <ConfirmDialog
          title={t(`verify.action.${confirming}`)}
          question={t(`verify.confirm.${confirming}`)}
          note={{ label: t('verify.note'), text: note }}
          missing={missing(confirming) ? t(missing(confirming) as string) : undefined}
          cancelLabel={t('verify.cancel')}
          onConfirm={() => act(confirming)}
          onClose={() => setConfirming(null)}
          testId="verification-confirm"
        />
      )}
    </Flex>
  );
};

/** Side panel description for the Content Manager: grid statistics only, once saved. */
export const FigureVerificationPanel = ({ model, documentId, document }: any) => {
  const { formatMessage } = useIntl();
  if (model !== FIGURE_UID || !documentId || !document?.locale) return null;
  return {
    title: formatMessage({ id: `${PLUGIN_ID}.verify.title`, defaultMessage: 'Fact check' }),
    content: <FigureVerificationPanelContent documentId={documentId} />,
  };
};
