/** The Newsroom page: counts of the newsroom's records (the review queue joins it with the workflow). */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../pluginId';

type Counts = Record<string, { documents: number; published?: number }>;

export const App = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (id: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id });

  useEffect(() => {
    get('/chronicle/overview')
      .then(({ data }) => setCounts((data as { counts: Counts }).counts))
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Page.Error />;
  if (!counts) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{t('overview.title')}</Page.Title>
      <Layouts.Header title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <Layouts.Content>
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
      </Layouts.Content>
    </Page.Main>
  );
};

export default App;
