/**
 * Puts back edits a refused save dropped. After a 409 (someone saved first, or an approved
 * document would need a new review) the Content Manager reloads the document into the form,
 * and what the user typed disappears. This panel keeps the user's last edits
 * (../utils/unsaved-changes) and, when a reload lacks them, offers to put them back into the
 * form over the current version, to review and save again. Shown only then.
 */
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../pluginId';
import { track, type KeptEdits } from '../utils/unsaved-changes';

type Values = Record<string, unknown>;
const CONSUMER = 'ChronicleUnsavedChanges';

/** Side panel description: null unless a reload dropped some of the user's edits. */
export const UnsavedChangesPanel = ({ model, documentId }: any) => {
  const { formatMessage } = useIntl();
  const values = useForm(CONSUMER, (state) => state.values) as Values;
  const initialValues = useForm(CONSUMER, (state) => state.initialValues) as Values;
  const modified = useForm(CONSUMER, (state) => state.modified) as boolean;
  const setValues = useForm(CONSUMER, (state) => state.setValues) as (values: Values) => void;
  const kept = useRef<KeptEdits | null>(null);
  const seenInitial = useRef(initialValues);
  const [lost, setLost] = useState<Values | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const { get } = useFetchClient();

  useEffect(() => {
    const reloaded = initialValues !== seenInitial.current;
    seenInitial.current = initialValues;
    if (modified) {
      kept.current = track(kept.current, { kind: 'edited', initial: initialValues, values }).kept;
      return;
    }
    if (!reloaded) return;
    const next = track(kept.current, { kind: 'reloaded', initial: initialValues });
    kept.current = next.kept;
    if (next.lost) setLost(next.lost);
  }, [values, initialValues, modified]);

  // The fields' labels as the edit form shows them (in the admin's language), once something is offered.
  useEffect(() => {
    if (!lost || typeof model !== 'string') return;
    let cancelled = false;
    get(`/content-manager/content-types/${model}/configuration`)
      .then(({ data }: any) => {
        const metadatas = (data?.data?.contentType?.metadatas ?? {}) as Record<string, { edit?: { label?: string } }>;
        const label = (field: string, stored?: string) =>
          formatMessage({ id: `content-manager.content-types.${model}.${field}`, defaultMessage: stored ?? field });
        if (!cancelled) setLabels(Object.fromEntries(Object.entries(metadatas).map(([field, meta]) => [field, label(field, meta.edit?.label)])));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [lost, model, get, formatMessage]);

  const applies = typeof model === 'string' && model.startsWith('plugin::chronicle.') && model !== 'plugin::chronicle.workflow-transition' && Boolean(documentId);
  if (!applies || !lost) return null;
  const t = (id: string, defaultMessage: string, params?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, params);
  const fields = Object.keys(lost).map((field) => labels[field] ?? field);
  return {
    title: t('unsaved.title', 'Your unsaved changes'),
    content: (
      <Box width="100%" data-testid="unsaved-changes">
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="omega">
            {t('unsaved.text', 'The form now shows the current version. What you changed in these fields was not saved: {fields}.', {
              fields: fields.join(', '),
            })}
          </Typography>
          <Button
            data-testid="unsaved-restore"
            onClick={() => {
              setValues({ ...values, ...lost });
              setLost(null);
            }}
          >
            {t('unsaved.restore', 'Put my changes back')}
          </Button>
          <Button
            variant="tertiary"
            onClick={() => {
              kept.current = null;
              setLost(null);
            }}
          >
            {t('unsaved.discard', 'Discard them')}
          </Button>
        </Flex>
      </Box>
    ),
  };
};
