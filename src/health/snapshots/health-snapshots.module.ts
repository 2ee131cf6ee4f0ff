import { Module } from '@nestjs/common';
import { FollowUpsModule } from '../../follow-ups/follow-ups.module';
import { HealthModule } from '../health.module';
import { SnapshotSchedule } from './snapshot-schedule';
import { SnapshotJob } from './snapshot.job';
import { SnapshotWriter } from './snapshot.writer';

/** The weekly health snapshot job and the "health band worsened" follow-up it fires. */
@Module({
  imports: [HealthModule, FollowUpsModule],
  providers: [SnapshotSchedule, SnapshotWriter, SnapshotJob],
})
export class HealthSnapshotsModule {}
