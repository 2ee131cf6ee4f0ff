import type { TouchpointKind } from '../../notifications/slack/slack-domain.port';

/**
 * What a touchpoint is called when its cadence gives no title (the cadence is gone, or the
 * touchpoint is unknown): "Meeting" for a meeting, else "Status report".
 */
export function defaultTouchpointTitle(kind: TouchpointKind | undefined): string {
  return kind === 'meeting' ? 'Meeting' : 'Status report';
}
