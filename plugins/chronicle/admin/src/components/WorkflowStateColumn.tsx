/**
 * The Content Manager's list view of the newsroom's editorial types shows the workflow state
 * (translated) instead of Strapi's Draft/Published column (issue 18, item 5): one state system
 * on screen. The column is added with the list view's hook
 * (`Admin/CM/pages/ListView/inject-column-in-table`); Strapi appends its own status column
 * after every hook has run, so it cannot be taken out of the headers: while one of our cells
 * is on the page, a style hides that column (the last header; the cell before the row's
 * actions in each row).
 */
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { Badge } from '@strapi/design-system';
import { PLUGIN_ID } from '../pluginId';

const CELL_ATTRIBUTE = 'data-chronicle-workflow-state';
const STYLE_ID = 'chronicle-list-one-workflow';
const TABLE = `table:has([${CELL_ATTRIBUTE}])`;
const HIDE_STRAPI_STATUS = `${TABLE} thead tr > th:last-child, ${TABLE} tbody tr > td:nth-last-child(2) { display: none !important; }`;

const useHiddenStrapiStatusColumn = () => {
  useEffect(() => {
    if (document.getElementById(STYLE_ID)) return;
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = HIDE_STRAPI_STATUS;
    document.head.appendChild(style);
  }, []);
};

const WorkflowStateCell = ({ state }: { state?: string | null }) => {
  const { formatMessage } = useIntl();
  useHiddenStrapiStatusColumn();
  const key = state || 'draft';
  return (
    <Badge {...{ [CELL_ATTRIBUTE]: key }} data-testid="list-workflow-state">
      {formatMessage({ id: `${PLUGIN_ID}.state.${key}`, defaultMessage: key })}
    </Badge>
  );
};

/** The hook: on a type with a workflow (its layout knows `workflowState`), the state column. */
export const injectWorkflowStateColumn = ({ displayedHeaders, layout }: { displayedHeaders: any[]; layout: any }) => {
  if (!layout?.metadatas || !('workflowState' in layout.metadatas)) return { displayedHeaders, layout };
  return {
    displayedHeaders: [
      ...displayedHeaders.filter((header) => header?.name !== 'workflowState'),
      {
        attribute: { type: 'enumeration' },
        label: { id: `${PLUGIN_ID}.list.workflowState`, defaultMessage: 'Workflow state' },
        searchable: false,
        sortable: true,
        name: 'workflowState',
        cellFormatter: (row: { workflowState?: string | null }) => <WorkflowStateCell state={row.workflowState} />,
      },
    ],
    layout,
  };
};
