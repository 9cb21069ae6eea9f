/**
 * The Newsroom page: the caller's notices (components/Notifications), the review queue (my drafts, awaiting review, changes requested, approved
 * and scheduled, recently published) with counts, the editorial calendar
 * (components/Calendar), and what the newsroom holds. Its header
 * switches the admin between 中文 and English in one click (saved as the user's preferred
 * language, as the profile page does).
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../pluginId';
import { Calendar } from '../components/Calendar';
import { Notifications } from '../components/Notifications';
import { formatShanghai } from '../utils/shanghai-time';

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
  const { get, put } = useFetchClient();
  const [switching, setSwitching] = useState(false);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (id: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id });
  const when = (iso: string) => formatShanghai(iso, locale);

  /** The other language, saved as the user's preference; the admin reloads its messages. */
  const switchLanguage = async () => {
    const next = locale === 'zh-Hans' ? 'en' : 'zh-Hans';
    setSwitching(true);
    try {
      await put('/admin/users/me', { preferedLanguage: next });
    } finally {
      window.localStorage.setItem('strapi-admin-language', next);
      window.location.reload();
    }
  };

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
      <Layouts.Header
        title={t('overview.title')}
        subtitle={t('overview.subtitle')}
        primaryAction={
          <Button variant="tertiary" onClick={switchLanguage} loading={switching} lang={locale === 'zh-Hans' ? 'en' : 'zh-Hans'} data-testid="language-switch">
            {t('language.switch')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Notifications />
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
          <Calendar />
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
