import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Cadence } from '../cadences/cadence.entity';
import type { Touchpoint } from '../cadences/touchpoint.entity';
import { Engagement } from '../engagements/engagement.entity';
import { defaultTouchpointTitle } from '../follow-ups/domain/touchpoint-title';

export interface TouchpointLabels {
  engagementName: string;
  /** The cadence's title: "Weekly sync", "Weekly status". */
  touchpointTitle: string;
}

/** The words a Slack answer names a touchpoint by. */
@Injectable()
export class TouchpointLabeller {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async labelsOf(touchpoint: Touchpoint): Promise<TouchpointLabels> {
    const [engagement, cadence] = await Promise.all([
      this.dataSource
        .getRepository(Engagement)
        .findOne({ where: { id: touchpoint.engagementId }, select: { id: true, name: true } }),
      this.dataSource
        .getRepository(Cadence)
        .findOne({ where: { id: touchpoint.cadenceId }, select: { id: true, title: true } }),
    ]);
    return {
      engagementName: engagement?.name ?? 'An engagement',
      touchpointTitle: cadence?.title ?? defaultTouchpointTitle(touchpoint.kind),
    };
  }
}
