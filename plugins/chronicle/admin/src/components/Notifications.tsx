/**
 * The signed-in user's notices on the Newsroom page (GET /chronicle/notifications): what
 * happened to their work, or what waits for their review, newest first, with the unread
 * count. Opening one marks it read; "mark all read" clears the count. Times in Beijing.
 * (Strapi 5's menu badge is fixed when the plugin registers, so the count shows here.)
 */
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import type { NotificationItem, NotificationsAnswer } from '../../../server/src/contracts/admin';
import { PLUGIN_ID } from '../pluginId';
import { formatShanghai } from '../utils/shanghai-time';

const PAGE = 10;

export const editUrl = (item: { uid: string; documentId: string; locale: string }) =>
  `/admin/content-manager/collection-types/${item.uid}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;

export const Notifications = () => {
  const { formatMessage, locale } = useIntl();
  const { get, post } = useFetchClient();
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const t = (id: string, values?: Record<string, string>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);

  const load = useCallback(
    async (after?: string | null) => {
      try {
        const res = await get(`/chronicle/notifications?limit=${PAGE}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);
        const answer = res.data as NotificationsAnswer;
        setItems((old) => (after ? [...old, ...answer.items] : answer.items));
        setUnread(answer.unread);
        setCursor(answer.nextCursor);
        setLoaded(true);
      } catch {
        setFailed(true);
      }
    },
    [get]
  );

  useEffect(() => {
    void load();
  }, [load]);

  const markRead = async (body: { ids: number[] } | { all: true }) => {
    const res = await post('/chronicle/notifications/read', body);
    const now = new Date().toISOString();
    setUnread((res.data as { unread: number }).unread);
    setItems((old) => old.map((n) => ('all' in body || body.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)));
  };

  /** Mark it read, then open the document. */
  const open = async (event: React.MouseEvent, item: NotificationItem) => {
    event.preventDefault();
    if (!item.readAt) await markRead({ ids: [item.id] }).catch(() => undefined);
    window.location.assign(editUrl(item));
  };

  return (
    <Box background="neutral0" shadow="filterShadow" hasRadius padding={4} data-testid="notifications">
      <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
        <Flex gap={2} alignItems="center">
          <Typography variant="delta" tag="h2">
            {t('notify.title')}
          </Typography>
          <Badge active={unread > 0} data-testid="notifications-unread" aria-label={t('notify.unreadLabel', { count: String(unread) })}>
            {unread}
          </Badge>
        </Flex>
        {unread > 0 ? (
          <Button variant="tertiary" size="S" onClick={() => markRead({ all: true })} data-testid="notifications-read-all">
            {t('notify.markAllRead')}
          </Button>
        ) : null}
      </Flex>
      {failed ? (
        <Typography tag="p" textColor="danger600">{t('notify.error')}</Typography>
      ) : !loaded ? (
        <Typography tag="p" textColor="neutral600">{t('workflow.loading')}</Typography>
      ) : items.length === 0 ? (
        <Typography tag="p" textColor="neutral600">{t('notify.empty')}</Typography>
      ) : (
        <Box tag="ul" paddingTop={2}>
          {items.map((item) => (
            <Box
              tag="li"
              key={item.id}
              paddingTop={2}
              paddingBottom={2}
              borderColor="neutral150"
              data-testid="notification"
              data-unread={item.readAt ? 'false' : 'true'}
            >
              <Flex gap={2} alignItems="baseline" wrap="wrap">
                {!item.readAt ? <Badge active>{t('notify.new')}</Badge> : null}
                <Link href={editUrl(item)} onClick={(e: React.MouseEvent) => open(e, item)}>
                  <Typography fontWeight={item.readAt ? 'regular' : 'bold'}>
                    {t(`notify.kind.${item.kind}`, { title: item.title || item.documentId, actor: item.actor })}
                  </Typography>
                </Link>
                <Typography variant="pi" textColor="neutral600">
                  {item.actor} · {formatShanghai(item.createdAt, locale)}
                  {item.scheduledFor ? ` · ${t('notify.goesOut', { when: formatShanghai(item.scheduledFor, locale) })}` : ''}
                </Typography>
                {!item.readAt ? (
                  <Button variant="ghost" size="S" onClick={() => markRead({ ids: [item.id] })}>
                    {t('notify.markRead')}
                  </Button>
                ) : null}
              </Flex>
              {item.note ? (
                <Typography tag="p" variant="omega" textColor="neutral700">
                  {t('notify.note', { note: item.note })}
                </Typography>
              ) : null}
            </Box>
          ))}
        </Box>
      )}
      {cursor ? (
        <Box paddingTop={2}>
          <Button variant="secondary" size="S" onClick={() => load(cursor)}>
            {t('notify.more')}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
};

export default Notifications;
