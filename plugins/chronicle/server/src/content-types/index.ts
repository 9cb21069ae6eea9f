import chronicle from './chronicle';
import contributor from './contributor';
import extractionDecision from './extraction-decision';
import fieldReport from './field-report';
import frontlineProfile from './frontline-profile';
import notification from './notification';
import gridStatistic from './grid-statistic';
import liveChange from './live-change';
import revision from './revision';
import timelineEvent from './timeline-event';
import tombstone from './tombstone';
import unit from './unit';
import workflowTransition from './workflow-transition';

export default {
  unit,
  contributor,
  'frontline-profile': frontlineProfile,
  'field-report': fieldReport,
  chronicle,
  'timeline-event': timelineEvent,
  'grid-statistic': gridStatistic,
  'workflow-transition': workflowTransition,
  'extraction-decision': extractionDecision,
  tombstone,
  revision,
  notification,
  'live-change': liveChange,
};
