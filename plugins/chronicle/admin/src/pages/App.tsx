/**
 * The Newsroom page: the review queue (my drafts, awaiting review, changes requested, approved
 * and scheduled, recently published) with counts, and what the newsroom holds.
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../pluginId';

type Counts = Record<string, { documents: number; published?: number }>;

interface QueueItem {
  uid: string;
  type: string;
  documentId: string;
  locale: string;
  title: string;
  state: string;
  updatedAt: string;
  author: string | null;
}

interface Queue {
  counts: Record<string, number>;
  sections: Record<string, QueueItem[]>;
}

const SECTIONS = ['mine', 'awaitingReview', 'changesRequested', 'approved', 'recentlyPublished'];

const editUrl = (item: QueueItem) =>
  `/admin/content-manager/collection-types/${item.uid}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;

export const App = () => {
  const { formatMessage, locale } = useIntl();
  const { get } = useFetchClient();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (id: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id });
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'zh-Hans' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  useEffect(() => {
    Promise.all([get('/chronicle/overview'), get('/chronicle/workflow/queue')])
      .then(([overview, review]) => {
        setCounts((overview.data as { counts: Counts }).counts);
        setQueue(review.data as Queue);
      })
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Page.Error />;
  if (!counts || !queue) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{t('overview.title')}</Page.Title>
      <Layouts.Header title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box>
            <Typography variant="delta" tag="h2">
              {t('queue.title')}
            </Typography>
            <Flex gap={2} paddingTop={2} wrap="wrap">
              {Object.entries(queue.counts).map(([state, n]) => (
                <Badge key={state}>
                  {t(`state.${state}`)}: {n}
                </Badge>
              ))}
            </Flex>
          </Box>
          {SECTIONS.map((section) => (
            <Box key={section} background="neutral0" shadow="filterShadow" hasRadius padding={4}>
              <Typography variant="delta" tag="h3">
                {t(`queue.${section}`)} ({queue.sections[section]?.length ?? 0})
              </Typography>
              {queue.sections[section]?.length ? (
                <Table colCount={5} rowCount={queue.sections[section].length + 1}>
                  <Thead>
                    <Tr>
                      <Th><Typography variant="sigma">{t('queue.titleColumn')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.typeColumn')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.stateColumn')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.authorColumn')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.updatedColumn')}</Typography></Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {queue.sections[section].map((item) => (
                      <Tr key={`${item.uid}-${item.documentId}-${item.locale}`}>
                        <Td>
                          <Link href={editUrl(item)}>{item.title || item.documentId}</Link> <Typography textColor="neutral600">({item.locale})</Typography>
                        </Td>
                        <Td><Typography>{t(`type.${item.type}`)}</Typography></Td>
                        <Td><Typography>{t(`state.${item.state}`)}</Typography></Td>
                        <Td><Typography>{item.author ?? '—'}</Typography></Td>
                        <Td><Typography>{when(item.updatedAt)}</Typography></Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              ) : (
                <Typography tag="p" textColor="neutral600">{t('queue.empty')}</Typography>
              )}
            </Box>
          ))}
          <Box background="neutral0" shadow="filterShadow" hasRadius>
            <Table colCount={3} rowCount={Object.keys(counts).length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('overview.type')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('overview.documents')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('overview.published')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {Object.entries(counts).map(([type, count]) => (
                  <Tr key={type}>
                    <Td><Typography>{t(`type.${type}`)}</Typography></Td>
                    <Td><Typography>{count.documents}</Typography></Td>
                    <Td><Typography>{count.published ?? '—'}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default App;
