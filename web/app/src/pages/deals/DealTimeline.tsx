import { useTranslation } from 'react-i18next';
import { type Deal, dealKeys, type Pipeline, useDealTimeline } from '../../api/deals';
import { TimelineView } from '../../components/RecordTimeline';
import { dealTimelineFields } from './deal-timeline-fields';

/** A deal's changes and logged activities on the console's one timeline. */
export function DealTimeline({ deal, pipeline }: { deal: Deal; pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const timeline = useDealTimeline(deal.id);
  return (
    <TimelineView
      entity="deal"
      id={deal.id}
      timeline={timeline}
      timelineKey={dealKeys.timeline(deal.id)}
      fields={dealTimelineFields(deal, pipeline, t, i18n.language)}
    />
  );
}
