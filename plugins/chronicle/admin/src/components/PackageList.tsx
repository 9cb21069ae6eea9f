/**
 * A field report's package in the Workflow panel (issue 18, item 2; docs/workflow.md): the
 * events and figures accepted from the report, which travel with it through the workflow.
 * Each item shows its title, its kind, its own workflow state, a link to open it and whether
 * it stops one of the report's next steps (approve, schedule, publish), as the server's
 * history answer says (`blocks`, from server/src/domain/package.ts). When the server refused a
 * step because of items (409, `details.items`), their names are listed at the top.
 */
import { useIntl } from 'react-intl';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import type { PackageItemAnswer } from '../../../server/src/contracts/admin';
import { PLUGIN_ID } from '../pluginId';

/** A package item as the server names it in a 409's `details.items`. */
export type RefusingItem = Pick<PackageItemAnswer, 'type' | 'documentId' | 'title' | 'state'>;

const openUrl = (item: RefusingItem, locale: string) =>
  `/admin/content-manager/collection-types/plugin::chronicle.${item.type}/${item.documentId}?plugins[i18n][locale]=${locale}`;

export const PackageList = ({
  items,
  locale,
  refusing,
}: {
  items: readonly PackageItemAnswer[];
  locale: string;
  /** The items the server named when it refused the last step, if it did. */
  refusing?: readonly RefusingItem[] | null;
}) => {
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const name = (item: RefusingItem) => item.title || t('package.untitled');

  return (
    <Box data-testid="workflow-package">
      <Typography variant="sigma" tag="h3">
        {t('package.title', { count: String(items.length) })}
      </Typography>
      {refusing && refusing.length > 0 && (
        <Box padding={3} marginTop={2} hasRadius background="danger100" borderColor="danger200" data-testid="workflow-package-refused">
          <Typography tag="p" variant="omega" textColor="danger700" fontWeight="bold">
            {t('package.refused')}
          </Typography>
          <Flex tag="ul" direction="column" alignItems="stretch" gap={1} paddingTop={1}>
            {refusing.map((item) => (
              <Typography tag="li" key={item.documentId} variant="omega" textColor="neutral800" data-testid="workflow-package-refused-item">
                {t('package.refusedItem', { title: name(item), type: t(`package.type.${item.type}`), state: t(`state.${item.state}`) })}
              </Typography>
            ))}
          </Flex>
        </Box>
      )}
      {items.length === 0 ? (
        <Typography tag="p" variant="pi" textColor="neutral600">
          {t('package.empty')}
        </Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
          {items.map((item) => {
            const stops = item.blocks ?? [];
            return (
              <Box
                tag="li"
                key={item.documentId}
                padding={2}
                hasRadius
                borderColor={stops.length ? 'danger200' : 'neutral200'}
                background={stops.length ? 'danger100' : 'neutral0'}
                data-testid="workflow-package-item"
                data-state={item.state}
                data-blocks={stops.join(' ')}
              >
                <Flex direction="column" alignItems="stretch" gap={1}>
                  <Link href={openUrl(item, locale)} data-testid="workflow-package-open">
                    {name(item)}
                  </Link>
                  <Flex gap={2} wrap="wrap">
                    <Typography variant="pi" textColor="neutral600">
                      {t(`package.type.${item.type}`)}
                    </Typography>
                    <Badge data-testid="workflow-package-state">{t(`state.${item.state}`)}</Badge>
                  </Flex>
                  {stops.length > 0 && (
                    <Typography tag="p" variant="pi" textColor="danger700" data-testid="workflow-package-blocks">
                      {t('package.blocks', { steps: stops.map((to) => t(`action.${to}`)).join(t('package.separator')) })}
                    </Typography>
                  )}
                </Flex>
              </Box>
            );
          })}
        </Flex>
      )}
    </Box>
  );
};
